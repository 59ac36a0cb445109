import Series12Core
import Series12Retention

extension ValidationTest {
    /// Test 4, the stability limit. κ = 0, the default gaussian, `dt = ν·2/ω_max` (here
    /// `ν dx/√2`). ν = 0.95 must stay bounded, max drift ≤ 1e-2 over 5000 steps; ν = 1.05 must
    /// be found unstable (non-finite H or drift > 1e3, SPEC §1) within 2000 steps. N = 128 at
    /// both sizes (at N = 64 the σ = 0.05 pulse is 3 cells wide and ν = 0.95 drifts 1.8e-2);
    /// `reduced` runs the stable case 2000 steps (its largest drift comes before step 100).
    /// H is sampled every 10 steps (and watched after every step); the step reported is the
    /// sample step where instability was seen.
    public static func cfl(size: ValidationSize) -> ValidationResult {
        let clock = Stopwatch()
        let n = 128
        let stableSteps = size == .spec ? 5000 : 2000
        let unstableLimit = 2000
        let every = 10
        let physics = Physics(kappa: 0)
        let start = FieldMeasures.gaussianField(n: n)

        let dtBelow = FieldMeasures.stableStep(start, physics: physics, cfl: 0.95)
        let below = DriftRecord.run(Leapfrog(field: start.copy(), physics: physics, dt: dtBelow),
                                    steps: stableSteps, every: every, watchingEveryStep: true)
        let dtAbove = FieldMeasures.stableStep(start, physics: physics, cfl: 1.05)
        let above = DriftRecord.run(Leapfrog(field: start.copy(), physics: physics, dt: dtAbove),
                                    steps: unstableLimit, every: every, watchingEveryStep: true)

        let criteria: [Criterion] = [
            .atMost("max_drift_cfl_0.95", below.maxDrift, 1e-2),
            Criterion(name: "unstable_step_cfl_1.05", value: above.unstableStep.map(Double.init),
                      requirement: "unstable within \(unstableLimit) steps",
                      passed: (above.unstableStep ?? Int.max) <= unstableLimit),
        ]
        return ValidationResult(
            number: 4, name: "cfl", criteria: criteria,
            measured: .object([
                ("max_drift_cfl_0.95", .number(below.maxDrift)),
                ("unstable_step_cfl_1.05", above.unstableStep.map(JSONValue.integer) ?? .null),
                ("max_drift_every_step_cfl_0.95", .number(below.maxDriftEveryStep ?? .nan)),
                ("first_step_over_blowup_cfl_1.05", above.firstStepBeyondBlowup.map(JSONValue.integer) ?? .null),
                ("stable_run_unstable_step", below.unstableStep.map(JSONValue.integer) ?? .null),
                ("final_drift_cfl_0.95", .number(below.finalDrift)),
                ("drift_at_detection_cfl_1.05", .number(above.finalDrift)),
            ]),
            parameters: .object([
                ("size", .string(size.rawValue)),
                ("N", .integer(n)), ("L", .number(1)), ("kappa", .number(0)), ("c", .number(1)),
                ("cfl_values", .numbers([0.95, 1.05])), ("dt_values", .numbers([dtBelow, dtAbove])),
                ("steps_stable", .integer(stableSteps)), ("steps_unstable_limit", .integer(unstableLimit)),
                ("sample_every", .integer(every)), ("blowup", .number(1e3)),
                ("initial_condition", .string("gaussian")),
            ]),
            elapsed: clock.seconds)
    }
}
