import Foundation
import Series12Sweep

/// The dashboard's state between frames and what each key does to it — everything except
/// curses, so key handling is tested with a fake `SweepSource`.
///
/// Not `Sendable`: it lives on the thread that runs the dashboard (the main thread).
final class DashboardSession {
    enum Mode: Equatable {
        case normal
        case help
        case confirmQuit
    }

    /// What the main loop must do after a key.
    struct Outcome: Equatable {
        /// Leave the dashboard with this.
        var exit: DashboardExit?
        /// Bytes to write to the terminal right after the next refresh (OSC 52).
        var terminalBytes: [UInt8] = []
        /// The theme changed: the screen must reload its colour pairs.
        var themeChanged = false
    }

    let source: any SweepSource
    let options: DashboardOptions
    let keymap = Keymap.standard
    let glyphs: Glyphs
    /// Colours are on (no NO_COLOR, and the terminal has them).
    let colorsEnabled: Bool
    let insideTmux: Bool
    let themesDirectory: String?

    private(set) var snapshot: SweepSnapshot
    private(set) var logPane = LogPaneState()
    private var logLinesRead = 0
    private(set) var selected = 0
    private(set) var mode: Mode = .normal
    private(set) var status = StatusMessage.empty
    /// The last warning in full (the status line may have to cut it); the help overlay shows it.
    private(set) var lastWarning: String?
    private(set) var theme: Theme
    /// The theme `t` moved to last (may differ from `theme.name` if that file failed to load).
    private var themeCursor: String
    private var filterOn = false
    /// Log pane height at the last draw: one page for PgUp / PgDn.
    var logPageHeight = 10
    /// First κ row shown when the table scrolls.
    var tableTop = 0
    /// Terminal size at the last draw (for messages that depend on the layout).
    var screenSize = (height: 0, width: 0)

    /// Colours the terminal has (256, 8, …); the field view's ramp depends on it.
    let terminalColors: Int
    /// The field view (`v`) is open, showing `fieldQuantity` of the selected row.
    private(set) var fieldViewOn = false
    private(set) var fieldQuantity = FieldQuantity.contraction
    /// The selected row's latest field picture, read each frame while the field view is open.
    private(set) var fieldFrame: FieldFrame?
    /// The drift-vs-κ strip is wanted (`d`); it shows when the terminal has room.
    private(set) var driftStripOn = true
    /// The field picture drawn last, reused while nothing it shows has changed.
    private var picture: FieldPicture?

    init(source: any SweepSource, options: DashboardOptions, glyphs: Glyphs, colorsEnabled: Bool, insideTmux: Bool,
         terminalColors: Int = 256) {
        self.source = source
        self.terminalColors = colorsEnabled ? terminalColors : 0
        self.options = options
        self.glyphs = glyphs
        self.colorsEnabled = colorsEnabled
        self.insideTmux = insideTmux
        themesDirectory = Theme.locateDirectory(preferred: options.themesDirectory)
        snapshot = source.snapshot()
        themeCursor = options.themeName
        theme = .standard
        if !colorsEnabled {
            theme = .monochromeStandard
        } else if let directory = themesDirectory {
            do {
                theme = try Theme.load(name: options.themeName, directory: directory)
            } catch {
                warn(error, then: "using the built-in default theme")
            }
        } else if options.themeName != Theme.standard.name {
            status = StatusMessage("no themes directory found — using the built-in default theme", role: .warn)
        }
        logPane.append(Self.consume(source.log, from: &logLinesRead))
        if status.text.isEmpty { status = StatusMessage(Self.firstHint(glyphs)) }
    }

    /// Shows a theme problem briefly on the status line and keeps the full text for the help.
    private func warn(_ error: any Error, then consequence: String) {
        let brief = (error as? ThemeError)?.brief ?? "\(error)"
        status = StatusMessage("\(brief) — \(consequence)", role: .warn)
        lastWarning = "\(error) — \(consequence)"
    }

    /// The status line before the first key: the keys a newcomer needs most.
    static func firstHint(_ glyphs: Glyphs) -> String {
        let arrows = glyphs.isASCII ? "Up/Down" : "↑/↓"
        return "\(arrows) select \(glyphs.kappa) · space pause · f filter · y copy log · t theme"
            .replacingOccurrences(of: "·", with: glyphs.isASCII ? "," : "·")
    }

    /// One frame's data: ONE snapshot of the sweep and the log lines that arrived since the last.
    func refresh() {
        snapshot = source.snapshot()
        selected = min(selected, max(0, snapshot.runs.count - 1))
        logPane.append(Self.consume(source.log, from: &logLinesRead))
        updateFilter()
        if fieldViewOn { fieldFrame = source.fieldFrame(of: selected) }
    }

