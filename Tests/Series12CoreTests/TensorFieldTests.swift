import Testing
@testable import Series12Core

@Suite("Layout of the six planes")
struct TensorFieldTests {
    /// Page offset (address mod 4 KiB) of each plane's first cell.
    static func pageOffsets(_ f: TensorField) -> [Int] {
        (0..<3).map { Int(bitPattern: f.u($0)) & 4095 } + (0..<3).map { Int(bitPattern: f.p($0)) & 4095 }
    }

    @Test(arguments: [64, 256, 1024, 100, 33])
    func planesAreAlignedAndStartAtDifferentPageOffsets(n: Int) {
        let f = TensorField(grid: Grid(n: n))
        let offsets = Self.pageOffsets(f)
        #expect(offsets.allSatisfy { $0 % 64 == 0 }, "planes keep 64-byte alignment: \(offsets)")
        // No two planes share a page offset, and none is within two cache lines of another:
        // a store to one plane and a load from another at the same cell never look alike.
        for a in 0..<6 {
            for b in 0..<6 where a != b {
                let d = (offsets[a] - offsets[b] + 4096) % 4096
                #expect(min(d, 4096 - d) >= 128, "planes \(a) and \(b) at \(offsets)")
            }
        }
        #expect(f.planeStride >= n * n)
        #expect(6 * f.planeStride * 8 <= 48 * n * n + 6 * (4096 + 640), "padding stays under 5 KB a plane")
    }

    @Test func planesLoadAndCopyIgnoreThePadding() {
        let n = 5
        let f = TensorField(grid: Grid(n: n))
        let values = (0..<(6 * n * n)).map { Double($0) * 0.5 - 3 }
        f.load(planes: values)
        #expect(f.planes() == values)
        #expect(f.copy().planes() == values)
        #expect(f.u(1)[0] == values[n * n])
        #expect(f.p(2)[n * n - 1] == values[6 * n * n - 1])
        for k in 0..<6 { #expect(Array(f.plane(k)) == Array(values[k * n * n..<(k + 1) * n * n])) }
    }
}
