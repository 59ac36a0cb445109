/// How one colour role looks: foreground and background colour and text attributes.
struct RoleStyle: Equatable, Sendable {
    var foreground: ThemeColor = .terminalDefault
    var background: ThemeColor = .terminalDefault
    var bold = false
    var reverse = false
    var underline = false
    var dim = false

    /// The attributes only, for a monochrome screen (NO_COLOR or a terminal without colours).
    var withoutColors: RoleStyle {
        RoleStyle(bold: bold, reverse: reverse, underline: underline, dim: dim)
    }
}
