import Foundation
import Series12Retention
import Series12Sweep

/// `series12 resume --stamp STAMP [--out DIR] [--headless]`: continue every unfinished κ of a
/// sweep from its last fields checkpoint, appending to the same archives and tier 3.
enum ResumeMain {
    static func run(_ arguments: [String]) throws -> Int32 {
        let scan = try ArgumentScanner(arguments, options: ["stamp", "out", "jobs", "theme"], switches: ["headless", "ascii"],
                                       command: "resume")
        if let extra = scan.positionals.first { throw UsageError("unexpected argument '\(extra)' for 'series12 resume'") }
        guard let stamp = scan.values["stamp"] else {
            throw UsageError("resume needs --stamp YYYYMMDD_HHMMSS (the stamp in the archive names)")
        }
        let jobs = try scan.int("jobs")
        if let jobs, jobs < 1 { throw UsageError("--jobs must be at least 1, got \(jobs)") }
        if let theme = scan.values["theme"] { try SweepSession.validateTheme(theme, explicit: true) }
        let plan = try ResumePlan.load(directory: scan.values["out"] ?? ".", stamp: stamp, jobs: jobs)
        var config = plan.configuration
        config.headless = scan.flags.contains("headless") || isatty(STDOUT_FILENO) != 1
        config.ascii = scan.flags.contains("ascii") || !Locale.isUTF8
        config.theme = scan.values["theme"] ?? config.theme
        for name in plan.removedTemporaries {
            Terminal.write("series12: removed a temporary file left by a killed writer: \(name)\n", to: STDERR_FILENO)
        }
        guard !plan.plans.isEmpty else {
            print("Nothing to resume: every κ of \(stamp) has ended (\(plan.finished.map { "\(LogLine.k4($0.kappa))=\($0.status)" }.joined(separator: ", ")))")
            // A kill after the last run ended may have cut off the tier-3 summary: rewrite it.
            let tier3 = Tier3Summary.write(sweep: config.name, stamp: stamp, version: Series12Version.string,
                                           records: plan.finished, log: plan.earlierLog.map { $0 + "\n" }.joined(),
                                           directory: config.outputDirectory)
            print(OutcomeLine.archive(tier3, ascii: config.ascii))
            return tier3.succeeded ? 0 : 1
        }
        for (kappa, reason) in plan.restarted {
            Terminal.write("series12: kappa=\(LogLine.k4(kappa)) restarts from t = 0: \(reason); same initial condition and dt, so it ends bit for bit as an uninterrupted run\n",
                           to: STDERR_FILENO)
        }
        let log = Tier1Log(echo: config.headless)
        log.preload(plan.earlierLog)
        try log.attachFile(path: config.outputDirectory + "/" + ArchiveNaming.sweepLog(sweep: config.name, stamp: stamp))
        for p in plan.plans {
            log.append("Resume \(stamp) | kappa=\(LogLine.k4(p.kappa)) | from step \(p.start?.fields.step ?? 0) of \(config.steps)")
        }
        let sweep = Sweep(configuration: config, stamp: stamp, log: log, plans: plan.plans, finished: plan.finished)
        return SweepSession.run(sweep, configuration: config)
    }
}
