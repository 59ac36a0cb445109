/// The log pane's content and where it is scrolled: every tier-1 line received so far, the
/// ones the κ filter lets through, and how far back from the newest the view sits.
///
/// `scrollBack` counts shown lines below the view's bottom; 0 means the view follows the
/// newest line. While scrolled back, newly arriving lines do not move the view.
struct LogPaneState: Sendable {
    private(set) var lines: [String] = []
    private(set) var filter: KappaLogFilter?
    /// Indices into `lines` of the lines that pass the filter.
    private(set) var shown: [Int] = []
    private(set) var scrollBack = 0

    var isFollowing: Bool { scrollBack == 0 }

    mutating func append(_ newLines: [String]) {
        guard !newLines.isEmpty else { return }
        var added = 0
        for line in newLines {
            if filter?.matches(line) ?? true {
                shown.append(lines.count)
                added += 1
            }
            lines.append(line)
        }
        if scrollBack > 0 { scrollBack += added }
    }

    /// Shows only `filter`'s lines (nil: all) and follows the newest again.
    mutating func setFilter(_ filter: KappaLogFilter?) {
        guard filter != self.filter else { return }
        self.filter = filter
        shown = lines.indices.filter { filter?.matches(lines[$0]) ?? true }
        scrollBack = 0
    }

    mutating func pageBack(height: Int) { scrollBack = min(maxScrollBack(height: height), scrollBack + max(1, height - 1)) }
    mutating func pageForward(height: Int) { scrollBack = max(0, scrollBack - max(1, height - 1)) }
    mutating func scrollToOldest(height: Int) { scrollBack = maxScrollBack(height: height) }
    mutating func follow() { scrollBack = 0 }

    func maxScrollBack(height: Int) -> Int { max(0, shown.count - height) }

    /// The lines to show in a pane `height` lines tall, oldest first (the newest at the bottom
    /// when following).
    func window(height: Int) -> [String] {
        guard height > 0 else { return [] }
        let back = min(scrollBack, maxScrollBack(height: height))
        let end = shown.count - back
        let start = max(0, end - height)
        return shown[start..<end].map { lines[$0] }
    }
}
