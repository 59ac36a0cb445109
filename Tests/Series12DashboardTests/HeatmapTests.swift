import Testing
import Series12Sweep
@testable import Series12Dashboard

@Suite struct HeatmapTests {
    @Test func blocksTileTheAxisAndDifferByAtMostOneCell() {
        let p = BlockPartition(source: 10, target: 4)
        #expect((0..<4).map(p.cells(of:)) == [0..<2, 2..<5, 5..<7, 7..<10])
        for c in 0..<10 { #expect(p.cells(of: p.block(of: c)).contains(c)) }
        let identity = BlockPartition(source: 5, target: 5)
        #expect((0..<5).map(identity.cells(of:)) == [0..<1, 1..<2, 2..<3, 3..<4, 4..<5])
    }

    @Test func upSamplingRepeatsEachCell() {
        let p = BlockPartition(source: 2, target: 6)
        #expect((0..<6).map { p.cells(of: $0).lowerBound } == [0, 0, 0, 1, 1, 1])
    }

    @Test func fourByFourAveragesIntoTwoByTwoBlocksTopRowFirst() {
        // Row 0 of the source is the lowest y: 0 1 2 3 / 4 5 6 7 / 8 9 10 11 / 12 13 14 15.
        let map = Heatmap((0..<16).map(Float.init), side: 4, width: 2, height: 2)
        // Top-left block is rows 2–3, columns 0–1: (8 + 9 + 12 + 13) / 4.
        #expect(map.values == [10.5, 12.5, 2.5, 4.5])
    }

    @Test func unevenBlocksAverageTheCellsTheyCover() {
        // 3 → 2 splits each axis into cells {0} and {1, 2}.
        // 1 2 3 / 4 5 6 / 7 8 9 (row 0 at the bottom)
        let map = Heatmap((1...9).map(Float.init), side: 3, width: 2, height: 2)
        let top = [(4.0 + 7) / 2, (5.0 + 6 + 8 + 9) / 4]
        let bottom = [1.0, (2.0 + 3) / 2]
        #expect(map.values == top + bottom)
    }

    @Test func aSmallFrameIsDrawnAtAWholeMultiple() {
        let map = Heatmap([1, 2, 3, 4], side: 2, width: 4, height: 4)
        #expect(map.values == [3, 3, 4, 4, 3, 3, 4, 4, 1, 1, 2, 2, 1, 1, 2, 2])
        #expect(Heatmap.pictureSide(frameSide: 20, columns: 62, rows: 31) == 60)
        #expect(Heatmap.pictureSide(frameSide: 256, columns: 62, rows: 31) == 62)
        #expect(Heatmap.pictureSide(frameSide: 256, columns: 100, rows: 20) == 40)
        #expect(Heatmap.pictureSide(frameSide: 33, columns: 40, rows: 40) == 32)
        #expect(Heatmap.pictureSide(frameSide: 256, columns: 61, rows: 40) == 60)
    }

    @Test func levelsSplitTheRangeIntoEqualBins() {
        func level(_ v: Double) -> Int { Heatmap.level(v, low: 0, high: 1, levels: 4) }
        #expect([0, 0.2499, 0.25, 0.5, 0.7499, 0.75, 0.999, 1].map(level) == [0, 0, 1, 2, 2, 3, 3, 3])
        #expect(level(-5) == 0 && level(7) == 3)
        #expect(level(.nan) == 3 && level(.infinity) == 3)
        #expect(Heatmap.level(2, low: 2, high: 2, levels: 6) == 0)
        #expect(Heatmap.level(-1e-3, low: -2e-3, high: 2e-3, levels: 8) == 2)
    }

    @Test func halfBlocksCarryTheUpperPixelInFrontAndTheLowerBehind() {
        // 2×2 values: bottom row 0, 1; top row 2, 3 (range 0…3, four levels → level = value).
        let f = frame(side: 2, values: [0, 1, 2, 3])
        let heat = [16, 17, 18, 19]
        let key = FieldPicture.Key(run: 0, kappa: 0.1, step: 500, quantity: .uxx, side: 2, heat: heat,
                                   shades: FieldPicture.shades(ascii: false))
        let p = FieldPicture(key: key, frame: f)
        #expect(p.rows == 1 && p.columns == 2)
        #expect(p.cells.map(\.character) == ["▀", "▀"])
        #expect(p.cells.map(\.style.swatch) == [Swatch(foreground: 18, background: 16), Swatch(foreground: 19, background: 17)])
    }

    @Test func withoutColoursEachCellIsAShadeOfTwoPixelRows() {
        // 4×4 values, rows from the bottom 0…3 (each row constant): a picture 4 wide has two
        // text rows, the top one averaging rows 2–3 (2.5), the bottom rows 0–1 (0.5).
        let values: [Float] = (0..<16).map { Float($0 / 4) }
        let f = frame(side: 4, values: values)
        let ascii = FieldPicture(key: .init(run: 0, kappa: 0.1, step: 0, quantity: .contraction, side: 4, heat: [],
                                            shades: FieldPicture.shades(ascii: true)), frame: f)
        // Range 0…3 in ten levels: 2.5 → ⌊8.33⌋ = 8 → "%", 0.5 → ⌊1.67⌋ = 1 → ".".
        #expect(ascii.rows == 2)
        #expect(String(ascii.cells.map(\.character)) == "%%%%....")
        let unicode = FieldPicture(key: .init(run: 0, kappa: 0.1, step: 0, quantity: .contraction, side: 4, heat: [],
                                              shades: FieldPicture.shades(ascii: false)), frame: f)
        // Five levels: 2.5 → ⌊4.17⌋ = 4 → █, 0.5 → ⌊0.83⌋ = 0 → blank.
        #expect(String(unicode.cells.map(\.character)) == "████    ")
        #expect(unicode.cells.allSatisfy { $0.style.swatch == nil })
    }

    @Test func theColourBarRunsFromTheTopLevelDown() {
        let heat = [16, 17, 18, 19]
        let bar = FieldPicture.colourBar(rows: 2, heat: heat, shades: [])
        #expect(bar.map(\.style.swatch) == [Swatch(foreground: 19, background: 18), Swatch(foreground: 17, background: 16)])
        let shades = FieldPicture.colourBar(rows: 5, heat: [], shades: FieldPicture.shades(ascii: false))
        #expect(String(shades.map(\.character)) == "█▓▒░ ")
    }

    @Test func colourBarNumbersHaveFiveSignificantDigits() {
        #expect(FieldPanel.number(0.123456) == "1.2346e-01")
        #expect(FieldPanel.number(-2.5e-7) == "-2.5000e-07")
        #expect(FieldPanel.number(0) == "0.0000e+00")
        #expect(FieldPanel.number(.nan) == "NaN")
        #expect(FieldPanel.blockText(256, 64, "×") == "4×4")
        #expect(FieldPanel.blockText(256, 62, "×") == "4-5×4-5")
    }
}
