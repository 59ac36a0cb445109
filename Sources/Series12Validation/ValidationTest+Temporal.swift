import Foundation
import Series12Core
import Series12Retention

extension ValidationTest {
    /// Test 8, temporal order. The default gaussian at κ = 0.1 on a fixed grid (N = 64;
    /// `reduced`: 32) runs to the same final time with dt, dt/2, dt/4 and the reference dt/64,
    /// dt the default step (ν = 0.5). Error: RMS over cells and components of U against the
    /// reference; observed orders `log2(e_dt / e_dt/2)` and `log2(e_dt/2 / e_dt/4)` must lie in
    /// [1.9, 2.1]. (The reference's own error shifts the second order by ~0.003.)
    public static func temporal(size: ValidationSize) -> ValidationResult {
        let clock = Stopwatch()
        let n = size == .spec ? 64 : 32
        let baseSteps = 100
        let kappa = 0.1
        let physics = Physics(kappa: kappa)
        let start = FieldMeasures.gaussianField(n: n)
        let dt = FieldMeasures.stableStep(start, physics: physics)

        func solve(refinement: Int) -> TensorField {
            let f = start.copy()
            Leapfrog(field: f, physics: physics, dt: dt / Double(refinement))
                .advance(steps: baseSteps * refinement)
            return f
        }
        let reference = solve(refinement: 64)
        let refinements = [1, 2, 4]
        let errors = refinements.map { FieldMeasures.rmsDifferenceU(solve(refinement: $0), reference) }
        let orders = [log2(errors[0] / errors[1]), log2(errors[1] / errors[2])]

        let criteria: [Criterion] = [
            .within("order_dt_dt2", orders[0], 1.9, 2.1),
            .within("order_dt2_dt4", orders[1], 1.9, 2.1),
        ]
        return ValidationResult(
            number: 8, name: "temporal", criteria: criteria,
            measured: .object([
                ("order_dt_dt2", .number(orders[0])),
                ("order_dt2_dt4", .number(orders[1])),
                ("rms_errors", .numbers(errors)),
            ]),
            parameters: .object([
                ("size", .string(size.rawValue)),
                ("N", .integer(n)), ("L", .number(1)), ("kappa", .number(kappa)), ("c", .number(1)),
                ("cfl", .number(0.5)), ("dt", .number(dt)), ("refinements", .integers(refinements)),
                ("reference_refinement", .integer(64)), ("steps_at_dt", .integer(baseSteps)),
                ("t_final", .number(Double(baseSteps) * dt)),
                ("initial_condition", .string("gaussian")),
            ]),
            elapsed: clock.seconds)
    }
}
