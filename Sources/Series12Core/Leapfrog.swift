/// Kick–drift–kick leapfrog (velocity Verlet) on one run's fields:
///
///     P ← P + ½dt F(U);   U ← U + dt P;   P ← P + ½dt F(U)
///
/// Between sample steps the closing half-kick of a step is fused with the opening half-kick of
/// the next (one kick of `dt`), as `ref_fast.c` does. `isSynchronised` is true when P and U
/// belong to the same time (no half-kick outstanding); H, checkpoints and snapshots are taken
/// only then. The stepping state lives here, so stopping between any two `fusedStep` /
/// `fusedSteps` calls and continuing later gives bit-for-bit the same result as never stopping.
///
/// `fusedSteps(count:closingLast:)` takes up to `blockStages` steps per sweep over memory
/// (temporal blocking, `Kernel.wavefront`); the result is the same bits however the steps are
/// grouped into calls, so callers pick the grouping for responsiveness only.
public final class Leapfrog {
    public let field: TensorField
    public let physics: Physics
    /// Time step; negative steps integrate backwards (reversibility test).
    public let dt: Double
    public private(set) var isSynchronised = true

    private let planes: Kernel.Planes
    private let idx2: Double
    private let uniformC2: Double
    private let faces: Kernel.FaceSpeeds?

    /// `blockStages`, `blockFronts` and `pairedRows` override the stages per sweep, the fronts
    /// a stage takes in turn and whether it does two rows per loop (tests); nil picks them
    /// from N.
    public init(field: TensorField, physics: Physics, dt: Double, blockStages: Int? = nil, blockFronts: Int? = nil,
                pairedRows: Bool? = nil) {
        self.field = field
        self.physics = physics
        self.dt = dt
        planes = Kernel.Planes(field)
        let n = field.grid.n
        self.blockStages = max(1, min(blockStages ?? Leapfrog.preferredStages(n: n), Kernel.maxStages(n: n)))
        self.blockFronts = max(1, min(blockFronts ?? Leapfrog.preferredBlockFronts(n: n), Kernel.maxBlockFronts(n: n)))
        self.pairedRows = pairedRows ?? (n >= Leapfrog.pairedRowsMinimumN)
        let dx = field.grid.dx
        idx2 = 1 / (dx * dx)
        switch physics.speed {
        case .uniform(let c):
            uniformC2 = c * c
            faces = nil
        case .cells(let c2):
            uniformC2 = 0
            faces = Kernel.FaceSpeeds(cellSquared: c2, n: field.grid.n)
        }
    }

    /// Stages per sweep for an n×n grid: at most 32, and few enough that the rows in flight
    /// (about 2·stages + 3 rows of 48·n bytes, plus `blockFronts`) fit a share of the L3
    /// (6 MiB, two runs side by side): 32 up to N=1024, 30 at N=2048, 14 at N=4096. Measured,
    /// interleaved: 16 stages over 6 at N=1024 (out of L2 into the L3), +5 % alone and +2 to
    /// +10 % with two runs at once; then 32 over 16, +6 % at N=1024 alone and +5 % two at
    /// once, +3 % (30) at N=2048, +2 % at N=256.
    static func preferredStages(n: Int) -> Int {
        let rowBytes = 48 * n
        let inL3Share = ((6 << 20) / rowBytes - 3) / 2
        return max(1, min(inL3Share, 32, Kernel.maxStages(n: n)))
    }

    /// Fronts of the wavefront a stage takes in turn (see `Kernel.wavefront`); two or more let
    /// a stage do two rows in one loop (`pairedRows`). 16 up to N=512, where the rows a stage
    /// works on stay in L1 from one row to the next, which saves more than the 16 extra rows
    /// in flight (48·N bytes each) cost; 4 at N=1024; 2 above. Measured, interleaved, one row
    /// per loop: blocks of 16 against 1: N=64 +11 %, N=128 +12 %, N=256 +4 to +15 %, N=512
    /// +3 to +6 %. With two rows per loop, blocks of 4 against 2 at N=1024: +3 %; of 16
    /// against 2 at N=4096: −5 %.
    static func preferredBlockFronts(n: Int) -> Int {
        min(n <= 512 ? 16 : (n <= 1024 ? 4 : 2), Kernel.maxBlockFronts(n: n))
    }

