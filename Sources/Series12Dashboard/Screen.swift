import CNcurses
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The terminal, through curses: the only code in Series 12 that calls curses. It opens and
/// closes the screen, turns theme roles into colour pairs, shows frames composed in a
/// `CellGrid` (wide characters), reads keys with a timeout, and writes raw escape sequences
/// (OSC 52) between refreshes.
///
/// Not `Sendable`: created, used and closed on the thread running the dashboard.
final class Screen {
    private(set) var height = 0
    private(set) var width = 0
    /// Colours are in use (wanted, and the terminal has them).
    private(set) var hasColors = false
    private var isOpen = false
    private var terminalDefaultsAllowed = false
    private var attributes: [ColorRole: Int32] = [:]
    /// Colour pairs made for picture cells (`Swatch`), after the roles' pairs.
    private var swatchPairs: [Swatch: Int32] = [:]
    /// The frame on the terminal now: rows that did not change are not written again.
    private var shown: CellGrid?

    /// Opens the screen: cbreak (Ctrl-C still raises SIGINT for the CLI), no echo, keypad keys,
    /// hidden cursor, 25 ms ESC delay. The locale must already be set. False when the terminal
    /// cannot be used (then nothing was changed).
    func open(wantColors: Bool) -> Bool {
        guard s12_newterm() != nil else { return false }
        isOpen = true
        cbreak()
        noecho()
        nonl()
        keypad(s12_stdscr(), true)
        intrflush(s12_stdscr(), false)
        curs_set(0)
        set_escdelay(25)
        if wantColors && has_colors() {
            start_color()
            terminalDefaultsAllowed = use_default_colors() != s12_err()
            hasColors = true
        }
        updateSize()
        return true
    }

    /// Leaves curses and restores the terminal (cursor, modes, the normal screen). Safe to call twice.
    func close() {
        guard isOpen else { return }
        isOpen = false
        curs_set(1)
        endwin()
    }

    /// Sets each role's colour pair and attributes from `theme` (colours only when `hasColors`).
    func apply(_ theme: Theme) {
        let colors = Int(s12_colors())
        for (i, role) in ColorRole.allCases.enumerated() {
            let style = hasColors ? theme.style(role) : theme.style(role).withoutColors
            var attr = s12_a_normal()
            if hasColors {
                var fg = style.foreground.cursesNumber(terminalColors: colors)
                var bg = style.background.cursesNumber(terminalColors: colors)
                if !terminalDefaultsAllowed {
                    if fg < 0 { fg = 7 }
                    if bg < 0 { bg = 0 }
                }
                init_pair(Int16(i + 1), Int16(fg), Int16(bg))
                attr |= s12_color_pair(Int32(i + 1))
            }
            if style.bold { attr |= s12_a_bold() }
            if style.reverse { attr |= s12_a_reverse() }
            if style.underline { attr |= s12_a_underline() }
            if style.dim { attr |= s12_a_dim() }
            attributes[role] = attr
        }
    }

    /// The colour pair showing `swatch`, made on first use; nil without colours or when the
    /// terminal has no pairs left (the cell then takes its role's colours).
    private func pair(for swatch: Swatch) -> Int32? {
        guard hasColors else { return nil }
        if let pair = swatchPairs[swatch] { return pair }
        let pair = Int32(ColorRole.allCases.count + 1 + swatchPairs.count)
        guard pair < min(Int32(s12_color_pairs()), Int32(Int16.max)),
              init_pair(Int16(pair), Int16(swatch.foreground), Int16(swatch.background)) != s12_err() else { return nil }
        swatchPairs[swatch] = pair
        return pair
    }

    /// The number of colours the terminal has (0 without colours in use).
    var colorCount: Int { hasColors ? Int(s12_colors()) : 0 }

    /// Re-reads the terminal size (after KEY_RESIZE, curses has already resized itself).
    func updateSize() {
        var rows: Int32 = 0
        var cols: Int32 = 0
        s12_getmaxyx(&rows, &cols)
        height = Int(rows)
        width = Int(cols)
    }

    /// Waits up to `milliseconds` for a key; nil when none came.
    func readKey(timeoutMilliseconds milliseconds: Int) -> Key? {
        s12_timeout(Int32(max(0, milliseconds)))
        let code = getch()
        if code == s12_err() { return nil }
        switch code {
        case s12_key_up(): return .up
        case s12_key_down(): return .down
        case s12_key_ppage(): return .pageUp
        case s12_key_npage(): return .pageDown
        case s12_key_home(): return .home
        case s12_key_end(): return .end
        case s12_key_resize(): return .resize
        case 27: return .escape
        case 0x20..<0x7f:
            return Unicode.Scalar(UInt32(code)).map { .character(Character($0)) } ?? .other(code)
        default: return .other(code)
        }
    }

    /// Shows `frame`: every row that differs from the frame shown before is written as runs of
    /// one style (each row covers the whole width, so nothing old survives in it), then one
    /// refresh (curses sends only the cells that changed). A field picture that did not change
    /// costs no curses call at all. `fullRepaint` (after a resize or a theme change) clears
    /// and writes every row, and makes curses redraw every cell.
    func show(_ frame: CellGrid, fullRepaint: Bool) {
        let previous = fullRepaint || shown?.height != frame.height || shown?.width != frame.width ? nil : shown
        if previous == nil {
            if fullRepaint { wclear(s12_stdscr()) } else { werase(s12_stdscr()) }
        }
        for y in 0..<min(frame.height, height) {
            if let previous, frame.rowEquals(y, previous) { continue }
            for run in frame.runs(ofRow: y) where run.x < width {
                addText(run.text, y: y, x: run.x, style: run.style)
            }
        }
        shown = frame
        wrefresh(s12_stdscr())
    }

    /// Writes `bytes` straight to the terminal (stdout), bypassing curses — for OSC 52, after
    /// a refresh so it does not interleave with curses' own output.
    func writeToTerminal(_ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return write(STDOUT_FILENO, base + offset, buffer.count - offset)
            }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return }
            offset += n
        }
    }

    private func addText(_ text: String, y: Int, x: Int, style: Style) {
        var wide: [wchar_t] = text.unicodeScalars.map { $0.value < 0x20 ? 0x3f : wchar_t(bitPattern: $0.value) }
        wide.append(0)
        if let swatch = style.swatch, let pair = pair(for: swatch) {
            _ = s12_attr_set_pair(style.bold ? s12_a_bold() : s12_a_normal(), pair)
        } else {
            var attr = attributes[style.role] ?? s12_a_normal()
            if style.bold { attr |= s12_a_bold() }
            s12_attrset(attr)
        }
        _ = wide.withUnsafeBufferPointer { s12_mvaddnwstr(Int32(y), Int32(x), $0.baseAddress, -1) }
    }
}
