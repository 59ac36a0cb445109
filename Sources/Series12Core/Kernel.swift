/// The hot loop: kicks and drifts over raw planes, row by row with periodic neighbours.
///
/// Everything here works on `UnsafeMutablePointer<Double>` planes owned by one run: no
/// allocation, no locks, no generic or existential dispatch. The arithmetic per cell is that
/// of `shared/bench/ref_fast.c`:
///
///     s  = (Uxx² + Uyy²) + 2 Uxy²
///     ΔU = ((U[e] + U[w]) + (U[n] + U[s]) − 4U) / dx²
///     P += h (c² ΔU − κ s U)
public enum Kernel {
    /// Raw plane pointers of one field (U then P, components xx, xy, yy).
    public struct Planes {
        public let u0, u1, u2, p0, p1, p2: UnsafeMutablePointer<Double>
        public let n: Int

        public init(_ field: TensorField) {
            u0 = field.u(0); u1 = field.u(1); u2 = field.u(2)
            p0 = field.p(0); p1 = field.p(1); p2 = field.p(2)
            n = field.grid.n
        }
    }

    /// Face-centred c² for the variable-speed operator: `east[c] = (c²[c] + c²[c+e])/2`,
    /// `north[c] = (c²[c] + c²[c+n])/2`, built once per run.
    public final class FaceSpeeds {
        public let east: UnsafeMutableBufferPointer<Double>
        public let north: UnsafeMutableBufferPointer<Double>

        public init(cellSquared c2: [Double], n: Int) {
            precondition(c2.count == n * n, "c² needs one value per cell")
            east = .allocate(capacity: n * n)
            north = .allocate(capacity: n * n)
            for j in 0..<n {
                for i in 0..<n {
                    let c = j * n + i
                    east[c] = (c2[c] + c2[j * n + (i + 1) % n]) / 2
                    north[c] = (c2[c] + c2[((j + 1) % n) * n + i]) / 2
                }
            }
        }

        deinit {
            east.deallocate()
            north.deallocate()
        }
    }

    // MARK: uniform c

    /// `P += h F(U)` on row `j` for uniform c².
    @inline(__always)
    static func kickRow(_ f: Planes, _ j: Int, c2: Double, kappa: Double, h: Double, idx2: Double) {
        let n = f.n
        let jn = j + 1 == n ? 0 : j + 1
        let js = j == 0 ? n - 1 : j - 1
        let r = j * n, rn = jn * n, rs = js * n
        let a = f.u0 + r, b = f.u1 + r, d = f.u2 + r
        let an = f.u0 + rn, bn = f.u1 + rn, dn = f.u2 + rn
        let as_ = f.u0 + rs, bs = f.u1 + rs, ds = f.u2 + rs
        let pa = f.p0 + r, pb = f.p1 + r, pd = f.p2 + r

        @inline(__always) func cell(_ i: Int, _ ie: Int, _ iw: Int) {
            let ai = a[i], bi = b[i], di = d[i]
            let s = (ai * ai + di * di) + 2 * bi * bi
            let la = ((a[ie] + a[iw]) + (an[i] + as_[i]) - 4 * ai) * idx2
            let lb = ((b[ie] + b[iw]) + (bn[i] + bs[i]) - 4 * bi) * idx2
            let ld = ((d[ie] + d[iw]) + (dn[i] + ds[i]) - 4 * di) * idx2
            pa[i] += h * (c2 * la - kappa * s * ai)
            pb[i] += h * (c2 * lb - kappa * s * bi)
            pd[i] += h * (c2 * ld - kappa * s * di)
        }
        cell(0, 1, n - 1)
        var i = 1
        while i < n - 1 {
            cell(i, i + 1, i - 1)
            i += 1
        }
        cell(n - 1, 0, n - 2)
    }

    /// `U += dt P` on row `j`.
    @inline(__always)
    static func driftRow(_ f: Planes, _ j: Int, dt: Double) {
        let n = f.n
        let r = j * n
        let a = f.u0 + r, b = f.u1 + r, d = f.u2 + r
        let pa = f.p0 + r, pb = f.p1 + r, pd = f.p2 + r
        var i = 0
        while i < n {
            a[i] += dt * pa[i]
            b[i] += dt * pb[i]
            d[i] += dt * pd[i]
            i += 1
        }
    }

    /// `P += h F(U)` over the whole grid (uniform c²).
    public static func kick(_ f: Planes, c2: Double, kappa: Double, h: Double, idx2: Double) {
        for j in 0..<f.n {
            kickRow(f, j, c2: c2, kappa: kappa, h: h, idx2: idx2)
        }
    }

    /// `U += dt P` over the whole grid.
    public static func drift(_ f: Planes, dt: Double) {
        for j in 0..<f.n {
            driftRow(f, j, dt: dt)
        }
    }

    /// One fused pass: `U += dt P` then `P += h F(U)`, bit-identical to `drift` followed by
    /// `kick`, but row by row with a one-row lag so each row is read from memory once.
    ///
    /// Row j is kicked once rows j−1, j, j+1 are drifted; a kick touches only its own row of P,
    /// and a drift only its own row of U, so the order gives exactly the two-pass result.
    public static func driftKick(_ f: Planes, dt: Double, c2: Double, kappa: Double, h: Double, idx2: Double) {
        let n = f.n
        driftRow(f, n - 1, dt: dt)
        driftRow(f, 0, dt: dt)
        driftRow(f, 1, dt: dt)
        for j in 0..<n {
            if j >= 1 && j + 1 <= n - 2 {
                driftRow(f, j + 1, dt: dt)
            }
            kickRow(f, j, c2: c2, kappa: kappa, h: h, idx2: idx2)
        }
    }

    // MARK: variable c

    /// `P += h F(U)` with `F = Σ_faces c²_f (U_nb − U)/dx² − κ s U` (face-mean c²).
    public static func kick(_ f: Planes, faces: FaceSpeeds, kappa: Double, h: Double, idx2: Double) {
        let n = f.n
        let ce = faces.east.baseAddress!, cn = faces.north.baseAddress!
        for j in 0..<n {
            let jn = j + 1 == n ? 0 : j + 1, js = j == 0 ? n - 1 : j - 1
            for i in 0..<n {
                let ie = i + 1 == n ? 0 : i + 1, iw = i == 0 ? n - 1 : i - 1
                let c = j * n + i, e = j * n + ie, w = j * n + iw, no = jn * n + i, so = js * n + i
                let a = f.u0[c], b = f.u1[c], d = f.u2[c]
                let s = (a * a + d * d) + 2 * b * b
                @inline(__always) func update(_ uq: UnsafeMutablePointer<Double>, _ pq: UnsafeMutablePointer<Double>) {
                    let x = uq[c]
                    let lap = ((ce[c] * (uq[e] - x) + ce[w] * (uq[w] - x))
                        + (cn[c] * (uq[no] - x) + cn[so] * (uq[so] - x))) * idx2
                    pq[c] += h * (lap - kappa * s * x)
                }
                update(f.u0, f.p0)
                update(f.u1, f.p1)
                update(f.u2, f.p2)
            }
        }
    }
}
