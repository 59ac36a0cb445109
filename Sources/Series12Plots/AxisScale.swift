import Foundation

/// How an axis maps values to positions.
public enum AxisScale: Sendable, Equatable {
    /// Equal distances for equal differences.
    case linear
    /// Equal distances for equal ratios (base 10); only positive values can be placed.
    case log10

    /// True when a value can be placed on this scale: finite, and positive on a log scale.
    public func accepts(_ value: Double) -> Bool {
        switch self {
        case .linear: return value.isFinite
        case .log10: return value.isFinite && value > 0
        }
    }

    /// The coordinate the scale is linear in: the value itself, or its base-10 logarithm.
    func coordinate(_ value: Double) -> Double {
        switch self {
        case .linear: return value
        case .log10: return Foundation.log10(value)
        }
    }
}
