import Synchronization

/// Requests another thread makes of a running κ: read by the solver thread once per step.
final class RunFlags: Sendable {
    private let paused = Atomic<Bool>(false)
    private let interrupted: Atomic<Bool>

    init(paused: Bool = false) {
        self.paused.store(paused, ordering: .relaxed)
        interrupted = Atomic(false)
    }

    var isPaused: Bool { paused.load(ordering: .acquiring) }
    var isInterrupted: Bool { interrupted.load(ordering: .acquiring) }

    func setPaused(_ on: Bool) { paused.store(on, ordering: .releasing) }
    func interrupt() { interrupted.store(true, ordering: .releasing) }
}
