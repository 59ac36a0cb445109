/// Where each panel goes on a terminal of `height` × `width` cells, top to bottom:
/// header (1 line), column titles (1), κ rows, log title (1), log lines, status line (1).
///
/// The κ rows get what they need while the log keeps at least `minLogLines`; with more κ
/// than rows the table scrolls (see `TableScroll`).
struct ScreenLayout: Equatable, Sendable {
    static let minimumWidth = 80
    static let minimumHeight = 24
    static let minLogLines = 6

    var header: Rect
    var columnTitles: Rect
    var table: Rect
    var logTitle: Rect
    var log: Rect
    var status: Rect

    /// False when the terminal is smaller than 80×24 (then only the "enlarge" notice shows).
    static func fits(height: Int, width: Int) -> Bool { height >= minimumHeight && width >= minimumWidth }

    init(height: Int, width: Int, runCount: Int) {
        header = Rect(y: 0, x: 0, height: 1, width: width)
        columnTitles = Rect(y: 1, x: 0, height: 1, width: width)
        let fixed = 4  // header, titles, log title, status
        let tableRows = max(1, min(runCount, height - fixed - Self.minLogLines))
        table = Rect(y: 2, x: 0, height: tableRows, width: width)
        logTitle = Rect(y: table.bottom, x: 0, height: 1, width: width)
        status = Rect(y: height - 1, x: 0, height: 1, width: width)
        log = Rect(y: logTitle.bottom, x: 0, height: status.y - logTitle.bottom, width: width)
    }
}

/// Which κ rows the table shows when they do not all fit: the smallest move of the window
/// that keeps the selected row visible.
enum TableScroll {
    static func top(current: Int, selected: Int, count: Int, capacity: Int) -> Int {
        guard capacity > 0, count > capacity else { return 0 }
        var top = min(max(0, current), count - capacity)
        if selected < top { top = selected }
        if selected >= top + capacity { top = selected - capacity + 1 }
        return top
    }
}
