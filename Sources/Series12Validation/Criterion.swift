import Foundation

/// One pass/fail condition of a validation test: a measured number against a fixed bound.
///
/// The bound is part of the test's definition (SPEC §6) and never adapts to the measurement.
/// `value` is nil when the quantity does not exist for this run (e.g. the step at which a run
/// went unstable, for a run that stayed stable).
public struct Criterion: Sendable, Equatable {
    /// Name of the measured quantity, `snake_case`, unique within its test.
    public let name: String
    public let value: Double?
    /// The bound in words: `≤ 2e-3`, `in [3.5, 4.5]`, `within 1e-3 of 1/9`.
    public let requirement: String
    public let passed: Bool

    public init(name: String, value: Double?, requirement: String, passed: Bool) {
        self.name = name
        self.value = value
        self.requirement = requirement
        self.passed = passed
    }

    /// `value ≤ limit` (a NaN value fails).
    public static func atMost(_ name: String, _ value: Double, _ limit: Double) -> Criterion {
        Criterion(name: name, value: value, requirement: "≤ \(compact(limit))", passed: value <= limit)
    }

    /// `value ≥ limit` (a NaN value fails; +∞ passes).
    public static func atLeast(_ name: String, _ value: Double, _ limit: Double) -> Criterion {
        Criterion(name: name, value: value, requirement: "≥ \(compact(limit))", passed: value >= limit)
    }

    /// `low ≤ value ≤ high`.
    public static func within(_ name: String, _ value: Double, _ low: Double, _ high: Double) -> Criterion {
        Criterion(name: name, value: value, requirement: "in [\(compact(low)), \(compact(high))]",
                  passed: value >= low && value <= high)
    }

    /// `|value − target| ≤ tolerance`; `targetText` names the target (`1/9`).
    public static func near(_ name: String, _ value: Double, _ target: Double, tolerance: Double,
                            targetText: String) -> Criterion {
        Criterion(name: name, value: value, requirement: "within \(compact(tolerance)) of \(targetText)",
                  passed: abs(value - target) <= tolerance)
    }

    /// A bound written the way the spec writes it: `2e-3`, `1e-12`, `3.5`, `2000`.
    public static func compact(_ x: Double) -> String {
        guard x.isFinite, x != 0 else { return "\(x)" }
        let magnitude = abs(x)
        if magnitude >= 1e-2 && magnitude < 1e5 {
            return String(format: "%g", x)
        }
        let exponent = Int(floor(log10(magnitude)))
        let mantissa = x / pow(10, Double(exponent))
        return String(format: "%ge%d", mantissa, exponent)
    }
}
