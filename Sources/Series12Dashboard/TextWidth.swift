import CNcurses

/// Display widths of text in terminal cells, measured with `wcwidth` as ncurses does
/// (📦 and ❌ are two cells, combining marks none). Needs the user's locale to be set
/// (`setlocale(LC_ALL, "")`); a character `wcwidth` does not know counts as one cell.
enum TextWidth {
    /// Cells that `scalar` takes on the terminal.
    static func of(_ scalar: Unicode.Scalar) -> Int {
        if scalar.value < 0x80 { return scalar.value >= 0x20 && scalar.value != 0x7f ? 1 : 0 }
        let w = Int(s12_wcwidth(wchar_t(bitPattern: scalar.value)))
        return w < 0 ? 1 : w
    }

    /// Cells that `text` takes on the terminal.
    static func of(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + of($1) }
    }

    /// The longest prefix of `text` that fits in `width` cells; when `text` is cut, its last
    /// cell becomes `ellipsis` (so a reader sees that the line goes on).
    static func truncate(_ text: String, to width: Int, ellipsis: Character? = nil) -> String {
        guard width > 0 else { return "" }
        if of(text) <= width { return text }
        let room = ellipsis == nil ? width : width - 1
        var used = 0
        var kept = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let w = of(scalar)
            if used + w > room { break }
            kept.append(scalar)
            used += w
        }
        var result = String(kept)
        if let ellipsis { result.append(ellipsis) }
        return result
    }

    /// `text` cut or padded with spaces to exactly `width` cells; `alignRight` pads on the left.
    static func fit(_ text: String, to width: Int, alignRight: Bool = false, ellipsis: Character? = nil) -> String {
        let cut = truncate(text, to: width, ellipsis: ellipsis)
        let pad = String(repeating: " ", count: max(0, width - of(cut)))
        return alignRight ? pad + cut : cut + pad
    }

    /// `text` with control characters replaced by `?`, and — when `ascii` — every non-ASCII
    /// character replaced: the tier-1 marks by their ASCII forms (SPEC §3), κ by `k`, the rest by `?`.
    static func sanitized(_ text: String, ascii: Bool) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar == "\t" { out += " "; continue }
            if scalar.value < 0x20 || scalar.value == 0x7f || (0x80..<0xa0).contains(scalar.value) {
                out += "?"
                continue
            }
            if !ascii || scalar.isASCII { out.unicodeScalars.append(scalar); continue }
            switch scalar {
            case "📦": out += "[tar]"
            case "📄": out += "[json]"
            case "❌": out += "[FAIL]"
            case "κ": out += "k"
            case "×": out += "x"
            case "—", "–": out += "-"
            case "…": out += "..."
            case "→": out += "->"
            case "\u{FE0F}", "\u{FE0E}", "\u{200D}": break
            default: out += "?"
            }
        }
        return out
    }
}
