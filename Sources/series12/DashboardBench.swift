import Foundation
import Series12Retention
import Series12Core
import Series12Sweep

/// `series12 bench --dashboard`: the same 5-κ sweep headless and in the dashboard (a real
/// terminal: tmux, 120×40), interleaved `reps` times. Reports solver throughput with the screen
/// open ÷ headless (from each κ's computing time in data.json) and the screen thread's CPU as a
/// share of one core over the time the screen was up.
///
/// With `--field-view` it first times one field picture against the `--every` steps between
/// sample steps and measures the field view's own screen cost (`FieldViewBench`); then the
/// repetitions run with the field view opened (`v`) as soon as the screen is up, on the first
/// κ, which pictures its fields at every sample step while it runs.
struct DashboardBench {
    var n: Int
    var steps: Int
    var reps: Int
    var fieldView = false
    static let every = 500

    func run() throws -> Int32 {
        let exe = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
        let kappas = "0.1,0.5,1,2,5"
        let sweepArgs = ["--kappas", kappas, "--N", String(n), "--steps", String(steps), "--every", String(Self.every), "--jobs", "2"]
        let screen = fieldView ? "the dashboard with the field view open" : "the dashboard"
        var fieldCost: FieldViewBench.Result?
        if fieldView {
            print(pictureCost())
            let ab = try FieldViewBench(n: n, every: Self.every).run(exe: exe)
            for (i, (closed, open)) in zip(ab.closed, ab.open).enumerated() {
                print(String(format: "window %d: screen thread %.2f%% of a core with the log pane, %.2f%% with the field view of a running κ",
                             i + 1, 100 * closed, 100 * open))
            }
            fieldCost = ab
        }
        var ratios: [Double] = [], shares: [Double] = []
        for rep in 0..<reps {
            let headlessDir = try scratch("headless-\(rep)"), screenDir = try scratch("screen-\(rep)")
            defer {
                try? FileManager.default.removeItem(atPath: headlessDir)
                try? FileManager.default.removeItem(atPath: screenDir)
            }
            let headless = try BenchCompare.shell([exe, "sweep", "--headless", "--out", headlessDir] + sweepArgs)
            guard headless.status == 0 else { throw UsageError("the headless bench sweep failed: \(headless.text.suffix(300))") }
            let (cpu, wall) = try screenRun(exe: exe, args: sweepArgs, dir: screenDir)
            let computeHeadless = try computingSeconds(headlessDir), computeScreen = try computingSeconds(screenDir)
            let ratio = computeHeadless / computeScreen
            let share = cpu / wall
            print(String(format: "rep %d: κ computing time headless %.2f s, with %@ %.2f s → throughput ratio %.3f; screen thread %.3f s CPU over %.1f s = %.2f%% of a core",
                         rep + 1, computeHeadless, screen, computeScreen, ratio, cpu, wall, 100 * share))
            ratios.append(ratio)
            shares.append(share)
        }
        print("")
        print("figure | value | goal")
        print(String(format: "solver throughput with %@ ÷ headless, 5 κs, N=%d | %.3f× | ≥ 0.98", screen, n, median(ratios)))
        print(String(format: "screen's own CPU with 5 κs running%@ | %.2f%% of a core | ≤ 3%%",
                     fieldView ? ", field view open (until its κ ends)" : "", 100 * median(shares)))
        if let ab = fieldCost {
            let closed = median(ab.closed), open = median(ab.open)
            print(String(format: "screen's own CPU, field view open on a running κ (120×40, 10 fps) | %.2f%% of a core (log pane instead: %.2f%%) | —",
                         100 * open, 100 * closed))
            print(String(format: "the field view's own cost (open − log pane, medians) | %+.2f%% of a core | ≤ 1%%", 100 * (open - closed)))
        }
        return 0
    }

