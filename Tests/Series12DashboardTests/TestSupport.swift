import Foundation
import Synchronization
import Series12Sweep
@testable import Series12Dashboard

/// wcwidth needs a UTF-8 locale; the test process starts in "C".
enum TestLocale {
    static let isUTF8: Bool = { setlocale(LC_ALL, "C.UTF-8") != nil }()
}

/// A sweep that does nothing by itself: tests set its snapshot and field pictures and read the
/// commands and field-watch requests it got.
final class FakeSweep: SweepSource {
    private struct State {
        var snapshot: SweepSnapshot
        var commands: [SweepCommand] = []
        var frames: [Int: FieldFrame] = [:]
        var watched: [Int?] = []
    }
    private let state: Mutex<State>
    let log = Tier1Log(echo: false)
    let keepsFields: Bool

    init(_ snapshot: SweepSnapshot, keepsFields: Bool = true) {
        state = Mutex(State(snapshot: snapshot))
        self.keepsFields = keepsFields
    }

    func snapshot() -> SweepSnapshot { state.withLock { $0.snapshot } }
    func perform(_ command: SweepCommand) { state.withLock { $0.commands.append(command) } }
    func fieldFrame(of index: Int) -> FieldFrame? { state.withLock { $0.frames[index] } }
    func watchFields(of index: Int?) { state.withLock { $0.watched.append(index) } }

    var commands: [SweepCommand] { state.withLock { $0.commands } }
    /// Every `watchFields` request, in order.
    var watched: [Int?] { state.withLock { $0.watched } }
    func update(_ change: (inout SweepSnapshot) -> Void) { state.withLock { change(&$0.snapshot) } }
    func setFrame(_ frame: FieldFrame?, of index: Int) { state.withLock { $0.frames[index] = frame } }
}

/// A field picture whose every quantity has the values `values` (`side²`, row 0 the lowest y),
/// with min and max taken from them.
func frame(kappa: Double = 0.1, step: Int = 500, t: Double = 0.69, side: Int, values: [Float]) -> FieldFrame {
    let q = FieldQuantity.allCases.count
    let low = Double(values.min() ?? .nan), high = Double(values.max() ?? .nan)
    return FieldFrame(kappa: kappa, step: step, t: t, gridSide: side, side: side,
                      planes: Array((0..<q).map { _ in values }.joined()),
                      minimum: Array(repeating: low, count: q), maximum: Array(repeating: high, count: q),
                      nonFinite: Array(repeating: 0, count: q))
}

func run(_ kappa: Double, _ status: RunStatus, step: Int = 0, steps: Int = 20000, drift: Double = .nan,
         history: [Double] = []) -> RunSnapshot {
    var r = RunSnapshot(kappa: kappa, steps: steps)
    r.status = status
    r.step = step
    r.drift = drift
    r.maxDrift = drift
    r.driftHistory = history
    if !history.isEmpty { r.H0 = 1; r.H = 1 }
    return r
}

func sweep(_ runs: [RunSnapshot]) -> SweepSnapshot {
    SweepSnapshot(name: "sweep", stamp: "20250101_120000", n: 64, length: 1, elapsed: 3723, jobs: 2, runs: runs)
}

extension CellGrid {
    func row(_ y: Int) -> String { text(ofRow: y) }
    var text: String { (0..<height).map(row).joined(separator: "\n") }
    func role(y: Int, x: Int) -> ColorRole { style(y: y, x: x).role }
}
