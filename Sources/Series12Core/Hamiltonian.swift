/// The discrete Hamiltonian of SPEC §1, with weights `w = (1, 2, 1)` for `(xx, xy, yy)`:
///
///     H = dx² Σ_cells [ ½ Σ_q w_q P_q² + ½ Σ_q w_q c²_e ((U_q[e] − U_q)/dx)²
///                       + ½ Σ_q w_q c²_n ((U_q[n] − U_q)/dx)² + ¼ κ (U:U)² ]
///
/// Leapfrog with the operators of `Kernel` is symplectic for exactly this H, so its drift stays
/// bounded and second order in dt. Summed per row, then over rows.
public enum Hamiltonian {
    public static func energy(of field: TensorField, physics: Physics) -> Double {
        switch physics.speed {
        case .uniform: return energy(of: field, physics: physics, faces: nil)
        case .cells(let c2): return energy(of: field, physics: physics, faces: Kernel.FaceSpeeds(cellSquared: c2, n: field.grid.n))
        }
    }

    /// `energy(of:physics:)` with the face-mean c² the kernel already built (variable c), so a
    /// run does not rebuild them at every sample step.
    static func energy(of field: TensorField, physics: Physics, faces: Kernel.FaceSpeeds?) -> Double {
        let n = field.grid.n, dx = field.grid.dx
        let u0 = field.u(0), u1 = field.u(1), u2 = field.u(2)
        let p0 = field.p(0), p1 = field.p(1), p2 = field.p(2)
        let kappa = physics.kappa
        var c2 = 1.0
        if case .uniform(let c) = physics.speed { c2 = c * c }
        let faceEast = faces?.east, faceNorth = faces?.north
        var total = 0.0
        for j in 0..<n {
            let jn = j + 1 == n ? 0 : j + 1
            var row = 0.0
            for i in 0..<n {
                let c = j * n + i, e = j * n + (i + 1 == n ? 0 : i + 1), no = jn * n + i
                let pp = (p0[c] * p0[c] + p2[c] * p2[c]) + 2 * p1[c] * p1[c]
                let ce = faceEast?[c] ?? c2, cn = faceNorth?[c] ?? c2
                @inline(__always) func gradient(_ u: UnsafeMutablePointer<Double>) -> Double {
                    let gx = (u[e] - u[c]) / dx, gy = (u[no] - u[c]) / dx
                    return ce * gx * gx + cn * gy * gy
                }
                let g = (gradient(u0) + gradient(u2)) + 2 * gradient(u1)
                let s = (u0[c] * u0[c] + u2[c] * u2[c]) + 2 * u1[c] * u1[c]
                row += 0.5 * pp + 0.5 * g + 0.25 * kappa * s * s
            }
            total += row
        }
        return total * dx * dx
    }

    /// `|H − H0| / |H0|`, or `|H − H0|` when `H0 = 0` (SPEC §1).
    public static func drift(_ h: Double, from h0: Double) -> Double {
        h0 == 0 ? abs(h - h0) : abs(h - h0) / abs(h0)
    }
}
