import CNcurses
import Foundation
import Series12Sweep

/// The live sweep screen (SPEC §5).
public enum Dashboard {
    /// Time between frames: at most ten snapshots and redraws a second.
    static let frameInterval = Duration.milliseconds(100)

    /// Shows `source` until the user quits or `stopRequest` says to stop; call on the main
    /// thread, which then owns the terminal. Returns with the screen closed (`endwin`) and the
    /// terminal restored, whatever the way out.
    ///
    /// Each frame reads ONE `source.snapshot()` and the log lines added since the last frame;
    /// `getch` waits at most until the next frame is due, so the loop never holds the solver
    /// up — the solver never waits for the screen. Keys send `SweepCommand`s through
    /// `source.perform` and return at once.
    ///
    /// The tier-1 log's stdout echo is switched off while the screen is up (lines would tear
    /// it) and left off: the caller prints the whole log after this returns (SPEC §5).
    ///
    /// - Parameters:
    ///   - stopRequest: polled every frame; a non-nil value (the CLI's SIGINT / SIGTERM /
    ///     SIGHUP as `.signal(n)`) closes the screen and is returned as is. The CLI must
    ///     ignore those signals (`SIG_IGN` + a dispatch source) before calling, so curses
    ///     does not install its own handlers.
    /// - Returns: `.terminalUnavailable` without touching the terminal when curses cannot use
    ///   it (unknown `TERM`): the caller goes on headless.
    public static func run(source: any SweepSource, options: DashboardOptions,
                           stopRequest: @Sendable () -> DashboardExit?) -> DashboardExit {
        s12_setlocale_from_environment()
        let ascii = options.ascii || s12_codeset_is_utf8() == 0
        let screen = Screen()
        guard screen.open(wantColors: !options.colorDisabled) else { return .terminalUnavailable }
        defer { screen.close() }
        source.log.setEcho(false)

        let session = DashboardSession(
            source: source, options: options, glyphs: ascii ? .ascii : .unicode,
            colorsEnabled: screen.hasColors,
            insideTmux: !(ProcessInfo.processInfo.environment["TMUX"] ?? "").isEmpty,
            terminalColors: screen.colorCount)
        screen.apply(session.theme)

        let clock = ContinuousClock()
        var nextFrame = clock.now
        var needsDraw = true
        var fullRepaint = true
        var pendingBytes: [UInt8] = []
        while true {
            if let exit = stopRequest() { return exit }
            if clock.now >= nextFrame {
                session.refresh()
                nextFrame = clock.now + frameInterval
                needsDraw = true
            }
            if needsDraw {
                draw(session, on: screen, fullRepaint: fullRepaint)
                fullRepaint = false
                needsDraw = false
                if !pendingBytes.isEmpty {
                    screen.writeToTerminal(pendingBytes)
                    pendingBytes = []
                }
            }
            let wait = max(0, milliseconds(nextFrame - clock.now))
            guard let key = screen.readKey(timeoutMilliseconds: wait) else { continue }
            if key == .resize {
                screen.updateSize()
                fullRepaint = true
                needsDraw = true
                continue
            }
            let outcome = session.handle(key)
            if let exit = outcome.exit { return exit }
            if outcome.themeChanged {
                screen.apply(session.theme)
                fullRepaint = true
            }
            pendingBytes += outcome.terminalBytes
            needsDraw = true
        }
    }

    private static func draw(_ session: DashboardSession, on screen: Screen, fullRepaint: Bool) {
        var frame = CellGrid(height: screen.height, width: screen.width)
        DashboardView.draw(session, height: screen.height, width: screen.width, on: &frame)
        screen.show(frame, fullRepaint: fullRepaint)
    }

    private static func milliseconds(_ d: Duration) -> Int {
        let (seconds, attoseconds) = d.components
        return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
    }
}
