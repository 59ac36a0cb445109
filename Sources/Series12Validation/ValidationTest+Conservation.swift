import Foundation
import Series12Core
import Series12Retention

extension ValidationTest {
    /// Test 5, Noether charges. With κ = 1 and a field whose U and P point along different
    /// directions of the weighted (xx, √2 xy, yy) space, the three rotation charges `L_ab` are
    /// non-zero; leapfrog conserves them exactly in exact arithmetic, so over 5000 steps each
    /// must stay within 1e-12 of its start, relative to the largest |L_ab| at t = 0. With κ = 0
    /// the force is a pure Laplacian whose grid sum vanishes, so `Σ P_q` is conserved: each
    /// component within 1e-12 of its start, relative to the largest |Σ P_q| at t = 0.
    public static func conservation(size: ValidationSize) -> ValidationResult {
        let clock = Stopwatch()
        let n = size == .spec ? 128 : 64
        let steps = size == .spec ? 5000 : 2000
        let every = 100

        func spinningField() -> TensorField {
            let f = TensorField(grid: Grid(n: n))
            f.fill(u: { x, y in
                let g = exp(-(x * x + y * y) / (2 * 0.08 * 0.08))
                return (g, 0.4 * g, -0.2 * g)
            }, p: { x, y in
                let g = exp(-((x - 0.05) * (x - 0.05) + (y + 0.03) * (y + 0.03)) / (2 * 0.06 * 0.06))
                return (-0.3 * g, 0.7 * g, 0.5 * g)
            })
            return f
        }

        // κ = 1: the rotation charges.
        let charged = spinningField()
        let nonlinear = Physics(kappa: 1)
        let dtCharged = FieldMeasures.stableStep(charged, physics: nonlinear)
        let charges0 = RotationCharge.charges(of: charged)
        let chargeScale = charges0.map(abs).max() ?? 0
        let stepper = Leapfrog(field: charged, physics: nonlinear, dt: dtCharged)
        var chargeError = 0.0
        var done = 0
        while done < steps {
            let chunk = min(every, steps - done)
            stepper.advance(steps: chunk)
            done += chunk
            let now = RotationCharge.charges(of: charged)
            for a in 0..<3 { chargeError = max(chargeError, abs(now[a] - charges0[a]) / chargeScale) }
        }
        let chargesFinal = RotationCharge.charges(of: charged)

        // κ = 0: the total momentum.
        let moving = spinningField()
        let linear = Physics(kappa: 0)
        let dtMoving = FieldMeasures.stableStep(moving, physics: linear)
        let momentum0 = RotationCharge.totalMomentum(of: moving)
        let momentumScale = momentum0.map(abs).max() ?? 0
        let linearStepper = Leapfrog(field: moving, physics: linear, dt: dtMoving)
        var momentumError = 0.0
        done = 0
        while done < steps {
            let chunk = min(every, steps - done)
            linearStepper.advance(steps: chunk)
            done += chunk
            let now = RotationCharge.totalMomentum(of: moving)
            for q in 0..<3 { momentumError = max(momentumError, abs(now[q] - momentum0[q]) / momentumScale) }
        }
        let momentumFinal = RotationCharge.totalMomentum(of: moving)

        let criteria: [Criterion] = [
            .atMost("charge_error", chargeError, 1e-12),
            .atMost("momentum_error", momentumError, 1e-12),
        ]
        return ValidationResult(
            number: 5, name: "conservation", criteria: criteria,
            measured: .object([
                ("charge_error", .number(chargeError)),
                ("momentum_error", .number(momentumError)),
                ("charges_initial", .numbers(charges0)),
                ("charges_final", .numbers(chargesFinal)),
                ("momentum_initial", .numbers(momentum0)),
                ("momentum_final", .numbers(momentumFinal)),
            ]),
            parameters: .object([
                ("size", .string(size.rawValue)),
                ("N", .integer(n)), ("L", .number(1)), ("kappa_charges", .number(1)), ("kappa_momentum", .number(0)),
                ("c", .number(1)), ("cfl", .number(0.5)), ("dt_charges", .number(dtCharged)),
                ("dt_momentum", .number(dtMoving)), ("steps", .integer(steps)), ("sample_every", .integer(every)),
                ("initial_condition", .string(
                    "U = exp(-r^2/(2*0.08^2))*(1, 0.4, -0.2), P = exp(-((x-0.05)^2+(y+0.03)^2)/(2*0.06^2))*(-0.3, 0.7, 0.5)")),
                ("normalisation", .string(
                    "charge_error = max over samples and a of |L_ab - L_ab(0)| / max|L_ab(0)|; "
                        + "momentum_error = max over samples and q of |sum P_q - sum P_q(0)| / max|sum P_q(0)|")),
            ]),
            elapsed: clock.seconds)
    }
}
