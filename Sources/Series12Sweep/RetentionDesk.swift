import Foundation
import Series12Retention
import Synchronization

/// Writes the sweep's archives on its own serial queue so that no solver ever waits on disk.
///
/// Each κ has one pending slot: a newer checkpoint replaces an unwritten older one (it holds
/// everything the older held, newer), so at most one fields copy per κ is in flight and a slow
/// disk coalesces checkpoints instead of queueing copies without bound. After a run's final
/// checkpoint the tier-3 summary is rewritten.
final class RetentionDesk: Sendable {
    struct Target: Sendable {
        var directory: String
        var stamp: String
        var sweep: String
        var version: String
        var ascii: Bool
    }

    private struct Pending {
        var slots: [Int: Checkpoint] = [:]
        /// κ indices in the order their pending checkpoint first arrived: written first come,
        /// first served, so a κ that checkpoints often cannot starve the others.
        var order: [Int] = []
        var draining = false
        /// Archives whose latest write failed, by name (cleared when a later write succeeds).
        var failing: Set<String> = []
        /// κ indices with a data.json on disk (written ahead of their first fields archive).
        var started: Set<Int> = []
    }

    let target: Target
    private let log: Tier1Log
    private let queue = DispatchQueue(label: "series12.retention")
    private let pending = Mutex(Pending())
    /// Latest record per κ index: what tier 3 lists.
    private let records = Mutex([Int: RunRecord]())
    /// Latest history per κ tag, for tier 3's plots (a κ not here is read from its archive).
    private let histories = Mutex([String: History]())
    private let onOutcome: @Sendable (Int, ArchiveOutcome) -> Void

    init(target: Target, log: Tier1Log, onOutcome: @escaping @Sendable (Int, ArchiveOutcome) -> Void) {
        self.target = target
        self.log = log
        self.onOutcome = onOutcome
    }

    /// Seeds tier 3 with records of runs that this process will not step (resume).
    func remember(_ record: RunRecord, index: Int) {
        records.withLock { $0[index] = record }
    }

    /// Hands a checkpoint over; returns at once.
    func submit(_ checkpoint: Checkpoint) {
        let start = pending.withLock { p -> Bool in
            var next = checkpoint
            if next.fields == nil, let older = p.slots[checkpoint.index]?.fields {
                next.fields = older  // an interrupt between samples keeps the last unwritten fields
            }
            if p.slots[checkpoint.index] == nil { p.order.append(checkpoint.index) }
            p.slots[checkpoint.index] = next
            if p.draining { return false }
            p.draining = true
            return true
        }
        if start { queue.async { self.drain() } }
    }

    /// Blocks until every submitted checkpoint is written.
    func waitUntilIdle() {
        queue.sync {}
        // A submit racing with the end of a drain schedules another drain; wait for it too.
        while pending.withLock({ $0.draining || !$0.slots.isEmpty }) { queue.sync {} }
    }

    /// Rewrites `{sweep}_summary_{stamp}.tar` from the latest records and the log so far.
    func writeTier3() {
        queue.sync { self.writeTier3OnQueue() }
    }

    private func drain() {
        while let next = take() {
            write(next)
        }
    }

    private func take() -> Checkpoint? {
        pending.withLock { p in
            guard !p.order.isEmpty, let c = p.slots.removeValue(forKey: p.order.removeFirst()) else {
                p.draining = false
                return nil
            }
            return c
        }
    }

    private func write(_ c: Checkpoint) {
        let summary = SummaryText.make(record: c.record, history: c.history)
        // The first checkpoint of a run writes data.json first, so that a κ killed in its
        // first checkpoint is still known to resume (which then reports its missing fields);
        // later checkpoints write it last, as the marker of how far the run got.
        let firstOfRun = pending.withLock { !$0.started.contains(c.index) }
        var outcomes: [ArchiveOutcome] = []
        if firstOfRun {
            outcomes += KappaArchives.write(record: c.record, history: c.history, fields: nil, summary: nil,
                                            directory: target.directory, stamp: target.stamp)
        }
        outcomes += KappaArchives.write(record: c.record, history: c.history, fields: c.fields, summary: summary,
                                        directory: target.directory, stamp: target.stamp)
        if outcomes.contains(where: { $0.succeeded && $0.name.contains("_data_") }) {
            pending.withLock { _ = $0.started.insert(c.index) }
        }
        for outcome in outcomes {
            log.append(OutcomeLine.archive(outcome, ascii: target.ascii))
            onOutcome(c.index, outcome)
            note(outcome)
        }
        records.withLock { $0[c.index] = c.record }
        histories.withLock { $0[ArchiveNaming.kappaTag(c.record.kappa)] = c.history }
        if c.isFinal { writeTier3OnQueue() }
    }

    private func writeTier3OnQueue() {
        let all = records.withLock { r in r.keys.sorted().compactMap { r[$0] } }
        let outcome = Tier3Summary.write(sweep: target.sweep, stamp: target.stamp, version: target.version,
                                         records: all, log: log.text, directory: target.directory,
                                         histories: histories.withLock { $0 })
        log.append(OutcomeLine.archive(outcome, ascii: target.ascii))
        note(outcome)
    }

    private func note(_ outcome: ArchiveOutcome) {
        pending.withLock { p in
            if outcome.succeeded { p.failing.remove(outcome.name) } else { p.failing.insert(outcome.name) }
        }
    }

    /// Archives whose most recent write failed: not saved as they should be.
    var failedArchives: [String] { pending.withLock { $0.failing.sorted() } }
}
