import Foundation
import Series12Core
import Series12Dashboard
import Series12Retention
import Series12Sweep

/// Runs a prepared sweep to its end, headless or in the dashboard, with signals turned into
/// an orderly interrupt (checkpoint every unfinished run, write tier 3, exit 130).
enum SweepSession {
    static func run(_ sweep: Sweep, configuration config: SweepConfiguration) -> Int32 {
        if config.headless {
            let signals = SignalWatch { _ in sweep.perform(.interrupt) }
            sweep.start()
            let status = sweep.waitUntilFinished()
            sweep.log.closeFile()
            withExtendedLifetime(signals) {}
            return status
        }
        // The dashboard polls the flag each frame; curses must not install its own handlers.
        let signals = SignalWatch()
        let flag = signals.flag
        sweep.start()
        let screenStart = monotonicSeconds()
        let logPath = config.outputDirectory + "/" + ArchiveNaming.sweepLog(sweep: config.name, stamp: sweep.stamp)
        let options = DashboardOptions(themeName: config.theme, ascii: config.ascii, themesDirectory: Theme.locateDirectory(),
                                       logFilePath: logPath)
        let exit = Dashboard.run(source: sweep, options: options, stopRequest: { flag.last.map { .signal($0) } })
        reportScreenCost(wall: monotonicSeconds() - screenStart)
        switch exit {
        case .signal, .terminalUnavailable:
            if case .terminalUnavailable = exit {
                // No usable terminal: go on headless, printing what the screen would have shown.
                let shown = sweep.log.count
                for line in sweep.log.lines(from: 0).prefix(shown) { print(line) }
                sweep.log.setEcho(true)
                let status = sweep.waitUntilFinished()
                sweep.log.closeFile()
                withExtendedLifetime(signals) {}
                return status
            }
            sweep.perform(.interrupt)
        case .quit, .finished:
            break
        }
        let status = sweep.waitUntilFinished()
        sweep.log.closeFile()
        // Leaving the screen: the whole tier-1 log goes to stdout, into the scrollback.
        let text = sweep.log.text
        Terminal.write(text)
        withExtendedLifetime(signals) {}
        return status
    }

    /// For `series12 bench --dashboard`: the CPU time of this (the curses) thread and the wall
    /// time the screen was up, written to `$SERIES12_SCREEN_COST` when that is set.
    static func reportScreenCost(wall: Double) {
        guard let path = ProcessInfo.processInfo.environment["SERIES12_SCREEN_COST"], !path.isEmpty else { return }
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        let cpu = Double(ts.tv_sec) + 1e-9 * Double(ts.tv_nsec)
        try? "screen_cpu_seconds=\(cpu) wall_seconds=\(wall)\n".write(toFile: path, atomically: true, encoding: .utf8)
    }


    /// `--theme NAME` must name a readable theme when given; the built-in default needs none.
    static func validateTheme(_ name: String, explicit: Bool) throws(UsageError) {
        guard explicit else { return }
        guard let dir = Theme.locateDirectory() else {
            throw UsageError("--theme \(name): no themes/ directory found next to the program or in the current directory")
        }
        do { _ = try Theme.load(name: name, directory: dir) } catch {
            throw UsageError("--theme: \(error)")
        }
    }
}
