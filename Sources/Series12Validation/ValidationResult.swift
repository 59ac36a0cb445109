import Series12Retention

/// The outcome of one validation test (SPEC §6): what was required, what was measured, with
/// which parameters, and how long it took.
///
/// `measured` and `parameters` are JSON objects (keys in the order the test wrote them), so
/// they carry integers, strings and arrays as well as numbers; `measured` holds every
/// criterion's value under the criterion's name, plus supporting numbers.
public struct ValidationResult: Sendable, Equatable {
    /// Test number, 1…9.
    public let number: Int
    /// `single_step`, `hamiltonian`, …: the name in `test{n}_{name}_{stamp}.tar`.
    public let name: String
    public let criteria: [Criterion]
    public let measured: JSONValue
    public let parameters: JSONValue
    /// Wall time of the test, seconds.
    public let elapsed: Double

    public init(number: Int, name: String, criteria: [Criterion], measured: JSONValue,
                parameters: JSONValue, elapsed: Double) {
        self.number = number
        self.name = name
        self.criteria = criteria
        self.measured = measured
        self.parameters = parameters
        self.elapsed = elapsed
    }

    /// True when every criterion holds (a test without criteria cannot pass).
    public var passed: Bool { !criteria.isEmpty && criteria.allSatisfy(\.passed) }

    /// The criterion on the measured quantity `name`.
    public func criterion(_ name: String) -> Criterion? { criteria.first { $0.name == name } }

    /// A measured number (integers included).
    public func measuredNumber(_ key: String) -> Double? { measured[key]?.doubleValue }
}
