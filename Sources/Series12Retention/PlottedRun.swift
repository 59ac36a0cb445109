/// One κ as the sweep's plots draw it: its record (status, H0, parameters) when known, and its
/// history of sample steps when known.
public struct PlottedRun: Sendable, Equatable {
    public var kappa: Double
    public var record: RunRecord?
    /// nil when no history could be had: the legend says so and the curve is empty.
    public var history: History?

    public init(kappa: Double, record: RunRecord?, history: History?) {
        self.kappa = kappa; self.record = record; self.history = history
    }

    public init(record: RunRecord, history: History?) {
        self.init(kappa: record.kappa, record: record, history: history)
    }
}
