import Series12Sweep

/// The field view (`v`): a title line saying which κ, quantity, step and t are shown, then the
/// heatmap of the selected κ's latest field picture, a colour bar with its min and max, and a
/// few lines on what the picture is. Takes the log pane's place while open.
struct FieldPanel {
    /// The selected row and its position.
    var run: RunSnapshot?
    var index: Int
    var runCount: Int
    var frame: FieldFrame?
    var quantity: FieldQuantity
    var keepsFields: Bool
    var glyphs: Glyphs

    /// Cells between the picture, the colour bar, its labels and the notes.
    static let gap = 2
    static let barWidth = 2
    /// `max -1.2345e-01`: the widest label.
    static let labelWidth = 15

    private var ascii: Bool { glyphs.isASCII }
    private var k: String { glyphs.kappa }

    /// Columns the picture may take in a body `width` wide, leaving room for the bar and labels.
    static func pictureColumns(width: Int) -> Int { max(0, width - 1 - gap - barWidth - 1 - labelWidth) }

    func title() -> String {
        let sep = " \(glyphs.separator) "
        guard keepsFields else { return " field view: no fields here" }
        guard let run else { return " field view" }
        var parts = ["field of \(k)=\(Format.kappa(run.kappa))", quantity.definition(ascii: ascii)]
        if let frame {
            parts.append("step \(frame.step)")
            parts.append("t=\(Format.time(frame.t))")
        }
        return " " + parts.joined(separator: sep) + " "
    }

    /// What stands in the body when there is no picture to show.
    func absence() -> String? {
        guard keepsFields else {
            return "These rows are validation tests: they keep no fields to picture (v closes this pane)."
        }
        guard let run else { return "No run selected." }
        guard frame == nil else { return nil }
        let name = "\(k)=\(Format.kappa(run.kappa))"
        switch run.status {
        case .queued: return "\(name) is queued: its first picture comes when it starts."
        case .paused: return "\(name) is paused before its first picture: resume it (space) to see its field."
        case .running: return "\(name): waiting for its first sample step."
        case .done, .interrupted, .failed, .unstable: return "\(name) ended (\(run.status.rawValue)) without a picture of its fields."
        }
    }

    func draw(title titleRect: Rect, body: Rect, picture: FieldPicture?, bar: [(character: Character, style: Style)],
              on canvas: inout some Canvas) {
        if !titleRect.isEmpty {
            let rule = ascii ? "-" : "─"
            let text = TextWidth.sanitized(rule + title(), ascii: ascii)
            let pad = String(repeating: rule, count: max(0, titleRect.width - TextWidth.of(text)))
            canvas.line(text + pad, in: titleRect, style: Style(.dim))
        }
        guard !body.isEmpty else { return }
        if let message = absence() {
            for (i, line) in OverlayBox.wrap(TextWidth.sanitized(message, ascii: ascii), width: max(10, body.width - 4)).enumerated()
            where i < body.height {
                canvas.put(line, y: body.y + 1 + i, x: body.x + 2, maxWidth: body.width - 2, style: Style(.dim))
            }
            return
        }
        guard let frame, let picture, picture.rows > 0 else { return }
        let x0 = body.x + 1
        for r in 0..<min(picture.rows, body.height) {
            for c in 0..<picture.columns {
                let cell = picture.cells[r * picture.columns + c]
                canvas.putCell(cell.character, y: body.y + r, x: x0 + c, style: cell.style)
            }
        }
        // The colour bar and its labels: max at the top, the middle value, min at the bottom.
        let barX = x0 + picture.columns + Self.gap
        for (r, cell) in bar.enumerated() where r < body.height {
            for c in 0..<Self.barWidth { canvas.putCell(cell.character, y: body.y + r, x: barX + c, style: cell.style) }
        }
        let q = quantity.rawValue
        let low = frame.minimum[q], high = frame.maximum[q]
        let labelX = barX + Self.barWidth + 1
        let labelRoom = body.right - labelX
        canvas.put("max \(Self.number(high))", y: body.y, x: labelX, maxWidth: labelRoom, style: Style(.normal, bold: true))
        if bar.count >= 5 {
            canvas.put("    \(Self.number((low + high) / 2))", y: body.y + bar.count / 2, x: labelX, maxWidth: labelRoom, style: Style(.dim))
        }
        if bar.count >= 2 {
            canvas.put("min \(Self.number(low))", y: body.y + bar.count - 1, x: labelX, maxWidth: labelRoom, style: Style(.normal, bold: true))
        }
        // Notes beside the labels when there is room, else under them.
        let notesX = labelX + Self.labelWidth + Self.gap
        let notes = self.notes(frame: frame, picture: picture)
        if body.right - notesX >= 20 {
            for (i, note) in notes.enumerated() where 1 + i < body.height {
                let text = TextWidth.sanitized(note.text, ascii: ascii)
                canvas.put(text, y: body.y + 1 + i, x: notesX, maxWidth: body.right - notesX, style: Style(note.role))
            }
        } else {
            for (i, note) in notes.enumerated() where 2 + i < bar.count / 2 {
                let text = TextWidth.sanitized(note.text, ascii: ascii)
                canvas.put(text, y: body.y + 2 + i, x: labelX, maxWidth: labelRoom, style: Style(note.role))
            }
        }
    }

    /// `%.4e`: five significant digits, what the min/max of a fields checkpoint is compared to.
    static func number(_ value: Double) -> String { Format.scientific(value, digits: 4) }

    struct Note {
        var text: String
        var role: ColorRole
    }

    func notes(frame: FieldFrame, picture: FieldPicture) -> [Note] {
        var notes: [Note] = []
        let name = "\(k)=\(Format.kappa(frame.kappa))"
        if let run {
            notes.append(Note(text: "\(name) \(run.status.rawValue) (\(index + 1) of \(runCount))", role: run.status.role))
            if run.step != frame.step {
                notes.append(Note(text: "run at step \(run.step)", role: .dim))
                notes.append(Note(text: "(pictures at sample steps)", role: .dim))
            }
        }
        let times = glyphs.times
        notes.append(Note(text: "grid \(frame.gridSide)\(times)\(frame.gridSide) \(ascii ? "->" : "→") \(picture.columns)\(times)\(picture.columns) px", role: .dim))
        notes.append(Note(text: frame.gridSide > picture.columns
            ? "px = mean of \(Self.blockText(frame.gridSide, picture.columns, times)) cells"
            : "1 cell = \(picture.columns / max(1, frame.gridSide))\(times)\(picture.columns / max(1, frame.gridSide)) px", role: .dim))
        notes.append(Note(text: "x right, y up, periodic", role: .dim))
        let nonFinite = frame.nonFinite[quantity.rawValue]
        if nonFinite > 0 {
            notes.append(Note(text: "\(nonFinite) cells NaN/Inf (max colour)", role: .bad))
        }
        let cycle = FieldQuantity.allCases.map { $0.symbol(ascii: ascii) }.joined(separator: " ")
        notes.append(Note(text: "c: \(cycle)", role: .dim))
        notes.append(Note(text: "v: close", role: .dim))
        return notes
    }

    /// Cells per pixel along a side, `4×4` or `3–4×3–4` when blocks differ by a cell.
    static func blockText(_ cells: Int, _ pixels: Int, _ times: String) -> String {
        let small = cells / pixels, large = (cells + pixels - 1) / pixels
        let one = small == large ? "\(small)" : "\(small)-\(large)"
        return "\(one)\(times)\(one)"
    }
}
