import Foundation
import Series12Retention
import Series12Sweep

/// `series12 sweep`: validate everything, pick a stamp, run headless or in the dashboard.
enum SweepMain {
    static func run(_ arguments: [String]) throws -> Int32 {
        var config = try SweepConfiguration.parse(arguments)
        if !config.task, let stamp = config.stamp, let task = TaskLogs.find(in: config.outputDirectory, stamp: stamp).first {
            // A plain sweep would write its own tier 3 over the cluster sweep's, listing only its κs.
            throw UsageError("stamp \(stamp) in '\(config.outputDirectory)' belongs to cluster sweep '\(task.sweep)' (\(task.fileName)); add one κ to it with --task, or choose another --stamp")
        }
        try SweepSession.validateTheme(config.theme, explicit: arguments.contains { $0 == "--theme" || $0.hasPrefix("--theme=") })
        let interactive = !config.headless && isatty(STDOUT_FILENO) == 1
        if !interactive { config.headless = true }
        if !config.ascii && !Locale.isUTF8 { config.ascii = true }
        let stamp = config.stamp ?? freshStamp(in: config.outputDirectory)
        // A task run again (requeued, resubmitted) continues its κ's checkpoint; checked
        // before anything is written.
        let taskStart = config.task ? try TaskStart.find(configuration: config, stamp: stamp) : .fresh
        let log = Tier1Log(echo: config.headless)
        let logName = config.task
            ? ArchiveNaming.taskLog(sweep: config.name, kappa: config.kappas[0], stamp: stamp)
            : ArchiveNaming.sweepLog(sweep: config.name, stamp: stamp)
        try log.attachFile(path: config.outputDirectory + "/" + logName)
        if config.task, let line = taskLine(kappa: config.kappas[0]) { log.append(line) }
        var plans: [RunPlan]? = nil
        switch taskStart {
        case .fresh:
            break
        case let .ended(record):
            log.append("Task kappa=\(LogLine.k4(record.kappa)) | status=\(record.status) at step \(record.stepsDone) of \(record.parameters.steps): it has ended already; nothing to run")
            log.closeFile()
            return record.status == RunStatus.done.rawValue ? 0 : 1
        case let .resume(plan):
            log.append("Resume \(stamp) | kappa=\(LogLine.k4(plan.kappa)) | from step \(plan.start?.fields.step ?? 0) of \(config.steps)")
            plans = [plan]
        }
        let sweep = Sweep(configuration: config, stamp: stamp, log: log, plans: plans)
        return SweepSession.run(sweep, configuration: config)
    }

    /// `Task 123_4 | kappa=0.5000 | host=node07 | pid=4242`: which Slurm array task runs this
    /// κ, so `series12 watch` can pause it and a reader of the log knows where it ran. Nil
    /// outside a Slurm array job.
    static func taskLine(kappa: Double) -> String? {
        let env = ProcessInfo.processInfo.environment
        guard let job = env["SLURM_ARRAY_JOB_ID"], let task = env["SLURM_ARRAY_TASK_ID"] else { return nil }
        var name = [CChar](repeating: 0, count: 256)
        let host = gethostname(&name, name.count - 1) == 0
            ? String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) : "unknown"
        return "Task \(job)_\(task) | kappa=\(LogLine.k4(kappa)) | host=\(host) | pid=\(getpid())"
    }

    /// The start time as a stamp, waiting out a second already used in this directory so two
    /// sweeps never share one.
    static func freshStamp(in directory: String) -> String {
        while true {
            let stamp = ArchiveNaming.stamp()
            let taken = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
                .contains { $0.contains("_\(stamp)") }
            if !taken { return stamp }
            usleep(200_000)
        }
    }
}

extension Locale {
    /// True when the C locale's character set (LANG/LC_ALL/LC_CTYPE) is UTF-8.
    static var isUTF8: Bool {
        let env = ProcessInfo.processInfo.environment
        let value = env["LC_ALL"].flatMap { $0.isEmpty ? nil : $0 } ?? env["LC_CTYPE"].flatMap { $0.isEmpty ? nil : $0 } ?? env["LANG"] ?? ""
        let v = value.lowercased()
        return v.contains("utf-8") || v.contains("utf8")
    }
}
