/// The characters the dashboard draws with: Unicode, or plain ASCII for `--ascii` and
/// non-UTF-8 locales (SPEC §3: the marks become `[json]`, `[tar]`, `[FAIL]`).
struct Glyphs: Equatable, Sendable {
    /// Sparkline levels, lowest first (eight of them).
    var sparkLevels: [Character]
    /// A sparkline sample whose drift is NaN or infinite.
    var sparkNonFinite: Character
    var barFull: Character
    /// Partial cells of a bar, 1/8 … 7/8 (empty in ASCII mode: whole cells only).
    var barEighths: [Character]
    var barEmpty: Character
    var archiveSaved: String
    var archiveFailed: String
    var ellipsis: Character
    var kappa: String
    var separator: String
    var times: String
    var missing: String
    var isASCII: Bool

    static let unicode = Glyphs(
        sparkLevels: Array("▁▂▃▄▅▆▇█"), sparkNonFinite: "!", barFull: "█",
        barEighths: Array("▏▎▍▌▋▊▉"), barEmpty: "░", archiveSaved: "📦", archiveFailed: "❌",
        ellipsis: "…", kappa: "κ", separator: "│", times: "×", missing: "—", isASCII: false)

    static let ascii = Glyphs(
        sparkLevels: Array("_.-=+*#@"), sparkNonFinite: "!", barFull: "#",
        barEighths: [], barEmpty: "-", archiveSaved: "ok", archiveFailed: "FAIL",
        ellipsis: "~", kappa: "k", separator: "|", times: "x", missing: "-", isASCII: true)
}
