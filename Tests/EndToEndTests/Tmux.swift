import Foundation

/// A detached tmux session running one command, driven as a person would: keys in, screen out.
/// Each has its own tmux server (`-L`), so no user setting or other session interferes.
struct Tmux {
    let name: String
    private let config: String
    private var tmux: [String] { ["tmux", "-L", name, "-f", config] }

    /// Starts `command` (a shell line) in a new `width`×`height` session.
    init(_ command: String, width: Int = 120, height: Int = 40, environment: [String: String] = [:]) throws {
        name = "s12test-\(UUID().uuidString.prefix(8))"
        // A long scrollback keeps the whole log printed on leaving the screen.
        config = FileManager.default.temporaryDirectory.appendingPathComponent(name + ".conf").path
        try "set-option -g history-limit 50000\n".write(toFile: config, atomically: true, encoding: .utf8)
        var args = ["tmux", "-L", name, "-f", config, "new-session", "-d", "-s", name, "-x", String(width), "-y", String(height)]
        for (k, v) in environment { args += ["-e", "\(k)=\(v)"] }
        args.append(command)
        // The new tmux server lives on after this call: Foundation's Process would wait for it
        // forever, so start it through system(3), with no pipe of ours.
        let line = args.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let status = system(line + " </dev/null >/dev/null 2>&1")
        guard status == 0 else { throw TmuxError(message: "tmux new-session failed with status \(status)") }
    }

    /// The visible screen as text (`history` extra lines of scrollback above it).
    func screen(history: Int = 0, escapes: Bool = false) -> String {
        var args = tmux + ["capture-pane", "-p", "-t", name]
        if history > 0 { args += ["-S", "-\(history)"] }
        if escapes { args.append("-e") }
        return (try? Binary.run(args).stdout) ?? ""
    }

    func send(_ keys: String...) {
        _ = try? Binary.run(tmux + ["send-keys", "-t", name] + keys)
    }

    func resize(width: Int, height: Int) {
        _ = try? Binary.run(tmux + ["resize-window", "-t", name, "-x", String(width), "-y", String(height)])
    }

    /// Polls the screen until `condition` holds (true) or `seconds` pass (false).
    @discardableResult
    func waitFor(_ seconds: Double = 30, history: Int = 0, _ condition: (String) -> Bool) -> Bool {
        let end = Date().addingTimeInterval(seconds)
        repeat {
            if condition(screen(history: history)) { return true }
            usleep(100_000)
        } while Date() < end
        return false
    }

    func kill() {
        _ = try? Binary.run(tmux + ["kill-server"])
        try? FileManager.default.removeItem(atPath: config)
    }
}

struct TmuxError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
