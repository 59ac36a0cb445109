/// The Slurm commands series12 uses, as a job's owner may run them: `sbatch` to submit,
/// `squeue`/`scontrol show job` to read states (no `sacct`: clusters without slurmdbd have
/// none), `scancel --signal` and `scontrol hold/release` to pause; `scontrol suspend/resume`
/// (operators only) as the fallback.
public struct SlurmQueue: Sendable {
    public let runner: any CommandRunning

    public init(runner: any CommandRunning = ProcessRunner()) { self.runner = runner }

    /// One array task as `squeue` lists it.
    public struct TaskState: Sendable, Equatable {
        /// `PENDING`, `RUNNING`, `SUSPENDED`, `COMPLETING`, …
        public var state: String
        /// `squeue`'s reason (`JobHeldUser` when held).
        public var reason: String

        public init(state: String, reason: String) { self.state = state; self.reason = reason }

        public var isHeld: Bool { state == "PENDING" && reason.hasPrefix("JobHeld") }
    }

    public enum QueueError: Error, CustomStringConvertible, Equatable {
        /// The command is not installed on this machine.
        case missing(String)
        /// It ran and failed; its first error line.
        case failed(String, String)

        public var description: String {
            switch self {
            case let .missing(command): return "\(command) not found on PATH (is this a Slurm login node?)"
            case let .failed(command, line): return "\(command) failed: \(line)"
            }
        }
    }

    /// `sbatch --parsable [--dependency=afterany:ID] SCRIPT` → the new job's id.
    public func submit(script: String, afterAny dependency: String? = nil) -> Result<String, QueueError> {
        var argv = ["sbatch", "--parsable"]
        if let dependency { argv.append("--dependency=afterany:\(dependency)") }
        argv.append(script)
        guard let result = runner.run(argv) else { return .failure(.missing("sbatch")) }
        guard result.status == 0 else { return .failure(.failed("sbatch", result.firstErrorLine)) }
        // --parsable prints `ID` or `ID;cluster`.
        let id = result.stdout.split(separator: "\n").last.map { String($0.prefix { $0 != ";" }) } ?? ""
        guard !id.isEmpty, id.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            return .failure(.failed("sbatch", "no job id in its output '\(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines))'"))
        }
        return .success(id)
    }

    /// The queued or running tasks of array job `job`, by task index. Empty once every task
    /// has left the queue (including when Slurm no longer knows the job at all).
    public func tasks(ofArray job: String) -> Result<[Int: TaskState], QueueError> {
        guard let result = runner.run(["squeue", "-h", "-r", "-j", job, "-o", "%i|%T|%r"]) else {
            return .failure(.missing("squeue"))
        }
        guard result.status == 0 else {
            // A job purged from the controller's memory: nothing of it is queued any more.
            if result.stderr.contains("Invalid job id") { return .success([:]) }
            return .failure(.failed("squeue", result.firstErrorLine))
        }
        return .success(Self.parseTasks(result.stdout, job: job))
    }

    /// `123_4|RUNNING|None` lines → `[4: RUNNING]`; other jobs' lines and a pending array's
    /// unsplit `123_[0-3]` line are skipped.
    static func parseTasks(_ text: String, job: String) -> [Int: TaskState] {
        var tasks: [Int: TaskState] = [:]
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard fields.count >= 2, fields[0].hasPrefix(job + "_"), let index = Int(fields[0].dropFirst(job.count + 1)) else { continue }
            tasks[index] = TaskState(state: fields[1], reason: fields.count > 2 ? fields[2] : "")
        }
        return tasks
    }

    /// `JobState` of a job or task (`COMPLETED`, `TIMEOUT`, …) from `scontrol show job`, while
    /// the controller still remembers it (MinJobAge); nil when it does not.
    public func finalState(of id: String) -> String? {
        guard let result = runner.run(["scontrol", "-o", "show", "job", id]), result.status == 0 else { return nil }
        return Self.field("JobState", in: result.stdout)
    }

    /// The value of `Key=value` in `scontrol -o` output.
    static func field(_ key: String, in text: String) -> String? {
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" }) where word.hasPrefix(key + "=") {
            return String(word.dropFirst(key.count + 1))
        }
        return nil
    }

    /// How a task was paused, so it is resumed the same way.
    public enum PauseMethod: String, Sendable, Equatable {
        /// `scancel --full --signal=STOP` (any job owner): the task's processes stop; Slurm
        /// still lists it RUNNING and keeps its core.
        case stopSignal = "SIGSTOP"
        /// `scontrol suspend` (operators): Slurm lists it SUSPENDED.
        case suspend = "scontrol suspend"
        /// `scontrol hold` of a task still pending: it will not start until released.
        case hold = "scontrol hold"
    }

    /// Pauses a running task: SIGSTOP to every process of its batch step, or, when that is
    /// refused, `scontrol suspend`.
    public func pause(task id: String) -> Result<PauseMethod, QueueError> {
        let signal = run(["scancel", "--full", "--signal=STOP", id])
        if case .success = signal { return .success(.stopSignal) }
        if case .success = run(["scontrol", "suspend", id]) { return .success(.suspend) }
        return signal.map { .stopSignal }
    }

    /// Undoes `pause` (or `hold`) with the same method.
    public func resume(task id: String, pausedWith method: PauseMethod) -> Result<Void, QueueError> {
        switch method {
        case .stopSignal: return run(["scancel", "--full", "--signal=CONT", id])
        case .suspend: return run(["scontrol", "resume", id])
        case .hold: return run(["scontrol", "release", id])
        }
    }

    /// Keeps a pending task from starting.
    public func hold(task id: String) -> Result<PauseMethod, QueueError> {
        run(["scontrol", "hold", id]).map { .hold }
    }

    private func run(_ argv: [String]) -> Result<Void, QueueError> {
        guard let result = runner.run(argv) else { return .failure(.missing(argv[0])) }
        return result.status == 0 ? .success(()) : .failure(.failed(argv.prefix(2).joined(separator: " "), result.firstErrorLine))
    }
}
