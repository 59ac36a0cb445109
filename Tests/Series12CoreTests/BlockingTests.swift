import Testing
import Foundation
import Series12Core

/// Temporal blocking (several steps per sweep over memory) must give bit for bit the results
/// of stepping one step at a time, for any grouping of the steps.
@Suite("Temporal blocking")
struct BlockingTests {
    /// Non-symmetric fields with momentum, so every row and column differs.
    static func field(n: Int) -> TensorField {
        let field = TensorField(grid: Grid(n: n))
        field.fill(u: { x, y in
            let g = exp(-((x - 0.07) * (x - 0.07) + (y + 0.03) * (y + 0.03)) / (2 * 0.12 * 0.12))
            return (g + 0.1 * sin(6.3 * x), 0.4 * g * cos(6.3 * y), -0.2 * g + 0.05 * x * y)
        }, p: { x, y in
            let g = exp(-((x - 0.05) * (x - 0.05) + y * y) / (2 * 0.1 * 0.1))
            return (-0.3 * g, 0.7 * g + 0.1 * y, 0.5 * g - 0.2 * x)
        })
        return field
    }

    static func bits(_ f: TensorField) -> [UInt64] { f.planes().map(\.bitPattern) }

    static let sizes = [3, 4, 5, 8, 9, 10, 11, 12, 13, 15, 16, 17, 18, 24, 25, 37, 64, 100]

    @Test func wavefrontEqualsStageByStageForEveryStageCount() {
        let dt = 1.3e-3, c2 = 1.7, kappa = 2.5
        for n in Self.sizes {
            let idx2 = Double(n * n)
            let hc = dt * c2 * idx2, hk = dt * kappa
            let hcHalf = 0.5 * dt * c2 * idx2, hkHalf = 0.5 * dt * kappa
            let maxFronts = Kernel.maxBlockFronts(n: n)
            for stages in 1...Kernel.maxStages(n: n) {
                for opening in [false, true] {
                    for closing in [false, true] {
                        let b = Self.field(n: n)
                        let pb = Kernel.Planes(b)
                        for s in 0..<stages {
                            let isOpening = opening && s == 0
                            let half = isOpening || (closing && s == stages - 1)
                            if !isOpening { Kernel.drift(pb, dt: dt) }
                            Kernel.kick(pb, c2: c2, kappa: kappa, h: half ? 0.5 * dt : dt, idx2: idx2)
                        }
                        // Blocks of fronts: one (front by front), small ones, a block that does
                        // not divide the fronts, and the largest allowed (with the most stages,
                        // the two reach furthest round the periodic seam); each with rows one per
                        // loop and two per loop (the latter from n = 16, where rows are fused).
                        for blockFronts in Set([1, 2, 3, 7, maxFronts]) where blockFronts <= maxFronts {
                            for pairedRows in [false, true] {
                                let a = Self.field(n: n)
                                Kernel.wavefront(Kernel.Planes(a), stages: stages, opening: opening, closing: closing, dt: dt,
                                                 hc: hc, hk: hk, hcHalf: hcHalf, hkHalf: hkHalf, blockFronts: blockFronts,
                                                 pairedRows: pairedRows)
                                let same = Self.bits(a) == Self.bits(b)
                                #expect(same, "n=\(n) stages=\(stages) blockFronts=\(blockFronts) pairedRows=\(pairedRows) opening=\(opening) closing=\(closing)")
                            }
                        }
                    }
                }
            }
        }
    }

