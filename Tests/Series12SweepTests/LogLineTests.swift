import Testing
import Series12Sweep

@Suite("Tier-1 line formats")
struct LogLineTests {
    @Test func linesHaveTheExactSpecFormats() {
        #expect(LogLine.run(stamp: "20260704_120000", kappa: 0.1, n: 256, length: 1, dx: 0.00390625, dt: 0.0013810679320049757,
                            steps: 20000, every: 500).text
            == "Run 20260704_120000 | kappa=0.1000 | N=256 | L=1 | dx=0.00390625 | dt=0.0013810679320049757 | steps=20000 | every=500")
        #expect(LogLine.baseline(step: 0, H: 34.1578833, kappa: 0.1).text == "Step 0 | H: 3.41578833e+01 | Baseline | kappa=0.1000")
        #expect(LogLine.sample(step: 500, H: 57.8078499, drift: 4.3601e-3, kappa: 0.1).text
            == "Step 500 | H: 5.78078499e+01 | Drift: 4.3601e-03 | kappa=0.1000")
        #expect(LogLine.done(kappa: 2, status: "done", steps: 20000, H0: 1, Hf: 1.5, drift: 0.5, elapsed: 12.345).text
            == "Done kappa=2.0000 | status=done | steps=20000 | H0: 1.00000000e+00 | Hf: 1.50000000e+00 | drift: 5.0000e-01 | elapsed: 12.35 s")
    }

    @Test func everyLineParsesBackToItself() {
        let lines: [LogLine] = [
            .run(stamp: "20260704_120000", kappa: 5, n: 64, length: 2.5, dx: 2.5 / 64, dt: 1.0 / 3, steps: 7, every: 3),
            .baseline(step: 0, H: 2.38073037, kappa: 0.5),
            .sample(step: 1500, H: 2.1e-3, drift: 1.2345e-2, kappa: 12.25),
            .done(kappa: 0.1, status: "unstable", steps: 70, H0: 1, Hf: .infinity, drift: .infinity, elapsed: 0.5),
        ]
        for line in lines {
            #expect(LogLine.parse(line.text)?.text == line.text)
            #expect(LogLine.parse("│ junk before " + line.text + "   ")?.text == line.text)
        }
    }

    @Test func truncatedOrUnrelatedLinesDoNotParse() {
        #expect(LogLine.parse("Step 500 | H: 5.78078499e+01 | Drift: 4.3601e-03 | kappa=0.10") == nil)
        #expect(LogLine.parse("Step 500 | H: 5.780784") == nil)
        #expect(LogLine.parse("Traceback (most recent call last):") == nil)
        #expect(LogLine.parse("") == nil)
    }
}
