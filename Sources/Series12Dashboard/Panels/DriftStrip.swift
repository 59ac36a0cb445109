import Foundation
import Series12Sweep

/// The drift-vs-κ strip (`d`): every κ's drift now (●) and its max drift so far (○) against κ,
/// drift on a log scale in whole decades, so the sweep reads as one curve; the drifts now are
/// joined by a dotted line in κ order. Unstable or failed runs get ✖ on the top row.
///
/// κ runs along x on a log scale when every κ is positive and they span a factor of ten or
/// more (the default 0.1 … 5), else on a linear scale.
struct DriftStrip {
    var runs: [RunSnapshot]
    var glyphs: Glyphs

    /// Rows the strip takes: title, plot rows, κ labels.
    static let height = 7
    static let plotRows = height - 2

    private var ascii: Bool { glyphs.isASCII }
    var markNow: Character { ascii ? "*" : "●" }
    var markMax: Character { ascii ? "o" : "○" }
    var markUnstable: Character { ascii ? "X" : "✖" }
    var markJoin: Character { ascii ? "." : "·" }

    func title(logKappa: Bool) -> String {
        let k = glyphs.kappa
        return " drift vs \(k) (log drift\(logKappa ? ", log \(k)" : "")) \(glyphs.separator) \(markNow) now  \(markMax) max  \(markUnstable) unstable "
    }

    /// Whether κ goes on a log axis.
    static func logKappa(_ kappas: [Double]) -> Bool {
        guard let low = kappas.min(), let high = kappas.max(), low > 0 else { return false }
        return high / low >= 10
    }

    /// Where κ sits along the axis, 0 … 1 (0.5 when all κ are equal).
    static func position(_ kappa: Double, of kappas: [Double], log: Bool) -> Double {
        guard let low = kappas.min(), let high = kappas.max(), high > low else { return 0.5 }
        return log ? (Foundation.log(kappa) - Foundation.log(low)) / (Foundation.log(high) - Foundation.log(low))
            : (kappa - low) / (high - low)
    }

    /// Whole decades `low ..< high` (as powers of ten) covering every positive finite value.
    static func decades(_ values: [Double]) -> (low: Int, high: Int)? {
        let shown = values.filter { $0.isFinite && $0 > 0 }
        guard let min = shown.min(), let max = shown.max() else { return nil }
        let low = Int(Foundation.log10(min).rounded(.down))
        let high = Swift.max(low + 1, Int(Foundation.log10(max).rounded(.up)))
        return (low, high)
    }

    /// Plot row (0 at the top, `rows − 1` at the bottom) of `value` on decades `low … high`;
    /// values at or below 10^low (0 included) sit on the bottom row.
    static func row(_ value: Double, decades: (low: Int, high: Int), rows: Int) -> Int {
        guard value > 0 else { return rows - 1 }
        let t = (Foundation.log10(value) - Double(decades.low)) / Double(decades.high - decades.low)
        return max(0, min(rows - 1, Int(((1 - t) * Double(rows - 1)).rounded())))
    }

    /// Labels of the y axis: `1e-4` beside the row of each decade that gets a row of its own.
    static func decadeLabels(_ decades: (low: Int, high: Int), rows: Int) -> [(row: Int, text: String)] {
        var labels: [(row: Int, text: String)] = []
        for d in stride(from: decades.high, through: decades.low, by: -1) {
            let r = row(pow(10, Double(d)), decades: decades, rows: rows)
            if labels.last?.row != r { labels.append((r, "1e\(d)")) }
        }
        return labels
    }

    func draw(in rect: Rect, on canvas: inout some Canvas) {
        guard rect.height >= 3, rect.width >= 20 else { return }
        let kappas = runs.map(\.kappa)
        let logK = Self.logKappa(kappas)
        let rule = ascii ? "-" : "─"
        let title = TextWidth.sanitized(rule + title(logKappa: logK), ascii: ascii)
        canvas.line(title + String(repeating: rule, count: max(0, rect.width - TextWidth.of(title))), in: rect, style: Style(.dim))
        let rows = rect.height - 2, top = rect.y + 1
        let measured = runs.filter { TablePanel.isMeasured($0) }
        let labelWidth = 6
        let axisX = rect.x + labelWidth
        let left = axisX + 2, right = rect.right - 3
        guard right > left else { return }
        func column(_ kappa: Double) -> Int {
            left + Int((Self.position(kappa, of: kappas, log: logK) * Double(right - left)).rounded())
        }
        // Axis and decade labels.
        // Unstable runs are off the scale (their ✖ says so): they do not stretch it.
        let decades = Self.decades(measured.filter { $0.status != .unstable && $0.status != .failed }
            .flatMap { [$0.drift, $0.maxDrift] })
        let labels = decades.map { Self.decadeLabels($0, rows: rows) } ?? []
        for r in 0..<rows {
            let label = labels.first { $0.row == r }
            if let label {
                canvas.put(TextWidth.fit(label.text, to: labelWidth - 1, alignRight: true), y: top + r, x: rect.x,
                           maxWidth: labelWidth - 1, style: Style(.dim))
            }
            canvas.putCell(label == nil ? (ascii ? "|" : "│") : (ascii ? "+" : "┤"), y: top + r, x: axisX, style: Style(.dim))
        }
        if decades == nil {
            let message = measured.isEmpty ? "no drift measured yet" : "nothing for a log scale yet (drift 0 or not finite)"
            canvas.put(message, y: top + rows / 2, x: left, maxWidth: right - left, style: Style(.dim))
        }
        // κ labels under their columns, skipped where they would run into the previous one.
        var labelEnd = rect.x
        for kappa in kappas.sorted() {
            let text = String(format: "%g", kappa)
            let x = max(axisX + 1, column(kappa) - (text.count - 1) / 2)
            guard x > labelEnd, x + text.count <= rect.right else { continue }
            canvas.put(text, y: top + rows, x: x, maxWidth: text.count, style: Style(.dim))
            labelEnd = x + text.count
        }
        for run in measured where run.status == .unstable || run.status == .failed || !run.drift.isFinite {
            canvas.putCell(markUnstable, y: top, x: column(run.kappa), style: Style(.bad, bold: true))
        }
        guard let decades else { return }
        // The dotted line through the drifts now, in κ order.
        let points = measured.filter { $0.status != .unstable && $0.status != .failed && $0.drift.isFinite }
            .sorted { $0.kappa < $1.kappa }
            .map { (x: column($0.kappa), y: Double(Self.row($0.drift, decades: decades, rows: rows))) }
        for (a, b) in zip(points, points.dropFirst()) where b.x - a.x > 1 {
            for x in (a.x + 1)..<b.x {
                let y = a.y + (b.y - a.y) * Double(x - a.x) / Double(b.x - a.x)
                canvas.putCell(markJoin, y: top + Int(y.rounded()), x: x, style: Style(.dim))
            }
        }
        // Max drift first, so the drift now wins a shared cell.
        for run in measured where run.status != .unstable && run.status != .failed && run.maxDrift.isFinite {
            let r = Self.row(run.maxDrift, decades: decades, rows: rows)
            canvas.putCell(markMax, y: top + r, x: column(run.kappa),
                           style: Style(DriftSeverity(drift: run.maxDrift, measured: true).role))
        }
        for run in measured where run.status != .unstable && run.status != .failed && run.drift.isFinite {
            let x = column(run.kappa)
            let severity = DriftSeverity(drift: run.drift, measured: true)
            canvas.putCell(markNow, y: top + Self.row(run.drift, decades: decades, rows: rows), x: x,
                           style: Style(severity.role, bold: severity == .bad))
        }
    }
}
