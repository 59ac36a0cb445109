import Foundation

/// The text of one tick label: `base`, then an optional raised `exponent` (`10` with `−5` for
/// 10⁻⁵, `2×10` with `3` for 2×10³). Kept in two parts so the SVG can raise the exponent with
/// a `<tspan>` instead of relying on superscript glyphs the viewer's font may lack.
public struct TickLabel: Sendable, Equatable, CustomStringConvertible {
    public var base: String
    public var exponent: String?

    public init(_ base: String, exponent: String? = nil) { self.base = base; self.exponent = exponent }

    /// `base^exponent` as plain text, for tests and messages.
    public var description: String { exponent.map { "\(base)^\($0)" } ?? base }

    /// A power of ten: `10` raised to `k` (the minus sign is U+2212, as typeset).
    public static func decade(_ k: Int, mantissa: Int = 1) -> TickLabel {
        TickLabel(mantissa == 1 ? "10" : "\(mantissa)×10", exponent: signed(k))
    }

    /// Labels for linear ticks spaced `step` apart: fixed-point with just enough decimals to
    /// tell neighbours apart, or `1.5e-7`-style when the values are very large or very small.
    public static func linear(_ values: [Double], step: Double) -> [TickLabel] {
        let largest = values.map(abs).max() ?? 0
        let stepExponent = Int(floor(Foundation.log10(step) + 1e-9))
        if largest >= 1e6 || (largest > 0 && largest < 1e-3) {
            let digits = max(0, Int(floor(Foundation.log10(largest) + 1e-9)) - stepExponent)
            return values.map { TickLabel(scientific($0, digits: digits)) }
        }
        let decimals = max(0, -stepExponent)
        return values.map { TickLabel(fixed($0, decimals: decimals)) }
    }

    /// `x` with `decimals` digits after the point; never `-0`.
    static func fixed(_ x: Double, decimals: Int) -> String {
        let text = String(format: "%.\(decimals)f", x)
        return isNegativeZero(text) ? String(text.dropFirst()) : text.replacingOccurrences(of: "-", with: "−")
    }

    /// `1.50e-07` → `1.50e−7`: mantissa with `digits` decimals, exponent without `+` or padding;
    /// zero is plain `0`.
    static func scientific(_ x: Double, digits: Int) -> String {
        if x == 0 { return "0" }
        let text = String(format: "%.\(digits)e", x)
        guard let e = text.firstIndex(of: "e"), let exponent = Int(text[text.index(after: e)...]) else { return text }
        var mantissa = String(text[..<e])
        if isNegativeZero(mantissa) { mantissa.removeFirst() }
        return mantissa.replacingOccurrences(of: "-", with: "−") + "e" + signed(exponent)
    }

    private static func isNegativeZero(_ text: String) -> Bool {
        text.hasPrefix("-") && text.dropFirst().allSatisfy { $0 == "0" || $0 == "." }
    }

    private static func signed(_ k: Int) -> String { k < 0 ? "−\(-k)" : "\(k)" }
}
