import Series12Cluster
import Testing

@Suite("Slurm commands")
struct SlurmQueueTests {
    @Test func submitReadsTheParsableJobIdAndPassesTheDependency() {
        let slurm = ScriptedSlurm { argv in argv.contains("--dependency=afterany:41") ? ok("42\n") : ok("41;cluster1\n") }
        let queue = SlurmQueue(runner: slurm)
        #expect(queue.submit(script: "/d/a.sh") == .success("41"))
        #expect(queue.submit(script: "/d/c.sh", afterAny: "41") == .success("42"))
        #expect(slurm.commands == [["sbatch", "--parsable", "/d/a.sh"], ["sbatch", "--parsable", "--dependency=afterany:41", "/d/c.sh"]])
    }

    @Test func submitReportsRefusalsAndAMissingSbatch() {
        let refusing = SlurmQueue(runner: ScriptedSlurm { _ in refused("sbatch: error: invalid partition specified: nope\nmore") })
        #expect(refusing.submit(script: "/a") == .failure(.failed("sbatch", "sbatch: error: invalid partition specified: nope")))
        #expect(SlurmQueue(runner: ScriptedSlurm { _ in nil }).submit(script: "/a") == .failure(.missing("sbatch")))
        #expect(SlurmQueue(runner: ScriptedSlurm { _ in ok("Submitted batch job\n") }).submit(script: "/a")
            == .failure(.failed("sbatch", "no job id in its output 'Submitted batch job'")))
    }

    @Test func squeueLinesBecomeTaskStates() throws {
        let slurm = ScriptedSlurm { _ in ok("7_0|RUNNING|None\n7_2|PENDING|JobHeldUser\n7_[3-4]|PENDING|Resources\n17_1|RUNNING|None\n") }
        let tasks = try SlurmQueue(runner: slurm).tasks(ofArray: "7").get()
        #expect(tasks == [0: .init(state: "RUNNING", reason: "None"), 2: .init(state: "PENDING", reason: "JobHeldUser")])
        #expect(tasks[2]?.isHeld == true && tasks[0]?.isHeld == false)
        #expect(slurm.commands == [["squeue", "-h", "-r", "-j", "7", "-o", "%i|%T|%r"]])
    }

    @Test func aJobTheControllerForgotHasLeftTheQueue() throws {
        let gone = SlurmQueue(runner: ScriptedSlurm { _ in refused("slurm_load_jobs error: Invalid job id specified") })
        #expect(try gone.tasks(ofArray: "7").get().isEmpty)
        let down = SlurmQueue(runner: ScriptedSlurm { _ in refused("squeue: error: Unable to contact slurm controller") })
        #expect(down.tasks(ofArray: "7") == .failure(.failed("squeue", "squeue: error: Unable to contact slurm controller")))
    }

    @Test func pauseSignalsTheWholeBatchStepAndFallsBackToSuspend() {
        let owner = ScriptedSlurm { _ in ok() }
        #expect(SlurmQueue(runner: owner).pause(task: "7_1") == .success(.stopSignal))
        #expect(owner.commands == [["scancel", "--full", "--signal=STOP", "7_1"]])

        let operatorOnly = ScriptedSlurm { argv in argv[0] == "scancel" ? refused("scancel: error: Access/permission denied") : ok() }
        let queue = SlurmQueue(runner: operatorOnly)
        #expect(queue.pause(task: "7_1") == .success(.suspend))
        _ = queue.resume(task: "7_1", pausedWith: .suspend)
        #expect(operatorOnly.commands.suffix(2) == [["scontrol", "suspend", "7_1"], ["scontrol", "resume", "7_1"]])

        let nobody = SlurmQueue(runner: ScriptedSlurm { _ in refused("denied") })
        #expect(nobody.pause(task: "7_1") == .failure(.failed("scancel --full", "denied")))
    }

    @Test func resumeUndoesEachPauseMethodItsOwnWay() {
        let slurm = ScriptedSlurm { _ in ok() }
        let queue = SlurmQueue(runner: slurm)
        _ = queue.resume(task: "7_0", pausedWith: .stopSignal)
        _ = queue.resume(task: "7_1", pausedWith: .hold)
        #expect(queue.hold(task: "7_2") == .success(.hold))
        #expect(slurm.commands == [["scancel", "--full", "--signal=CONT", "7_0"], ["scontrol", "release", "7_1"], ["scontrol", "hold", "7_2"]])
    }

    @Test func finalStateComesFromScontrol() {
        let slurm = ScriptedSlurm { _ in ok("JobId=9 ArrayJobId=7 ArrayTaskId=1 JobName=s12 JobState=TIMEOUT Reason=TimeLimit\n") }
        #expect(SlurmQueue(runner: slurm).finalState(of: "7_1") == "TIMEOUT")
        #expect(SlurmQueue(runner: ScriptedSlurm { _ in refused("Invalid job id") }).finalState(of: "7_1") == nil)
    }
}
