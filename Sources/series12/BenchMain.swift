import Foundation
import Series12Core
import Series12Retention
import Series12Sweep

/// `series12 bench`: the solver alone, in the reference kernels' format; with `--compare` the
/// references are built and run interleaved with ours and the ratios printed.
enum BenchMain {
    static func run(_ arguments: [String]) throws -> Int32 {
        let scan = try ArgumentScanner(arguments, options: ["N", "steps", "kappa", "reps", "rss-child"],
                                       switches: ["compare", "dashboard", "field-view", "retention"], command: "bench")
        let n = try scan.int("N") ?? 256
        let steps = try scan.int("steps") ?? 1000
        let kappa = try scan.double("kappa") ?? 0.1
        // --compare takes 9 repetitions unless told: on a shared machine a repetition now and
        // then sees one core for two runs, and nine keep such moments out of the medians.
        let reps = try scan.int("reps") ?? (scan.flags.contains("compare") ? 9 : 3)
        guard n >= 8 else { throw UsageError("--N must be at least 8, got \(n)") }
        guard steps >= 1 else { throw UsageError("--steps must be at least 1, got \(steps)") }
        guard kappa >= 0 else { throw UsageError("--kappa must be ≥ 0, got \(kappa)") }
        guard reps >= 1 else { throw UsageError("--reps must be at least 1, got \(reps)") }
        if let rssN = try scan.int("rss-child") {
            print(String(format: "rss_ratio=%.4f", SolverBench.peakRSSRatio(n: rssN, steps: steps)))
            return 0
        }
        if scan.flags.contains("field-view") && !scan.flags.contains("dashboard") {
            throw UsageError("--field-view goes with --dashboard: series12 bench --dashboard --field-view")
        }
        if scan.flags.contains("dashboard") {
            return try DashboardBench(n: scan.values["N"] == nil ? 256 : n, steps: scan.values["steps"] == nil ? 40000 : steps, reps: reps,
                                      fieldView: scan.flags.contains("field-view")).run()
        }
        if scan.flags.contains("retention") {
            return BenchCompare(steps: steps, kappa: kappa, reps: reps, n: nil).runRetention()
        }
        if !scan.flags.contains("compare") {
            print(SolverBench.measure(n: n, steps: steps, kappa: kappa).line)
            return 0
        }
        return try BenchCompare(steps: steps, kappa: kappa, reps: reps, n: scan.values["N"] == nil ? nil : n).run()
    }
}
