import Foundation
import Series12Retention
import Testing

/// The cluster commands through the built binary, without a Slurm: array tasks run as plain
/// processes side by side in one directory, as Slurm would start them. (The real Slurm run is
/// Tests/harness/slurm_harness.py.)
@Suite("cluster commands, end to end", .serialized)
struct ClusterCommandTests {
    static let stamp = "20260705_013138"
    static let sweep = ["--N", "32", "--steps", "3000", "--every", "500"]

    /// Starts `series12 args…` without waiting; stdout to `log`.
    static func start(_ args: [String], stdout path: String) throws -> Process {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Binary.path)
        p.arguments = args
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw TmuxError(message: "cannot create \(path) for the command's output")
        }
        p.standardOutput = FileHandle(forWritingAtPath: path)
        p.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try p.run()
        return p
    }

    static func history(_ dir: String, _ name: String) throws -> History {
        let members = try TarArchive.decode([UInt8](try #require(FileManager.default.contents(atPath: dir + "/" + name))))
        return try History(npz: try #require(members.first { $0.name == "history.npz" }).bytes)
    }

    static func fields(_ dir: String, _ name: String) throws -> FieldsSnapshot {
        let members = try TarArchive.decode([UInt8](try #require(FileManager.default.contents(atPath: dir + "/" + name))))
        return try FieldsSnapshot(npz: try #require(members.first { $0.name == "fields.npz" }).bytes)
    }

    /// Listing with sizes and modification times: what "no file touched" compares.
    static func state(_ dir: String) -> [String] {
        Binary.files(dir).map { name in
            let a = try? FileManager.default.attributesOfItem(atPath: dir + "/" + name)
            return "\(name) \(a?[.size] ?? 0) \((a?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)"
        }
    }

    @Test func tasksSideBySideThenCombineGiveTheSingleMachineSweepBitForBit() throws {
        let dir = Binary.temporaryDirectory("tasks")
        let ref = Binary.temporaryDirectory("tasks-ref")
        defer { try? FileManager.default.removeItem(atPath: dir); try? FileManager.default.removeItem(atPath: ref) }
        let kappas = ["0.1", "0.5", "2"]
        let tasks = try kappas.map { k in
            try Self.start(["sweep", "--task", "--headless", "--kappas", k, "--stamp", Self.stamp, "--out", dir, "--name", "clu"] + Self.sweep,
                           stdout: dir + "/../task-\(k)-\(Self.stamp).out")
        }
        defer { for k in kappas { try? FileManager.default.removeItem(atPath: dir + "/../task-\(k)-\(Self.stamp).out") } }
        let single = try Binary.series12(["sweep", "--headless", "--kappas", kappas.joined(separator: ","), "--out", ref,
                                          "--name", "ref", "--stamp", Self.stamp] + Self.sweep)
        #expect(single.status == 0)
        for t in tasks { t.waitUntilExit(); #expect(t.terminationStatus == 0) }
        let files = Binary.files(dir)
        #expect(files.filter { $0.hasPrefix("clu_log_kappa_") } == ["clu_log_kappa_0_1000_\(Self.stamp).txt",
                                                                   "clu_log_kappa_0_5000_\(Self.stamp).txt",
                                                                   "clu_log_kappa_2_0000_\(Self.stamp).txt"])
        #expect(!files.contains { $0.contains("_summary_\(Self.stamp).tar") && !$0.hasPrefix("kappa_") })

        let combine = try Binary.series12(["combine", dir, "--stamp", Self.stamp, "--kappas", "0.1,0.5,2", "--tasks-ended"])
        #expect(combine.status == 0, "\(combine.stdout)\(combine.stderr)")
        #expect(combine.stdout.contains("Combine \(Self.stamp) | sweep=clu | kappas=3 | done=3 | unfinished=0 | ended=0 | missing=0"))
        #expect(combine.stdout.contains("  📦 clu_summary_\(Self.stamp).tar created ("))
        let check = try Binary.checkOutputs(dir, ["--fields", "--stamp", Self.stamp])
        #expect(check.status == 0, "\(check.stdout)")
        #expect(try Binary.series12(["verify", dir, "--stamp", Self.stamp]).status == 0)
        for k in ["0_1000", "0_5000", "2_0000"] {
            let name = "kappa_\(k)_history_\(Self.stamp).tar"
            let (cluster, local) = (try Self.history(dir, name), try Self.history(ref, name))
            #expect(cluster.H.count == 7 && cluster.H.map(\.bitPattern) == local.H.map(\.bitPattern) && cluster == local,
                    "\(name) differs from the single-machine sweep's")
            let fields = "kappa_\(k)_fields_\(Self.stamp).tar"
            #expect(try Self.fields(dir, fields).planes.map(\.bitPattern) == Self.fields(ref, fields).planes.map(\.bitPattern))
        }

        // watch on a finished directory: every line once, then it ends (no job to ask).
        let watch = try Binary.series12(["watch", dir, "--stamp", Self.stamp, "--headless"])
        #expect(watch.status == 0)
        let lines = watch.stdout.split(separator: "\n").map(String.init)
        #expect(lines.filter { $0.hasPrefix("Done kappa=") && $0.contains("status=done") }.count == 3)
        #expect(lines.filter { $0.hasPrefix("Step ") }.count == 21)
        #expect(lines.last == "watch: every κ has settled (3 κ: done=3)")
    }

    @Test func aTaskCutAtItsTimeLimitIsReportedByCombineAndFinishedByResume() throws {
        let dir = Binary.temporaryDirectory("cut")
        let ref = Binary.temporaryDirectory("cut-ref")
        defer { try? FileManager.default.removeItem(atPath: dir); try? FileManager.default.removeItem(atPath: ref) }
        let long = Self.long
        try Self.cutTask(dir)
        let combine = try Binary.series12(["combine", dir, "--stamp", Self.stamp, "--kappas", "0.1,0.5", "--tasks-ended"])
        #expect(combine.status == 1)
        #expect(combine.stdout.contains("| done=0 | unfinished=1 | ended=0 | missing=1"))
        #expect(combine.stdout.contains("  kappa=0.5000: unfinished: status=interrupted at step "))
        #expect(combine.stdout.contains("continue it with 'series12 resume --stamp \(Self.stamp) --out \(dir)'"))
        #expect(combine.stdout.contains("  kappa=0.1000: no archive and no task log: its task never ran"))
        #expect(FileManager.default.fileExists(atPath: dir + "/clu_summary_\(Self.stamp).tar"))

        let resume = try Binary.series12(["resume", "--stamp", Self.stamp, "--out", dir, "--headless"])
        #expect(resume.status == 0, "\(resume.stderr)")
        let check = try Binary.checkOutputs(dir, ["--fields", "--stamp", Self.stamp])
        #expect(check.status == 0, "\(check.stdout)")
        let single = try Binary.series12(["sweep", "--headless", "--kappas", "0.5", "--out", ref, "--stamp", Self.stamp] + long)
        #expect(single.status == 0)
        let name = "kappa_0_5000_history_\(Self.stamp).tar"
        #expect(try Self.history(dir, name).H.map(\.bitPattern) == Self.history(ref, name).H.map(\.bitPattern))
        #expect(try Self.history(dir, name) == Self.history(ref, name))
        // The resumed sweep's tier 3 keeps the task's lines before its own.
        let members = try TarArchive.decode([UInt8](try #require(FileManager.default.contents(atPath: dir + "/clu_summary_\(Self.stamp).tar"))))
        let text = String(decoding: try #require(members.first { $0.name == "log.txt" }).bytes, as: UTF8.self)
        let run = try #require(text.range(of: "Run \(Self.stamp) | kappa=0.5000"))
        let resumed = try #require(text.range(of: "Resume \(Self.stamp) | kappa=0.5000"))
        #expect(run.lowerBound < resumed.lowerBound)
    }

    static let long = ["--N", "64", "--steps", "200000", "--every", "2000", "--checkpoint-every", "2"]

    static func taskArguments(_ dir: String, _ extra: [String] = []) -> [String] {
        ["sweep", "--task", "--headless", "--kappas", "0.5", "--stamp", stamp, "--out", dir, "--name", "clu"] + long + extra
    }

    /// Runs κ = 0.5's task and stops it with SIGTERM (Slurm's time limit) once a few
    /// checkpoints are on disk.
    static func cutTask(_ dir: String) throws {
        let out = dir + "/../cut-\(UUID().uuidString).out"
        defer { try? FileManager.default.removeItem(atPath: out) }
        let task = try start(taskArguments(dir), stdout: out)
        let log = dir + "/clu_log_kappa_0_5000_\(stamp).txt"
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            if text.contains("Step 10000 |") { break }
            usleep(20_000)
        }
        task.terminate()
        task.waitUntilExit()
        #expect(task.terminationStatus == 130)
    }

    @Test func aTaskRunAgainContinuesItsCheckpointBitForBit() throws {
        let dir = Binary.temporaryDirectory("again")
        let ref = Binary.temporaryDirectory("again-ref")
        defer { try? FileManager.default.removeItem(atPath: dir); try? FileManager.default.removeItem(atPath: ref) }
        try Self.cutTask(dir)
        // Other options than the checkpoint's: refused, nothing touched.
        let before = Self.state(dir)
        let other = try Binary.series12(Self.taskArguments(dir, ["--c", "2"]))
        #expect(other.status == 2 && other.stderr.contains("already has a checkpoint of stamp \(Self.stamp) made with other options"))
        #expect(Self.state(dir) == before)
        // Requeued or resubmitted as is: it continues where its checkpoint left it.
        let again = try Binary.series12(Self.taskArguments(dir))
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("Resume \(Self.stamp) | kappa=0.5000 | from step "))
        #expect(!again.stdout.contains("Step 0 | H:"))
        let single = try Binary.series12(["sweep", "--headless", "--kappas", "0.5", "--out", ref, "--stamp", Self.stamp] + Self.long)
        #expect(single.status == 0)
        for kind in ["history", "fields"] {
            let name = "kappa_0_5000_\(kind)_\(Self.stamp).tar"
            if kind == "history" {
                #expect(try Self.history(dir, name).H.map(\.bitPattern) == Self.history(ref, name).H.map(\.bitPattern))
            } else {
                #expect(try Self.fields(dir, name).planes.map(\.bitPattern) == Self.fields(ref, name).planes.map(\.bitPattern))
            }
        }
        // Once more: the κ has ended, nothing is run or rewritten.
        let archives = Self.state(dir).filter { $0.hasPrefix("kappa_") }
        let third = try Binary.series12(Self.taskArguments(dir))
        #expect(third.status == 0 && third.stdout.contains("it has ended already; nothing to run"))
        #expect(Self.state(dir).filter { $0.hasPrefix("kappa_") } == archives)
        let combine = try Binary.series12(["combine", dir, "--stamp", Self.stamp, "--tasks-ended"])
        #expect(combine.status == 0 && combine.stdout.contains("| kappas=1 | done=1 |"))
        #expect(try Binary.checkOutputs(dir, ["--fields", "--stamp", Self.stamp]).status == 0)
        let watch = try Binary.series12(["watch", dir, "--stamp", Self.stamp, "--headless"])
        #expect(watch.status == 0 && watch.stdout.hasSuffix("watch: every κ has settled (1 κ: done=1)\n"))
    }

    @Test func submitDryRunPrintsTheScriptsAndWritesNothing() throws {
        let dir = Binary.temporaryDirectory("dry")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try Binary.series12(["slurm", "submit", "--kappas", "0.1,0.5", "--out", dir, "--name", "clu", "--stamp", Self.stamp,
                                     "--dry-run"] + Self.sweep)
        #expect(r.status == 0)
        let binary = try #require(realpath(Binary.path, nil).map { p in defer { free(p) }; return String(cString: p) })
        #expect(r.stdout.contains("#SBATCH --array=0-1\n"))
        #expect(r.stdout.contains("exec \(binary) sweep --task --headless \\\n    --kappas \"$KAPPA\" --stamp \(Self.stamp)"))
        #expect(r.stdout.contains("exec \(binary) combine "))
        #expect(Binary.files(dir).isEmpty)
    }

    @Test func submitWithoutSbatchSaysWhereToRunIt() throws {
        let dir = Binary.temporaryDirectory("nosbatch")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try Binary.series12(["slurm", "submit", "--out", dir], environment: ["PATH": "/nonexistent"])
        #expect(r.status == 2 && r.stderr == "series12: sbatch not found on PATH: run 'series12 slurm submit' on a Slurm login node (add --dry-run to see the scripts)\n")
        #expect(Binary.files(dir).isEmpty)
    }

    @Test(arguments: [
        ["slurm"], ["slurm", "launch"], ["slurm", "submit", "--jobs", "4"], ["slurm", "submit", "--time", "soon"],
        ["slurm", "submit", "--sbatch-arg=--array=1-9"], ["slurm", "submit", "--out", "/nonexistent"],
        ["slurm", "submit", "--stamp", "20261301_000000"], ["slurm", "submit", "--kappas", "x"],
        ["combine"], ["combine", "DIR"], ["combine", "DIR", "--stamp", "2026"], ["combine", "/nonexistent", "--stamp", "20260705_013138"],
        ["combine", "DIR", "--stamp", "20260705_013139"], ["combine", "DIR", "--stamp", "20260705_013138", "--frob"],
        ["watch"], ["watch", "DIR"], ["watch", "DIR", "--stamp", "20260705_0131"], ["watch", "/nonexistent", "--stamp", "20260705_013138"],
        ["watch", "DIR", "--stamp", "20260705_013139"], ["watch", "DIR", "--stamp", "20260705_013138", "--job", "12x"],
        ["watch", "DIR", "--stamp", "20260705_013138", "--theme", "nosuchtheme"], ["watch", "DIR", "DIR", "--stamp", "20260705_013138"],
        ["sweep", "--headless", "--out", "DIR", "--stamp", "20260705_013138", "--N", "16"],
        ["sweep", "--task", "--headless", "--out", "DIR", "--stamp", "20260705_013138", "--kappas", "0.1,0.5"],
        ["sweep", "--task", "--headless", "--out", "DIR", "--kappas", "0.1"],
    ])
    func badClusterCommandsExitTwoWithOneLineAndTouchNothing(_ args: [String]) throws {
        let dir = Binary.temporaryDirectory("clusterbad")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "Run x\n".write(toFile: dir + "/clu_log_kappa_0_1000_\(Self.stamp).txt", atomically: true, encoding: .utf8)
        let before = Self.state(dir)
        let arguments = args.map { $0 == "DIR" ? dir : $0 } + (args.first == "slurm" && args.count > 2 && !args.contains("--out") ? ["--out", dir] : [])
        let r = try Binary.series12(arguments)
        #expect(r.status == 2, "\(arguments): \(r.stdout)")
        #expect(r.stderr.split(separator: "\n").count == 1 && r.stderr.hasPrefix("series12: "), "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        #expect(Self.state(dir) == before)
    }

    @Test func helpForEachClusterCommand() throws {
        for (command, marker) in [(["slurm", "--help"], "--sbatch-arg A"), (["slurm", "submit", "--help"], "--dry-run"),
                                  (["watch", "--help"], "scancel --full --signal=STOP"), (["combine", "--help"], "--tasks-ended")] {
            let r = try Binary.series12(command)
            #expect(r.status == 0 && r.stdout.contains(marker), "\(command)")
        }
        let help = try Binary.series12(["--help"])
        #expect(help.stdout.contains("series12 slurm submit") && help.stdout.contains("series12 watch DIR --stamp STAMP")
            && help.stdout.contains("series12 combine DIR --stamp STAMP"))
    }

    @Test func watchInATerminalShowsTheRowsAndQLeavesAtOnce() throws {
        let dir = Binary.temporaryDirectory("watchtmux")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for k in ["0.1", "0.5"] {
            let r = try Binary.series12(["sweep", "--task", "--headless", "--kappas", k, "--stamp", Self.stamp, "--out", dir,
                                         "--name", "clu"] + Self.sweep)
            #expect(r.status == 0)
        }
        let tmux = try Tmux("'\(Binary.path)' watch '\(dir)' --stamp \(Self.stamp); echo EXIT=$?; sleep 60")
        defer { tmux.kill() }
        #expect(tmux.waitFor { s in
            s.contains("stamp \(Self.stamp)") && DashboardTmuxTests.row(s, "0.1000")?.contains("done") == true
                && DashboardTmuxTests.row(s, "0.5000")?.contains("3000/3000") == true
        })
        tmux.send("Space")
        #expect(tmux.waitFor { $0.contains("=0.1000 is done") && $0.contains("nothing to pause or resume") })
        tmux.send("q")
        #expect(tmux.waitFor(history: 200) { $0.contains("Left the watch; the jobs keep running.") && $0.contains("EXIT=0") })
        #expect(!tmux.screen(history: 200).contains("quit and checkpoint"))
    }
}
