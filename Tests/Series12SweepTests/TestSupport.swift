import Foundation
import Series12Retention
import Series12Sweep

/// A fresh empty directory under /tmp, removed by the caller.
func makeTemporaryDirectory(_ label: String) -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("s12-\(label)-\(UUID().uuidString)").path
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// Member `member` of one archive in `dir` whose name starts with `prefix` and ends with `suffix`.
func archiveMember(_ dir: String, suffix: String, member: String, prefix: String = "") throws -> [UInt8] {
    let names = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(suffix) && $0.hasPrefix(prefix) }
    guard let name = names.first, let data = FileManager.default.contents(atPath: dir + "/" + name) else {
        throw UsageError("no archive *\(suffix) in \(dir)")
    }
    guard let m = try TarArchive.decode([UInt8](data)).first(where: { $0.name == member }) else {
        throw UsageError("\(name) lacks \(member)")
    }
    return m.bytes
}

func history(_ dir: String, kappaTag: String) throws -> History {
    let names = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasPrefix("kappa_\(kappaTag)_history_") }
    guard let name = names.first else { throw UsageError("no history for \(kappaTag) in \(dir)") }
    let data = FileManager.default.contents(atPath: dir + "/" + name).map { [UInt8]($0) } ?? []
    guard let m = try TarArchive.decode(data).first(where: { $0.name == "history.npz" }) else { throw UsageError("no npz") }
    return try History(npz: m.bytes)
}

func record(_ dir: String, kappaTag: String) throws -> RunRecord {
    let names = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasPrefix("kappa_\(kappaTag)_data_") }
    guard let name = names.first, let data = FileManager.default.contents(atPath: dir + "/" + name) else {
        throw UsageError("no data for \(kappaTag) in \(dir)")
    }
    guard let m = try TarArchive.decode([UInt8](data)).first(where: { $0.name == "data.json" }) else { throw UsageError("no json") }
    return try RunRecord(json: try JSONValue(parsing: m.bytes))
}

/// Runs a sweep to its end in-process (no echo) and returns its exit status.
func runSweep(_ config: SweepConfiguration, stamp: String = "20260101_000000") -> Int32 {
    let sweep = Sweep(configuration: config, stamp: stamp, log: Tier1Log(echo: false))
    sweep.start()
    return sweep.waitUntilFinished()
}

func smallConfiguration(_ dir: String, kappas: [Double], n: Int = 32, steps: Int = 2000, every: Int = 100, jobs: Int = 2) -> SweepConfiguration {
    var c = SweepConfiguration()
    c.kappas = kappas; c.n = n; c.steps = steps; c.every = every; c.jobs = jobs
    c.outputDirectory = dir; c.headless = true
    return c
}

/// Polls `condition` every millisecond for up to `seconds`.
func waitFor(_ seconds: Double = 20, _ condition: () -> Bool) -> Bool {
    let end = Date().addingTimeInterval(seconds)
    while Date() < end {
        if condition() { return true }
        usleep(1000)
    }
    return condition()
}
