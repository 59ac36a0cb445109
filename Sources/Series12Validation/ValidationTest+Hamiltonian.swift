import Series12Core
import Series12Retention

extension ValidationTest {
    /// Test 2, energy. κ = 0.1, N = 128, the default gaussian and dt (ν = 0.5), 20000 steps
    /// (`reduced`: 4000; the largest drift comes in the first hundred steps, while the pulse
    /// first spreads). H is sampled every 10 steps; the max drift over the samples must stay
    /// ≤ 2e-3, and the same final time with dt/2 (twice the steps, sampled at the same times)
    /// must cut it by a factor in [3.5, 4.5]: the drift of a symplectic second-order scheme is
    /// bounded and scales as dt². Both runs also measure H after every step; those maxima
    /// are recorded beside the sampled ones. (Sampling only every 100 steps aliases the fast
    /// oscillation of H and moves the ratio to ~4.4.)
    public static func hamiltonian(size: ValidationSize) -> ValidationResult {
        let clock = Stopwatch()
        let n = 128
        let steps = size == .spec ? 20000 : 4000
        let every = 10
        let kappa = 0.1
        let physics = Physics(kappa: kappa)

        let start = FieldMeasures.gaussianField(n: n)
        let dt = FieldMeasures.stableStep(start, physics: physics)
        let coarse = DriftRecord.run(Leapfrog(field: start.copy(), physics: physics, dt: dt),
                                     steps: steps, every: every, watchingEveryStep: true)
        let fine = DriftRecord.run(Leapfrog(field: start.copy(), physics: physics, dt: dt / 2),
                                   steps: 2 * steps, every: 2 * every,
                                   watchingEveryStep: true)
        let ratio = coarse.maxDrift / fine.maxDrift

        let criteria: [Criterion] = [
            .atMost("max_drift", coarse.maxDrift, 2e-3),
            .within("halving_ratio", ratio, 3.5, 4.5),
        ]
        return ValidationResult(
            number: 2, name: "hamiltonian", criteria: criteria,
            measured: .object([
                ("max_drift", .number(coarse.maxDrift)),
                ("halving_ratio", .number(ratio)),
                ("max_drift_half_dt", .number(fine.maxDrift)),
                ("max_drift_every_step", .number(coarse.maxDriftEveryStep ?? .nan)),
                ("max_drift_every_step_half_dt", .number(fine.maxDriftEveryStep ?? .nan)),
                ("halving_ratio_every_step", .number((coarse.maxDriftEveryStep ?? .nan) / (fine.maxDriftEveryStep ?? .nan))),
                ("step_of_max_drift_every_step", coarse.stepOfMaxDriftEveryStep.map(JSONValue.integer) ?? .null),
                ("final_drift", .number(coarse.finalDrift)),
                ("final_drift_half_dt", .number(fine.finalDrift)),
                ("H0", .number(coarse.h0)),
            ]),
            parameters: .object([
                ("size", .string(size.rawValue)),
                ("N", .integer(n)), ("L", .number(1)), ("kappa", .number(kappa)), ("c", .number(1)),
                ("cfl", .number(0.5)), ("dt", .number(dt)), ("steps", .integer(steps)),
                ("sample_every", .integer(every)), ("t_final", .number(Double(steps) * dt)),
                ("initial_condition", .string("gaussian")),
            ]),
            elapsed: clock.seconds)
    }
}
