/// The six planes of one run's state, `U = (Uxx, Uxy, Uyy)` and `P = (Pxx, Pxy, Pyy)`, in one
/// 64-byte-aligned allocation that the run owns alone (48 N² bytes and a few hundred more).
///
/// Only the thread stepping the run touches the memory; snapshots are copies. The class is not
/// `Sendable`: a run hands it to its own solver thread once and never shares it.
public final class TensorField {
    public let grid: Grid
    /// Distance in doubles from the start of one plane to the next: N² rounded up to 512 and
    /// 80 more, so plane q starts q·640 bytes further into a 4 KiB page than plane 0. With
    /// planes exactly N² apart (a multiple of 4 KiB for N ≥ 32 even) every load of one plane
    /// has the same page offset as the store just made to another, and the core's memory
    /// disambiguation stalls on those false matches: measured, the kernel ran 1.45× (N=256)
    /// and 1.7× (N=1024) slower. The padding cells stay zero and belong to no plane.
    public let planeStride: Int
    @usableFromInline let base: UnsafeMutablePointer<Double>

    /// Zero U and P.
    public init(grid: Grid) {
        self.grid = grid
        planeStride = TensorField.planeStride(cellCount: grid.cellCount)
        let count = 6 * planeStride
        let raw = UnsafeMutableRawPointer.allocate(byteCount: count * 8, alignment: 64)
        base = raw.initializeMemory(as: Double.self, repeating: 0, count: count)
    }

    deinit { UnsafeMutableRawPointer(base).deallocate() }

    /// See `planeStride`.
    static func planeStride(cellCount: Int) -> Int { (cellCount + 511) / 512 * 512 + 80 }

    /// Plane of U component `q` (`0 = xx, 1 = xy, 2 = yy`).
    @inlinable public func u(_ q: Int) -> UnsafeMutablePointer<Double> {
        base + q * planeStride
    }

    /// Plane of P component `q`.
    @inlinable public func p(_ q: Int) -> UnsafeMutablePointer<Double> {
        base + (3 + q) * planeStride
    }

    /// Plane `k` in the order Uxx, Uxy, Uyy, Pxx, Pxy, Pyy.
    @inlinable public func plane(_ k: Int) -> UnsafeMutableBufferPointer<Double> {
        UnsafeMutableBufferPointer(start: base + k * planeStride, count: grid.cellCount)
    }

    /// Copy of all six planes in the order Uxx, Uxy, Uyy, Pxx, Pxy, Pyy.
    public func planes() -> [Double] {
        var all: [Double] = []
        all.reserveCapacity(6 * grid.cellCount)
        for k in 0..<6 { all.append(contentsOf: plane(k)) }
        return all
    }

    /// Overwrites all six planes (same order as `planes()`).
    public func load(planes: [Double]) {
        let m = grid.cellCount
        precondition(planes.count == 6 * m, "expected six N×N planes")
        for k in 0..<6 { _ = plane(k).update(fromContentsOf: planes[k * m..<(k + 1) * m]) }
    }

    /// A deep copy with its own storage.
    public func copy() -> TensorField {
        let other = TensorField(grid: grid)
        other.base.update(from: base, count: 6 * planeStride)
        return other
    }

    /// Sets every cell of U from `f(x, y) -> (xx, xy, yy)` and of P from `g`.
    public func fill(u f: (Double, Double) -> (Double, Double, Double),
                     p g: (Double, Double) -> (Double, Double, Double) = { _, _ in (0, 0, 0) }) {
        let n = grid.n
        for j in 0..<n {
            let y = grid.centre(j)
            for i in 0..<n {
                let x = grid.centre(i)
                let c = j * n + i
                let (a, b, d) = f(x, y)
                u(0)[c] = a; u(1)[c] = b; u(2)[c] = d
                let (pa, pb, pd) = g(x, y)
                p(0)[c] = pa; p(1)[c] = pb; p(2)[c] = pd
            }
        }
    }

    /// Largest `U:U = Uxx² + 2Uxy² + Uyy²` over the grid (enters the stable time step).
    public func maxContraction() -> Double {
        var m = 0.0
        let a = u(0), b = u(1), d = u(2)
        for c in 0..<grid.cellCount {
            m = max(m, (a[c] * a[c] + d[c] * d[c]) + 2 * b[c] * b[c])
        }
        return m
    }
}
