import Foundation
import Series12Core
import Series12Retention
import Series12Sweep
import Synchronization

/// A cluster sweep followed from its files, as the dashboard's `SweepSource`: each array
/// task's tier-1 log (`{sweep}_log_kappa_{kt}_{stamp}.txt`, flushed line by line by the task)
/// is read as it grows and parsed with `LogLine`, so the table and the log pane show what a
/// local sweep would; with the array job known, `squeue` gives queued/running/suspended and
/// `space` pauses or resumes a κ's task through `SlurmQueue`.
///
/// `poll` does the reading; call it from one thread (the headless loop, or the poller thread
/// beside the dashboard). Slurm commands for keys run on their own serial queue, so the screen
/// never waits for the controller.
public final class ClusterWatch: SweepSource {
    public let log: Tier1Log
    public let directory: String
    public let stamp: String
    public let sweep: String
    /// The array job, when known (`--job`, else the plan file).
    public let job: String?
    private let queue: SlurmQueue
    private let started: Double
    private let state: Mutex<State>
    private let followers = Mutex<[String: FollowedFile]>([:])
    private let commands = DispatchQueue(label: "series12.watch.slurm")
    /// Seconds between two `squeue` calls.
    private let queueInterval: Double

    private struct State {
        var tasks: [WatchedTask]
        var n: Int
        var length: Double
        var lastQueuePoll = -Double.infinity
        /// `squeue` no longer lists any task of the job.
        var jobLeftQueue = false
        /// The job was seen in the queue at least once.
        var jobSeen = false
        /// Problems already reported (each once).
        var reported: Set<String> = []
        var tier3Seen: Int?
    }

    /// - Parameters:
    ///   - plan: the submission's plan file: every κ and its task, also before it starts.
    ///   - job: the array job id (`--job`); defaults to the plan's.
    ///   - echo: print each log line on stdout as it arrives (headless).
    public init(directory: String, stamp: String, sweep: String, plan: SlurmPlan?, job: String?,
                queue: SlurmQueue = SlurmQueue(), echo: Bool, queueInterval: Double = 2) {
        self.directory = directory
        self.stamp = stamp
        self.sweep = sweep
        self.job = job ?? plan?.arrayJob
        self.queue = queue
        self.queueInterval = queueInterval
        log = Tier1Log(echo: echo)
        let tasks = (plan?.kappas ?? []).enumerated().map { i, k in WatchedTask(kappa: k, steps: plan?.steps ?? 0, taskIndex: i) }
        state = Mutex(State(tasks: tasks, n: plan?.n ?? 0, length: plan?.length ?? 1))
        if let plan {
            started = monotonicSeconds() - max(0, Date().timeIntervalSince1970 - plan.submitted)
        } else if let date = ArchiveNaming.date(fromStamp: stamp) {
            started = monotonicSeconds() - max(0, Date().timeIntervalSince(date))
        } else {
            started = monotonicSeconds()
        }
    }

    public var quitLeavesRunsGoing: Bool { true }

    // MARK: Following

    /// Reads what the tasks wrote since the last call and, every `queueInterval` seconds,
    /// asks Slurm where the tasks stand.
    public func poll() {
        let now = monotonicSeconds()
        readLogs(now: now)
        let due = state.withLock { s -> Bool in
            guard now - s.lastQueuePoll >= queueInterval else { return false }
            s.lastQueuePoll = now
            return true
        }
        if due, let job { pollQueue(job: job) }
        noteTier3()
    }

