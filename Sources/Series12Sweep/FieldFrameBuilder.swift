import Series12Core

/// Makes the `FieldFrame`s of one run, on the run's thread, at sample steps only.
///
/// A frame costs one pass over the six planes (about what measuring H costs) and, once the
/// first frame exists, no allocation beyond three five-element arrays: the planes of the frame
/// a newer one replaced come back through `recycle` and are filled in place (copied only if
/// the dashboard still holds them).
public struct FieldFrameBuilder {
    public let n: Int
    public let side: Int
    private let columns: BlockPartition
    private let rows: BlockPartition
    /// Block index of each grid column.
    private let columnBlock: [Int]
    /// Per-quantity block sums of the block row being summed (down-sampling only).
    private var sums: [Double]
    private var spare: [Float] = []

    static let quantities = FieldQuantity.allCases.count

    public init(n: Int) {
        self.n = n
        side = FieldFrame.side(forGrid: n)
        columns = BlockPartition(source: n, target: side)
        rows = columns
        columnBlock = side == n ? [] : (0..<n).map(columns.block(of:))
        sums = side == n ? [] : [Double](repeating: 0, count: Self.quantities * side)
    }

    /// Hands back the planes of a frame nobody will show again, for the next frame to fill.
    public mutating func recycle(_ old: FieldFrame?) {
        if let old, old.planes.count == Self.quantities * side * side { spare = old.planes }
    }

    /// A picture of `field` (synchronised: U and P at the same time) at `step`, `t`.
    public mutating func frame(of field: TensorField, kappa: Double, step: Int, t: Double) -> FieldFrame {
        precondition(field.grid.n == n, "a builder pictures the grid it was made for")
        let count = Self.quantities * side * side
        var planes = spare.count == count ? spare : [Float](repeating: 0, count: count)
        spare = []
        var low = [Double](repeating: .infinity, count: Self.quantities)
        var high = [Double](repeating: -.infinity, count: Self.quantities)
        var finite = true
        let f = Planes(field)
        planes.withUnsafeMutableBufferPointer { out in
            guard let base = out.baseAddress else { return }
            if side == n {
                finite = copyCells(f, into: base, low: &low, high: &high)
            } else {
                finite = averageBlocks(f, into: base, low: &low, high: &high)
            }
        }
        var nonFinite = [Int](repeating: 0, count: Self.quantities)
        if !finite { rescanNonFinite(f, low: &low, high: &high, nonFinite: &nonFinite) }
        for q in 0..<Self.quantities where low[q] > high[q] {
            low[q] = .nan
            high[q] = .nan
        }
        return FieldFrame(kappa: kappa, step: step, t: t, gridSide: n, side: side, planes: planes,
                          minimum: low, maximum: high, nonFinite: nonFinite)
    }

    /// The six planes of a field, read only.
    private struct Planes {
        let uxx, uxy, uyy, pxx, pxy, pyy: UnsafePointer<Double>
        init(_ f: TensorField) {
            uxx = UnsafePointer(f.u(0)); uxy = UnsafePointer(f.u(1)); uyy = UnsafePointer(f.u(2))
            pxx = UnsafePointer(f.p(0)); pxy = UnsafePointer(f.p(1)); pyy = UnsafePointer(f.p(2))
        }

        /// The five quantities of cell `c`: U:U, Uxx, Uxy, Uyy, |P|².
        @inline(__always)
        func quantities(_ c: Int) -> (Double, Double, Double, Double, Double) {
            let a = uxx[c], b = uxy[c], d = uyy[c]
            let pa = pxx[c], pb = pxy[c], pd = pyy[c]
            return ((a * a + d * d) + 2 * b * b, a, b, d, (pa * pa + pd * pd) + 2 * pb * pb)
        }
    }

