import Series12Core
import Series12Retention

/// One κ of a sweep: its physics, its time step and where it starts.
public struct RunPlan: Sendable {
    public var index: Int
    public var kappa: Double
    public var configuration: SweepConfiguration
    public var stamp: String
    public var version: String
    /// Continue from a fields checkpoint and the history up to it (resume); nil starts at t = 0.
    public var start: ResumePoint?

    public init(index: Int, kappa: Double, configuration: SweepConfiguration, stamp: String, version: String, start: ResumePoint? = nil) {
        self.index = index; self.kappa = kappa; self.configuration = configuration
        self.stamp = stamp; self.version = version; self.start = start
    }

    /// Where a resumed run picks up: the checkpointed fields and everything recorded up to them.
    public struct ResumePoint: Sendable {
        public var fields: FieldsSnapshot
        public var history: History
        public var record: RunRecord
        public init(fields: FieldsSnapshot, history: History, record: RunRecord) {
            self.fields = fields; self.history = history; self.record = record
        }
    }

    public var grid: Grid { Grid(n: configuration.n, length: configuration.length) }
    public var physics: Physics { Physics(kappa: kappa, speed: .uniform(configuration.c)) }

    /// The stable bound `ν·2/ω_max` for the initial fields.
    public func stableTimeStep(maxContraction: Double) -> Double {
        StableStep.timeStep(cfl: configuration.cfl, cMax: configuration.c, dx: grid.dx,
                            kappa: kappa, maxContraction: maxContraction)
    }

    public func parameters(dt: Double) -> RunParameters {
        RunParameters(N: configuration.n, L: configuration.length, dx: grid.dx, dt: dt, c: configuration.c,
                      cfl: configuration.cfl, steps: configuration.steps, every: configuration.every,
                      initialCondition: InitialCondition.default.name)
    }

    /// Sample steps: 0, every `every`-th step, and the last.
    public func isSampleStep(_ step: Int) -> Bool {
        step == 0 || step % configuration.every == 0 || step == configuration.steps
    }

    /// The first sample step after `step`.
    public func nextSampleStep(after step: Int) -> Int {
        min((step / configuration.every + 1) * configuration.every, configuration.steps)
    }
}
