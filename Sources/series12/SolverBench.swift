import Foundation
import Synchronization
import Series12Core

/// Our kernel measured exactly as the reference kernels measure theirs: the default gaussian,
/// `dt = 0.5 dx/√2`, all steps fused, checksum Σ Uxx.
enum SolverBench {
    struct Result {
        var n: Int
        var steps: Int
        var kappa: Double
        var checksum: Double
        var seconds: Double
        var cellUpdatesPerSecond: Double { Double(n * n) * Double(steps) / seconds }
        var line: String {
            "N=\(n) steps=\(steps) kappa=\(kappa) checksum=\(String(format: "%.10e", checksum)) secs=\(String(format: "%.4f", seconds)) cell_updates_per_s=\(String(format: "%.4e", cellUpdatesPerSecond))"
        }
    }

    /// A run set up as the reference kernels set up theirs: the default gaussian on an N×N grid,
    /// `dt = 0.5 dx/√2`.
    static func referenceRun(n: Int, kappa: Double) -> Leapfrog {
        let grid = Grid(n: n)
        let field = TensorField(grid: grid)
        InitialCondition.default.apply(to: field)
        return Leapfrog(field: field, physics: Physics(kappa: kappa), dt: 0.5 * grid.dx / 2.0.squareRoot())
    }

    static func measure(n: Int, steps: Int, kappa: Double) -> Result {
        let stepper = referenceRun(n: n, kappa: kappa)
        let t0 = monotonicSeconds()
        stepper.advance(steps: steps)
        let secs = monotonicSeconds() - t0
        let uxx = stepper.field.plane(0)
        return Result(n: n, steps: steps, kappa: kappa, checksum: uxx.reduce(0, +), seconds: secs)
    }

    /// `jobs` independent κ runs at once, one thread each: total cell updates per second of the
    /// stepping, and each run's own seconds. Every run allocates and fills its fields first; the
    /// clock starts when all are ready and stops when the last finishes, so the figure is the
    /// steady-state throughput of a sweep (setup, page faults of fresh fields, thread start-up
    /// are not stepping) and a run that finishes late counts against it.
    static func measureConcurrent(n: Int, steps: Int, kappa: Double, jobs: Int) -> ConcurrentRuns {
        let timing = together(jobs: jobs) {
            let stepper = referenceRun(n: n, kappa: kappa)
            return { stepper.advance(steps: steps) }
        }
        return ConcurrentRuns(rate: Double(jobs * n * n * steps) / timing.seconds, seconds: timing.each, cpus: timing.cpus)
    }

    /// What `measureConcurrent` saw: the total rate, and each run's seconds and the CPU it
    /// finished on (nil where the kernel would not say).
    struct ConcurrentRuns {
        var rate: Double
        var seconds: [Double]
        var cpus: [Int?]
    }

    /// The machine's own ceiling for the two-core rows: a register-only loop of 8-wide fused
    /// multiply-adds (the kernel's arithmetic, no memory traffic) on `jobs` threads at once,
    /// in multiply-adds per second. Two ÷ one below 2 means the cores share their FMA units or
    /// clock (SMT siblings on the host, turbo limits, a neighbour's load), not our kernel.
    static func fmaThroughput(jobs: Int, iterations: Int) -> Double {
        let seconds = together(jobs: jobs) { { blackHole(fmaChains(iterations: iterations)) } }.seconds
        return Double(jobs * iterations * 8 * 8) / seconds
    }

    /// The machine's ceiling for code that lives on its cache, as the kernel does: each of
    /// `jobs` threads streams its own two 256 KiB arrays (L2-resident, no shared data) with
    /// `a = a·m + b`, 8 doubles at a time, `passes` times; bytes loaded and stored per second.
    /// On a virtual machine whose second core's activity takes load and store bandwidth from
    /// the first (a host thread moved beside it), this falls below 2 while the FMA loop does not.
    static func cacheStreamThroughput(jobs: Int, passes: Int) -> Double {
        let count = 32 * 1024
        let seconds = together(jobs: jobs) {
            let a = UnsafeMutableRawPointer.allocate(byteCount: count * 8, alignment: 64)
            let b = UnsafeMutableRawPointer.allocate(byteCount: count * 8, alignment: 64)
            let x = a.initializeMemory(as: Double.self, repeating: 1, count: count)
            b.initializeMemory(as: Double.self, repeating: 1e-9, count: count)
            return {
                streamPasses(a, b, count: count, passes: passes)
                blackHole(x[count - 1])
                a.deallocate()
                b.deallocate()
            }
        }.seconds
        return Double(jobs * passes * count * 24) / seconds
    }

