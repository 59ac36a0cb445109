/// The wave speed c of `∂t P = ∇·(c² ∇U) − κ (U:U) U`.
///
/// `uniform` uses the plain 5-point Laplacian; `cells` stores c² per cell and uses face means
/// `c²_f = (c²_a + c²_b)/2` (SPEC §1), which keeps the scheme symplectic for the discrete H.
public enum WaveSpeed: Sendable, Equatable {
    case uniform(Double)
    /// c² per cell, row-major N×N.
    case cells(squared: [Double])

    /// Largest c over the grid (enters the stable time step).
    public var maximum: Double {
        switch self {
        case .uniform(let c): return abs(c)
        case .cells(let c2): return (c2.max() ?? 0).squareRoot()
        }
    }
}

/// Everything the right-hand side `F(U)` needs besides the fields.
public struct Physics: Sendable, Equatable {
    public var kappa: Double
    public var speed: WaveSpeed

    public init(kappa: Double, speed: WaveSpeed = .uniform(1)) {
        self.kappa = kappa
        self.speed = speed
    }
}
