import Foundation
import Series12Core
import Series12Retention
import Synchronization

/// One κ of a sweep on its own thread: waits for a core, steps, samples H at sample steps,
/// hands checkpoints to retention and publishes snapshots to whoever watches.
///
/// The fields live on the run's thread only. Other threads see `snapshot()` (a latest-wins
/// mailbox) and steer it through `flags` (pause, interrupt), read once per step; pausing keeps
/// the stepping state in memory, so resuming continues bit for bit.
final class SolverRun: Sendable {
    let plan: RunPlan
    let flags: RunFlags
    private let mailbox: Mutex<RunSnapshot>
    /// The latest picture of the fields (latest wins), for the dashboard's field view.
    private let pictures = Mutex<FieldFrame?>(nil)
    private let fieldWatch: FieldWatch
    private let pool: CorePool
    private let log: Tier1Log
    private let deliver: @Sendable (Checkpoint) -> Void

    /// Sample steps shown in the sparkline.
    static let sparklineLength = 240

    init(plan: RunPlan, pool: CorePool, log: Tier1Log, fieldWatch: FieldWatch = FieldWatch(), startPaused: Bool = false,
         deliver: @escaping @Sendable (Checkpoint) -> Void) {
        self.plan = plan
        self.fieldWatch = fieldWatch
        self.pool = pool
        self.log = log
        self.deliver = deliver
        flags = RunFlags(paused: startPaused)
        var snap = RunSnapshot(kappa: plan.kappa, steps: plan.configuration.steps)
        if startPaused { snap.status = .paused }
        if let start = plan.start {
            snap.step = Int(start.fields.step)
            snap.t = start.fields.t
            snap.H0 = start.history.H.first ?? .nan
            snap.H = start.history.H.last ?? .nan
            snap.drift = start.history.drift.last ?? .nan
            snap.maxDrift = start.history.drift.max() ?? .nan
            snap.driftHistory = Array(start.history.drift.suffix(Self.sparklineLength))
        }
        mailbox = Mutex(snap)
    }

    func snapshot() -> RunSnapshot { mailbox.withLock { $0 } }

    /// The latest picture of the run's fields (nil before its first).
    func fieldFrame() -> FieldFrame? { pictures.withLock { $0 } }

    /// Pauses a queued or running run, resumes a paused one.
    func togglePause() {
        mailbox.withLock { s in
            guard !s.status.isFinal else { return }
            let pause = !flags.isPaused
            flags.setPaused(pause)
            // A run waiting for a core changes state at once; a running one leaves its core at
            // its next step and says so itself.
            if s.status == .queued && pause { s.status = .paused }
            if s.status == .paused && !pause { s.status = .queued }
        }
        pool.wake()
    }

    func setPaused(_ on: Bool) { if flags.isPaused != on { togglePause() } }

    func noteArchive(_ name: String, failed: Bool) {
        mailbox.withLock { s in
            s.lastArchive = name
            s.lastArchiveFailed = failed
        }
    }

