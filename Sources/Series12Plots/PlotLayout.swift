import Foundation

/// Where everything of a `LinePlot` goes: the frame, the axis ranges and ticks, the curves in
/// pixels, and the legend box. Margins follow the widest tick and legend labels, so nothing
/// overlaps; the canvas grows taller when the legend needs it.
struct PlotLayout {
    /// A rectangle in pixels.
    struct Box {
        var left: Double, top: Double, width: Double, height: Double
        var right: Double { left + width }
        var bottom: Double { top + height }
        var midX: Double { left + width / 2 }
        var midY: Double { top + height / 2 }
    }

    static let tickFont = 11.0, axisFont = 13.0, legendFont = 12.0
    static let majorTick = 5.0, minorTick = 3.0
    /// Baseline of the rotated y-axis label, from the canvas's left edge.
    static let yLabelBaseline = 22.0
    static let legendPadding = 8.0, legendRow = 19.0, legendSwatch = 28.0
    /// Range of an axis with nothing to show.
    static let emptyLinear = (lo: 0.0, hi: 1.0), emptyLog = (lo: 1e-6, hi: 1.0)

    let width: Int
    let height: Int
    let frame: Box
    let xTicks: AxisTicks
    let yTicks: AxisTicks
    let xMap: AxisMap
    let yMap: AxisMap
    /// Per series, its unbroken pieces in pixels.
    let pieces: [[[(x: Double, y: Double)]]]
    let legend: Box?

    init(_ plot: LinePlot) {
        let valuePieces = plot.series.map { Self.pieces(of: $0, x: plot.x.scale, y: plot.y.scale) }
        let points = valuePieces.flatMap { $0.flatMap { $0 } }
        let (xlo, xhi) = Self.range(plot.x, points.map(\.x))
        let (ylo, yhi) = Self.range(plot.y, points.map(\.y))

        let legendText = plot.series.map { SVGText.width($0.label, size: Self.legendFont) }.max() ?? 0
        let legendWidth = 2 * Self.legendPadding + Self.legendSwatch + 6 + legendText
        let legendHeight = 2 * Self.legendPadding + Self.legendRow * Double(plot.series.count)
        let top = plot.subtitle.isEmpty ? 44.0 : 60.0
        let bottomMargin = 56.0
        width = plot.width
        height = max(plot.height, Int((top + legendHeight + bottomMargin + 4).rounded(.up)))
        let plotHeight = Double(height) - bottomMargin - top

        let yTicks = plot.y.scale == .log10
            ? AxisTicks.log10(lo: ylo, hi: yhi, maxLabels: max(3, Int(plotHeight / 40)))
            : AxisTicks.linear(lo: ylo, hi: yhi, maxTicks: max(3, Int(plotHeight / 45)))
        let yLabelWidth = yTicks.labelled.map { SVGText.width($0.label, size: Self.tickFont) }.max() ?? 0
        let left = Self.yLabelBaseline + 10 + yLabelWidth + Self.majorTick + 3
        let right = Double(width) - 14 - (plot.series.isEmpty ? 10 : legendWidth + 16)
        let frame = Box(left: left, top: top, width: max(40, right - left), height: plotHeight)

        self.frame = frame
        self.yTicks = yTicks
        xTicks = Self.xTicks(lo: xlo, hi: xhi, scale: plot.x.scale, width: frame.width)
        xMap = AxisMap(scale: plot.x.scale, lo: xlo, hi: xhi, start: frame.left, end: frame.right)
        yMap = AxisMap(scale: plot.y.scale, lo: ylo, hi: yhi, start: frame.bottom, end: frame.top)
        let (xm, ym) = (xMap, yMap)
        pieces = valuePieces.map { series in
            series.map { piece in piece.compactMap { p in xm.pixel(p.x).flatMap { x in ym.pixel(p.y).map { (x, $0) } } } }
        }
        legend = plot.series.isEmpty ? nil
            : Box(left: frame.right + 16, top: frame.top, width: legendWidth, height: legendHeight)
    }

    /// The series' points the axes can place, split where a point cannot be placed.
    static func pieces(of s: PlotSeries, x: AxisScale, y: AxisScale) -> [[(x: Double, y: Double)]] {
        var out: [[(x: Double, y: Double)]] = []
        var current: [(x: Double, y: Double)] = []
        for (px, py) in zip(s.x, s.y) {
            if x.accepts(px) && y.accepts(py) {
                current.append((px, py))
            } else if !current.isEmpty {
                out.append(current)
                current = []
            }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    /// The axis range: its fixed range widened to the data, else the data's range with a
    /// margin, else a default.
    static func range(_ axis: PlotAxis, _ values: [Double]) -> (lo: Double, hi: Double) {
        let lo = values.min(), hi = values.max()
        if let fixed = axis.range {
            let a = min(fixed.lowerBound, lo ?? fixed.lowerBound), b = max(fixed.upperBound, hi ?? fixed.upperBound)
            if a < b, axis.scale.accepts(a), axis.scale.accepts(b) { return (a, b) }
        }
        guard let lo, let hi else { return axis.scale == .log10 ? emptyLog : emptyLinear }
        return AxisTicks.range(min: lo, max: hi, scale: axis.scale)
    }

    /// x ticks dense enough to read, sparse enough that their labels keep a gap of 14 px.
    static func xTicks(lo: Double, hi: Double, scale: AxisScale, width: Double) -> AxisTicks {
        if scale == .log10 { return AxisTicks.log10(lo: lo, hi: hi, maxLabels: max(2, Int(width / 70))) }
        var maxTicks = max(2, Int(width / 70))
        while true {
            let ticks = AxisTicks.linear(lo: lo, hi: hi, maxTicks: maxTicks)
            let widest = ticks.labelled.map { SVGText.width($0.label, size: tickFont) }.max() ?? 0
            if maxTicks <= 2 || Double(ticks.labelled.count) * (widest + 14) <= width { return ticks }
            maxTicks -= 1
        }
    }
}
