import Foundation

/// Text and numbers as they go into the SVG document.
enum SVGText {
    /// `text` safe inside an XML element or a double-quoted attribute. Control characters
    /// that XML 1.0 forbids become U+FFFD.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                out.unicodeScalars.append(scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF ? "\u{FFFD}" : scalar)
            }
        }
        return out
    }

    /// A pixel coordinate with at most two decimals and no trailing zeros: `12.5`, `3`, never `-0`.
    static func number(_ x: Double) -> String {
        var text = String(format: "%.2f", x)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    /// Approximate width in pixels of `text` set in a sans-serif font of `size` px: digits are
    /// 0.64 em wide in DejaVu Sans and Helvetica-like faces, narrow marks about a third.
    static func width(_ text: String, size: Double) -> Double {
        var ems = 0.0
        for c in text {
            switch c {
            case "0"..."9": ems += 0.64
            case ".", ",", ":", ";", "i", "l", "j", "I", "|", "'", "!", " ", "(", ")", "[", "]", "t", "f", "r": ems += 0.36
            case "m", "w", "M", "W", "×", "—": ems += 0.9
            default: ems += 0.62
            }
        }
        return ems * size
    }

    /// Width of a tick label set at `size`, its exponent at `exponentScale` of that.
    static func width(_ label: TickLabel, size: Double) -> Double {
        width(label.base, size: size) + (label.exponent.map { width($0, size: size * exponentScale) } ?? 0)
    }

    /// Exponents are set this much smaller than their base and raised by `exponentRise` em.
    static let exponentScale = 0.75
    static let exponentRise = 0.45
}
