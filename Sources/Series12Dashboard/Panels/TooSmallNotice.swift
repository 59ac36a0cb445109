/// What a terminal smaller than 80×24 shows instead of the dashboard.
struct TooSmallNotice {
    var height: Int
    var width: Int
    var ascii: Bool

    var text: String {
        let x = ascii ? "x" : "×"
        return "Terminal is \(width)\(x)\(height) — enlarge the window to at least "
            + "\(ScreenLayout.minimumWidth)\(x)\(ScreenLayout.minimumHeight)"
    }

    /// The message broken into lines no wider than the terminal.
    func lines() -> [String] {
        let words = TextWidth.sanitized(text, ascii: ascii).split(separator: " ").map(String.init)
        var lines: [String] = []
        var current = ""
        for word in words {
            let candidate = current.isEmpty ? word : current + " " + word
            if TextWidth.of(candidate) > max(1, width), !current.isEmpty {
                lines.append(current)
                current = word
            } else {
                current = candidate
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    func draw(on canvas: inout some Canvas) {
        let lines = lines()
        let top = max(0, (height - lines.count) / 2)
        for (i, line) in lines.enumerated() where top + i < height {
            let w = TextWidth.of(line)
            canvas.put(line, y: top + i, x: max(0, (width - w) / 2), maxWidth: width, style: Style(.normal, bold: true))
        }
    }
}
