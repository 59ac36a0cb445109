import Series12Retention

/// The extra flat files a cluster sweep leaves in its output directory beside the archives
/// and the task logs (`ArchiveNaming.taskLog`). Every name ends in `_{stamp}` before its
/// extension, like the archives', and none is a `.tar`, so no checker takes them for tier 2.
public enum ClusterFiles {
    /// The job-array batch script as submitted: `{sweep}_slurm_array_{stamp}.sh`.
    public static func arrayScript(sweep: String, stamp: String) -> String { "\(sweep)_slurm_array_\(stamp).sh" }

    /// The dependent combine job's batch script: `{sweep}_slurm_combine_{stamp}.sh`.
    public static func combineScript(sweep: String, stamp: String) -> String { "\(sweep)_slurm_combine_\(stamp).sh" }

    /// What `slurm submit` submitted (κs, job ids): `{sweep}_slurm_{stamp}.json`, read by `watch`.
    public static func plan(sweep: String, stamp: String) -> String { "\(sweep)_slurm_\(stamp).json" }

    /// Slurm's stdout/stderr of array task `%a` (a pattern for `#SBATCH --output`):
    /// `{sweep}_slurm_task%a_{stamp}.out`.
    public static func taskOutputPattern(sweep: String, stamp: String) -> String { "\(sweep)_slurm_task%a_\(stamp).out" }

    /// Slurm's stdout/stderr of the combine job: `{sweep}_slurm_combine_{stamp}.out`.
    public static func combineOutput(sweep: String, stamp: String) -> String { "\(sweep)_slurm_combine_\(stamp).out" }

    /// Where `y` in `series12 watch` saves the merged log it shows: `{sweep}_watch_{stamp}.txt`
    /// (not the sweep log, which `resume` appends to after the task logs).
    public static func watchLog(sweep: String, stamp: String) -> String { "\(sweep)_watch_\(stamp).txt" }

    /// The sweep a plan file belongs to: `clu` for `clu_slurm_{stamp}.json`.
    public static func sweepOfPlan(_ fileName: String, stamp: String) -> String? {
        let suffix = "_slurm_\(stamp).json"
        guard fileName.hasSuffix(suffix) else { return nil }
        let sweep = String(fileName.dropLast(suffix.count))
        return ArchiveNaming.isValidSweepName(sweep) ? sweep : nil
    }
}
