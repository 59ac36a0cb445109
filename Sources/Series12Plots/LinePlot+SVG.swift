import Foundation

extension LinePlot {
    /// The plot as a standalone SVG 1.1 document (UTF-8 text ending in a newline): white
    /// background, framed axes with ticks, tick labels and grid lines, axis labels, title, one
    /// `<path>` per series and a legend to the right of the frame. Generic `sans-serif` font,
    /// no scripts, no external resources; the same plot always gives the same bytes.
    public func svg() -> String {
        let layout = PlotLayout(self)
        var doc = SVGDocument()
        let (w, h) = (layout.width, layout.height)
        doc.line("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>")
        doc.line("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"\(w)\" height=\"\(h)\" "
                 + "viewBox=\"0 0 \(w) \(h)\" font-family=\"sans-serif\">")
        doc.line("<title>\(SVGText.escape(title))</title>")
        doc.line("<rect x=\"0\" y=\"0\" width=\"\(w)\" height=\"\(h)\" fill=\"#ffffff\"/>")
        drawGrid(layout, into: &doc)
        drawCurves(layout, into: &doc)
        drawFrameAndTicks(layout, into: &doc)
        drawLabels(layout, into: &doc)
        drawLegend(layout, into: &doc)
        doc.line("</svg>")
        return doc.text
    }

    private func drawGrid(_ l: PlotLayout, into doc: inout SVGDocument) {
        doc.line("<g id=\"grid\" stroke=\"#dddddd\" stroke-width=\"1\">")
        for v in l.xTicks.gridValues { if let px = l.xMap.pixel(v) { doc.line(Self.vLine(px, l.frame.top, l.frame.bottom)) } }
        for v in l.yTicks.gridValues { if let py = l.yMap.pixel(v) { doc.line(Self.hLine(py, l.frame.left, l.frame.right)) } }
        doc.line("</g>")
    }

    private func drawCurves(_ l: PlotLayout, into doc: inout SVGDocument) {
        doc.line("<g id=\"curves\" fill=\"none\" stroke-width=\"1.6\" stroke-linejoin=\"round\" stroke-linecap=\"round\">")
        var dots: [String] = [], marks: [String] = []
        for (i, s) in series.enumerated() {
            let style = SeriesStyle.of(i)
            var d = ""
            for piece in l.pieces[i] {
                let points = CurveThinning.thin(piece, threshold: 4 * Int(l.frame.width))
                if points.count == 1 {
                    dots.append("<circle cx=\"\(SVGText.number(points[0].x))\" cy=\"\(SVGText.number(points[0].y))\" r=\"2.5\" fill=\"\(style.colour)\"/>")
                    continue
                }
                for (k, p) in points.enumerated() {
                    d += (k == 0 ? "M" : k == 1 ? "L" : " ") + SVGText.number(p.x) + " " + SVGText.number(p.y)
                }
            }
            let dash = style.dash.map { " stroke-dasharray=\"\($0)\"" } ?? ""
            doc.line("<path d=\"\(d)\" stroke=\"\(style.colour)\"\(dash)><title>\(SVGText.escape(s.label))</title></path>")
            if s.markEnd, let last = l.pieces[i].last?.last {
                marks.append(Self.cross(at: last, colour: style.colour))
            }
        }
        doc.line("</g>")
        if !dots.isEmpty { doc.line("<g id=\"points\">"); dots.forEach { doc.line($0) }; doc.line("</g>") }
        if !marks.isEmpty { doc.line("<g id=\"end-marks\" stroke-width=\"2.2\">"); marks.forEach { doc.line($0) }; doc.line("</g>") }
        if l.pieces.allSatisfy(\.isEmpty) {
            doc.line("<text x=\"\(SVGText.number(l.frame.midX))\" y=\"\(SVGText.number(l.frame.midY))\" font-size=\"14\" "
                     + "fill=\"#666666\" text-anchor=\"middle\">\(SVGText.escape(emptyNote))</text>")
        }
    }

    private func drawFrameAndTicks(_ l: PlotLayout, into doc: inout SVGDocument) {
        let f = l.frame
        doc.line("<g id=\"axes\" stroke=\"#000000\" stroke-width=\"1\">")
        doc.line("<rect x=\"\(SVGText.number(f.left))\" y=\"\(SVGText.number(f.top))\" width=\"\(SVGText.number(f.width))\" "
                 + "height=\"\(SVGText.number(f.height))\" fill=\"none\"/>")
        for v in l.xTicks.major { if let px = l.xMap.pixel(v) { doc.line(Self.vLine(px, f.bottom, f.bottom + PlotLayout.majorTick)) } }
        for v in l.xTicks.minor { if let px = l.xMap.pixel(v) { doc.line(Self.vLine(px, f.bottom, f.bottom + PlotLayout.minorTick)) } }
        for v in l.yTicks.major { if let py = l.yMap.pixel(v) { doc.line(Self.hLine(py, f.left - PlotLayout.majorTick, f.left)) } }
        for v in l.yTicks.minor { if let py = l.yMap.pixel(v) { doc.line(Self.hLine(py, f.left - PlotLayout.minorTick, f.left)) } }
        doc.line("</g>")
    }