    /// The theme's colour ramp for this terminal; empty without colours or in ASCII mode
    /// (half blocks are not ASCII): then the picture is drawn in shading characters.
    var heatColors: [Int] { glyphs.isASCII ? [] : theme.heatColors(terminalColors: terminalColors) }

    /// The field picture for a pane body of `columns` × `rows` cells (nil without a frame):
    /// the one drawn last when the frame, quantity, size and colours are the same.
    func fieldPicture(columns: Int, rows: Int) -> FieldPicture? {
        guard fieldViewOn, let frame = fieldFrame else { return nil }
        let side = Heatmap.pictureSide(frameSide: frame.side, columns: columns, rows: rows)
        guard side >= 2 else { return nil }
        let key = FieldPicture.Key(run: selected, kappa: frame.kappa, step: frame.step, quantity: fieldQuantity,
                                   side: side, heat: heatColors, shades: FieldPicture.shades(ascii: glyphs.isASCII))
        if let picture, picture.key == key { return picture }
        let made = FieldPicture(key: key, frame: frame)
        picture = made
        return made
    }

    /// Points the field view (and the solver's extra pictures) at the selected row.
    private func updateFieldWatch() {
        source.watchFields(of: fieldViewOn ? selected : nil)
        fieldFrame = fieldViewOn ? source.fieldFrame(of: selected) : nil
        if !fieldViewOn { picture = nil }
    }

    private static func consume(_ log: Tier1Log, from start: inout Int) -> [String] {
        let new = log.lines(from: start)
        start += new.count
        return new
    }

    private var selectedRun: RunSnapshot? { snapshot.runs.indices.contains(selected) ? snapshot.runs[selected] : nil }

    private var k: String { glyphs.kappa }

    /// `κ=0.1000`, or the row's own label.
    private func name(_ run: RunSnapshot) -> String { run.label ?? "\(k)=\(Format.kappa(run.kappa))" }

    private func updateFilter() {
        logPane.setFilter(filterOn ? selectedRun.map { KappaLogFilter.forRun($0) } : nil)
    }

    func handle(_ key: Key) -> Outcome {
        switch mode {
        case .help:
            guard key != .resize else { return Outcome() }
            mode = .normal
            status = StatusMessage("help closed")
            return Outcome()
        case .confirmQuit:
            return answerQuitQuestion(key)
        case .normal:
            guard let action = keymap.action(for: key) else {
                status = StatusMessage("\(key.label(ascii: glyphs.isASCII)) does nothing — press ? for the keys")
                return Outcome()
            }
            return perform(action)
        }
    }

    private func perform(_ action: KeyAction) -> Outcome {
        switch action {
        case .selectPrevious, .selectNext:
            guard !snapshot.runs.isEmpty else { return Outcome() }
            let step = action == .selectNext ? 1 : -1
            selected = min(snapshot.runs.count - 1, max(0, selected + step))
            updateFilter()
            if fieldViewOn { updateFieldWatch() }
            if let run = selectedRun {
                status = StatusMessage("selected \(name(run)) (\(run.status.rawValue)), \(selected + 1) of \(snapshot.runs.count)")
            }
        case .togglePause where !source.canPause, .pauseAll where !source.canPause, .resumeAll where !source.canPause:
            status = StatusMessage("these rows run to their end once started: nothing to pause or resume")
        case .togglePause:
            guard let run = selectedRun else { return Outcome() }
            let name = "\(name(run))"
            if run.status.isFinal {
                status = StatusMessage("\(name) is \(run.status.rawValue) — nothing to pause or resume")
            } else {
                source.perform(.togglePause(selected))
                status = StatusMessage(run.status == .paused ? "resumed \(name)" : "paused \(name)")
            }
        case .pauseAll:
            let n = snapshot.runs.filter { !$0.status.isFinal && $0.status != .paused }.count
            source.perform(.pauseAll)
            status = StatusMessage("paused all runs (\(n) were queued or running)")
        case .resumeAll:
            let n = snapshot.runs.filter { $0.status == .paused }.count
            source.perform(.resumeAll)
            status = StatusMessage("resumed all paused runs (\(n))")
        case .scrollBack:
            logPane.pageBack(height: logPageHeight)
            status = StatusMessage(logPane.isFollowing ? "log: nothing older to show" : "log: scrolled back — End follows again")
        case .scrollForward:
            logPane.pageForward(height: logPageHeight)
            status = StatusMessage(logPane.isFollowing ? "log: following the newest lines" : "log: scrolled forward")
        case .scrollToOldest:
            logPane.scrollToOldest(height: logPageHeight)
            status = StatusMessage("log: oldest lines — End follows again")
        case .follow:
            logPane.follow()
            status = StatusMessage("log: following the newest lines")
        case .filterToSelected:
            filterOn.toggle()
            updateFilter()
            if filterOn, let run = selectedRun {
                status = StatusMessage("log: only \(name(run)) (f shows all)")
            } else {
                filterOn = false
                status = StatusMessage("log: all lines")
            }
        case .toggleFieldView:
            guard source.keepsFields else {
                status = StatusMessage("field view: these rows are validation tests and keep no fields to picture")
                return Outcome()
            }
            fieldViewOn.toggle()
            updateFieldWatch()
            if fieldViewOn, let run = selectedRun {
                status = StatusMessage("field view: \(fieldQuantity.symbol(ascii: glyphs.isASCII)) of \(name(run)) (c: next quantity, v: close)")
            } else {
                status = StatusMessage("field view closed")
            }
        case .nextFieldQuantity:
            fieldQuantity = fieldQuantity.next
            let what = fieldQuantity.definition(ascii: glyphs.isASCII)
            status = StatusMessage(fieldViewOn ? "field view: \(what)" : "field view will show \(what) (v opens it)")
        case .toggleDriftStrip:
            driftStripOn.toggle()
            let layout = ScreenLayout(height: screenSize.height, width: screenSize.width, runCount: snapshot.runs.count,
                                      strip: driftStripOn, field: fieldViewOn)
            if !driftStripOn {
                status = StatusMessage("drift-vs-\(k) strip hidden (d shows it)")
            } else if layout.strip.isEmpty {
                status = StatusMessage("drift-vs-\(k) strip on, but no room at this size: it shows on a taller terminal")
            } else {
                status = StatusMessage("drift-vs-\(k) strip shown (d hides it)")
            }
        case .copyLog:
            return copyLog()
        case .nextTheme:
            return nextTheme()
        case .help:
            mode = .help
            status = StatusMessage("help — any key closes")
        case .quit:
            if source.quitLeavesRunsGoing { return Outcome(exit: .finished) }
            let now = source.snapshot()
            guard now.isActive else { return Outcome(exit: .finished) }
            snapshot = now
            mode = .confirmQuit
            status = StatusMessage(OverlayBox.quitQuestion, role: .warn)
        }
        return Outcome()
    }

