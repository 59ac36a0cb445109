import Foundation
import Series12Retention
import Series12Sweep

/// `series12 verify [DIR] [--stamp STAMP]` (SPEC §7): check every archive of a stamp (default:
/// the newest in DIR) against its tier-3 manifest — size, SHA-256, complete tar with its
/// member — and report missing, altered, truncated, unreadable and unlisted files, one line
/// each, then a summary line. Exit 0 when clean, 1 on any problem or when there is nothing to
/// verify, 2 for bad usage.
enum VerifyMain {
    static func run(_ arguments: [String]) throws -> Int32 {
        let scan = try ArgumentScanner(arguments, options: ["stamp"], switches: [], command: "verify")
        let directory = try scan.existingDirectory(command: "verify", verb: "checks")
        if let stamp = scan.values["stamp"], !ArchiveNaming.isValidStamp(stamp) {
            throw UsageError("--stamp must look like YYYYMMDD_HHMMSS, got '\(stamp)'")
        }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            throw UsageError("verify: cannot list '\(directory)' (\(String(cString: strerror(errno))))")
        }
        let stamps = Set(names.compactMap(archiveStamp))
        guard let newest = stamps.max() else { throw Failure(message: "no archives found in \(directory)") }
        let stamp = scan.values["stamp"] ?? newest
        guard stamps.contains(stamp) else {
            throw Failure(message: "no archives of stamp \(stamp) in \(directory); it holds \(stamps.sorted().joined(separator: ", "))")
        }

        var problems = ManifestCheck.check(directory: directory, stamp: stamp)
        let tier3 = names.filter { isTier3($0, stamp: stamp) }
        let manifestsUnusable = tier3.allSatisfy { name in
            problems.contains { problem in
                switch problem {
                case let .unreadableSummary(file, _), let .missingMember(file, _): return file == name
                default: return false
                }
            }
        }
        var unchecked = 0
        if manifestsUnusable {
            // Without a manifest every tier-2 file would be reported "unlisted": say it once.
            unchecked = problems.filter { if case .unlisted = $0 { return true }; return false }.count
            problems.removeAll { if case .unlisted = $0 { return true }; return false }
        }
        for problem in problems { print("problem: \(problem)") }
        if unchecked > 0 {
            print("problem: \(unchecked) tier-2 file(s) of stamp \(stamp) could not be checked against a manifest (sha256, bytes)")
        }
        let present = names.filter { ArchiveNaming.isTier2($0, stamp: stamp) || isTier3($0, stamp: stamp) }.count
        let missing = problems.filter { if case .missing = $0 { return true }; return false }.count
        let count = problems.count + (unchecked > 0 ? 1 : 0)
        print("verify \(stamp): \(present + missing) files checked, \(count) problem\(count == 1 ? "" : "s")")
        return count == 0 ? 0 : 1
    }

    /// The stamp of `*_{YYYYMMDD_HHMMSS}.tar`, else nil.
    static func archiveStamp(_ name: String) -> String? {
        guard name.hasSuffix(".tar"), name.count > 20 else { return nil }
        let stem = name.dropLast(4)
        let stamp = String(stem.suffix(15))
        guard stem.dropLast(15).hasSuffix("_"), ArchiveNaming.isValidStamp(stamp) else { return nil }
        return stamp
    }

    /// `{sweep}_summary_{stamp}.tar` that is not a κ summary archive.
    static func isTier3(_ name: String, stamp: String) -> Bool {
        let suffix = "_summary_\(stamp).tar"
        return name.hasSuffix(suffix) && name.count > suffix.count && !ArchiveNaming.isTier2(name, stamp: stamp)
    }

    /// Nothing to verify: exit status 1 with this one line.
    struct Failure: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }
}
