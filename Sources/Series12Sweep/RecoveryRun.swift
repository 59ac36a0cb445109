import Series12Retention

/// One κ run rebuilt from tier-1 text: what its data, history and summary archives hold.
///
/// Precision is what was printed: H to 9 significant digits (`%.8e`), dx and dt exactly
/// (`%.17g`), κ to 4 decimals. Drift is recomputed from the recovered H, so it is consistent
/// with H rather than with the unrounded run. Values never printed are recorded as NaN
/// (angular momentum; c and cfl unless the defaults reproduce dt), and `recovered` is true.
public struct RecoveryRun: Sendable, Equatable {
    public var record: RunRecord
    public var history: History
    /// What could not be rebuilt or was rebuilt with a caveat (also written into summary.txt).
    public var notes: [RecoveryNote]
    /// True when c = 1 and cfl = 0.5 reproduce the printed dt, so they were recorded.
    public var waveSpeedFromDefaults: Bool

    public init(record: RunRecord, history: History, notes: [RecoveryNote], waveSpeedFromDefaults: Bool) {
        self.record = record
        self.history = history
        self.notes = notes
        self.waveSpeedFromDefaults = waveSpeedFromDefaults
    }

    public var stamp: String { record.stamp }
    public var kappa: Double { record.kappa }

    /// `summary.txt`: the usual run summary, then what recovery could and could not restore.
    public var summaryText: String {
        var lines = [
            "",
            "recovery (series12 recover, from tier-1 text):",
            "  H has the printed precision (9 significant digits); drift is recomputed from it.",
            waveSpeedFromDefaults
                ? "  c and cfl are not printed; c = 1, cfl = 0.5 reproduce the printed dt, so they are recorded."
                : "  c and cfl are not printed and could not be inferred: recorded as NaN.",
            "  angular momentum is not printed: recorded as NaN.",
            "  elapsed " + (notes.contains { if case .noDoneLine = $0 { return true }; return false }
                ? "is unknown (no Done line): recorded as 0." : "comes from the Done line."),
            "  fields cannot be recovered from text: no fields archive (series12 resume needs one).",
        ]
        lines += notes.map { "  note: \($0)" }
        return SummaryText.make(record: record, history: history) + lines.joined(separator: "\n") + "\n"
    }
}
