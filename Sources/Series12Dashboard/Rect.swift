/// A rectangle of terminal cells: `y`, `x` of the top-left cell, height and width in cells.
struct Rect: Equatable, Sendable {
    var y: Int
    var x: Int
    var height: Int
    var width: Int

    init(y: Int, x: Int, height: Int, width: Int) {
        self.y = y; self.x = x
        self.height = max(0, height); self.width = max(0, width)
    }

    var isEmpty: Bool { height <= 0 || width <= 0 }
    /// One past the last row.
    var bottom: Int { y + height }
    var right: Int { x + width }
}