    private func drawLabels(_ l: PlotLayout, into doc: inout SVGDocument) {
        let f = l.frame
        let size = PlotLayout.tickFont
        doc.line("<g id=\"tick-labels\" font-size=\"\(SVGText.number(size))\" fill=\"#000000\">")
        for t in l.xTicks.labelled {
            guard let px = l.xMap.pixel(t.value) else { continue }
            doc.line(Self.text(t.label, x: px, y: f.bottom + PlotLayout.majorTick + 3 + size, anchor: "middle", size: size))
        }
        for t in l.yTicks.labelled {
            guard let py = l.yMap.pixel(t.value) else { continue }
            doc.line(Self.text(t.label, x: f.left - PlotLayout.majorTick - 3, y: py + 0.36 * size, anchor: "end", size: size))
        }
        doc.line("</g>")
        let axis = PlotLayout.axisFont
        doc.line("<text id=\"x-label\" x=\"\(SVGText.number(f.midX))\" y=\"\(SVGText.number(f.bottom + 44))\" "
                 + "font-size=\"\(SVGText.number(axis))\" text-anchor=\"middle\">\(SVGText.escape(x.label))</text>")
        let yx = SVGText.number(PlotLayout.yLabelBaseline), yy = SVGText.number(f.midY)
        doc.line("<text id=\"y-label\" x=\"\(yx)\" y=\"\(yy)\" transform=\"rotate(-90 \(yx) \(yy))\" "
                 + "font-size=\"\(SVGText.number(axis))\" text-anchor=\"middle\">\(SVGText.escape(y.label))</text>")
        let centre = SVGText.number(Double(l.width) / 2)
        doc.line("<text id=\"title\" x=\"\(centre)\" y=\"24\" font-size=\"16\" font-weight=\"bold\" "
                 + "text-anchor=\"middle\">\(SVGText.escape(title))</text>")
        if !subtitle.isEmpty {
            doc.line("<text id=\"subtitle\" x=\"\(centre)\" y=\"43\" font-size=\"12\" fill=\"#555555\" "
                     + "text-anchor=\"middle\">\(SVGText.escape(subtitle))</text>")
        }
    }

    private func drawLegend(_ l: PlotLayout, into doc: inout SVGDocument) {
        guard let box = l.legend else { return }
        doc.line("<g id=\"legend\" font-size=\"\(SVGText.number(PlotLayout.legendFont))\">")
        doc.line("<rect x=\"\(SVGText.number(box.left))\" y=\"\(SVGText.number(box.top))\" width=\"\(SVGText.number(box.width))\" "
                 + "height=\"\(SVGText.number(box.height))\" fill=\"#ffffff\" stroke=\"#999999\" stroke-width=\"1\"/>")
        for (i, s) in series.enumerated() {
            let style = SeriesStyle.of(i)
            let y = box.top + PlotLayout.legendPadding + (Double(i) + 0.5) * PlotLayout.legendRow
            let x0 = box.left + PlotLayout.legendPadding, x1 = x0 + PlotLayout.legendSwatch
            let dash = style.dash.map { " stroke-dasharray=\"\($0)\"" } ?? ""
            doc.line("<line x1=\"\(SVGText.number(x0))\" y1=\"\(SVGText.number(y))\" x2=\"\(SVGText.number(x1))\" "
                     + "y2=\"\(SVGText.number(y))\" stroke=\"\(style.colour)\" stroke-width=\"2\"\(dash)/>")
            if s.markEnd { doc.line(Self.cross(at: ((x0 + x1) / 2, y), colour: style.colour, strokeWidth: 2.2)) }
            doc.line("<text x=\"\(SVGText.number(x1 + 6))\" y=\"\(SVGText.number(y + 0.36 * PlotLayout.legendFont))\">"
                     + "\(SVGText.escape(s.label))</text>")
        }
        doc.line("</g>")
    }

    // MARK: elements

    private static func vLine(_ x: Double, _ y0: Double, _ y1: Double) -> String {
        let xs = SVGText.number(x)
        return "<line x1=\"\(xs)\" y1=\"\(SVGText.number(y0))\" x2=\"\(xs)\" y2=\"\(SVGText.number(y1))\"/>"
    }

    private static func hLine(_ y: Double, _ x0: Double, _ x1: Double) -> String {
        let ys = SVGText.number(y)
        return "<line x1=\"\(SVGText.number(x0))\" y1=\"\(ys)\" x2=\"\(SVGText.number(x1))\" y2=\"\(ys)\"/>"
    }

    /// An × of half-width 4.5 px centred on `p`.
    private static func cross(at p: (x: Double, y: Double), colour: String, strokeWidth: Double? = nil) -> String {
        let r = 4.5
        let width = strokeWidth.map { " stroke-width=\"\(SVGText.number($0))\"" } ?? ""
        func n(_ v: Double) -> String { SVGText.number(v) }
        return "<g stroke=\"\(colour)\"\(width)>"
            + "<line x1=\"\(n(p.x - r))\" y1=\"\(n(p.y - r))\" x2=\"\(n(p.x + r))\" y2=\"\(n(p.y + r))\"/>"
            + "<line x1=\"\(n(p.x - r))\" y1=\"\(n(p.y + r))\" x2=\"\(n(p.x + r))\" y2=\"\(n(p.y - r))\"/></g>"
    }

    /// A tick label, its exponent raised and smaller in a `<tspan>`.
    private static func text(_ label: TickLabel, x: Double, y: Double, anchor: String, size: Double) -> String {
        var body = SVGText.escape(label.base)
        if let exponent = label.exponent {
            body += "<tspan dy=\"\(SVGText.number(-SVGText.exponentRise * size))\" "
                + "font-size=\"\(SVGText.number(SVGText.exponentScale * size))\">\(SVGText.escape(exponent))</tspan>"
        }
        return "<text x=\"\(SVGText.number(x))\" y=\"\(SVGText.number(y))\" text-anchor=\"\(anchor)\">\(body)</text>"
    }
}

/// Accumulates the document's lines.
struct SVGDocument {
    private(set) var text = ""
    mutating func line(_ s: String) { text += s; text += "\n" }
}
