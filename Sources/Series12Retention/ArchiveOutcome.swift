/// What happened to one archive write: the file's name, and either its verified size and
/// SHA-256 or the reason it was not created. Tier-1 lines (`OutcomeLine`) and the tier-3
/// manifest are made from these.
public struct ArchiveOutcome: Sendable, Equatable {
    /// File name (no directory).
    public var name: String
    /// Size in bytes of the complete file as written (0 on failure).
    public var bytes: Int
    /// SHA-256 of the whole file, lower-case hex (empty on failure).
    public var sha256: String
    /// nil when the file is in place and verified; else why not, in words for the user.
    public var failureReason: String?

    public init(name: String, bytes: Int, sha256: String, failureReason: String? = nil) {
        self.name = name
        self.bytes = bytes
        self.sha256 = sha256
        self.failureReason = failureReason
    }

    public static func failed(_ name: String, _ reason: String) -> ArchiveOutcome {
        ArchiveOutcome(name: name, bytes: 0, sha256: "", failureReason: reason)
    }

    public var succeeded: Bool { failureReason == nil }
}
