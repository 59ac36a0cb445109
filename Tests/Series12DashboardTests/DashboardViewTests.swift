import Testing
import Series12Sweep
@testable import Series12Dashboard

@Suite struct DashboardViewTests {
    init() { _ = TestLocale.isUTF8 }

    func render(_ snapshot: SweepSnapshot, height: Int = 24, width: Int = 80, keys: [Key] = [],
                log: [String] = [], glyphs: Glyphs = .unicode) -> (CellGrid, DashboardSession) {
        let fake = FakeSweep(snapshot)
        for line in log { fake.log.append(line) }
        let s = DashboardSession(source: fake, options: DashboardOptions(themesDirectory: ThemeTests.themes, logFilePath: "/tmp/unused.txt", colorDisabled: false),
                                 glyphs: glyphs, colorsEnabled: true, insideTmux: false)
        for key in keys { _ = s.handle(key) }
        var canvas = CellGrid(height: height, width: width)
        DashboardView.draw(s, height: height, width: width, on: &canvas)
        return (canvas, s)
    }

    var busySweep: SweepSnapshot {
        var a = run(0.1, .running, step: 10000, drift: 3e-9, history: [0, 1e-9, 3e-9])
        a.stepsPerSecond = 2500
        a.lastArchive = "kappa_0_1000_data_20250101_120000.tar"
        var b = run(5, .unstable, step: 1500, drift: .nan, history: [0, 1e-3, .nan])
        b.lastArchive = "kappa_5_0000_fields_20250101_120000.tar"
        b.lastArchiveFailed = true
        return sweep([a, b, run(2, .queued)])
    }

    @Test func eightyByTwentyFourShowsHeaderTableLogAndStatus() {
        let (c, _) = render(busySweep, log: ["Step 0 | H: 1.00000000e+00 | Baseline | kappa=0.1000"])
        #expect(c.row(0).hasPrefix(" sweep │ 20250101_120000 │ grid 64×64 │ 1:02:03 │ 19.2% │ cores 1/2 "))
        #expect(c.row(1).contains("κ") && c.row(1).contains("status") && c.row(1).contains("drift"))
        #expect(c.row(2).contains("0.1000") && c.row(2).contains("running") && c.row(2).contains("10000/20000"))
        #expect(c.row(2).contains("3.00e-09"))
        #expect(c.row(3).contains("5.0000") && c.row(3).contains("unstable") && c.row(3).contains("NaN"))
        #expect(c.row(4).contains("2.0000") && c.row(4).contains("queued"))
        // The drift-vs-κ strip (7 rows) sits between the table and the log.
        #expect(c.row(5).contains("drift vs κ"))
        #expect(c.row(12).contains("log: 1 lines"))
        #expect(c.row(13).hasPrefix("Step 0 | H: 1.00000000e+00 | Baseline | kappa=0.1000"))
        #expect(c.row(23).contains("? help  q quit"))
        // Colours by meaning: the selected row, a red NaN drift on the unstable row.
        #expect(c.role(y: 2, x: 0) == .selected)
        let nanColumn = c.row(3).range(of: "NaN").map { c.row(3).distance(from: c.row(3).startIndex, to: $0.lowerBound) }
        #expect(nanColumn.map { c.role(y: 3, x: $0) } == .bad)
    }

    @Test func wideTerminalsShowSparklineAndArchiveMarks() {
        let (c, _) = render(busySweep, height: 30, width: 120)
        #expect(c.row(0).hasPrefix(" sweep │ stamp 20250101_120000 │ grid 64×64 │ elapsed 1:02:03 │ 19.2% done │ cores 1/2 busy "))
        #expect(c.row(1).contains("trend") && c.row(1).contains("archive"))
        #expect(c.row(2).contains("📦 data"))
        #expect(c.row(3).contains("❌ fields"))
        #expect(c.row(3).contains("!"))
    }

    @Test func asciiModeDrawsOnlyASCII() {
        let log = ["  📦 kappa_0_1000_data_20250101_120000.tar created (1 bytes)"]
        let (c, _) = render(busySweep, height: 30, width: 120, log: log, glyphs: .ascii)
        #expect(c.text.unicodeScalars.allSatisfy { $0.isASCII })
        #expect(c.text.contains("[tar] kappa_0_1000_data"))
        #expect(c.text.contains("ok data") && c.text.contains("FAIL fields"))
        for keys: [Key] in [[.character("?")], [.character("q")]] {
            let overlay = render(busySweep, height: 30, width: 120, keys: keys, log: log, glyphs: .ascii).0
            #expect(overlay.text.unicodeScalars.allSatisfy { $0.isASCII })
        }
    }

