import Foundation
import Series12Cluster
import Series12Retention
import Series12Sweep
import Synchronization
import Testing

@Suite("watch: a cluster sweep followed from its files")
struct ClusterWatchTests {
    let stamp = "20260705_013138"

    func plan(_ kappas: [String] = ["0.1", "0.5"]) -> SlurmPlan {
        SlurmPlan(sweep: "clu", stamp: stamp, kappaTexts: kappas, n: 32, length: 1, steps: 200, every: 100, arrayJob: "7",
                  combineJob: "8", submitted: Date().timeIntervalSince1970, binary: "/b/series12")
    }

    func logPath(_ dir: String, _ kappa: Double) -> String { dir + "/" + ArchiveNaming.taskLog(sweep: "clu", kappa: kappa, stamp: stamp) }

    func run(_ kappa: Double) -> [String] {
        ["Task 7_\(kappa == 0.1 ? 0 : 1) | kappa=\(LogLine.k4(kappa)) | host=n1 | pid=1",
         LogLine.run(stamp: stamp, kappa: kappa, n: 32, length: 1, dx: 1.0 / 32, dt: 0.01, steps: 200, every: 100).text,
         LogLine.baseline(step: 0, H: 2.5, kappa: kappa).text]
    }

    @Test func rowsFollowTheTaskLogsAndSqueue() throws {
        let dir = makeTemporaryDirectory("watch")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let slurm = ScriptedSlurm { argv in argv[0] == "squeue" ? ok("7_0|RUNNING|None\n7_1|PENDING|Resources\n") : ok() }
        let watch = ClusterWatch(directory: dir, stamp: stamp, sweep: "clu", plan: plan(), job: nil,
                                 queue: SlurmQueue(runner: slurm), echo: false, queueInterval: 0)
        watch.poll()
        var snap = watch.snapshot()
        #expect(snap.runs.map(\.kappa) == [0.1, 0.5] && snap.runs.map(\.status) == [.running, .queued] && snap.n == 32)
        try append(run(0.1) + [LogLine.sample(step: 100, H: 2.4, drift: 0.04, kappa: 0.1).text,
                               "  📦 kappa_0_1000_data_\(stamp).tar created (2560 bytes)"], to: logPath(dir, 0.1))
        // A line still being written waits for its newline.
        try "Step 200 | H: 2.3".write(toFile: logPath(dir, 0.5), atomically: false, encoding: .utf8)
        watch.poll()
        snap = watch.snapshot()
        #expect(snap.runs[0].step == 100 && snap.runs[0].H == 2.4 && snap.runs[0].H0 == 2.5 && snap.runs[0].maxDrift == 0.04)
        #expect(snap.runs[0].t == 1.0 && snap.runs[0].lastArchive == "kappa_0_1000_data_\(stamp).tar")
        #expect(snap.runs[0].driftHistory == [0, 0.04])
        #expect(watch.log.lines().count == 5)
        #expect(!watch.isComplete)
        try append([LogLine.done(kappa: 0.1, status: "done", steps: 200, H0: 2.5, Hf: 2.3, drift: 0.08, elapsed: 1).text,
                    "  📦 kappa_0_1000_history_\(stamp).tar created (1 bytes)",
                    "  📦 kappa_0_1000_data_\(stamp).tar created (2560 bytes)"], to: logPath(dir, 0.1))
        watch.poll()
        #expect(watch.snapshot().runs[0].status == .done && watch.snapshot().runs[0].step == 200)
        #expect(!watch.isComplete && watch.exitStatus == 1)
    }

    @Test func everyKappaSettledCompletesTheWatch() throws {
        let dir = makeTemporaryDirectory("watch")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let watch = ClusterWatch(directory: dir, stamp: stamp, sweep: "clu", plan: nil, job: nil,
                                 queue: SlurmQueue(runner: ScriptedSlurm { _ in nil }), echo: false)
        for k in [0.5, 0.1] {
            try append(run(k) + [LogLine.done(kappa: k, status: "done", steps: 200, H0: 2.5, Hf: 2.4, drift: 0.04, elapsed: 1).text,
                                 "  📦 kappa_\(ArchiveNaming.kappaTag(k))_data_\(stamp).tar created (2560 bytes)"], to: logPath(dir, k))
        }
        watch.poll()
        #expect(watch.snapshot().runs.map(\.kappa) == [0.1, 0.5])
        #expect(watch.isComplete && watch.exitStatus == 0)
    }