    private func answerQuitQuestion(_ key: Key) -> Outcome {
        switch key {
        case .character("y"), .character("Y"):
            guard source.snapshot().isActive else { return Outcome(exit: .finished) }
            source.perform(.interrupt)
            return Outcome(exit: .quit)
        case .character("n"), .character("N"), .character("q"), .escape:
            mode = .normal
            status = StatusMessage("quit cancelled — the runs go on")
        case .resize:
            break
        default:
            status = StatusMessage("press y to quit (runs become interrupted) or n to stay", role: .warn)
        }
        return Outcome()
    }

    /// `y`: the whole log to the log file (if it is not already complete there) and to the
    /// clipboard with OSC 52 (the last 64 KiB when it is bigger).
    private func copyLog() -> Outcome {
        let text = source.log.text
        let lineCount = text.utf8.reduce(0) { $1 == 0x0a ? $0 + 1 : $0 }
        let clipboard = ClipboardSequence(text: text, insideTmux: insideTmux)
        let fileName = (options.logFilePath as NSString).lastPathComponent
        let target = insideTmux ? "OSC 52 via tmux (clipboard)" : "OSC 52 (clipboard)"
        let copied = clipboard.isCapped
            ? "last \(clipboard.copiedBytes / 1024) KiB (\(clipboard.copiedLines) of \(lineCount) lines) → \(target)"
            : "\(lineCount) lines → \(target)"
        do {
            let outcome = try LogFileWriter.save(text, to: options.logFilePath)
            let file = outcome == .written ? "written to \(fileName)" : "all \(lineCount) in \(fileName)"
            status = StatusMessage("log copied: \(copied); \(file)")
        } catch {
            status = StatusMessage("log copied: \(copied); \(glyphs.archiveFailed) \(error)", role: .bad)
        }
        return Outcome(terminalBytes: clipboard.bytes)
    }

    /// `t`: the next theme file in name order.
    private func nextTheme() -> Outcome {
        guard colorsEnabled else {
            status = StatusMessage("colours are off (NO_COLOR or a terminal without colours) — no themes")
            return Outcome()
        }
        guard let directory = themesDirectory else {
            status = StatusMessage("no themes directory found — only the built-in default", role: .warn)
            return Outcome()
        }
        let names = Theme.available(directory: directory)
        guard !names.isEmpty else {
            status = StatusMessage("no *.json themes in \(directory)", role: .warn)
            return Outcome()
        }
        let next = names[((names.firstIndex(of: themeCursor) ?? -1) + 1) % names.count]
        themeCursor = next
        do {
            theme = try Theme.load(name: next, directory: directory)
            let about = theme.summary.isEmpty ? "" : " — \(theme.summary)"
            status = StatusMessage("theme \(next)\(about)")
            return Outcome(themeChanged: true)
        } catch {
            warn(error, then: "keeping theme \(theme.name)")
            return Outcome()
        }
    }
}
