#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A drift history drawn as one line of block characters, one cell per sample bucket.
///
/// Height is log10(drift), scaled per run between the smallest and largest positive finite
/// drift of the history (at least one decade wide, centred, so round-off noise on a flat
/// history stays a flat mid-height line instead of jumping between extremes). A drift of
/// exactly 0 (the baseline at step 0) draws at the lowest level; NaN or ±∞ draws the
/// non-finite mark, which a reader cannot mistake for a level.
enum Sparkline {
    /// `history` squeezed into at most `width` cells: when longer, consecutive samples are
    /// grouped into `width` buckets and each cell shows its bucket's largest drift (a
    /// non-finite sample wins: a blow-up is never averaged away).
    static func render(_ history: [Double], width: Int, glyphs: Glyphs) -> String {
        guard width > 0, !history.isEmpty else { return "" }
        let buckets = bucketMaxima(history, count: width)
        let logs = buckets.compactMap { $0.isFinite && $0 > 0 ? log10($0) : nil }
        let levels = glyphs.sparkLevels
        guard let lowest = logs.min(), let highest = logs.max() else {
            return String(buckets.map { $0.isFinite ? levels[0] : glyphs.sparkNonFinite })
        }
        var lo = lowest, hi = highest
        if hi - lo < 1 {
            let mid = (hi + lo) / 2
            lo = mid - 0.5
            hi = mid + 0.5
        }
        let top = Double(levels.count - 1)
        return String(buckets.map { value -> Character in
            if !value.isFinite { return glyphs.sparkNonFinite }
            if value <= 0 { return levels[0] }
            let level = Int(((log10(value) - lo) / (hi - lo) * top).rounded())
            return levels[min(levels.count - 1, max(0, level))]
        })
    }

    /// The largest value of each of `count` near-equal consecutive groups (the input itself
    /// when it has no more than `count` values); NaN beats every number.
    static func bucketMaxima(_ values: [Double], count: Int) -> [Double] {
        guard values.count > count, count > 0 else { return values }
        return (0..<count).map { b in
            let start = b * values.count / count
            let end = (b + 1) * values.count / count
            var m = -Double.infinity
            for v in values[start..<end] {
                if v.isNaN { return .nan }
                m = max(m, v)
            }
            return m
        }
    }
}
