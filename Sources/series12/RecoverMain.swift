import Foundation
import Series12Retention
import Series12Sweep

/// `series12 recover FILE|- [--out DIR] [--name NAME] [--force] [--ascii]` (SPEC §7): rebuild
/// the data, history and summary archives of every κ, and the tier-3 summary, from tier-1 text.
/// Exit 0 when at least one archive was created, 1 when nothing could be recovered, 2 for bad
/// usage (no file is touched then).
enum RecoverMain {
    static func run(_ arguments: [String]) throws -> Int32 {
        let scan = try ArgumentScanner(arguments, options: ["out", "name"], switches: ["force", "ascii"], command: "recover")
        guard scan.positionals.count == 1, let source = scan.positionals.first else {
            throw UsageError(scan.positionals.isEmpty
                ? "recover needs the tier-1 text: 'series12 recover FILE' or 'series12 recover -' to read stdin"
                : "recover reads one text, got \(scan.positionals.count): \(scan.positionals.joined(separator: " "))")
        }
        let directory = scan.values["out"] ?? "."
        let sweep = scan.values["name"] ?? "sweep"
        guard ArchiveNaming.isValidSweepName(sweep) else {
            throw UsageError("--name '\(sweep)' may hold only letters, digits, '_' and '-'")
        }
        try SweepConfiguration.checkOutputDirectory(directory)
        let bytes = try readSource(source)
        let ascii = scan.flags.contains("ascii") || !Locale.isUTF8
        let label = source == "-" ? "stdin" : source

        let result = Recovery.rebuild(text: String(decoding: bytes, as: UTF8.self))
        for note in result.notes { print("recover: \(note)") }
        guard !result.runs.isEmpty else {
            throw Failure(message: "nothing recoverable in \(label): "
                + (result.linesRead == 0
                    ? "no tier-1 Run/Step/Done lines in it (\(bytes.count) bytes)"
                    : "\(result.linesRead) tier-1 lines but no run with its Run line and Step 0 baseline"))
        }
        print("recover: \(result.linesRead) tier-1 lines read from \(label): "
              + result.stamps.map { "stamp \($0) (\(result.runs(of: $0).count) kappas)" }.joined(separator: ", "))
        let events = Recovery.write(result, to: directory, sweep: sweep, force: scan.flags.contains("force"))
        for event in events {
            switch event {
            case let .note(note): print("recover: \(note)")
            case let .archive(outcome): print(OutcomeLine.archive(outcome, ascii: ascii))
            }
        }
        let outcomes = events.compactMap(\.outcome)
        let created = outcomes.filter(\.succeeded).count
        let noteCount = result.notes.count + events.filter { $0.outcome == nil }.count
        print("recover: \(created) archive(s) created, \(outcomes.count - created) not created, \(noteCount) note(s), in \(directory)")
        guard created > 0 else {
            throw Failure(message: "no archive could be written into \(directory) (see the lines above)")
        }
        return 0
    }

    /// The whole text of FILE, or of stdin for `-`. A missing or unreadable file is bad usage.
    static func readSource(_ source: String) throws -> [UInt8] {
        if source == "-" { return Array(FileHandle.standardInput.readDataToEndOfFile()) }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: source, isDirectory: &isDirectory) else {
            throw UsageError("recover: no such file '\(source)'; give the log file or '-' for a paste on stdin")
        }
        guard !isDirectory.boolValue else { throw UsageError("recover: '\(source)' is a directory; give the log file") }
        guard let data = FileManager.default.contents(atPath: source) else {
            throw UsageError("recover: cannot read '\(source)' (\(String(cString: strerror(errno))))")
        }
        return Array(data)
    }

    /// Nothing could be rebuilt or written: exit status 1 with this one line.
    struct Failure: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }
}
