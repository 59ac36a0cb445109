/// The hot loop: kicks and drifts over raw planes, row by row with periodic neighbours.
///
/// Everything here works on `UnsafeMutablePointer<Double>` planes owned by one run: no
/// allocation, no locks, no generic or existential dispatch. The arithmetic per cell is that
/// of `shared/bench/ref_fast.c` with the constants folded (`hc = h c²/dx²`, `hk = h κ`):
///
///     s  = (Uxx² + Uyy²) + 2 Uxy²
///     P += hc ((U[e] + U[w]) + (U[n] + U[s]) − 4U) − (hk s) U
///     U += dt P
///
/// Each cell gets this arithmetic whatever the path (vector lanes or scalar cells, one step
/// per sweep or several, see `wavefront`; a row's drift alone or sharing one loop with the kick
/// of the row below, see `kickRow`), so blocked and unblocked stepping agree bit for bit.
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

    /// Eight cells at once; each lane does exactly the scalar arithmetic of `cell` below (same
    /// operations in the same order, no contraction), so a cell's result does not depend on
    /// whether it falls in a vector or in a scalar cell. The one fused multiply-add,
    /// `sum − 4U` as `fma(−4, U, sum)`, is exact: `4U` needs no rounding, so it is the same
    /// bits as the separate multiply and subtract (one FP operation fewer per component).
    typealias Vec = SIMD8<Double>

    @inline(__always)
    static func load(_ p: UnsafeMutablePointer<Double>) -> Vec {
        UnsafeRawPointer(p).loadUnaligned(as: Vec.self)
    }

    @inline(__always)
    static func store(_ v: Vec, _ p: UnsafeMutablePointer<Double>) {
        UnsafeMutableRawPointer(p).storeBytes(of: v, as: Vec.self)
    }

    /// The east neighbours of the eight cells of `c`, the next chunk being `x`.
    @inline(__always)
    static func east(_ c: Vec, _ x: Vec) -> Vec { Vec(c[1], c[2], c[3], c[4], c[5], c[6], c[7], x[0]) }

    /// The west neighbours of the eight cells of `c`, the previous chunk being `x`.
    @inline(__always)
    static func west(_ x: Vec, _ c: Vec) -> Vec { Vec(x[7], c[0], c[1], c[2], c[3], c[4], c[5], c[6]) }

    /// `hk s` of a cell, `s = (Uxx² + Uyy²) + 2 Uxy²`.
    @inline(__always)
    static func coupling(_ a: Double, _ b: Double, _ d: Double, hk: Double) -> Double { hk * ((a * a + d * d) + 2 * b * b) }

    /// `hk s` of eight cells, lane by lane the arithmetic of the scalar `coupling`.
    @inline(__always)
    static func coupling(_ a: Vec, _ b: Vec, _ d: Vec, hk: Vec) -> Vec { hk * ((a * a + d * d) + Vec(repeating: 2) * b * b) }

    /// A component's new P at a cell: `p + (hc ((e + w) + (n + s) − 4u) − ks u)`, with `−4u`
    /// fused into the sum (exact: `4u` needs no rounding). Every kick in this file goes through
    /// here or the vector twin below, so every path does the same operations in the same order.
    @inline(__always)
    static func kicked(_ p: Double, _ u: Double, east e: Double, west w: Double, north n: Double, south s: Double,
                       hc: Double, ks: Double) -> Double {
        p + (hc * ((e + w) + (n + s)).addingProduct(-4, u) - ks * u)
    }

    /// Eight cells of `kicked`, lane by lane the same arithmetic.
    @inline(__always)
    static func kicked(_ p: Vec, _ u: Vec, east e: Vec, west w: Vec, north n: Vec, south s: Vec, hc: Vec, ks: Vec) -> Vec {
        p + (hc * ((e + w) + (n + s)).addingProduct(Vec(repeating: -4), u) - ks * u)
    }

    /// `P += h F(U)` on row `j` for uniform c², with the constants folded:
    /// `hc = h c²/dx²`, `hk = h κ`, so per cell and component
    ///
    ///     P += hc ((U[e] + U[w]) + (U[n] + U[s]) − 4U) − (hk s) U
    ///
    /// Boundary columns 0 and n−1 are scalar cells; the interior goes eight at a time.
    ///
    /// With `driftingNorth: dt` the north row j+1 is drifted by `dt` in the same loop, bit for
    /// bit `driftRow(f, j + 1)` then `kickRow(f, j)`: each eight-cell chunk of row j+1 is
    /// drifted, stored, and used from the registers as the north neighbours of the same chunk of
    /// row j, so row j+1's U is read once instead of twice. The kick of row j reads row j+1 only
    /// at its own column, and the drift of row j+1 reads only its own U and P (the kick writes
    /// row j's P alone), so interleaving the two by columns gives the two-pass result. Needs
    /// `n ≥ fusedRowsMinimumN`.
    @inline(__always)
    static func kickRow(_ f: Planes, _ j: Int, hc: Double, hk: Double, driftingNorth dt: Double? = nil) {
        let n = f.n
        let jn = j + 1 == n ? 0 : j + 1
        let js = j == 0 ? n - 1 : j - 1
        let r = j * n, rn = jn * n, rs = js * n
        let a = f.u0 + r, b = f.u1 + r, d = f.u2 + r
        let an = f.u0 + rn, bn = f.u1 + rn, dn = f.u2 + rn
        let qa = f.p0 + rn, qb = f.p1 + rn, qd = f.p2 + rn
        let as_ = f.u0 + rs, bs = f.u1 + rs, ds = f.u2 + rs
        let pa = f.p0 + r, pb = f.p1 + r, pd = f.p2 + r

        // The north neighbours of cell i, drifted in registers when fusing (the same bits
        // `driftRow` stores).
        @inline(__always) func north(_ i: Int) -> (Double, Double, Double) {
            guard let dt else { return (an[i], bn[i], dn[i]) }
            return (an[i] + dt * qa[i], bn[i] + dt * qb[i], dn[i] + dt * qd[i])
        }
        @inline(__always) func cell(_ i: Int, _ ie: Int, _ iw: Int) {
            let (na, nb, nd) = north(i)
            let ai = a[i], bi = b[i], di = d[i]
            let ks = coupling(ai, bi, di, hk: hk)
            pa[i] = kicked(pa[i], ai, east: a[ie], west: a[iw], north: na, south: as_[i], hc: hc, ks: ks)
            pb[i] = kicked(pb[i], bi, east: b[ie], west: b[iw], north: nb, south: bs[i], hc: hc, ks: ks)
            pd[i] = kicked(pd[i], di, east: d[ie], west: d[iw], north: nd, south: ds[i], hc: hc, ks: ks)
        }
        // Both boundary cells first: when fusing, they read the north row before any drift.
        cell(0, 1, n - 1)
        cell(n - 1, 0, n - 2)
        if n - 2 >= 8 {
            let hcv = Vec(repeating: hc), hkv = Vec(repeating: hk)
            let dtv = Vec(repeating: dt ?? 0)
            // The north neighbours of the eight cells from i (see `north` above).
            @inline(__always) func north(_ i: Int) -> (Vec, Vec, Vec) {
                guard dt != nil else { return (load(an + i), load(bn + i), load(dn + i)) }
                return (load(an + i) + dtv * load(qa + i), load(bn + i) + dtv * load(qb + i), load(dn + i) + dtv * load(qd + i))
            }
            // New P of the eight interior cells from i, given their north neighbours.
            @inline(__always) func block(_ i: Int, _ up: (Vec, Vec, Vec)) -> (Vec, Vec, Vec) {
                let ai = load(a + i), bi = load(b + i), di = load(d + i)
                let ks = coupling(ai, bi, di, hk: hkv)
                return (kicked(load(pa + i), ai, east: load(a + i + 1), west: load(a + i - 1), north: up.0, south: load(as_ + i), hc: hcv, ks: ks),
                        kicked(load(pb + i), bi, east: load(b + i + 1), west: load(b + i - 1), north: up.1, south: load(bs + i), hc: hcv, ks: ks),
                        kicked(load(pd + i), di, east: load(d + i + 1), west: load(d + i - 1), north: up.2, south: load(ds + i), hc: hcv, ks: ks))
            }
            // The first and the last eight interior cells (1 … 8 and n−9 … n−2), computed before
            // the loop overwrites any of them and stored after it: where they overlap the
            // loop's cells the values are the same bits (same inputs, same arithmetic). So the
            // loop can start at a 64-byte boundary of P (no split loads and stores) and needs
            // no scalar remainder. When fusing, the same for the drift of the north row's cells
            // 0 … 7, n−9 … n−2 and n−8 … n−1, which the loop's chunks may not reach.
            let t = n - 9
            let northHead = north(0), northTail = north(t), northLast = north(n - 8)
            let (ha, hb, hd) = block(1, north(1))
            let (ta, tb, td) = block(t, northTail)
            var i = 8 - ((Int(bitPattern: pa) >> 3) & 7)
            // In the loop the east and west neighbours come from the centre vectors of this, the
            // previous and the next chunk, shifted one lane (the same values as unaligned loads
            // at i ± 1, without loads split across cache lines); each centre is loaded once.
            // The look-ahead load of the last chunk may reach past the row's end into the next
            // row or plane of the same allocation; those lanes are never used.
            var wa = Vec(repeating: a[i - 1]), wb = Vec(repeating: b[i - 1]), wd = Vec(repeating: d[i - 1])
            var ca = load(a + i), cb = load(b + i), cd = load(d + i)
            while i < t {
                let (na, nb, nd) = north(i)
                if dt != nil { store(na, an + i); store(nb, bn + i); store(nd, dn + i) }
                let xa = load(a + i + 8), xb = load(b + i + 8), xd = load(d + i + 8)
                let ks = coupling(ca, cb, cd, hk: hkv)
                store(kicked(load(pa + i), ca, east: east(ca, xa), west: west(wa, ca), north: na, south: load(as_ + i), hc: hcv, ks: ks), pa + i)
                store(kicked(load(pb + i), cb, east: east(cb, xb), west: west(wb, cb), north: nb, south: load(bs + i), hc: hcv, ks: ks), pb + i)
                store(kicked(load(pd + i), cd, east: east(cd, xd), west: west(wd, cd), north: nd, south: load(ds + i), hc: hcv, ks: ks), pd + i)
                wa = ca; wb = cb; wd = cd
                ca = xa; cb = xb; cd = xd
                i += 8
            }
            store(ha, pa + 1); store(hb, pb + 1); store(hd, pd + 1)
            store(ta, pa + t); store(tb, pb + t); store(td, pd + t)
            if dt != nil {
                store(northHead.0, an); store(northHead.1, bn); store(northHead.2, dn)
                store(northTail.0, an + t); store(northTail.1, bn + t); store(northTail.2, dn + t)
                store(northLast.0, an + n - 8); store(northLast.1, bn + n - 8); store(northLast.2, dn + n - 8)
            }
        } else {
            precondition(dt == nil, "the fused drift needs n ≥ fusedRowsMinimumN")
            var i = 1
            while i < n - 1 {
                cell(i, i + 1, i - 1)
                i += 1
            }
        }
    }

    /// Bit for bit `kickRow(f, j, driftingNorth: dt)` then `kickRow(f, j + 1, driftingNorth:
    /// dt)` (rows mod n) in one loop over the columns: rows j+1 and j+2 are drifted, rows j and
    /// j+1 kicked. The second kick trails the first by one eight-cell chunk and takes row j+1's
    /// drifted U (its centre, east and west) and row j's U (its south) from the registers the
    /// first left them in: per chunk of two rows it loads 24 vectors instead of 30 (the 3 of
    /// row j+1's P it loads were loaded by the first a chunk earlier, so they come from L1).
    ///
    /// Every value either kick needs is a function of the planes as they were on entry (row
    /// j+1's drifted U is `U + dt P` of entry values, recomputed with the same operations where
    /// the registers do not have it), and nothing is read after being overwritten: the first
    /// kick drifts row j+1 chunk by chunk before the second reads it; the second writes row
    /// j+1's P only a chunk behind the first one's drift of it; the edge cells of the second
    /// (columns 0, n−1, the first and last eight interior cells, row j+2's drifted edges) are
    /// computed before the loop from entry values and stored after it. Needs
    /// `n ≥ fusedRowsMinimumN`.
    @inline(__always)
    static func kickTwoRows(_ f: Planes, _ j: Int, hc: Double, hk: Double, dt: Double) {
        let n = f.n
        precondition(n >= fusedRowsMinimumN, "two rows at once need n ≥ fusedRowsMinimumN")
        let j1 = j + 1 == n ? 0 : j + 1
        let j2 = j1 + 1 == n ? 0 : j1 + 1
        let js = j == 0 ? n - 1 : j - 1
        let r = j * n, r1 = j1 * n, r2 = j2 * n, rs = js * n
        // Row j (kicked first), j−1 (its south), j+1 (drifted, then kicked), j+2 (drifted).
        let a = f.u0 + r, b = f.u1 + r, d = f.u2 + r
        let pa = f.p0 + r, pb = f.p1 + r, pd = f.p2 + r
        let as_ = f.u0 + rs, bs = f.u1 + rs, ds = f.u2 + rs
        let a1 = f.u0 + r1, b1 = f.u1 + r1, d1 = f.u2 + r1
        let qa = f.p0 + r1, qb = f.p1 + r1, qd = f.p2 + r1
        let a2 = f.u0 + r2, b2 = f.u1 + r2, d2 = f.u2 + r2
        let sa = f.p0 + r2, sb = f.p1 + r2, sd = f.p2 + r2

        // Scalar edge cells, from entry values. Row j+1's and j+2's U after their drift:
        @inline(__always) func drifted1(_ i: Int) -> (Double, Double, Double) {
            (a1[i] + dt * qa[i], b1[i] + dt * qb[i], d1[i] + dt * qd[i])
        }
        @inline(__always) func drifted2(_ i: Int) -> (Double, Double, Double) {
            (a2[i] + dt * sa[i], b2[i] + dt * sb[i], d2[i] + dt * sd[i])
        }
        // Row j's cell i (as `kickRow`'s `cell`), stored at once: nothing else reads row j's P.
        @inline(__always) func cellFirst(_ i: Int, _ ie: Int, _ iw: Int) {
            let (na, nb, nd) = drifted1(i)
            let ai = a[i], bi = b[i], di = d[i]
            let ks = coupling(ai, bi, di, hk: hk)
            pa[i] = kicked(pa[i], ai, east: a[ie], west: a[iw], north: na, south: as_[i], hc: hc, ks: ks)
            pb[i] = kicked(pb[i], bi, east: b[ie], west: b[iw], north: nb, south: bs[i], hc: hc, ks: ks)
            pd[i] = kicked(pd[i], di, east: d[ie], west: d[iw], north: nd, south: ds[i], hc: hc, ks: ks)
        }
        // Row j+1's new P at cell i, returned: row j+1's entry P is still needed for its drift.
        @inline(__always) func cellSecond(_ i: Int, _ ie: Int, _ iw: Int) -> (Double, Double, Double) {
            let (na, nb, nd) = drifted2(i)
            let (ai, bi, di) = drifted1(i)
            let (ea, eb, ed) = drifted1(ie), (wa, wb, wd) = drifted1(iw)
            let ks = coupling(ai, bi, di, hk: hk)
            return (kicked(qa[i], ai, east: ea, west: wa, north: na, south: a[i], hc: hc, ks: ks),
                    kicked(qb[i], bi, east: eb, west: wb, north: nb, south: b[i], hc: hc, ks: ks),
                    kicked(qd[i], di, east: ed, west: wd, north: nd, south: d[i], hc: hc, ks: ks))
        }
        cellFirst(0, 1, n - 1)
        cellFirst(n - 1, 0, n - 2)
        let secondFirst = cellSecond(0, 1, n - 1), secondLast = cellSecond(n - 1, 0, n - 2)

        let hcv = Vec(repeating: hc), hkv = Vec(repeating: hk)
        let dtv = Vec(repeating: dt)
        @inline(__always) func north1(_ i: Int) -> (Vec, Vec, Vec) {
            (load(a1 + i) + dtv * load(qa + i), load(b1 + i) + dtv * load(qb + i), load(d1 + i) + dtv * load(qd + i))
        }
        @inline(__always) func north2(_ i: Int) -> (Vec, Vec, Vec) {
            (load(a2 + i) + dtv * load(sa + i), load(b2 + i) + dtv * load(sb + i), load(d2 + i) + dtv * load(sd + i))
        }
        // New P of row j's eight cells from i (as `kickRow`'s `block`).
        @inline(__always) func blockFirst(_ i: Int, _ up: (Vec, Vec, Vec)) -> (Vec, Vec, Vec) {
            let ai = load(a + i), bi = load(b + i), di = load(d + i)
            let ks = coupling(ai, bi, di, hk: hkv)
            return (kicked(load(pa + i), ai, east: load(a + i + 1), west: load(a + i - 1), north: up.0, south: load(as_ + i), hc: hcv, ks: ks),
                    kicked(load(pb + i), bi, east: load(b + i + 1), west: load(b + i - 1), north: up.1, south: load(bs + i), hc: hcv, ks: ks),
                    kicked(load(pd + i), di, east: load(d + i + 1), west: load(d + i - 1), north: up.2, south: load(ds + i), hc: hcv, ks: ks))
        }
        // New P of row j+1's eight cells from i, from entry values.
        @inline(__always) func blockSecond(_ i: Int) -> (Vec, Vec, Vec) {
            let up = north2(i)
            let (ai, bi, di) = north1(i), (ea, eb, ed) = north1(i + 1), (wa, wb, wd) = north1(i - 1)
            let ks = coupling(ai, bi, di, hk: hkv)
            return (kicked(load(qa + i), ai, east: ea, west: wa, north: up.0, south: load(a + i), hc: hcv, ks: ks),
                    kicked(load(qb + i), bi, east: eb, west: wb, north: up.1, south: load(b + i), hc: hcv, ks: ks),
                    kicked(load(qd + i), di, east: ed, west: wd, north: up.2, south: load(d + i), hc: hcv, ks: ks))
        }

        // Edges, before the loop (see `kickRow`): row j's first and last eight interior cells
        // and row j+1's drifted edges; row j+1's and row j+2's the same.
        let t = n - 9
        let northHead = north1(0), northTail = north1(t), northLast = north1(n - 8)
        let (ha, hb, hd) = blockFirst(1, north1(1))
        let (ta, tb, td) = blockFirst(t, northTail)
        let north2Head = north2(0), north2Tail = north2(t), north2Last = north2(n - 8)
        let (h2a, h2b, h2d) = blockSecond(1)
        let (t2a, t2b, t2d) = blockSecond(t)

        let i0 = 8 - ((Int(bitPattern: pa) >> 3) & 7)
        var i = i0
        var wa = Vec(repeating: a[i - 1]), wb = Vec(repeating: b[i - 1]), wd = Vec(repeating: d[i - 1])
        var ca = load(a + i), cb = load(b + i), cd = load(d + i)
        // Row j+1's drifted U: the chunk before the one the second kick is at (its west), and
        // the one it is at (its centre).
        let w1 = drifted1(i0 - 1)
        var nwa = Vec(repeating: w1.0), nwb = Vec(repeating: w1.1), nwd = Vec(repeating: w1.2)
        var nca = Vec(), ncb = Vec(), ncd = Vec()
        // Row j+1's kick at chunk c, given row j+1's drifted U east of it (chunk c+8) and row
        // j's U at chunk c (its south).
        @inline(__always) func second(_ c: Int, _ ex: (Vec, Vec, Vec), _ south: (Vec, Vec, Vec)) {
            let (ua, ub, ud) = north2(c)
            store(ua, a2 + c); store(ub, b2 + c); store(ud, d2 + c)
            let ks = coupling(nca, ncb, ncd, hk: hkv)
            store(kicked(load(qa + c), nca, east: east(nca, ex.0), west: west(nwa, nca), north: ua, south: south.0, hc: hcv, ks: ks), qa + c)
            store(kicked(load(qb + c), ncb, east: east(ncb, ex.1), west: west(nwb, ncb), north: ub, south: south.1, hc: hcv, ks: ks), qb + c)
            store(kicked(load(qd + c), ncd, east: east(ncd, ex.2), west: west(nwd, ncd), north: ud, south: south.2, hc: hcv, ks: ks), qd + c)
        }
        while i < t {
            let (na, nb, nd) = north1(i)
            store(na, a1 + i); store(nb, b1 + i); store(nd, d1 + i)
            let xa = load(a + i + 8), xb = load(b + i + 8), xd = load(d + i + 8)
            let ks = coupling(ca, cb, cd, hk: hkv)
            store(kicked(load(pa + i), ca, east: east(ca, xa), west: west(wa, ca), north: na, south: load(as_ + i), hc: hcv, ks: ks), pa + i)
            store(kicked(load(pb + i), cb, east: east(cb, xb), west: west(wb, cb), north: nb, south: load(bs + i), hc: hcv, ks: ks), pb + i)
            store(kicked(load(pd + i), cd, east: east(cd, xd), west: west(wd, cd), north: nd, south: load(ds + i), hc: hcv, ks: ks), pd + i)
            if i > i0 {
                second(i - 8, (na, nb, nd), (wa, wb, wd))
                nwa = nca; nwb = ncb; nwd = ncd
            }
            nca = na; ncb = nb; ncd = nd
            wa = ca; wb = cb; wd = cd
            ca = xa; cb = xb; cd = xd
            i += 8
        }
        store(ha, pa + 1); store(hb, pb + 1); store(hd, pd + 1)
        store(ta, pa + t); store(tb, pb + t); store(td, pd + t)
        store(northHead.0, a1); store(northHead.1, b1); store(northHead.2, d1)
        store(northTail.0, a1 + t); store(northTail.1, b1 + t); store(northTail.2, d1 + t)
        store(northLast.0, a1 + n - 8); store(northLast.1, b1 + n - 8); store(northLast.2, d1 + n - 8)
        // Row j+1's last loop chunk: its east neighbours are drifted in memory now.
        if i > i0 {
            second(i - 8, (load(a1 + i), load(b1 + i), load(d1 + i)), (wa, wb, wd))
        }
        store(h2a, qa + 1); store(h2b, qb + 1); store(h2d, qd + 1)
        store(t2a, qa + t); store(t2b, qb + t); store(t2d, qd + t)
        qa[0] = secondFirst.0; qb[0] = secondFirst.1; qd[0] = secondFirst.2
        qa[n - 1] = secondLast.0; qb[n - 1] = secondLast.1; qd[n - 1] = secondLast.2
        store(north2Head.0, a2); store(north2Head.1, b2); store(north2Head.2, d2)
        store(north2Tail.0, a2 + t); store(north2Tail.1, b2 + t); store(north2Tail.2, d2 + t)
        store(north2Last.0, a2 + n - 8); store(north2Last.1, b2 + n - 8); store(north2Last.2, d2 + n - 8)
    }

    /// Smallest grid on which `kickRow(driftingNorth:)` is used (its vector blocks need
    /// n − 2 ≥ 8 interior cells; below this the two passes are cheap anyway).
    static let fusedRowsMinimumN = 16

    /// `U += dt P` on row `j`.
    @inline(__always)
    static func driftRow(_ f: Planes, _ j: Int, dt: Double) {
        let n = f.n
        let r = j * n
        let a = f.u0 + r, b = f.u1 + r, d = f.u2 + r
        let pa = f.p0 + r, pb = f.p1 + r, pd = f.p2 + r
        if n >= 8 {
            let dtv = Vec(repeating: dt)
            // Same overlapping-tail trick as in `kickRow`.
            let t = n - 8
            let ta = load(a + t) + dtv * load(pa + t)
            let tb = load(b + t) + dtv * load(pb + t)
            let td = load(d + t) + dtv * load(pd + t)
            var i = 0
            while i < t {
                store(load(a + i) + dtv * load(pa + i), a + i)
                store(load(b + i) + dtv * load(pb + i), b + i)
                store(load(d + i) + dtv * load(pd + i), d + i)
                i += 8
            }
            store(ta, a + t); store(tb, b + t); store(td, d + t)
        } else {
            var i = 0
            while i < n {
                a[i] += dt * pa[i]
                b[i] += dt * pb[i]
                d[i] += dt * pd[i]
                i += 1
            }
        }
    }

    /// `P += h F(U)` over the whole grid (uniform c²).
    public static func kick(_ f: Planes, c2: Double, kappa: Double, h: Double, idx2: Double) {
        let hc = h * c2 * idx2, hk = h * kappa
        for j in 0..<f.n {
            kickRow(f, j, hc: hc, hk: hk)
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
        let full = h * c2 * idx2, fullK = h * kappa
        wavefront(f, stages: 1, opening: false, closing: false, dt: dt,
                  hc: full, hk: fullK, hcHalf: full, hkHalf: fullK)
    }

    /// Largest number of stages `wavefront` accepts on an `n`-row grid.
    public static func maxStages(n: Int) -> Int { max(1, n / 4) }

    /// Largest block of fronts `wavefront` accepts on an `n`-row grid.
    public static func maxBlockFronts(n: Int) -> Int { max(1, n / 4) }

    /// Several leapfrog stages in one sweep over memory (temporal blocking), bit-identical to
    /// running the stages one after another over the whole grid.
    ///
    /// Stage `s` (0-based) is `U += dt P` then `P += h F(U)` (a fused step), except that
    /// stage 0 is only the kick when `opening` (the opening half-kick from synchronised
    /// fields), and the kick uses the half coefficients `hcHalf`, `hkHalf` on the opening stage
    /// and, when `closing`, on the last stage; `hc`, `hk` otherwise (folded as in `kickRow`).
    ///
    /// Schedule: a wavefront over "fronts" `f`; at front `f` stage `s` drifts row `f − 2s` and
    /// then kicks row `f − 2s − 1` (rows taken mod n). Stage `s` drifts the n rows
    /// `2s−1 … n+2s−2` and kicks the n rows `2s … n+2s−1`, so each stage starts two rows after
    /// the previous one and the periodic seam needs no copies. Taken front by front (stages in
    /// increasing order within a front):
    ///
    /// * a kick of row k at stage s reads U rows k−1…k+1 after their stage-s drift (drifted at
    ///   fronts ≤ k+1+2s, the kick's own front) and before their stage-(s+1) drift (fronts
    ///   ≥ k−1+2s+2, not earlier than the kick's front, and within a front stage s goes first);
    /// * a drift of row r at stage s reads P_r after its stage-(s−1) kick (front r+2s−1) and
    ///   before its stage-s kick (front r+2s+1).
    ///
    /// The fronts are taken `blockFronts` at a time, and within a block stage by stage: stage 0
    /// at each front of the block, then stage 1 at each, and so on. A stage then works on
    /// consecutive rows, whose U and P the previous row left in the core's L1; with `pairedRows`
    /// it does two fronts' rows in one loop over the columns (`kickTwoRows`) where both drift
    /// and kick. This reorders only pairs of a stage s at front G and a later stage s+m at an
    /// earlier front G' of the same block; the first touches rows G−2s−2 … G−2s, the second
    /// G'−2s−2m−2 … G'−2s−2m, at least 1 and at most `blockFronts + 2·stages − 1 < n` rows
    /// below, so never the same row (not even across the seam), and the two commute.
    ///
    /// Every cell gets exactly the arithmetic of `driftRow` and `kickRow`; only the order over
    /// rows changes, so results do not depend on how steps are grouped into stages or fronts.
    /// Requires `1 ≤ stages ≤ maxStages(n)` (so the stages never lap each other) and
    /// `1 ≤ blockFronts ≤ maxBlockFronts(n)`.
    public static func wavefront(_ f: Planes, stages: Int, opening: Bool, closing: Bool, dt: Double,
                                 hc: Double, hk: Double, hcHalf: Double, hkHalf: Double, blockFronts: Int = 1,
                                 pairedRows: Bool = false) {
        let n = f.n
        precondition(stages >= 1 && stages <= maxStages(n: n), "stages out of range for this grid")
        precondition(blockFronts >= 1 && blockFronts <= maxBlockFronts(n: n), "block of fronts out of range for this grid")
        let last = stages - 1
        let fused = n >= fusedRowsMinimumN
        let lastFront = n + 4 * last
        var blockStart = -1
        while blockStart <= lastFront {
            let blockEnd = min(blockStart + blockFronts - 1, lastFront)
            // Stages with work at some front of the block: s with 4s−1 ≤ front ≤ n+4s.
            let sLo = max(0, (blockStart - n + 3) >> 2)
            let sHi = min(last, (blockEnd + 1) >> 2)
            var s = sLo
            while s <= sHi {
                let half = (opening && s == 0) || (closing && s == last)
                let hcs = half ? hcHalf : hc, hks = half ? hkHalf : hk
                let driftsAtAll = !(opening && s == 0)
                var front = max(blockStart, 4 * s - 1)
                let end = min(blockEnd, n + 4 * s)
                while front <= end {
                    let r = front - 2 * s
                    let k = r - 1
                    let drifts = driftsAtAll && r >= 2 * s - 1 && r <= n + 2 * s - 2
                    let kicks = k >= 2 * s && k <= n + 2 * s - 1
                    let row = r < 0 ? r + n : (r >= n ? r - n : r)
                    let kickedRow = k < 0 ? k + n : (k >= n ? k - n : k)
                    if drifts && kicks && fused {
                        if pairedRows && front < end && r + 1 <= n + 2 * s - 2 {
                            // This front's and the next one's rows in one loop.
                            kickTwoRows(f, kickedRow, hc: hcs, hk: hks, dt: dt)
                            front += 2
                            continue
                        }
                        kickRow(f, kickedRow, hc: hcs, hk: hks, driftingNorth: dt)
                    } else {
                        if drifts { driftRow(f, row, dt: dt) }
                        if kicks { kickRow(f, kickedRow, hc: hcs, hk: hks) }
                    }
                    front += 1
                }
                s += 1
            }
            blockStart += blockFronts
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