    /// Smallest grid whose stages do two rows per loop over the columns. Measured,
    /// interleaved, against one row per loop: N=128 −3 %, N=256 ±0, N=512 +2 %, N=1024 +8 %,
    /// N=4096 +28 % (the second row's edge cells cost more on short rows than the loads saved).
    static let pairedRowsMinimumN = 512
    /// `P += h F(U)`.
    public func kick(_ h: Double) {
        if let faces {
            Kernel.kick(planes, faces: faces, kappa: physics.kappa, h: h, idx2: idx2)
        } else {
            Kernel.kick(planes, c2: uniformC2, kappa: physics.kappa, h: h, idx2: idx2)
        }
    }

    /// `U += dt P`.
    public func drift() { Kernel.drift(planes, dt: dt) }

    /// One unfused kick–drift–kick step from synchronised fields to synchronised fields.
    public func kickDriftKick() {
        precondition(isSynchronised, "an unfused step starts from synchronised fields")
        kick(0.5 * dt)
        drift()
        kick(0.5 * dt)
    }

    /// Opens a run of fused steps: the first half-kick.
    public func openHalfKick() {
        precondition(isSynchronised, "a half-kick opens only from synchronised fields")
        kick(0.5 * dt)
        isSynchronised = false
    }

    /// One fused step: drift, then a whole kick, or the closing half-kick when `closing`
    /// (the next step is a sample step, where P must be synchronised).
    public func fusedStep(closing: Bool) {
        fusedSteps(count: 1, closingLast: closing)
    }

    /// Stages per sweep over memory in `fusedSteps` (temporal blocking): sized so the rows in
    /// flight (about 2·stages + 3 rows of 48·N bytes) stay in cache (see `preferredStages`);
    /// 32 at N=256 and N=1024, 14 at N=4096.
    public let blockStages: Int

    /// Fronts a stage takes in turn in `fusedSteps` (see `preferredBlockFronts`).
    public let blockFronts: Int

    /// Whether a stage does two rows per loop over the columns (see `pairedRowsMinimumN`).
    public let pairedRows: Bool

    /// `count` fused steps, the last one closing (ending synchronised) when `closingLast`;
    /// bit for bit the same as `count` calls of `fusedStep(closing:)` with `closing` false
    /// except on the last, whatever `count` is: the steps go through memory `blockStages` at a
    /// time (see `Kernel.wavefront`), and every cell gets the same arithmetic in either case.
    /// An opening half-kick (from synchronised fields) rides along as an extra stage.
    public func fusedSteps(count: Int, closingLast: Bool) {
        precondition(count >= 0, "a negative number of steps")
        guard count > 0 else { return }
        if let faces {
            for s in 0..<count {
                if isSynchronised { openHalfKick() }
                let h = closingLast && s == count - 1 ? 0.5 * dt : dt
                Kernel.drift(planes, dt: dt)
                Kernel.kick(planes, faces: faces, kappa: physics.kappa, h: h, idx2: idx2)
                isSynchronised = closingLast && s == count - 1
            }
            return
        }
        let c2 = uniformC2, kappa = physics.kappa
        let h = dt, half = 0.5 * dt
        let hc = h * c2 * idx2, hk = h * kappa
        let hcHalf = half * c2 * idx2, hkHalf = half * kappa
        var remaining = count
        while remaining > 0 {
            let opening = isSynchronised
            let steps = min(remaining, blockStages - (opening ? 1 : 0))
            let closing = closingLast && steps == remaining
            if steps == 0 {
                // One-stage blocks: the opening half-kick goes alone.
                Kernel.wavefront(planes, stages: 1, opening: true, closing: false, dt: dt,
                                 hc: hc, hk: hk, hcHalf: hcHalf, hkHalf: hkHalf, blockFronts: blockFronts, pairedRows: pairedRows)
                isSynchronised = false
                continue
            }
            Kernel.wavefront(planes, stages: steps + (opening ? 1 : 0), opening: opening, closing: closing, dt: dt,
                             hc: hc, hk: hk, hcHalf: hcHalf, hkHalf: hkHalf, blockFronts: blockFronts, pairedRows: pairedRows)
            isSynchronised = closing
            remaining -= steps
        }
    }

    /// `count` fused steps from synchronised fields, ending synchronised.
    public func advance(steps count: Int) {
        fusedSteps(count: count, closingLast: true)
    }

    /// H of the current (synchronised) fields.
    public func hamiltonian() -> Double {
        precondition(isSynchronised, "H is measured on synchronised fields")
        return Hamiltonian.energy(of: field, physics: physics, faces: faces)
    }
}
