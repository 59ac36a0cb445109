/// The tier-1 log: a title line saying what is shown (following or scrolled back, filtered
/// or not), then the lines, newest at the bottom, each cut to the pane width.
struct LogPanel {
    var state: LogPaneState
    var glyphs: Glyphs

    func title(height: Int) -> String {
        let k = glyphs.isASCII ? "kappa" : "κ"
        var parts: [String] = []
        if let filter = state.filter {
            parts.append("log of \(filter.title ?? "\(k)=\(Format.kappa(filter.kappa))") only: \(state.shown.count) of \(state.lines.count) lines (f: all)")
        } else {
            parts.append("log: \(state.lines.count) lines")
        }
        if state.isFollowing {
            parts.append("following the newest")
        } else {
            let back = min(state.scrollBack, state.maxScrollBack(height: height))
            parts.append("scrolled back \(back) line\(back == 1 ? "" : "s") (End: follow)")
        }
        return " " + parts.joined(separator: " \(glyphs.separator) ") + " "
    }

    /// The colour a log line is drawn in: failures stand out.
    static func role(of line: String) -> ColorRole {
        if line.contains("❌") || line.contains("NOT CREATED") || line.contains("[FAIL]")
            || line.contains("status=unstable") || line.contains("status=failed") { return .bad }
        if line.contains("status=interrupted") { return .warn }
        return .normal
    }

    func draw(title titleRect: Rect, lines rect: Rect, on canvas: inout some Canvas) {
        if !titleRect.isEmpty {
            let rule = glyphs.isASCII ? "-" : "─"
            let text = rule + title(height: rect.height)
            let pad = String(repeating: rule, count: max(0, titleRect.width - TextWidth.of(text)))
            canvas.line(text + pad, in: titleRect, style: Style(.dim))
        }
        guard !rect.isEmpty else { return }
        let window = state.window(height: rect.height)
        // Oldest at the top of the window; when there are fewer lines than rows they sit at the top.
        for (row, line) in window.enumerated() {
            let clean = TextWidth.sanitized(line, ascii: glyphs.isASCII)
            let cut = TextWidth.truncate(clean, to: rect.width, ellipsis: glyphs.ellipsis)
            canvas.put(cut, y: rect.y + row, x: rect.x, maxWidth: rect.width, style: Style(Self.role(of: line)))
        }
    }
}