    @Test func smallTerminalShowsOnlyTheEnlargeMessage() {
        let (c, _) = render(busySweep, height: 20, width: 70)
        #expect(c.text.contains("Terminal is 70×20 — enlarge the window to at least 80×24"))
        #expect(!c.text.contains("status"))
        let tiny = render(busySweep, height: 10, width: 30).0
        #expect(tiny.text.replacingOccurrences(of: "\n", with: " ").split(separator: " ").joined(separator: " ")
            == "Terminal is 30×10 — enlarge the window to at least 80×24")
    }

    @Test func helpOverlayListsEveryKeyOnScreen() {
        let (c, _) = render(busySweep, height: 24, width: 80, keys: [.character("?")])
        for binding in Keymap.standard.bindings {
            #expect(c.text.contains(binding.action.summary(ascii: false)), "\(binding.action) not on the help screen")
        }
    }

    @Test func quitQuestionIsShownWhileRunsAreActive() {
        let (c, _) = render(busySweep, keys: [.character("q")])
        #expect(c.text.contains("Runs are active — quit and checkpoint them as interrupted? (y/n)"))
    }

    @Test func finishedSweepSaysHowToLeave() {
        let (c, _) = render(sweep([run(0.1, .done, step: 20000, drift: 1e-9, history: [0, 1e-9])]))
        #expect(c.row(23).contains("sweep finished — press q to leave"))
    }

    @Test func longLogLinesAreCutAtThePaneWidthWithAnEllipsis() {
        let long = "Run 20250101_120000 | kappa=0.1000 | N=256 | L=1 | dx=0.00390625 | dt=0.0013810679320049757 | steps=20000 | every=500"
        let (c, _) = render(busySweep, keys: [.character("d")], log: [long])
        #expect(c.row(5).contains("log: 1 lines"))
        #expect(c.row(6).hasSuffix("…"))
        #expect(long.hasPrefix(String(c.row(6).dropLast())))
    }

    @Test func manyKappasScrollTheTableToTheSelection() {
        let runs = (0..<30).map { run(Double($0) / 10, .queued) }
        let (c, s) = render(sweep(runs), keys: Array(repeating: .down, count: 25))
        #expect(s.selected == 25)
        #expect(s.tableTop > 0)
        let selectedRow = (2..<16).first { c.role(y: $0, x: 0) == .selected }
        #expect(selectedRow.map { c.row($0).contains("2.5000") } == true)
        #expect(c.row(1).hasPrefix("  ▲▼ κ "))
        #expect(s.status.text == "selected κ=2.5000 (queued), 26 of 30")
        let bottom = render(sweep(runs), keys: Array(repeating: .down, count: 29)).0
        #expect(bottom.row(1).hasPrefix("   ▲ κ "))
        #expect(bottom.row(15).contains("2.9000"))
    }
}

@Suite struct StatusLineTests {
    init() { _ = TestLocale.isUTF8 }

    func draw(_ line: StatusLine, width: Int) -> String {
        var g = CellGrid(height: 1, width: width)
        line.draw(in: Rect(y: 0, x: 0, height: 1, width: width), on: &g, ascii: false)
        return g.row(0)
    }

    @Test func shortMessagesShareTheLineWithTheHint() {
        let s = draw(StatusLine(message: StatusMessage("paused κ=0.5000"), sweepFinished: false), width: 80)
        #expect(s.hasPrefix(" paused κ=0.5000 "))
        #expect(s.hasSuffix("? help  q quit "))
    }

    @Test func longMessagesTakeTheWholeLine() {
        let long = String(repeating: "x", count: 70)
        let s = draw(StatusLine(message: StatusMessage(long), sweepFinished: false), width: 80)
        #expect(s.contains(long))
        #expect(!s.contains("q quit"))
    }

    @Test func theFinishedHintIsNeverPushedOut() {
        let long = String(repeating: "x", count: 100)
        let s = draw(StatusLine(message: StatusMessage(long), sweepFinished: true), width: 80)
        #expect(s.hasSuffix("sweep finished — press q to leave "))
        #expect(s.contains("x…"))
    }
}
