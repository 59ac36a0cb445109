import Series12Sweep

/// The κ table: column titles and one row per visible κ, the selected row highlighted.
struct TablePanel {
    var runs: [RunSnapshot]
    var layout: TableLayout
    var selected: Int
    /// Index of the first run shown (the table scrolls when there are more κ than rows).
    var top: Int
    /// Rows available for κ.
    var capacity: Int
    var glyphs: Glyphs

    /// Runs below the last visible row.
    var hiddenBelow: Int { max(0, runs.count - top - capacity) }

    func drawTitles(in rect: Rect, on canvas: inout some Canvas) {
        guard !rect.isEmpty else { return }
        canvas.fill(y: rect.y, x: rect.x, width: rect.width, style: Style(.columns))
        for slot in layout.slots {
            var title = slot.column.title(ascii: glyphs.isASCII)
            let labelled = runs.contains { $0.label != nil }
            if labelled && slot.column == .hamiltonian { title = "figure" }
            if slot.column == .kappa {
                if labelled { title = "test" }
                title = scrollMarks + title
            }
            let text = TextWidth.fit(title, to: slot.width, alignRight: slot.column.alignRight)
            canvas.put(text, y: rect.y, x: rect.x + slot.x, maxWidth: slot.width, style: Style(.columns))
        }
    }

    /// Arrows before the κ title when rows are hidden above (▲) or below (▼).
    var scrollMarks: String {
        let up = top > 0 ? (glyphs.isASCII ? "^" : "▲") : ""
        let down = hiddenBelow > 0 ? (glyphs.isASCII ? "v" : "▼") : ""
        return up.isEmpty && down.isEmpty ? "" : up + down + " "
    }

    func drawRows(in rect: Rect, on canvas: inout some Canvas) {
        for row in 0..<min(rect.height, capacity) {
            let index = top + row
            guard index < runs.count else { break }
            let y = rect.y + row
            let isSelected = index == selected
            if isSelected { canvas.fill(y: y, x: rect.x, width: rect.width, style: Style(.selected)) }
            for slot in layout.slots {
                for piece in cell(slot, run: runs[index]) {
                    let style = isSelected ? Style(.selected, bold: piece.style.bold) : piece.style
                    canvas.put(piece.text, y: y, x: rect.x + slot.x + piece.offset, maxWidth: slot.width - piece.offset, style: style)
                }
            }
        }
    }

    /// A run's drift has a value once its baseline is measured.
    static func isMeasured(_ run: RunSnapshot) -> Bool { !run.driftHistory.isEmpty || run.H0.isFinite }

    struct Piece {
        var text: String
        var offset: Int
        var style: Style
    }

    /// What one cell shows: a text (or a bar in two colours) and its colour.
    func cell(_ slot: TableLayout.Slot, run: RunSnapshot) -> [Piece] {
        let measured = Self.isMeasured(run)
        let missing = glyphs.missing
        func text(_ s: String, _ role: ColorRole, bold: Bool = false) -> [Piece] {
            [Piece(text: TextWidth.fit(s, to: slot.width, alignRight: slot.column.alignRight, ellipsis: glyphs.ellipsis),
                   offset: 0, style: Style(role, bold: bold))]
        }
        if run.label != nil {
            // A validation row: its figure stands in the H column (titled "figure"); κ-run
            // columns without meaning for a test stay empty.
            switch slot.column {
            case .time, .drift, .maxDrift, .sparkline: return text(missing, .dim)
            case .hamiltonian: return run.H.isFinite ? text(Format.scientific(run.H, digits: 3), .normal) : text(missing, .dim)
            default: break
            }
        }
        switch slot.column {
        case .kappa:
            if let label = run.label {  // names read left to right; κ values align on the right
                return [Piece(text: TextWidth.fit(label, to: slot.width, alignRight: false, ellipsis: glyphs.ellipsis),
                              offset: 0, style: Style(.normal, bold: true))]
            }
            return text(Format.kappa(run.kappa), .normal, bold: true)
        case .status:
            return text(run.status.rawValue, run.status.role)
        case .progress:
            let bar = ProgressBar.render(fraction: run.progress, width: layout.barWidth, glyphs: glyphs)
            let steps = TextWidth.fit(Format.stepFraction(run.step, of: run.steps), to: layout.stepTextWidth, alignRight: true)
            let filledWidth = TextWidth.of(bar.filled)
            return [Piece(text: bar.filled, offset: 0, style: Style(.bar)),
                    Piece(text: bar.empty, offset: filledWidth, style: Style(.dim)),
                    Piece(text: steps, offset: layout.barWidth + 1, style: Style(.normal))]
        case .time:
            return measured || run.step > 0 ? text(Format.time(run.t), .normal) : text(missing, .dim)
        case .hamiltonian:
            return measured ? text(Format.scientific(run.H, digits: 6), .normal) : text(missing, .dim)
        case .drift:
            let severity = DriftSeverity(drift: run.drift, measured: measured)
            return measured ? text(Format.scientific(run.drift, digits: 2), severity.role, bold: severity == .bad)
                : text(missing, .dim)
        case .maxDrift:
            let severity = DriftSeverity(drift: run.maxDrift, measured: measured)
            return measured ? text(Format.scientific(run.maxDrift, digits: 2), severity.role, bold: severity == .bad)
                : text(missing, .dim)
        case .sparkline:
            let line = Sparkline.render(run.driftHistory, width: slot.width, glyphs: glyphs)
            return line.isEmpty ? text(missing, .dim) : text(line, .sparkline)
        case .rate:
            return run.status == .running ? text(Format.rate(run.stepsPerSecond, missing: missing), .normal)
                : text(missing, .dim)
        case .eta:
            return run.eta == nil ? text(missing, .dim) : text(Format.eta(run.eta, missing: missing), .normal)
        case .archive:
            guard let name = run.lastArchive else { return text(missing, .dim) }
            let mark = run.lastArchiveFailed ? glyphs.archiveFailed : glyphs.archiveSaved
            return text(mark + " " + Format.archiveKind(name), run.lastArchiveFailed ? .bad : .normal,
                        bold: run.lastArchiveFailed)
        }
    }
}
