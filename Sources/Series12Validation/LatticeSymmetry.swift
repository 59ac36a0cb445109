import Series12Core

/// Symmetries of the square periodic lattice acting on the tensor fields.
enum LatticeSymmetry: String, CaseIterable {
    /// `x ↔ y`.
    case swap = "swap_xy"
    /// `(x, y) → (−y, x)`.
    case rotation = "rotation_90"

    /// The transformed field, a new allocation.
    func apply(to f: TensorField) -> TensorField {
        let n = f.grid.n
        let g = TensorField(grid: f.grid)
        for j in 0..<n {
            for i in 0..<n {
                let target = j * n + i
                let source: Int
                let xySign: Double
                switch self {
                case .swap:
                    source = i * n + j
                    xySign = 1
                case .rotation:
                    source = (n - 1 - i) * n + j
                    xySign = -1
                }
                g.u(0)[target] = f.u(2)[source]
                g.u(1)[target] = xySign * f.u(1)[source]
                g.u(2)[target] = f.u(0)[source]
                g.p(0)[target] = f.p(2)[source]
                g.p(1)[target] = xySign * f.p(1)[source]
                g.p(2)[target] = f.p(0)[source]
            }
        }
        return g
    }
}
