import Foundation
import Synchronization
import Series12Sweep
@testable import Series12Dashboard

/// wcwidth needs a UTF-8 locale; the test process starts in "C".
enum TestLocale {
    static let isUTF8: Bool = { setlocale(LC_ALL, "C.UTF-8") != nil }()
}

/// A sweep that does nothing by itself: tests set its snapshot and read the commands it got.
final class FakeSweep: SweepSource {
    private let state: Mutex<(snapshot: SweepSnapshot, commands: [SweepCommand])>
    let log = Tier1Log(echo: false)

    init(_ snapshot: SweepSnapshot) { state = Mutex((snapshot, [])) }

    func snapshot() -> SweepSnapshot { state.withLock { $0.snapshot } }
    func perform(_ command: SweepCommand) { state.withLock { $0.commands.append(command) } }

    var commands: [SweepCommand] { state.withLock { $0.commands } }
    func update(_ change: (inout SweepSnapshot) -> Void) { state.withLock { change(&$0.snapshot) } }
}

func run(_ kappa: Double, _ status: RunStatus, step: Int = 0, steps: Int = 20000, drift: Double = .nan,
         history: [Double] = []) -> RunSnapshot {
    var r = RunSnapshot(kappa: kappa, steps: steps)
    r.status = status
    r.step = step
    r.drift = drift
    r.maxDrift = drift
    r.driftHistory = history
    if !history.isEmpty { r.H0 = 1; r.H = 1 }
    return r
}

func sweep(_ runs: [RunSnapshot]) -> SweepSnapshot {
    SweepSnapshot(name: "sweep", stamp: "20250101_120000", n: 64, length: 1, elapsed: 3723, jobs: 2, runs: runs)
}

extension CellGrid {
    func row(_ y: Int) -> String { text(ofRow: y) }
    var text: String { (0..<height).map(row).joined(separator: "\n") }
    func role(y: Int, x: Int) -> ColorRole { style(y: y, x: x).role }
}
