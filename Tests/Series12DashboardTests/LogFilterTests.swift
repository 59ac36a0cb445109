import Testing
@testable import Series12Dashboard

@Suite struct LogFilterTests {
    let log = [
        "Run 20250101_120000 | kappa=0.1000 | N=64 | L=1 | dx=0.015625 | dt=0.0055242717280199029 | steps=200 | every=50",
        "Run 20250101_120000 | kappa=10.1000 | N=64 | L=1 | dx=0.015625 | dt=0.0055 | steps=200 | every=50",
        "Step 0 | H: 1.23456789e-02 | Baseline | kappa=0.1000",
        "Step 50 | H: 1.23456789e-02 | Drift: 1.0000e-09 | kappa=0.10001",
        "Step 50 | H: 1.23456789e-02 | Drift: 1.0000e-09 | kappa=10.1000",
        "Step 50 | H: 1.23456789e-02 | Drift: 1.0000e-09 | kappa=0.5000",
        "Done kappa=0.1000 | status=done | steps=200 | H0: 1.2e-02 | Hf: 1.2e-02 | drift: 1.0e-09 | elapsed: 0.50 s",
        "  📄 data.json saved (812 bytes)",
        "  📦 kappa_0_1000_data_20250101_120000.tar created (10240 bytes)",
        "  📦 kappa_10_1000_data_20250101_120000.tar created (10240 bytes)",
        "  ❌ kappa_0_1000_fields_20250101_120000.tar NOT CREATED! (disk full)",
        "  [tar] kappa_0_1000_history_20250101_120000.tar created (2048 bytes)",
        "  📦 sweep_summary_20250101_120000.tar created (4096 bytes)",
    ]

    @Test func keepsExactlyTheLinesOfTheSelectedKappa() {
        let filter = KappaLogFilter(kappa: 0.1)
        let kept = log.indices.filter { filter.matches(log[$0]) }
        #expect(kept == [0, 2, 6, 8, 10, 11])
    }

    @Test func anotherKappaGetsItsOwnLines() {
        let filter = KappaLogFilter(kappa: 10.1)
        #expect(log.indices.filter { filter.matches(log[$0]) } == [1, 4, 9])
        #expect(KappaLogFilter(kappa: 0.5).tag == "kappa_0_5000_")
    }

    @Test func paneFollowsNewLinesAndHoldsStillWhenScrolledBack() {
        var pane = LogPaneState()
        pane.append((0..<30).map { "line \($0)" })
        #expect(pane.window(height: 5) == ["line 25", "line 26", "line 27", "line 28", "line 29"])
        pane.pageBack(height: 5)
        #expect(!pane.isFollowing)
        let before = pane.window(height: 5)
        #expect(before.last == "line 25")
        pane.append(["line 30", "line 31"])
        #expect(pane.window(height: 5) == before)
        pane.scrollToOldest(height: 5)
        #expect(pane.window(height: 5).first == "line 0")
        pane.pageBack(height: 5)
        #expect(pane.window(height: 5).first == "line 0")
        pane.follow()
        #expect(pane.window(height: 5).last == "line 31")
        pane.pageForward(height: 5)
        #expect(pane.isFollowing)
    }

    @Test func filteringTheLogPaneShowsOneKappaAndResetsToFollow() {
        var pane = LogPaneState()
        pane.append(log)
        pane.pageBack(height: 3)
        pane.setFilter(KappaLogFilter(kappa: 0.1))
        #expect(pane.isFollowing)
        #expect(pane.shown.count == 6)
        #expect(pane.window(height: 2) == [log[10], log[11]])
        pane.append(["Step 100 | H: 1 | Drift: 2 | kappa=0.5000", "Step 100 | H: 1 | Drift: 2 | kappa=0.1000"])
        #expect(pane.window(height: 1) == ["Step 100 | H: 1 | Drift: 2 | kappa=0.1000"])
        pane.setFilter(nil)
        #expect(pane.shown.count == log.count + 2)
    }

    @Test func shortLogsSitAtTheTop() {
        var pane = LogPaneState()
        pane.append(["a", "b"])
        #expect(pane.window(height: 10) == ["a", "b"])
        #expect(pane.window(height: 0) == [])
    }
}

@Suite("Log filter of a validation row")
struct ValidationRowFilterTests {
    @Test func aTestRowKeepsItsOwnLinesOnly() throws {
        let filter = try #require(KappaLogFilter(label: "2 hamiltonian"))
        #expect(filter.matches("Test 2 hamiltonian | max_drift=1.14e-03 (≤ 2e-3) | PASS | 7.6 s"))
        #expect(filter.matches("  📦 test2_hamiltonian_20261204_180514.tar created (3072 bytes)"))
        #expect(!filter.matches("Test 21 other | PASS"))
        #expect(!filter.matches("  📦 test3_interface_20261204_180514.tar created (2560 bytes)"))
        #expect(KappaLogFilter(label: "hamiltonian") == nil)
    }
}
