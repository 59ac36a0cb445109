/// What happened to one archive write: the file's name, and either its verified size or the
/// reason it was not created. Tier-1 lines (`OutcomeLine`) are made from these; the tier-3
/// manifest hashes the files as they are on disk when it is written (`Tier3Summary.manifest`).
public struct ArchiveOutcome: Sendable, Equatable {
    /// File name (no directory).
    public var name: String
    /// Size in bytes of the complete file as written (0 on failure).
    public var bytes: Int
    /// nil when the file is in place and verified; else why not, in words for the user.
    public var failureReason: String?

    public init(name: String, bytes: Int, failureReason: String? = nil) {
        self.name = name
        self.bytes = bytes
        self.failureReason = failureReason
    }

    public static func failed(_ name: String, _ reason: String) -> ArchiveOutcome {
        ArchiveOutcome(name: name, bytes: 0, failureReason: reason)
    }

    public var succeeded: Bool { failureReason == nil }
}
