/// A line plot: curves of y against x, drawn by `svg()` as a self-contained SVG 1.1 document.
///
/// Points an axis cannot place (non-finite values, and zero or negative ones on a log axis)
/// are left out and break the curve there; each series is one `<path>` (empty when it has no
/// point to draw), so a reader can count the curves.
public struct LinePlot: Sendable {
    public var title: String
    /// A smaller second line under the title (parameters, stamp); empty for none.
    public var subtitle: String
    public var x: PlotAxis
    public var y: PlotAxis
    public var series: [PlotSeries]
    /// Written in the middle of the frame when no series has a point to draw.
    public var emptyNote: String
    /// Canvas size in pixels; the height grows when the legend needs more room.
    public var width: Int
    public var height: Int

    public init(title: String, subtitle: String = "", x: PlotAxis, y: PlotAxis, series: [PlotSeries],
                emptyNote: String = "no data to plot", width: Int = 860, height: Int = 500) {
        self.title = title; self.subtitle = subtitle; self.x = x; self.y = y; self.series = series
        self.emptyNote = emptyNote; self.width = width; self.height = height
    }
}

/// One axis of a `LinePlot`.
public struct PlotAxis: Sendable {
    public var label: String
    public var scale: AxisScale
    /// A range the axis must show (widened to the data when the data reach beyond it); nil
    /// for the data's range with a margin.
    public var range: ClosedRange<Double>?

    public init(label: String, scale: AxisScale = .linear, range: ClosedRange<Double>? = nil) {
        self.label = label; self.scale = scale; self.range = range
    }
}

/// One curve of a `LinePlot`, with its legend entry.
public struct PlotSeries: Sendable {
    public var label: String
    /// Points in order; `x` and `y` of equal length.
    public var x: [Double]
    public var y: [Double]
    /// Marks the curve's last drawn point with a cross and adds the mark to its legend entry
    /// (a run that ended unstable).
    public var markEnd: Bool

    public init(label: String, x: [Double], y: [Double], markEnd: Bool = false) {
        precondition(x.count == y.count, "a series needs as many x as y values")
        self.label = label; self.x = x; self.y = y; self.markEnd = markEnd
    }
}
