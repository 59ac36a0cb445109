import Testing
@testable import Series12Retention

@Suite struct OutcomeLineTests {
    @Test func createdFailedAndSavedLinesMatchTheSpecExactly() {
        let ok = ArchiveOutcome(name: "kappa_0_1000_data_20260704_120000.tar", bytes: 2048)
        let bad = ArchiveOutcome.failed("kappa_0_1000_history_20260704_120000.tar", "No space left on device while writing x")
        #expect(OutcomeLine.archive(ok) == "  📦 kappa_0_1000_data_20260704_120000.tar created (2048 bytes)")
        #expect(OutcomeLine.archive(bad)
            == "  ❌ kappa_0_1000_history_20260704_120000.tar NOT CREATED! (No space left on device while writing x)")
        #expect(OutcomeLine.json(name: "t.json", bytes: 17) == "  📄 t.json saved (17 bytes)")
    }

    @Test func asciiModeUsesBracketedMarks() {
        let ok = ArchiveOutcome(name: "a.tar", bytes: 1)
        #expect(OutcomeLine.archive(ok, ascii: true) == "  [tar] a.tar created (1 bytes)")
        #expect(OutcomeLine.archive(.failed("a.tar", "why"), ascii: true) == "  [FAIL] a.tar NOT CREATED! (why)")
        #expect(OutcomeLine.json(name: "t.json", bytes: 2, ascii: true) == "  [json] t.json saved (2 bytes)")
    }
}
