import Foundation
import Series12Core
import Series12Retention

/// The arithmetic half of a run: fields, leapfrog, history and the tier-1 lines of each
/// sample step. Lives on the run's thread only.
struct Stepper {
    let plan: RunPlan
    let log: Tier1Log
    let field: TensorField
    let leapfrog: Leapfrog
    let dt: Double
    private(set) var step: Int
    private(set) var history: History
    private(set) var h0: Double
    private(set) var maxDrift: Double
    private(set) var isUnstable = false
    private var nextSample: Int
    let initialCharges: [Double]
    /// Rotation charges at the last sample step.
    private(set) var lastCharges: [Double]
    /// Seconds of computation, pauses excluded (carried over on resume).
    var elapsed: Double

    init(plan: RunPlan, log: Tier1Log) {
        self.plan = plan
        self.log = log
        field = TensorField(grid: plan.grid)
        let config = plan.configuration
        if let start = plan.start {
            field.load(planes: start.fields.planes)
            step = Int(start.fields.step)
            history = start.history
            h0 = start.history.H.first ?? .nan
            maxDrift = start.history.drift.max() ?? 0
            dt = start.record.parameters.dt
            initialCharges = start.record.angularMomentumInitial
            lastCharges = RotationCharge.charges(of: field)
            elapsed = start.record.elapsed
        } else {
            InitialCondition.default.apply(to: field)
            step = 0
            history = History()
            h0 = .nan
            maxDrift = 0
            let bound = plan.stableTimeStep(maxContraction: field.maxContraction())
            dt = config.dt ?? bound
            initialCharges = RotationCharge.charges(of: field)
            lastCharges = initialCharges
            elapsed = 0
            if let given = config.dt, given > bound {
                log.append("Warning: kappa=\(LogLine.k4(plan.kappa)) | dt=\(LogLine.g17(given)) exceeds the stable bound \(LogLine.g17(bound)) (cfl=\(config.cfl)); the run may become unstable")
            }
        }
        leapfrog = Leapfrog(field: field, physics: plan.physics, dt: dt)
        nextSample = plan.nextSampleStep(after: step)
        log.append(LogLine.run(stamp: plan.stamp, kappa: plan.kappa, n: config.n, length: config.length,
                               dx: plan.grid.dx, dt: dt, steps: config.steps, every: config.every).text)
    }

    /// Simulated time of the current step (`step·dt`, the same on every path to it).
    var time: Double { Double(step) * dt }
    var isSynchronised: Bool { leapfrog.isSynchronised }

    /// Steps handed to the kernel per call: a few temporal blocks, ≈ 5–60 ms of work, so a
    /// pause or interrupt is seen within a fraction of a second.
    var chunk: Int { leapfrog.blockStages * max(1, (1 << 22) / plan.grid.cellCount) }

    /// Advances up to `chunk` steps, never past the next sample step (where the last step
    /// closes with a half-kick); at a sample step measures H, records it and prints its line.
    /// Returns true at a sample step. However the steps are grouped, the result is the same
    /// bit for bit, so pausing between calls changes nothing.
    mutating func advance() -> Bool {
        let count = min(nextSample - step, chunk)
        leapfrog.fusedSteps(count: count, closingLast: step + count == nextSample)
        step += count
        guard step == nextSample else { return false }
        sample()
        nextSample = plan.nextSampleStep(after: step)
        return true
    }

    /// Measures H on the synchronised fields, appends it to the history and prints the line.
    mutating func sample() {
        let h = leapfrog.hamiltonian()
        let k = plan.kappa
        lastCharges = RotationCharge.charges(of: field)
        if history.count == 0 {
            h0 = h
            history.append(step: step, t: time, H: h, drift: 0, dx: plan.grid.dx, dt: dt)
            log.append(LogLine.baseline(step: step, H: h, kappa: k).text)
            if !h.isFinite { isUnstable = true }
            return
        }
        let drift = Hamiltonian.drift(h, from: h0)
        history.append(step: step, t: time, H: h, drift: drift, dx: plan.grid.dx, dt: dt)
        maxDrift = drift.isFinite ? max(maxDrift, drift) : .infinity
        log.append(LogLine.sample(step: step, H: h, drift: drift, kappa: k).text)
        if !h.isFinite || !drift.isFinite || drift > plan.configuration.blowup { isUnstable = true }
    }

    func record(status: RunStatus) -> RunRecord {
        return RunRecord(kappa: plan.kappa, H0: h0, Hf: history.H.last ?? .nan, drift: history.drift.last ?? .nan,
                         maxDrift: maxDrift, elapsed: elapsed, stepsDone: Int(history.steps.last ?? 0),
                         status: status.rawValue, angularMomentumInitial: initialCharges,
                         angularMomentumFinal: lastCharges, parameters: plan.parameters(dt: dt),
                         stamp: plan.stamp, version: plan.version)
    }

    func checkpoint(status: RunStatus, final: Bool, withFields: Bool) -> Checkpoint {
        let fields = withFields && isSynchronised
            ? FieldsSnapshot(n: plan.grid.n, step: Int64(step), t: time, planes: field.planes()) : nil
        return Checkpoint(index: plan.index, record: record(status: status), history: history,
                          fields: fields, isFinal: final)
    }

    func doneLine(status: RunStatus) -> LogLine {
        .done(kappa: plan.kappa, status: status.rawValue, steps: step, H0: h0, Hf: history.H.last ?? .nan,
              drift: history.drift.last ?? .nan, elapsed: elapsed)
    }
}
