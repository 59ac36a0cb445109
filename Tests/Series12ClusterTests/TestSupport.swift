import Foundation
import Series12Cluster
import Synchronization

/// A fresh empty directory under /tmp, removed by the caller.
func makeTemporaryDirectory(_ label: String) -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("s12c-\(label)-\(UUID().uuidString)").path
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// Slurm as a script: answers each command from `respond` and records every call.
final class ScriptedSlurm: CommandRunning {
    private let calls = Mutex<[[String]]>([])
    private let respond: @Sendable ([String]) -> CommandResult?

    init(_ respond: @escaping @Sendable ([String]) -> CommandResult?) { self.respond = respond }

    func run(_ argv: [String]) -> CommandResult? {
        calls.withLock { $0.append(argv) }
        return respond(argv)
    }

    var commands: [[String]] { calls.withLock { $0 } }

    /// Calls other than `squeue` polls.
    var actions: [[String]] { commands.filter { $0.first != "squeue" } }
}

func ok(_ stdout: String = "") -> CommandResult { CommandResult(status: 0, stdout: stdout, stderr: "") }
func refused(_ stderr: String) -> CommandResult { CommandResult(status: 1, stdout: "", stderr: stderr) }

func append(_ lines: [String], to path: String) throws {
    let text = lines.map { $0 + "\n" }.joined()
    if let handle = FileHandle(forWritingAtPath: path) {
        handle.seekToEndOfFile()
        handle.write(Data(text.utf8))
        try handle.close()
    } else {
        try text.write(toFile: path, atomically: false, encoding: .utf8)
    }
}
