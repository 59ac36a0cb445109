/// The per-κ result that `data.json` holds (SPEC §4), and what tier 3 collects for every κ.
///
/// Field names follow the JSON keys exactly; non-finite H (an `unstable` run) is written as the
/// bare JSON extensions `NaN` / `Infinity`, which Python's `json` reads.
public struct RunRecord: Sendable, Equatable {
    public var kappa: Double
    public var H0: Double
    public var Hf: Double
    /// Final drift `|Hf − H0| / |H0|` (absolute when H0 = 0).
    public var drift: Double
    public var maxDrift: Double
    /// Wall-clock seconds spent computing (pauses excluded).
    public var elapsed: Double
    public var stepsDone: Int
    /// One of `queued running paused done unstable failed interrupted`.
    public var status: String
    /// Rotation charges `(L_01, L_02, L_12)` at t = 0 and at the last sample step.
    public var angularMomentumInitial: [Double]
    public var angularMomentumFinal: [Double]
    public var parameters: RunParameters
    public var stamp: String
    public var version: String
    /// True when rebuilt from tier-1 text by `series12 recover`.
    public var recovered: Bool

    public init(kappa: Double, H0: Double, Hf: Double, drift: Double, maxDrift: Double,
                elapsed: Double, stepsDone: Int, status: String,
                angularMomentumInitial: [Double], angularMomentumFinal: [Double],
                parameters: RunParameters, stamp: String, version: String, recovered: Bool = false) {
        self.kappa = kappa; self.H0 = H0; self.Hf = Hf; self.drift = drift; self.maxDrift = maxDrift
        self.elapsed = elapsed; self.stepsDone = stepsDone; self.status = status
        self.angularMomentumInitial = angularMomentumInitial
        self.angularMomentumFinal = angularMomentumFinal
        self.parameters = parameters; self.stamp = stamp; self.version = version
        self.recovered = recovered
    }
}

/// The run's parameters as `data.json["parameters"]` records them.
public struct RunParameters: Sendable, Equatable {
    public var N: Int
    public var L: Double
    public var dx: Double
    public var dt: Double
    public var c: Double
    public var cfl: Double
    public var steps: Int
    public var every: Int
    /// Name of the initial condition, `"gaussian"` for the default pulse.
    public var initialCondition: String

    public init(N: Int, L: Double, dx: Double, dt: Double, c: Double, cfl: Double,
                steps: Int, every: Int, initialCondition: String) {
        self.N = N; self.L = L; self.dx = dx; self.dt = dt; self.c = c; self.cfl = cfl
        self.steps = steps; self.every = every; self.initialCondition = initialCondition
    }
}

/// One entry per sample step (SPEC §2): the arrays of `history.npz`, all of equal length.
public struct History: Sendable, Equatable {
    public var steps: [Int64] = []
    public var t: [Double] = []
    public var H: [Double] = []
    public var drift: [Double] = []
    public var dx: [Double] = []
    public var dt: [Double] = []

    public init() {}

    public var count: Int { steps.count }

    public mutating func append(step: Int, t: Double, H: Double, drift: Double, dx: Double, dt: Double) {
        steps.append(Int64(step)); self.t.append(t); self.H.append(H)
        self.drift.append(drift); self.dx.append(dx); self.dt.append(dt)
    }
}

/// A copy of one run's synchronised fields at a sample step: the checkpoint a resume starts from.
///
/// `planes` holds six N×N row-major planes in the order Uxx, Uxy, Uyy, Pxx, Pxy, Pyy.
public struct FieldsSnapshot: Sendable, Equatable {
    public var n: Int
    public var step: Int64
    public var t: Double
    public var planes: [Double]

    public static let planeNames = ["Uxx", "Uxy", "Uyy", "Pxx", "Pxy", "Pyy"]

    public init(n: Int, step: Int64, t: Double, planes: [Double]) {
        precondition(planes.count == 6 * n * n, "a fields snapshot holds six N×N planes")
        self.n = n; self.step = step; self.t = t; self.planes = planes
    }
}
