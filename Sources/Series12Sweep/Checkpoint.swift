import Series12Retention

/// Everything one κ's tier-2 archives hold at a moment: handed by the solver thread to the
/// retention desk, which writes it without the solver waiting.
public struct Checkpoint: Sendable {
    public var index: Int
    public var record: RunRecord
    public var history: History
    /// Synchronised fields at the last sample step, or nil when this checkpoint carries none
    /// (an interrupt between sample steps keeps the previous fields archive).
    public var fields: FieldsSnapshot?
    /// The run has ended (done, unstable, failed, interrupted): tier 3 is rewritten after it.
    public var isFinal: Bool
}
