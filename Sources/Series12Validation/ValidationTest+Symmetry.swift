import Foundation
import Series12Core
import Series12Retention

extension ValidationTest {
    /// Test 7, lattice symmetries. An initial field with no symmetry of its own (two
    /// off-centre gaussians along different tensor directions, and a third one in P) is evolved
    /// at κ = 1. Transforming the initial data and evolving must give the transformed evolution
    /// to ≤ 1e-12 relative to max|U| (all six planes compared), for
    ///
    /// * the reflection x ↔ y: `(i, j) → (j, i)`, `Uxx ↔ Uyy`, `Uxy` unchanged;
    /// * the rotation by 90°, `(x, y) → (−y, x)`: the value at column i, row j comes from
    ///   column j, row N−1−i (the cell-centre map `i → N−1−i` is `x → −x` exactly), with
    ///   `Uxx' = Uyy`, `Uyy' = Uxx`, `Uxy' = −Uxy` (the same for P).
    ///
    /// `asymmetry` (how far the evolved field is from its own transform) shows the comparison
    /// is not vacuous.
    public static func symmetry(size: ValidationSize) -> ValidationResult {
        let clock = Stopwatch()
        let n = size == .spec ? 128 : 64
        let steps = size == .spec ? 1000 : 300
        let kappa = 1.0
        let physics = Physics(kappa: kappa)

        let start = TensorField(grid: Grid(n: n))
        start.fill(u: { x, y in
            let g1 = 1.5 * exp(-((x - 0.1) * (x - 0.1) + (y + 0.05) * (y + 0.05)) / (2 * 0.05 * 0.05))
            let g2 = exp(-((x + 0.15) * (x + 0.15) + (y - 0.2) * (y - 0.2)) / (2 * 0.07 * 0.04))
            return (g1 - 0.4 * g2, 0.5 * g1 + 0.8 * g2, -0.3 * g1 + 0.2 * g2)
        }, p: { x, y in
            let g = exp(-((x + 0.05) * (x + 0.05) + (y - 0.1) * (y - 0.1)) / (2 * 0.06 * 0.06))
            return (0.3 * g, -0.2 * g, 0.6 * g)
        })
        let dt = FieldMeasures.stableStep(start, physics: physics)

        func evolve(_ f: TensorField) -> TensorField {
            let g = f.copy()
            Leapfrog(field: g, physics: physics, dt: dt).advance(steps: steps)
            return g
        }
        let evolved = evolve(start)
        let scale = FieldMeasures.maxAbsU(evolved)

        var measured: [(key: String, value: JSONValue)] = []
        var criteria: [Criterion] = []
        for symmetry in LatticeSymmetry.allCases {
            let a = symmetry.apply(to: evolved)
            let b = evolve(symmetry.apply(to: start))
            let error = FieldMeasures.maxAbsDifference(a, b, includeP: true) / scale
            let asymmetry = FieldMeasures.maxAbsDifference(a, evolved, includeP: true) / scale
            criteria.append(.atMost("\(symmetry.rawValue)_error", error, 1e-12))
            measured.append(("\(symmetry.rawValue)_error", .number(error)))
            measured.append(("\(symmetry.rawValue)_asymmetry", .number(asymmetry)))
        }
        return ValidationResult(
            number: 7, name: "symmetry", criteria: criteria,
            measured: .object(measured),
            parameters: .object([
                ("size", .string(size.rawValue)),
                ("N", .integer(n)), ("L", .number(1)), ("kappa", .number(kappa)), ("c", .number(1)),
                ("cfl", .number(0.5)), ("dt", .number(dt)), ("steps", .integer(steps)),
                ("initial_condition", .string("two off-centre gaussians in U along (1, 0.5, -0.3) and (-0.4, 0.8, 0.2), one in P along (0.3, -0.2, 0.6)")),
                ("normalisation", .string("max-abs difference over all six planes / max|U| of the evolved field")),
            ]),
            elapsed: clock.seconds)
    }
}
