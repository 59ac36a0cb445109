import Foundation

/// The sweep's cores as slots: at most `jobs` runs step at once; the rest wait as `queued`
/// (first come, first served) or `paused` (waiting for the user, holding no core).
///
/// Runs block on their own threads here, never on Swift's cooperative pool.
final class CorePool: @unchecked Sendable {  // all mutable state is guarded by `condition`
    private let condition = NSCondition()
    private var free: Int
    /// Queue places of runs that have not started yet: after every run that has.
    static let firstStart = 1 << 40
    private var waiting: [(ticket: Int, flags: RunFlags)] = []

    /// Runs that will ask for their first core; none starts before all have asked, so κs
    /// start in the order given whichever thread the OS runs first.
    private var initialExpected: Int
    private var initialArrived = 0

    init(cores: Int, runs: Int) {
        free = cores
        initialExpected = runs
    }

    /// Blocks until this run may step: it is not paused and a core is free for it. Returns
    /// false, holding no core, once the sweep is interrupted.
    ///
    /// - Parameter order: the place in the queue, lowest first: runs coming back from a pause
    ///   pass their κ index, runs waiting to start `firstStart + index`, so κs start in the
    ///   order given (whichever thread the OS runs first) and a resumed run, which already
    ///   holds its fields in memory, goes ahead of κs that never started.
    func acquire(_ flags: RunFlags, order ticket: Int) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        if ticket >= Self.firstStart {
            initialArrived += 1
            if initialArrived >= initialExpected { condition.broadcast() }
        }
        waiting.append((ticket, flags))
        waiting.sort { $0.ticket < $1.ticket }
        defer { waiting.removeAll { $0.ticket == ticket } }
        while true {
            if flags.isInterrupted { return false }
            if free > 0, initialArrived >= initialExpected, let first = waiting.first(where: { !$0.flags.isPaused && !$0.flags.isInterrupted }), first.ticket == ticket {
                free -= 1
                condition.broadcast()  // the next waiter may now be first in line for a free core
                return true
            }
            condition.wait()
        }
    }

    /// Gives a core back and lets the next waiting run take it.
    func release() {
        condition.lock()
        free += 1
        condition.broadcast()
        condition.unlock()
    }

    /// Wakes every waiter to re-check its flags (after a pause, resume or interrupt).
    func wake() {
        condition.lock()
        condition.broadcast()
        condition.unlock()
    }

    /// Blocks while the run is paused and the sweep not interrupted.
    func waitWhilePaused(_ flags: RunFlags) {
        condition.lock()
        while flags.isPaused && !flags.isInterrupted { condition.wait() }
        condition.unlock()
    }
}
