/// The status line's message: what the last key did (or a warning), and how to colour it.
struct StatusMessage: Equatable, Sendable {
    var text: String
    var role: ColorRole

    init(_ text: String, role: ColorRole = .status) {
        self.text = text
        self.role = role
    }

    static let empty = StatusMessage("")
}
