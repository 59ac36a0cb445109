import Series12Core
import Series12Retention

extension ValidationTest {
    /// Test 1, reversibility. The default gaussian at κ = 0.1 (N = 128; `reduced`: 64) goes 100
    /// steps forward with the default dt and 100 steps with −dt on the same field; leapfrog is
    /// time-reversible, so U and P return to the start up to round-off: the max-abs error over
    /// all six planes must be ≤ 1e-12 · max|U(0)| (P included, which is stricter than U alone). Separately, the first
    /// unfused step from P = 0 must equal `U + ½dt² F(U)` to round-off, taken as
    /// ≤ 1e-14 · max|U| (some 45 ulp of the largest value); F comes from a kick of h = 1 on a
    /// copy with P = 0.
    public static func singleStep(size: ValidationSize) -> ValidationResult {
        let clock = Stopwatch()
        let n = size == .spec ? 128 : 64
        let steps = 100
        let kappa = 0.1
        let physics = Physics(kappa: kappa)

        let start = FieldMeasures.gaussianField(n: n)
        let dt = FieldMeasures.stableStep(start, physics: physics)
        let scale = FieldMeasures.maxAbsU(start)

        let field = start.copy()
        Leapfrog(field: field, physics: physics, dt: dt).advance(steps: steps)
        let travelled = FieldMeasures.maxAbsDifference(field, start)
        Leapfrog(field: field, physics: physics, dt: -dt).advance(steps: steps)
        let reversal = FieldMeasures.maxAbsDifference(field, start, includeP: true) / scale
        let reversalU = FieldMeasures.maxAbsDifference(field, start) / scale

        let stepped = start.copy()
        Leapfrog(field: stepped, physics: physics, dt: dt).kickDriftKick()
        let force = FieldMeasures.force(of: start, physics: physics)
        let expected = start.copy()
        for q in 0..<3 {
            let u = expected.u(q), f = force.p(q)
            for c in 0..<expected.grid.cellCount { u[c] += 0.5 * dt * dt * f[c] }
        }
        let firstStep = FieldMeasures.maxAbsDifference(stepped, expected) / scale
        let stepChange = FieldMeasures.maxAbsDifference(stepped, start) / scale

        let criteria: [Criterion] = [
            .atMost("reversal_error", reversal, 1e-12),
            .atMost("first_step_error", firstStep, 1e-14),
        ]
        return ValidationResult(
            number: 1, name: "single_step", criteria: criteria,
            measured: .object([
                ("reversal_error", .number(reversal)),
                ("reversal_error_U_only", .number(reversalU)),
                ("first_step_error", .number(firstStep)),
                ("max_abs_U0", .number(scale)),
                ("forward_change", .number(travelled / scale)),
                ("first_step_change", .number(stepChange)),
            ]),
            parameters: .object([
                ("size", .string(size.rawValue)),
                ("N", .integer(n)), ("L", .number(1)), ("kappa", .number(kappa)), ("c", .number(1)),
                ("cfl", .number(0.5)), ("dt", .number(dt)), ("steps_each_way", .integer(steps)),
                ("initial_condition", .string("gaussian")),
                ("normalisation", .string("errors are max-abs over all planes divided by max|U| at t = 0")),
            ]),
            elapsed: clock.seconds)
    }
}
