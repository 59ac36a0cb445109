/// What a watcher (the dashboard) may ask of a running sweep.
public enum SweepCommand: Sendable, Equatable {
    /// Pause the run at this index if it is queued or running, resume it if paused.
    case togglePause(Int)
    case pauseAll
    case resumeAll
    /// Stop: checkpoint every unfinished run as `interrupted` and write tier 3.
    case interrupt
}

/// A sweep as a watcher sees it: snapshots to draw, a tier-1 log to show, commands to send.
/// The local sweep implements it; so can a sweep followed from its files.
public protocol SweepSource: AnyObject, Sendable {
    func snapshot() -> SweepSnapshot
    var log: Tier1Log { get }
    func perform(_ command: SweepCommand)
    /// False when rows cannot be paused (validation tests run to their end once started).
    var canPause: Bool { get }
    /// True when the runs go on without the watcher (a cluster sweep followed by
    /// `series12 watch`): `q` then leaves at once, asking nothing and interrupting nothing.
    var quitLeavesRunsGoing: Bool { get }
    /// True when rows have fields to picture (κ runs; not the validation suite's tests).
    var keepsFields: Bool { get }
    /// The latest picture of row `index`'s fields, nil before its first.
    func fieldFrame(of index: Int) -> FieldFrame?
    /// Asks row `index` (nil: none) to picture its fields at every sample step while the
    /// field view shows it; other rows picture theirs only at fields checkpoints and at their end.
    func watchFields(of index: Int?)
}

extension SweepSource {
    public var canPause: Bool { true }
    public var quitLeavesRunsGoing: Bool { false }
    public var keepsFields: Bool { false }
    public func fieldFrame(of index: Int) -> FieldFrame? { nil }
    public func watchFields(of index: Int?) {}
}
