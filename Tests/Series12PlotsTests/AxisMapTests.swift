import Testing
@testable import Series12Plots

/// Value → pixel against hand-computed positions.
@Suite struct AxisMapTests {
    @Test func linearAxisMapsProportionally() {
        let m = AxisMap(scale: .linear, lo: 0, hi: 10, start: 50, end: 450)
        #expect(m.pixel(0) == 50)
        #expect(m.pixel(2.5) == 150)
        #expect(m.pixel(10) == 450)
        #expect(m.pixel(-5) == -150)  // outside the range maps outside the pixels
        #expect(m.pixel(.infinity) == nil && m.pixel(.nan) == nil)
    }

    @Test func upwardLogAxisMapsDecadesToEqualSteps() {
        // 10⁻⁶ at the bottom (y = 400) to 10⁻² at the top (y = 0): 100 px per decade.
        let m = AxisMap(scale: .log10, lo: 1e-6, hi: 1e-2, start: 400, end: 0)
        #expect(m.pixel(1e-6) == 400)
        #expect(m.pixel(1e-4) == 200)
        #expect(m.pixel(1e-2) == 0)
        #expect(abs((m.pixel(2e-5) ?? 0) - (300 - 100 * 0.30102999566398120)) < 1e-9)
        #expect(m.pixel(1e-7) == 500)
    }

    @Test func logAxisCannotPlaceZeroNegativeOrNonFiniteValues() {
        let m = AxisMap(scale: .log10, lo: 1e-6, hi: 1e-2, start: 400, end: 0)
        #expect(m.pixel(0) == nil)
        #expect(m.pixel(-1e-4) == nil)
        #expect(m.pixel(.nan) == nil)
        #expect(m.pixel(.infinity) == nil)
        #expect(AxisScale.log10.accepts(.leastNonzeroMagnitude))
    }
}
