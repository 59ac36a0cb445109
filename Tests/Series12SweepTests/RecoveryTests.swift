import Foundation
import Series12Retention
@testable import Series12Sweep
import Testing

/// A real small sweep in a fresh temporary directory: its tier-1 log and its archives.
struct SweepFixture {
    static let stamp = "20261204_120000"
    let directory: String
    let log: String

    /// Runs κ = 0.1, 0.5 on a 16² grid for 300 steps, sampling every 20.
    init() throws {
        directory = try Self.temporaryDirectory()
        let config = try SweepConfiguration.parse([
            "--kappas", "0.1,0.5", "--N", "16", "--steps", "300", "--every", "20", "--jobs", "2",
            "--out", directory, "--stamp", Self.stamp, "--headless",
        ])
        let log = Tier1Log(echo: false)
        let sweep = Sweep(configuration: config, stamp: Self.stamp, log: log)
        sweep.start()
        _ = sweep.waitUntilFinished()
        self.log = log.text
    }

    static func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "series12-recovery-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        return path
    }

    func path(_ name: String) -> String { directory + "/" + name }

    func remove() { try? FileManager.default.removeItem(atPath: directory) }

    static func archive(_ kappa: Double, _ kind: KappaArchiveKind) -> String {
        ArchiveNaming.kappaArchive(kappa: kappa, kind: kind, stamp: stamp)
    }

    /// One member of a tar in `directory`.
    static func member(_ name: String, of file: String, in directory: String) throws -> [UInt8] {
        let bytes = try #require(FileManager.default.contents(atPath: directory + "/" + file))
        let members = try TarArchive.decode(Array(bytes))
        return try #require(members.first { $0.name == name }).bytes
    }

    static func history(_ kappa: Double, in directory: String) throws -> History {
        try History(npz: member("history.npz", of: archive(kappa, .history), in: directory))
    }

    static func record(_ kappa: Double, in directory: String) throws -> RunRecord {
        try RunRecord(json: JSONValue(parsing: member("data.json", of: archive(kappa, .data), in: directory)))
    }

    static func sha(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { SHA256.hex(of: Array($0)) }
    }
}

@Suite struct RecoveryTests {
    static let kappas = [0.1, 0.5]

