/// Maps values on one axis to pixel positions: `lo` lands on `start`, `hi` on `end`, linearly
/// in the scale's coordinate (the value, or its base-10 logarithm). `end < start` is allowed:
/// a y axis runs upwards while SVG pixels run downwards.
public struct AxisMap: Sendable, Equatable {
    public var scale: AxisScale
    /// The axis range, in values (positive for a log scale), `lo < hi`.
    public var lo: Double
    public var hi: Double
    /// Pixel positions of `lo` and `hi`.
    public var start: Double
    public var end: Double

    public init(scale: AxisScale, lo: Double, hi: Double, start: Double, end: Double) {
        self.scale = scale; self.lo = lo; self.hi = hi; self.start = start; self.end = end
    }

    /// The pixel position of `value`, or nil when the scale cannot place it (non-finite, or
    /// not positive on a log scale). Values outside `lo…hi` map outside `start…end`.
    public func pixel(_ value: Double) -> Double? {
        guard scale.accepts(value) else { return nil }
        let c0 = scale.coordinate(lo), c1 = scale.coordinate(hi)
        return start + (scale.coordinate(value) - c0) / (c1 - c0) * (end - start)
    }
}
