/// The stable leapfrog time step of SPEC §1.
public enum StableStep {
    /// `ω_max² = 8 c_max²/dx² + 3 κ max(U:U)`: the highest frequency of the linearised scheme
    /// (the 5-point Laplacian's largest eigenvalue is 8/dx²) plus the nonlinear stiffness.
    public static func maxFrequency(cMax: Double, dx: Double, kappa: Double, maxContraction: Double) -> Double {
        (8 * cMax * cMax / (dx * dx) + 3 * kappa * maxContraction).squareRoot()
    }

    /// `dt = ν · 2/ω_max`. For κ = 0 this is the linear limit `ν dx/(c√2)`.
    public static func timeStep(cfl: Double, cMax: Double, dx: Double, kappa: Double, maxContraction: Double) -> Double {
        cfl * 2 / maxFrequency(cMax: cMax, dx: dx, kappa: kappa, maxContraction: maxContraction)
    }

    /// The linear-only step `ν dx/(c√2)` that ignores κ (validation test 9 compares against it).
    public static func linearTimeStep(cfl: Double, c: Double, dx: Double) -> Double {
        cfl * dx / (c * 2.0.squareRoot())
    }
}
