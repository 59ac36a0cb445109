import Foundation

/// The sweep's cores as slots: at most `jobs` runs step at once; the rest wait as `queued`
/// (first come, first served) or `paused` (waiting for the user, holding no core).
///
/// Runs block on their own threads here, never on Swift's cooperative pool.
final class CorePool: @unchecked Sendable {  // all mutable state is guarded by `condition`
    private let condition = NSCondition()
    private var free: Int
    /// Tickets for runs coming back from a pause, after every initial κ index.
    private var nextTicket = 1 << 40
    private var waiting: [(ticket: Int, flags: RunFlags)] = []

    init(cores: Int) { free = cores }

    /// Blocks until this run may step: it is not paused and a core is free for it. Returns
    /// false, holding no core, once the sweep is interrupted.
    ///
    /// - Parameter order: the place in the queue; runs first queued at start pass their κ
    ///   index (so κs start in the order given, whichever thread the OS runs first), runs
    ///   coming back from a pause get a place behind everyone waiting.
    func acquire(_ flags: RunFlags, order: Int? = nil) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        let ticket = order ?? nextTicket
        nextTicket += 1
        waiting.append((ticket, flags))
        waiting.sort { $0.ticket < $1.ticket }
        defer { waiting.removeAll { $0.ticket == ticket } }
        while true {
            if flags.isInterrupted { return false }
            if free > 0, let first = waiting.first(where: { !$0.flags.isPaused && !$0.flags.isInterrupted }), first.ticket == ticket {
                free -= 1
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
