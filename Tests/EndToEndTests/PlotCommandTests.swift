import Foundation
import Series12Retention
import Testing

/// The plots a sweep keeps in its archives and `series12 plot`, driven through the binary; the
/// SVGs are read by Python's tarfile and xml.etree.
@Suite("plots in the archives and series12 plot, end to end", .serialized)
struct PlotCommandTests {
    static let older = "20260705_120000"
    static let newer = "20260705_130000"

    /// A small three-κ sweep into `dir` with a fixed stamp; returns its stdout (the tier-1 text).
    @discardableResult
    static func sweep(_ dir: String, stamp: String = newer) throws -> String {
        let r = try Binary.series12(["sweep", "--headless", "--kappas", "0.1,0.5,2", "--N", "32", "--steps", "600",
                                     "--every", "50", "--stamp", stamp, "--out", dir])
        try #require(r.status == 0, "\(r.stderr)")
        return r.stdout
    }

    static func member(_ name: String, of file: String, in dir: String) throws -> [UInt8] {
        let bytes = try #require(FileManager.default.contents(atPath: dir + "/" + file))
        return try #require(try TarArchive.decode(Array(bytes)).first { $0.name == name }).bytes
    }

    /// For every tar in `dir`: its member names, and for each SVG member the number of `<path>`s,
    /// the legend texts and the axis labels, as Python's tarfile and xml.etree read them.
    static let probe = """
    import json, os, sys, tarfile, xml.etree.ElementTree as ET
    S = "{http://www.w3.org/2000/svg}"
    out = {}
    for name in sorted(os.listdir(sys.argv[1])):
        if not name.endswith(".tar"): continue
        with tarfile.open(os.path.join(sys.argv[1], name)) as tar:
            entry = {"members": [m.name for m in tar.getmembers()], "svg": {}}
            for m in tar.getmembers():
                if not m.name.endswith(".svg"): continue
                root = ET.fromstring(tar.extractfile(m).read())
                assert root.tag == S + "svg"
                ids = {e.get("id"): e for e in root.iter() if e.get("id")}
                entry["svg"][m.name] = {
                    "paths": len(root.findall(f".//{S}path")),
                    "legend": [t.text for t in ids["legend"].findall(f"{S}text")],
                    "x": ids["x-label"].text, "y": ids["y-label"].text,
                }
        out[name] = entry
    print(json.dumps(out))
    """

    struct SVGFacts: Decodable { var paths: Int; var legend: [String]; var x: String; var y: String }
    struct TarFacts: Decodable { var members: [String]; var svg: [String: SVGFacts] }

    static func facts(_ dir: String) throws -> [String: TarFacts] {
        let r = try Binary.run(["python3", "-c", probe, dir])
        try #require(r.status == 0, "\(r.stderr)")
        return try JSONDecoder().decode([String: TarFacts].self, from: Data(r.stdout.utf8))
    }

    @Test func sweepArchivesHoldPlotsThatParseAndTheDirectoryStillPassesTheChecker() throws {
        let dir = Binary.temporaryDirectory("plots")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Self.sweep(dir)
        let facts = try Self.facts(dir)
        let tier3 = try #require(facts["sweep_summary_\(Self.newer).tar"])
        #expect(tier3.members == ["summary.json", "log.txt", "drift.svg", "hamiltonian.svg"])
        #expect(tier3.svg["drift.svg"]?.paths == 3 && tier3.svg["hamiltonian.svg"]?.paths == 3)
        #expect(tier3.svg["drift.svg"]?.legend == ["κ = 0.1", "κ = 0.5", "κ = 2"])
        #expect(tier3.svg["drift.svg"]?.x == "time t")
        #expect(tier3.svg["drift.svg"]?.y.contains("log scale") == true)
        #expect(tier3.svg["hamiltonian.svg"]?.y == "H (discrete Hamiltonian)")
        for (kt, legend) in [("0_1000", "κ = 0.1"), ("0_5000", "κ = 0.5"), ("2_0000", "κ = 2")] {
            let summary = try #require(facts["kappa_\(kt)_summary_\(Self.newer).tar"])
            #expect(summary.members == ["summary.txt", "drift.svg"])
            #expect(summary.svg["drift.svg"]?.paths == 1 && summary.svg["drift.svg"]?.legend == [legend])
            #expect(facts["kappa_\(kt)_history_\(Self.newer).tar"]?.members == ["history.npz"])
        }
        let check = try Binary.checkOutputs(dir, ["--fields"])
        #expect(check.status == 0, "\(check.stdout)")
        let verify = try Binary.series12(["verify", dir])
        #expect(verify.status == 0, "\(verify.stdout)")
        let gnu = try Binary.run(["tar", "-tf", dir + "/sweep_summary_\(Self.newer).tar"])
        #expect(gnu.stdout == "summary.json\nlog.txt\ndrift.svg\nhamiltonian.svg\n")
    }

    @Test func plotPrintsTheArchivedSVGsOfTheNewestOrTheChosenStamp() throws {
        let dir = Binary.temporaryDirectory("plot")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Self.sweep(dir, stamp: Self.older)
        try Self.sweep(dir, stamp: Self.newer)
        let before = Binary.files(dir)

        let newest = try Binary.series12(["plot", dir])
        #expect(newest.status == 0)
        #expect(Array(newest.stdout.utf8) == (try Self.member("drift.svg", of: "sweep_summary_\(Self.newer).tar", in: dir)))
        #expect(newest.stderr == "series12 plot: stamp \(Self.newer), the newest of 2 in \(dir) (choose another with --stamp)\n")

        let hamiltonian = try Binary.series12(["plot", dir, "--stamp", Self.older, "--kind", "hamiltonian"])
        #expect(hamiltonian.status == 0 && hamiltonian.stderr.isEmpty)
        #expect(Array(hamiltonian.stdout.utf8) == (try Self.member("hamiltonian.svg", of: "sweep_summary_\(Self.older).tar", in: dir)))

        let one = try Binary.series12(["plot", dir, "--stamp=\(Self.older)", "--kappa", "0.5"])
        #expect(one.status == 0)
        #expect(Array(one.stdout.utf8) == (try Self.member("drift.svg", of: "kappa_0_5000_summary_\(Self.older).tar", in: dir)))
        #expect(Binary.files(dir) == before, "plot writes no file without --to")
    }

