/// Where panels draw: text at a cell, in a colour role. The curses `Screen` is one; tests use
/// an in-memory grid, so panels are checked without a terminal.
///
/// Coordinates are terminal cells; text is clipped by display width (wide characters such
/// as 📦 take two cells) and never written past `maxWidth` cells.
protocol Canvas {
    /// Writes `text` starting at (`y`, `x`), at most `maxWidth` cells.
    mutating func put(_ text: String, y: Int, x: Int, maxWidth: Int, style: Style)
    /// Paints `width` blank cells in `style` (a background bar, a selection highlight).
    mutating func fill(y: Int, x: Int, width: Int, style: Style)
    /// Writes one character that takes exactly one cell (a heatmap pixel pair, a plot mark).
    mutating func putCell(_ character: Character, y: Int, x: Int, style: Style)
}

extension Canvas {
    mutating func putCell(_ character: Character, y: Int, x: Int, style: Style) {
        put(String(character), y: y, x: x, maxWidth: 1, style: style)
    }

    /// Writes `text` on row `row` of `rect`, padded with blanks to the rectangle's width.
    mutating func line(_ text: String, in rect: Rect, row: Int = 0, style: Style) {
        guard row < rect.height, !rect.isEmpty else { return }
        fill(y: rect.y + row, x: rect.x, width: rect.width, style: style)
        put(text, y: rect.y + row, x: rect.x, maxWidth: rect.width, style: style)
    }
}

/// A colour role plus optional emphasis on top of what the theme gives that role, or — for
/// pictures (the field heatmap and its colour bar) — explicit terminal colours.
struct Style: Equatable, Sendable {
    var role: ColorRole
    var bold: Bool = false
    /// Colours that replace the role's (the role still names what the cell is).
    var swatch: Swatch?

    init(_ role: ColorRole, bold: Bool = false) {
        self.role = role
        self.bold = bold
    }

    init(_ role: ColorRole, swatch: Swatch) {
        self.role = role
        self.swatch = swatch
    }

    static let normal = Style(.normal)
}
