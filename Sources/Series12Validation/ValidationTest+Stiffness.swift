import Series12Core
import Series12Retention

extension ValidationTest {
    /// Test 9, the nonlinear stiffness in the step. κ = 1e5, the default gaussian (max U:U =
    /// 1.59, so the κ term of `ω_max² = 8c²/dx² + 3κ max(U:U)` dominates), 5000 steps at ν = 0.5
    /// with the automatic dt and with the linear-only `ν dx/(c√2)`. The automatic run's max
    /// drift must be ≤ 5e-2 and at least 3× smaller than the linear-only run's (an unstable
    /// linear-only run counts as infinite drift). N = 128 at both sizes (at N = 64 the
    /// automatic run drifts 5.9e-2); `reduced` runs 2000 steps (the largest drift comes in the
    /// first steps, while all the energy still sits in the stiff core of the pulse). H is
    /// sampled every 10 steps, and also watched after every step: the every-step maximum of
    /// the automatic run (5.7e-2 at step 2 for N = 128) is recorded beside the sampled one.
    public static func stiffness(size: ValidationSize) -> ValidationResult {
        let clock = Stopwatch()
        let n = 128
        let steps = size == .spec ? 5000 : 2000
        let every = 10
        let kappa = 1e5, cfl = 0.5
        let physics = Physics(kappa: kappa)
        let start = FieldMeasures.gaussianField(n: n)

        let dtAuto = FieldMeasures.stableStep(start, physics: physics, cfl: cfl)
        let dtLinear = StableStep.linearTimeStep(cfl: cfl, c: 1, dx: start.grid.dx)
        let automatic = DriftRecord.run(Leapfrog(field: start.copy(), physics: physics, dt: dtAuto),
                                        steps: steps, every: every, watchingEveryStep: true)
        let linearOnly = DriftRecord.run(Leapfrog(field: start.copy(), physics: physics, dt: dtLinear),
                                         steps: steps, every: every, watchingEveryStep: true)
        let ratio = linearOnly.maxDrift / automatic.maxDrift

        let criteria: [Criterion] = [
            .atMost("max_drift_auto", automatic.maxDrift, 5e-2),
            .atLeast("drift_ratio", ratio, 3),
        ]
        return ValidationResult(
            number: 9, name: "stiffness", criteria: criteria,
            measured: .object([
                ("max_drift_auto", .number(automatic.maxDrift)),
                ("drift_ratio", .number(ratio)),
                ("max_drift_linear", .number(linearOnly.maxDrift)),
                ("max_drift_auto_every_step", .number(automatic.maxDriftEveryStep ?? .nan)),
                ("step_of_max_drift_auto_every_step", automatic.stepOfMaxDriftEveryStep.map(JSONValue.integer) ?? .null),
                ("max_drift_linear_every_step", .number(linearOnly.maxDriftEveryStep ?? .nan)),
                ("linear_unstable_step", linearOnly.unstableStep.map(JSONValue.integer) ?? .null),
                ("auto_unstable_step", automatic.unstableStep.map(JSONValue.integer) ?? .null),
                ("H0", .number(automatic.h0)),
            ]),
            parameters: .object([
                ("size", .string(size.rawValue)),
                ("N", .integer(n)), ("L", .number(1)), ("kappa", .number(kappa)), ("c", .number(1)),
                ("cfl", .number(cfl)), ("dt_auto", .number(dtAuto)), ("dt_linear", .number(dtLinear)),
                ("steps", .integer(steps)), ("sample_every", .integer(every)), ("blowup", .number(1e3)),
                ("initial_condition", .string("gaussian")),
            ]),
            elapsed: clock.seconds)
    }
}
