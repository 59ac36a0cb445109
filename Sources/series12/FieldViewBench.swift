import Foundation
import Series12Sweep

/// The field view's own cost on the screen thread (`series12 bench --dashboard --field-view`):
/// one 5-κ sweep in the dashboard (tmux, 120×40) long enough that the selected κ keeps running,
/// its screen thread's CPU time read from /proc over alternating windows with the field view
/// closed (the log pane scrolling) and open on that running κ (a new picture every frame).
struct FieldViewBench {
    var n: Int
    var every: Int
    var windows = 3
    var seconds = 10.0

    struct Result {
        var closed: [Double]
        var open: [Double]
    }

    func run(exe: String) throws -> Result {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("series12-fieldbench-\(getpid())").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let socket = "s12fieldbench-\(getpid())"
        let args = [exe, "sweep", "--out", dir, "--kappas", "0.1,0.5,1,2,5", "--N", String(n), "--steps", "100000000",
                    "--every", String(every), "--jobs", "2"]
        let command = "exec " + args.map { "'\($0)'" }.joined(separator: " ")
        guard system("tmux -L \(socket) -f /dev/null new-session -d -x 120 -y 40 \"\(command)\" </dev/null >/dev/null 2>&1") == 0 else {
            throw UsageError("bench --dashboard needs tmux (apt-get install -y tmux)")
        }
        defer { _ = system("tmux -L \(socket) kill-server >/dev/null 2>&1") }
        func tmux(_ words: [String]) -> String { (try? BenchCompare.shell(["tmux", "-L", socket] + words).text) ?? "" }
        func screen() -> String { tmux(["capture-pane", "-p"]) }
        func waitFor(_ what: String, _ condition: (String) -> Bool) throws {
            let deadline = Date().addingTimeInterval(30)
            while Date() < deadline {
                if condition(screen()) { return }
                usleep(20_000)
            }
            throw UsageError("bench --field-view: \(what) did not show within 30 s")
        }
        guard let pid = Int32(tmux(["display-message", "-p", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw UsageError("bench --field-view: could not find the dashboard's process")
        }
        try waitFor("the running first κ") { $0.split(separator: "\n").contains { $0.hasPrefix("0.1000 running") } }
        var result = Result(closed: [], open: [])
        for _ in 0..<windows {
            result.closed.append(try share(pid: pid))
            _ = tmux(["send-keys", "v"])
            try waitFor("the field view") { $0.contains("field of") }
            result.open.append(try share(pid: pid))
            _ = tmux(["send-keys", "v"])
            try waitFor("the log pane") { $0.contains("log:") }
        }
        // Leave as a user would: q, then y to interrupt the runs; wait for the archives.
        _ = tmux(["send-keys", "q"])
        try waitFor("the quit question") { $0.contains("(y/n)") }
        _ = tmux(["send-keys", "y"])
        let deadline = Date().addingTimeInterval(120)
        while kill(pid, 0) == 0 && Date() < deadline { usleep(100_000) }
        return result
    }

    /// The dashboard thread's share of one core over `seconds` (its main thread: the curses owner).
    private func share(pid: Int32) throws -> Double {
        let t0 = try cpuSeconds(pid: pid), w0 = Date()
        usleep(UInt32(seconds * 1e6))
        return (try cpuSeconds(pid: pid) - t0) / Date().timeIntervalSince(w0)
    }

    /// utime + stime of thread `pid` of process `pid`, from /proc (Linux).
    private func cpuSeconds(pid: Int32) throws -> Double {
        let path = "/proc/\(pid)/task/\(pid)/stat"
        guard let text = try? String(contentsOfFile: path, encoding: .utf8), let close = text.lastIndex(of: ")") else {
            throw UsageError("bench --field-view: cannot read \(path) (Linux only)")
        }
        // Fields after "pid (comm)": state is field 3, utime 14, stime 15.
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else {
            throw UsageError("bench --field-view: unexpected \(path)")
        }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }
}
