import Testing
@testable import Series12Dashboard

@Suite struct CellGridTests {
    init() { _ = TestLocale.isUTF8 }

    @Test func wideCharactersTakeTwoCells() {
        var g = CellGrid(height: 1, width: 8)
        g.put("a📦b", y: 0, x: 0, maxWidth: 8, style: .normal)
        #expect(g.row(0) == "a📦b    ")
        #expect(g.rows[0][2] == .continuation)
    }

    @Test func overwritingTheRightHalfOfAWideCharacterBlanksItsLeftHalf() {
        var g = CellGrid(height: 1, width: 6)
        g.put("  📦 x", y: 0, x: 0, maxWidth: 6, style: .normal)
        g.put("│", y: 0, x: 3, maxWidth: 1, style: Style(.overlay))
        #expect(g.row(0) == "   │ x")
        #expect(!g.rows[0].contains(.continuation))
        #expect(g.role(y: 0, x: 3) == .overlay)
    }

    @Test func overwritingTheLeftHalfBlanksTheRightHalf() {
        var g = CellGrid(height: 1, width: 6)
        g.put("📦📦", y: 0, x: 0, maxWidth: 6, style: .normal)
        g.put("x", y: 0, x: 2, maxWidth: 1, style: .normal)
        #expect(g.row(0) == "📦x   ")
        g.put("❌", y: 0, x: 1, maxWidth: 2, style: .normal)  // straddles the first 📦 and the x
        #expect(g.row(0) == " ❌   ")
    }

    @Test func aWideCharacterThatDoesNotFitIsLeftOut() {
        var g = CellGrid(height: 1, width: 4)
        g.put("ab📦", y: 0, x: 1, maxWidth: 3, style: .normal)
        #expect(g.row(0) == " ab ")
        g.put("x", y: 3, x: 0, maxWidth: 1, style: .normal)  // off the grid: ignored
    }

    @Test func rowsBecomeRunsOfOneStyle() {
        var g = CellGrid(height: 1, width: 10)
        g.put("ab", y: 0, x: 0, maxWidth: 10, style: Style(.ok))
        g.put("📦c", y: 0, x: 2, maxWidth: 10, style: Style(.bad, bold: true))
        let runs = g.runs(ofRow: 0)
        #expect(runs.map(\.x) == [0, 2, 5])
        #expect(runs.map(\.text) == ["ab", "📦c", "     "])
        #expect(runs.map(\.style) == [Style(.ok), Style(.bad, bold: true), .normal])
    }
}
