import Foundation
import Testing
@testable import Series12Retention

/// KappaArchives, TestArchive, Tier3Summary and ManifestCheck together on one directory, checked
/// by the project's independent Python checker as well as by our own reader.
@Suite struct SweepArchivesTests {
    static let stamp = "20260704_120000"
    static let checker = sharedToolsDirectory + "/check_outputs.py"

    /// Writes a complete small sweep (two κ with fields, one test) and its tier-3 summary.
    static func writeSweep(in dir: TemporaryDirectory) -> (records: [RunRecord], outcomes: [ArchiveOutcome]) {
        let records = [sampleRecord(kappa: 0.1, stamp: stamp), sampleRecord(kappa: 2, stamp: stamp, Hf: 34.2)]
        var outcomes: [ArchiveOutcome] = []
        for record in records {
            let history = sampleHistory(samples: 5)
            outcomes += KappaArchives.write(record: record, history: history, fields: sampleFields(n: 8),
                                            summary: SummaryText.make(record: record, history: history),
                                            directory: dir.path, stamp: stamp)
        }
        let test = JSONValue.object([("test", .string("single_step")), ("passed", .bool(true)),
                                     ("criteria", .object([("max_error", .number(1e-12))])),
                                     ("measured", .object([("max_error", .number(3.1e-15))])),
                                     ("parameters", .object([("N", .int(64))])), ("elapsed", .number(0.25))])
        outcomes.append(TestArchive.write(number: 1, name: "single_step", result: test, directory: dir.path, stamp: stamp))
        outcomes.append(Tier3Summary.write(sweep: "sweep", stamp: stamp, version: "0.1.0", records: records,
                                           log: "Step 0 | H: 3.41578833e+01 | Baseline | kappa=0.1000\n",
                                           directory: dir.path))
        return (records, outcomes)
    }

