import Foundation
@testable import Series12Retention

/// A fresh directory under the system temporary directory, removed by `remove()`.
struct TemporaryDirectory {
    let path: String

    init() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("s12-retention-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
        path = url.path
    }

    func file(_ name: String) -> String { path + "/" + name }

    func write(_ bytes: [UInt8], to name: String) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: file(name)))
    }

    func read(_ name: String) throws -> [UInt8] { Array(try Data(contentsOf: URL(fileURLWithPath: file(name)))) }

    func names() -> [String] { ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted() }

    func remove() {
        // Restore permissions a test may have removed, then delete everything.
        _ = chmod(path, 0o755)
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// Output of an external program run to completion.
struct ProgramResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs `executable` (looked up on PATH via /usr/bin/env) with `arguments`.
func runProgram(_ executable: String, _ arguments: [String]) throws -> ProgramResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [executable] + arguments
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return ProgramResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                         stderr: String(decoding: errData, as: UTF8.self))
}

/// Runs a Python 3 script with `arguments` in `sys.argv[1:]`.
func python(_ script: String, _ arguments: [String] = []) throws -> ProgramResult {
    try runProgram("python3", ["-c", script] + arguments)
}

/// A RunRecord with awkward values: non-round doubles, tiny and large exponents.
func sampleRecord(kappa: Double = 0.1, stamp: String = "20260704_120000", H0: Double = 34.157883312345678,
                  Hf: Double = 34.15791234567891, status: String = "done") -> RunRecord {
    let parameters = RunParameters(N: 256, L: 1, dx: 1.0 / 256, dt: 0.5 / 256 / 2.0.squareRoot(), c: 1, cfl: 0.5,
                                   steps: 20000, every: 500, initialCondition: "gaussian")
    return RunRecord(kappa: kappa, H0: H0, Hf: Hf, drift: abs(Hf - H0) / abs(H0), maxDrift: 2.5e-6, elapsed: 12.345678,
                     stepsDone: 20000, status: status, angularMomentumInitial: [1e-300, -0.0, 3.14159],
                     angularMomentumFinal: [1.0000000000000002, Double.leastNonzeroMagnitude, -2.5e17], parameters: parameters,
                     stamp: stamp, version: "0.1.0")
}

/// A short history whose drift column is consistent with H.
func sampleHistory(samples: Int = 5) -> History {
    var history = History()
    let h0 = 34.157883312345678
    for k in 0..<samples {
        let h = h0 * (1 + 1e-7 * Double(k * k))
        history.append(step: 500 * k, t: 0.000976 * Double(500 * k), H: h, drift: abs(h - h0) / h0,
                       dx: 1.0 / 256, dt: 0.5 / 256 / 2.0.squareRoot())
    }
    return history
}

/// A fields snapshot with distinct, non-round values in every plane.
func sampleFields(n: Int = 8) -> FieldsSnapshot {
    let planes = (0..<(6 * n * n)).map { sin(Double($0) * 0.7311) * exp(Double($0 % 17) - 8) }
    return FieldsSnapshot(n: n, step: 12_500, t: 12.207031250000002, planes: planes)
}

/// Where the project's shared tools live (`/work/shared/tools` beside the checkout).
let sharedToolsDirectory: String = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("shared/tools").path