    @Test func aTaskThatLeftTheQueueWithoutDoneIsInterruptedOrFailed() throws {
        let dir = makeTemporaryDirectory("watch")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let listing = Mutex("7_0|RUNNING|None\n7_1|RUNNING|None\n")
        let slurm = ScriptedSlurm { argv in
            switch argv[0] {
            case "squeue": return ok(listing.withLock { $0 })
            case "scontrol": return ok(argv.last == "7_0" ? "JobId=8 JobState=TIMEOUT Reason=TimeLimit" : "JobId=9 JobState=FAILED")
            default: return ok()
            }
        }
        let watch = ClusterWatch(directory: dir, stamp: stamp, sweep: "clu", plan: plan(), job: nil,
                                 queue: SlurmQueue(runner: slurm), echo: false, queueInterval: 0)
        try append(run(0.1), to: logPath(dir, 0.1))
        try append(run(0.5), to: logPath(dir, 0.5))
        watch.poll()
        #expect(watch.snapshot().runs.map(\.status) == [.running, .running])
        listing.withLock { $0 = "" }
        watch.poll()
        #expect(watch.snapshot().runs.map(\.status) == [.interrupted, .failed])
        #expect(watch.isComplete && watch.exitStatus == 1)
        #expect(watch.log.lines().contains { $0.contains("task 7_0 (kappa=0.1000) left the queue without a Done line (Slurm: TIMEOUT)") })
    }

