/// A picture of one run's fields at a sample step, for the dashboard's field view: every
/// `FieldQuantity` block-averaged to `side × side` values, with its exact minimum and maximum
/// over the full grid.
///
/// Made on the run's thread from synchronised fields (the same state a fields checkpoint of
/// that step holds), so `minimum`/`maximum` match what the checkpoint's arrays give.
public struct FieldFrame: Sendable, Equatable {
    public var kappa: Double
    /// Step and simulated time of the fields pictured.
    public var step: Int
    public var t: Double
    /// Cells a side of the run's grid.
    public var gridSide: Int
    /// Values a side of each picture (`gridSide` when that is at most `FieldFrame.maxSide`).
    public var side: Int
    /// `FieldQuantity.allCases.count` planes of `side²` block means, quantity after quantity;
    /// each row-major with row 0 at the lowest y (the grid's own order, SPEC §1).
    public var planes: [Float]
    /// Smallest and largest finite value of each quantity over the full grid (indexed by
    /// `FieldQuantity.rawValue`); NaN when no cell is finite.
    public var minimum: [Double]
    public var maximum: [Double]
    /// Cells of each quantity that are NaN or infinite (an unstable run).
    public var nonFinite: [Int]

    /// Largest picture side kept: enough for any terminal pane, and at most 5·256² floats.
    public static let maxSide = 256

    /// Picture side for a grid of `n` cells a side: `n` up to `maxSide`, else `n` over the
    /// smallest whole block width that brings it within `maxSide` (blocks of that many cells,
    /// one fewer for some when it does not divide `n`).
    public static func side(forGrid n: Int) -> Int {
        guard n > maxSide else { return n }
        let block = (n + maxSide - 1) / maxSide
        return (n + block - 1) / block
    }

    public init(kappa: Double, step: Int, t: Double, gridSide: Int, side: Int, planes: [Float],
                minimum: [Double], maximum: [Double], nonFinite: [Int]) {
        self.kappa = kappa; self.step = step; self.t = t
        self.gridSide = gridSide; self.side = side; self.planes = planes
        self.minimum = minimum; self.maximum = maximum; self.nonFinite = nonFinite
    }

    /// Offset of `quantity`'s plane in `planes`.
    public func offset(of quantity: FieldQuantity) -> Int { quantity.rawValue * side * side }

    /// Block mean of `quantity` at picture column `x`, row `y` (row 0 at the lowest y).
    public func value(_ quantity: FieldQuantity, x: Int, y: Int) -> Float {
        planes[offset(of: quantity) + y * side + x]
    }
}