    @Test func cleanLogRebuildsEveryKappaToPrintedPrecision() throws {
        let sweep = try SweepFixture()
        defer { sweep.remove() }
        let out = try SweepFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: out) }

        let result = Recovery.rebuild(text: sweep.log)
        #expect(result.notes.isEmpty)
        #expect(result.stamps == [SweepFixture.stamp])
        #expect(result.runs.map { LogLine.k4($0.kappa) } == ["0.1000", "0.5000"])
        let events = Recovery.write(result, to: out, sweep: "sweep", force: false)
        let outcomes = events.compactMap(\.outcome)
        #expect(outcomes.count == 7 && outcomes.allSatisfy(\.succeeded), "\(outcomes)")

        for kappa in Self.kappas {
            let original = try SweepFixture.history(kappa, in: sweep.directory)
            let recovered = try SweepFixture.history(kappa, in: out)
            #expect(recovered.steps == original.steps)
            #expect(recovered.t == original.t, "t = step·dt with dt printed exactly")
            #expect(recovered.dt == original.dt && recovered.dx == original.dx)
            for (r, o) in zip(recovered.H, original.H) {
                #expect(abs(r - o) <= 5e-9 * abs(o), "H \(r) vs \(o): %.8e keeps 9 significant digits")
            }
            for (r, o) in zip(recovered.drift, original.drift) { #expect(abs(r - o) <= 2e-8) }

            let before = try SweepFixture.record(kappa, in: sweep.directory)
            let after = try SweepFixture.record(kappa, in: out)
            #expect(after.recovered && !before.recovered)
            #expect(after.status == before.status && after.stepsDone == before.stepsDone)
            #expect(after.parameters.dt == before.parameters.dt && after.parameters.N == before.parameters.N)
            #expect(after.parameters.c == 1 && after.parameters.cfl == 0.5, "the defaults reproduce dt")
            #expect(after.angularMomentumInitial.allSatisfy { $0.isNaN })
        }
        #expect(ManifestCheck.check(directory: out, stamp: SweepFixture.stamp).isEmpty)
        let tier3 = try JSONValue(parsing: SweepFixture.member("summary.json", of: "sweep_summary_\(SweepFixture.stamp).tar", in: out))
        #expect(tier3["recovered"]?.boolValue == true)
        #expect(tier3["kappas"]?.arrayValue?.count == 2)
    }

    @Test func messyPasteGivesTheSameHistoriesAsTheCleanLog() throws {
        let sweep = try SweepFixture()
        defer { sweep.remove() }
        let clean = Recovery.rebuild(text: sweep.log)
        let messy = Recovery.rebuild(text: Self.messyPaste(of: sweep.log))

        #expect(messy.runs.map(\.history) == clean.runs.map(\.history))
        // Compared as data.json text: the NaN angular momenta make RunRecord's == false.
        #expect(messy.runs.map { $0.record.json.serialized() } == clean.runs.map { $0.record.json.serialized() })
        #expect(messy.runs.allSatisfy { $0.notes.isEmpty })
        #expect(messy.notes.count == 1)
        guard case .truncatedLastLine = try #require(messy.notes.first) else {
            Issue.record("expected the truncated last line to be reported, got \(messy.notes)")
            return
        }
    }

    /// The log as a hand-made screen copy: a prompt and a traceback, the κ lines of one stretch
    /// regrouped, a chunk pasted twice, pane borders, CRLF, wrapped at 80 columns, and a last
    /// line cut short.
    static func messyPaste(of log: String) -> String {
        var lines = log.split(separator: "\n").map(String.init)
        let middle = 12..<30
        let regrouped = lines[middle].filter { !$0.contains("kappa=0.5000") } + lines[middle].filter { $0.contains("kappa=0.5000") }
        lines.replaceSubrange(middle, with: regrouped)
        lines.insert(contentsOf: lines[6..<20], at: 24)
        let truncated = String(lines.first { $0.hasPrefix("Step 40 ") }!.prefix(27))
        var physical = [
            "user@colab:~$ series12 sweep --kappas 0.1,0.5 --N 16",
            "Traceback (most recent call last):",
            "  File \"/content/run.py\", line 12, in <module>",
            "KeyboardInterrupt",
            "\u{1B}[1;32m──────────── pane ────────────\u{1B}[0m",
        ]
        for (i, line) in lines.enumerated() {
            var rest = Substring(line)
            while rest.count > 80 {
                physical.append(String(rest.prefix(80)))
                rest = rest.dropFirst(80)
            }
            physical.append(String(rest))
            if i % 7 == 3 { physical.append("Step counter reset? (unrelated chatter)") }
        }
        physical = physical.enumerated().map { i, line in
            switch i % 4 {
            case 1: return "│ " + line
            case 2: return "│ " + line + "   │ top - 12:00:01 up 3 days"
            case 3: return line + "\r"
            default: return line
            }
        }
        return (physical + [truncated]).joined(separator: "\n")
    }

    @Test func runLineCutInsideEveryIsRejoined() {
        let text = """
        Run 20261204_120000 | kappa=0.1000 | N=16 | L=1 | dx=0.0625 | dt=0.02 | steps=200 | every=1
        00
        Step 0 | H: 1.00000000e+00 | Baseline | kappa=0.1000
        Step 100 | H: 1.00000100e+00 | Drift: 1.0000e-06 | kappa=0.1000
        Step 200 | H: 1.00000200e+00 | Drift: 2.0000e-06 | kappa=0.1000
        Done kappa=0.1000 | status=done | steps=200 | H0: 1.00000000e+00 | Hf: 1.00000200e+00 | drift: 2.0000e-06 | elapsed: 0.50 s
        """
        let result = Recovery.rebuild(text: text)
        #expect(result.runs.first?.record.parameters.every == 100)
        #expect(result.runs.first?.notes.contains { if case .missingSamples = $0 { return true }; return false } == false)
    }

    @Test func conflictsGapsAndMissingDoneLineAreReported() throws {
        let text = """
        Run 20261204_120000 | kappa=0.2000 | N=16 | L=1 | dx=0.0625 | dt=0.02 | steps=500 | every=100
        Step 0 | H: 1.00000000e+00 | Baseline | kappa=0.2000
        Step 100 | H: 1.00000100e+00 | Drift: 1.0000e-06 | kappa=0.2000
        Step 100 | H: 1.00000100e+00 | Drift: 1.0000e-06 | kappa=0.2000
        Step 100 | H: 1.50000100e+00 | Drift: 5.0000e-01 | kappa=0.2000
        Step 300 | H: 1.00000300e+00 | Drift: 3.0000e-06 | kappa=0.2000
        """
        let run = try #require(Recovery.rebuild(text: text).runs.first)
        #expect(run.history.steps == [0, 100, 300])
        #expect(run.history.H[1] == 1.000001, "the first of two conflicting values is kept")
        #expect(run.history.t == [0, 2, 6])
        #expect(run.record.status == "interrupted" && run.record.stepsDone == 300 && run.record.Hf == 1.000003)
        #expect(abs(run.record.drift - 3e-6) < 1e-12)
        #expect(run.record.parameters.c.isNaN, "dt=0.02 is not the default rule's")
        #expect(run.notes.contains(.conflictingStep(stamp: "20261204_120000", kappa: 0.2, step: 100, kept: 1.000001, other: 1.500001, line: 5)))
        #expect(run.notes.contains(.missingSamples(stamp: "20261204_120000", kappa: 0.2, steps: [200])))
        #expect(run.notes.contains(.noDoneLine(stamp: "20261204_120000", kappa: 0.2, lastStep: 300)))
    }

    @Test func runWithoutStepsIsReportedAndNothingIsBuiltForIt() {
        let text = """
        Run 20261204_120000 | kappa=0.1000 | N=16 | L=1 | dx=0.0625 | dt=0.02 | steps=200 | every=100
        Run 20261204_120000 | kappa=0.5000 | N=16 | L=1 | dx=0.0625 | dt=0.02 | steps=200 | every=100
        Step 0 | H: 1.00000000e+00 | Baseline | kappa=0.1000
        """
        let result = Recovery.rebuild(text: text)
        #expect(result.runs.map(\.kappa) == [0.1])
        #expect(result.notes == [.runWithoutSteps(stamp: "20261204_120000", kappa: 0.5)])
    }

    @Test func stepsWhoseRunLineScrolledOffBorrowTheSweepParameters() throws {
        let sweep = try SweepFixture()
        defer { sweep.remove() }
        let text = sweep.log.split(separator: "\n").filter { !($0.hasPrefix("Run ") && $0.contains("kappa=0.5000")) }.joined(separator: "\n")
        let result = Recovery.rebuild(text: text)
        let run = try #require(result.runs.first { $0.kappa == 0.5 })
        let original = try SweepFixture.record(0.5, in: sweep.directory)
        #expect(run.record.parameters.dt == original.parameters.dt, "dt from the default stable-step rule")
        #expect(run.notes.contains(.borrowedParameters(stamp: SweepFixture.stamp, kappa: 0.5, dtKnown: true)))
    }

    @Test func binaryJunkRecoversNothing() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        let junk = (0..<20_000).map { _ -> UInt8 in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return UInt8(truncatingIfNeeded: state >> 33)
        }
        let result = Recovery.rebuild(text: String(decoding: junk, as: UTF8.self))
        #expect(result.runs.isEmpty)
        #expect(result.linesRead == 0)
        #expect(Recovery.rebuild(text: "").runs.isEmpty)
    }

    @Test func recoveredArchivesCarryPlotsOfTheRecoveredHistories() throws {
        let sweep = try SweepFixture()
        defer { sweep.remove() }
        let out = try SweepFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let result = Recovery.rebuild(text: sweep.log)
        _ = Recovery.write(result, to: out, sweep: "sweep", force: false)
        for run in result.runs {
            let file = SweepFixture.archive(run.kappa, .summary)
            let members = try TarArchive.decode(Array(try #require(FileManager.default.contents(atPath: out + "/" + file))))
            #expect(members.map(\.name) == ["summary.txt", "drift.svg", Recovery.markerMember])
            let svg = String(decoding: members[1].bytes, as: UTF8.self)
            #expect(svg == SweepPlots.drift(record: run.record, history: run.history))
            #expect(svg.contains("recovered from tier-1 text"))
        }
        let tier3 = "sweep_summary_\(SweepFixture.stamp).tar"
        let stored = StoredRuns.load(stamp: SweepFixture.stamp, in: out)
        #expect(stored.runs.map(\.history) == result.runs.map(\.history))
        let drift = try SweepFixture.member("drift.svg", of: tier3, in: out)
        #expect(drift == Array(SweepPlots.drift(runs: stored.runs, sweep: "sweep", stamp: SweepFixture.stamp).utf8))
        let hamiltonian = try SweepFixture.member("hamiltonian.svg", of: tier3, in: out)
        #expect(String(decoding: hamiltonian, as: UTF8.self).components(separatedBy: "<path ").count - 1 == 2)
    }

    @Test func originalArchivesAreKeptUnlessForced() throws {
        let sweep = try SweepFixture()
        defer { sweep.remove() }
        let names = try FileManager.default.contentsOfDirectory(atPath: sweep.directory).sorted()
        let before = names.map { SweepFixture.sha(sweep.path($0)) }
        let result = Recovery.rebuild(text: sweep.log)

        let refused = Recovery.write(result, to: sweep.directory, sweep: "sweep", force: false).compactMap(\.outcome)
        #expect(refused.count == 7 && refused.allSatisfy { $0.failureReason == Recovery.refusalReason })
        #expect(names.map { SweepFixture.sha(sweep.path($0)) } == before, "no original file changed")

        let forced = Recovery.write(result, to: sweep.directory, sweep: "sweep", force: true).compactMap(\.outcome)
        #expect(forced.allSatisfy { $0.succeeded })
        #expect(try SweepFixture.record(0.1, in: sweep.directory).recovered)

        let again = Recovery.write(result, to: sweep.directory, sweep: "sweep", force: false).compactMap(\.outcome)
        #expect(again.count == 7 && again.allSatisfy(\.succeeded), "recover may replace what recover wrote")
        let fields = SweepFixture.archive(0.1, .fields)
        #expect(FileManager.default.fileExists(atPath: sweep.path(fields)), "the original fields checkpoint is untouched")
    }
}
