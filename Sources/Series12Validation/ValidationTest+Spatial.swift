import Foundation
import Series12Core
import Series12Retention

extension ValidationTest {
    /// Test 6, spatial order. κ = 0, c = 1, the standing wave
    /// `U = cos(2πx/L) cos(2πy/L)·(1, 0.5, −0.3)·cos(ωt)`, `P = 0` at t = 0, with the continuous
    /// `ω = c·2π√2/L`, on N = 32, 64, 128 (`reduced`: 16, 32, 64) up to t = 0.25. The wave is an
    /// eigenmode of the 5-point Laplacian, so the discrete solution only runs at the discrete
    /// frequency `(2√2/dx) sin(π dx/L)`: its error against the exact solution is the O(dx²)
    /// phase error. The same tiny dt (2000 steps to t = 0.25, a temporal frequency error
    /// ~5e-8 against a spatial one of ≥1e-4) serves every N. Error: RMS over cells and
    /// components of U − U_exact; observed orders `log2(e_N / e_2N)` must lie in [1.9, 2.1].
    public static func spatial(size: ValidationSize) -> ValidationResult {
        let clock = Stopwatch()
        let sizes = size == .spec ? [32, 64, 128] : [16, 32, 64]
        let tFinal = 0.25
        let steps = 2000
        let dt = tFinal / Double(steps)
        let c = 1.0, length = 1.0
        let k = 2 * Double.pi / length
        let omega = c * k * 2.0.squareRoot()
        let direction = (1.0, 0.5, -0.3)
        let physics = Physics(kappa: 0, speed: .uniform(c))

        var errors: [Double] = []
        var maxErrors: [Double] = []
        for n in sizes {
            func mode(_ phase: Double) -> TensorField {
                let f = TensorField(grid: Grid(n: n, length: length))
                f.fill(u: { x, y in
                    let a = cos(k * x) * cos(k * y) * phase
                    return (a * direction.0, a * direction.1, a * direction.2)
                })
                return f
            }
            let field = mode(1)
            Leapfrog(field: field, physics: physics, dt: dt).advance(steps: steps)
            let exact = mode(cos(omega * tFinal))
            errors.append(FieldMeasures.rmsDifferenceU(field, exact))
            maxErrors.append(FieldMeasures.maxAbsDifference(field, exact))
        }
        let orders = (0..<(sizes.count - 1)).map { log2(errors[$0] / errors[$0 + 1]) }

        let criteria: [Criterion] = orders.indices.map { i in
            .within("order_\(sizes[i])_\(sizes[i + 1])", orders[i], 1.9, 2.1)
        }
        var measured: [(key: String, value: JSONValue)] = orders.indices.map { i in
            ("order_\(sizes[i])_\(sizes[i + 1])", .number(orders[i]))
        }
        measured.append(("rms_errors", .numbers(errors)))
        measured.append(("max_abs_errors", .numbers(maxErrors)))
        return ValidationResult(
            number: 6, name: "spatial", criteria: criteria,
            measured: .object(measured),
            parameters: .object([
                ("size", .string(size.rawValue)),
                ("N_values", .integers(sizes)), ("L", .number(length)), ("kappa", .number(0)), ("c", .number(c)),
                ("omega", .number(omega)), ("t_final", .number(tFinal)), ("dt", .number(dt)),
                ("steps", .integer(steps)),
                ("initial_condition", .string("standing wave cos(2 pi x/L) cos(2 pi y/L) (1, 0.5, -0.3), P = 0")),
            ]),
            elapsed: clock.seconds)
    }
}