    /// Grid no larger than the picture: every cell is a pixel. Returns false when some value
    /// is not finite (then `low`/`high` are redone by `rescanNonFinite`).
    private func copyCells(_ f: Planes, into out: UnsafeMutablePointer<Float>,
                           low: inout [Double], high: inout [Double]) -> Bool {
        let cells = n * n
        // One quantity per loop, with plain comparisons for min/max: each loop vectorises.
        var check = 0.0
        for q in 0..<Self.quantities {
            let plane = out + q * cells
            var lo = Double.infinity, hi = -Double.infinity, sum = 0.0
            switch q {
            case 0, 4:
                // U:U or |P|²: the contraction of one tensor with itself.
                let (xx, xy, yy) = q == 0 ? (f.uxx, f.uxy, f.uyy) : (f.pxx, f.pxy, f.pyy)
                for c in 0..<cells {
                    let a = xx[c], b = xy[c], d = yy[c]
                    let v = (a * a + d * d) + 2 * b * b
                    plane[c] = Float(v)
                    lo = v < lo ? v : lo
                    hi = v > hi ? v : hi
                    sum += v
                }
            default:
                let source = q == 1 ? f.uxx : q == 2 ? f.uxy : f.uyy
                for c in 0..<cells {
                    let v = source[c]
                    plane[c] = Float(v)
                    lo = v < lo ? v : lo
                    hi = v > hi ? v : hi
                }
            }
            low[q] = lo
            high[q] = hi
            check += sum  // NaN or ∞ anywhere in U or P makes U:U or |P|² so, and their sum with it
        }
        return check.isFinite
    }

    /// Grid larger than the picture: block means, one block row at a time.
    private mutating func averageBlocks(_ f: Planes, into out: UnsafeMutablePointer<Float>,
                                        low: inout [Double], high: inout [Double]) -> Bool {
        let (n, side, rows, columns) = (self.n, self.side, self.rows, self.columns)
        var lo = (Double.infinity, Double.infinity, Double.infinity, Double.infinity, Double.infinity)
        var hi = (-Double.infinity, -Double.infinity, -Double.infinity, -Double.infinity, -Double.infinity)
        var check = 0.0
        columnBlock.withUnsafeBufferPointer { blockOf in
            sums.withUnsafeMutableBufferPointer { acc in
                for by in 0..<side {
                    acc.update(repeating: 0)
                    let rowCells = rows.cells(of: by)
                    for j in rowCells {
                        for i in 0..<n {
                            let (q0, q1, q2, q3, q4) = f.quantities(j * n + i)
                            let b = blockOf[i]
                            acc[b] += q0; acc[side + b] += q1; acc[2 * side + b] += q2
                            acc[3 * side + b] += q3; acc[4 * side + b] += q4
                            lo = (min(lo.0, q0), min(lo.1, q1), min(lo.2, q2), min(lo.3, q3), min(lo.4, q4))
                            hi = (max(hi.0, q0), max(hi.1, q1), max(hi.2, q2), max(hi.3, q3), max(hi.4, q4))
                        }
                    }
                    for bx in 0..<side {
                        let cells = Double(rowCells.count * columns.cells(of: bx).count)
                        check += acc[bx] + acc[4 * side + bx]
                        for q in 0..<Self.quantities {
                            out[q * side * side + by * side + bx] = Float(acc[q * side + bx] / cells)
                        }
                    }
                }
            }
        }
        low = [lo.0, lo.1, lo.2, lo.3, lo.4]
        high = [hi.0, hi.1, hi.2, hi.3, hi.4]
        return check.isFinite
    }

    /// The slow path of an unstable run: counts non-finite cells and takes min/max over the
    /// finite ones only (`min`/`max` above let NaN through unpredictably).
    private func rescanNonFinite(_ f: Planes, low: inout [Double], high: inout [Double], nonFinite: inout [Int]) {
        low = [Double](repeating: .infinity, count: Self.quantities)
        high = [Double](repeating: -.infinity, count: Self.quantities)
        for c in 0..<(n * n) {
            let (q0, q1, q2, q3, q4) = f.quantities(c)
            for (q, v) in [q0, q1, q2, q3, q4].enumerated() {
                if v.isFinite {
                    low[q] = min(low[q], v)
                    high[q] = max(high[q], v)
                } else {
                    nonFinite[q] += 1
                }
            }
        }
    }
}
