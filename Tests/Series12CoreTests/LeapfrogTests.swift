import Testing
import Foundation
import Series12Core

@Suite("Leapfrog stepping")
struct LeapfrogTests {
    static func gaussianField(n: Int) -> TensorField {
        let field = TensorField(grid: Grid(n: n))
        InitialCondition.default.apply(to: field)
        return field
    }

    /// A field with non-zero momentum and a non-zero rotation charge.
    static func spinningField(n: Int) -> TensorField {
        let field = TensorField(grid: Grid(n: n))
        field.fill(u: { x, y in
            let g = exp(-(x * x + y * y) / (2 * 0.08 * 0.08))
            return (g, 0.4 * g, -0.2 * g)
        }, p: { x, y in
            let g = exp(-((x - 0.05) * (x - 0.05) + y * y) / (2 * 0.06 * 0.06))
            return (-0.3 * g, 0.7 * g, 0.5 * g)
        })
        return field
    }

    @Test func fusedAndUnfusedSteppingAgreeToRoundOff() {
        let a = Self.gaussianField(n: 32), b = a.copy()
        let physics = Physics(kappa: 2)
        let dt = 0.5 * a.grid.dx / 2.0.squareRoot()
        let fused = Leapfrog(field: a, physics: physics, dt: dt)
        let plain = Leapfrog(field: b, physics: physics, dt: dt)
        fused.advance(steps: 50)
        for _ in 0..<50 { plain.kickDriftKick() }
        let scale = b.planes().map(abs).max() ?? 1
        let diff = zip(a.planes(), b.planes()).map { abs($0 - $1) }.max() ?? 0
        #expect(diff <= 1e-12 * scale)
        #expect(abs(fused.hamiltonian() - plain.hamiltonian()) <= 1e-12 * abs(plain.hamiltonian()))
    }

    @Test func driftKickFusionIsBitIdenticalToTwoPasses() {
        let a = Self.spinningField(n: 16), b = a.copy()
        let pa = Kernel.Planes(a), pb = Kernel.Planes(b)
        let idx2 = 1 / (a.grid.dx * a.grid.dx)
        Kernel.driftKick(pa, dt: 1e-3, c2: 1.3, kappa: 0.7, h: 1e-3, idx2: idx2)
        Kernel.drift(pb, dt: 1e-3)
        Kernel.kick(pb, c2: 1.3, kappa: 0.7, h: 1e-3, idx2: idx2)
        #expect(a.planes() == b.planes())
    }

    @Test func rotationChargesAreConservedToRoundOff() {
        let field = Self.spinningField(n: 32)
        let before = RotationCharge.charges(of: field)
        #expect(before.map(abs).max()! > 1e-4)
        let stepper = Leapfrog(field: field, physics: Physics(kappa: 1), dt: 0.5 * field.grid.dx / 2.0.squareRoot())
        stepper.advance(steps: 500)
        let after = RotationCharge.charges(of: field)
        let scale = before.map(abs).max()!
        for k in 0..<3 { #expect(abs(after[k] - before[k]) <= 1e-12 * scale) }
    }

    @Test func variableSpeedOperatorEqualsUniformWhenSpeedIsConstant() {
        let a = Self.spinningField(n: 24), b = a.copy()
        let c = 1.7
        let uniform = Leapfrog(field: a, physics: Physics(kappa: 0.5, speed: .uniform(c)), dt: 1e-3)
        let cells = Leapfrog(field: b, physics: Physics(kappa: 0.5, speed: .cells(squared: Array(repeating: c * c, count: 24 * 24))), dt: 1e-3)
        uniform.advance(steps: 20)
        cells.advance(steps: 20)
        let scale = a.planes().map(abs).max()!
        let diff = zip(a.planes(), b.planes()).map { abs($0 - $1) }.max()!
        #expect(diff <= 1e-12 * scale)
        let ha = uniform.hamiltonian(), hb = cells.hamiltonian()
        #expect(abs(ha - hb) <= 1e-12 * abs(ha))
    }

    @Test func firstStepFromRestIsHalfDtSquaredForce() {
        let field = Self.gaussianField(n: 32)
        let start = field.copy()
        let dt = 1e-3
        let stepper = Leapfrog(field: field, physics: Physics(kappa: 3), dt: dt)
        stepper.advance(steps: 1)
        // F(U0) via a kick of h = 1 on a copy with P = 0.
        let probe = start.copy()
        Kernel.kick(Kernel.Planes(probe), c2: 1, kappa: 3, h: 1, idx2: 1 / (field.grid.dx * field.grid.dx))
        let m = field.grid.cellCount
        var worst = 0.0
        for q in 0..<3 {
            for c in 0..<m {
                let want = start.u(q)[c] + 0.5 * dt * dt * probe.p(q)[c]
                worst = max(worst, abs(field.u(q)[c] - want))
            }
        }
        #expect(worst <= 1e-15)
    }

    @Test func stableStepIsTheLinearLimitWithoutCoupling() {
        let dx = 1.0 / 256
        let dt = StableStep.timeStep(cfl: 0.5, cMax: 1, dx: dx, kappa: 0, maxContraction: 7)
        #expect(abs(dt - 0.5 * dx / 2.0.squareRoot()) <= 1e-18)
        let stiff = StableStep.timeStep(cfl: 0.5, cMax: 1, dx: dx, kappa: 1e5, maxContraction: 1.34)
        #expect(stiff < dt)
    }
}
