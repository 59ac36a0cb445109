import Foundation
import Testing
import Series12Sweep
@testable import Series12Dashboard

@Suite struct DashboardSessionTests {
    let directory: String
    let options: DashboardOptions

    init() throws {
        directory = NSTemporaryDirectory() + "s12dash-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        options = DashboardOptions(themeName: "default", themesDirectory: ThemeTests.themes,
                                   logFilePath: directory + "/sweep_log_20250101_120000.txt", colorDisabled: false)
    }

    func session(_ fake: FakeSweep, tmux: Bool = false, colors: Bool = true, options: DashboardOptions? = nil) -> DashboardSession {
        DashboardSession(source: fake, options: options ?? self.options, glyphs: .unicode, colorsEnabled: colors, insideTmux: tmux)
    }

    @Test func spacePausesTheSelectedKappaByIndex() {
        let fake = FakeSweep(sweep([run(0.1, .running), run(0.5, .running), run(1, .queued)]))
        let s = session(fake)
        _ = s.handle(.down)
        _ = s.handle(.character("j"))
        _ = s.handle(.character("k"))
        let outcome = s.handle(.character(" "))
        #expect(outcome.exit == nil)
        #expect(fake.commands == [.togglePause(1)])
        #expect(s.status.text == "paused κ=0.5000")
    }

    @Test func selectionStopsAtTheEnds() {
        let fake = FakeSweep(sweep([run(0.1, .running), run(0.5, .running)]))
        let s = session(fake)
        _ = s.handle(.up)
        #expect(s.selected == 0)
        for _ in 0..<5 { _ = s.handle(.down) }
        #expect(s.selected == 1)
    }

    @Test func pausingAFinishedRunSendsNothing() {
        let fake = FakeSweep(sweep([run(0.1, .done), run(0.5, .running)]))
        let s = session(fake)
        _ = s.handle(.character(" "))
        #expect(fake.commands.isEmpty)
        #expect(s.status.text.contains("is done"))
    }

    @Test func pauseAllAndResumeAllSendTheirCommands() {
        let fake = FakeSweep(sweep([run(0.1, .running), run(0.5, .paused)]))
        let s = session(fake)
        _ = s.handle(.character("P"))
        _ = s.handle(.character("R"))
        #expect(fake.commands == [.pauseAll, .resumeAll])
    }

    @Test func quitWhileActiveAsksAndYesInterrupts() {
        let fake = FakeSweep(sweep([run(0.1, .done), run(0.5, .running)]))
        let s = session(fake)
        #expect(s.handle(.character("q")).exit == nil)
        #expect(s.mode == .confirmQuit)
        #expect(s.status.text == "Runs are active — quit and checkpoint them as interrupted? (y/n)")
        #expect(fake.commands.isEmpty)
        #expect(s.handle(.character("x")).exit == nil)
        #expect(s.handle(.character("y")).exit == .quit)
        #expect(fake.commands == [.interrupt])
    }

    @Test func quitAnsweredNoGoesBack() {
        let fake = FakeSweep(sweep([run(0.5, .running)]))
        let s = session(fake)
        _ = s.handle(.character("q"))
        #expect(s.handle(.character("n")).exit == nil)
        #expect(s.mode == .normal)
        #expect(fake.commands.isEmpty)
    }

    @Test func quitWhenEverythingEndedLeavesAtOnce() {
        let fake = FakeSweep(sweep([run(0.1, .done), run(0.5, .unstable)]))
        let s = session(fake)
        #expect(s.handle(.character("q")).exit == .finished)
        #expect(fake.commands.isEmpty)
    }

    @Test func runsFinishingWhileTheQuestionIsOpenNeedNoInterrupt() {
        let fake = FakeSweep(sweep([run(0.5, .running)]))
        let s = session(fake)
        _ = s.handle(.character("q"))
        fake.update { $0.runs[0].status = .done }
        #expect(s.handle(.character("y")).exit == .finished)
        #expect(fake.commands.isEmpty)
    }

    @Test func helpOpensAndAnyKeyClosesItWithoutActing() {
        let fake = FakeSweep(sweep([run(0.5, .running)]))
        let s = session(fake)
        _ = s.handle(.character("?"))
        #expect(s.mode == .help)
        _ = s.handle(.resize)
        #expect(s.mode == .help)
        #expect(s.handle(.character("q")).exit == nil)
        #expect(s.mode == .normal)
        #expect(fake.commands.isEmpty)
    }

    @Test func filterFollowsTheSelectedKappa() {
        let fake = FakeSweep(sweep([run(0.1, .running), run(0.5, .running)]))
        fake.log.append("Step 0 | H: 1 | Baseline | kappa=0.1000")
        fake.log.append("Step 0 | H: 1 | Baseline | kappa=0.5000")
        let s = session(fake)
        _ = s.handle(.character("f"))
        #expect(s.logPane.window(height: 5) == ["Step 0 | H: 1 | Baseline | kappa=0.1000"])
        _ = s.handle(.down)
        #expect(s.logPane.window(height: 5) == ["Step 0 | H: 1 | Baseline | kappa=0.5000"])
        fake.log.append("Step 50 | H: 1 | Drift: 1e-9 | kappa=0.5000")
        s.refresh()
        #expect(s.logPane.window(height: 5).count == 2)
        _ = s.handle(.character("f"))
        #expect(s.logPane.window(height: 5).count == 3)
    }

    @Test func copyWritesTheLogFileAndReturnsOSC52() throws {
        let fake = FakeSweep(sweep([run(0.5, .running)]))
        fake.log.append("Step 0 | H: 1 | Baseline | kappa=0.5000")
        fake.log.append("  📦 kappa_0_5000_data_20250101_120000.tar created (10 bytes)")
        let s = session(fake)
        let outcome = s.handle(.character("y"))
        let written = try String(contentsOfFile: options.logFilePath, encoding: .utf8)
        #expect(written == fake.log.text)
        #expect(outcome.terminalBytes == ClipboardSequence(text: fake.log.text, insideTmux: false).bytes)
        #expect(s.status.text.hasPrefix("log copied: 2 lines → OSC 52 (clipboard)"))
        #expect(s.status.text.contains("sweep_log_20250101_120000.txt"))
        // Pressed again with the file complete, the file is left alone.
        #expect(s.handle(.character("y")).terminalBytes.isEmpty == false)
        #expect(s.status.text.contains("all 2 in sweep_log_20250101_120000.txt"))
        #expect(session(fake, tmux: true).handle(.character("y")).terminalBytes.starts(with: Array("\u{1b}Ptmux;".utf8)))
    }

    @Test func copyFailureIsReportedNotThrown() {
        let fake = FakeSweep(sweep([run(0.5, .running)]))
        fake.log.append("x")
        let bad = DashboardOptions(themesDirectory: ThemeTests.themes, logFilePath: "/nonexistent-dir/x.txt", colorDisabled: false)
        let s = session(fake, options: bad)
        let outcome = s.handle(.character("y"))
        #expect(!outcome.terminalBytes.isEmpty)
        #expect(s.status.role == .bad)
        #expect(s.status.text.contains("cannot write /nonexistent-dir/x.txt"))
    }

    @Test func themeKeyCyclesThroughTheThemeFiles() {
        let fake = FakeSweep(sweep([run(0.5, .running)]))
        let s = session(fake)
        var seen: [String] = []
        for _ in Theme.available(directory: ThemeTests.themes) {
            #expect(s.handle(.character("t")).themeChanged)
            seen.append(s.theme.name)
        }
        #expect(seen.sorted() == Theme.available(directory: ThemeTests.themes))
        #expect(seen.last == "default")
    }

    @Test func aMissingThemeFallsBackToDefaultWithAWarning() {
        let fake = FakeSweep(sweep([run(0.5, .running)]))
        var o = options
        o.themeName = "no-such-theme"
        let s = session(fake, options: o)
        #expect(s.theme == .standard)
        #expect(s.status.role == .warn)
        #expect(s.status.text.contains("no theme 'no-such-theme'"))
    }

    @Test func aCorruptThemeFallsBackWithAShortWarningAndTheFullTextInHelp() throws {
        let themes = directory + "/themes"
        try FileManager.default.createDirectory(atPath: themes, withIntermediateDirectories: true)
        try #"{"roles": {"header": {"fg": "blu"}}}"#.write(toFile: themes + "/default.json", atomically: true, encoding: .utf8)
        var o = options
        o.themesDirectory = themes
        let s = session(FakeSweep(sweep([run(0.5, .running)])), options: o)
        #expect(s.theme == .standard)
        #expect(s.status.role == .warn)
        #expect(s.status.text == "theme default.json: \"header.fg\" is \"blu\", not a colour (\"default\", black red green yellow blue magenta cyan white, bright-…, or 0…255) — using the built-in default theme")
        #expect(s.lastWarning?.contains(themes + "/default.json") == true)
        let help = OverlayBox.help(keymap: s.keymap, ascii: false, lastWarning: s.lastWarning)
        #expect(help.lines.joined(separator: " ").contains("last warning: theme \(themes)/default.json is not a valid theme"))
    }

    @Test func noColourMeansMonochromeAndNoThemeSwitching() {
        let fake = FakeSweep(sweep([run(0.5, .running)]))
        let s = session(fake, colors: false)
        #expect(s.theme == .monochromeStandard)
        #expect(!s.handle(.character("t")).themeChanged)
    }
}
