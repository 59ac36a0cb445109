/// Which table columns fit a terminal width and where each goes: pure arithmetic, so the
/// rules (κ, status, progress and drift always; sparkline and last archive when there is room)
/// are unit-tested without a terminal.
struct TableLayout: Equatable, Sendable {
    struct Slot: Equatable, Sendable {
        var column: TableColumn
        var x: Int
        var width: Int
    }

    /// The visible columns, left to right, one space apart.
    var slots: [Slot]
    /// Cells of the progress column taken by `step/steps` (the bar gets the rest minus a space).
    var stepTextWidth: Int

    static let gap = 1
    static let minBar = 8
    static let maxBar = 30
    static let maxSparkline = 40

    /// - Parameters:
    ///   - width: terminal columns.
    ///   - kappaWidth: cells of the widest κ text (`0.1000` is 6).
    ///   - maxSteps: the largest target step count (sets the width of `step/steps`).
    init(width: Int, kappaWidth: Int, maxSteps: Int) {
        let digits = String(max(0, maxSteps)).count
        let stepTextWidth = 2 * digits + 1
        self.stepTextWidth = stepTextWidth
        func minimum(_ c: TableColumn) -> Int {
            switch c {
            case .kappa: return max(5, min(14, kappaWidth))
            case .status: return 11  // "interrupted"
            case .progress: return stepTextWidth + 1 + TableLayout.minBar
            case .time: return 8  // "0.001381", "123.5"
            case .hamiltonian: return 13  // "-1.234567e-03"
            case .drift, .maxDrift: return 9  // "1.23e-05", "max drift"
            case .sparkline: return 7
            case .rate: return 8
            case .eta: return 8
            case .archive: return 11  // "📦 history" (ASCII marks get cut)
            }
        }
        var chosen = Set(TableColumn.alwaysShown)
        var used = TableColumn.alwaysShown.map(minimum).reduce(0, +) + Self.gap * (TableColumn.alwaysShown.count - 1)
        for c in TableColumn.byPriority {
            guard used + Self.gap + minimum(c) <= width else { break }
            chosen.insert(c)
            used += Self.gap + minimum(c)
        }
        var widths = Dictionary(uniqueKeysWithValues: chosen.map { ($0, minimum($0)) })
        // Spare cells: a longer progress bar first, then a longer sparkline.
        var spare = max(0, width - used)
        let barGrowth = min(spare, Self.maxBar - Self.minBar)
        widths[.progress, default: 0] += barGrowth
        spare -= barGrowth
        if widths[.sparkline] != nil {
            let sparkGrowth = min(spare, Self.maxSparkline - minimum(.sparkline))
            widths[.sparkline, default: 0] += sparkGrowth
            spare -= sparkGrowth
        }
        var x = 0
        var slots: [Slot] = []
        for c in TableColumn.allCases {
            guard let w = widths[c] else { continue }
            slots.append(Slot(column: c, x: x, width: w))
            x += w + Self.gap
        }
        self.slots = slots
    }

    var columns: [TableColumn] { slots.map(\.column) }

    /// Cells from the first column's left edge to the last column's right edge.
    var usedWidth: Int { slots.last.map { $0.x + $0.width } ?? 0 }

    func slot(_ column: TableColumn) -> Slot? { slots.first { $0.column == column } }

    /// Width of the bar inside the progress column.
    var barWidth: Int { max(0, (slot(.progress)?.width ?? 0) - stepTextWidth - 1) }
}
