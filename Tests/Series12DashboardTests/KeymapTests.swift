import Testing
@testable import Series12Dashboard

@Suite struct KeymapTests {
    let keymap = Keymap.standard

    @Test func everyActionHasAKey() {
        for action in KeyAction.allCases {
            #expect(!keymap.keys(for: action).isEmpty, "\(action) has no key")
        }
    }

    @Test func noKeyIsBoundTwice() {
        let keys = keymap.bindings.flatMap(\.keys)
        #expect(keys.count == Set(keys).count)
    }

    @Test func theSpecKeysDoWhatTheSpecSays() {
        #expect(keymap.action(for: .up) == .selectPrevious)
        #expect(keymap.action(for: .character("k")) == .selectPrevious)
        #expect(keymap.action(for: .down) == .selectNext)
        #expect(keymap.action(for: .character("j")) == .selectNext)
        #expect(keymap.action(for: .character(" ")) == .togglePause)
        #expect(keymap.action(for: .character("P")) == .pauseAll)
        #expect(keymap.action(for: .character("R")) == .resumeAll)
        #expect(keymap.action(for: .character("y")) == .copyLog)
        #expect(keymap.action(for: .character("t")) == .nextTheme)
        #expect(keymap.action(for: .character("?")) == .help)
        #expect(keymap.action(for: .character("q")) == .quit)
        #expect(keymap.action(for: .character("f")) == .filterToSelected)
        #expect(keymap.action(for: .pageUp) == .scrollBack)
        #expect(keymap.action(for: .pageDown) == .scrollForward)
        #expect(keymap.action(for: .end) == .follow)
        #expect(keymap.action(for: .character("x")) == nil)
    }

    @Test(arguments: [false, true])
    func helpListsEveryKeyAndEveryAction(ascii: Bool) {
        let lines = keymap.helpLines(ascii: ascii)
        #expect(lines.count == keymap.bindings.count)
        for (line, binding) in zip(lines, keymap.bindings) {
            for key in binding.keys { #expect(line.hasPrefix(key.label(ascii: ascii)) || line.contains(" " + key.label(ascii: ascii) + " ")) }
            #expect(line.hasSuffix(binding.action.summary(ascii: ascii)))
        }
        let help = lines.joined(separator: "\n")
        for action in KeyAction.allCases { #expect(help.contains(action.summary(ascii: ascii))) }
        if ascii { #expect(help.unicodeScalars.allSatisfy { $0.isASCII }) }
    }

    @Test func helpOverlayIsBuiltFromTheKeyTable() {
        let box = OverlayBox.help(keymap: keymap, ascii: false)
        for line in keymap.helpLines(ascii: false) { #expect(box.lines.contains(line)) }
    }
}
