import Series12Core

/// Norms and comparisons of fields used by the validation tests.
enum FieldMeasures {
    /// `max |U_q|` over the three U planes.
    static func maxAbsU(_ f: TensorField) -> Double {
        var m = 0.0
        for q in 0..<3 {
            let u = f.u(q)
            for c in 0..<f.grid.cellCount { m = max(m, abs(u[c])) }
        }
        return m
    }

    /// `max |a − b|` over the U planes (`includeP` adds the P planes).
    static func maxAbsDifference(_ a: TensorField, _ b: TensorField, includeP: Bool = false) -> Double {
        precondition(a.grid == b.grid, "fields on different grids")
        var m = 0.0
        for k in 0..<(includeP ? 6 : 3) {
            for (x, y) in zip(a.plane(k), b.plane(k)) { m = max(m, abs(x - y)) }
        }
        return m
    }

    /// Root mean square of `a − b` over the three U planes (cells and components alike).
    static func rmsDifferenceU(_ a: TensorField, _ b: TensorField) -> Double {
        precondition(a.grid == b.grid, "fields on different grids")
        var s = 0.0
        for k in 0..<3 {
            for (x, y) in zip(a.plane(k), b.plane(k)) {
                let d = x - y
                s += d * d
            }
        }
        return (s / Double(3 * a.grid.cellCount)).squareRoot()
    }

    /// The right-hand side `F(U)` of the P equation, as a field whose P planes hold F and whose
    /// U planes are a copy of `f`'s: a kick of `h = 1` from `P = 0`.
    static func force(of f: TensorField, physics: Physics) -> TensorField {
        let g = f.copy()
        for q in 0..<3 {
            let p = g.p(q)
            for c in 0..<g.grid.cellCount { p[c] = 0 }
        }
        Leapfrog(field: g, physics: physics, dt: 0).kick(1)
        return g
    }

    /// The default time step of SPEC §1, `ν · 2/ω_max`, with `U:U` from the field's current U.
    static func stableStep(_ f: TensorField, physics: Physics, cfl: Double = 0.5) -> Double {
        StableStep.timeStep(cfl: cfl, cMax: physics.speed.maximum, dx: f.grid.dx, kappa: physics.kappa,
                            maxContraction: f.maxContraction())
    }

    static func gaussianField(n: Int) -> TensorField {
        let f = TensorField(grid: Grid(n: n))
        InitialCondition.default.apply(to: f)
        return f
    }
}
