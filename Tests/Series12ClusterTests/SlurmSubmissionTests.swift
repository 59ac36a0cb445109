import Foundation
import Series12Cluster
import Series12Sweep
import Testing

@Suite("slurm submit: options and batch scripts")
struct SlurmSubmissionTests {
    let stamp = "20260705_013138"

    func parse(_ args: [String], out: String) throws(UsageError) -> SlurmSubmission {
        try SlurmSubmission.parse(args + ["--out", out], freshStamp: { _ in "20260705_013138" })
    }

    @Test func arrayScriptRunsOneTaskPerKappaWithTheOptionsAsGiven() throws {
        let dir = makeTemporaryDirectory("submit")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let job = try parse(["--kappas", "0.1, 0.5,1e0", "--N", "64", "--steps=400", "--dt", "1e-3", "--name", "clu",
                             "--partition", "short", "--time", "1-02:00", "--sbatch-arg=--mem=2G", "--sbatch-arg", "--account=phys"],
                            out: dir)
        let real = try #require(realpath(dir, nil).map { p in defer { free(p) }; return String(cString: p) })
        #expect(job.stamp == stamp && job.kappaTexts == ["0.1", "0.5", "1e0"] && job.directory == real)
        let script = job.arrayScript(binary: "/opt/s12/bin/series12", version: "9.9")
        let lines = script.split(separator: "\n").map(String.init)
        #expect(lines.first == "#!/bin/bash")
        for directive in ["#SBATCH --job-name=s12-clu", "#SBATCH --array=0-2", "#SBATCH --ntasks=1", "#SBATCH --cpus-per-task=1",
                          "#SBATCH --output=\(real)/clu_slurm_task%a_\(stamp).out", "#SBATCH --partition=short",
                          "#SBATCH --time=1-02:00", "#SBATCH --mem=2G", "#SBATCH --account=phys"] {
            #expect(lines.contains(directive), "missing \(directive)")
        }
        // Every #SBATCH line comes before the first command (sbatch stops reading them there).
        let lastDirective = try #require(lines.lastIndex { $0.hasPrefix("#SBATCH") })
        let firstCommand = try #require(lines.firstIndex { !$0.isEmpty && !$0.hasPrefix("#") })
        #expect(lastDirective < firstCommand)
        #expect(lines.contains("KAPPAS=(0.1 0.5 1e0)"))
        #expect(lines.contains("KAPPA=${KAPPAS[$SLURM_ARRAY_TASK_ID]}"))
        #expect(script.contains("exec /opt/s12/bin/series12 sweep --task --headless \\\n    --kappas \"$KAPPA\" --stamp \(stamp) --out \(real) --name clu \\\n    --N 64 --steps 400 --dt 1e-3\n"))
        let combine = job.combineScript(binary: "/opt/s12/bin/series12", version: "9.9")
        #expect(combine.contains("#SBATCH --output=\(real)/clu_slurm_combine_\(stamp).out"))
        #expect(combine.contains("#SBATCH --partition=short") && combine.contains("#SBATCH --mem=2G"))
        #expect(combine.contains("exec /opt/s12/bin/series12 combine \(real) --stamp \(stamp) --name clu \\\n    --kappas 0.1,0.5,1e0 --tasks-ended\n"))
        #expect(!combine.contains("--array"))
    }

    @Test func scriptsPassBashSyntaxCheckAndQuoteAnOddBinaryPath() throws {
        let dir = makeTemporaryDirectory("submit")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let job = try parse(["--kappas", "0.1,2", "--ascii"], out: dir)
        for script in [job.arrayScript(binary: "/home/a b/it's/series12", version: "1"),
                       job.combineScript(binary: "/home/a b/it's/series12", version: "1")] {
            #expect(script.contains("exec '/home/a b/it'\\''s/series12' "))
            let path = dir + "/check.sh"
            try script.write(toFile: path, atomically: true, encoding: .utf8)
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/bin/bash")
            p.arguments = ["-n", path]
            try p.run()
            p.waitUntilExit()
            #expect(p.terminationStatus == 0)
        }
        #expect(job.arrayScript(binary: "/b", version: "1").contains("--ascii"))
        #expect(job.combineScript(binary: "/b", version: "1").contains("--tasks-ended --ascii"))
    }

    @Test func defaultKappasAreTheSweepDefaults() throws {
        let dir = makeTemporaryDirectory("submit")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let job = try parse([], out: dir)
        #expect(job.kappaTexts.compactMap(Double.init) == SweepConfiguration().kappas)
        #expect(job.arrayScript(binary: "/b", version: "1").contains("#SBATCH --array=0-4"))
    }

    @Test(arguments: [
        ["--jobs", "2"], ["--theme", "dark"], ["--headless"], ["--task"], ["--time", "abc"], ["--time", "1-2-3"],
        ["--time", "1:2:3:4"], ["--partition", "a b"], ["--partition", ""], ["--sbatch-arg=--array=0-3"],
        ["--sbatch-arg", "-o x"], ["--sbatch-arg", "mem=2G"], ["--sbatch-arg", "--mem=1G\n#SBATCH --x"],
        ["--stamp", "20261399_000000"], ["--kappas", "0.1,0.1"], ["--N", "4"], ["--bogus"], ["stray"], ["--dry-run=1"],
    ])
    func badOptionsAreRejectedInOneLine(_ args: [String]) {
        let dir = makeTemporaryDirectory("submit-bad")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        do {
            _ = try parse(args, out: dir)
            Issue.record("accepted \(args)")
        } catch {
            #expect(!error.message.isEmpty && !error.message.contains("\n"), "\(error.message)")
        }
        #expect((try? FileManager.default.contentsOfDirectory(atPath: dir)) == [])
    }

    @Test func aStampAlreadyUsedInTheDirectoryIsRefused() throws {
        let dir = makeTemporaryDirectory("submit-stamp")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "x".write(toFile: dir + "/kappa_0_1000_data_\(stamp).tar", atomically: true, encoding: .utf8)
        #expect(throws: UsageError.self) { try parse(["--stamp", stamp], out: dir) }
        #expect(try parse(["--stamp", "20260705_013139"], out: dir).stamp == "20260705_013139")
    }

    @Test func outputDirectoryWithABlankCannotGoIntoSbatchLines() throws {
        let dir = makeTemporaryDirectory("submit") + "/with blank"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: (dir as NSString).deletingLastPathComponent) }
        #expect(throws: UsageError.self) { try parse([], out: dir) }
    }

    @Test func memoryIsNotCheckedOnTheSubmittingMachine() throws {
        let dir = makeTemporaryDirectory("submit-mem")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // 48·N² for N = 200000 is 1.9 TB: refused by a local sweep, fine for a cluster's nodes to judge.
        #expect(throws: UsageError.self) { try SweepConfiguration.parse(["--N", "200000", "--out", dir]) }
        #expect(try parse(["--N", "200000", "--kappas", "1"], out: dir).configuration.n == 200000)
    }
}
