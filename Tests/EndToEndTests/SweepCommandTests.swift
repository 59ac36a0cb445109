import Foundation
import Series12Retention
import Testing

@Suite("series12 sweep, end to end", .serialized)
struct SweepCommandTests {
    @Test func headlessSweepPrintsSpecLinesAndPassesTheIndependentChecker() throws {
        let dir = Binary.temporaryDirectory("sweep")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try Binary.series12(["sweep", "--headless", "--kappas", "0.1,0.5", "--N", "64", "--steps", "1000", "--out", dir])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        let stamp = try #require(lines.first(where: { $0.hasPrefix("Run ") })?.split(separator: " ")[1]).description
        for k in ["0.1000", "0.5000"] {
            #expect(lines.contains { $0.hasPrefix("Run \(stamp) | kappa=\(k) | N=64 | L=1 | dx=0.015625 | dt=") && $0.hasSuffix("| steps=1000 | every=500") })
            #expect(lines.contains { $0.hasPrefix("Step 0 | H: ") && $0.hasSuffix("| Baseline | kappa=\(k)") })
            #expect(lines.contains { $0.hasPrefix("Step 500 | H: ") && $0.contains("| Drift: ") && $0.hasSuffix("| kappa=\(k)") })
            #expect(lines.contains { $0.hasPrefix("Done kappa=\(k) | status=done | steps=1000 | H0: ") })
            let kt = k.replacingOccurrences(of: ".", with: "_")
            for kind in ["data", "history", "summary", "fields"] {
                #expect(lines.contains("  📦 kappa_\(kt)_\(kind)_\(stamp).tar created (\(try size(dir, "kappa_\(kt)_\(kind)_\(stamp).tar")) bytes)"))
            }
        }
        #expect(lines.contains { $0.hasPrefix("  📦 sweep_summary_\(stamp).tar created") })
        let check = try Binary.checkOutputs(dir, ["--fields"])
        #expect(check.status == 0, "\(check.stdout)")
        for name in Binary.files(dir) where name.hasSuffix(".tar") {
            let tar = try Binary.run(["tar", "-tvf", dir + "/" + name])
            #expect(tar.status == 0 && !tar.stdout.isEmpty)
        }
        #expect(!Binary.files(dir).contains { $0.hasSuffix(".tmp") || $0.hasPrefix(".") })
    }

    @Test(arguments: [(32, 200, 0.1), (64, 100, 2.0), (48, 300, 0.0)])
    func hamiltonianMatchesTheReferenceKernel(_ n: Int, _ steps: Int, _ kappa: Double) throws {
        let work = Binary.temporaryDirectory("kdk")
        defer { try? FileManager.default.removeItem(atPath: work) }
        // ref_kdk prints H with 11 digits; a copy printing all 17 lets us compare to 1e-12.
        let source = try String(contentsOfFile: Binary.shared + "/bench/ref_kdk.c", encoding: .utf8)
            .replacingOccurrences(of: "H0=%.10e Hf=%.10e", with: "H0=%.17e Hf=%.17e")
        #expect(source.contains("H0=%.17e"))
        try source.write(toFile: work + "/ref_kdk.c", atomically: true, encoding: .utf8)
        let cc = try Binary.run(["cc", "-O2", "-o", work + "/ref_kdk", work + "/ref_kdk.c", "-lm"])
        try #require(cc.status == 0, "\(cc.stderr)")
        let ref = try Binary.run([work + "/ref_kdk", String(n), String(steps), String(kappa)])
        func field(_ key: String) -> Double? {
            ref.stdout.split(separator: " ").first { $0.hasPrefix(key + "=") }.flatMap { Double($0.dropFirst(key.count + 1)) }
        }
        let h0 = try #require(field("H0")), hf = try #require(field("Hf"))
        let dt = 0.5 * (1.0 / Double(n)) / 2.0.squareRoot()
        let out = work + "/out"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let r = try Binary.series12(["sweep", "--headless", "--kappas", String(kappa), "--N", String(n), "--steps", String(steps),
                                     "--every", String(steps), "--dt", String(dt), "--out", out])
        #expect(r.status == 0)
        let name = try #require(Binary.files(out).first { $0.contains("_data_") })
        let members = try TarArchive.decode([UInt8](try #require(FileManager.default.contents(atPath: out + "/" + name))))
        let record = try RunRecord(json: try JSONValue(parsing: try #require(members.first { $0.name == "data.json" }).bytes))
        #expect(abs(record.H0 - h0) <= 1e-12 * abs(h0))
        #expect(abs(record.Hf - hf) <= 1e-12 * abs(hf))
        #expect(record.parameters.dt == dt)
    }

    @Test(arguments: [
        ["--bogus"], ["--N", "abc"], ["--N", "4"], ["--steps", "0"], ["--every", "0"], ["--cfl", "0"], ["--kappas", "-1"],
        ["--kappas", "0.1,0.1"], ["--kappas", "0.5,nan"], ["--name", "a/b"], ["--N", "1000000"], ["--dt", "inf"],
        ["--L", "x"], ["--jobs", "0"], ["--checkpoint-every", "0"], ["--blowup", "-1"], ["frobnicate"],
    ])
    func badInputExitsTwoWithOneLineAndTouchesNothing(_ args: [String]) throws {
        let dir = Binary.temporaryDirectory("bad")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let command = args.first == "frobnicate" ? args : ["sweep", "--headless", "--out", dir] + args
        let r = try Binary.series12(command)
        #expect(r.status == 2)
        #expect(r.stderr.split(separator: "\n").count == 1)
        #expect(r.stderr.hasPrefix("series12: "))
        #expect(r.stdout.isEmpty)
        #expect(Binary.files(dir).isEmpty)
    }

    @Test func aReaderThatGoesAwayDoesNotKillTheSweep() throws {
        let dir = Binary.temporaryDirectory("pipe")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // `head -1` closes the pipe after the first line; the sweep must still save everything.
        let r = try Binary.run(["sh", "-c", "'\(Binary.path)' sweep --headless --kappas 0.1,0.5 --N 64 --steps 20000 --every 100 --out '\(dir)' | head -1; echo status=${PIPESTATUS:-}$?"])
        #expect(r.stdout.hasPrefix("Run "))
        let check = try Binary.checkOutputs(dir, ["--fields"])
        #expect(check.status == 0, "\(check.stdout)")
        #expect(check.stdout.contains("'0_1000': 'done'") && check.stdout.contains("'0_5000': 'done'"))
    }

    @Test func missingOutputDirectoryIsBadUsage() throws {
        let r = try Binary.series12(["sweep", "--headless", "--out", "/nonexistent/series12-out"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("does not exist"))
    }

    @Test func helpAndVersionAnswer() throws {
        let help = try Binary.series12(["--help"])
        #expect(help.status == 0 && help.stdout.contains("series12 validate") && help.stdout.contains("--checkpoint-every"))
        let version = try Binary.series12(["--version"])
        #expect(version.status == 0 && version.stdout.hasPrefix("series12 "))
    }

    private func size(_ dir: String, _ name: String) throws -> Int {
        try #require(try FileManager.default.attributesOfItem(atPath: dir + "/" + name)[.size] as? Int)
    }
}
