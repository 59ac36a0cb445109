/// A box of text centred over the screen, in the overlay colours: the help and the quit
/// question. Lines wider than the screen are cut.
struct OverlayBox {
    var title: String
    var lines: [String]
    var ascii: Bool

    /// Where the box goes on a screen of `area`: a border, a blank row above and below the
    /// lines (dropped when the screen is too short for them) and a blank column each side, centred.
    func frame(in area: Rect) -> Rect {
        let contentWidth = ([TextWidth.of(title) + 4] + lines.map(TextWidth.of)).max() ?? 0
        let width = min(area.width, contentWidth + 4)
        let height = min(area.height, lines.count + (padded(in: area) ? 4 : 2))
        return Rect(y: area.y + (area.height - height) / 2, x: area.x + (area.width - width) / 2,
                    height: height, width: width)
    }

    private func padded(in area: Rect) -> Bool { lines.count + 4 <= area.height }

    func draw(in area: Rect, on canvas: inout some Canvas) {
        let box = frame(in: area)
        let top = padded(in: area) ? 2 : 1
        guard box.width >= 4, box.height >= 3 else { return }
        let (h, v, corners): (String, String, [String]) = ascii ? ("-", "|", ["+", "+", "+", "+"])
            : ("─", "│", ["┌", "┐", "└", "┘"])
        let style = Style(.overlay)
        let inner = box.width - 2
        let heading = TextWidth.truncate(" " + TextWidth.sanitized(title, ascii: ascii) + " ", to: max(0, inner - 2))
        let topRule = String(repeating: h, count: max(0, inner - 1 - TextWidth.of(heading)))
        canvas.put(corners[0] + h + heading + topRule + corners[1], y: box.y, x: box.x, maxWidth: box.width, style: style)
        canvas.put(corners[0] + h, y: box.y, x: box.x, maxWidth: 2, style: style)
        canvas.put(heading, y: box.y, x: box.x + 2, maxWidth: inner - 1, style: Style(.overlay, bold: true))
        for row in 1..<(box.height - 1) {
            canvas.fill(y: box.y + row, x: box.x, width: box.width, style: style)
            canvas.put(v, y: box.y + row, x: box.x, maxWidth: 1, style: style)
            canvas.put(v, y: box.y + row, x: box.right - 1, maxWidth: 1, style: style)
        }
        canvas.put(corners[2] + String(repeating: h, count: inner) + corners[3], y: box.bottom - 1, x: box.x,
                   maxWidth: box.width, style: style)
        for (i, line) in lines.enumerated() where top + i < box.height - top {
            canvas.put(TextWidth.sanitized(line, ascii: ascii), y: box.y + top + i, x: box.x + 2,
                       maxWidth: box.width - 4, style: style)
        }
    }

    /// The `?` overlay: every binding of the key table, then how to read the colours.
    static func help(keymap: Keymap, ascii: Bool, lastWarning: String? = nil) -> OverlayBox {
        var lines = keymap.helpLines(ascii: ascii) + [
            "",
            "drift colour: ok below 1e-4, warn below 1e-2, bad from 1e-2 or NaN/Inf",
            "sparkline: log10 drift over the run, scaled per row; ! = NaN/Inf",
            ascii ? "field: U:U = Uxx^2+2Uxy^2+Uyy^2, |P|^2 = Pxx^2+2Pxy^2+Pyy^2; block means"
                : "field: U:U = Uxx²+2Uxy²+Uyy², |P|² = Pxx²+2Pxy²+Pyy²; block means",
        ]
        if let lastWarning {
            lines += [""] + wrap("last warning: " + lastWarning, width: 72)
        }
        return OverlayBox(title: "series12 dashboard keys — any key closes", lines: lines, ascii: ascii)
    }

    /// `text` broken at spaces into lines of at most `width` cells (a longer word stays whole).
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            let candidate = current.isEmpty ? String(word) : current + " " + word
            if TextWidth.of(candidate) > width, !current.isEmpty {
                lines.append(current)
                current = String(word)
            } else {
                current = candidate
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// The question `q` asks while runs are active.
    static let quitQuestion = "Runs are active — quit and checkpoint them as interrupted? (y/n)"

    static func quitConfirmation(activeRuns: Int, ascii: Bool) -> OverlayBox {
        OverlayBox(title: "Quit?", lines: [
            quitQuestion,
            "",
            "y: checkpoint \(activeRuns) unfinished run\(activeRuns == 1 ? "" : "s") as interrupted and leave",
            "n: back to the dashboard (runs keep going)",
        ], ascii: ascii)
    }
}
