import Foundation
import Testing
@testable import Series12Dashboard

@Suite struct ThemeTests {
    /// `<repo>/themes`, found from this file's path.
    static let themes = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("themes").path

    func parse(_ json: String) throws(ThemeError) -> Theme {
        try Theme.parse(Array(json.utf8), name: "t", path: "/x/t.json")
    }

    @Test func shippedThemesAllLoad() throws {
        let names = Theme.available(directory: Self.themes)
        for required in ["default", "light", "mono", "okabe-ito"] { #expect(names.contains(required)) }
        for name in names {
            let theme = try Theme.load(name: name, directory: Self.themes)
            #expect(theme.name == name)
            #expect(!theme.summary.isEmpty)
        }
    }

    @Test func defaultFileEqualsTheBuiltInFallback() throws {
        #expect(try Theme.load(name: "default", directory: Self.themes) == Theme.standard)
        let mono = try Theme.load(name: "mono", directory: Self.themes)
        #expect(mono.styles == Theme.monochromeStandard.styles)
    }

    @Test func shippedThemesSetEveryRole() throws {
        for name in Theme.available(directory: Self.themes) {
            let text = try String(contentsOfFile: Self.themes + "/\(name).json", encoding: .utf8)
            for role in ColorRole.allCases { #expect(text.contains("\"\(role.rawValue)\""), "\(name) lacks \(role)") }
        }
    }

    @Test func colourNamesIndicesAndFlagsParse() throws {
        let theme = try parse(#"{"roles": {"ok": {"fg": 74, "bg": "bright-black", "bold": true, "underline": true}, "bad": {"fg": "default"}}}"#)
        #expect(theme.style(.ok) == RoleStyle(foreground: .index(74), background: .index(8), bold: true, underline: true))
        #expect(theme.style(.bad) == RoleStyle())
        // Roles left out keep the default theme's style.
        #expect(theme.style(.header) == Theme.standard.style(.header))
    }

    @Test func corruptJSONSaysWhereItBroke() {
        #expect {
            try parse(#"{"roles": {"ok": {"fg": "green",}}"#)
        } throws: { error in
            guard case let ThemeError.notJSON(path, _, _) = error else { return false }
            return path == "/x/t.json" && "\(error)".contains("not valid JSON at byte")
        }
    }

    @Test(arguments: [
        (#"{"roles": {"okay": {"fg": "green"}}}"#, "unknown role \"okay\""),
        (#"{"roles": {"ok": {"fg": "chartreuse"}}}"#, "\"ok.fg\" is \"chartreuse\", not a colour"),
        (#"{"roles": {"ok": {"fg": 256}}}"#, "\"ok.fg\" is 256, not a colour"),
        (#"{"roles": {"ok": {"bold": "yes"}}}"#, "\"ok.bold\" must be true or false"),
        (#"{"roles": {"ok": {"colour": "red"}}}"#, "unknown key \"ok.colour\""),
        (#"{"colours": {}}"#, "unknown key \"colours\""),
        (#"{"name": "x"}"#, "missing the \"roles\" object"),
        (#"[1, 2]"#, "top level must be an object"),
    ])
    func invalidThemesAreRejectedWithTheReason(json: String, reason: String) {
        do {
            _ = try parse(json)
            Issue.record("accepted \(json)")
        } catch {
            #expect("\(error)".contains(reason), "\(error)")
            #expect("\(error)".contains("/x/t.json"))
        }
    }

    @Test func missingThemeListsTheAvailableOnes() {
        do {
            _ = try Theme.load(name: "nope", directory: Self.themes)
            Issue.record("loaded a missing theme")
        } catch {
            #expect("\(error)".contains("no theme 'nope'"))
            #expect("\(error)".contains("okabe-ito"))
        }
        #expect(throws: ThemeError.invalidName("../etc/passwd")) { try Theme.load(name: "../etc/passwd", directory: Self.themes) }
    }

    @Test func coloursBeyondTheTerminalFallBackToTheNearestOfEight() {
        #expect(ThemeColor.index(74).cursesNumber(terminalColors: 256) == 74)
        #expect(ThemeColor.index(9).cursesNumber(terminalColors: 8) == 1)      // bright red → red
        #expect(ThemeColor.index(196).cursesNumber(terminalColors: 8) == 1)    // ff0000 → red
        #expect(ThemeColor.index(214).cursesNumber(terminalColors: 8) == 3)    // ffaf00 → yellow
        #expect(ThemeColor.index(25).cursesNumber(terminalColors: 8) == 4)     // 005faf → blue
        #expect(ThemeColor.index(255).cursesNumber(terminalColors: 8) == 7)    // light grey → white
        #expect(ThemeColor.index(3).cursesNumber(terminalColors: 0) == -1)
        #expect(ThemeColor.terminalDefault.cursesNumber(terminalColors: 256) == -1)
    }

    @Test func monochromeKeepsAttributesOnly() {
        let mono = Theme.standard.monochrome
        for role in ColorRole.allCases {
            #expect(mono.style(role).foreground == .terminalDefault)
            #expect(mono.style(role).background == .terminalDefault)
            #expect(mono.style(role).bold == Theme.standard.style(role).bold)
        }
    }
}
