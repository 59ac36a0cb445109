/// A horizontal bar `width` cells wide filled to `fraction` (clamped to 0…1): whole cells of
/// `barFull`, one partial eighth cell when the glyphs have them, the rest `barEmpty`.
enum ProgressBar {
    /// The filled part and the empty part separately, so they can take different colours.
    static func render(fraction: Double, width: Int, glyphs: Glyphs) -> (filled: String, empty: String) {
        guard width > 0 else { return ("", "") }
        let f = fraction.isFinite ? min(1, max(0, fraction)) : 0
        let eighths = glyphs.barEighths.isEmpty ? 1 : 8
        let units = Int((f * Double(width * eighths)).rounded(.down))
        let full = units / eighths
        let rest = units % eighths
        var filled = String(repeating: glyphs.barFull, count: full)
        if rest > 0, full < width { filled.append(glyphs.barEighths[rest - 1]) }
        let used = full + (rest > 0 ? 1 : 0)
        return (filled, String(repeating: glyphs.barEmpty, count: width - used))
    }
}
