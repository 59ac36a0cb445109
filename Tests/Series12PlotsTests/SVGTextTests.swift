import Testing
@testable import Series12Plots

@Suite struct SVGTextTests {
    @Test func markupCharactersAreEscapedAndForbiddenControlsReplaced() {
        #expect(SVGText.escape("a<b & \"c\" 'd' >") == "a&lt;b &amp; &quot;c&quot; &apos;d&apos; &gt;")
        #expect(SVGText.escape("κ = 0.1 — ok\u{01}") == "κ = 0.1 — ok\u{FFFD}")
    }

    @Test func coordinatesHaveAtMostTwoDecimalsAndNoNegativeZero() {
        #expect(SVGText.number(12.5) == "12.5")
        #expect(SVGText.number(3) == "3")
        #expect(SVGText.number(100.004) == "100")
        #expect(SVGText.number(-0.001) == "0")
        #expect(SVGText.number(-7.256) == "-7.26")
    }

    @Test func thinningKeepsFirstLowestHighestAndLastOfEachPixelColumn() {
        // Column 0 holds six points; column 1 two. Threshold 4 forces thinning.
        let ys: [Double] = [5, 1, 7, 9, 2, 3]
        var points = ys.enumerated().map { (x: 0.1 + 0.1 * Double($0.offset), y: $0.element) }
        points += [(x: 1.2, y: 4), (x: 1.7, y: 6)]
        let thin = CurveThinning.thin(points, threshold: 4)
        #expect(thin.map(\.y) == [5, 1, 9, 3, 4, 6])
        #expect(CurveThinning.thin(points, threshold: 8).count == 8)  // at or under the threshold: untouched
    }
}
