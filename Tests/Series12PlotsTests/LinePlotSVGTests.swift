import Foundation
import Testing
@testable import Series12Plots

/// The SVG document as an XML parser reads it: structure, labels, legend, and where the
/// curves land in pixels.
@Suite struct LinePlotSVGTests {
    static let svgNamespace = "http://www.w3.org/2000/svg"

    static func threeKappas(unstableLast: Bool = false) -> LinePlot {
        let t = (0...40).map { Double($0) * 0.25 }
        let series = [0.1, 1, 5].enumerated().map { i, kappa in
            PlotSeries(label: "κ = \(kappa)", x: t, y: t.map { $0 == 0 ? 0 : 1e-6 * Double(i + 1) * (1 + $0) },
                       markEnd: unstableLast && i == 2)
        }
        return LinePlot(title: "Energy drift against time", subtitle: "N=64", x: PlotAxis(label: "time t"),
                        y: PlotAxis(label: "drift (log scale; zeros not drawn)", scale: .log10), series: series)
    }

    @Test func documentIsWellFormedSVGWithOnePathPerSeries() throws {
        let text = Self.threeKappas().svg()
        let tree = try SVGTree(text)
        #expect(tree.root.name == "svg")
        #expect(tree.root.attributes["xmlns"] == Self.svgNamespace)
        #expect(tree.root.attributes["version"] == "1.1")
        #expect(tree.root.attributes["font-family"] == "sans-serif")
        let paths = tree.root.all("path")
        #expect(paths.count == 3)
        #expect(paths.map { $0.all("title").first?.text } == ["κ = 0.1", "κ = 1.0", "κ = 5.0"])
        #expect(Set(paths.compactMap { $0.attributes["stroke"] }).count == 3)  // three distinct colours
        #expect(text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\""))
        #expect(text.hasSuffix("</svg>\n"))
    }

    @Test func axesTitleAndLegendAreLabelled() throws {
        let tree = try SVGTree(Self.threeKappas().svg())
        #expect(tree.root.element(id: "x-label")?.text == "time t")
        #expect(tree.root.element(id: "y-label")?.text == "drift (log scale; zeros not drawn)")
        #expect(tree.root.element(id: "y-label")?.attributes["transform"]?.hasPrefix("rotate(-90 ") == true)
        #expect(tree.root.element(id: "title")?.text == "Energy drift against time")
        #expect(tree.root.element(id: "subtitle")?.text == "N=64")
        #expect(tree.root.all("title").first?.text == "Energy drift against time")
        let legend = try #require(tree.root.element(id: "legend"))
        #expect(legend.all("text").map(\.text) == ["κ = 0.1", "κ = 1.0", "κ = 5.0"])
        #expect(legend.all("line").count == 3)
        let ticks = try #require(tree.root.element(id: "tick-labels"))
        #expect(ticks.all("text").contains { $0.allText == "0" })
        #expect(ticks.all("text").contains { $0.text == "10" && $0.all("tspan").first?.text == "−5" })
    }

    @Test func noScriptsNoExternalReferencesNoNamedFonts() {
        let text = Self.threeKappas(unstableLast: true).svg().lowercased()
        for forbidden in ["<script", "href", "url(", "@import", "<style", "<image", "<foreignobject", "onload", "font-face"] {
            #expect(!text.contains(forbidden), "\(forbidden)")
        }
        #expect(text.components(separatedBy: "font-family").count == 2)  // once, on the root: sans-serif
    }

    @Test func sameInputGivesTheSameBytes() {
        #expect(Self.threeKappas(unstableLast: true).svg() == Self.threeKappas(unstableLast: true).svg())
    }

    @Test func unstableRunIsMarkedOnItsCurveAndInTheLegend() throws {
        let tree = try SVGTree(Self.threeKappas(unstableLast: true).svg())
        let marks = try #require(tree.root.element(id: "end-marks"))
        #expect(marks.all("line").count == 2)  // one ×
        #expect(marks.children.first?.attributes["stroke"] == tree.root.all("path")[2].attributes["stroke"])
        #expect(try #require(tree.root.element(id: "legend")).all("g").count == 1)  // × on the legend swatch
        #expect(try SVGTree(Self.threeKappas().svg()).root.element(id: "end-marks") == nil)
    }

