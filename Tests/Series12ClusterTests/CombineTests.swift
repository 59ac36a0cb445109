import Foundation
import Series12Cluster
import Series12Retention
import Series12Sweep
import Testing

@Suite("combine: tier 3 from the tasks' archives and logs", .serialized)
struct CombineTests {
    let stamp = "20260705_013138"

    /// One array task, in-process: `sweep --task` of one κ.
    func task(_ dir: String, kappa: Double, steps: Int = 300) throws {
        var c = SweepConfiguration()
        c.kappas = [kappa]; c.n = 16; c.steps = steps; c.every = 100; c.jobs = 1
        c.outputDirectory = dir; c.name = "clu"; c.stamp = stamp; c.task = true; c.headless = true
        try c.validate()
        let log = Tier1Log(echo: false)
        try log.attachFile(path: dir + "/" + ArchiveNaming.taskLog(sweep: "clu", kappa: kappa, stamp: stamp))
        let sweep = Sweep(configuration: c, stamp: stamp, log: log)
        sweep.start()
        #expect(sweep.waitUntilFinished() == 0)
        log.closeFile()
    }

    func request(_ dir: String, expected: [Double]?, tasksEnded: Bool = true) -> CombineRequest {
        CombineRequest(directory: dir, stamp: stamp, sweep: "clu", expected: expected, tasksEnded: tasksEnded, ascii: false)
    }

