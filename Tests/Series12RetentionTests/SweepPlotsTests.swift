import Foundation
import Testing
@testable import Series12Retention

/// The plots in the κ summary archives and in tier 3, read back from the tars and parsed by
/// Python's `xml.etree` (an XML reader that is not ours).
@Suite struct SweepPlotsTests {
    static let stamp = SweepArchivesTests.stamp

    /// What an XML parser sees in an SVG: number of `<path>`s, the curves' `<title>`s, the
    /// legend's texts, the axis labels and the document title.
    struct Facts: Decodable, Equatable {
        var paths: Int
        var curves: [String]
        var legend: [String]
        var xLabel: String
        var yLabel: String
        var title: String
        var emptyPaths: Int
    }

    static let script = """
    import json, sys, xml.etree.ElementTree as ET
    ns = {"s": "http://www.w3.org/2000/svg"}
    root = ET.parse(sys.argv[1]).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg", root.tag
    def by_id(i): return root.find(f".//*[@id='{i}']")
    paths = root.findall(".//s:path", ns)
    print(json.dumps({
        "paths": len(paths),
        "curves": [p.find("s:title", ns).text for p in paths],
        "legend": [t.text for t in by_id("legend").findall("s:text", ns)],
        "xLabel": by_id("x-label").text, "yLabel": by_id("y-label").text, "title": by_id("title").text,
        "emptyPaths": sum(1 for p in paths if p.get("d") == ""),
    }))
    """

    static func facts(_ svg: [UInt8], in dir: TemporaryDirectory) throws -> Facts {
        let name = "probe-\(UUID().uuidString).svg"
        try dir.write(svg, to: name)
        defer { try? FileManager.default.removeItem(atPath: dir.file(name)) }
        let result = try python(script, [dir.file(name)])
        try #require(result.status == 0, "\(result.stderr)")
        return try JSONDecoder().decode(Facts.self, from: Data(result.stdout.utf8))
    }

    static func members(_ name: String, in dir: TemporaryDirectory) throws -> [ArchiveMember] {
        try TarArchive.decode(try dir.read(name))
    }

