import Foundation
import Testing

/// The dashboard in a real terminal (tmux), used the way a person uses it.
@Suite("Dashboard in tmux", .serialized)
struct DashboardTmuxTests {
    static let kappas = ["0.1000", "0.5000", "1.0000", "2.0000", "5.0000"]

    /// The table row of κ `k` on `screen`.
    static func row(_ screen: String, _ k: String) -> String? {
        screen.split(separator: "\n").map(String.init).first { $0.hasPrefix(k + " ") || $0.hasPrefix(" " + k) || $0.contains(" \(k) ") && !$0.contains("|") }
    }

    /// The step count `step/steps` shown in κ `k`'s row.
    static func step(_ screen: String, _ k: String) -> Int? {
        guard let row = row(screen, k) else { return nil }
        for token in row.split(separator: " ") where token.contains("/") {
            if let n = Int(token.split(separator: "/")[0]) { return n }
        }
        return nil
    }

    @Test func rowsPauseResumeCopyResizeAndQuitLikeTheUserExpects() throws {
        let dir = Binary.temporaryDirectory("tmux")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let typescript = dir + "/../" + URL(fileURLWithPath: dir).lastPathComponent + ".typescript"
        defer { try? FileManager.default.removeItem(atPath: typescript) }
        // `script` records the raw bytes the program writes (the OSC 52 sequence among them).
        let command = "script -qfec '\(Binary.path) sweep --N 128 --steps 3000000 --every 1000 --jobs 2 --out \(dir)' \(typescript); echo EXIT=$?; sleep 60"
        let tmux = try Tmux(command)
        defer { tmux.kill() }

        // Every κ gets a row; two run, the rest wait.
        #expect(tmux.waitFor { s in Self.kappas.allSatisfy { Self.row(s, $0) != nil } && s.contains("running") })
        #expect(tmux.waitFor { s in (Self.step(s, "0.1000") ?? 0) > 0 })

        // space pauses the selected (first) κ: its step stops, another κ keeps advancing.
        tmux.send("Space")
        #expect(tmux.waitFor { s in Self.row(s, "0.1000")?.contains("paused") == true })
        // The row may say paused a frame before the run's last snapshot (the step it stopped
        // at) is drawn: take the frozen step once it reads the same twice, half a second apart.
        var frozen = Self.step(tmux.screen(), "0.1000")
        #expect(tmux.waitFor(10) { s in
            usleep(500_000)
            let now = Self.step(tmux.screen(), "0.1000")
            defer { frozen = now }
            return now == frozen
        })
        let paused = tmux.screen()
        let other = Self.step(paused, "0.5000") ?? 0
        #expect(tmux.waitFor { s in (Self.step(s, "0.5000") ?? 0) > other })
        #expect(Self.step(tmux.screen(), "0.1000") == frozen)
        #expect(tmux.waitFor { s in Self.row(s, "1.0000")?.contains("running") == true })

        // Resuming while both cores are busy queues it; pausing κ=1 gives it the core back.
        tmux.send("Space")
        #expect(tmux.waitFor { s in Self.row(s, "0.1000")?.contains("queued") == true })
        tmux.send("j")
        tmux.send("j")
        tmux.send("Space")
        #expect(tmux.waitFor { s in Self.row(s, "1.0000")?.contains("paused") == true })
        #expect(tmux.waitFor { s in (Self.step(s, "0.1000") ?? 0) > (frozen ?? 0) })
        #expect(Self.row(tmux.screen(), "0.1000")?.contains("running") == true)
        tmux.send("Space")
        #expect(tmux.waitFor { s in Self.row(s, "1.0000")?.contains("queued") == true })

        // y copies the log: the file is written and an OSC 52 sequence goes to the terminal.
        tmux.send("y")
        #expect(tmux.waitFor { $0.contains("OSC 52") || $0.contains("copied") })
        let logs = Binary.files(dir).filter { $0.hasPrefix("sweep_log_") && $0.hasSuffix(".txt") }
        #expect(logs.count == 1)
        let logText = (try? String(contentsOfFile: dir + "/" + (logs.first ?? ""), encoding: .utf8)) ?? ""
        #expect(logText.contains("| Baseline | kappa=0.1000"))
        let raw = (try? Data(contentsOf: URL(fileURLWithPath: typescript))).map { String(decoding: $0, as: UTF8.self) } ?? ""
        #expect(raw.contains("]52;c;"))

        // Too small a terminal says so; back to size restores the table.
        tmux.resize(width: 60, height: 20)
        #expect(tmux.waitFor { $0.lowercased().contains("enlarge") })
        tmux.resize(width: 120, height: 40)
        #expect(tmux.waitFor { s in Self.kappas.allSatisfy { Self.row(s, $0) != nil } })

        // q asks while runs are active; y quits, checkpoints, prints the log into the scrollback.
        tmux.send("q")
        #expect(tmux.waitFor { $0.contains("(y/n)") })
        tmux.send("y")
        #expect(tmux.waitFor(60, history: 3000) { $0.contains("EXIT=130") })
        let scrollback = tmux.screen(history: 3000)
        #expect(scrollback.contains("Step 0 | H: ") && scrollback.contains("Download order"))
        #expect(scrollback.contains("Done kappa=0.1000 | status=interrupted"))

        let check = try Binary.checkOutputs(dir, ["--fields"])
        #expect(check.status == 0, "\(check.stdout)")
    }

    @Test func noColorGivesAMonochromeScreen() throws {
        let dir = Binary.temporaryDirectory("nocolor")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let tmux = try Tmux("\(Binary.path) sweep --N 64 --steps 2000000 --every 1000 --out \(dir); echo EXIT=$?; sleep 30",
                            environment: ["NO_COLOR": "1"])
        defer { tmux.kill() }
        #expect(tmux.waitFor { s in Self.kappas.allSatisfy { Self.row(s, $0) != nil } && s.contains("running") })
        let escaped = tmux.screen(escapes: true)
        // Colour SGR parameters 30–37/90–97 (foreground), 40–47 (background), 38;5 (256 colours).
        let colour = try Regex(#"\x1b\[[0-9;]*(3[0-7]|9[0-7]|4[0-7]|38;5)[;m]"#)
        #expect(escaped.firstMatch(of: colour) == nil)
        tmux.send("q")
        #expect(tmux.waitFor { $0.contains("(y/n)") })
        tmux.send("y")
        #expect(tmux.waitFor(60, history: 3000) { $0.contains("EXIT=130") })
    }
}