    @Test func plotToAFileRefusesToReplaceItWithoutForce() throws {
        let dir = Binary.temporaryDirectory("plot-to")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Self.sweep(dir)
        let target = dir + "/pictures.svg"
        let first = try Binary.series12(["plot", dir, "--stamp", Self.newer, "--kind", "hamiltonian", "--to", target])
        #expect(first.status == 0 && first.stderr.isEmpty)
        #expect(first.stdout.hasPrefix("series12 plot: wrote \(target) ("))
        let expected = try Self.member("hamiltonian.svg", of: "sweep_summary_\(Self.newer).tar", in: dir)
        #expect(Array(try #require(FileManager.default.contents(atPath: target))) == expected)

        let again = try Binary.series12(["plot", dir, "--stamp", Self.newer, "--to", target])
        #expect(again.status == 2 && again.stdout.isEmpty)
        #expect(again.stderr == "series12: --to \(target): the file exists; pass --force to replace it, or choose another name\n")
        #expect(Array(try #require(FileManager.default.contents(atPath: target))) == expected, "left as it was")

        let forced = try Binary.series12(["plot", dir, "--stamp", Self.newer, "--to", target, "--force"])
        #expect(forced.status == 0)
        #expect(Array(try #require(FileManager.default.contents(atPath: target)))
                == (try Self.member("drift.svg", of: "sweep_summary_\(Self.newer).tar", in: dir)))
        #expect(!Binary.files(dir).contains { $0.hasPrefix(".") }, "no temporary left")
    }

    @Test func badPlotUsageExitsTwoWithOneLineAndTouchesNothing() throws {
        let dir = Binary.temporaryDirectory("plot-bad")
        let empty = Binary.temporaryDirectory("plot-empty")
        defer {
            try? FileManager.default.removeItem(atPath: dir)
            try? FileManager.default.removeItem(atPath: empty)
        }
        try Self.sweep(dir)
        try Data("keep".utf8).write(to: URL(fileURLWithPath: dir + "/existing.svg"))
        let before = Binary.files(dir)
        let cases: [[String]] = [
            ["/nonexistent/series12-plot"], [empty], [dir, "--stamp", "2026"], [dir, "--stamp", "20261399_000000"],
            [dir, "--stamp", Self.older], [dir, "--kind", "energy"], [dir, "--kappa", "7"], [dir, "--kappa", "abc"],
            [dir, "--to", "/nonexistent/dir/x.svg"], [dir, "--to", empty], [dir, "--to", dir + "/existing.svg"],
            [dir, "--bogus"], [dir, empty], [dir, "--to"],
        ]
        for args in cases {
            let r = try Binary.series12(["plot"] + args)
            #expect(r.status == 2, "\(args): \(r.stderr)")
            #expect(r.stderr.hasPrefix("series12: ") && r.stderr.split(separator: "\n").count == 1, "\(args): \(r.stderr)")
            #expect(r.stdout.isEmpty, "\(args)")
            #expect(Binary.files(dir) == before && Binary.files(empty).isEmpty, "\(args) touched a file")
        }
        #expect(try String(contentsOfFile: dir + "/existing.svg", encoding: .utf8) == "keep")
    }

    @Test func resumeOfAFinishedSweepRedrawsTier3FromTheHistoryArchives() throws {
        let dir = Binary.temporaryDirectory("plot-resume")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Self.sweep(dir)
        let tier3 = "sweep_summary_\(Self.newer).tar"
        let drift = try Self.member("drift.svg", of: tier3, in: dir)
        let hamiltonian = try Self.member("hamiltonian.svg", of: tier3, in: dir)
        try FileManager.default.removeItem(atPath: dir + "/" + tier3)
        let r = try Binary.series12(["resume", "--stamp", Self.newer, "--out", dir, "--headless"])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.hasPrefix("Nothing to resume"))
        #expect(try Self.member("drift.svg", of: tier3, in: dir) == drift)
        #expect(try Self.member("hamiltonian.svg", of: tier3, in: dir) == hamiltonian)
    }

    @Test func recoveredArchivesHoldThePlotsAndPlotDrawsThem() throws {
        let dir = Binary.temporaryDirectory("plot-recover")
        let out = Binary.temporaryDirectory("plot-recovered")
        defer {
            try? FileManager.default.removeItem(atPath: dir)
            try? FileManager.default.removeItem(atPath: out)
        }
        let log = try Self.sweep(dir)
        let r = try Binary.series12(["recover", "-", "--out", out], input: log)
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        let facts = try Self.facts(out)
        let tier3 = try #require(facts["sweep_summary_\(Self.newer).tar"])
        #expect(tier3.svg["drift.svg"]?.paths == 3 && tier3.svg["hamiltonian.svg"]?.paths == 3)
        #expect(facts["kappa_0_5000_summary_\(Self.newer).tar"]?.members == ["summary.txt", "drift.svg", "recovered.txt"])
        let plot = try Binary.series12(["plot", out])
        #expect(plot.status == 0)
        #expect(Array(plot.stdout.utf8) == (try Self.member("drift.svg", of: "sweep_summary_\(Self.newer).tar", in: out)))
        #expect(plot.stdout.contains("recovered from tier-1 text"))
    }
}
