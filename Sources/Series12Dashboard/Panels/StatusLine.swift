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
        let message = message.text.isEmpty ? "" : " " + TextWidth.sanitized(self.message.text, ascii: ascii) + " "
        // A message too long to share the line pushes the everyday hint out (not the
        // "finished" one, which matters more than any message).
        let showHint = sweepFinished || TextWidth.of(message) + TextWidth.of(hint) + 1 <= rect.width
        let hintWidth = showHint ? TextWidth.of(hint) : 0
        let room = max(0, rect.width - hintWidth - (showHint ? 1 : 0))
        if !message.isEmpty {
            let text = TextWidth.truncate(message, to: room, ellipsis: ascii ? "~" : "…")
            let style = self.message.role == .status ? Style(.status) : Style(self.message.role, bold: true)
            canvas.put(text, y: rect.y, x: rect.x, maxWidth: room, style: style)
        }
        if showHint {
            let hintStyle = sweepFinished ? Style(.status, bold: true) : Style(.status)
            canvas.put(hint, y: rect.y, x: rect.right - hintWidth, maxWidth: hintWidth, style: hintStyle)
        }
    }
}