    func tier3(_ dir: String) throws -> (summary: JSONValue, log: String) {
        let data = try #require(FileManager.default.contents(atPath: dir + "/clu_summary_\(stamp).tar"))
        let members = try TarArchive.decode([UInt8](data))
        let json = try JSONValue(parsing: try #require(members.first { $0.name == "summary.json" }).bytes)
        return (json, String(decoding: try #require(members.first { $0.name == "log.txt" }).bytes, as: UTF8.self))
    }

    @Test func tasksWriteNoTier3AndCombineBuildsItFromAllOfThem() throws {
        let dir = makeTemporaryDirectory("combine")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for k in [0.5, 0.1] { try task(dir, kappa: k) }
        #expect(!FileManager.default.fileExists(atPath: dir + "/clu_summary_\(stamp).tar"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/clu_log_\(stamp).txt"))
        let log = Tier1Log(echo: false)
        let report = Combine.run(request(dir, expected: [0.1, 0.5]), log: log)
        #expect(report.status == 0 && report.kappas.map(\.verdict) == [.done, .done] && report.tier3?.succeeded == true)
        let (summary, text) = try tier3(dir)
        #expect(summary["kappas"]?.arrayValue?.compactMap { $0["kappa"]?.doubleValue } == [0.1, 0.5])
        let listed = summary["files"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
        #expect(listed == Listing.tier2(dir, stamp: stamp) && listed.count == 8)
        let lines = text.split(separator: "\n").map(String.init)
        // κ by κ: every line of κ = 0.1's log before the first of κ = 0.5's.
        let firstHalf = try #require(lines.firstIndex { $0.hasPrefix("Run ") && $0.contains("kappa=0.5000") })
        #expect(lines[..<firstHalf].contains { $0.hasPrefix("Done kappa=0.1000 | status=done") })
        #expect(lines.contains("Combine \(stamp) | sweep=clu | kappas=2 | done=2 | unfinished=0 | ended=0 | missing=0"))
        #expect(lines.filter { $0.hasPrefix("Step ") }.count == 8)
        #expect(ManifestCheck.check(directory: dir, stamp: stamp).isEmpty)
    }

    @Test func missingAndUnfinishedKappasAreReportedAndTier3StillWritten() throws {
        let dir = makeTemporaryDirectory("combine")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try task(dir, kappa: 0.1)
        try task(dir, kappa: 0.5)
        // κ = 0.5 as a time limit leaves it: its last checkpoint says interrupted at step 100.
        let name = ArchiveNaming.kappaArchive(kappa: 0.5, kind: .data, stamp: stamp)
        let members = try TarArchive.decode([UInt8](try #require(FileManager.default.contents(atPath: dir + "/" + name))))
        var record = try RunRecord(json: try JSONValue(parsing: try #require(members.first).bytes))
        record.status = "interrupted"
        record.stepsDone = 100
        #expect(AtomicArchive().write(members: [ArchiveMember(name: "data.json", bytes: record.json.fileBytes())], to: name,
                                      in: dir, stamp: stamp).succeeded)
        // A temporary left by a killed writer, and κ = 2 whose task never ran.
        let leftover = ".kappa_0_5000_fields_\(stamp).tar.4242.tmp"
        try "partial".write(toFile: dir + "/" + leftover, atomically: false, encoding: .utf8)
        let log = Tier1Log(echo: false)
        let report = Combine.run(request(dir, expected: [0.1, 0.5, 2]), log: log)
        #expect(report.status == 1)
        #expect(report.kappas.map(\.verdict) == [.done, .unfinished("interrupted"), .missing])
        #expect(report.removedTemporaries == [leftover] && !FileManager.default.fileExists(atPath: dir + "/" + leftover))
        let lines = log.lines()
        #expect(lines.contains("Combine \(stamp) | sweep=clu | kappas=3 | done=1 | unfinished=1 | ended=0 | missing=1"))
        #expect(lines.contains("  kappa=0.5000: unfinished: status=interrupted at step 100 of 300; continue it with 'series12 resume --stamp \(stamp) --out \(dir)'"))
        #expect(lines.contains { $0.hasPrefix("  kappa=2.0000: no archive and no task log: its task never ran (see clu_slurm_task2_\(stamp).out") })
        let (summary, _) = try tier3(dir)
        #expect(summary["kappas"]?.arrayValue?.compactMap { $0["status"]?.stringValue } == ["done", "interrupted"])
    }

    @Test func combineLeavesTemporariesAloneWhileTasksMayRun() throws {
        let dir = makeTemporaryDirectory("combine")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try task(dir, kappa: 0.1)
        let inFlight = ".kappa_0_1000_fields_\(stamp).tar.999999.tmp"
        try "x".write(toFile: dir + "/" + inFlight, atomically: false, encoding: .utf8)
        let log = Tier1Log(echo: false)
        let report = Combine.run(request(dir, expected: nil, tasksEnded: false), log: log)
        #expect(report.status == 0 && report.removedTemporaries.isEmpty)
        #expect(FileManager.default.fileExists(atPath: dir + "/" + inFlight))
        #expect(log.lines().contains { $0.hasPrefix("Warning: \(inFlight) is being written by a running task or was left by a killed one") })
    }

    @Test func resumeOfAClusterSweepReadsTheTaskLogs() throws {
        let dir = makeTemporaryDirectory("combine")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try task(dir, kappa: 0.1)
        let plan = try ResumePlan.load(directory: dir, stamp: stamp, jobs: 1)
        #expect(plan.configuration.name == "clu" && plan.plans.isEmpty && plan.finished.count == 1)
        #expect(plan.earlierLog.first?.hasPrefix("Run \(stamp) | kappa=0.1000") == true)
    }

    @Test(arguments: [
        [String](), ["/tmp"], ["/tmp", "--stamp", "2026"], ["/nonexistent", "--stamp", "20260705_013138"],
        ["/tmp", "/tmp", "--stamp", "20260705_013138"], ["DIR", "--stamp", "20260705_013138", "--name", "a b"],
        ["DIR", "--stamp", "20260705_013138", "--kappas", "0.1,-1"], ["DIR", "--stamp", "20260705_013138", "--bogus"],
        ["DIR", "--stamp", "20260705_013138"],
    ])
    func badCombineRequestsAreUsageErrors(_ args: [String]) throws {
        let dir = makeTemporaryDirectory("combine-bad")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let arguments = args.map { $0 == "DIR" ? dir : $0 }
        do {
            _ = try CombineRequest.parse(arguments)
            Issue.record("accepted \(arguments)")
        } catch {
            #expect(!error.message.contains("\n"))
        }
        #expect((try? FileManager.default.contentsOfDirectory(atPath: dir)) == [])
    }
}

enum Listing {
    /// Tier-2 archive names of `stamp` in `dir`, sorted.
    static func tier2(_ dir: String, stamp: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { ArchiveNaming.isTier2($0, stamp: stamp) }.sorted()
    }
}
