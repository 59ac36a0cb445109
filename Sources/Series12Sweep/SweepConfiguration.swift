import Foundation
import Series12Retention

/// A validated sweep: every option of SPEC §9 with its default. Building one from arguments
/// checks all bad input of SPEC §2 before anything runs or any file is touched.
public struct SweepConfiguration: Sendable, Equatable {
    public var kappas: [Double] = [0.1, 0.5, 1, 2, 5]
    public var n = 256
    public var steps = 20000
    public var every = 500
    public var length = 1.0
    public var c = 1.0
    public var cfl = 0.5
    /// Explicit time step; nil means the stable bound `ν·2/ω_max`.
    public var dt: Double? = nil
    public var jobs = ProcessInfo.processInfo.activeProcessorCount
    public var outputDirectory = "."
    public var name = "sweep"
    public var checkpointEvery = 10
    public var blowup = 1e3
    public var theme = "default"
    public var headless = false
    public var ascii = false
    /// A fixed stamp (cluster array tasks share one); nil means the start time.
    public var stamp: String? = nil
    /// `--task`: one array task of a cluster sweep (`series12 slurm submit`). It runs one κ
    /// with a given `--stamp`, appends its tier-1 lines to its own
    /// `{name}_log_kappa_{kt}_{stamp}.txt` and leaves tier 3 to `series12 combine`, so tasks
    /// running at once in one shared directory never write the same file.
    public var task = false

    public init() {}

    public static let optionNames: Set<String> = [
        "kappas", "N", "steps", "every", "L", "c", "cfl", "dt", "jobs", "out", "name",
        "checkpoint-every", "blowup", "theme", "stamp",
    ]
    public static let switchNames: Set<String> = ["headless", "ascii", "task"]

    /// Parses and validates `series12 sweep` arguments (`checkMemory`: see `validate`).
    public static func parse(_ arguments: [String], checkMemory: Bool = true) throws(UsageError) -> SweepConfiguration {
        let scan = try ArgumentScanner(arguments, options: optionNames, switches: switchNames, command: "sweep")
        if let extra = scan.positionals.first {
            throw UsageError("unexpected argument '\(extra)' for 'series12 sweep'; options start with --")
        }
        var config = SweepConfiguration()
        if let list = scan.values["kappas"] { config.kappas = try parseKappas(list) }
        config.n = try scan.int("N") ?? config.n
        config.steps = try scan.int("steps") ?? config.steps
        config.every = try scan.int("every") ?? config.every
        config.length = try scan.double("L") ?? config.length
        config.c = try scan.double("c") ?? config.c
        config.cfl = try scan.double("cfl") ?? config.cfl
        config.dt = try scan.double("dt")
        config.jobs = try scan.int("jobs") ?? config.jobs
        config.outputDirectory = scan.values["out"] ?? config.outputDirectory
        config.name = scan.values["name"] ?? config.name
        config.checkpointEvery = try scan.int("checkpoint-every") ?? config.checkpointEvery
        config.blowup = try scan.double("blowup") ?? config.blowup
        config.theme = scan.values["theme"] ?? config.theme
        config.stamp = scan.values["stamp"]
        config.headless = scan.flags.contains("headless")
        config.ascii = scan.flags.contains("ascii")
        config.task = scan.flags.contains("task")
        try config.validate(checkMemory: checkMemory)
        return config
    }

    /// `--kappas 0.1,0.5,1`: finite, non-negative, distinct after rounding to 4 decimals.
    public static func parseKappas(_ list: String) throws(UsageError) -> [Double] {
        var kappas: [Double] = []
        var seen: Set<String> = []
        for item in list.split(separator: ",", omittingEmptySubsequences: false) {
            let text = item.trimmingCharacters(in: .whitespaces)
            guard let k = Double(text), k.isFinite else {
                throw UsageError("--kappas must be a comma-separated list of finite numbers, got '\(text)' in '\(list)'")
            }
            guard k >= 0 else { throw UsageError("--kappas: kappa must be ≥ 0, got \(text)") }
            let tag = LogLine.k4(k)
            guard seen.insert(tag).inserted else {
                throw UsageError("--kappas: \(text) duplicates kappa \(tag) (kappas are compared to 4 decimals); list each once")
            }
            kappas.append(k)
        }
        return kappas
    }

