/// A key press as the dashboard understands it, independent of curses key codes (the
/// `Screen` translates them), so the key table is tested without a terminal.
enum Key: Hashable, Sendable {
    case character(Character)
    case up, down, pageUp, pageDown, home, end
    case escape
    /// The terminal changed size (curses KEY_RESIZE).
    case resize
    /// Anything else (function keys, bytes of non-ASCII input).
    case other(Int32)

    /// How the help overlay names this key.
    func label(ascii: Bool) -> String {
        switch self {
        case let .character(c): return c == " " ? "space" : String(c)
        case .up: return ascii ? "Up" : "↑"
        case .down: return ascii ? "Down" : "↓"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .escape: return "Esc"
        case .resize: return "resize"
        case let .other(code): return "key \(code)"
        }
    }
}
