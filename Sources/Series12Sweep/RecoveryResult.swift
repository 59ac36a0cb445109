/// Everything `Recovery.rebuild(text:)` found: the runs it can rebuild, what it could not, and
/// the clean tier-1 log of each stamp (for the tier-3 `log.txt`).
public struct RecoveryResult: Sendable {
    /// Rebuilt runs, ordered by stamp, then κ.
    public var runs: [RecoveryRun]
    /// Notes about the text as a whole and about κs that could not be rebuilt. Each run's own
    /// notes are in `RecoveryRun.notes`.
    public var notes: [RecoveryNote]
    /// Per stamp, its tier-1 lines in their canonical format, each once, in the text's order.
    public var logs: [String: [String]]
    /// Tier-1 lines read (after rejoining wrapped pieces, before removing duplicates).
    public var linesRead: Int

    public init(runs: [RecoveryRun], notes: [RecoveryNote], logs: [String: [String]], linesRead: Int) {
        self.runs = runs
        self.notes = notes
        self.logs = logs
        self.linesRead = linesRead
    }

    /// The stamps with at least one rebuilt run, oldest first.
    public var stamps: [String] { Array(Set(runs.map(\.stamp))).sorted() }

    /// The runs of one stamp, by κ.
    public func runs(of stamp: String) -> [RecoveryRun] { runs.filter { $0.stamp == stamp } }

    /// The tier-1 log of `stamp` as text, newline-terminated.
    public func logText(of stamp: String) -> String { (logs[stamp] ?? []).map { $0 + "\n" }.joined() }
}
