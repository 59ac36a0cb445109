/// The one key → action table of the dashboard (htop style): the main loop looks keys up
/// here and the `?` overlay prints it.
struct Keymap: Sendable {
    struct Binding: Sendable {
        var keys: [Key]
        var action: KeyAction
    }

    let bindings: [Binding]

    static let standard = Keymap(bindings: [
        Binding(keys: [.up, .character("k")], action: .selectPrevious),
        Binding(keys: [.down, .character("j")], action: .selectNext),
        Binding(keys: [.character(" ")], action: .togglePause),
        Binding(keys: [.character("P")], action: .pauseAll),
        Binding(keys: [.character("R")], action: .resumeAll),
        Binding(keys: [.pageUp], action: .scrollBack),
        Binding(keys: [.pageDown], action: .scrollForward),
        Binding(keys: [.home], action: .scrollToOldest),
        Binding(keys: [.end], action: .follow),
        Binding(keys: [.character("f")], action: .filterToSelected),
        Binding(keys: [.character("v")], action: .toggleFieldView),
        Binding(keys: [.character("c")], action: .nextFieldQuantity),
        Binding(keys: [.character("d")], action: .toggleDriftStrip),
        Binding(keys: [.character("y")], action: .copyLog),
        Binding(keys: [.character("t")], action: .nextTheme),
        Binding(keys: [.character("?")], action: .help),
        Binding(keys: [.character("q")], action: .quit),
    ])

    /// The action bound to `key`, nil for an unbound key.
    func action(for key: Key) -> KeyAction? {
        bindings.first { $0.keys.contains(key) }?.action
    }

    /// The keys bound to `action`, in table order.
    func keys(for action: KeyAction) -> [Key] {
        bindings.filter { $0.action == action }.flatMap(\.keys)
    }

    /// One line per binding, `keys  what it does`, keys padded to a common width.
    func helpLines(ascii: Bool) -> [String] {
        let labels = bindings.map { $0.keys.map { $0.label(ascii: ascii) }.joined(separator: " ") }
        let width = labels.map(\.count).max() ?? 0
        return zip(labels, bindings).map { label, binding in
            label + String(repeating: " ", count: width - label.count) + "  " + binding.action.summary(ascii: ascii)
        }
    }
}
