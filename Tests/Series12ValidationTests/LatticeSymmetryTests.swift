import Testing
import Series12Core
@testable import Series12Validation

@Suite("Lattice symmetries of the tensor field")
struct LatticeSymmetryTests {
    static func marked() -> TensorField {
        let f = TensorField(grid: Grid(n: 8))
        f.load(planes: (0..<(6 * 64)).map { Double($0 % 97) - 40 })
        return f
    }

    @Test func swappingTwiceAndRotatingFourTimesGiveBackTheField() {
        let f = Self.marked()
        let swapped = LatticeSymmetry.swap.apply(to: LatticeSymmetry.swap.apply(to: f))
        #expect(swapped.planes() == f.planes())
        var g = f
        for _ in 0..<4 { g = LatticeSymmetry.rotation.apply(to: g) }
        #expect(g.planes() == f.planes())
        #expect(LatticeSymmetry.rotation.apply(to: f).planes() != f.planes())
    }

    @Test func rotationMovesACellFromXYToMinusYXAndTurnsTheTensor() {
        let n = 8
        let f = TensorField(grid: Grid(n: n))
        let (i, j) = (1, 2)
        f.u(0)[j * n + i] = 3
        f.u(1)[j * n + i] = 5
        f.u(2)[j * n + i] = 7
        let g = LatticeSymmetry.rotation.apply(to: f)
        // (x, y) → (−y, x): column i' = N−1−j, row j' = i.
        let target = i * n + (n - 1 - j)
        #expect(f.grid.centre(n - 1 - j) == -f.grid.centre(j))
        #expect(g.u(0)[target] == 7)
        #expect(g.u(1)[target] == -5)
        #expect(g.u(2)[target] == 3)
        #expect((0..<3).map { q in (0..<(n * n)).filter { g.u(q)[$0] != 0 }.count } == [1, 1, 1])
    }
}
