import Foundation
import Series12Retention
import Series12Sweep

/// Runs a prepared sweep to its end, headless or in the dashboard, with signals turned into
/// an orderly interrupt (checkpoint every unfinished run, write tier 3, exit 130).
enum SweepSession {
    static func run(_ sweep: Sweep, configuration config: SweepConfiguration) -> Int32 {
        let signals = SignalWatch { _ in sweep.perform(.interrupt) }
        sweep.start()
        let status = sweep.waitUntilFinished()
        sweep.log.closeFile()
        withExtendedLifetime(signals) {}
        return status
    }
}
