import Foundation

/// The range of one axis and its ticks: major ticks (with grid lines), the labelled subset,
/// and unlabelled minor ticks.
public struct AxisTicks: Sendable, Equatable {
    /// One labelled tick.
    public struct Labelled: Sendable, Equatable {
        public var value: Double
        public var label: TickLabel
    }

    /// The axis range in values, `lo < hi`.
    public var lo: Double
    public var hi: Double
    public var major: [Double]
    public var labelled: [Labelled]
    public var minor: [Double]

    /// Narrowest log range, in decades; a narrower one labels every minor tick.
    static let minimumLogSpan = 0.5
    static let narrowSpan = 0.6

    /// Tolerance, in units of the tick step (linear) or of decades (log), for a tick that
    /// sits on the end of the range up to rounding.
    static let slack = 1e-9

    /// Where grid lines go: every major tick and every labelled one, ascending.
    public var gridValues: [Double] { Set(major + labelled.map(\.value)).sorted() }

    /// Ticks inside `lo…hi` spaced by the smallest step of the form 1, 2 or 5 × 10ᵏ that gives
    /// at most `maxTicks` of them, each labelled.
    public static func linear(lo: Double, hi: Double, maxTicks: Int) -> AxisTicks {
        let (mantissa, exponent) = niceStep(lo: lo, hi: hi, maxTicks: maxTicks)
        let step = Double(mantissa) * pow(10, Double(exponent))
        let first = Int((lo / step - slack).rounded(.up)), last = Int((hi / step + slack).rounded(.down))
        // i·m/10^−k instead of i·step: 3·0.1 would be 0.30000000000000004.
        let values = first > last ? [] : (first...last).map { i in
            exponent < 0 ? Double(i * mantissa) / pow(10, Double(-exponent)) : Double(i * mantissa) * pow(10, Double(exponent))
        }
        let labels = TickLabel.linear(values, step: step)
        return AxisTicks(lo: lo, hi: hi, major: values,
                         labelled: zip(values, labels).map { Labelled(value: $0, label: $1) }, minor: [])
    }

    /// The step `m × 10^k` (m ∈ {1, 2, 5}) of `linear(lo:hi:maxTicks:)`.
    static func niceStep(lo: Double, hi: Double, maxTicks: Int) -> (mantissa: Int, exponent: Int) {
        let span = hi - lo
        var exponent = Int(floor(Foundation.log10(span / Double(max(1, maxTicks))))) - 1
        while true {
            for mantissa in [1, 2, 5] {
                let step = Double(mantissa) * pow(10, Double(exponent))
                let count = Int((hi / step + slack).rounded(.down)) - Int((lo / step - slack).rounded(.up)) + 1
                if count <= max(2, maxTicks) { return (mantissa, exponent) }
            }
            exponent += 1
        }
    }

    /// Ticks of a log axis over `lo…hi` (both positive): every power of ten inside is a major
    /// tick; at most `maxLabels` of them are labelled (every second, third… decade when there
    /// are more). Ranges of at most six decades also get minor ticks at 2…9 × 10ᵏ. A range
    /// holding fewer than two powers of ten labels minor ticks too: all of them when it spans
    /// under `narrowSpan` decades, else the 2× and 5× ones.
    public static func log10(lo: Double, hi: Double, maxLabels: Int) -> AxisTicks {
        let l0 = Foundation.log10(lo), l1 = Foundation.log10(hi)
        let firstDecade = Int((l0 - slack).rounded(.up)), lastDecade = Int((l1 + slack).rounded(.down))
        let decades = firstDecade <= lastDecade ? Array(firstDecade...lastDecade) : []
        let major = decades.map { pow(10, Double($0)) }
        let stride = max(1, (decades.count + maxLabels - 1) / max(1, maxLabels))
        var labelled = decades.filter { ($0 % stride + stride) % stride == 0 }
            .map { Labelled(value: pow(10, Double($0)), label: .decade($0)) }
        var minor: [Double] = []
        if l1 - l0 <= 6 {
            for k in Int(floor(l0))...Int(floor(l1)) {
                for m in 2...9 {
                    let value = Double(m) * pow(10, Double(k))
                    let c = Foundation.log10(value)
                    guard c >= l0 - slack, c <= l1 + slack else { continue }
                    minor.append(value)
                    if decades.count < 2 && (l1 - l0 < narrowSpan || m == 2 || m == 5) {
                        labelled.append(Labelled(value: value, label: .decade(k, mantissa: m)))
                    }
                }
            }
        }
        labelled.sort { $0.value < $1.value }
        return AxisTicks(lo: lo, hi: hi, major: major, labelled: labelled, minor: minor)
    }

    /// The range an axis shows for data spanning `min…max` (finite, and positive on a log
    /// scale), with a 5 % margin on each side (in decades on a log scale). A log range is at
    /// least half a decade wide, centred on the data; a linear range of one value is widened by
    /// 0.1 % of it (or by 1 around zero).
    public static func range(min: Double, max: Double, scale: AxisScale) -> (lo: Double, hi: Double) {
        switch scale {
        case .linear:
            let span = max - min
            if span <= Swift.max(abs(min), abs(max)) * 1e-13 {
                let pad = min == 0 ? 1 : abs(min) * 1e-3
                return (min - pad, max + pad)
            }
            return (min - 0.05 * span, max + 0.05 * span)
        case .log10:
            let l0 = Foundation.log10(min), l1 = Foundation.log10(max)
            if l1 - l0 < minimumLogSpan / 1.1 {
                let centre = (l0 + l1) / 2
                return (pow(10, centre - minimumLogSpan / 2), pow(10, centre + minimumLogSpan / 2))
            }
            let pad = 0.05 * (l1 - l0)
            return (pow(10, l0 - pad), pow(10, l1 + pad))
        }
    }
}
