import Foundation
import Series12Cluster
import Series12Retention
import Series12Sweep

/// `series12 slurm submit [sweep options] [--partition P] [--time T] [--sbatch-arg A]…
/// [--dry-run]`: the sweep as a Slurm job array (one task per κ, one shared stamp and output
/// directory) plus a dependent job that runs `series12 combine` for tier 3.
enum SlurmMain {
    static func run(_ arguments: [String]) throws -> Int32 {
        guard let sub = arguments.first else {
            throw UsageError("slurm needs a subcommand: 'series12 slurm submit [sweep options]' (see 'series12 slurm --help')")
        }
        if ["--help", "-h", "help"].contains(sub) {
            print(Help.slurm)
            return 0
        }
        guard sub == "submit" else {
            throw UsageError("unknown slurm subcommand '\(sub)'; the one there is: series12 slurm submit (see 'series12 slurm --help')")
        }
        let rest = Array(arguments.dropFirst())
        if rest.contains(where: { $0 == "--help" || $0 == "-h" }) {
            print(Help.slurm)
            return 0
        }
        return try submit(rest)
    }

    static func submit(_ arguments: [String]) throws -> Int32 {
        let job = try SlurmSubmission.parse(arguments, freshStamp: SweepMain.freshStamp)
        let binary = executablePath()
        let version = Series12Version.string
        let arrayName = ClusterFiles.arrayScript(sweep: job.sweep, stamp: job.stamp)
        let combineName = ClusterFiles.combineScript(sweep: job.sweep, stamp: job.stamp)
        let array = job.arrayScript(binary: binary, version: version)
        let combine = job.combineScript(binary: binary, version: version)
        if job.dryRun {
            print("# series12 slurm submit --dry-run: nothing is written or submitted. Without --dry-run it writes")
            print("# \(job.directory)/\(arrayName) and submits it with: sbatch --parsable \(arrayName)")
            print(array)
            print("# then \(job.directory)/\(combineName), submitted with: sbatch --parsable --dependency=afterany:<array job id> \(combineName)")
            print(combine, terminator: "")
            return 0
        }
        guard ProcessRunner.locate("sbatch") != nil else {
            throw UsageError("sbatch not found on PATH: run 'series12 slurm submit' on a Slurm login node (add --dry-run to see the scripts)")
        }
        let writer = AtomicArchive()
        for (name, text) in [(arrayName, array), (combineName, combine)] {
            let outcome = writer.writeFile(bytes: Array(text.utf8), to: name, in: job.directory, stamp: job.stamp)
            guard outcome.succeeded else {
                unlink(job.directory + "/" + arrayName)
                Terminal.write("series12: cannot write the batch script \(name): \(outcome.failureReason ?? "unknown error"); nothing was submitted\n", to: STDERR_FILENO)
                return 1
            }
        }
        let queue = SlurmQueue()
        let arrayJob: String
        switch queue.submit(script: job.directory + "/" + arrayName) {
        case let .success(id): arrayJob = id
        case let .failure(error):
            unlink(job.directory + "/" + arrayName)
            unlink(job.directory + "/" + combineName)
            Terminal.write("series12: \(error); nothing was submitted\n", to: STDERR_FILENO)
            return 1
        }
        var status: Int32 = 0
        var combineJob: String? = nil
        switch queue.submit(script: job.directory + "/" + combineName, afterAny: arrayJob) {
        case let .success(id): combineJob = id
        case let .failure(error):
            status = 1
            Terminal.write("series12: the array job \(arrayJob) is queued, but the combine job was not: \(error). When every task has ended, run: series12 combine \(job.directory) --stamp \(job.stamp) --name \(job.sweep) --tasks-ended\n", to: STDERR_FILENO)
        }
        let config = job.configuration
        let plan = SlurmPlan(sweep: job.sweep, stamp: job.stamp, kappaTexts: job.kappaTexts, n: config.n,
                             length: config.length, steps: config.steps, every: config.every, arrayJob: arrayJob,
                             combineJob: combineJob, submitted: Date().timeIntervalSince1970, binary: binary)
        let planOutcome = plan.write(to: job.directory)
        if !planOutcome.succeeded {
            status = 1
            Terminal.write("series12: the jobs are queued, but \(planOutcome.name) could not be written (\(planOutcome.failureReason ?? "")); watch with --job \(arrayJob)\n", to: STDERR_FILENO)
        }
        let tasks = job.kappaTexts.enumerated().map { "task \($0.offset): κ=\($0.element)" }.joined(separator: ", ")
        print("Submitted sweep '\(job.sweep)', stamp \(job.stamp), to Slurm:")
        print("  array job \(arrayJob): \(job.kappaTexts.count) task\(job.kappaTexts.count == 1 ? "" : "s"), one per κ (\(tasks))")
        if let combineJob {
            print("  combine job \(combineJob): after every task has ended, writes \(ArchiveNaming.tier3Summary(sweep: job.sweep, stamp: job.stamp))")
        }
        print("  scripts and plan: \(job.directory)/{\(arrayName),\(combineName),\(planOutcome.name)}")
        print("Watch it:   series12 watch \(job.directory) --stamp \(job.stamp)      (space pauses/resumes a κ's task, q leaves, jobs run on)")
        print("Headless:   series12 watch \(job.directory) --stamp \(job.stamp) --headless")
        print("Tier 3 by hand: series12 combine \(job.directory) --stamp \(job.stamp) --name \(job.sweep)")
        print("Cancel:     scancel \(arrayJob)\(combineJob.map { " \($0)" } ?? "")")
        return status
    }

    /// This program's absolute path (the tasks run the very binary that submitted them).
    static func executablePath() -> String {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"), path.hasPrefix("/") {
            return path
        }
        return URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
    }
}
