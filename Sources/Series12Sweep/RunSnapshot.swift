/// What a watcher sees of one κ run: a value copied out of the run, never a reference into it.
public struct RunSnapshot: Sendable, Equatable {
    public var kappa: Double
    public var status: RunStatus
    /// Steps completed so far and the target.
    public var step: Int
    public var steps: Int
    /// Simulated time at `step`.
    public var t: Double
    /// H at the last sample step, and the baseline H0 (NaN before step 0 is measured).
    public var H: Double
    public var H0: Double
    public var drift: Double
    public var maxDrift: Double
    /// Drift at every sample step so far (for the sparkline).
    public var driftHistory: [Double]
    /// Recent stepping rate, steps per second of wall time (0 when not running).
    public var stepsPerSecond: Double
    /// Name and outcome of the most recently written archive, if any ("kappa_0_1000_data_….tar").
    public var lastArchive: String?
    public var lastArchiveFailed: Bool
    /// A row name other than κ (the validation suite's `test2 hamiltonian`); nil for κ runs.
    public var label: String? = nil

    public init(kappa: Double, steps: Int) {
        self.kappa = kappa
        status = .queued
        step = 0
        self.steps = steps
        t = 0
        H = .nan
        H0 = .nan
        drift = .nan
        maxDrift = .nan
        driftHistory = []
        stepsPerSecond = 0
        lastArchive = nil
        lastArchiveFailed = false
    }

    /// Fraction of the target steps done, 0…1.
    public var progress: Double { steps > 0 ? Double(step) / Double(steps) : 1 }

    /// Estimated seconds to the end at the current rate (nil when unknown or not running).
    public var eta: Double? {
        guard status == .running, stepsPerSecond > 0 else { return nil }
        return Double(steps - step) / stepsPerSecond
    }
}
