/// A terminal colour as a theme names it: the terminal's own default, or an index into the
/// terminal palette (0–7 the classic eight, 8–15 their bright forms, 16–255 the xterm
/// 256-colour cube and grey ramp).
enum ThemeColor: Equatable, Sendable {
    case terminalDefault
    case index(Int)

    /// The names a theme file may use instead of an index, in palette order from 0.
    static let names = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
                        "bright-black", "bright-red", "bright-green", "bright-yellow",
                        "bright-blue", "bright-magenta", "bright-cyan", "bright-white"]

    /// Parses `"default"`, a colour name from `names`, or an integer 0…255; nil otherwise.
    init?(name: String) {
        if name == "default" { self = .terminalDefault; return }
        guard let i = Self.names.firstIndex(of: name) else { return nil }
        self = .index(i)
    }

    init?(index: Int) {
        guard (0...255).contains(index) else { return nil }
        self = .index(index)
    }

    /// The curses colour number on a terminal with `colors` colours: the index itself when the
    /// terminal has it, else the nearest of the classic eight (bright → plain, the 6×6×6 cube
    /// and the grey ramp by nearest RGB corner), and -1 (the terminal default) when the
    /// terminal has fewer than eight.
    func cursesNumber(terminalColors colors: Int) -> Int {
        guard case let .index(i) = self else { return -1 }
        if i < colors { return i }
        guard colors >= 8 else { return -1 }
        if i < 16 { return i - 8 }
        let (r, g, b): (Int, Int, Int)
        if i < 232 {
            let c = i - 16
            let level = [0, 95, 135, 175, 215, 255]
            (r, g, b) = (level[c / 36], level[(c / 6) % 6], level[c % 6])
        } else {
            let grey = 8 + 10 * (i - 232)
            (r, g, b) = (grey, grey, grey)
        }
        // Nearest corner of the RGB cube: each channel on (≥ 128) or off; bit 0 red, 1 green, 2 blue.
        return (r >= 128 ? 1 : 0) | (g >= 128 ? 2 : 0) | (b >= 128 ? 4 : 0)
    }
}
