import Series12Sweep

/// One quantity of a `FieldFrame` fitted to a pane and mapped onto a colour ramp or shading
/// characters: the arithmetic of the field view, without curses.
///
/// Pixels are block means of the frame's values (`BlockPartition`: each pixel averages the
/// whole cells under it, so nothing between pixels is skipped); a frame smaller than the pane
/// is shown at a whole multiple of its size, each value a square of pixels. Row 0 of a
/// heatmap is the TOP of the picture, the largest y (the frame's last row).
struct Heatmap: Equatable {
    /// Pixels across and down.
    let width: Int
    let height: Int
    /// Block means, row-major, row 0 at the top.
    let values: [Double]

    /// `side × side` values (row 0 the lowest y) averaged into `width × height` pixels.
    init(_ source: UnsafeBufferPointer<Float>, side: Int, width: Int, height: Int) {
        precondition(source.count >= side * side && width > 0 && height > 0, "a heatmap needs values and pixels")
        self.width = width
        self.height = height
        let columns = BlockPartition(source: side, target: width)
        let rows = BlockPartition(source: side, target: height)
        var sums = [Double](repeating: 0, count: width * height)
        for py in 0..<height {
            // Pixel row py from the top covers block (height − 1 − py) of the frame's rows.
            let rowCells = rows.cells(of: height - 1 - py)
            for px in 0..<width {
                let colCells = columns.cells(of: px)
                var sum = 0.0
                for j in rowCells {
                    let base = j * side
                    for i in colCells { sum += Double(source[base + i]) }
                }
                sums[py * width + px] = sum / Double(rowCells.count * colCells.count)
            }
        }
        values = sums
    }

    init(_ source: [Float], side: Int, width: Int, height: Int) {
        self = source.withUnsafeBufferPointer { Heatmap($0, side: side, width: width, height: height) }
    }

    /// `quantity` of `frame` at `width × height` pixels.
    init(_ frame: FieldFrame, _ quantity: FieldQuantity, width: Int, height: Int) {
        let offset = frame.offset(of: quantity), count = frame.side * frame.side
        self = frame.planes.withUnsafeBufferPointer { all in
            Heatmap(UnsafeBufferPointer(rebasing: all[offset..<(offset + count)]), side: frame.side,
                    width: width, height: height)
        }
    }

    func value(x: Int, y: Int) -> Double { values[y * width + x] }

    /// The level (0 ..< `levels`) of `value` on a scale from `low` (level 0) to `high` (the
    /// top level), in `levels` equal bins; the top value itself is in the top bin. A flat
    /// field (`high ≤ low`) is all level 0; NaN and ±∞ (an unstable run) go to the top level.
    static func level(_ value: Double, low: Double, high: Double, levels: Int) -> Int {
        guard value.isFinite else { return levels - 1 }
        guard high > low, low.isFinite, high.isFinite else { return 0 }
        let t = (value - low) / (high - low) * Double(levels)
        return t.isFinite ? max(0, min(levels - 1, Int(t.rounded(.down)))) : levels - 1
    }

    /// Pixel size of a square picture for a pane `columns` wide and `rows` high: as large as
    /// fits (two pixel rows per text row, so `2·rows`), even, and a whole multiple of `side`
    /// when the frame has fewer values than that (no value drawn wider than another).
    static func pictureSide(frameSide side: Int, columns: Int, rows: Int) -> Int {
        var s = min(columns, 2 * rows)
        if side < s { s = side * (s / side) }
        return max(0, s - s % 2)
    }
}
