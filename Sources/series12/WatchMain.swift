import Foundation
import Series12Cluster
import Series12Dashboard
import Series12Retention
import Series12Sweep
import Synchronization

/// `series12 watch DIR --stamp S [--job ID] [--name NAME] [--headless] [--ascii] [--theme T]`:
/// the dashboard of a cluster sweep running elsewhere, fed by its tasks' flushed log files and
/// by `squeue`. `space` pauses/resumes a κ's array task; `q` leaves, the jobs run on.
/// Headless it prints the tasks' tier-1 lines as they appear and ends once every κ has
/// settled or the array job has left the queue: exit 0 when every κ is done, else 1.
enum WatchMain {
    /// Time between two reads of the task logs.
    static let pollInterval: useconds_t = 250_000

    static func run(_ arguments: [String]) throws -> Int32 {
        if arguments.contains(where: { $0 == "--help" || $0 == "-h" }) {
            print(Help.watch)
            return 0
        }
        let scan = try ArgumentScanner(arguments, options: ["stamp", "job", "name", "theme"], switches: ["headless", "ascii"],
                                       command: "watch")
        let (directory, stamp) = try scan.directoryAndStamp(command: "watch", stampHint: "printed by 'series12 slurm submit'")
        if let job = scan.values["job"], job.isEmpty || !job.allSatisfy({ $0.isASCII && $0.isNumber }) {
            throw UsageError("--job must be the array job's number as sbatch printed it (e.g. 12345), got '\(job)'")
        }
        if let name = scan.values["name"], !ArchiveNaming.isValidSweepName(name) {
            throw UsageError("--name '\(name)' may hold only letters, digits, '_' and '-'")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw UsageError("watch: '\(directory)' is not an existing directory; give the sweep's --out directory")
        }
        if let theme = scan.values["theme"] { try SweepSession.validateTheme(theme, explicit: true) }
        let plan: SlurmPlan?
        do { plan = try SlurmPlan.load(directory: directory, stamp: stamp, sweep: scan.values["name"]) } catch {
            throw UsageError("\(error)")
        }
        let sweep = try sweepName(directory: directory, stamp: stamp, given: scan.values["name"], plan: plan,
                                  job: scan.values["job"])
        let headless = scan.flags.contains("headless") || isatty(STDOUT_FILENO) != 1
        let ascii = scan.flags.contains("ascii") || !Locale.isUTF8
        let watch = ClusterWatch(directory: directory, stamp: stamp, sweep: sweep, plan: plan, job: scan.values["job"],
                                 echo: headless)
        if headless { return followHeadless(watch) }
        return followOnScreen(watch, theme: scan.values["theme"] ?? "default", ascii: ascii)
    }

    /// The sweep whose task logs to follow: `--name`, the plan's, or the one the stamp's task
    /// logs carry. Nothing of the stamp at all (and no job to wait for) is a usage error.
    static func sweepName(directory: String, stamp: String, given: String?, plan: SlurmPlan?, job: String?) throws(UsageError) -> String {
        if let name = given ?? plan?.sweep { return name }
        let found = Set(TaskLogs.find(in: directory, stamp: stamp).map(\.sweep))
        guard found.count <= 1 else {
            throw UsageError("'\(directory)' holds several sweeps of stamp \(stamp) (\(found.sorted().joined(separator: ", "))); pick one with --name")
        }
        if let name = found.first { return name }
        guard job != nil else {
            throw UsageError("nothing of stamp \(stamp) in '\(directory)' (no \(ClusterFiles.plan(sweep: "NAME", stamp: stamp)), no task log); check the directory and --stamp, or pass --job ID")
        }
        return "sweep"
    }

    /// Prints every task line as it appears; returns once every κ has settled.
    static func followHeadless(_ watch: ClusterWatch) -> Int32 {
        let signals = SignalWatch()
        defer { withExtendedLifetime(signals) {} }
        while true {
            watch.poll()
            if signals.flag.last != nil {
                print("watch: stopped; the jobs keep running")
                return 130
            }
            if watch.isComplete {
                watch.poll()  // lines written just before the last task left the queue
                break
            }
            usleep(pollInterval)
        }
        let runs = watch.snapshot().runs
        let counts = Dictionary(grouping: runs, by: \.status).map { "\($0.key.rawValue)=\($0.value.count)" }.sorted()
        print("watch: every κ has settled (\(runs.count) κ: \(counts.joined(separator: ", ")))")
        return watch.exitStatus
    }

    /// The dashboard, with a poller thread reading the logs beside it.
    static func followOnScreen(_ watch: ClusterWatch, theme: String, ascii: Bool) -> Int32 {
        let signals = SignalWatch()
        let flag = signals.flag
        let stop = Atomic<Bool>(false)
        let pollerDone = DispatchSemaphore(value: 0)
        watch.poll()
        let poller = Thread {
            while !stop.load(ordering: .acquiring) {
                usleep(pollInterval)
                watch.poll()
            }
            pollerDone.signal()
        }
        poller.name = "series12 watch poller"
        poller.start()
        let options = DashboardOptions(themeName: theme, ascii: ascii, themesDirectory: Theme.locateDirectory(),
                                       logFilePath: watch.directory + "/" + ClusterFiles.watchLog(sweep: watch.sweep, stamp: watch.stamp))
        let exit = Dashboard.run(source: watch, options: options, stopRequest: { flag.last.map { .signal($0) } })
        if exit == .terminalUnavailable {
            stop.store(true, ordering: .releasing)
            pollerDone.wait()
            for line in watch.log.lines() { print(line) }
            watch.log.setEcho(true)
            withExtendedLifetime(signals) {}
            return followHeadless(watch)
        }
        stop.store(true, ordering: .releasing)
        pollerDone.wait()
        watch.waitForCommands()
        // Leaving the screen: the log goes to stdout, into the scrollback (as a sweep's does).
        Terminal.write(watch.log.text)
        for paused in watch.pausedTasks {
            let undo = paused.method == .hold ? "scontrol release" : paused.method == .suspend ? "scontrol resume" : "scancel --full --signal=CONT"
            print("watch: task \(paused.id) (kappa=\(ArchiveNaming.k4(paused.kappa))) is still paused (\(paused.method.rawValue)); resume it with '\(undo) \(paused.id)' or in series12 watch")
        }
        print("Left the watch; the jobs keep running. Back to it: series12 watch \(watch.directory) --stamp \(watch.stamp)")
        withExtendedLifetime(signals) {}
        if case .signal = exit { return 130 }
        return 0
    }
}
