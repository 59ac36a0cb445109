import Foundation
import Synchronization

/// What an external command (`sbatch`, `squeue`, `scontrol`, `scancel`) gave back.
public struct CommandResult: Sendable, Equatable {
    public var status: Int32
    public var stdout: String
    public var stderr: String

    public init(status: Int32, stdout: String, stderr: String) {
        self.status = status; self.stdout = stdout; self.stderr = stderr
    }

    /// The first non-empty line of stderr (or stdout), for a one-line report.
    public var firstErrorLine: String {
        let text = stderr.isEmpty ? stdout : stderr
        return text.split(separator: "\n").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? "exit status \(status)"
    }
}

/// Runs Slurm's commands; tests substitute a scripted one.
public protocol CommandRunning: Sendable {
    /// Runs `argv` (`argv[0]` looked up on PATH); nil when the program is not there.
    func run(_ argv: [String]) -> CommandResult?
}

/// Runs commands as child processes, reading stdout and stderr whole. A command still running
/// after `timeout` seconds (a controller that does not answer) is killed and reported.
public struct ProcessRunner: CommandRunning {
    public var timeout: Double

    public init(timeout: Double = 30) { self.timeout = timeout }

    public func run(_ argv: [String]) -> CommandResult? {
        guard let name = argv.first, let path = Self.locate(name) else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = Array(argv.dropFirst())
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle(forReadingAtPath: "/dev/null")
        let ended = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in ended.signal() }
        do { try process.run() } catch {
            return CommandResult(status: 127, stdout: "", stderr: "\(name): \(error)")
        }
        // Both pipes are drained at once so a chatty command never blocks on a full pipe.
        let errorText = Mutex(Data())
        let readers = DispatchGroup()
        DispatchQueue.global().async(group: readers) {
            let data = err.fileHandleForReading.readDataToEndOfFile()
            errorText.withLock { $0 = data }
        }
        let output = Mutex(Data())
        DispatchQueue.global().async(group: readers) {
            let data = out.fileHandleForReading.readDataToEndOfFile()
            output.withLock { $0 = data }
        }
        var timedOut = false
        if ended.wait(timeout: .now() + timeout) == .timedOut {
            timedOut = true
            process.terminate()
            ended.wait()
        }
        readers.wait()
        let stdout = String(decoding: output.withLock { $0 }, as: UTF8.self)
        var stderr = String(decoding: errorText.withLock { $0 }, as: UTF8.self)
        if timedOut { stderr = "\(name) did not answer within \(Int(timeout)) s\n" + stderr }
        return CommandResult(status: timedOut ? 124 : process.terminationStatus, stdout: stdout, stderr: stderr)
    }

    /// `name` itself when it holds a `/`, else the first executable `PATH` entry of that name.
    public static func locate(_ name: String) -> String? {
        if name.contains("/") { return FileManager.default.isExecutableFile(atPath: name) ? name : nil }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for dir in path.split(separator: ":") where !dir.isEmpty {
            let candidate = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
