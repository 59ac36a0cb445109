import Foundation
import Series12Retention
import Series12Sweep

/// `series12 plot [DIR] [--stamp STAMP] [--kind drift|hamiltonian] [--kappa K] [--to FILE] [--force]`:
/// draws a sweep's plots from the history archives in DIR (default `.`) — the same SVGs the
/// archives hold: `drift` (default) every κ's drift against t on a log scale, `hamiltonian`
/// every κ's H against t; with `--kappa` one κ only (its drift plot is the one in that κ's
/// summary archive). Without `--stamp` the newest stamp is drawn and named on stderr.
///
/// The SVG goes to stdout, or with `--to FILE` into FILE (atomically; an existing FILE is
/// replaced only with `--force`). No other file is written. Exit 0 when drawn, 1 when nothing
/// could be read or written, 2 for bad usage (one line on stderr, no file touched).
enum PlotMain {
    enum Kind: String { case drift, hamiltonian }

    static func run(_ arguments: [String]) throws -> Int32 {
        let scan = try ArgumentScanner(arguments, options: ["stamp", "kind", "kappa", "to"], switches: ["force"], command: "plot")
        let directory = try scan.existingDirectory(command: "plot", verb: "reads", hint: "; give the --out directory of the sweep")
        let kindText = scan.values["kind"] ?? Kind.drift.rawValue
        guard let kind = Kind(rawValue: kindText) else {
            throw UsageError("--kind must be drift or hamiltonian, got '\(kindText)'")
        }
        if let stamp = scan.values["stamp"], !ArchiveNaming.isValidStamp(stamp) {
            throw UsageError("--stamp must look like YYYYMMDD_HHMMSS, got '\(stamp)'")
        }
        let kappa = try scan.double("kappa")
        let destination = scan.values["to"]
        if let destination { try checkDestination(destination, force: scan.flags.contains("force")) }

        let stamps = StoredRuns.stamps(in: directory)
        guard let newest = stamps.last else {
            throw UsageError("plot: no κ archives (kappa_*_history_*.tar) in '\(directory)'; give the --out directory of the sweep")
        }
        let stamp = scan.values["stamp"] ?? newest
        guard stamps.contains(stamp) else {
            throw UsageError("plot: no κ archives of stamp \(stamp) in '\(directory)'; it holds \(stamps.joined(separator: ", "))")
        }
        let stored = StoredRuns.load(stamp: stamp, in: directory)
        var runs = stored.runs
        if let kappa {
            runs = runs.filter { LogLine.k4($0.kappa) == LogLine.k4(kappa) }
            guard !runs.isEmpty else {
                throw UsageError("plot: no κ=\(LogLine.k4(kappa)) in stamp \(stamp); it has \(stored.runs.map { LogLine.k4($0.kappa) }.joined(separator: ", "))")
            }
        }
        guard runs.contains(where: { $0.history != nil }) else {
            throw Failure(message: "plot: no readable history archive of stamp \(stamp) in \(directory); nothing to draw")
        }
        // Said only once the plot will be drawn, so that bad usage stays one line on stderr.
        if scan.values["stamp"] == nil {
            Terminal.write("series12 plot: stamp \(stamp)"
                + (stamps.count > 1 ? ", the newest of \(stamps.count) in \(directory) (choose another with --stamp)" : "") + "\n",
                to: STDERR_FILENO)
        }
        for problem in stored.problems { Terminal.write("series12 plot: warning: \(problem)\n", to: STDERR_FILENO) }

        let svg: String
        switch kind {
        case .drift:
            if kappa != nil, let only = runs.first, let record = only.record, let history = only.history {
                svg = SweepPlots.drift(record: record, history: history)
            } else {
                svg = SweepPlots.drift(runs: runs, sweep: stored.sweep, stamp: stamp)
            }
        case .hamiltonian:
            svg = SweepPlots.hamiltonian(runs: runs, sweep: stored.sweep, stamp: stamp)
        }
        guard let destination else {
            guard writeAll(Array(svg.utf8), to: STDOUT_FILENO) else {
                throw Failure(message: "plot: writing to stdout failed: \(String(cString: strerror(errno)))")
            }
            return 0
        }
        let outcome = AtomicArchive().writeFile(bytes: Array(svg.utf8), toPath: destination, replacing: scan.flags.contains("force"))
        guard outcome.succeeded else {
            throw Failure(message: "plot: \(destination) NOT written (\(outcome.failureReason ?? "unknown reason"))")
        }
        print("series12 plot: wrote \(destination) (\(outcome.bytes) bytes, \(kind.rawValue), stamp \(stamp))")
        return 0
    }

    /// `--to FILE` must name a new file in an existing directory, or an existing regular file
    /// with `--force`; checked before anything is read, so bad usage touches nothing.
    static func checkDestination(_ path: String, force: Bool) throws(UsageError) {
        guard !path.isEmpty, !path.hasSuffix("/") else { throw UsageError("--to needs a file name, got '\(path)'") }
        let parent = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: parent, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw UsageError("--to \(path): the directory \(parent) does not exist; create it first")
        }
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            if !force { throw UsageError("--to \(path): the file exists; pass --force to replace it, or choose another name") }
        case S_IFDIR: throw UsageError("--to \(path) is a directory; give a file name such as \(path)/drift.svg")
        default: throw UsageError("--to \(path) exists and is not a regular file (a symlink?); choose another name")
        }
    }

    /// Every byte to `fd`, resuming after short writes and EINTR; false on a write error.
    static func writeAll(_ bytes: [UInt8], to fd: Int32) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return false }
            offset += n
        }
        return true
    }

    /// Nothing could be drawn or written: exit status 1 with this one line.
    struct Failure: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }
}
