/// Where each panel goes on a terminal of `height` × `width` cells, top to bottom:
/// header (1 line), column titles (1), κ rows, the drift-vs-κ strip (`DriftStrip.height`,
/// when wanted and there is room), then either the log (title line and lines) or, with the
/// field view open, the field pane (title line and picture), and the status line (1).
///
/// The κ rows get what they need while the pane below keeps at least `minLogLines` rows;
/// with more κ than rows the table scrolls (see `TableScroll`). The strip only shows when
/// the log keeps `minLogLines` rows under it, or the field pane `minFieldLines`.
struct ScreenLayout: Equatable, Sendable {
    static let minimumWidth = 80
    static let minimumHeight = 24
    static let minLogLines = 6
    /// Text rows the field picture keeps before the strip gives way to it (24 pixels).
    static let minFieldLines = 12

    var header: Rect
    var columnTitles: Rect
    var table: Rect
    /// The drift-vs-κ strip (title, plot, κ labels); empty when hidden.
    var strip: Rect
    /// The log pane's title line and lines; empty while the field view is open.
    var logTitle: Rect
    var log: Rect
    /// The field pane's title line and picture area; empty while the field view is closed.
    var fieldTitle: Rect
    var field: Rect
    var status: Rect

    /// False when the terminal is smaller than 80×24 (then only the "enlarge" notice shows).
    static func fits(height: Int, width: Int) -> Bool { height >= minimumHeight && width >= minimumWidth }

    init(height: Int, width: Int, runCount: Int, strip wantStrip: Bool = false, field showField: Bool = false) {
        header = Rect(y: 0, x: 0, height: 1, width: width)
        columnTitles = Rect(y: 1, x: 0, height: 1, width: width)
        let fixed = 4  // header, titles, pane title, status
        let tableRows = max(1, min(runCount, height - fixed - Self.minLogLines))
        table = Rect(y: 2, x: 0, height: tableRows, width: width)
        let below = height - fixed - tableRows
        let keep = showField ? Self.minFieldLines : Self.minLogLines
        let stripRows = wantStrip && below - DriftStrip.height >= keep ? DriftStrip.height : 0
        strip = Rect(y: table.bottom, x: 0, height: stripRows, width: width)
        status = Rect(y: height - 1, x: 0, height: 1, width: width)
        let paneTitle = Rect(y: strip.bottom, x: 0, height: 1, width: width)
        let pane = Rect(y: paneTitle.bottom, x: 0, height: status.y - paneTitle.bottom, width: width)
        let none = Rect(y: paneTitle.y, x: 0, height: 0, width: 0)
        (logTitle, log) = showField ? (none, none) : (paneTitle, pane)
        (fieldTitle, field) = showField ? (paneTitle, pane) : (none, none)
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
