import Testing
import Series12Sweep
@testable import Series12Dashboard

/// The field view and the drift strip as drawn into a frame, driven by keys.
@Suite struct FieldViewTests {
    init() { _ = TestLocale.isUTF8 }

    func session(_ fake: FakeSweep, glyphs: Glyphs = .unicode, colors: Bool = true) -> DashboardSession {
        DashboardSession(source: fake, options: DashboardOptions(themesDirectory: ThemeTests.themes, logFilePath: "/tmp/unused.txt",
                                                                 colorDisabled: !colors),
                         glyphs: glyphs, colorsEnabled: colors, insideTmux: false, terminalColors: 256)
    }

    func draw(_ s: DashboardSession, height: Int = 40, width: Int = 120) -> CellGrid {
        s.refresh()
        var canvas = CellGrid(height: height, width: width)
        DashboardView.draw(s, height: height, width: width, on: &canvas)
        return canvas
    }

    /// Two κ runs; κ=0.1 has a 4×4 picture with values 0 … 15 (U:U from 0 to 15).
    func fakeSweep() -> FakeSweep {
        let fake = FakeSweep(sweep([run(0.1, .running, step: 700, drift: 2e-6, history: [0, 1e-6, 2e-6]),
                                    run(0.5, .queued)]))
        fake.setFrame(frame(step: 500, t: 0.69, side: 4, values: (0..<16).map(Float.init)), of: 0)
        return fake
    }

    func row(of text: String, in c: CellGrid) -> Int? { (0..<c.height).first { c.row($0).contains(text) } }

    @Test func vOpensTheHeatmapOfTheSelectedKappaWithItsColourBar() throws {
        let fake = fakeSweep()
        let s = session(fake)
        _ = s.handle(.character("v"))
        #expect(fake.watched == [0])
        let c = draw(s)
        let title = try #require(row(of: "field of κ=0.1000", in: c))
        #expect(c.row(title).contains("U:U = Uxx²+2Uxy²+Uyy² │ step 500 │ t=0.69"))
        #expect(!c.text.contains("log:"))
        let top = title + 1
        #expect(c.row(top).contains("max 1.5000e+01"))
        let bottom = try #require(row(of: "min 0.0000e+00", in: c))
        // The 4×4 frame is drawn as a square of whole multiples: 4k columns, 2k text rows.
        let columns = c.row(top).dropFirst().prefix { $0 == "▀" }.count
        #expect(columns > 0 && columns % 4 == 0)
        #expect(bottom - top + 1 == columns / 2)
        // Colours come from the theme's ramp: the top-left pixel is the frame's top-left value
        // (12 of 0…15), the bottom-left of the last text row is 0, the lowest level.
        let ramp = Theme.standard.ramp
        let topLeft = c.style(y: top, x: 1).swatch
        #expect(topLeft?.foreground == ramp[Heatmap.level(12, low: 0, high: 15, levels: ramp.count)])
        #expect(c.style(y: bottom, x: 1).swatch?.background == ramp[0])
        #expect(c.row(top + 1).contains("κ=0.1000 running (1 of 2)"))
        #expect(c.text.contains("run at step 700"))
    }

    @Test func cCyclesTheQuantityAndVClosesTheView() throws {
        let fake = fakeSweep()
        let s = session(fake)
        _ = s.handle(.character("v"))
        var titles: [String] = []
        for _ in 0..<5 {
            let c = draw(s)
            titles.append(c.row(try #require(row(of: "field of", in: c))))
            _ = s.handle(.character("c"))
        }
        #expect(titles[0].contains("U:U = Uxx²+2Uxy²+Uyy²"))
        #expect(titles[1].contains("│ Uxx │"))
        #expect(titles[2].contains("│ Uxy │"))
        #expect(titles[3].contains("│ Uyy │"))
        #expect(titles[4].contains("|P|² = Pxx²+2Pxy²+Pyy²"))
        let again = draw(s)
        #expect(again.row(try #require(row(of: "field of", in: again))).contains("U:U = "))
        _ = s.handle(.character("v"))
        let closed = draw(s)
        #expect(row(of: "field of", in: closed) == nil)
        #expect(closed.text.contains("log: 0 lines"))
        #expect(fake.watched == [0, nil])
    }

    @Test func selectingAnotherKappaMovesTheViewAndItsWatch() {
        let fake = fakeSweep()
        let s = session(fake)
        _ = s.handle(.character("v"))
        _ = s.handle(.down)
        #expect(fake.watched == [0, 1])
        let c = draw(s)
        #expect(c.text.contains("field of κ=0.5000"))
        #expect(c.text.contains("κ=0.5000 is queued: its first picture comes when it starts."))
    }

    @Test func validationRowsSayTheyHaveNoFields() {
        let fake = FakeSweep(sweep([run(1, .running)]), keepsFields: false)
        let s = session(fake)
        _ = s.handle(.character("v"))
        #expect(!s.fieldViewOn)
        #expect(s.status.text.contains("validation tests and keep no fields"))
        #expect(fake.watched.isEmpty)
    }

    @Test func eightyByTwentyFourKeepsTheTableAndGivesThePictureTheRest() throws {
        let fake = fakeSweep()
        let s = session(fake)
        _ = s.handle(.character("v"))
        let c = draw(s, height: 24, width: 80)
        #expect(c.row(2).contains("0.1000") && c.row(3).contains("0.5000"))
        // The strip gives way to the picture at this size.
        #expect(!c.text.contains("drift vs κ"))
        let title = try #require(row(of: "field of κ=0.1000", in: c))
        #expect(title == 4)
        #expect(c.row(5).contains("max 1.5000e+01"))
        // 18 rows below the title: a 36-pixel square, 18 text rows, from the 4×4 frame at 9×.
        #expect(try #require(row(of: "min 0.0000e+00", in: c)) == 5 + 18 - 1)
        #expect(c.row(5).dropFirst().prefix { $0 == "▀" }.count == 36)
        #expect(c.row(23).contains("? help"))
    }

    @Test func monochromeAndASCIIDrawShadesWithoutColours() throws {
        let fake = fakeSweep()
        let mono = session(fake, colors: false)
        _ = mono.handle(.character("v"))
        let m = draw(mono)
        let top = try #require(row(of: "max 1.5000e+01", in: m))
        #expect((0..<m.width).allSatisfy { m.style(y: top, x: $0).swatch == nil })
        #expect(m.row(top).contains("█") || m.row(top).contains("▓"))
        let ascii = session(fakeSweep(), glyphs: .ascii)
        _ = ascii.handle(.character("v"))
        let a = draw(ascii)
        #expect(a.text.unicodeScalars.allSatisfy { $0.isASCII })
        #expect(a.text.contains("U:U = Uxx^2+2Uxy^2+Uyy^2"))
        #expect(a.text.contains("@") && a.text.contains("max 1.5000e+01"))
    }

    @Test func helpExplainsTheQuantities() {
        let s = session(fakeSweep())
        _ = s.handle(.character("?"))
        let c = draw(s)
        #expect(c.text.contains("field: U:U = Uxx²+2Uxy²+Uyy², |P|² = Pxx²+2Pxy²+Pyy²"))
        #expect(c.text.contains("v      field view: heatmap of the selected κ's field (toggle)"))
    }
}
