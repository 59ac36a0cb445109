import Testing
import Series12Sweep
@testable import Series12Dashboard

@Suite struct DriftStripTests {
    init() { _ = TestLocale.isUTF8 }

    @Test func kappaGoesOnALogAxisWhenItSpansDecades() {
        #expect(DriftStrip.logKappa([0.1, 0.5, 1, 2, 5]))
        #expect(!DriftStrip.logKappa([1, 2, 3]))
        #expect(!DriftStrip.logKappa([0, 1, 100]))
        #expect(abs(DriftStrip.position(1, of: [0.1, 1, 10], log: true) - 0.5) < 1e-12)
        #expect(DriftStrip.position(2, of: [1, 2, 3], log: false) == 0.5)
        #expect(DriftStrip.position(4, of: [4], log: false) == 0.5)
    }

    @Test func driftGoesOnWholeDecades() throws {
        let d = try #require(DriftStrip.decades([3e-9, 2e-5, 0, .nan]))
        #expect(d.low == -9 && d.high == -4)
        #expect(DriftStrip.row(1e-9, decades: d, rows: 5) == 4)
        #expect(DriftStrip.row(1e-4, decades: d, rows: 5) == 0)
        #expect(DriftStrip.row(0, decades: d, rows: 5) == 4)
        #expect(DriftStrip.decades([.nan, 0]) == nil)
        #expect(DriftStrip.decadeLabels((-9, -4), rows: 5).map(\.text) == ["1e-4", "1e-5", "1e-6", "1e-8", "1e-9"])
    }

    @Test func marksSitAtTheirKappaAndDrift() throws {
        var a = run(0.1, .running, step: 100, drift: 1e-8, history: [0, 1e-8])
        a.maxDrift = 1e-6
        let b = run(10, .done, step: 100, drift: 1e-6, history: [0, 1e-6])
        let u = run(1, .unstable, step: 100, drift: .nan, history: [0, .nan])
        var g = CellGrid(height: 7, width: 80)
        DriftStrip(runs: [a, b, u], glyphs: .unicode).draw(in: Rect(y: 0, x: 0, height: 7, width: 80), on: &g)
        #expect(g.row(0).contains("drift vs κ (log drift, log κ)"))
        // Decades 1e-8 … 1e-6 on 5 rows: 1e-6 on row 1, 1e-7 on row 3, 1e-8 on row 5.
        #expect(g.row(1).hasPrefix(" 1e-6 ┤"))
        #expect(g.row(5).hasPrefix(" 1e-8 ┤"))
        let left = 8, right = 77
        #expect(Array(g.row(5))[left] == "●")  // κ=0.1: drift now 1e-8
        #expect(Array(g.row(1))[left] == "○")  // … its max drift 1e-6
        #expect(Array(g.row(1))[right] == "●")  // κ=10: 1e-6
        #expect(Array(g.row(1))[(left + right) / 2 + 1] == "✖" || Array(g.row(1))[(left + right) / 2] == "✖")
        #expect(g.role(y: 1, x: right) == .ok)
        #expect(g.row(6).contains("0.1") && g.row(6).contains("10"))
        #expect(Array(g.row(3))[(left + right) / 2] == "·")  // the dotted line between the two
    }
}

extension DriftStripTests {
    @Test func unstableRunsAreMarkedEvenWithNothingFiniteToPlot() {
        let runs = [run(1, .unstable, step: 20, drift: .infinity, history: [0, .infinity]),
                    run(2, .unstable, step: 20, drift: .nan, history: [0, .nan])]
        var g = CellGrid(height: 7, width: 80)
        DriftStrip(runs: runs, glyphs: .ascii).draw(in: Rect(y: 0, x: 0, height: 7, width: 80), on: &g)
        #expect(g.row(1).filter { $0 == "X" }.count == 2)
        #expect(g.text.contains("nothing for a log scale yet (drift 0 or not finite)"))
        #expect(g.text.unicodeScalars.allSatisfy { $0.isASCII })
    }
}