    /// - Parameter checkMemory: compare the grids' memory with this machine's (off for
    ///   `slurm submit`, whose tasks run on other machines and check there).
    public func validate(checkMemory: Bool = true) throws(UsageError) {
        guard !kappas.isEmpty else { throw UsageError("--kappas needs at least one value") }
        guard n >= 8 else { throw UsageError("--N must be at least 8, got \(n)") }
        guard steps >= 1 else { throw UsageError("--steps must be at least 1, got \(steps)") }
        guard every >= 1 else { throw UsageError("--every must be at least 1, got \(every)") }
        guard cfl > 0 else { throw UsageError("--cfl must be > 0, got \(cfl)") }
        guard length > 0 else { throw UsageError("--L must be > 0, got \(length)") }
        guard c > 0 else { throw UsageError("--c must be > 0, got \(c)") }
        if let dt { guard dt > 0 else { throw UsageError("--dt must be > 0, got \(dt)") } }
        guard jobs >= 1 else { throw UsageError("--jobs must be at least 1, got \(jobs)") }
        guard checkpointEvery >= 1 else { throw UsageError("--checkpoint-every must be at least 1, got \(checkpointEvery)") }
        guard blowup > 0 else { throw UsageError("--blowup must be > 0, got \(blowup)") }
        guard !name.isEmpty, name.unicodeScalars.allSatisfy({ $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "_" || $0 == "-") }) else {
            throw UsageError("--name '\(name)' may hold only letters, digits, '_' and '-'")
        }
        if let stamp, !ArchiveNaming.isValidStamp(stamp) {
            throw UsageError("--stamp must be a real UTC time written YYYYMMDD_HHMMSS, got '\(stamp)'")
        }
        if task {
            guard stamp != nil else {
                throw UsageError("--task needs --stamp YYYYMMDD_HHMMSS: every array task of a cluster sweep shares one stamp")
            }
            guard kappas.count == 1 else {
                throw UsageError("--task runs one κ per array task, got \(kappas.count) in --kappas; give one value")
            }
        }
        try Self.checkOutputDirectory(outputDirectory)
        guard checkMemory else { return }
        let running = Double(min(jobs, kappas.count))
        let historyBytes = Double(steps / every + 2) * 48
        let need = running * (48 * Double(n) * Double(n) + historyBytes)
        if let available = Self.availableMemory(), need > Double(available) {
            throw UsageError(String(format: "N=%d needs %.1f GiB for %d running kappas but only %.1f GiB is available; lower --N or --jobs",
                                    n, need / 1_073_741_824, Int(running), Double(available) / 1_073_741_824))
        }
    }

    /// The directory must exist, be a directory (not through a symlink trick) and be writable.
    public static func checkOutputDirectory(_ path: String) throws(UsageError) {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw UsageError("output directory '\(path)' does not exist; create it first or pass an existing --out")
        }
        guard isDir.boolValue else { throw UsageError("--out '\(path)' is not a directory") }
        guard access(path, W_OK | X_OK) == 0 else {
            throw UsageError("output directory '\(path)' is not writable (\(String(cString: strerror(errno)))); choose another --out")
        }
    }

    /// `MemAvailable` from /proc/meminfo in bytes (nil where unknown).
    static func availableMemory() -> UInt64? {
        guard let text = try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix("MemAvailable:") {
            let fields = line.split(separator: " ")
            if fields.count >= 2, let kb = UInt64(fields[1]) { return kb * 1024 }
        }
        return nil
    }

    public var dx: Double { length / Double(n) }
}
