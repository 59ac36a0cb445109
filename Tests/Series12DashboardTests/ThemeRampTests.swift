import Testing
@testable import Series12Dashboard

@Suite struct ThemeRampTests {
    @Test func shippedThemesCarryTheirRamps() throws {
        let standard = try Theme.load(name: "default", directory: ThemeTests.themes)
        #expect(standard.ramp == Theme.infernoRamp && standard.ramp8 == Theme.infernoRamp8)
        #expect(standard.heatColors(terminalColors: 256) == Theme.infernoRamp)
        #expect(standard.heatColors(terminalColors: 8) == Theme.infernoRamp8)
        #expect(standard.heatColors(terminalColors: 0).isEmpty)
        let mono = try Theme.load(name: "mono", directory: ThemeTests.themes)
        #expect(mono.heatColors(terminalColors: 256).isEmpty)
        #expect(Theme.monochromeStandard.heatColors(terminalColors: 256).isEmpty)
        let okabe = try Theme.load(name: "okabe-ito", directory: ThemeTests.themes)
        #expect(okabe.ramp.count >= 8 && okabe.ramp8.allSatisfy { (0...7).contains($0) })
    }

    @Test(arguments: [
        (#"{"roles": {}, "ramp": [16]}"#, "at least two colours"),
        (#"{"roles": {}, "ramp": [16, 300]}"#, "holds 300"),
        (#"{"roles": {}, "ramp8": ["black", 9]}"#, "holds 9"),
        (#"{"roles": {}, "ramp": ["black", "default"]}"#, "holds \"default\""),
        (#"{"roles": {}, "ramp": "inferno"}"#, "must be an array"),
    ])
    func badRampsAreExplained(json: String, expected: String) {
        #expect(throws: ThemeError.self) { try Theme.parse(Array(json.utf8), name: "t", path: "t.json") }
        do {
            _ = try Theme.parse(Array(json.utf8), name: "t", path: "t.json")
        } catch {
            #expect("\(error)".contains(expected), "\(error)")
        }
    }

    @Test func rampsAcceptNamesAndIndices() throws {
        let t = try Theme.parse(Array(#"{"roles": {}, "ramp": ["black", 17, "bright-white"], "ramp8": []}"#.utf8), name: "t", path: "t.json")
        #expect(t.ramp == [0, 17, 15] && t.ramp8.isEmpty)
        #expect(t.heatColors(terminalColors: 8).isEmpty)
    }
}
