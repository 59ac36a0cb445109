/// The dashboard's colours: one `RoleStyle` per `ColorRole`.
///
/// Themes live as JSON files in a `themes/` directory (schema in `themes/README.md`); the
/// built-in `standard` theme equals `themes/default.json` and is what the dashboard falls back
/// to when a theme file is missing or damaged, so a screen always has colours.
public struct Theme: Equatable, Sendable {
    /// The file's base name (`default` for `themes/default.json`).
    public var name: String
    /// One line saying what the theme is for (shown when `t` switches to it).
    public var summary: String
    var styles: [ColorRole: RoleStyle]
    /// The field view's colour ramp, lowest value first: palette indices 0…255 for terminals
    /// with 256 colours, and `ramp8` (indices 0…7) for those with 8. Empty: no colours, the
    /// heatmap is drawn with shading characters.
    var ramp: [Int]
    var ramp8: [Int]

    init(name: String, summary: String, styles: [ColorRole: RoleStyle], ramp: [Int] = [], ramp8: [Int] = []) {
        self.name = name
        self.summary = summary
        self.styles = styles
        self.ramp = ramp
        self.ramp8 = ramp8
    }

    /// The style of `role`; a role the theme does not set looks like `normal`.
    func style(_ role: ColorRole) -> RoleStyle { styles[role] ?? styles[.normal] ?? RoleStyle() }

    /// The ramp for a terminal with `colors` colours (0 when colours are off), as curses colour
    /// numbers, lowest value first; empty when the heatmap must use shading characters.
    func heatColors(terminalColors colors: Int) -> [Int] {
        if colors >= 256 && ramp.count >= 2 { return ramp }
        if colors >= 8 && ramp8.count >= 2 { return ramp8 }
        return []
    }

    /// This theme with every colour removed, attributes kept (NO_COLOR).
    var monochrome: Theme {
        Theme(name: name, summary: summary, styles: styles.mapValues(\.withoutColors))
    }

    /// An inferno-like ramp (black, purple, red, orange, yellow, white; lightness rising
    /// steadily) in the xterm 256-colour cube, and its 8-colour form.
    static let infernoRamp = [16, 17, 54, 90, 126, 162, 197, 203, 209, 215, 221, 227, 229, 231]
    static let infernoRamp8 = [0, 4, 5, 1, 3, 7]

    /// The built-in default for dark terminals; identical to `themes/default.json`.
    public static let standard = Theme(
        name: "default",
        summary: "colours for a dark terminal background",
        styles: [
            .normal: RoleStyle(),
            .header: RoleStyle(foreground: .index(7), background: .index(4), bold: true),
            .columns: RoleStyle(foreground: .index(6), bold: true),
            .selected: RoleStyle(foreground: .index(0), background: .index(6)),
            .ok: RoleStyle(foreground: .index(2)),
            .warn: RoleStyle(foreground: .index(3)),
            .bad: RoleStyle(foreground: .index(1), bold: true),
            .bar: RoleStyle(foreground: .index(6)),
            .sparkline: RoleStyle(foreground: .index(5)),
            .dim: RoleStyle(dim: true),
            .status: RoleStyle(foreground: .index(0), background: .index(7)),
            .overlay: RoleStyle(foreground: .index(7), background: .index(4)),
        ],
        ramp: infernoRamp, ramp8: infernoRamp8)

    /// Attributes only, for NO_COLOR and terminals without colours; identical to
    /// `themes/mono.json`.
    public static let monochromeStandard = Theme(
        name: "mono",
        summary: "no colours: bold, underline and reverse video only",
        styles: [
            .normal: RoleStyle(),
            .header: RoleStyle(bold: true, reverse: true),
            .columns: RoleStyle(bold: true, underline: true),
            .selected: RoleStyle(reverse: true),
            .ok: RoleStyle(),
            .warn: RoleStyle(bold: true),
            .bad: RoleStyle(bold: true, underline: true),
            .bar: RoleStyle(),
            .sparkline: RoleStyle(),
            .dim: RoleStyle(dim: true),
            .status: RoleStyle(reverse: true),
            .overlay: RoleStyle(reverse: true),
        ])
}
