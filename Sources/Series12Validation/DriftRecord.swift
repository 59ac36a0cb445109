import Series12Core

/// H along a leapfrog run, with the instability rule of SPEC §1: a non-finite H or a drift
/// above `blowup`, seen at a sample step, stops the run there.
///
/// Sample steps are every `every`-th step and the last; `maxDrift` is taken over them, as a
/// sweep's history would record it. With `watchingEveryStep` the run also synchronises and
/// measures H after every single step (unfused KDK steps, the same trajectory to round-off)
/// and keeps the maximum over all steps, which shows how much the sampling hides.
struct DriftRecord {
    var h0: Double
    /// Max drift over the sample steps (+∞ once unstable).
    var maxDrift = 0.0
    /// Max drift over every step; nil unless the run watched every step.
    var maxDriftEveryStep: Double?
    /// The step where `maxDriftEveryStep` occurred.
    var stepOfMaxDriftEveryStep: Int?
    /// First step whose drift was non-finite or above `blowup`; nil unless watching every step.
    var firstStepBeyondBlowup: Int?
    var finalDrift = 0.0
    var stepsDone = 0
    /// Sample step at which the run was found unstable; nil for a run that stayed bounded.
    var unstableStep: Int?

    var isUnstable: Bool { unstableStep != nil }

    static func run(_ leapfrog: Leapfrog, steps: Int, every: Int, blowup: Double = 1e3,
                    watchingEveryStep: Bool = false) -> DriftRecord {
        var record = DriftRecord(h0: leapfrog.hamiltonian())
        if watchingEveryStep { record.maxDriftEveryStep = 0 }
        while record.stepsDone < steps {
            let nextSample = min((record.stepsDone / every + 1) * every, steps)
            if watchingEveryStep {
                while record.stepsDone < nextSample {
                    leapfrog.advance(steps: 1)
                    record.stepsDone += 1
                    let drift = Hamiltonian.drift(leapfrog.hamiltonian(), from: record.h0)
                    if record.firstStepBeyondBlowup == nil && !(drift <= blowup) {
                        record.firstStepBeyondBlowup = record.stepsDone
                    }
                    let worst = record.maxDriftEveryStep ?? 0
                    if !drift.isFinite || drift > worst {
                        if !worst.isInfinite { record.stepOfMaxDriftEveryStep = record.stepsDone }
                        record.maxDriftEveryStep = drift.isFinite ? drift : .infinity
                    }
                }
            } else {
                leapfrog.advance(steps: nextSample - record.stepsDone)
                record.stepsDone = nextSample
            }
            let h = leapfrog.hamiltonian()
            let drift = Hamiltonian.drift(h, from: record.h0)
            record.finalDrift = drift
            guard h.isFinite, drift.isFinite, drift <= blowup else {
                record.maxDrift = .infinity
                record.unstableStep = record.stepsDone
                break
            }
            record.maxDrift = max(record.maxDrift, drift)
        }
        return record
    }
}
