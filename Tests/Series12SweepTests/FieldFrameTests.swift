import Foundation
import Testing
import Series12Core
import Series12Retention
@testable import Series12Sweep

/// The solver side of the field view: pictures made at sample steps, their min/max, and the
/// latest-wins mailbox a sweep exposes.
@Suite("Field pictures", .serialized)
struct FieldFrameTests {
    /// U:U, Uxx, Uxy, Uyy, |P|² of every cell of `planes` (six N² planes), by the definitions.
    static func quantities(_ planes: [Double], n: Int) -> [[Double]] {
        let c = n * n
        return (0..<c).map { i -> [Double] in
            let (a, b, d) = (planes[i], planes[c + i], planes[2 * c + i])
            let (pa, pb, pd) = (planes[3 * c + i], planes[4 * c + i], planes[5 * c + i])
            return [a * a + 2 * b * b + d * d, a, b, d, pa * pa + 2 * pb * pb + pd * pd]
        }
    }

    /// Equal up to the rounding of a different order of the same additions.
    static func close(_ a: Double, _ b: Double?) -> Bool {
        guard let b else { return false }
        return abs(a - b) <= 1e-14 * abs(b)
    }

    @Test func aSmallGridIsCopiedCellForCellWithExactMinAndMax() {
        let grid = Grid(n: 4)
        let field = TensorField(grid: grid)
        field.load(planes: (0..<(6 * 16)).map { Double(($0 * 7) % 23) - 11 })
        var builder = FieldFrameBuilder(n: 4)
        let f = builder.frame(of: field, kappa: 0.5, step: 1500, t: 2.25)
        #expect(f.side == 4 && f.gridSide == 4 && f.step == 1500 && f.t == 2.25 && f.kappa == 0.5)
        let q = Self.quantities(field.planes(), n: 4)
        for quantity in FieldQuantity.allCases {
            let values = q.map { $0[quantity.rawValue] }
            #expect(f.minimum[quantity.rawValue] == values.min())
            #expect(f.maximum[quantity.rawValue] == values.max())
            for y in 0..<4 {
                for x in 0..<4 { #expect(f.value(quantity, x: x, y: y) == Float(values[y * 4 + x])) }
            }
        }
        #expect(f.nonFinite == [0, 0, 0, 0, 0])
    }

    @Test func aLargeGridIsAveragedInWholeBlocksAndReusesTheRecycledBuffer() {
        // 300 > 256: pictures of 150 × 150, each value the mean of 2 × 2 cells.
        let n = 300
        let field = TensorField(grid: Grid(n: n))
        field.fill(u: { x, y in (sin(7 * x) + y, x * y, cos(5 * y)) }, p: { x, y in (x, -y, 0.5 * x * y) })
        var builder = FieldFrameBuilder(n: n)
        let f = builder.frame(of: field, kappa: 1, step: 0, t: 0)
        #expect(f.side == 150)
        let q = Self.quantities(field.planes(), n: n)
        for quantity in FieldQuantity.allCases {
            let r = quantity.rawValue
            #expect(Self.close(f.minimum[r], q.map { $0[r] }.min()))
            #expect(Self.close(f.maximum[r], q.map { $0[r] }.max()))
            for (x, y) in [(0, 0), (149, 0), (0, 149), (73, 101), (149, 149)] {
                let cells = [(2 * y) * n + 2 * x, (2 * y) * n + 2 * x + 1, (2 * y + 1) * n + 2 * x, (2 * y + 1) * n + 2 * x + 1]
                let mean = cells.map { q[$0][r] }.reduce(0, +) / 4
                #expect(abs(Double(f.value(quantity, x: x, y: y)) - mean) <= 1e-6 * max(1, abs(mean)))
            }
        }
        // A picture replaced in the mailbox and held by nobody hands its planes to the next.
        let (address, values) = {
            let replaced = builder.frame(of: field, kappa: 1, step: 500, t: 1)
            builder.recycle(replaced)
            return (replaced.planes.withUnsafeBufferPointer { $0.baseAddress }, replaced.planes.map { $0 })
        }()
        let next = builder.frame(of: field, kappa: 1, step: 1000, t: 2)
        #expect(next.planes.withUnsafeBufferPointer { $0.baseAddress } == address)
        #expect(next.planes == values && values == f.planes && next.step == 1000)
        #expect(FieldFrame.side(forGrid: 256) == 256 && FieldFrame.side(forGrid: 1024) == 256 && FieldFrame.side(forGrid: 4096) == 256)
        #expect(FieldFrame.side(forGrid: 301) == 151)
    }

    @Test func nonFiniteCellsAreCountedAndLeftOutOfMinAndMax() {
        let field = TensorField(grid: Grid(n: 3))
        field.load(planes: (0..<54).map { Double($0 % 5) })
        field.u(1)[4] = .nan
        field.p(2)[0] = .infinity
        var builder = FieldFrameBuilder(n: 3)
        let f = builder.frame(of: field, kappa: 5, step: 10, t: 1)
        #expect(f.nonFinite == [1, 0, 1, 0, 1])
        var planes = field.planes()
        planes[9 + 4] = 0
        planes[45] = 0
        let finite = Self.quantities(planes, n: 3)
        // Uxx: every cell finite; U:U: all but cell 4.
        #expect(Self.close(f.minimum[1], finite.map { $0[1] }.min()) && Self.close(f.maximum[1], finite.map { $0[1] }.max()))
        let uu = finite.enumerated().filter { $0.offset != 4 }.map { $0.element[0] }
        #expect(Self.close(f.minimum[0], uu.min()) && Self.close(f.maximum[0], uu.max()))
    }

    @Test func theLastPictureOfAFinishedRunIsItsFinalFieldsCheckpoint() throws {
        let dir = makeTemporaryDirectory("frames")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let sweep = Sweep(configuration: smallConfiguration(dir, kappas: [0.5, 2], n: 32, steps: 1000, every: 100),
                          stamp: "20260101_000000", log: Tier1Log(echo: false))
        #expect(sweep.keepsFields)
        sweep.start()
        #expect(sweep.waitUntilFinished() == 0)
        for (i, tag) in ["0_5000", "2_0000"].enumerated() {
            let f = try #require(sweep.fieldFrame(of: i))
            let fields = try FieldsSnapshot(npz: archiveMember(dir, suffix: "", member: "fields.npz", prefix: "kappa_\(tag)_fields_"))
            #expect(f.step == 1000 && Int(fields.step) == 1000 && f.t == fields.t)
            let q = Self.quantities(fields.planes, n: 32)
            for r in 0..<FieldQuantity.allCases.count {
                #expect(Self.close(f.minimum[r], q.map { $0[r] }.min()))
                #expect(Self.close(f.maximum[r], q.map { $0[r] }.max()))
            }
        }
        #expect(sweep.fieldFrame(of: 2) == nil)
    }

    @Test func onlyTheWatchedRunPicturesEverySampleStep() throws {
        let dir = makeTemporaryDirectory("watch")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var config = smallConfiguration(dir, kappas: [0.5, 2], n: 64, steps: 400_000, every: 100, jobs: 2)
        config.checkpointEvery = 100_000
        let sweep = Sweep(configuration: config, stamp: "20260101_000000", log: Tier1Log(echo: false))
        sweep.watchFields(of: 0)
        sweep.start()
        #expect(waitFor { sweep.snapshot().runs.allSatisfy { $0.step >= 1000 } })
        sweep.perform(.pauseAll)
        #expect(waitFor { sweep.snapshot().runs.allSatisfy { $0.status == .paused } })
        let runs = sweep.snapshot().runs
        // Watched: a picture at its last sample step. Unwatched: only its step-0 checkpoint's.
        #expect(sweep.fieldFrame(of: 0)?.step == runs[0].step - runs[0].step % 100)
        #expect(sweep.fieldFrame(of: 1)?.step == 0)
        sweep.perform(.interrupt)
        #expect(sweep.waitUntilFinished() == 130)
    }
}