    /// Sample steps (closing) inside the run, a pause between any two calls, several block
    /// sizes: the histories are identical bit for bit.
    @Test func blockedStepsEqualSingleStepsWithSamplesAndPauses() {
        for n in [8, 13, 37, 64] {
            let start = Self.field(n: n)
            let physics = Physics(kappa: 1.5)
            let dt = 0.4 * start.grid.dx / 2.0.squareRoot()
            let samples: Set<Int> = [7, 20, 21, 40, 53]
            let total = 53

            // Reference: one fused step at a time, as the sweep did.
            let ref = start.copy()
            let one = Leapfrog(field: ref, physics: physics, dt: dt, blockStages: 1, blockFronts: 1)
            var refSnapshots: [[UInt64]] = []
            for step in 0..<total {
                one.fusedStep(closing: samples.contains(step + 1))
                if samples.contains(step + 1) {
                    #expect(one.isSynchronised)
                    refSnapshots.append(Self.bits(ref))
                }
            }

            for stages in [1, 2, 3, 4, 5, 8, 16] where stages <= Kernel.maxStages(n: n) {
                for (chunk, blockFronts, paired) in [(1, 1, false), (3, 2, true), (8, 16, true), (100, 1, false),
                                                     (100, 5, false), (100, 5, true), (100, 16, true)] {
                    let f = start.copy()
                    let leapfrog = Leapfrog(field: f, physics: physics, dt: dt, blockStages: stages, blockFronts: blockFronts,
                                            pairedRows: paired)
                    var step = 0
                    var snapshots: [[UInt64]] = []
                    while step < total {
                        let next = samples.filter { $0 > step }.min()!
                        let count = min(chunk, next - step)
                        leapfrog.fusedSteps(count: count, closingLast: step + count == next)
                        step += count
                        if step == next {
                            #expect(leapfrog.isSynchronised)
                            snapshots.append(Self.bits(f))
                        } else {
                            #expect(!leapfrog.isSynchronised)
                        }
                    }
                    let same = snapshots == refSnapshots
                    #expect(same, "n=\(n) stages=\(stages) blockFronts=\(leapfrog.blockFronts) paired=\(paired) chunk=\(chunk)")
                }
            }
        }
    }

    /// Pause/resume through a checkpoint: a new Leapfrog on the restored synchronised fields
    /// continues exactly as the uninterrupted one.
    @Test func resumingFromSynchronisedFieldsIsBitForBit() {
        let n = 37
        let physics = Physics(kappa: 0.5)
        let dt = 0.5 * (1.0 / Double(n)) / 2.0.squareRoot()
        let a = Self.field(n: n)
        let uninterrupted = Leapfrog(field: a, physics: physics, dt: dt, blockStages: 1)
        uninterrupted.advance(steps: 17)
        uninterrupted.advance(steps: 23)
        let b = Self.field(n: n)
        Leapfrog(field: b, physics: physics, dt: dt, blockStages: 3).advance(steps: 17)
        let resumed = TensorField(grid: b.grid)
        resumed.load(planes: b.planes())
        Leapfrog(field: resumed, physics: physics, dt: dt, blockStages: 9).advance(steps: 23)
        let same = Self.bits(a) == Self.bits(resumed)
        #expect(same)
    }

    /// The vector body and the scalar remainder and boundary columns do the same arithmetic:
    /// the kick equals the per-cell formula, written out cell by cell, bit for bit.
    @Test func kickEqualsTheCellFormulaBitForBit() {
        for n in [3, 7, 8, 9, 10, 11, 16, 17, 18, 37] {
            let f = Self.field(n: n), g = f.copy()
            let c2 = 1.3, kappa = 0.9, h = 2e-3, idx2 = Double(n * n)
            Kernel.kick(Kernel.Planes(f), c2: c2, kappa: kappa, h: h, idx2: idx2)
            let hc = h * c2 * idx2, hk = h * kappa
            let u = (0..<3).map { q in Array(UnsafeBufferPointer(start: g.u(q), count: n * n)) }
            for j in 0..<n {
                for i in 0..<n {
                    let c = j * n + i
                    let e = j * n + (i + 1) % n, w = j * n + (i + n - 1) % n
                    let no = ((j + 1) % n) * n + i, so = ((j + n - 1) % n) * n + i
                    let a = u[0][c], b = u[1][c], d = u[2][c]
                    let ks = hk * ((a * a + d * d) + 2 * b * b)
                    for q in 0..<3 {
                        let x = u[q][c]
                        g.p(q)[c] += hc * ((u[q][e] + u[q][w]) + (u[q][no] + u[q][so]) - 4 * x) - ks * x
                    }
                }
            }
            let same = Self.bits(f) == Self.bits(g)
            #expect(same, "n=\(n)")
            let f2 = Self.field(n: n), g2 = f2.copy()
            Kernel.drift(Kernel.Planes(f2), dt: 3e-3)
            for q in 0..<3 { for c in 0..<(n * n) { g2.u(q)[c] += 3e-3 * g2.p(q)[c] } }
            let sameDrift = Self.bits(f2) == Self.bits(g2)
            #expect(sameDrift, "drift n=\(n)")
        }
    }
}
