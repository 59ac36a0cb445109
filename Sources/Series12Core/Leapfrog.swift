/// Kick–drift–kick leapfrog (velocity Verlet) on one run's fields:
///
///     P ← P + ½dt F(U);   U ← U + dt P;   P ← P + ½dt F(U)
///
/// Between sample steps the closing half-kick of a step is fused with the opening half-kick of
/// the next (one kick of `dt`), as `ref_fast.c` does. `isSynchronised` is true when P and U
/// belong to the same time (no half-kick outstanding); H, checkpoints and snapshots are taken
/// only then. The stepping state lives here, so stopping between any two `fusedStep` calls
/// and continuing later gives bit-for-bit the same result as never stopping.
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

    public init(field: TensorField, physics: Physics, dt: Double) {
        self.field = field
        self.physics = physics
        self.dt = dt
        planes = Kernel.Planes(field)
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
        if isSynchronised { openHalfKick() }
        let h = closing ? 0.5 * dt : dt
        if let faces {
            Kernel.drift(planes, dt: dt)
            Kernel.kick(planes, faces: faces, kappa: physics.kappa, h: h, idx2: idx2)
        } else {
            Kernel.driftKick(planes, dt: dt, c2: uniformC2, kappa: physics.kappa, h: h, idx2: idx2)
        }
        isSynchronised = closing
    }

    /// `count` fused steps from synchronised fields, ending synchronised.
    public func advance(steps count: Int) {
        for s in 0..<count {
            fusedStep(closing: s == count - 1)
        }
    }

    /// H of the current (synchronised) fields.
    public func hamiltonian() -> Double {
        precondition(isSynchronised, "H is measured on synchronised fields")
        return Hamiltonian.energy(of: field, physics: physics)
    }
}