    /// Runs the sweep in the dashboard inside a private tmux server, presses `q` once every κ
    /// is done, and returns the screen thread's CPU seconds and the screen's wall seconds.
    private func screenRun(exe: String, args: [String], dir: String) throws -> (Double, Double) {
        let socket = "s12bench-\(getpid())"
        let cost = dir + "/screen-cost.txt"
        let command = ([exe, "sweep", "--out", dir] + args).map { "'\($0)'" }.joined(separator: " ")
        let exited = dir + "/screen-exited"
        let line = "tmux -L \(socket) -f /dev/null new-session -d -x 120 -y 40 \"SERIES12_SCREEN_COST='\(cost)' \(command); touch '\(exited)'; sleep 5\" </dev/null >/dev/null 2>&1"
        guard system(line) == 0 else { throw UsageError("bench --dashboard needs tmux (apt-get install -y tmux)") }
        defer { _ = system("tmux -L \(socket) kill-server >/dev/null 2>&1") }
        let deadline = Date().addingTimeInterval(600)
        if fieldView { try openFieldView(socket: socket) }
        while Date() < deadline {
            if let names = try? FileManager.default.contentsOfDirectory(atPath: dir),
               names.contains(where: { $0.contains("_summary_") && !$0.hasPrefix("kappa_") }),
               let log = names.first(where: { $0.hasPrefix("sweep_log_") }),
               let text = try? String(contentsOfFile: dir + "/" + log, encoding: .utf8),
               text.components(separatedBy: "Done kappa=").count - 1 >= 5 {
                break
            }
            usleep(200_000)
        }
        _ = system("tmux -L \(socket) send-keys q >/dev/null 2>&1")
        while Date() < deadline {
            if let text = try? String(contentsOfFile: cost, encoding: .utf8) {
                var values: [String: Double] = [:]
                for pair in text.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
                    let kv = pair.split(separator: "=")
                    if kv.count == 2, let v = Double(kv[1]) { values[String(kv[0])] = v }
                }
                if let cpu = values["screen_cpu_seconds"], let wall = values["wall_seconds"] {
                    // The sweep writes its last archives after the screen closes: let it end
                    // before the caller removes its directory.
                    while Date() < deadline && !FileManager.default.fileExists(atPath: exited) { usleep(100_000) }
                    return (cpu, wall)
                }
            }
            usleep(100_000)
        }
        throw UsageError("the dashboard bench run did not finish within 10 minutes")
    }

    /// Presses `v` once the table is on the screen and waits until the field pane shows.
    private func openFieldView(socket: String) throws {
        func screen() -> String { (try? BenchCompare.shell(["tmux", "-L", socket, "capture-pane", "-p"]).text) ?? "" }
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline && !screen().contains("progress") { usleep(20_000) }
        _ = system("tmux -L \(socket) send-keys v >/dev/null 2>&1")
        while Date() < deadline {
            if screen().contains("field of") { return }
            usleep(20_000)
        }
        throw UsageError("bench --field-view: the field view did not open within 30 s")
    }

    /// One field picture at a sample step against the `every` steps before it, on one core.
    private func pictureCost() -> String {
        let grid = Grid(n: n)
        let field = TensorField(grid: grid)
        InitialCondition.default.apply(to: field)
        let stepping = SolverBench.measure(n: n, steps: Self.every, kappa: 0.1).seconds
        var builder = FieldFrameBuilder(n: n)
        var best = Double.infinity
        for _ in 0..<20 {
            let t0 = monotonicSeconds()
            let frame = builder.frame(of: field, kappa: 0.1, step: 0, t: 0)
            best = min(best, monotonicSeconds() - t0)
            builder.recycle(frame)
        }
        return String(format: "field picture at a sample step, N=%d: %.3f ms (best of 20) vs %.1f ms for the %d steps between samples = %.2f%% of the watched κ's stepping",
                      n, 1e3 * best, 1e3 * stepping, Self.every, 100 * best / stepping)
    }

    /// Sum over κs of the computing seconds (pauses and queueing excluded) in data.json.
    private func computingSeconds(_ dir: String) throws -> Double {
        var total = 0.0
        for name in try FileManager.default.contentsOfDirectory(atPath: dir) where name.contains("_data_") {
            guard let data = FileManager.default.contents(atPath: dir + "/" + name),
                  let member = try TarArchive.decode([UInt8](data)).first(where: { $0.name == "data.json" }) else { continue }
            total += try RunRecord(json: try JSONValue(parsing: member.bytes)).elapsed
        }
        return total
    }

    private func scratch(_ label: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("series12-dashbench-\(getpid())-\(label)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
