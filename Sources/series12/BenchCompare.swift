import Foundation
import Series12Core
import Series12Retention
import Series12Sweep

/// `series12 bench --compare`: builds `shared/bench/` (clang of the toolchain if present, else
/// gcc; `-O3 -march=native`), runs each reference and ours interleaved `reps` times, and prints
/// medians and ratios. One run, one machine, side by side: the ratios are what we report.
struct BenchCompare {
    var steps: Int
    var kappa: Double
    var reps: Int
    /// Only this N when given; else 256 and 1024.
    var n: Int?

    func run() throws -> Int32 {
        let benchDir = try Self.findBenchDirectory()
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("series12-bench-\(getpid())").path
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: work) }
        let compiler = Self.compiler()
        for name in ["ref_fast", "ref_kdk"] {
            let out = try Self.shell([compiler, "-O3", "-march=native", "-o", "\(work)/\(name)", "\(benchDir)/\(name).c", "-lm"])
            guard out.status == 0 else { throw UsageError("cannot build \(name).c with \(compiler): \(out.text)") }
        }
        print("reference kernels built with \(compiler) -O3 -march=native; \(reps) interleaved repetitions, medians")
        var rows: [(String, Double, String)] = []
        // The machine's ceiling is sampled between the two-core repetitions, so that it sees the
        // same moments of a shared machine as they do.
        var fmaOne: [Double] = [], fmaTwo: [Double] = []
        var streamOne: [Double] = [], streamTwo: [Double] = []
        for n in n.map({ [$0] }) ?? [256, 1024] {
            let s = n >= 1024 ? max(steps / 4, 50) : steps
            var ours: [Double] = [], fast: [Double] = []
            for _ in 0..<reps {
                let r = SolverBench.measure(n: n, steps: s, kappa: kappa)
                print(r.line)
                ours.append(r.cellUpdatesPerSecond)
                let ref = try Self.runReference("\(work)/ref_fast", n: n, steps: s, kappa: kappa)
                print("ref_fast: " + ref.line)
                fast.append(ref.rate)
            }
            rows.append(("one κ on one core, N=\(n) vs ref_fast.c", median(ours) / median(fast), n >= 1024 ? "≥ 2.0" : "≥ 1.3"))
            // The two-core rows step for about half a second a run (4× the steps at N=256), so
            // that thread start-up and the scheduler's first placement weigh little, as in a sweep.
            let cs = n >= 1024 ? s : 4 * s
            var one: [Double] = [], two: [Double] = []
            for rep in 0..<reps {
                // One κ first in even repetitions, two first in odd ones, so that a machine
                // speeding up or slowing down over the run does not favour either.
                let a: SolverBench.ConcurrentRuns, b: SolverBench.ConcurrentRuns
                if rep % 2 == 0 {
                    a = SolverBench.measureConcurrent(n: n, steps: cs, kappa: kappa, jobs: 1)
                    b = SolverBench.measureConcurrent(n: n, steps: cs, kappa: kappa, jobs: 2)
                } else {
                    b = SolverBench.measureConcurrent(n: n, steps: cs, kappa: kappa, jobs: 2)
                    a = SolverBench.measureConcurrent(n: n, steps: cs, kappa: kappa, jobs: 1)
                }
                one.append(a.rate)
                two.append(b.rate)
                fmaOne.append(SolverBench.fmaThroughput(jobs: 1, iterations: 100_000_000))
                fmaTwo.append(SolverBench.fmaThroughput(jobs: 2, iterations: 100_000_000))
                streamOne.append(SolverBench.cacheStreamThroughput(jobs: 1, passes: 12_000))
                streamTwo.append(SolverBench.cacheStreamThroughput(jobs: 2, passes: 12_000))
                let runs = zip(b.seconds, b.cpus).map { seconds, cpu in
                    String(format: "%.4f s", seconds) + " on CPU " + (cpu.map(String.init) ?? "?")
                }.joined(separator: " and ")
                print(String(format: "N=%d steps=%d: 1 κ %.4e cell_updates_per_s (%.4f s); 2 κs %.4e (runs took %@); 2 threads ÷ 1: FMA loop %.2f, L2 stream %.2f",
                             n, cs, a.rate, a.seconds.first ?? 0, b.rate, runs, fmaTwo.last! / fmaOne.last!, streamTwo.last! / streamOne.last!))
            }
            rows.append(("2 κs on 2 cores ÷ 1 κ on 1 core, N=\(n)", median(two) / median(one), "≥ 1.9"))
        }
        rows.append(("machine's ceiling for the 2-core rows: 8-wide FMA loop, 2 threads ÷ 1", median(fmaTwo) / median(fmaOne),
                     "2 on two free cores"))
        rows.append(("machine's ceiling for load/store code: L2-resident stream, 2 threads ÷ 1", median(streamTwo) / median(streamOne),
                     "2 on two free cores"))
        if n == nil || n == 256 {
            var ours: [Double] = [], numpy: [Double] = []
            let s = 200
            for _ in 0..<reps {
                ours.append(SolverBench.measure(n: 256, steps: s, kappa: kappa).cellUpdatesPerSecond)
                if let r = try? Self.runNumpy("\(benchDir)/ref_numpy.py", n: 256, steps: s, kappa: kappa) {
                    print("ref_numpy: " + r.line)
                    numpy.append(r.rate)
                }
            }
            if !numpy.isEmpty { rows.append(("vs ref_numpy.py, N=256", median(ours) / median(numpy), "≥ 8")) }
        }
        for rn in [1024, 4096] {
            let exe = CommandLine.arguments[0]
            let out = try Self.shell([exe, "bench", "--rss-child", String(rn), "--steps", "20"])
            if let v = out.text.split(separator: "=").last.flatMap({ Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) }) {
                rows.append(("peak RSS per running κ ÷ 48·N², N=\(rn)", v, "≤ 1.15"))
            }
        }
        rows.append(retentionRow(work: work))
        print("")
        print("figure | ratio | goal")
        for (name, ratio, goal) in rows {
            print("\(name) | \(String(format: "%.2f", ratio))× | \(goal)")
        }
        return 0
    }

    /// `series12 bench --retention`: the retention row alone.
    func runRetention() -> Int32 {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("series12-bench-\(getpid())").path
        guard (try? FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)) != nil else {
            FileHandle.standardError.write(Data("series12: cannot create \(work) for the benchmark; check TMPDIR\n".utf8))
            return 1
        }
        defer { try? FileManager.default.removeItem(atPath: work) }
        let (name, ratio, goal) = retentionRow(work: work)
        print("\(name) | \(String(format: "%.2f", ratio))× | \(goal)")
        return 0
    }

    /// Writing + fsync + verifying the N=1024 fields archive (48 MB) against `cp` + `sync` of
    /// the same bytes, in the same run.
    private func retentionRow(work: String) -> (String, Double, String) {
        let n = 1024
        var planes = [Double](repeating: 0, count: 6 * n * n)
        for i in planes.indices { planes[i] = Double(i % 977) * 1e-3 }
        let snapshot = FieldsSnapshot(n: n, step: 0, t: 0, planes: planes)
        let stamp = "20000101_000000"
        var ours: [Double] = [], copy: [Double] = []
        for _ in 0..<reps {
            let t0 = monotonicSeconds()
            let outcome = KappaArchives.writeFields(snapshot, kappa: 0.1, directory: work, stamp: stamp)
            ours.append(monotonicSeconds() - t0)
            guard outcome.succeeded else {
                print("retention: the fields archive was not written: \(outcome.failureReason ?? "")")
                return ("retention: fields archive N=1024 time ÷ cp+sync", .nan, "≤ 2")
            }
            let fieldsName = outcome.name
            let t1 = monotonicSeconds()
            _ = try? Self.shell(["/bin/sh", "-c", "cp '\(work)/\(fieldsName)' '\(work)/copy.tar' && sync"])
            copy.append(monotonicSeconds() - t1)
            try? FileManager.default.removeItem(atPath: "\(work)/copy.tar")
        }
        print(String(format: "retention: fields archive N=1024 write+fsync+verify %.3f s, cp+sync %.3f s (medians)", median(ours), median(copy)))
        return ("retention: fields archive N=1024 time ÷ cp+sync", median(ours) / median(copy), "≤ 2")
    }

    struct ReferenceResult {
        var line: String
        var rate: Double
    }

    static func runReference(_ exe: String, n: Int, steps: Int, kappa: Double) throws -> ReferenceResult {
        try parse(shell([exe, String(n), String(steps), String(kappa)]))
    }

    static func runNumpy(_ script: String, n: Int, steps: Int, kappa: Double) throws -> ReferenceResult {
        try parse(shell(["python3", script, String(n), String(steps), String(kappa)]))
    }

    static func parse(_ out: (status: Int32, text: String)) throws -> ReferenceResult {
        let line = out.text.split(separator: "\n").last.map(String.init) ?? ""
        guard out.status == 0, let r = line.components(separatedBy: "cell_updates_per_s=").last.flatMap(Double.init) else {
            throw UsageError("a reference kernel failed: \(out.text)")
        }
        return ReferenceResult(line: line, rate: r)
    }

    /// `shared/bench` next to the repository (or `$SERIES12_BENCH`).
    static func findBenchDirectory() throws -> String {
        var candidates: [String] = []
        if let env = ProcessInfo.processInfo.environment["SERIES12_BENCH"] { candidates.append(env) }
        let cwd = FileManager.default.currentDirectoryPath
        candidates += [cwd + "/../shared/bench", cwd + "/shared/bench"]
        let exeDir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().path
        candidates += [exeDir + "/../../../shared/bench", exeDir + "/../../../../shared/bench"]
        for c in candidates where FileManager.default.fileExists(atPath: c + "/ref_fast.c") { return c }
        throw UsageError("cannot find the reference kernels (shared/bench/ref_fast.c); set SERIES12_BENCH=DIR")
    }

    static func compiler() -> String {
        for c in ["/opt/swift/usr/bin/clang", "/usr/bin/clang"] where FileManager.default.isExecutableFile(atPath: c) { return c }
        return "gcc"
    }

    static func shell(_ argv: [String]) throws -> (status: Int32, text: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: argv[0].hasPrefix("/") ? argv[0] : "/usr/bin/env")
        p.arguments = argv[0].hasPrefix("/") ? Array(argv.dropFirst()) : argv
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = pipe
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

func median(_ xs: [Double]) -> Double {
    let s = xs.sorted()
    guard !s.isEmpty else { return .nan }
    return s.count % 2 == 1 ? s[s.count / 2] : 0.5 * (s[s.count / 2 - 1] + s[s.count / 2])
}
