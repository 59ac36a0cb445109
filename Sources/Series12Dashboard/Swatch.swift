/// Foreground and background as curses colour numbers (0…COLORS−1), as the theme's colour
/// ramp gives them for this terminal: the colours of one field-view cell.
struct Swatch: Hashable, Sendable {
    var foreground: Int
    var background: Int
}