    /// Path data back into points.
    static func points(_ d: String) -> [[(Double, Double)]] {
        var pieces: [[(Double, Double)]] = []
        var numbers: [Double] = []
        func flush() {
            guard !numbers.isEmpty else { return }
            pieces[pieces.count - 1] += stride(from: 0, to: numbers.count - 1, by: 2).map { (numbers[$0], numbers[$0 + 1]) }
            numbers = []
        }
        var token = ""
        for c in d + " " {
            if c == "M" || c == "L" || c == " " {
                if let v = Double(token) { numbers.append(v) }
                token = ""
                if c == "M" { flush(); pieces.append([]) }
            } else {
                token.append(c)
            }
        }
        flush()
        return pieces
    }

    @Test func curvesLandOnTheFrameAtTheirValues() throws {
        // Fixed ranges: x 0…10, y 0…1 linear. The line from (0, 0) to (10, 1) runs corner to corner,
        // (5, 0.25) sits at the middle of the width and a quarter of the height up.
        let plot = LinePlot(title: "t", x: PlotAxis(label: "x", range: 0...10), y: PlotAxis(label: "y", range: 0...1),
                            series: [PlotSeries(label: "a", x: [0, 5, 10], y: [0, 0.25, 1])])
        let tree = try SVGTree(plot.svg())
        let frame = try #require(tree.root.element(id: "axes")?.all("rect").first)
        let (left, top) = (try #require(frame.number("x")), try #require(frame.number("y")))
        let (width, height) = (try #require(frame.number("width")), try #require(frame.number("height")))
        let pieces = Self.points(try #require(tree.root.all("path").first?.attributes["d"]))
        #expect(pieces.count == 1 && pieces[0].count == 3)
        let p = pieces[0]
        #expect(abs(p[0].0 - left) < 0.01 && abs(p[0].1 - (top + height)) < 0.01)
        #expect(abs(p[1].0 - (left + width / 2)) < 0.01 && abs(p[1].1 - (top + 0.75 * height)) < 0.01)
        #expect(abs(p[2].0 - (left + width)) < 0.01 && abs(p[2].1 - top) < 0.01)
        // x tick labels 0, 2, …, 10 centred under their positions.
        let labels = try #require(tree.root.element(id: "tick-labels")).all("text").filter { $0.attributes["text-anchor"] == "middle" }
        #expect(labels.map(\.text) == ["0", "2", "4", "6", "8", "10"])
        for label in labels {
            let value = try #require(Double(label.text))
            #expect(abs(try #require(label.number("x")) - (left + width * value / 10)) < 0.01)
        }
    }

    @Test func logAxisSkipsZerosAndBreaksAtNonFiniteValues() throws {
        // y: 0 (not drawable), 1e-3 (alone before a NaN: a dot), NaN, then 2e-3, 3e-3 (a line).
        let plot = LinePlot(title: "t", x: PlotAxis(label: "x"), y: PlotAxis(label: "y", scale: .log10),
                            series: [PlotSeries(label: "a", x: [0, 1, 2, 3, 4], y: [0, 1e-3, .nan, 2e-3, 3e-3])])
        let tree = try SVGTree(plot.svg())
        let pieces = Self.points(try #require(tree.root.all("path").first?.attributes["d"]))
        #expect(pieces.count == 1 && pieces[0].count == 2)
        #expect(tree.root.all("circle").count == 1)
    }

    @Test func aPlotWithNothingToDrawStillHasItsPathsAxesAndANote() throws {
        let plot = LinePlot(title: "t", x: PlotAxis(label: "time t"), y: PlotAxis(label: "drift", scale: .log10),
                            series: [PlotSeries(label: "κ = 1", x: [0], y: [0])], emptyNote: "no non-zero drift recorded yet")
        let tree = try SVGTree(plot.svg())
        #expect(tree.root.all("path").count == 1)
        #expect(tree.root.all("path").first?.attributes["d"] == "")
        #expect(tree.root.all("text").contains { $0.text == "no non-zero drift recorded yet" })
        #expect(tree.root.element(id: "x-label")?.text == "time t")
    }

    @Test func labelsWithMarkupCharactersSurviveTheRoundTrip() throws {
        let label = "a < b & \"c\" > 'd'"
        let plot = LinePlot(title: label, x: PlotAxis(label: label), y: PlotAxis(label: "y"),
                            series: [PlotSeries(label: label, x: [0, 1], y: [1, 2])])
        let tree = try SVGTree(plot.svg())
        #expect(tree.root.element(id: "title")?.text == label)
        #expect(tree.root.element(id: "x-label")?.text == label)
        #expect(tree.root.element(id: "legend")?.all("text").first?.text == label)
    }

    @Test func xTickLabelsNeverCrowdAndTheYMarginFitsTheWidestLabel() {
        let plot = LinePlot(title: "t", x: PlotAxis(label: "x"), y: PlotAxis(label: "y"),
                            series: [PlotSeries(label: "a", x: [0, 123_456.7], y: [34.157_883_3, 34.157_883_9])])
        let layout = PlotLayout(plot)
        let centres = layout.xTicks.labelled.compactMap { layout.xMap.pixel($0.value) }
        let widths = layout.xTicks.labelled.map { SVGText.width($0.label, size: PlotLayout.tickFont) }
        for i in 1..<centres.count {
            #expect(centres[i] - centres[i - 1] >= (widths[i] + widths[i - 1]) / 2 + 14)
        }
        let widest = layout.yTicks.labelled.map { SVGText.width($0.label, size: PlotLayout.tickFont) }.max() ?? 0
        #expect(layout.frame.left - PlotLayout.majorTick - 3 - widest >= PlotLayout.yLabelBaseline + 4)
        #expect(layout.yTicks.labelled.count >= 3)
    }

    @Test func aLongLegendMakesTheCanvasTallerAndEachSeriesKeepsItsOwnStyle() throws {
        let series = (0..<40).map { PlotSeries(label: "κ = \($0)", x: [0, 1], y: [1, Double($0 + 2)]) }
        let plot = LinePlot(title: "t", x: PlotAxis(label: "x"), y: PlotAxis(label: "y"), series: series)
        let layout = PlotLayout(plot)
        let legend = try #require(layout.legend)
        #expect(layout.height > 500)
        #expect(legend.bottom <= Double(layout.height))
        #expect(Set((0..<21).map { SeriesStyle.of($0) }.map { "\($0.colour) \($0.dash ?? "")" }).count == 21)
        #expect(!SeriesStyle.palette.contains("#F0E442"))
        #expect(try SVGTree(plot.svg()).root.all("path").count == 40)
    }

    @Test func thousandsOfPointsAreThinnedToTheFrameWidth() throws {
        let n = 100_000
        let x = (0..<n).map(Double.init)
        let plot = LinePlot(title: "t", x: PlotAxis(label: "x"), y: PlotAxis(label: "y"),
                            series: [PlotSeries(label: "a", x: x, y: x.map { sin($0 * 0.01) })])
        let layout = PlotLayout(plot)
        let pieces = Self.points(try #require(try SVGTree(plot.svg()).root.all("path").first?.attributes["d"]))
        #expect(pieces[0].count <= 4 * (Int(layout.frame.width) + 1))
        // The envelope survives: the curve still reaches the top and the bottom of sin.
        let ys = pieces[0].map(\.1)
        #expect(abs((ys.min() ?? 0) - (layout.yMap.pixel(1) ?? -1)) < 0.02)
        #expect(abs((ys.max() ?? 0) - (layout.yMap.pixel(-1) ?? -1)) < 0.02)
    }
}