    @inline(never)
    static func streamPasses(_ ra: UnsafeMutableRawPointer, _ rb: UnsafeMutableRawPointer, count: Int, passes: Int) {
        let m = SIMD8<Double>(repeating: 0.999_999_9)
        for _ in 0..<passes {
            for i in stride(from: 0, to: count * 8, by: 64) {
                let x = ra.load(fromByteOffset: i, as: SIMD8<Double>.self)
                let y = rb.load(fromByteOffset: i, as: SIMD8<Double>.self)
                ra.storeBytes(of: x * m + y, toByteOffset: i, as: SIMD8<Double>.self)
            }
        }
    }

    /// Runs `jobs` threads; with two or more, job i is pinned to the i-th CPU this process may
    /// use (when there are that many), so that two jobs are measured on two cores. One job is
    /// left to the scheduler, which gives it whichever core is faster at the moment: the
    /// one-core figure is never pinned to a slow core, so the two ÷ one ratio errs low, not high.
    /// Each job calls `prepare` (not timed) for its work, all start the work at once; `seconds`
    /// until the last one finishes, `each` job's own seconds from the start (job i's at index
    /// i), and the CPU each job finished on, as the kernel reports it (so a pin that did not
    /// hold shows).
    static func together(jobs: Int, prepare: @escaping @Sendable () -> () -> Void) -> (seconds: Double, each: [Double], cpus: [Int?]) {
        let ready = DispatchGroup(), done = DispatchGroup()
        let go = DispatchSemaphore(value: 0)
        // Each job's seconds from the start and the CPU it finished on.
        let finished = Mutex([(seconds: Double, cpu: Int?)](repeating: (0, nil), count: jobs))
        let start = Mutex(0.0)
        let cpus = CPUAffinity.allowedCPUs()
        for job in 0..<jobs {
            ready.enter()
            done.enter()
            Thread {
                if jobs >= 2 && cpus.count >= jobs { CPUAffinity.pinCurrentThread(to: cpus[job]) }
                let work = prepare()
                ready.leave()
                go.wait()
                work()
                let end = monotonicSeconds()
                let cpu = CPUAffinity.currentCPU()
                finished.withLock { $0[job] = (end - start.withLock { $0 }, cpu) }
                done.leave()
            }.start()
        }
        ready.wait()
        let t0 = monotonicSeconds()
        start.withLock { $0 = t0 }
        for _ in 0..<jobs { go.signal() }
        done.wait()
        let seconds = monotonicSeconds() - t0
        let results = finished.withLock { $0 }
        return (seconds, results.map(\.seconds), results.map(\.cpu))
    }

    /// Eight independent chains of `a = a·m + b` on SIMD8<Double>: enough in flight to keep
    /// the FMA units busy rather than waiting on one chain's latency.
    @inline(never)
    static func fmaChains(iterations: Int) -> Double {
        let m = SIMD8<Double>(repeating: 0.999_999_9), b = SIMD8<Double>(repeating: 1e-9)
        var a = (0..<8).map { SIMD8<Double>(repeating: 1 + Double($0) * 1e-9) }
        var (a0, a1, a2, a3, a4, a5, a6, a7) = (a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7])
        for _ in 0..<iterations {
            a0 = a0.addingProduct(m, b); a1 = a1.addingProduct(m, b); a2 = a2.addingProduct(m, b); a3 = a3.addingProduct(m, b)
            a4 = a4.addingProduct(m, b); a5 = a5.addingProduct(m, b); a6 = a6.addingProduct(m, b); a7 = a7.addingProduct(m, b)
        }
        a = [a0, a1, a2, a3, a4, a5, a6, a7]
        return a.reduce(0) { $0 + $1.sum() }
    }

    /// Peak resident memory of one running κ over its 48·N² bytes of fields: VmHWM after
    /// stepping minus VmRSS before allocating.
    static func peakRSSRatio(n: Int, steps: Int) -> Double {
        let before = procStatus("VmRSS")
        _ = measure(n: n, steps: steps, kappa: 0.1)
        let peak = procStatus("VmHWM")
        return Double(peak - before) / (48 * Double(n) * Double(n))
    }

    /// A `kB` line of /proc/self/status in bytes.
    static func procStatus(_ key: String) -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in text.split(separator: "\n") where line.hasPrefix(key + ":") {
            let parts = line.split(separator: " ", omittingEmptySubsequences: true)
            if parts.count >= 2, let kb = Int(parts[1]) { return kb * 1024 }
        }
        return 0
    }
}

/// Keeps a result alive so the optimiser cannot drop the loop that made it.
@inline(never)
func blackHole(_ value: Double) {
    if value.isNaN { print("", terminator: "") }
}
