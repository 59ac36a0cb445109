import Foundation
import Series12Core
import Series12Retention
import Synchronization

/// A κ sweep on this machine: one thread per κ, at most `jobs` stepping at once, archives
/// written by a retention desk, tier-1 lines into `log`. The dashboard watches it through
/// `SweepSource`; headless mode just waits for it.
public final class Sweep: SweepSource {
    public let configuration: SweepConfiguration
    public let stamp: String
    public let log: Tier1Log
    let runs: [SolverRun]
    private let pool: CorePool
    private let desk: RetentionDesk
    private let started = monotonicSeconds()
    private let threadsDone = DispatchGroup()
    private let userInterrupted = Atomic<Bool>(false)
    private let fieldWatch: FieldWatch

    /// - Parameters:
    ///   - plans: the runs (a fresh sweep has one per κ from t = 0; a resume passes its own).
    ///   - finished: records of κs that need no stepping (resume): listed in tier 3 as they are.
    public init(configuration: SweepConfiguration, stamp: String, log: Tier1Log, plans: [RunPlan]? = nil,
                finished: [RunRecord] = []) {
        self.configuration = configuration
        self.stamp = stamp
        self.log = log
        let runPlans = plans ?? configuration.kappas.enumerated().map { i, k in
            RunPlan(index: i, kappa: k, configuration: configuration, stamp: stamp, version: Series12Version.string)
        }
        let pool = CorePool(cores: configuration.jobs, runs: runPlans.count)
        self.pool = pool
        let box = RunBox()
        let desk = RetentionDesk(
            target: .init(directory: configuration.outputDirectory, stamp: stamp, sweep: configuration.name,
                          version: Series12Version.string, ascii: configuration.ascii,
                          writesTier3: !configuration.task),
            log: log,
            onOutcome: { index, outcome in box.run(index)?.noteArchive(outcome.name, failed: !outcome.succeeded) })
        self.desk = desk
        let watch = FieldWatch()
        fieldWatch = watch
        runs = runPlans.map { plan in
            SolverRun(plan: plan, pool: pool, log: log, fieldWatch: watch, deliver: { desk.submit($0) })
        }
        box.set(runs)
        for (i, record) in finished.enumerated() { desk.remember(record, index: runPlans.count + i) }
    }

    /// Starts every run's thread; returns at once.
    public func start() {
        for run in runs {
            threadsDone.enter()
            let thread = Thread { [threadsDone] in
                run.main()
                threadsDone.leave()
            }
            thread.name = "series12 kappa=\(LogLine.k4(run.plan.kappa))"
            thread.start()
        }
    }

    public func snapshot() -> SweepSnapshot {
        SweepSnapshot(name: configuration.name, stamp: stamp, n: configuration.n, length: configuration.length,
                      elapsed: monotonicSeconds() - started, jobs: configuration.jobs, runs: runs.map { $0.snapshot() })
    }

    public var keepsFields: Bool { true }

    public func fieldFrame(of index: Int) -> FieldFrame? {
        runs.indices.contains(index) ? runs[index].fieldFrame() : nil
    }

    public func watchFields(of index: Int?) { fieldWatch.watch(index) }

    public func perform(_ command: SweepCommand) {
        switch command {
        case .togglePause(let i):
            if runs.indices.contains(i) { runs[i].togglePause() }
        case .pauseAll:
            runs.forEach { $0.setPaused(true) }
        case .resumeAll:
            runs.forEach { $0.setPaused(false) }
        case .interrupt:
            userInterrupted.store(true, ordering: .releasing)
            runs.forEach { $0.flags.interrupt() }
            pool.wake()
        }
    }

    /// Blocks until every run has ended and every archive is written, then writes tier 3 and
    /// prints the download order (an array task lists its own files instead: tier 3 is
    /// `series12 combine`'s). Returns the exit status of SPEC §9.
    public func waitUntilFinished() -> Int32 {
        threadsDone.wait()
        desk.waitUntilIdle()
        if configuration.task {
            printTaskFiles()
        } else {
            desk.writeTier3()
            printDownloadOrder()
        }
        let failed = desk.failedArchives
        if !failed.isEmpty {
            log.append("Warning: \(failed.count) archive(s) could not be saved: \(failed.joined(separator: ", ")). "
                + "Every value is in the tier-1 log above; rebuild them with 'series12 recover' once the disk is fixed.")
        }
        let statuses = runs.map { $0.snapshot().status }
        if statuses.contains(where: { $0 == .unstable || $0 == .failed }) || !failed.isEmpty { return 1 }
        if userInterrupted.load(ordering: .acquiring) || statuses.contains(.interrupted) { return 130 }
        return 0
    }

    /// True once every run thread has returned.
    public var isFinished: Bool { threadsDone.wait(timeout: .now()) == .success }

    /// An array task's own files, and where tier 3 will come from.
    private func printTaskFiles() {
        let dir = configuration.outputDirectory
        let tags = Set(runs.map { "kappa_" + ArchiveNaming.kappaTag($0.plan.kappa) + "_" })
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [])
            .filter { name in ArchiveNaming.isTier2(name, stamp: stamp) && tags.contains { name.hasPrefix($0) } }
            .sorted()
        log.append("Task files (tier 3 comes from 'series12 combine \(dir) --stamp \(stamp) --name \(configuration.name)' once every task has ended):")
        for (i, name) in names.enumerated() {
            let size = (try? FileManager.default.attributesOfItem(atPath: dir + "/" + name)[.size] as? Int) ?? nil
            log.append("  \(i + 1). \(name) (\(size.map { "\($0) bytes" } ?? "MISSING"))")
        }
    }

    /// SOP Part VII: the tier-3 summary first, then every tier-2 file, with sizes.
    private func printDownloadOrder() {
        let dir = configuration.outputDirectory
        let tier3 = ArchiveNaming.tier3Summary(sweep: configuration.name, stamp: stamp)
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [])
            .filter { ArchiveNaming.isTier2($0, stamp: stamp) }
            .sorted()
        log.append("Download order (tier 3 first, then every tier-2 file):")
        for (i, name) in ([tier3] + names).enumerated() {
            let size = (try? FileManager.default.attributesOfItem(atPath: dir + "/" + name)[.size] as? Int) ?? nil
            log.append("  \(i + 1). \(name) (\(size.map { "\($0) bytes" } ?? "MISSING"))")
        }
    }
}

/// Lets the retention desk's callback reach the runs built after it.
private final class RunBox: Sendable {
    private let runs = Mutex<[SolverRun]>([])
    func set(_ r: [SolverRun]) { runs.withLock { $0 = r } }
    func run(_ i: Int) -> SolverRun? { runs.withLock { $0.indices.contains(i) ? $0[i] : nil } }
}