    @Test func everyArchiveIsCreatedWithTheExpectedNames() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let outcomes = Self.writeSweep(in: dir).outcomes
        #expect(outcomes.allSatisfy { $0.succeeded }, "\(outcomes.compactMap(\.failureReason))")
        let kinds = ["history", "fields", "summary", "data"]  // data.json last: the commit marker
        let expected = (["0_1000", "2_0000"].flatMap { kt in kinds.map { "kappa_\(kt)_\($0)_\(Self.stamp).tar" } }
            + ["test1_single_step_\(Self.stamp).tar", "sweep_summary_\(Self.stamp).tar"])
        #expect(dir.names() == expected.sorted())
        #expect(outcomes.map(\.name) == expected)
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: checker)))
    func independentPythonCheckerFindsNoProblem() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        _ = Self.writeSweep(in: dir)
        let result = try runProgram("python3", [Self.checker, dir.path, "--stamp", Self.stamp, "--fields"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    }

    @Test func tier3SummaryHoldsEveryKappaAndAManifestOfEveryTier2File() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let records = Self.writeSweep(in: dir).records
        let members = try TarArchive.decode(try dir.read("sweep_summary_\(Self.stamp).tar"))
        #expect(members.map(\.name) == ["summary.json", "log.txt", "drift.svg", "hamiltonian.svg"])
        let summary = try JSONValue(parsing: members[0].bytes)
        #expect(summary.objectValue?.map(\.key) == ["sweep", "stamp", "version", "kappas", "files"])
        #expect(summary["kappas"] == .array(records.map(\.json)))
        let files = summary["files"]?.arrayValue?.compactMap(ManifestEntry.init(json:)) ?? []
        #expect(files.map(\.name) == dir.names().filter { !$0.hasPrefix("sweep_summary") })
        for entry in files {
            let bytes = try dir.read(entry.name)
            #expect(entry.bytes == bytes.count && entry.sha256 == SHA256.hex(of: bytes))
        }
    }

    @Test func validationSummaryMergesItsTestsArray() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let tests = JSONValue.object([("tests", .array([.object([("test", .string("cfl")), ("passed", .bool(false))])]))])
        let outcome = Tier3Summary.write(sweep: "validation", stamp: Self.stamp, version: "0.1.0", records: [], log: "",
                                         directory: dir.path, recovered: true, extra: tests)
        #expect(outcome.name == "validation_summary_\(Self.stamp).tar" && outcome.succeeded)
        let json = try JSONValue(parsing: try TarArchive.decode(try dir.read(outcome.name))[0].bytes)
        #expect(json.objectValue?.map(\.key) == ["sweep", "stamp", "version", "kappas", "files", "recovered", "tests"])
        #expect(json["tests"] == tests["tests"])
    }

    @Test func kappaArchivesFailIndependently() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let record = sampleRecord(stamp: Self.stamp)
        let blocked = ArchiveNaming.kappaArchive(kappa: record.kappa, kind: .history, stamp: Self.stamp)
        #expect(symlink("/nonexistent", dir.file(blocked)) == 0)
        let outcomes = KappaArchives.write(record: record, history: sampleHistory(), fields: nil, summary: "s",
                                           directory: dir.path, stamp: Self.stamp)
        // Order: history (blocked), summary, data — data.json last, as the commit marker.
        #expect(outcomes.map(\.succeeded) == [false, true, true])
        #expect(outcomes[0].failureReason == "\(blocked) is a symlink; refusing to overwrite")
        #expect(outcomes.last?.name == ArchiveNaming.kappaArchive(kappa: record.kappa, kind: .data, stamp: Self.stamp))
    }

    @Test func summaryTextNamesTheRunAndTabulatesSampleSteps() {
        let history = sampleHistory(samples: 100)
        let text = SummaryText.make(record: sampleRecord(), history: history)
        #expect(text.contains("kappa = 0.1000"))
        #expect(text.contains("status:           done"))
        #expect(text.contains("H0:               3.41578833e+01"))
        #expect(text.contains("sample steps (100):"))
        #expect(text.contains("49500"))  // the last sample step is in the tail of the table
        #expect(!text.contains(" 25000 "))  // the middle is elided
    }

    @Test func intactSweepVerifiesClean() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        _ = Self.writeSweep(in: dir)
        #expect(ManifestCheck.check(directory: dir.path, stamp: Self.stamp) == [])
        #expect(ManifestCheck.stamps(in: dir.path) == [Self.stamp])
    }

    @Test func verifyReportsMissingTruncatedAlteredAndUnlistedFiles() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        _ = Self.writeSweep(in: dir)
        let data = "kappa_0_1000_data_\(Self.stamp).tar"
        let history = "kappa_0_1000_history_\(Self.stamp).tar"
        let summary = "kappa_2_0000_summary_\(Self.stamp).tar"
        try FileManager.default.removeItem(atPath: dir.file(data))
        let historyBytes = try dir.read(history)
        let cut = 512 + (historyBytes.count - 1024 - 512)  // drop the end-of-archive blocks only
        try dir.write(Array(historyBytes[..<cut]), to: history)
        var summaryBytes = try dir.read(summary)
        summaryBytes[600] ^= 0x01  // inside summary.txt: same size, different content
        try dir.write(summaryBytes, to: summary)
        try dir.write(try TarArchive.encode([ArchiveMember(name: "other.txt", bytes: [1])]), to: "test2_hamiltonian_\(Self.stamp).tar")
        let problems = ManifestCheck.check(directory: dir.path, stamp: Self.stamp)
        #expect(problems.contains(.missing(file: data)))
        #expect(problems.contains(.sizeMismatch(file: history, expected: historyBytes.count, actual: cut)))
        #expect(problems.contains { if case .unreadableTar(history, _) = $0 { return true } else { return false } })
        #expect(problems.contains(.checksumMismatch(file: summary)))
        #expect(problems.contains(.unlisted(file: "test2_hamiltonian_\(Self.stamp).tar")))
        #expect(problems.contains(.missingMember(file: "test2_hamiltonian_\(Self.stamp).tar",
                                                 member: "test2_hamiltonian_\(Self.stamp).json")))
        #expect(problems.count == 6, "\(problems)")
    }

    @Test func verifyWithoutTier3SummarySaysSo() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        #expect(ManifestCheck.check(directory: dir.path, stamp: Self.stamp) == [.noSummary(stamp: Self.stamp)])
    }
}
