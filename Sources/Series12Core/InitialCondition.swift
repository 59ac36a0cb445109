import Foundation

/// Initial data the solver accepts. The gaussian pulse is the sweep default (SPEC §1); the
/// validation suite builds its own U and P through `TensorField.fill`.
public enum InitialCondition: Sendable, Equatable {
    /// `g = A exp(−r²/(2σ²))`, `U = g·(1, 0.5, −0.3)`, `P = 0`.
    case gaussian(amplitude: Double = 1, sigma: Double = 0.05)

    public static let `default` = InitialCondition.gaussian()

    /// Name recorded in `data.json["parameters"]["initial_condition"]`.
    public var name: String {
        switch self {
        case .gaussian: return "gaussian"
        }
    }

    public func apply(to field: TensorField) {
        switch self {
        case let .gaussian(amplitude, sigma):
            let s2 = 2 * sigma * sigma
            field.fill(u: { x, y in
                let g = amplitude * exp(-(x * x + y * y) / s2)
                return (g, 0.5 * g, -0.3 * g)
            })
        }
    }
}
