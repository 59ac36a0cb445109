import Foundation
import Series12Retention
import Testing

/// `resume` for κs killed before their first fields checkpoint: with nothing to continue from,
/// they restart from t = 0 (said on stderr) and end bit for bit as an uninterrupted sweep.
@Suite("resume restarts κs that had no checkpoint yet", .serialized)
struct ResumeRestartTests {
    static let stamp = "20260706_101500"
    static let sweep = ["sweep", "--headless", "--kappas", "0.1,2", "--N", "32", "--steps", "1200", "--every", "200",
                        "--stamp", stamp]

    static func member(_ dir: String, _ name: String, _ member: String) throws -> [UInt8] {
        let members = try TarArchive.decode([UInt8](try #require(FileManager.default.contents(atPath: dir + "/" + name))))
        return try #require(members.first { $0.name == member }).bytes
    }

    /// The history H and the final fields of κ=2, bit patterns.
    static func kappa2(_ dir: String) throws -> (h: [UInt64], fields: [UInt64]) {
        let h = try History(npz: member(dir, "kappa_2_0000_history_\(stamp).tar", "history.npz")).H.map(\.bitPattern)
        let f = try FieldsSnapshot(npz: member(dir, "kappa_2_0000_fields_\(stamp).tar", "fields.npz")).planes.map(\.bitPattern)
        return (h, f)
    }

    /// A finished sweep in `dir`, then κ=2 made to look killed early: `keepData` leaves a
    /// data.json that says `running` (killed between its first data.json and its first fields
    /// archive); otherwise every κ=2 archive is gone and only its Run line is left in the log.
    static func killedEarly(_ dir: String, keepData: Bool) throws {
        let run = try Binary.series12(sweep + ["--out", dir])
        #expect(run.status == 0, "\(run.stderr)")
        for kind in ["fields", "summary", "history"] + (keepData ? [] : ["data"]) {
            try FileManager.default.removeItem(atPath: "\(dir)/kappa_2_0000_\(kind)_\(stamp).tar")
        }
        try FileManager.default.removeItem(atPath: "\(dir)/sweep_summary_\(stamp).tar")
        if keepData {
            let script = """
            import io, json, sys, tarfile
            path = sys.argv[1]
            with tarfile.open(path) as t:
                d = json.load(t.extractfile("data.json"))
            d["status"] = "running"; d["steps_done"] = 200
            b = json.dumps(d).encode()
            with tarfile.open(path, "w", format=tarfile.USTAR_FORMAT) as t:
                i = tarfile.TarInfo("data.json"); i.size = len(b); t.addfile(i, io.BytesIO(b))
            """
            let edit = try Binary.run(["python3", "-c", script, "\(dir)/kappa_2_0000_data_\(stamp).tar"])
            #expect(edit.status == 0, "\(edit.stderr)")
        }
    }

    @Test(arguments: [true, false])
    func aKappaWithoutCheckpointRestartsFromZeroAndEndsBitForBit(keepData: Bool) throws {
        let dir = Binary.temporaryDirectory("restart"), ref = Binary.temporaryDirectory("restart-ref")
        defer { try? FileManager.default.removeItem(atPath: dir); try? FileManager.default.removeItem(atPath: ref) }
        #expect(try Binary.series12(Self.sweep + ["--out", ref]).status == 0)
        try Self.killedEarly(dir, keepData: keepData)

        let resumed = try Binary.series12(["resume", "--stamp", Self.stamp, "--out", dir, "--headless"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stderr.contains("kappa=2.0000 restarts from t = 0: "), "\(resumed.stderr)")
        #expect(resumed.stdout.contains("Resume \(Self.stamp) | kappa=2.0000 | from step 0 of 1200"))
        #expect(!resumed.stdout.contains("kappa=0.1000 | from step"), "κ=0.1 had ended and must not run again")
        let (h, f) = try Self.kappa2(dir), (hRef, fRef) = try Self.kappa2(ref)
        #expect(h == hRef && f == fRef)
        #expect(try Binary.checkOutputs(dir, ["--fields", "--stamp", Self.stamp]).status == 0)
    }

    @Test func nothingButAHistoryIsRefusedInOneLineAndNothingTouched() throws {
        let dir = Binary.temporaryDirectory("restart-none")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let run = try Binary.series12(Self.sweep + ["--out", dir])
        #expect(run.status == 0)
        for name in Binary.files(dir) where !name.contains("_history_") && !name.contains("_log_") {
            try FileManager.default.removeItem(atPath: dir + "/" + name)
        }
        let before = Binary.files(dir)
        let resumed = try Binary.series12(["resume", "--stamp", Self.stamp, "--out", dir, "--headless"])
        #expect(resumed.status == 2)
        #expect(resumed.stderr.split(separator: "\n").count == 1 && resumed.stderr.contains("no archives of stamp \(Self.stamp)"))
        #expect(Binary.files(dir) == before)
    }
}
