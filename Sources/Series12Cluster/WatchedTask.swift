import Foundation
import Series12Retention
import Series12Sweep

/// One κ of a cluster sweep as `series12 watch` knows it: what its task's tier-1 log has said
/// so far, and what Slurm says of its array task.
struct WatchedTask: Sendable {
    var kappa: Double
    /// `0_1000`
    var tag: String
    /// Array task index (task i runs the plan's i-th κ), when known.
    var taskIndex: Int?
    /// Target steps (from the plan or the `Run` line).
    var steps: Int
    var dt = Double.nan
    var step = 0
    var H = Double.nan
    var H0 = Double.nan
    var drift = Double.nan
    var maxDrift = Double.nan
    var driftHistory: [Double] = []
    /// The `Done` line's status.
    var doneStatus: String?
    /// The data archive written after the `Done` line: the task has nothing left to save.
    var finalArchiveWritten = false
    var lastArchive: String?
    var lastArchiveFailed = false
    /// The task's log has a `Run` line: it has started stepping.
    var started = false
    /// A `Resume` line came: the next `Run` line continues the run rather than restarting it.
    var resuming = false
    /// The task was run again (requeued, resubmitted — possibly as another job) after its
    /// log had ended or its task had left the queue: the log, not the old job, tells its state.
    var rerun = false
    /// Slurm's view while the task is queued or running.
    var queueState: SlurmQueue.TaskState?
    /// The task has left the queue.
    var leftQueue = false
    /// Slurm's final `JobState` (`COMPLETED`, `TIMEOUT`, …) when it left without a `Done` line.
    var finalJobState: String?
    /// Paused by this watch, and how.
    var pausedWith: SlurmQueue.PauseMethod?
    /// Steps per second between the last two polls that saw the step change.
    var stepsPerSecond = 0.0
    var rateMark: (step: Int, time: Double)?

    init(kappa: Double, steps: Int, taskIndex: Int?) {
        self.kappa = kappa
        tag = ArchiveNaming.kappaTag(kappa)
        self.steps = steps
        self.taskIndex = taskIndex
    }

    /// The status the table shows (SPEC §2's names).
    var status: RunStatus {
        if let doneStatus { return RunStatus(rawValue: doneStatus) ?? .failed }
        if leftQueue && !rerun { return Self.status(ofFinalState: finalJobState) }
        if pausedWith != nil || queueState?.state == "SUSPENDED" || queueState?.isHeld == true { return .paused }
        // The log is fresher than the last squeue: a Run line means it is stepping.
        if started { return .running }
        if let state = queueState?.state, state != "PENDING" && state != "CONFIGURING" { return .running }
        return .queued
    }

    /// A task that left the queue without a `Done` line: cut short by Slurm (time limit,
    /// cancel, preemption, node failure) → interrupted; anything else → failed.
    static func status(ofFinalState state: String?) -> RunStatus {
        switch state {
        case "TIMEOUT", "CANCELLED", "PREEMPTED", "NODE_FAIL", "DEADLINE", "REQUEUED": return .interrupted
        default: return .failed
        }
    }

    /// Nothing more will happen to it: its log has ended (`Done` and its final data archive),
    /// or its task has left the queue.
    var isSettled: Bool { (doneStatus != nil && finalArchiveWritten) || (leftQueue && !rerun) }

    /// Takes one line of its task's log.
    mutating func take(_ line: String, stamp: String, now: Double) {
        if let parsed = LogLine.parse(line) {
            switch parsed {
            case let .run(s, _, _, _, _, dt, steps, _) where s == stamp:
                if resuming {
                    resuming = false
                } else if doneStatus != nil || started {
                    restart()
                    rerun = true
                }
                started = true
                self.dt = dt
                self.steps = steps
            case .run:
                break
            case let .baseline(step, h, _):
                sample(step: step, H: h, drift: 0)
                H0 = h
            case let .sample(step, h, drift, _):
                sample(step: step, H: h, drift: drift)
            case let .done(_, status, steps, h0, hf, drift, _):
                doneStatus = status
                step = steps
                H0 = h0
                H = hf
                self.drift = drift
                stepsPerSecond = 0
            }
            return
        }
        let text = line.trimmingCharacters(in: .whitespaces)
        for (mark, failed) in [("📦 ", false), ("[tar] ", false), ("❌ ", true), ("[FAIL] ", true)] where text.hasPrefix(mark) {
            let name = String(text.dropFirst(mark.count).prefix { $0 != " " })
            lastArchive = name
            lastArchiveFailed = failed
            if doneStatus != nil && name.contains("_data_") { finalArchiveWritten = true }
            return
        }
        // `Resume {stamp} | kappa=… | from step S of T`: the task was run again and continues.
        if text.hasPrefix("Resume \(stamp) |"), let from = text.range(of: "| from step ") {
            step = Int(text[from.upperBound...].prefix { $0.isNumber }) ?? step
            doneStatus = nil
            finalArchiveWritten = false
            resuming = true
            rerun = true
            return
        }
        // `Task 123_4 | kappa=… | host=… | pid=…`, written by the task itself.
        if text.hasPrefix("Task "), let id = text.dropFirst(5).split(separator: " ").first,
           let underscore = id.lastIndex(of: "_"), let index = Int(id[id.index(after: underscore)...]) {
            taskIndex = index
        }
    }

    /// A task started again from t = 0 (Slurm requeued it): forget the earlier attempt.
    private mutating func restart() {
        let keep = (kappa, steps, taskIndex, queueState, pausedWith)
        self = WatchedTask(kappa: keep.0, steps: keep.1, taskIndex: keep.2)
        queueState = keep.3
        pausedWith = keep.4
    }

    private mutating func sample(step: Int, H: Double, drift: Double) {
        self.step = step
        self.H = H
        self.drift = drift
        maxDrift = maxDrift.isNaN ? drift : max(maxDrift, drift)
        driftHistory.append(drift)
        if driftHistory.count > 240 { driftHistory.removeFirst(driftHistory.count - 240) }
    }

    /// Updates the rate once per poll.
    mutating func noteRate(now: Double) {
        guard let mark = rateMark else { rateMark = (step, now); return }
        guard step != mark.step else { return }
        if now > mark.time { stepsPerSecond = Double(step - mark.step) / (now - mark.time) }
        rateMark = (step, now)
    }

    var snapshot: RunSnapshot {
        var s = RunSnapshot(kappa: kappa, steps: steps)
        s.status = status
        s.step = step
        s.t = dt.isNaN ? 0 : Double(step) * dt
        s.H = H
        s.H0 = H0
        s.drift = drift
        s.maxDrift = maxDrift
        s.driftHistory = driftHistory
        s.stepsPerSecond = s.status == .running ? stepsPerSecond : 0
        s.lastArchive = lastArchive
        s.lastArchiveFailed = lastArchiveFailed
        return s
    }
}
