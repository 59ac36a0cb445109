/// One thing `series12 verify` found wrong with a stamp's files.
public enum ManifestProblem: Error, Equatable, CustomStringConvertible {
    /// No readable `{sweep}_summary_{stamp}.tar` in the directory.
    case noSummary(stamp: String)
    /// The tier-3 file exists but its tar or `summary.json` cannot be read.
    case unreadableSummary(file: String, reason: String)
    /// The manifest lists a file that is not there.
    case missing(file: String)
    case sizeMismatch(file: String, expected: Int, actual: Int)
    case checksumMismatch(file: String)
    /// The file is not a complete tar (truncated, corrupt, or not a regular file).
    case unreadableTar(file: String, reason: String)
    /// The archive lacks the member its name promises (e.g. `history.npz`).
    case missingMember(file: String, member: String)
    /// The member is there but does not decode (bad JSON, npz that numpy would reject).
    case damagedMember(file: String, member: String, reason: String)
    /// A tier-2 file of the stamp that no tier-3 manifest lists.
    case unlisted(file: String)

    public var description: String {
        switch self {
        case let .noSummary(stamp):
            return "no tier-3 *_summary_\(stamp).tar: nothing to verify against — rerun or `series12 recover` the log"
        case let .unreadableSummary(file, reason): return "\(file): tier-3 summary unreadable (\(reason))"
        case let .missing(file): return "\(file): listed in the manifest but missing — download it again"
        case let .sizeMismatch(file, expected, actual):
            return "\(file): \(actual) bytes, the manifest says \(expected) — the copy is incomplete or altered"
        case let .checksumMismatch(file): return "\(file): SHA-256 differs from the manifest — the file was altered"
        case let .unreadableTar(file, reason): return "\(file): \(reason)"
        case let .missingMember(file, member): return "\(file): lacks member \(member)"
        case let .damagedMember(file, member, reason): return "\(file): member \(member) is damaged (\(reason))"
        case let .unlisted(file): return "\(file): a file of this stamp that the manifest does not list"
        }
    }
}