    @Test func spacePausesARunningTaskWithStopAndResumesItWithCont() throws {
        let dir = makeTemporaryDirectory("watch")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let slurm = ScriptedSlurm { argv in argv[0] == "squeue" ? ok("7_0|RUNNING|None\n7_1|PENDING|Priority\n") : ok() }
        let watch = ClusterWatch(directory: dir, stamp: stamp, sweep: "clu", plan: plan(), job: nil,
                                 queue: SlurmQueue(runner: slurm), echo: false, queueInterval: 0)
        try append(run(0.1), to: logPath(dir, 0.1))
        watch.poll()
        #expect(watch.quitLeavesRunsGoing)
        watch.perform(.togglePause(0))
        watch.waitForCommands()
        #expect(watch.snapshot().runs[0].status == .paused)
        #expect(watch.pausedTasks.map(\.id) == ["7_0"])
        watch.perform(.togglePause(1))  // still pending: held, not signalled
        watch.waitForCommands()
        #expect(watch.snapshot().runs[1].status == .paused)
        watch.perform(.resumeAll)
        watch.waitForCommands()
        #expect(watch.snapshot().runs.map(\.status) == [.running, .queued])
        #expect(slurm.actions == [["scancel", "--full", "--signal=STOP", "7_0"], ["scontrol", "hold", "7_1"],
                                  ["scancel", "--full", "--signal=CONT", "7_0"], ["scontrol", "release", "7_1"]])
        watch.perform(.interrupt)  // leaving the watch touches no job
        watch.waitForCommands()
        #expect(slurm.actions.count == 4)
        #expect(watch.log.lines().contains("watch: paused task 7_0 (kappa=0.1000) — SIGSTOP; Slurm still lists it RUNNING and keeps its core"))
    }

    @Test func pauseAllSignalsOnlyTheTasksStillRunning() throws {
        let dir = makeTemporaryDirectory("watch")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let slurm = ScriptedSlurm { argv in argv[0] == "squeue" ? ok("7_1|RUNNING|None\n") : ok() }
        let watch = ClusterWatch(directory: dir, stamp: stamp, sweep: "clu", plan: plan(), job: nil,
                                 queue: SlurmQueue(runner: slurm), echo: false, queueInterval: 0)
        try append(run(0.1) + [LogLine.done(kappa: 0.1, status: "done", steps: 200, H0: 2.5, Hf: 2.4, drift: 0.04, elapsed: 1).text],
                   to: logPath(dir, 0.1))
        try append(run(0.5), to: logPath(dir, 0.5))
        watch.poll()
        watch.perform(.pauseAll)
        watch.waitForCommands()
        #expect(slurm.actions == [["scancel", "--full", "--signal=STOP", "7_1"]])
        #expect(watch.snapshot().runs.map(\.status) == [.done, .paused])
    }

    @Test func aRefusedPauseIsReportedAndLeavesTheRowRunning() throws {
        let dir = makeTemporaryDirectory("watch")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let slurm = ScriptedSlurm { argv in argv[0] == "squeue" ? ok("7_0|RUNNING|None\n") : refused("Access/permission denied") }
        let watch = ClusterWatch(directory: dir, stamp: stamp, sweep: "clu", plan: plan(["0.1"]), job: nil,
                                 queue: SlurmQueue(runner: slurm), echo: false, queueInterval: 0)
        watch.poll()
        watch.perform(.togglePause(0))
        watch.waitForCommands()
        #expect(watch.snapshot().runs[0].status == .running)
        #expect(watch.log.lines().last?.hasPrefix("watch: could not pause task 7_0 (kappa=0.1000): ") == true)
    }

    @Test func withoutAJobNothingIsSignalled() throws {
        let dir = makeTemporaryDirectory("watch")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let slurm = ScriptedSlurm { _ in ok() }
        let watch = ClusterWatch(directory: dir, stamp: stamp, sweep: "clu", plan: nil, job: nil,
                                 queue: SlurmQueue(runner: slurm), echo: false)
        try append(run(0.1), to: logPath(dir, 0.1))
        watch.poll()
        watch.perform(.togglePause(0))
        watch.waitForCommands()
        #expect(slurm.commands.isEmpty)
        #expect(watch.log.lines().last == "watch: kappa=0.1000 has no known Slurm task; pass --job ID to pause it")
    }

    @Test func aTaskThatResumesItsCheckpointContinuesItsRow() throws {
        let dir = makeTemporaryDirectory("watch")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let watch = ClusterWatch(directory: dir, stamp: stamp, sweep: "clu", plan: plan(["0.1"]), job: nil,
                                 queue: SlurmQueue(runner: ScriptedSlurm { _ in ok() }), echo: false)
        try append(run(0.1) + [LogLine.sample(step: 100, H: 2.4, drift: 0.04, kappa: 0.1).text,
                               LogLine.done(kappa: 0.1, status: "interrupted", steps: 150, H0: 2.5, Hf: 2.4, drift: 0.04, elapsed: 1).text],
                   to: logPath(dir, 0.1))
        watch.poll()
        #expect(watch.snapshot().runs[0].status == .interrupted)
        try append(["Resume \(stamp) | kappa=0.1000 | from step 100 of 200",
                    LogLine.run(stamp: stamp, kappa: 0.1, n: 32, length: 1, dx: 1.0 / 32, dt: 0.01, steps: 200, every: 100).text],
                   to: logPath(dir, 0.1))
        watch.poll()
        let row = watch.snapshot().runs[0]
        #expect(row.status == .running && row.step == 100 && row.driftHistory == [0, 0.04], "\(row)")
    }

    @Test func aRequeuedTaskStartsItsRowAgain() throws {
        let dir = makeTemporaryDirectory("watch")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let watch = ClusterWatch(directory: dir, stamp: stamp, sweep: "clu", plan: plan(["0.1"]), job: nil,
                                 queue: SlurmQueue(runner: ScriptedSlurm { _ in ok() }), echo: false)
        try append(run(0.1) + [LogLine.sample(step: 100, H: 2.4, drift: 0.04, kappa: 0.1).text], to: logPath(dir, 0.1))
        watch.poll()
        #expect(watch.snapshot().runs[0].step == 100)
        try append(run(0.1), to: logPath(dir, 0.1))
        watch.poll()
        #expect(watch.snapshot().runs[0].step == 0 && watch.snapshot().runs[0].driftHistory == [0])
    }
}
