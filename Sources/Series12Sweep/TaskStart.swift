import Foundation
import Series12Retention

/// Where a cluster array task (`sweep --task`) starts. Slurm may run a task again — requeued
/// after a node failure, or resubmitted by hand after its time limit — with the same stamp
/// and directory: a κ that already has a fields checkpoint continues from it, bit for bit,
/// instead of starting over; a κ that has ended is left alone.
public enum TaskStart: Sendable {
    /// No checkpoint of this κ and stamp: start at t = 0.
    case fresh
    /// Continue from the κ's last checkpoint.
    case resume(RunPlan)
    /// The κ has ended already (`done`, `unstable` or `failed`): nothing to run.
    case ended(RunRecord)

    /// Looks at the κ's own archives only (other tasks may be writing theirs meanwhile).
    /// Throws when the checkpoint is unusable or was made with other options.
    public static func find(configuration config: SweepConfiguration, stamp: String) throws(UsageError) -> TaskStart {
        let kappa = config.kappas[0]
        let fields = ArchiveNaming.kappaArchive(kappa: kappa, kind: .fields, stamp: stamp)
        guard FileManager.default.fileExists(atPath: config.outputDirectory + "/" + fields) else { return .fresh }
        let found = try ResumePlan.load(directory: config.outputDirectory, stamp: stamp, jobs: 1,
                                        only: ArchiveNaming.kappaTag(kappa))
        if let record = found.finished.first { return .ended(record) }
        guard let plan = found.plans.first, let start = plan.start else { return .fresh }
        let p = start.record.parameters
        let same = p.N == config.n && p.steps == config.steps && p.every == config.every && p.L == config.length
            && p.c == config.c && (config.dt.map { $0 == p.dt } ?? true) && start.record.kappa == kappa
        guard same else {
            throw UsageError("kappa=\(LogLine.k4(kappa)) already has a checkpoint of stamp \(stamp) made with other options (N=\(p.N), steps=\(p.steps), every=\(p.every), L=\(p.L), c=\(p.c), dt=\(p.dt)); run it with those, or choose another --stamp")
        }
        return .resume(RunPlan(index: 0, kappa: kappa, configuration: config, stamp: stamp, version: Series12Version.string,
                               start: start))
    }
}
