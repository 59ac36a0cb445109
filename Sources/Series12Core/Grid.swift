/// The periodic N×N grid of SPEC §1: side `L`, spacing `dx = L/N`, cell centres
/// `x_i = (i + ½) dx − L/2`, row-major index `j*N + i` (j the y row, i the x column).
public struct Grid: Sendable, Equatable {
    public let n: Int
    public let length: Double

    public init(n: Int, length: Double = 1) {
        precondition(n >= 3, "the 5-point stencil needs at least 3 cells a side")
        self.n = n
        self.length = length
    }

    /// Cell spacing `L/N`.
    public var dx: Double { length / Double(n) }
    /// Number of cells, `N²`.
    public var cellCount: Int { n * n }

    /// Centre coordinate of column or row `i`: `(i + ½) dx − L/2`.
    @inlinable public func centre(_ i: Int) -> Double { (Double(i) + 0.5) * dx - 0.5 * length }
}
