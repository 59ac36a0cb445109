import Foundation
import Testing
import Series12Sweep

@Suite("Pausing and resuming runs", .serialized)
struct PauseResumeTests {
    @Test func pausedRunResumesBitForBitAndFreesItsCore() throws {
        let plain = makeTemporaryDirectory("plain"), paused = makeTemporaryDirectory("paused")
        defer { try? FileManager.default.removeItem(atPath: plain); try? FileManager.default.removeItem(atPath: paused) }
        let kappas = [0.7, 3.0]
        #expect(runSweep(smallConfiguration(plain, kappas: kappas, n: 64, steps: 400_000, every: 5000, jobs: 1)) == 0)

        let sweep = Sweep(configuration: smallConfiguration(paused, kappas: kappas, n: 64, steps: 400_000, every: 5000, jobs: 1),
                          stamp: "20260101_000000", log: Tier1Log(echo: false))
        sweep.start()
        #expect(waitFor { sweep.snapshot().runs[0].step > 1234 })
        sweep.perform(.togglePause(0))
        #expect(waitFor { sweep.snapshot().runs[0].status == .paused })
        let stoppedAt = sweep.snapshot().runs[0].step
        // Its core goes to the queued κ, which advances while the first stays put.
        #expect(waitFor { sweep.snapshot().runs[1].step > 100 })
        usleep(200_000)
        #expect(sweep.snapshot().runs[0].step == stoppedAt)
        #expect(stoppedAt > 0 && stoppedAt < 400_000)
        sweep.perform(.togglePause(0))
        #expect(sweep.waitUntilFinished() == 0)

        for tag in ["0_7000", "3_0000"] {
            let a = try history(plain, kappaTag: tag), b = try history(paused, kappaTag: tag)
            #expect(a.count == 81)
            #expect(a.steps == b.steps)
            #expect(a.H.map(\.bitPattern) == b.H.map(\.bitPattern))
        }
    }

    @Test func pauseAllStopsEveryRunAndResumeAllContinuesThem() throws {
        let dir = makeTemporaryDirectory("all")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // Far more steps than the test waits for: it ends by interrupting.
        let sweep = Sweep(configuration: smallConfiguration(dir, kappas: [0.1, 0.2, 0.3], n: 64, steps: 50_000_000, every: 1000, jobs: 2),
                          stamp: "20260101_000000", log: Tier1Log(echo: false))
        sweep.start()
        #expect(waitFor { sweep.snapshot().runs[0].step > 100 })
        sweep.perform(.pauseAll)
        #expect(waitFor { sweep.snapshot().runs.allSatisfy { $0.status == .paused } })
        let steps = sweep.snapshot().runs.map(\.step)
        usleep(200_000)
        #expect(sweep.snapshot().runs.map(\.step) == steps)
        #expect(sweep.snapshot().busy == 0)
        sweep.perform(.resumeAll)
        // The two runs that had started get their cores back before the κ that never ran.
        #expect(waitFor { sweep.snapshot().runs[0].step > steps[0] && sweep.snapshot().runs[1].step > steps[1] })
        #expect(sweep.snapshot().runs[2].status == .queued)
        #expect(sweep.snapshot().busy == 2)
        sweep.perform(.interrupt)
        #expect(sweep.waitUntilFinished() == 130)
    }

    @Test func interruptCheckpointsEveryRunAsInterrupted() throws {
        let dir = makeTemporaryDirectory("interrupt")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let sweep = Sweep(configuration: smallConfiguration(dir, kappas: [0.1, 0.2, 0.3], n: 64, steps: 50_000_000, every: 1000, jobs: 1),
                          stamp: "20260101_000000", log: Tier1Log(echo: false))
        sweep.start()
        #expect(waitFor { sweep.snapshot().runs[0].step > 2000 })
        sweep.perform(.interrupt)
        #expect(sweep.waitUntilFinished() == 130)
        for tag in ["0_1000", "0_2000", "0_3000"] {
            let r = try record(dir, kappaTag: tag)
            #expect(r.status == "interrupted", "kappa \(tag): \(r.status) at step \(r.stepsDone)")
        }
    }
}
