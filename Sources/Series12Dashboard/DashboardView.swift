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
        let layout = ScreenLayout(height: height, width: width, runCount: snapshot.runs.count)

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

        session.logPageHeight = layout.log.height
        LogPanel(state: session.logPane, glyphs: glyphs).draw(title: layout.logTitle, lines: layout.log, on: &canvas)

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
}
