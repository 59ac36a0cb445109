/// The six planes of one run's state, `U = (Uxx, Uxy, Uyy)` and `P = (Pxx, Pxy, Pyy)`, in one
/// 64-byte-aligned allocation that the run owns alone (48 N² bytes).
///
/// Only the thread stepping the run touches the memory; snapshots are copies. The class is not
/// `Sendable`: a run hands it to its own solver thread once and never shares it.
public final class TensorField {
    public let grid: Grid
    /// Plane `q` of U (`0 = xx, 1 = xy, 2 = yy`) starts at `base + q·N²`; plane `q` of P at
    /// `base + (3 + q)·N²`.
    public let storage: UnsafeMutableBufferPointer<Double>

    /// Zero U and P.
    public init(grid: Grid) {
        self.grid = grid
        let count = 6 * grid.cellCount
        let raw = UnsafeMutableRawPointer.allocate(byteCount: count * 8, alignment: 64)
        let typed = raw.initializeMemory(as: Double.self, repeating: 0, count: count)
        storage = UnsafeMutableBufferPointer(start: typed, count: count)
    }

    deinit { UnsafeMutableRawPointer(storage.baseAddress!).deallocate() }

    /// Plane of U component `q` (`0 = xx, 1 = xy, 2 = yy`).
    @inlinable public func u(_ q: Int) -> UnsafeMutablePointer<Double> {
        storage.baseAddress! + q * grid.cellCount
    }

    /// Plane of P component `q`.
    @inlinable public func p(_ q: Int) -> UnsafeMutablePointer<Double> {
        storage.baseAddress! + (3 + q) * grid.cellCount
    }

    /// Copy of all six planes in the order Uxx, Uxy, Uyy, Pxx, Pxy, Pyy.
    public func planes() -> [Double] { Array(storage) }

    /// Overwrites all six planes (same order as `planes()`).
    public func load(planes: [Double]) {
        precondition(planes.count == storage.count, "expected six N×N planes")
        _ = storage.update(fromContentsOf: planes)
    }

    /// A deep copy with its own storage.
    public func copy() -> TensorField {
        let other = TensorField(grid: grid)
        _ = other.storage.update(fromContentsOf: storage)
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
