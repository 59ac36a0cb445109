/// The four tier-2 archives a κ run writes, and the member each holds (SPEC §4).
public enum KappaArchiveKind: String, Sendable, CaseIterable {
    case data, history, summary, fields

    /// The single member of this archive: `data.json`, `history.npz`, `summary.txt`, `fields.npz`.
    public var member: String {
        switch self {
        case .data: return "data.json"
        case .history: return "history.npz"
        case .summary: return "summary.txt"
        case .fields: return "fields.npz"
        }
    }
}