    private func readLogs(now: Double) {
        let entries = TaskLogs.find(in: directory, stamp: stamp, sweep: sweep)
        let combineOutput = ClusterFiles.combineOutput(sweep: sweep, stamp: stamp)
        var batches: [(tag: String?, lines: [String])] = []
        followers.withLock { files in
            for entry in entries {
                batches.append((entry.tag, files[entry.fileName, default: FollowedFile(path: directory + "/" + entry.fileName)].readNewLines()))
            }
            // The combine job's report, once it runs: every κ's verdict and the tier-3 line.
            if FileManager.default.fileExists(atPath: directory + "/" + combineOutput) {
                batches.append((nil, files[combineOutput, default: FollowedFile(path: directory + "/" + combineOutput)].readNewLines()))
            }
        }
        for (tag, lines) in batches where !lines.isEmpty {
            state.withLock { s in
                guard let tag else { return }
                let kappa = TaskLogs.kappa(ofTag: tag)
                if !s.tasks.contains(where: { $0.tag == tag }) {
                    s.tasks.append(WatchedTask(kappa: kappa, steps: 0, taskIndex: nil))
                    if s.tasks.allSatisfy({ $0.taskIndex == nil }) { s.tasks.sort { $0.kappa < $1.kappa } }
                }
                guard let i = s.tasks.firstIndex(where: { $0.tag == tag }) else { return }
                for line in lines {
                    s.tasks[i].take(line, stamp: stamp, now: now)
                    if case let .run(st, _, n, length, _, _, _, _)? = LogLine.parse(line), st == stamp {
                        s.n = n
                        s.length = length
                    }
                }
            }
            for line in lines { log.append(line) }
        }
        state.withLock { s in
            for i in s.tasks.indices { s.tasks[i].noteRate(now: now) }
        }
    }

    private func pollQueue(job: String) {
        switch queue.tasks(ofArray: job) {
        case let .success(listed):
            var ended: [(Int, String)] = []
            state.withLock { s in
                if !listed.isEmpty { s.jobSeen = true }
                s.jobLeftQueue = listed.isEmpty
                for i in s.tasks.indices {
                    guard let index = s.tasks[i].taskIndex else { continue }
                    if let task = listed[index] {
                        s.tasks[i].queueState = task
                        if task.state == "RUNNING" && s.tasks[i].pausedWith == .hold { s.tasks[i].pausedWith = nil }
                    } else if !s.tasks[i].leftQueue && (s.jobLeftQueue || s.tasks[i].queueState != nil) {
                        s.tasks[i].leftQueue = true
                        s.tasks[i].queueState = nil
                        s.tasks[i].pausedWith = nil
                        if s.tasks[i].doneStatus == nil { ended.append((i, "\(job)_\(index)")) }
                    }
                }
            }
            if listed.isEmpty { report("job-gone", "watch: array job \(job) is no longer in the queue") }
            for (i, id) in ended {
                let final = queue.finalState(of: id)
                let kappa = state.withLock { s -> Double in
                    s.tasks[i].finalJobState = final
                    return s.tasks[i].kappa
                }
                log.append("watch: task \(id) (kappa=\(ArchiveNaming.k4(kappa))) left the queue without a Done line"
                    + (final.map { " (Slurm: \($0))" } ?? "") + "; 'series12 combine' will list it as unfinished")
            }
        case let .failure(error):
            report("queue:\(error)", "watch: \(error); the table follows the task logs only")
        }
    }

    /// One line when the tier-3 summary appears or changes (the combine job has run).
    private func noteTier3() {
        let name = ArchiveNaming.tier3Summary(sweep: sweep, stamp: stamp)
        guard let size = (try? FileManager.default.attributesOfItem(atPath: directory + "/" + name)[.size] as? Int) ?? nil else { return }
        let changed = state.withLock { s -> Bool in
            guard s.tier3Seen != size else { return false }
            s.tier3Seen = size
            return true
        }
        if changed { log.append("watch: \(name) is there (\(size) bytes): tier 3 of the sweep") }
    }

    /// Logs `line` the first time `key` comes up.
    private func report(_ key: String, _ line: String) {
        let fresh = state.withLock { $0.reported.insert(key).inserted }
        if fresh { log.append(line) }
    }

    // MARK: SweepSource

    public func snapshot() -> SweepSnapshot {
        state.withLock { s in
            SweepSnapshot(name: sweep, stamp: stamp, n: s.n, length: s.length, elapsed: monotonicSeconds() - started,
                          jobs: max(1, s.tasks.count), runs: s.tasks.map(\.snapshot))
        }
    }

    public func perform(_ command: SweepCommand) {
        switch command {
        case let .togglePause(i):
            commands.async { self.toggle(i) }
        case .pauseAll:
            commands.async {
                for i in self.indices {
                    guard let t = self.task(i), t.pausedWith == nil, !t.status.isFinal, t.status != .paused else { continue }
                    self.toggle(i)
                }
            }
        case .resumeAll:
            commands.async {
                for i in self.indices where self.task(i)?.pausedWith != nil { self.toggle(i) }
            }
        case .interrupt:
            break  // leaving the watch leaves the jobs running
        }
    }

