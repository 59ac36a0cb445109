/// The nine tests of SPEC §6, numbered as the spec numbers them.
public enum ValidationTest: Int, CaseIterable, Sendable {
    case singleStep = 1
    case hamiltonian
    case interface
    case cfl
    case conservation
    case spatial
    case symmetry
    case temporal
    case stiffness

    /// The name in `test{n}_{name}_{stamp}.tar`.
    public var name: String {
        switch self {
        case .singleStep: return "single_step"
        case .hamiltonian: return "hamiltonian"
        case .interface: return "interface"
        case .cfl: return "cfl"
        case .conservation: return "conservation"
        case .spatial: return "spatial"
        case .symmetry: return "symmetry"
        case .temporal: return "temporal"
        case .stiffness: return "stiffness"
        }
    }

    /// Runs the test on the calling thread.
    public func run(size: ValidationSize) -> ValidationResult {
        switch self {
        case .singleStep: return Self.singleStep(size: size)
        case .hamiltonian: return Self.hamiltonian(size: size)
        case .interface: return Self.interface(size: size)
        case .cfl: return Self.cfl(size: size)
        case .conservation: return Self.conservation(size: size)
        case .spatial: return Self.spatial(size: size)
        case .symmetry: return Self.symmetry(size: size)
        case .temporal: return Self.temporal(size: size)
        case .stiffness: return Self.stiffness(size: size)
        }
    }
}
