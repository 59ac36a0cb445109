import Series12Core

/// The discrete Hamiltonian split cell by cell: cell c carries `½ Σ w P²`, the gradient terms
/// of its east and north faces, and `¼ κ (U:U)²`, times dx², so the sum over all cells is H.
enum EnergyDensity {
    /// Σ of the cell energies over the cells `(i, j)` with `include(i, j)` (i the x column).
    static func sum(_ f: TensorField, physics: Physics, include: (Int, Int) -> Bool) -> Double {
        let n = f.grid.n, dx = f.grid.dx
        let c2cells: [Double]
        switch physics.speed {
        case .uniform(let c): c2cells = [Double](repeating: c * c, count: n * n)
        case .cells(let squared): c2cells = squared
        }
        let weights = [1.0, 2.0, 1.0]
        var total = 0.0
        for j in 0..<n {
            let jn = (j + 1) % n
            for i in 0..<n where include(i, j) {
                let c = j * n + i, e = j * n + (i + 1) % n, no = jn * n + i
                let ce = (c2cells[c] + c2cells[e]) / 2, cn = (c2cells[c] + c2cells[no]) / 2
                var energy = 0.0
                for q in 0..<3 {
                    let u = f.u(q), p = f.p(q)
                    let gx = (u[e] - u[c]) / dx, gy = (u[no] - u[c]) / dx
                    energy += weights[q] * (0.5 * p[c] * p[c] + 0.5 * ce * gx * gx + 0.5 * cn * gy * gy)
                }
                let s = (f.u(0)[c] * f.u(0)[c] + f.u(2)[c] * f.u(2)[c]) + 2 * f.u(1)[c] * f.u(1)[c]
                energy += 0.25 * physics.kappa * s * s
                total += energy
            }
        }
        return total * dx * dx
    }
}
