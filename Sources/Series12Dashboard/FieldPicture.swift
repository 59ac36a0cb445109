import Series12Sweep

/// The field view's picture as drawn: one character and style per text cell. Half blocks
/// (`▀`, foreground the upper pixel, background the lower) give two pixel rows per text row,
/// so with a text cell about twice as high as wide each pixel is about square; without
/// colours each cell is one shading character for a pixel one cell wide and two high.
///
/// The session keeps it between screen frames while its `Key` holds (the field frame only
/// changes at sample steps), so a frame that did not change costs nothing to draw again.
struct FieldPicture {
    struct Key: Equatable {
        var run: Int
        var kappa: Double
        var step: Int
        var quantity: FieldQuantity
        /// Picture side in pixels (columns).
        var side: Int
        var heat: [Int]
        var shades: [Character]
    }

    let key: Key
    /// Text rows and columns the picture takes.
    let rows: Int
    let columns: Int
    /// `rows × columns` cells, row-major, top row first.
    let cells: [(character: Character, style: Style)]

    /// `quantity` of `frame` as a `side`-pixel square, on the ramp `heat` (curses colour numbers,
    /// lowest first) or, when that is empty, in the characters `shades` (lowest first).
    init(key: Key, frame: FieldFrame) {
        self.key = key
        let q = key.quantity, side = key.side
        let low = frame.minimum[q.rawValue], high = frame.maximum[q.rawValue]
        columns = side
        rows = side / 2
        var cells: [(character: Character, style: Style)] = []
        cells.reserveCapacity(rows * columns)
        if key.heat.count >= 2 {
            let map = Heatmap(frame, q, width: side, height: 2 * rows)
            let levels = key.heat.count
            for r in 0..<rows {
                for x in 0..<columns {
                    let upper = Heatmap.level(map.value(x: x, y: 2 * r), low: low, high: high, levels: levels)
                    let lower = Heatmap.level(map.value(x: x, y: 2 * r + 1), low: low, high: high, levels: levels)
                    cells.append(("▀", Style(.normal, swatch: Swatch(foreground: key.heat[upper], background: key.heat[lower]))))
                }
            }
        } else {
            let map = Heatmap(frame, q, width: side, height: rows)
            let levels = key.shades.count
            for r in 0..<rows {
                for x in 0..<columns {
                    let level = Heatmap.level(map.value(x: x, y: r), low: low, high: high, levels: levels)
                    cells.append((key.shades[level], Style(.normal)))
                }
            }
        }
        self.cells = cells
    }

    /// Shading characters, lightest (lowest value) first.
    static func shades(ascii: Bool) -> [Character] {
        ascii ? Array(" .:-=+*#%@") : Array(" ░▒▓█")
    }

    /// The colour bar beside a picture of `rows` text rows: the ramp from the top value at the
    /// top to level 0 at the bottom, `width` cells wide, in the same characters as the picture.
    static func colourBar(rows: Int, heat: [Int], shades: [Character]) -> [(character: Character, style: Style)] {
        guard rows > 0 else { return [] }
        if heat.count >= 2 {
            let pixels = 2 * rows, levels = heat.count
            func level(_ p: Int) -> Int { levels - 1 - min(levels - 1, p * levels / pixels) }
            return (0..<rows).map { r in
                ("▀", Style(.normal, swatch: Swatch(foreground: heat[level(2 * r)], background: heat[level(2 * r + 1)])))
            }
        }
        let levels = shades.count
        return (0..<rows).map { r in
            (shades[levels - 1 - min(levels - 1, r * levels / rows)], Style(.normal))
        }
    }
}
