import Testing
@testable import Series12Dashboard

@Suite struct TableLayoutTests {
    @Test func eightyColumnsKeepKappaStatusProgressAndDrift() {
        let layout = TableLayout(width: 80, kappaWidth: 6, maxSteps: 200_000)
        for c in TableColumn.alwaysShown { #expect(layout.columns.contains(c), "\(c) missing at 80 columns") }
        #expect(!layout.columns.contains(.sparkline))
        #expect(!layout.columns.contains(.archive))
        #expect(layout.usedWidth <= 80)
    }

    @Test func eightyColumnsStillFitWithAHugeKappaAndStepCount() {
        let layout = TableLayout(width: 80, kappaWidth: 11, maxSteps: 2_000_000)
        for c in TableColumn.alwaysShown { #expect(layout.columns.contains(c)) }
        #expect(layout.usedWidth <= 80)
        #expect(layout.barWidth >= TableLayout.minBar)
    }

    @Test func oneHundredTwentyColumnsShowEveryColumnForTheDefaultSweep() {
        let layout = TableLayout(width: 120, kappaWidth: 6, maxSteps: 20000)
        #expect(Set(layout.columns) == Set(TableColumn.allCases))
        #expect(layout.columns.contains(.time))
        #expect(layout.columns.contains(.sparkline))
        #expect(layout.columns.contains(.archive))
        #expect(layout.columns.contains(.hamiltonian))
        #expect(layout.columns.contains(.eta))
        #expect(layout.usedWidth <= 120)
    }

    @Test func columnsKeepScreenOrderAndDoNotOverlap() {
        for width in [80, 100, 120, 160, 250] {
            let layout = TableLayout(width: width, kappaWidth: 6, maxSteps: 20000)
            let order = TableColumn.allCases
            let positions = layout.columns.compactMap { order.firstIndex(of: $0) }
            #expect(positions == positions.sorted())
            for (a, b) in zip(layout.slots, layout.slots.dropFirst()) {
                #expect(a.x + a.width + TableLayout.gap == b.x)
            }
            #expect(layout.usedWidth <= width)
        }
    }

    @Test func widerTerminalsNeverLoseColumns() {
        var previous = Set<TableColumn>()
        for width in stride(from: 80, through: 200, by: 5) {
            let now = Set(TableLayout(width: width, kappaWidth: 6, maxSteps: 20000).columns)
            #expect(previous.isSubset(of: now), "width \(width) dropped \(previous.subtracting(now))")
            previous = now
        }
        #expect(previous == Set(TableColumn.allCases))
    }

    @Test func progressColumnHoldsStepTextAndBar() {
        let layout = TableLayout(width: 120, kappaWidth: 6, maxSteps: 20000)
        #expect(layout.stepTextWidth == "20000/20000".count)
        let slot = layout.slot(.progress)
        #expect(slot.map { $0.width == layout.barWidth + 1 + layout.stepTextWidth } == true)
        #expect(layout.barWidth <= TableLayout.maxBar)
    }

    @Test func screenLayoutStacksPanelsWithoutGapsAt80x24() {
        let l = ScreenLayout(height: 24, width: 80, runCount: 5)
        #expect(l.header.y == 0)
        #expect(l.columnTitles.y == 1)
        #expect(l.table.y == 2 && l.table.height == 5)
        #expect(l.logTitle.y == l.table.bottom)
        #expect(l.log.y == l.logTitle.bottom)
        #expect(l.log.bottom == l.status.y)
        #expect(l.status.y == 23)
        #expect(l.log.height >= ScreenLayout.minLogLines)
    }

    @Test func manyKappasLeaveTheLogItsMinimumAndScroll() {
        let l = ScreenLayout(height: 24, width: 80, runCount: 40)
        #expect(l.log.height == ScreenLayout.minLogLines)
        #expect(l.table.height == 24 - 4 - ScreenLayout.minLogLines)
        #expect(TableScroll.top(current: 0, selected: 39, count: 40, capacity: l.table.height) == 40 - l.table.height)
        #expect(TableScroll.top(current: 20, selected: 3, count: 40, capacity: 14) == 3)
        #expect(TableScroll.top(current: 5, selected: 10, count: 40, capacity: 14) == 5)
        #expect(TableScroll.top(current: 30, selected: 0, count: 5, capacity: 14) == 0)
    }

    @Test func smallTerminalsAreRecognised() {
        #expect(ScreenLayout.fits(height: 24, width: 80))
        #expect(!ScreenLayout.fits(height: 23, width: 200))
        #expect(!ScreenLayout.fits(height: 50, width: 79))
    }
}
