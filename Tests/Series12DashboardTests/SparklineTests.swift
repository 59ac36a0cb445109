import Testing
@testable import Series12Dashboard

@Suite struct SparklineTests {
    let levels = Glyphs.unicode.sparkLevels

    @Test func growingDriftRisesFromLowestToHighest() {
        let line = Array(Sparkline.render([1e-12, 1e-10, 1e-8, 1e-6, 1e-4], width: 10, glyphs: .unicode))
        #expect(line.count == 5)
        #expect(line.first == levels.first)
        #expect(line.last == levels.last)
        #expect(line == line.sorted { levels.firstIndex(of: $0)! < levels.firstIndex(of: $1)! })
    }

    @Test func equalDecadesMapToEvenlySpacedLevels() {
        // 8 values one decade apart span the 8 levels exactly.
        let history = (0..<8).map { pow10(Double($0) - 12) }
        #expect(Sparkline.render(history, width: 8, glyphs: .unicode) == "▁▂▃▄▅▆▇█")
        #expect(Sparkline.render(history, width: 8, glyphs: .ascii) == "_.-=+*#@")
    }

    @Test func constantDriftIsAFlatMidHeightLine() {
        let line = Sparkline.render(Array(repeating: 3e-7, count: 6), width: 20, glyphs: .unicode)
        #expect(line.count == 6)
        #expect(Set(line).count == 1)
        let level = levels.firstIndex(of: line.first!)!
        #expect(level > 0 && level < levels.count - 1)
    }

    @Test func nanAndInfinityShowTheNonFiniteMark() {
        let line = Array(Sparkline.render([0, 1e-8, .nan, 1e-6, .infinity], width: 10, glyphs: .unicode))
        #expect(line[2] == "!")
        #expect(line[4] == "!")
        #expect(line[0] == levels[0])  // the baseline drift 0
        #expect(line[1] != "!")
        #expect(line[3] != "!")
    }

    @Test func onlyZerosOrOnlyNonFiniteStillDraw() {
        #expect(Sparkline.render([0, 0, 0], width: 5, glyphs: .unicode) == "▁▁▁")
        #expect(Sparkline.render([.nan, -.infinity], width: 5, glyphs: .ascii) == "!!")
        #expect(Sparkline.render([], width: 5, glyphs: .unicode) == "")
        #expect(Sparkline.render([1e-3], width: 0, glyphs: .unicode) == "")
    }

    @Test func longHistoriesAreSqueezedKeepingPeaksAndBlowUps() {
        var history = Array(repeating: 1e-9, count: 100)
        history[37] = 1e-3
        let squeezed = Sparkline.bucketMaxima(history, count: 10)
        #expect(squeezed.count == 10)
        #expect(squeezed[3] == 1e-3)
        #expect(squeezed.filter { $0 == 1e-9 }.count == 9)
        history[90] = .nan
        #expect(Sparkline.bucketMaxima(history, count: 10)[9].isNaN)
        #expect(Sparkline.render(history, width: 10, glyphs: .unicode).count == 10)
    }

    private func pow10(_ e: Double) -> Double { Double("1e\(Int(e))")! }
}
