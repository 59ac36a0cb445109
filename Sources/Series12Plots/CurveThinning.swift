/// Keeps a long curve's SVG small without changing its picture: when a run of points falls in
/// one pixel column, only its first, lowest, highest and last points are kept (in their
/// original order), so every peak and the line's envelope are drawn exactly as before.
enum CurveThinning {
    /// Points (in pixels) of one unbroken piece of curve; thinned only when there are more than
    /// `threshold` of them.
    static func thin(_ points: [(x: Double, y: Double)], threshold: Int) -> [(x: Double, y: Double)] {
        guard points.count > threshold else { return points }
        var out: [(x: Double, y: Double)] = []
        out.reserveCapacity(threshold)
        var start = 0
        while start < points.count {
            let column = points[start].x.rounded(.down)
            var end = start + 1
            while end < points.count && points[end].x.rounded(.down) == column { end += 1 }
            var low = start, high = start
            for i in start..<end {
                if points[i].y < points[low].y { low = i }
                if points[i].y > points[high].y { high = i }
            }
            var kept = [start, low, high, end - 1]
            kept.sort()
            var previous = -1
            for i in kept where i != previous {
                out.append(points[i])
                previous = i
            }
            start = end
        }
        return out
    }
}
