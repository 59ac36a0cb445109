/// Conserved charges of the internal O(3) symmetry (SPEC §1, validation test 5).
///
/// In the weighted coordinates `q = (Uxx, √2 Uxy, Uyy)`, `p = (Pxx, √2 Pxy, Pyy)` the equations
/// are O(3)-invariant, so `L_ab = dx² Σ (q_a p_b − q_b p_a)` is conserved; leapfrog conserves it
/// to round-off because every kick and drift is O(3)-equivariant cell by cell.
public enum RotationCharge {
    /// `(L_01, L_02, L_12)`.
    public static func charges(of field: TensorField) -> [Double] {
        let m = field.grid.cellCount, dx = field.grid.dx
        let r2 = 2.0.squareRoot()
        let u0 = field.u(0), u1 = field.u(1), u2 = field.u(2)
        let p0 = field.p(0), p1 = field.p(1), p2 = field.p(2)
        var l01 = 0.0, l02 = 0.0, l12 = 0.0
        for c in 0..<m {
            let q0 = u0[c], q1 = r2 * u1[c], q2 = u2[c]
            let s0 = p0[c], s1 = r2 * p1[c], s2 = p2[c]
            l01 += q0 * s1 - q1 * s0
            l02 += q0 * s2 - q2 * s0
            l12 += q1 * s2 - q2 * s1
        }
        return [l01 * dx * dx, l02 * dx * dx, l12 * dx * dx]
    }

    /// `Σ P_q` per component (conserved for κ = 0: the force is a pure Laplacian).
    public static func totalMomentum(of field: TensorField) -> [Double] {
        let m = field.grid.cellCount
        return (0..<3).map { q in
            let p = field.p(q)
            var s = 0.0
            for c in 0..<m { s += p[c] }
            return s
        }
    }
}
