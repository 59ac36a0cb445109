/// The bottom line: on the left what the last key did, on the right a hint — `? help  q quit`,
/// or once every run has ended, that the sweep is finished and `q` leaves.
struct StatusLine {
    var message: StatusMessage
    var sweepFinished: Bool

    var hint: String { sweepFinished ? "sweep finished — press q to leave " : "? help  q quit " }

    func draw(in rect: Rect, on canvas: inout some Canvas, ascii: Bool) {
        guard !rect.isEmpty else { return }
        canvas.fill(y: rect.y, x: rect.x, width: rect.width, style: Style(.status))
        let hint = TextWidth.sanitized(self.hint, ascii: ascii)
        let hintWidth = TextWidth.of(hint)
        let room = max(0, rect.width - hintWidth - 2)
        if !message.text.isEmpty {
            let text = TextWidth.truncate(" " + TextWidth.sanitized(message.text, ascii: ascii) + " ", to: room,
                                          ellipsis: ascii ? "~" : "…")
            let style = message.role == .status ? Style(.status) : Style(message.role, bold: true)
            canvas.put(text, y: rect.y, x: rect.x, maxWidth: room, style: style)
        }
        let hintStyle = sweepFinished ? Style(.status, bold: true) : Style(.status)
        canvas.put(hint, y: rect.y, x: rect.right - hintWidth, maxWidth: hintWidth, style: hintStyle)
    }
}
