import Foundation

/// Runs the built `series12` binary (release build preferred) and the tools around it.
enum Binary {
    /// The repository root, from this file's path.
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// `.build/release/series12` (or debug), or `$SERIES12_BIN`.
    static let path: String = {
        if let env = ProcessInfo.processInfo.environment["SERIES12_BIN"] { return env }
        for config in ["release", "debug"] {
            let p = root + "/.build/\(config)/series12"
            if FileManager.default.isExecutableFile(atPath: p) { return p }
        }
        return root + "/.build/release/series12"
    }()

    /// `../shared` beside the repository.
    static let shared: String = {
        var candidates = [root + "/../shared", root + "/shared"]
        if let env = ProcessInfo.processInfo.environment["SERIES12_SHARED"] { candidates.insert(env, at: 0) }
        for c in candidates where FileManager.default.fileExists(atPath: c + "/SPEC.md") { return c }
        return root + "/../shared"
    }()

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `argv` (absolute path or a name on PATH), feeding `input` on stdin.
    @discardableResult
    static func run(_ argv: [String], input: String? = nil, environment: [String: String]? = nil,
                    currentDirectory: String? = nil) throws -> Result {
        let p = Process()
        if argv[0].hasPrefix("/") {
            p.executableURL = URL(fileURLWithPath: argv[0])
            p.arguments = Array(argv.dropFirst())
        } else {
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            p.arguments = argv
        }
        if let environment { p.environment = environment }
        if let currentDirectory { p.currentDirectoryURL = URL(fileURLWithPath: currentDirectory) }
        let out = Pipe(), err = Pipe(), inp = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = inp
        try p.run()
        if let input { inp.fileHandleForWriting.write(Data(input.utf8)) }
        try? inp.fileHandleForWriting.close()
        // Read both pipes concurrently so a chatty child never blocks on a full pipe.
        let errData = ErrBox()
        let t = Thread { errData.set(err.fileHandleForReading.readDataToEndOfFile()) }
        t.start()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        while !errData.done { usleep(1000) }
        return Result(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
                      stderr: String(decoding: errData.data, as: UTF8.self))
    }

    static func series12(_ args: [String], input: String? = nil, environment: [String: String]? = nil) throws -> Result {
        try run([path] + args, input: input, environment: environment)
    }

    /// `check_outputs.py DIR …`: exit status and its output.
    static func checkOutputs(_ dir: String, _ extra: [String] = []) throws -> Result {
        try run(["python3", shared + "/tools/check_outputs.py", dir] + extra)
    }

    static func temporaryDirectory(_ label: String) -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("s12e2e-\(label)-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func files(_ dir: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted()
    }
}

/// Collects a pipe read on another thread.
final class ErrBox: @unchecked Sendable {  // written once by the reader thread, read after `done`
    private let lock = NSLock()
    private var stored = Data()
    private var finished = false
    func set(_ d: Data) { lock.lock(); stored = d; finished = true; lock.unlock() }
    var done: Bool { lock.lock(); defer { lock.unlock() }; return finished }
    var data: Data { lock.lock(); defer { lock.unlock() }; return stored }
}
