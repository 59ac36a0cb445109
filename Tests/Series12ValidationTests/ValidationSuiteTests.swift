import Foundation
import Synchronization
import Testing
@testable import Series12Validation

@Suite("Validation suite")
struct ValidationSuiteTests {
    @Test func anUnknownTestNumberIsRejectedBeforeAnyTestRuns() {
        let lines = Mutex<[String]>([])
        let suite = ValidationSuite { line in lines.withLock { $0.append(line) } }
        #expect(throws: UnknownValidationTest(number: 10)) {
            try suite.run(only: [1, 10], size: .reduced)
        }
        #expect(lines.withLock { $0 }.isEmpty)
        #expect(UnknownValidationTest(number: 0).description.contains("1 to 9"))
    }

    @Test func parallelRunReportsEachTestOnceAndReturnsThemInOrder() throws {
        let lines = Mutex<[String]>([])
        let suite = ValidationSuite { line in lines.withLock { $0.append(line) } }
        let results = try suite.run(only: [8, 1, 6], size: .reduced, parallel: true)
        #expect(results.map(\.number) == [1, 6, 8])
        let printed = lines.withLock { $0 }
        #expect(printed.count == 3)
        for r in results {
            #expect(printed.filter { $0.hasPrefix("Test \(r.number) \(r.name) | ") }.count == 1)
        }
        #expect(printed.allSatisfy { $0.contains("| PASS |") && $0.hasSuffix(" s") })
    }

    @Test func serialAndParallelRunsMeasureTheSameNumbers() throws {
        let suite = ValidationSuite()
        let serial = try suite.run(only: [1, 7], size: .reduced, parallel: false)
        let parallel = try suite.run(only: [1, 7], size: .reduced, parallel: true)
        #expect(serial.map(\.measured) == parallel.map(\.measured))
    }

    @Test func summaryCountsPassesAndNamesFailures() {
        let pass = Self.result(number: 2, value: 1e-3)
        let fail = Self.result(number: 3, value: 5e-3)
        #expect(ValidationSuite.summaryLine([pass], wallSeconds: 1.25) == "Validation | 1/1 passed | 1.2 s")
        #expect(ValidationSuite.summaryLine([pass, fail], wallSeconds: 2) == "Validation | 1/2 passed | FAILED: 3 | 2.0 s")
        let json = ValidationSuite.summary([pass, fail], size: .spec, wallSeconds: 2)
        #expect(json["all_passed"] == .bool(false))
        #expect(json["tests"]?.arrayValue?.count == 2)
    }

    static func result(number: Int, value: Double) -> ValidationResult {
        ValidationResult(number: number, name: "hamiltonian", criteria: [.atMost("max_drift", value, 2e-3)],
                         measured: .object([("max_drift", .number(value))]),
                         parameters: .object([("N", .int(128))]), elapsed: 0.5)
    }
}