    @Test func kappaSummaryArchiveHoldsSummaryTextThenItsDriftPlot() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        _ = SweepArchivesTests.writeSweep(in: dir)
        let members = try Self.members("kappa_2_0000_summary_\(Self.stamp).tar", in: dir)
        #expect(members.map(\.name) == ["summary.txt", "drift.svg"])
        let facts = try Self.facts(members[1].bytes, in: dir)
        #expect(facts.paths == 1 && facts.curves == ["κ = 2"] && facts.legend == ["κ = 2"])
        #expect(facts.title == "Energy drift against time, κ = 2")
        #expect(facts.xLabel == "time t")
        #expect(facts.yLabel.hasPrefix("drift |H − H₀| / |H₀|") && facts.yLabel.contains("log scale; zeros not drawn"))
    }

    @Test func tier3HoldsDriftAndHamiltonianPlotsWithOnePathPerKappaInAscendingOrder() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let records = [sampleRecord(kappa: 2, stamp: Self.stamp), sampleRecord(kappa: 0.1, stamp: Self.stamp)]
        var histories: [String: History] = [:]
        for record in records {
            histories[ArchiveNaming.kappaTag(record.kappa)] = sampleHistory(samples: 7)
        }
        let outcome = Tier3Summary.write(sweep: "sweep", stamp: Self.stamp, version: "0.1.0", records: records, log: "",
                                         directory: dir.path, histories: histories)
        #expect(outcome.succeeded)
        let members = try Self.members(outcome.name, in: dir)
        #expect(members.map(\.name) == ["summary.json", "log.txt", "drift.svg", "hamiltonian.svg"])
        let drift = try Self.facts(members[2].bytes, in: dir)
        #expect(drift.paths == 2 && drift.curves == ["κ = 0.1", "κ = 2"] && drift.emptyPaths == 0)
        #expect(drift.title == "Energy drift against time, every κ")
        #expect(drift.yLabel.contains("log scale"))
        let hamiltonian = try Self.facts(members[3].bytes, in: dir)
        #expect(hamiltonian.paths == 2 && hamiltonian.legend == ["κ = 0.1", "κ = 2"])
        #expect(hamiltonian.yLabel == "H (discrete Hamiltonian)" && hamiltonian.xLabel == "time t")
    }

    @Test func tier3DrawsFromTheHistoryArchivesWhenNoHistoryIsInMemory() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let records = SweepArchivesTests.writeSweep(in: dir).records
        let fromDisk = try Self.members("sweep_summary_\(Self.stamp).tar", in: dir)
        var histories: [String: History] = [:]
        for record in records { histories[ArchiveNaming.kappaTag(record.kappa)] = sampleHistory(samples: 5) }
        let inMemory = Tier3Summary.write(sweep: "sweep", stamp: Self.stamp, version: "0.1.0", records: records,
                                          log: "Step 0 | H: 3.41578833e+01 | Baseline | kappa=0.1000\n",
                                          directory: dir.path, histories: histories)
        let fromMemory = try Self.members(inMemory.name, in: dir)
        #expect(fromDisk[2] == fromMemory[2] && fromDisk[3] == fromMemory[3])  // same bytes either way
        // A listed κ without a history archive is still in the legend, with an empty curve.
        let extra = sampleRecord(kappa: 3, stamp: Self.stamp, status: "running")
        let outcome = Tier3Summary.write(sweep: "sweep", stamp: Self.stamp, version: "0.1.0", records: records + [extra],
                                         log: "", directory: dir.path)
        let facts = try Self.facts(try Self.members(outcome.name, in: dir)[2].bytes, in: dir)
        #expect(facts.legend == ["κ = 0.1", "κ = 2", "κ = 3 — no history"])
        #expect(facts.paths == 3 && facts.emptyPaths == 1)
    }

    @Test func validationSummaryHasNoPlots() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let outcome = Tier3Summary.write(sweep: "validation", stamp: Self.stamp, version: "0.1.0", records: [], log: "",
                                         directory: dir.path)
        #expect(try Self.members(outcome.name, in: dir).map(\.name) == ["summary.json", "log.txt"])
    }

    @Test func legendNamesEveryStatusButDoneAndUnstableOrFailedRunsAreMarked() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let runs = ["done", "unstable", "running", "failed"].enumerated().map { i, status in
            PlottedRun(record: sampleRecord(kappa: Double(i + 1), stamp: Self.stamp, status: status), history: sampleHistory())
        }
        let svg = SweepPlots.drift(runs: runs.reversed(), sweep: "s", stamp: Self.stamp)
        let facts = try Self.facts(Array(svg.utf8), in: dir)
        #expect(facts.legend == ["κ = 1", "κ = 2 — unstable", "κ = 3 — running", "κ = 4 — failed"])
        #expect(svg.components(separatedBy: "<g id=\"end-marks\"").count == 2)
        let marks = svg.components(separatedBy: "<g id=\"end-marks\"")[1].components(separatedBy: "\n</g>\n")[0]
        #expect(marks.components(separatedBy: "<line").count - 1 == 4)  // two crosses: unstable and failed
        #expect(svg == SweepPlots.drift(runs: runs, sweep: "s", stamp: Self.stamp))  // input order does not matter
    }

    @Test func timeAxisSpansThePlannedRunAndSubtitleNamesTheSweep() {
        var record = sampleRecord(kappa: 0.5, stamp: Self.stamp)
        record.parameters.steps = 400
        record.parameters.dt = 0.01
        let axis = SweepPlots.timeAxis([PlottedRun(record: record, history: sampleHistory())])
        #expect(axis.range == 0...4)
        #expect(SweepPlots.sweepSubtitle([PlottedRun(record: record, history: nil)], sweep: "s1", stamp: Self.stamp)
                == "sweep ‘s1’ · stamp \(Self.stamp) · N=256, L=1, c=1 · 400 steps, sampled every 500")
        record.recovered = true
        #expect(SweepPlots.drift(record: record, history: sampleHistory()).contains("recovered from tier-1 text"))
        #expect(SweepPlots.kappaText(0.1) == "0.1" && SweepPlots.kappaText(2) == "2" && SweepPlots.kappaText(1.25) == "1.25")
    }

    @Test func verifyReportsACutOffPlotInAKappaSummaryArchive() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        _ = SweepArchivesTests.writeSweep(in: dir)
        #expect(ManifestCheck.check(directory: dir.path, stamp: Self.stamp) == [])
        let name = "kappa_0_1000_summary_\(Self.stamp).tar"
        var members = try Self.members(name, in: dir)
        members[1].bytes.removeLast(40)
        try dir.write(try TarArchive.encode(members), to: name)
        let problems = ManifestCheck.check(directory: dir.path, stamp: Self.stamp)
        #expect(problems.contains(.damagedMember(file: name, member: "drift.svg", reason: "not a complete UTF-8 SVG document")))
    }

    @Test func storedRunsReadsAStampAndReportsAnUnreadableArchive() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        _ = SweepArchivesTests.writeSweep(in: dir)
        try dir.write(Array("not a tar".utf8), to: "kappa_2_0000_history_\(Self.stamp).tar")
        #expect(StoredRuns.stamps(in: dir.path) == [Self.stamp])
        let stored = StoredRuns.load(stamp: Self.stamp, in: dir.path)
        #expect(stored.sweep == "sweep")
        #expect(stored.runs.map(\.kappa) == [0.1, 2])
        #expect(stored.runs[0].history == sampleHistory(samples: 5) && stored.runs[0].record?.kappa == 0.1)
        #expect(stored.runs[1].history == nil && stored.runs[1].record?.status == "done")
        #expect(stored.problems.count == 1 && stored.problems[0].hasPrefix("kappa_2_0000_history_\(Self.stamp).tar cannot be read"))
        #expect(StoredRuns.history(kappa: 2, stamp: Self.stamp, in: dir.path) == nil)
        #expect(StoredRuns.load(stamp: "20200101_000000", in: dir.path).runs.isEmpty)
    }
}
