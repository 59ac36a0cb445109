import Foundation
import Testing
@testable import Series12Plots

/// Tick positions and labels against values worked out by hand.
@Suite struct AxisTicksTests {
    /// Relative equality for values built as m·10ᵏ.
    func close(_ a: [Double], _ b: [Double]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= 1e-12 * max(abs($0), abs($1)) }
    }

    @Test func linearTicksPickTheSmallestOneTwoFiveStepThatFits() {
        // 0…22.1 with at most 8 ticks: steps 1 (23 ticks) and 2 (12) are too dense, 5 gives 0, 5, …, 20.
        let t = AxisTicks.linear(lo: 0, hi: 22.1, maxTicks: 8)
        #expect(t.major == [0, 5, 10, 15, 20])
        #expect(t.labelled.map(\.label.description) == ["0", "5", "10", "15", "20"])
        #expect(t.minor.isEmpty)
        #expect(t.lo == 0 && t.hi == 22.1)
    }

    @Test func linearTicksOfANarrowRangeGetExactDecimalValuesAndEnoughDecimals() {
        // 2.4575…2.4805, at most 9: step 0.002 gives 2.458…2.480 (12 ticks), 0.005 gives 5.
        let t = AxisTicks.linear(lo: 2.4575, hi: 2.4805, maxTicks: 9)
        #expect(t.major == [2.46, 2.465, 2.47, 2.475, 2.48])  // exactly the decimal literals
        #expect(t.labelled.map(\.label.description) == ["2.460", "2.465", "2.470", "2.475", "2.480"])
    }

    @Test func linearTicksAcrossZeroUseTheTypographicMinusAndNoNegativeZero() {
        // −0.35…0.35: step 0.05 would give 15 ticks, 0.1 gives −0.3…0.3 (7).
        let t = AxisTicks.linear(lo: -0.35, hi: 0.35, maxTicks: 8)
        #expect(t.major.count == 7)
        #expect(t.labelled.map(\.label.description) == ["−0.3", "−0.2", "−0.1", "0.0", "0.1", "0.2", "0.3"])
    }

    @Test func veryLargeAndVerySmallLinearTicksAreWrittenInScientificNotation() {
        let big = AxisTicks.linear(lo: 0, hi: 4.1e6, maxTicks: 4)
        #expect(big.major == [0, 2e6, 4e6])
        #expect(big.labelled.map(\.label.description) == ["0", "2e6", "4e6"])
        let small = TickLabel.linear([1e-4, 1.5e-4, 2e-4], step: 5e-5)
        #expect(small.map(\.description) == ["1.0e−4", "1.5e−4", "2.0e−4"])
    }

    @Test func logTicksOverTwoDecadesHaveDecadeLabelsAndMinorTicks() {
        // Data 2e-6…3e-4: log10 −5.699…−3.523, span 2.176, 5 % margin 0.1088 → −5.8078…−3.4141.
        let r = AxisTicks.range(min: 2e-6, max: 3e-4, scale: .log10)
        #expect(abs(log10(r.lo) + 5.807774567288803) < 1e-12 && abs(log10(r.hi) + 3.4140741823275533) < 1e-12)
        let t = AxisTicks.log10(lo: r.lo, hi: r.hi, maxLabels: 8)
        #expect(close(t.major, [1e-5, 1e-4]))
        #expect(t.labelled.map(\.label.description) == ["10^−5", "10^−4"])
        // 2…9 × 10⁻⁶ and 10⁻⁵, then 2e-4 and 3e-4 (4e-4 is above 10^−3.414).
        let micro: [Double] = (2...9).map { Double($0) * 1e-6 }
        let tenMicro: [Double] = (2...9).map { Double($0) * 1e-5 }
        let expected: [Double] = micro + tenMicro + [2e-4, 3e-4]
        #expect(close(t.minor, expected))
    }

    @Test func logRangeNarrowerThanHalfADecadeIsWidenedAndLabelsEveryMinorTick() {
        // 2e-3…4e-3 spans 0.301 decades: widened to 0.5 around 10^−2.548455 → 10^−2.798455…10^−2.298455,
        // which holds no power of ten; its minor ticks 2, 3, 4, 5 × 10⁻³ are all labelled.
        let r = AxisTicks.range(min: 2e-3, max: 4e-3, scale: .log10)
        #expect(abs(log10(r.lo) + 2.798455006504028) < 1e-12 && abs(log10(r.hi) + 2.298455006504028) < 1e-12)
        let t = AxisTicks.log10(lo: r.lo, hi: r.hi, maxLabels: 8)
        #expect(t.major.isEmpty)
        #expect(t.labelled.map(\.label.description) == ["2×10^−3", "3×10^−3", "4×10^−3", "5×10^−3"])
        #expect(close(t.minor, [2e-3, 3e-3, 4e-3, 5e-3]))
        #expect(close(t.gridValues, [2e-3, 3e-3, 4e-3, 5e-3]))
    }

    @Test func logRangeWithOnePowerOfTenAlsoLabelsTwoAndFiveTimes() {
        // 10^−3.9…10^−2.1 holds only 10⁻³: labels 2×10⁻⁴, 5×10⁻⁴, 10⁻³, 2×10⁻³, 5×10⁻³.
        let t = AxisTicks.log10(lo: pow(10, -3.9), hi: pow(10, -2.1), maxLabels: 8)
        #expect(close(t.major, [1e-3]))
        #expect(t.labelled.map(\.label.description) == ["2×10^−4", "5×10^−4", "10^−3", "2×10^−3", "5×10^−3"])
        let below: [Double] = (2...9).map { Double($0) * 1e-4 }
        let above: [Double] = (2...7).map { Double($0) * 1e-3 }
        #expect(close(t.minor, below + above))  // 8e-3 is above 10^−2.1 ≈ 7.94e-3
    }

    @Test func manyDecadesAreLabelledSparselyAndHaveNoMinorTicks() {
        // 20 decades (10⁻¹⁶…10³) with at most 5 labels: every fourth decade, the ones divisible by 4.
        let t = AxisTicks.log10(lo: 1e-16, hi: 1e3, maxLabels: 5)
        #expect(t.major.count == 20)
        #expect(t.labelled.map(\.label.description) == ["10^−16", "10^−12", "10^−8", "10^−4", "10^0"])
        #expect(t.minor.isEmpty)
    }

    @Test func degenerateLinearRangesAreWidened() {
        #expect(AxisTicks.range(min: 0, max: 0, scale: .linear) == (-1, 1))
        let r = AxisTicks.range(min: 2, max: 2, scale: .linear)
        #expect(r.lo == 2 - 2e-3 && r.hi == 2 + 2e-3)
        let m = AxisTicks.range(min: 10, max: 20, scale: .linear)
        #expect(m.lo == 9.5 && m.hi == 20.5)
    }

    @Test func decadeLabelsSplitBaseAndExponent() {
        #expect(TickLabel.decade(-5) == TickLabel("10", exponent: "−5"))
        #expect(TickLabel.decade(3, mantissa: 2) == TickLabel("2×10", exponent: "3"))
        #expect(TickLabel.decade(0) == TickLabel("10", exponent: "0"))
    }
}