/// `series12 validate` in a terminal: one dashboard row per test.
@Suite("Validation in the dashboard")
struct ValidationDashboardTests {
    @Test func everyTestGetsARowWithItsStatusAndFigure() throws {
        let dir = Binary.temporaryDirectory("validate-tmux")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let tmux = try Tmux("\(Binary.path) validate --only 1,5,7 --out \(dir); echo EXIT=$?; sleep 30")
        defer { tmux.kill() }
        #expect(tmux.waitFor(60) { s in
            ["1 single_step", "5 conservation", "7 symmetry"].allSatisfy { label in
                s.split(separator: "\n").contains { $0.hasPrefix(label) && $0.contains(" done ") && $0.contains("e-") || $0.hasPrefix(label) && $0.contains("0.000e+00") }
            }
        })
        let screen = tmux.screen()
        #expect(screen.contains("test") && screen.contains("figure"))
        #expect(!screen.contains("2 hamiltonian"))
        // Tests cannot be paused: the key says so instead of pretending.
        tmux.send("Space")
        #expect(tmux.waitFor { $0.contains("nothing to pause or resume") })
        tmux.send("q")
        #expect(tmux.waitFor(30, history: 2000) { $0.contains("EXIT=0") })
        #expect(tmux.screen(history: 2000).contains("Validation | 3/3 passed"))
        let check = try Binary.checkOutputs(dir)
        #expect(check.status == 0, "\(check.stdout)")
    }
}
