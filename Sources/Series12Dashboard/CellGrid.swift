/// A frame composed in memory before curses sees it: one cell per terminal cell, each with a
/// character and a style. Panels and overlays draw into it in any order; overwriting half of
/// a wide character (📦, ❌) blanks its other half here, so curses is handed whole rows that
/// never split a wide character — curses and tmux disagree about half-overwritten wide
/// characters and leave holes (a vanished overlay border) that no later refresh repairs.
struct CellGrid: Canvas {
    enum Cell: Equatable {
        /// A character taking `width` cells (1 or 2) from here.
        case glyph(Character, width: Int, style: Style)
        /// The right half of the wide character in the cell to the left.
        case continuation
    }

    let height: Int
    let width: Int
    private(set) var rows: [[Cell]]

    init(height: Int, width: Int) {
        self.height = max(0, height)
        self.width = max(0, width)
        rows = Array(repeating: Array(repeating: .glyph(" ", width: 1, style: .normal), count: self.width),
                     count: self.height)
    }

    mutating func put(_ text: String, y: Int, x: Int, maxWidth: Int, style: Style) {
        guard y >= 0, y < height else { return }
        let limit = min(width, x + max(0, maxWidth))
        var col = x
        for character in text {
            var w = TextWidth.of(String(character))
            if w == 0 { continue }  // a lone combining mark: nothing to place it on
            w = min(w, 2)
            if col + w > limit { break }
            if col >= 0 {
                blank(y, col)
                if w == 2 { blank(y, col + 1) }
                rows[y][col] = .glyph(character.isControl ? "?" : character, width: w, style: style)
                if w == 2 { rows[y][col + 1] = .continuation }
            }
            col += w
        }
    }

    mutating func putCell(_ character: Character, y: Int, x: Int, style: Style) {
        guard y >= 0, y < height, x >= 0, x < width else { return }
        blank(y, x)
        rows[y][x] = .glyph(character, width: 1, style: style)
    }

    mutating func fill(y: Int, x: Int, width: Int, style: Style) {
        put(String(repeating: " ", count: max(0, width)), y: y, x: x, maxWidth: width, style: style)
    }

    /// Turns the wide character covering (`y`, `col`), if any, into blanks of its own style.
    private mutating func blank(_ y: Int, _ col: Int) {
        guard col >= 0, col < width else { return }
        switch rows[y][col] {
        case .continuation:
            if col > 0, case let .glyph(_, _, style) = rows[y][col - 1] {
                rows[y][col - 1] = .glyph(" ", width: 1, style: style)
                rows[y][col] = .glyph(" ", width: 1, style: style)
            }
        case let .glyph(_, w, style) where w == 2:
            rows[y][col] = .glyph(" ", width: 1, style: style)
            if col + 1 < width { rows[y][col + 1] = .glyph(" ", width: 1, style: style) }
        case .glyph:
            break
        }
    }

    /// True when row `y` holds the same cells as row `y` of `other`.
    func rowEquals(_ y: Int, _ other: CellGrid) -> Bool {
        other.width == width && y < other.height && rows[y] == other.rows[y]
    }

    /// A row as runs of one style each: (first column, text, style) — what the screen writes.
    func runs(ofRow y: Int) -> [(x: Int, text: String, style: Style)] {
        var result: [(x: Int, text: String, style: Style)] = []
        for (col, cell) in rows[y].enumerated() {
            guard case let .glyph(character, _, style) = cell else { continue }
            if let last = result.last, last.style == style {
                result[result.count - 1].text.append(character)
            } else {
                result.append((col, String(character), style))
            }
        }
        return result
    }

    /// The characters of row `y` (for tests and captures).
    func text(ofRow y: Int) -> String {
        String(rows[y].compactMap { if case let .glyph(c, _, _) = $0 { return c } else { return nil } })
    }

    /// The style of the cell at (`y`, `x`); a continuation reports its wide character's style.
    func style(y: Int, x: Int) -> Style {
        switch rows[y][x] {
        case let .glyph(_, _, style): return style
        case .continuation: return x > 0 ? style(y: y, x: x - 1) : .normal
        }
    }
}

extension Character {
    fileprivate var isControl: Bool { unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7f } }
}
