import Foundation
import Series12Core
import Series12Sweep
import Series12Validation
import Synchronization

/// The validation suite as the dashboard sees it: one row per test (`2 hamiltonian`), queued →
/// running → done (passed) or failed, with its first measured figure; the tier-1 test lines in
/// the log pane. Tests run to their end once started, so rows cannot be paused.
final class ValidationBoard: SweepSource {
    let log: Tier1Log
    let stamp: String
    private let rows: Mutex<[RunSnapshot]>
    private let order: [Int]
    private let started = monotonicSeconds()
    private let interrupted = Atomic<Bool>(false)

    init(tests: [Int], stamp: String, log: Tier1Log) {
        self.log = log
        self.stamp = stamp
        order = tests
        rows = Mutex(tests.map { n in
            var row = RunSnapshot(kappa: Double(n), steps: 1)
            row.label = "\(n) \(ValidationTest(rawValue: n)?.name ?? "test")"
            return row
        })
    }

    var canPause: Bool { false }
    var isInterrupted: Bool { interrupted.load(ordering: .acquiring) }

    func testStarted(_ test: ValidationTest) {
        update(test.rawValue) { $0.status = .running }
    }

    func testEnded(_ result: ValidationResult, archive: String, archiveFailed: Bool) {
        update(result.number) { row in
            row.status = result.passed ? .done : .failed
            row.step = 1
            row.H = result.criteria.first?.value ?? .nan
            row.lastArchive = archive
            row.lastArchiveFailed = archiveFailed
        }
    }

    private func update(_ number: Int, _ change: (inout RunSnapshot) -> Void) {
        guard let i = order.firstIndex(of: number) else { return }
        rows.withLock { change(&$0[i]) }
    }

    func snapshot() -> SweepSnapshot {
        SweepSnapshot(name: "validation", stamp: stamp, n: 256, length: 1, elapsed: monotonicSeconds() - started,
                      jobs: ProcessInfo.processInfo.activeProcessorCount, runs: rows.withLock { $0 })
    }

    func perform(_ command: SweepCommand) {
        if command == .interrupt { interrupted.store(true, ordering: .releasing) }
    }
}
