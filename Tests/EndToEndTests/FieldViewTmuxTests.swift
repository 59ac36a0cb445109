import Foundation
import Testing

/// The dashboard's field view in a real terminal: `v` opens a heatmap of the selected κ whose
/// colour bar reads the min and max of the very fields the κ's checkpoint saved.
@Suite("Field view in tmux", .serialized)
struct FieldViewTmuxTests {
    /// The `max …` / `min …` numbers beside the colour bar.
    static func bar(_ screen: String) -> (max: Double, min: Double)? {
        func number(after label: String) -> Double? {
            guard let regex = try? Regex("\(label) (-?[0-9]\\.[0-9]{4}e[+-][0-9]+)"),
                  let match = screen.firstMatch(of: regex), let text = match.output[1].substring else { return nil }
            return Double(text)
        }
        guard let high = number(after: "max"), let low = number(after: "min") else { return nil }
        return (high, low)
    }

    /// Step, and min/max of U:U and Uxx, of κ `tag`'s last fields checkpoint, read by numpy.
    static func checkpoint(_ dir: String, tag: String) throws -> [Double] {
        let script = """
        import glob, io, sys, tarfile
        import numpy as np
        path, = glob.glob(sys.argv[1] + '/kappa_' + sys.argv[2] + '_fields_*.tar')
        with tarfile.open(path) as t:
            z = np.load(io.BytesIO(t.extractfile('fields.npz').read()))
        uu = z['Uxx']**2 + 2*z['Uxy']**2 + z['Uyy']**2
        print(int(z['step']), repr(float(uu.min())), repr(float(uu.max())), repr(float(z['Uxx'].min())), repr(float(z['Uxx'].max())))
        """
        let out = try Binary.run(["python3", "-c", script, dir, tag])
        let values = out.stdout.split(separator: " ").compactMap { Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        guard out.status == 0, values.count == 5 else { throw TmuxError(message: "reading the checkpoint failed: \(out.stderr)") }
        return values
    }

    /// The colour bar of `screen` reads `min` and `max` (to the digits printed).
    static func shows(_ screen: String, min: Double, max: Double) -> Bool {
        guard let bar = bar(screen) else { return false }
        return printed(bar.min, equals: min) && printed(bar.max, equals: max)
    }

    /// Equal to the five significant digits printed (`%.4e`).
    static func printed(_ shown: Double, equals exact: Double) -> Bool {
        abs(shown - exact) <= 5.001e-5 * abs(exact) + 1e-300
    }

    @Test func vShowsTheFieldWhoseColourBarMatchesTheLastCheckpoint() throws {
        let dir = Binary.temporaryDirectory("fieldview")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // A sweep that ends: its last picture and its final fields checkpoint are the same step.
        // (`swift test` sets NO_COLOR, which the tmux server would pass on: colours need it unset.)
        let tmux = try Tmux("env -u NO_COLOR \(Binary.path) sweep --kappas 0.5,2 --N 64 --steps 3000 --every 100 --out \(dir); echo EXIT=$?; sleep 60")
        defer { tmux.kill() }
        #expect(tmux.waitFor(60) { $0.contains("sweep finished") })
        #expect(tmux.screen().contains("drift vs κ"))

        let saved = try Self.checkpoint(dir, tag: "0_5000")
        #expect(saved[0] == 3000)
        tmux.send("v")
        // Waited for until both numbers are the checkpoint's: tmux may show a frame half drawn.
        #expect(tmux.waitFor { Self.shows($0, min: saved[1], max: saved[2]) }, "\(tmux.screen()) vs checkpoint \(saved)")
        let screen = tmux.screen()
        let title = try #require(screen.split(separator: "\n").first { $0.contains("field of κ=0.5000") })
        #expect(title.contains("U:U = Uxx²+2Uxy²+Uyy² │ step 3000 │"))
        #expect(!screen.contains("log:"))
        // The picture is half blocks in 256-colour pairs (foreground and background).
        let escaped = tmux.screen(escapes: true)
        #expect(escaped.contains("▀"))
        #expect(escaped.contains("38;5;") && escaped.contains("48;5;"))

        // c cycles: Uxx next, with its own min and max.
        tmux.send("c")
        #expect(tmux.waitFor { $0.contains("│ Uxx │ step 3000") && Self.shows($0, min: saved[3], max: saved[4]) },
                "\(tmux.screen()) vs checkpoint \(saved)")
        for name in ["Uxy", "Uyy"] {
            tmux.send("c")
            #expect(tmux.waitFor { $0.contains("│ \(name) │ step 3000") })
        }
        tmux.send("c")
        #expect(tmux.waitFor { $0.contains("|P|² = Pxx²+2Pxy²+Pyy²") })
        tmux.send("c")
        #expect(tmux.waitFor { $0.contains("U:U = Uxx²+2Uxy²+Uyy²") })

        // The other κ, then 80×24: the table, the title and the colour bar all still show.
        tmux.send("j")
        #expect(tmux.waitFor { $0.contains("field of κ=2.0000") })
        let other = try Self.checkpoint(dir, tag: "2_0000")
        #expect(tmux.waitFor { $0.contains("field of κ=2.0000") && Self.shows($0, min: other[1], max: other[2]) },
                "\(tmux.screen()) vs checkpoint \(other)")
        tmux.resize(width: 80, height: 24)
        #expect(tmux.waitFor { s in s.contains("field of κ=2.0000") && s.contains("max ") && s.contains("min ")
                && s.contains("0.5000 done") && s.contains("2.0000 done") })

        // v again closes it: the log is back.
        tmux.send("v")
        #expect(tmux.waitFor { $0.contains("log:") && !$0.contains("field of") })
        tmux.send("q")
        #expect(tmux.waitFor(30, history: 2000) { $0.contains("EXIT=0") })
    }

    @Test func withoutColoursThePictureIsShadedAndTheValidationSuiteHasNone() throws {
        let dir = Binary.temporaryDirectory("fieldview-mono")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let tmux = try Tmux("\(Binary.path) sweep --kappas 1 --N 64 --steps 2000 --every 100 --out \(dir); echo EXIT=$?; sleep 60",
                            width: 80, height: 24, environment: ["NO_COLOR": "1"])
        defer { tmux.kill() }
        #expect(tmux.waitFor(60) { $0.contains("sweep finished") })
        tmux.send("v")
        #expect(tmux.waitFor { $0.contains("field of κ=1.0000") && $0.contains("min ") })
        let screen = tmux.screen()
        #expect(screen.contains("█") || screen.contains("▓"))
        #expect(!screen.contains("▀"))
        let colour = try Regex(#"\x1b\[[0-9;]*(3[0-7]|9[0-7]|4[0-7]|38;5|48;5)[;m]"#)
        #expect(tmux.screen(escapes: true).firstMatch(of: colour) == nil)
        tmux.send("q")
        #expect(tmux.waitFor(30, history: 2000) { $0.contains("EXIT=0") })

        let validate = try Tmux("\(Binary.path) validate --only 1 --out \(dir); echo EXIT=$?; sleep 30")
        defer { validate.kill() }
        #expect(validate.waitFor(60) { $0.contains("1 single_step") })
        validate.send("v")
        #expect(validate.waitFor { $0.contains("keep no fields") })
        #expect(!validate.screen().contains("field of"))
        #expect(validate.waitFor(60) { $0.contains("sweep finished") })
        validate.send("q")
        #expect(validate.waitFor(60, history: 2000) { $0.contains("EXIT=0") })
    }
}
