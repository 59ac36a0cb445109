import Foundation
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

    static func measure(n: Int, steps: Int, kappa: Double) -> Result {
        let grid = Grid(n: n)
        let field = TensorField(grid: grid)
        InitialCondition.default.apply(to: field)
        let stepper = Leapfrog(field: field, physics: Physics(kappa: kappa), dt: 0.5 * grid.dx / 2.0.squareRoot())
        let t0 = monotonicSeconds()
        stepper.advance(steps: steps)
        let secs = monotonicSeconds() - t0
        var sum = 0.0
        for c in 0..<grid.cellCount { sum += field.u(0)[c] }
        return Result(n: n, steps: steps, kappa: kappa, checksum: sum, seconds: secs)
    }

    /// `jobs` independent κ runs at once, one thread each: total cell updates per second of the
    /// stepping. Every run allocates and fills its fields first; the clock starts when all are
    /// ready and stops when the last finishes, so the figure is the steady-state throughput of a
    /// sweep (setup, page faults of fresh fields, thread start-up are not stepping).
    static func measureConcurrent(n: Int, steps: Int, kappa: Double, jobs: Int) -> Double {
        let ready = DispatchGroup(), done = DispatchGroup()
        let go = DispatchSemaphore(value: 0)
        for _ in 0..<jobs {
            ready.enter()
            done.enter()
            Thread {
                let grid = Grid(n: n)
                let field = TensorField(grid: grid)
                InitialCondition.default.apply(to: field)
                let stepper = Leapfrog(field: field, physics: Physics(kappa: kappa), dt: 0.5 * grid.dx / 2.0.squareRoot())
                ready.leave()
                go.wait()
                stepper.advance(steps: steps)
                done.leave()
            }.start()
        }
        ready.wait()
        let t0 = monotonicSeconds()
        for _ in 0..<jobs { go.signal() }
        done.wait()
        return Double(jobs * n * n * steps) / (monotonicSeconds() - t0)
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