    /// Blocks until every key's Slurm command has run (tests, and before leaving).
    public func waitForCommands() { commands.sync {} }

    private var indices: Range<Int> { 0..<state.withLock { $0.tasks.count } }
    private func task(_ i: Int) -> WatchedTask? { state.withLock { $0.tasks.indices.contains(i) ? $0.tasks[i] : nil } }

    /// Pauses a queued (hold) or running (SIGSTOP, else suspend) task; resumes a paused one.
    private func toggle(_ i: Int) {
        guard let task = task(i) else { return }
        let k = "kappa=\(ArchiveNaming.k4(task.kappa))"
        guard let job, let index = task.taskIndex else {
            log.append("watch: \(k) has no known Slurm task" + (job == nil ? "; pass --job ID to pause it" : " yet"))
            return
        }
        let id = "\(job)_\(index)"
        if let method = task.pausedWith {
            switch queue.resume(task: id, pausedWith: method) {
            case .success:
                setPause(i, nil)
                log.append("watch: resumed task \(id) (\(k)) — \(method == .hold ? "scontrol release" : method == .suspend ? "scontrol resume" : "SIGCONT")")
            case let .failure(error):
                log.append("watch: could not resume task \(id) (\(k)): \(error)")
            }
            return
        }
        if task.doneStatus != nil || task.leftQueue {
            log.append("watch: task \(id) (\(k)) has ended — nothing to pause")
            return
        }
        // Slurm's state as of now, not of the last poll: a task that just started is signalled,
        // one still pending is held.
        var pending = task.queueState?.state == "PENDING" && !task.started
        if case let .success(listed) = queue.tasks(ofArray: job), let now = listed[index] {
            pending = now.state == "PENDING" && !(self.task(i)?.started ?? false)
        }
        let result = pending ? queue.hold(task: id) : queue.pause(task: id)
        switch result {
        case let .success(method):
            setPause(i, method)
            let how: String
            switch method {
            case .stopSignal: how = "SIGSTOP; Slurm still lists it RUNNING and keeps its core"
            case .suspend: how = "scontrol suspend"
            case .hold: how = "scontrol hold; it will not start until resumed"
            }
            log.append("watch: paused task \(id) (\(k)) — \(how)")
        case let .failure(error):
            log.append("watch: could not pause task \(id) (\(k)): \(error)")
        }
    }

    private func setPause(_ i: Int, _ method: SlurmQueue.PauseMethod?) {
        state.withLock { s in if s.tasks.indices.contains(i) { s.tasks[i].pausedWith = method } }
    }

    // MARK: Ending

    /// The whole array job has left the queue (and no κ was run again outside it), or every κ
    /// is settled (its log has ended with its final archive, or its task has left the queue).
    /// Poll once more after it turns true: the last lines may have been written just before
    /// the task left the queue.
    public var isComplete: Bool {
        state.withLock { s in
            (s.jobLeftQueue && s.tasks.allSatisfy { !$0.rerun || $0.isSettled })
                || (!s.tasks.isEmpty && s.tasks.allSatisfy(\.isSettled))
        }
    }

    /// True when the job was never in the queue this watch saw (a wrong `--job`, or an old one).
    public var jobNeverSeen: Bool { state.withLock { job != nil && !$0.jobSeen && $0.jobLeftQueue } }

    /// 0 when every κ is done, 1 otherwise.
    public var exitStatus: Int32 {
        state.withLock { s in !s.tasks.isEmpty && s.tasks.allSatisfy { $0.status == .done } ? 0 : 1 }
    }

    /// Tasks this watch paused and has not resumed: `(task id, κ, method)`.
    public var pausedTasks: [(id: String, kappa: Double, method: SlurmQueue.PauseMethod)] {
        state.withLock { s in
            s.tasks.compactMap { t in
                guard let method = t.pausedWith, let index = t.taskIndex, let job else { return nil }
                return ("\(job)_\(index)", t.kappa, method)
            }
        }
    }
}
