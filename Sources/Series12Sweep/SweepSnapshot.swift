/// The whole sweep as one value: what the dashboard draws each frame.
public struct SweepSnapshot: Sendable, Equatable {
    public var name: String
    public var stamp: String
    public var n: Int
    public var length: Double
    /// Seconds since the sweep started (wall time).
    public var elapsed: Double
    /// Runs allowed at once (`--jobs`).
    public var jobs: Int
    public var runs: [RunSnapshot]

    public init(name: String, stamp: String, n: Int, length: Double, elapsed: Double, jobs: Int, runs: [RunSnapshot]) {
        self.name = name; self.stamp = stamp; self.n = n; self.length = length
        self.elapsed = elapsed; self.jobs = jobs; self.runs = runs
    }

    /// Steps done over steps wanted, across all runs.
    public var progress: Double {
        let want = runs.reduce(0) { $0 + $1.steps }
        let done = runs.reduce(0) { $0 + $1.step }
        return want > 0 ? Double(done) / Double(want) : 1
    }

    /// Runs currently holding a core.
    public var busy: Int { runs.filter { $0.status == .running }.count }

    /// True while any run can still step (quitting then asks to confirm).
    public var isActive: Bool { runs.contains { !$0.status.isFinal } }
}
