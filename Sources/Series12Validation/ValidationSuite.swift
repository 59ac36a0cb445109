import Foundation
import Series12Retention
import Synchronization

/// Runs the validation tests of SPEC §6, one per core at once.
///
/// Each test runs whole on one dedicated `Thread` (never on the cooperative pool, which a
/// minute of number crunching would starve); with `parallel` the tests are spread over as many
/// threads as there are cores, longest first. `progress` receives each test's tier-1 line as the
/// test ends (from the worker thread, one call at a time, never interleaved).
public struct ValidationSuite: Sendable {
    public var progress: @Sendable (String) -> Void
    /// Receives each test's result as the test ends, right after its `progress` line (same
    /// thread, same serialisation): where the CLI saves the test's archive at once.
    public var onResult: @Sendable (ValidationResult) -> Void = { _ in }
    /// Told when a worker starts a test (from that worker's thread).
    public var onStart: @Sendable (ValidationTest) -> Void = { _ in }
    /// Writes `<=`/`>=` instead of `≤`/`≥` in the tier-1 lines.
    public var ascii: Bool

    public init(ascii: Bool = false, progress: @escaping @Sendable (String) -> Void = { _ in }) {
        self.ascii = ascii
        self.progress = progress
    }

    /// Test numbers the suite knows, 1…9.
    public static let testNumbers = ValidationTest.allCases.map(\.rawValue)

    /// Most expensive first, so two workers finish together (measured at `.spec` size).
    static let longestFirst: [ValidationTest] = [
        .hamiltonian, .stiffness, .cfl, .interface, .conservation, .symmetry, .temporal, .spatial, .singleStep,
    ]

    /// Runs the selected tests (all nine when `only` is nil) and returns their results in
    /// test-number order.
    /// - Throws: `UnknownValidationTest` for a number outside 1…9, before running anything.
    public func run(only: [Int]? = nil, size: ValidationSize = .spec,
                    parallel: Bool = true) throws(UnknownValidationTest) -> [ValidationResult] {
        var selected = Set(ValidationTest.allCases)
        if let only {
            selected = []
            for number in only {
                guard let test = ValidationTest(rawValue: number) else { throw UnknownValidationTest(number: number) }
                selected.insert(test)
            }
        }
        let queue = Self.longestFirst.filter(selected.contains)
        let workers = parallel ? max(1, min(ProcessInfo.processInfo.activeProcessorCount, queue.count)) : 1

        let state = Mutex(SuiteState(pending: queue))
        let report = Mutex(())
        let progress = self.progress, ascii = self.ascii, onResult = self.onResult, onStart = self.onStart
        @Sendable func work() {
            while let test = state.withLock({ $0.next() }) {
                onStart(test)
                let result = test.run(size: size)
                state.withLock { $0.results.append(result) }
                report.withLock { _ in
                    progress(result.tier1Line(ascii: ascii))
                    onResult(result)
                }
            }
        }

        if workers == 1 {
            work()
        } else {
            let group = DispatchGroup()
            for index in 0..<workers {
                group.enter()
                let thread = Thread {
                    work()
                    group.leave()
                }
                thread.name = "validation-\(index)"
                thread.stackSize = 8 << 20
                thread.start()
            }
            group.wait()
        }
        return state.withLock { $0.results }.sorted { $0.number < $1.number }
    }

    /// The tier-1 line closing a suite: `Validation | 9/9 passed | 48.2 s` (or `… | FAILED: 3, 7 | …`).
    public static func summaryLine(_ results: [ValidationResult], wallSeconds: Double) -> String {
        let failed = results.filter { !$0.passed }.map { String($0.number) }
        let verdict = failed.isEmpty ? "\(results.count)/\(results.count) passed"
            : "\(results.count - failed.count)/\(results.count) passed | FAILED: \(failed.joined(separator: ", "))"
        return "Validation | \(verdict) | " + String(format: "%.1f s", wallSeconds)
    }

    /// JSON for `validation_summary_{stamp}.tar`: `all_passed`, `size`, `wall_seconds`, and every
    /// test's full document under `tests`.
    public static func summary(_ results: [ValidationResult], size: ValidationSize,
                               wallSeconds: Double) -> JSONValue {
        .object([
            ("all_passed", .bool(!results.isEmpty && results.allSatisfy(\.passed))),
            ("passed", .integer(results.filter(\.passed).count)),
            ("count", .integer(results.count)),
            ("size", .string(size.rawValue)),
            ("wall_seconds", .number(wallSeconds)),
            ("tests", .array(results.map(\.json))),
        ])
    }
}

/// The work queue and results shared by the suite's worker threads.
private struct SuiteState: Sendable {
    var pending: [ValidationTest]
    var results: [ValidationResult] = []

    mutating func next() -> ValidationTest? { pending.isEmpty ? nil : pending.removeFirst() }
}

/// `--only` named a test the suite does not have.
public struct UnknownValidationTest: Error, CustomStringConvertible, Equatable {
    public let number: Int

    public var description: String {
        "there is no validation test \(number): the tests are numbered 1 to 9 (e.g. --only 2,5)"
    }
}
