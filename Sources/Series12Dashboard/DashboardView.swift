/// Draws a whole frame of the session onto a canvas of `height` × `width`: the panels in their
/// rectangles, then the overlay of the current mode, or only the "enlarge" notice on a
/// terminal below 80×24.
enum DashboardView {
    static func draw(_ session: DashboardSession, height: Int, width: Int, on canvas: inout some Canvas) {
        guard ScreenLayout.fits(height: height, width: width) else {
            TooSmallNotice(height: height, width: width, ascii: session.glyphs.isASCII).draw(on: &canvas)
            return
        }
        let snapshot = session.snapshot
        let glyphs = session.glyphs
        session.screenSize = (height, width)
        let layout = ScreenLayout(height: height, width: width, runCount: snapshot.runs.count,
                                  strip: session.driftStripOn, field: session.fieldViewOn)

        HeaderPanel(snapshot: snapshot, glyphs: glyphs).draw(in: layout.header, on: &canvas)

        let kappaWidth = snapshot.runs.map { ($0.label ?? Format.kappa($0.kappa)).count }.max() ?? 6
        let maxSteps = snapshot.runs.map(\.steps).max() ?? 0
        let columns = TableLayout(width: width, kappaWidth: kappaWidth, maxSteps: maxSteps)
        session.tableTop = TableScroll.top(current: session.tableTop, selected: session.selected,
                                           count: snapshot.runs.count, capacity: layout.table.height)
        let table = TablePanel(runs: snapshot.runs, layout: columns, selected: session.selected,
                               top: session.tableTop, capacity: layout.table.height, glyphs: glyphs)
        table.drawTitles(in: layout.columnTitles, on: &canvas)
        table.drawRows(in: layout.table, on: &canvas)

        DriftStrip(runs: snapshot.runs, glyphs: glyphs).draw(in: layout.strip, on: &canvas)

        if session.fieldViewOn {
            drawField(session, title: layout.fieldTitle, body: layout.field, on: &canvas)
        } else {
            session.logPageHeight = layout.log.height
            LogPanel(state: session.logPane, glyphs: glyphs).draw(title: layout.logTitle, lines: layout.log, on: &canvas)
        }

        StatusLine(message: session.status, sweepFinished: !snapshot.isActive)
            .draw(in: layout.status, on: &canvas, ascii: glyphs.isASCII)

        let whole = Rect(y: 0, x: 0, height: height, width: width)
        switch session.mode {
        case .normal: break
        case .help:
            OverlayBox.help(keymap: session.keymap, ascii: glyphs.isASCII, lastWarning: session.lastWarning)
                .draw(in: whole, on: &canvas)
        case .confirmQuit:
            let active = snapshot.runs.filter { !$0.status.isFinal }.count
            OverlayBox.quitConfirmation(activeRuns: active, ascii: glyphs.isASCII).draw(in: whole, on: &canvas)
        }
    }

    private static func drawField(_ session: DashboardSession, title: Rect, body: Rect, on canvas: inout some Canvas) {
        let runs = session.snapshot.runs
        let index = session.selected
        let panel = FieldPanel(run: runs.indices.contains(index) ? runs[index] : nil, index: index, runCount: runs.count,
                               frame: session.fieldFrame, quantity: session.fieldQuantity,
                               keepsFields: session.source.keepsFields, glyphs: session.glyphs)
        let picture = session.fieldPicture(columns: FieldPanel.pictureColumns(width: body.width), rows: body.height)
        let bar = FieldPicture.colourBar(rows: picture?.rows ?? 0, heat: session.heatColors,
                                         shades: FieldPicture.shades(ascii: session.glyphs.isASCII))
        panel.draw(title: title, body: body, picture: picture, bar: bar, on: &canvas)
    }
}