    /// The run's thread body; returns when the run has ended and its final checkpoint is handed
    /// to retention.
    func main() {
        // First come in κ order; a run coming back from a pause (it holds its fields already)
        // goes ahead of κs that never started.
        guard pool.acquire(flags, order: CorePool.firstStart + plan.index) else {
            finishWithoutStarting()
            return
        }
        var stepper = Stepper(plan: plan, log: log)
        var painter = FieldFrameBuilder(n: plan.grid.n)
        setStatus(.running)
        var status = RunStatus.done
        var segmentStart = monotonicSeconds()
        var lastPublish = segmentStart, stepsAtPublish = stepper.step
        let every = plan.configuration.checkpointEvery

        if stepper.history.count == 0 {
            stepper.sample()
            publishSample(stepper)
            deliver(stepper.checkpoint(status: .running, final: false, withFields: true))
        }
        // The fields are synchronised here (fresh, or loaded from a checkpoint).
        publishPicture(stepper, &painter)
        while stepper.step < plan.configuration.steps {
            if flags.isInterrupted { status = .interrupted; break }
            if flags.isPaused {
                stepper.elapsed += monotonicSeconds() - segmentStart
                mailbox.withLock { s in
                    s.status = .paused
                    s.stepsPerSecond = 0
                    s.step = stepper.step
                    s.t = stepper.time
                }
                pool.release()
                guard pool.acquire(flags, order: plan.index) else { status = .interrupted; segmentStart = monotonicSeconds(); break }
                setStatus(.running)
                segmentStart = monotonicSeconds()
                lastPublish = segmentStart
                stepsAtPublish = stepper.step
            }
            if stepper.advance() {
                publishSample(stepper)
                let checkpointDue = (stepper.history.count - 1) % every == 0 && stepper.step < plan.configuration.steps
                // A picture at every sample step of the run the field view shows; of the others
                // only where the checkpoint copies the fields anyway, and at the last step.
                if checkpointDue || stepper.isUnstable || stepper.step >= plan.configuration.steps
                    || fieldWatch.isWatching(plan.index) {
                    publishPicture(stepper, &painter)
                }
                if stepper.isUnstable { status = .unstable; break }
                if checkpointDue {
                    deliver(stepper.checkpoint(status: .running, final: false, withFields: true))
                }
            }
            let now = monotonicSeconds()
            if now - lastPublish >= 0.1 {
                let rate = Double(stepper.step - stepsAtPublish) / (now - lastPublish)
                mailbox.withLock { s in
                    s.step = stepper.step
                    s.t = stepper.time
                    s.stepsPerSecond = rate
                }
                lastPublish = now
                stepsAtPublish = stepper.step
            }
        }
        stepper.elapsed += monotonicSeconds() - segmentStart
        pool.release()
        // Interrupted at a sample step: the final checkpoint holds these fields; picture them.
        if stepper.isSynchronised && fieldFrame()?.step != stepper.step { publishPicture(stepper, &painter) }
        log.append(stepper.doneLine(status: status).text)
        mailbox.withLock { s in
            s.status = status
            s.step = stepper.step
            s.stepsPerSecond = 0
        }
        deliver(stepper.checkpoint(status: status, final: true, withFields: stepper.isSynchronised))
    }

    /// Interrupted before it ever held a core: a fresh run still records its step-0 state as
    /// an `interrupted` checkpoint (so `resume` can start it later); one at a time, to bound
    /// memory. A resumed run keeps the checkpoint it came from.
    private func finishWithoutStarting() {
        mailbox.withLock { $0.status = .interrupted }
        if let start = plan.start {
            var record = start.record
            record.status = RunStatus.interrupted.rawValue
            deliver(Checkpoint(index: plan.index, record: record, history: start.history, fields: nil, isFinal: true))
            log.append(LogLine.done(kappa: plan.kappa, status: record.status, steps: Int(start.fields.step), H0: record.H0,
                                    Hf: record.Hf, drift: record.drift, elapsed: record.elapsed).text)
            return
        }
        Self.unstartedCheckpoints.withLock { _ in
            var stepper = Stepper(plan: plan, log: log)
            stepper.sample()
            publishSample(stepper)
            var painter = FieldFrameBuilder(n: plan.grid.n)
            publishPicture(stepper, &painter)
            log.append(stepper.doneLine(status: .interrupted).text)
            deliver(stepper.checkpoint(status: .interrupted, final: true, withFields: true))
        }
    }

    /// Serialises the step-0 checkpoints of runs interrupted while queued.
    private static let unstartedCheckpoints = Mutex(())

    private func setStatus(_ status: RunStatus) {
        mailbox.withLock { $0.status = status }
    }

    /// Pictures the (synchronised) fields into the latest-wins mailbox; the frame it replaces
    /// gives its buffers back to `painter` for the next picture.
    private func publishPicture(_ stepper: Stepper, _ painter: inout FieldFrameBuilder) {
        let frame = painter.frame(of: stepper.field, kappa: plan.kappa, step: stepper.step, t: stepper.time)
        let old = pictures.withLock { slot -> FieldFrame? in
            let old = slot
            slot = frame
            return old
        }
        painter.recycle(old)
    }

    private func publishSample(_ stepper: Stepper) {
        mailbox.withLock { s in
            s.step = stepper.step
            s.t = stepper.time
            s.H = stepper.history.H.last ?? .nan
            s.H0 = stepper.h0
            s.drift = stepper.history.drift.last ?? .nan
            s.maxDrift = stepper.maxDrift
            s.driftHistory.append(s.drift)
            if s.driftHistory.count > Self.sparklineLength { s.driftHistory.removeFirst() }
        }
    }
}
