import Series12Sweep

/// The top line: sweep name, stamp, grid, elapsed wall time, overall progress, cores busy,
/// and an overall progress bar in the room that is left.
struct HeaderPanel {
    var snapshot: SweepSnapshot
    var glyphs: Glyphs

    /// The header text without the bar, in the longest wording that fits `width` cells
    /// (80 columns get the short one; a long sweep name is cut at the screen edge).
    func text(width: Int) -> String {
        let s = snapshot
        let sep = " \(glyphs.separator) "
        let grid = "\(s.n)\(glyphs.times)\(s.n)"
        let clock = Format.clock(s.elapsed, missing: glyphs.missing)
        let percent = Format.percent(s.progress)
        let long = [s.name, "stamp \(s.stamp)", "grid \(grid)", "elapsed \(clock)", "\(percent) done",
                    "cores \(s.busy)/\(s.jobs) busy"]
        let short = [s.name, s.stamp, "grid \(grid)", clock, percent, "cores \(s.busy)/\(s.jobs)"]
        let candidates = [long, short].map { " " + $0.joined(separator: sep) }
        return candidates.first { TextWidth.of($0) < width } ?? candidates[candidates.count - 1]
    }

    func draw(in rect: Rect, on canvas: inout some Canvas) {
        guard !rect.isEmpty else { return }
        let style = Style(.header)
        let text = text(width: rect.width)
        canvas.line(text, in: rect, style: style)
        let room = rect.width - TextWidth.of(text) - 3
        if room >= 10 {
            let width = min(room, 40)
            let bar = ProgressBar.render(fraction: snapshot.progress, width: width, glyphs: glyphs)
            let x = rect.right - width - 1
            canvas.put(bar.filled + bar.empty, y: rect.y, x: x, maxWidth: width, style: style)
        }
    }
}
