/// Colour and dash pattern of the n-th series: the Okabe–Ito palette (distinguishable with
/// the common colour-vision deficiencies) without its yellow, which is too pale on white,
/// ordered so the first colours read best; past seven series the colours repeat with a
/// dashed, then a dotted line.
public struct SeriesStyle: Sendable, Equatable {
    /// `#RRGGBB`.
    public var colour: String
    /// An SVG `stroke-dasharray`, nil for a solid line.
    public var dash: String?

    /// Okabe & Ito (2008): blue, vermillion, bluish green, reddish purple, orange, sky blue, black.
    public static let palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"]
    static let dashes: [String?] = [nil, "7 4", "2 3"]

    public static func of(_ index: Int) -> SeriesStyle {
        SeriesStyle(colour: palette[index % palette.count], dash: dashes[(index / palette.count) % dashes.count])
    }
}
