import Foundation
import Testing
@testable import Series12Validation

@Suite("Validation results as lines and JSON")
struct ValidationResultReportingTests {
    static let sample = ValidationResult(
        number: 2, name: "hamiltonian",
        criteria: [.atMost("max_drift", 1.07e-3, 2e-3), .within("halving_ratio", 4.06, 3.5, 4.5)],
        measured: .object([("max_drift", .number(1.07e-3)), ("halving_ratio", .number(4.06))]),
        parameters: .object([("N", .int(128)), ("kappa", .number(0.1))]), elapsed: 12.34)

    @Test func tier1LineListsEachCriterionWithItsBound() {
        #expect(Self.sample.tier1Line()
            == "Test 2 hamiltonian | max_drift=1.07e-03 (≤ 2e-3) | halving_ratio=4.060 (in [3.5, 4.5]) | PASS | 12.3 s")
        #expect(Self.sample.tier1Line(ascii: true)
            == "Test 2 hamiltonian | max_drift=1.07e-03 (<= 2e-3) | halving_ratio=4.060 (in [3.5, 4.5]) | PASS | 12.3 s")
    }

    @Test func aFailedCriterionFailsTheTestAndTheLineSaysSo() {
        let failed = ValidationResult(number: 4, name: "cfl",
                                      criteria: [.atMost("max_drift", 0.5, 1e-2),
                                                 Criterion(name: "unstable_step", value: nil,
                                                           requirement: "unstable within 2000 steps", passed: false)],
                                      measured: .object([]), parameters: .object([]), elapsed: 1)
        #expect(!failed.passed)
        #expect(failed.tier1Line().contains("unstable_step=none (unstable within 2000 steps) | FAIL |"))
    }

    @Test func jsonCarriesTheSixFieldsTheSpecNamesAndParsesAsJSON() throws {
        let json = Self.sample.json
        for key in ["test", "passed", "criteria", "measured", "parameters", "elapsed"] {
            #expect(json[key] != nil, "missing \(key)")
        }
        #expect(json["test"] == .int(2))
        #expect(json["criteria"]?["halving_ratio"]?["passed"] == .bool(true))
        let parsed = try JSONSerialization.jsonObject(with: Data(json.serialized().utf8)) as? [String: Any]
        #expect(parsed?["passed"] as? Bool == true)
    }

    @Test func boundsAreWrittenTheWayTheSpecWritesThem() {
        #expect(Criterion.compact(2e-3) == "2e-3")
        #expect(Criterion.compact(1e-12) == "1e-12")
        #expect(Criterion.compact(3.5) == "3.5")
        #expect(Criterion.compact(0.05) == "0.05")
        #expect(Criterion.compact(1000) == "1000")
    }

    @Test func notANumberFailsEveryBound() {
        #expect(!Criterion.atMost("x", .nan, 1).passed)
        #expect(!Criterion.atLeast("x", .nan, 1).passed)
        #expect(!Criterion.within("x", .nan, 0, 1).passed)
        #expect(Criterion.atLeast("x", .infinity, 3).passed)
        #expect(Criterion.within("x", 3.5, 3.5, 4.5).passed)
    }
}
