import Foundation
import Series12Retention

extension ValidationResult {
    /// The test's JSON document, the member of `test{n}_{name}_{stamp}.tar`:
    /// `test`, `name`, `passed`, `criteria` (name → requirement, value, passed), `measured`,
    /// `parameters`, `elapsed` (s).
    public var json: JSONValue {
        let criteriaObject: [(key: String, value: JSONValue)] = criteria.map { c in
            (c.name, .object([
                ("requirement", .string(c.requirement)),
                ("value", c.value.map(JSONValue.number) ?? .null),
                ("passed", .bool(c.passed)),
            ]))
        }
        return .object([
            ("test", .int(Int64(number))),
            ("name", .string(name)),
            ("passed", .bool(passed)),
            ("criteria", .object(criteriaObject)),
            ("measured", measured),
            ("parameters", parameters),
            ("elapsed", .number(elapsed)),
        ])
    }

    /// The tier-1 line printed when the test ends:
    /// `Test 2 hamiltonian | max_drift=1.07e-03 (≤ 2e-3) | halving_ratio=4.06 (in [3.5, 4.5]) | PASS | 12.3 s`.
    /// With `ascii`, `≤`/`≥` become `<=`/`>=`.
    public func tier1Line(ascii: Bool = false) -> String {
        var parts = ["Test \(number) \(name)"]
        for c in criteria {
            let value = c.value.map(Self.formatValue) ?? "none"
            var requirement = c.requirement
            if ascii {
                requirement = requirement.replacingOccurrences(of: "≤", with: "<=")
                    .replacingOccurrences(of: "≥", with: ">=")
            }
            parts.append("\(c.name)=\(value) (\(requirement))")
        }
        parts.append(passed ? "PASS" : "FAIL")
        parts.append(String(format: "%.1f s", elapsed))
        return parts.joined(separator: " | ")
    }

    /// Four significant figures: fixed notation between 1e-2 and 1e4, else `1.07e-03`.
    static func formatValue(_ x: Double) -> String {
        if x.isNaN { return "nan" }
        if x.isInfinite { return x > 0 ? "inf" : "-inf" }
        if x == x.rounded() && abs(x) < 1e9 { return String(Int64(x)) }
        let m = abs(x)
        if m >= 1e-2 && m < 1e4 { return String(format: "%#.4g", x) }
        return String(format: "%.2e", x)
    }
}
