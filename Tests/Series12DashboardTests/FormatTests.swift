import Testing
@testable import Series12Dashboard

@Suite struct FormatTests {
    @Test func numbersUseTheSpecFormats() {
        #expect(Format.kappa(0.1) == "0.1000")
        #expect(Format.kappaTag(100000) == "100000_0000")
        #expect(Format.scientific(0.012345678901, digits: 6) == "1.234568e-02")
        #expect(Format.scientific(1.5e-5, digits: 2) == "1.50e-05")
        #expect(Format.scientific(.nan, digits: 2) == "NaN")
        #expect(Format.scientific(-.infinity, digits: 2) == "-Inf")
    }

    @Test func clocksReadHoursMinutesSeconds() {
        #expect(Format.clock(0) == "0:00:00")
        #expect(Format.clock(3723.9) == "1:02:03")
        #expect(Format.clock(-1) == "—")
        #expect(Format.eta(nil) == "—")
        #expect(Format.eta(59) == "0:00:59")
        #expect(Format.eta(0.7) == "0:00:01")
        #expect(Format.eta(59.2) == "0:01:00")
        #expect(Format.eta(0) == "0:00:00")
        #expect(Format.eta(100 * 3600) == ">99h")
    }

    @Test func ratesAndPercentages() {
        #expect(Format.rate(850) == "850/s")
        #expect(Format.rate(12_345) == "12.3k/s")
        #expect(Format.rate(1_250_000) == "1.25M/s")
        #expect(Format.rate(0) == "—")
        #expect(Format.percent(0.4321) == "43.2%")
        #expect(Format.percent(2) == "100.0%")
    }

    @Test func archiveNamesShortenToTheirKind() {
        #expect(Format.archiveKind("kappa_0_1000_data_20250101_120000.tar") == "data")
        #expect(Format.archiveKind("kappa_12_5000_history_20250101_120000.tar") == "history")
        #expect(Format.archiveKind("sweep_summary_20250101_120000.tar") == "sweep_summary_20250101_120000.tar")
    }

    @Test func driftThresholdsColourGreenYellowRed() {
        #expect(DriftSeverity(drift: 9.9e-5, measured: true) == .ok)
        #expect(DriftSeverity(drift: 1e-4, measured: true) == .warn)
        #expect(DriftSeverity(drift: 9.9e-3, measured: true) == .warn)
        #expect(DriftSeverity(drift: 1e-2, measured: true) == .bad)
        #expect(DriftSeverity(drift: .nan, measured: true) == .bad)
        #expect(DriftSeverity(drift: .infinity, measured: true) == .bad)
        #expect(DriftSeverity(drift: .nan, measured: false) == .unmeasured)
        #expect(DriftSeverity.ok.role == .ok && DriftSeverity.bad.role == .bad)
    }

    @Test func barsFillByEighthsOrWholeCells() {
        let u = ProgressBar.render(fraction: 0.5, width: 10, glyphs: .unicode)
        #expect(u.filled == "█████" && u.empty == "░░░░░")
        let partial = ProgressBar.render(fraction: 0.0625, width: 4, glyphs: .unicode)  // 2 eighths of 4 cells
        #expect(partial.filled == "▎" && partial.empty == "░░░")
        let a = ProgressBar.render(fraction: 0.99, width: 10, glyphs: .ascii)
        #expect(a.filled == "#########" && a.empty == "-")
        let full = ProgressBar.render(fraction: 1.5, width: 3, glyphs: .unicode)
        #expect(full.filled == "███" && full.empty.isEmpty)
        #expect(ProgressBar.render(fraction: .nan, width: 3, glyphs: .ascii).empty == "---")
    }

    @Test func widthsCountWideCharactersAndCutCleanly() {
        #expect(TestLocale.isUTF8)
        #expect(TextWidth.of("📦 data") == 7)
        #expect(TextWidth.of("κ=0.1") == 5)
        #expect(TextWidth.truncate("📦📦📦", to: 5) == "📦📦")
        #expect(TextWidth.truncate("abcdef", to: 4, ellipsis: "…") == "abc…")
        #expect(TextWidth.truncate("abc", to: 4, ellipsis: "…") == "abc")
        #expect(TextWidth.fit("7", to: 3, alignRight: true) == "  7")
        #expect(TextWidth.sanitized("  📦 x.tar\u{1b}[2J κ", ascii: true) == "  [tar] x.tar?[2J k")
        #expect(TextWidth.sanitized("a\tb", ascii: false) == "a b")
    }
}
