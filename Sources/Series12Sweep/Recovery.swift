import Foundation
import Series12Core
import Series12Retention

/// `series12 recover` (SPEC §7): rebuilds the data, history and summary archives of every κ,
/// and the tier-3 summary, from tier-1 lines alone. `rebuild(text:)` is pure (text in, runs
/// out); `write(_:to:sweep:force:)` (Recovery+Writing.swift) puts them on disk.
///
/// Which stamp a `Step`/`Done` line belongs to: the stamp of the latest `Run` line of its κ
/// before it (a log of several sweeps, or a resumed one, keeps its order); failing that the
/// first `Run` line of its κ anywhere; failing that, when the text holds a single stamp, that
/// one (the `Run` line scrolled off the screen).
public enum Recovery {
    /// Reads `text` and rebuilds every run it can.
    public static func rebuild(text: String) -> RecoveryResult {
        let transcript = RecoveryTranscript(text: text)
        var notes = transcript.notes
        var firstStamp: [String: String] = [:]
        for entry in transcript.entries {
            if case let .run(stamp, kappa, _, _, _, _, _, _) = entry.logLine, firstStamp[LogLine.k4(kappa)] == nil {
                firstStamp[LogLine.k4(kappa)] = stamp
            }
        }
        let allStamps = Set(firstStamp.values)
        var current: [String: String] = [:]
        var groups: [Key: Gathered] = [:]
        var orphans: [String: (kappa: Double, count: Int)] = [:]
        var logs: [String: [String]] = [:]
        var logged: Set<String> = []
        for entry in transcript.entries {
            let kappa = kappa(of: entry.logLine)
            let tag = LogLine.k4(kappa)
            if case let .run(stamp, _, _, _, _, _, _, _) = entry.logLine { current[tag] = stamp }
            guard let stamp = current[tag] ?? firstStamp[tag] ?? (allStamps.count == 1 ? allStamps.first : nil) else {
                orphans[tag, default: (kappa, 0)].count += 1
                continue
            }
            let text = entry.logLine.text
            if logged.insert(stamp + "\n" + text).inserted { logs[stamp, default: []].append(text) }
            groups[Key(stamp: stamp, tag: tag), default: Gathered(kappa: kappa)].add(entry, stamp: stamp)
        }
        for (_, orphan) in orphans.sorted(by: { $0.key < $1.key }) {
            notes.append(.stepsWithoutRun(kappa: orphan.kappa, lines: orphan.count))
        }
        var runs: [RecoveryRun] = []
        for key in groups.keys.sorted() {
            guard let gathered = groups[key] else { continue }
            let siblings = groups.filter { $0.key.stamp == key.stamp && $0.key != key }.values.compactMap(\.run)
            switch gathered.build(stamp: key.stamp, siblings: siblings) {
            case let .success(run): runs.append(run)
            case let .failure(reason): notes += gathered.notes + [reason.note]
            }
        }
        return RecoveryResult(runs: runs, notes: notes, logs: logs, linesRead: transcript.entries.count)
    }

    /// True when c = 1 and cfl = 0.5 (the sweep defaults) with the default gaussian reproduce
    /// `dt` through the stable-step rule of SPEC §1 (to 1e-9 relative: the rule, not luck).
    public static func defaultsReproduce(dt: Double, kappa: Double, n: Int, length: Double) -> Bool {
        dt.isFinite && n > 0 && abs(defaultTimeStep(kappa: kappa, n: n, length: length) - dt) <= 1e-9 * abs(dt)
    }

    /// `ν·2/ω_max` with c = 1, ν = 0.5 and the default gaussian's largest `U:U` on the grid's
    /// cell centres (the centre nearest the origin; `U:U = g²(1 + 2·0.5² + 0.3²)`).
    static func defaultTimeStep(kappa: Double, n: Int, length: Double) -> Double {
        let grid = Grid(n: n, length: length)
        var nearest = Double.infinity
        for i in 0..<n { nearest = min(nearest, abs(grid.centre(i))) }
        var contraction = 0.0
        if case let .gaussian(amplitude, sigma) = InitialCondition.default {
            let g = amplitude * exp(-(2 * nearest * nearest) / (2 * sigma * sigma))
            contraction = (g * g + 0.09 * g * g) + 2 * 0.25 * g * g
        }
        return StableStep.timeStep(cfl: 0.5, cMax: 1, dx: grid.dx, kappa: kappa, maxContraction: contraction)
    }
}

extension Recovery {
    /// The κ every tier-1 line carries.
    static func kappa(of line: LogLine) -> Double {
        switch line {
        case let .run(_, kappa, _, _, _, _, _, _), let .baseline(_, _, kappa), let .sample(_, _, _, kappa),
             let .done(kappa, _, _, _, _, _, _):
            return kappa
        }
    }

    /// A (stamp, κ) pair; κ compared by its four-decimal tag, as file names do.
    struct Key: Hashable, Comparable {
        var stamp: String
        var tag: String
        static func < (a: Key, b: Key) -> Bool {
            (a.stamp, Double(a.tag) ?? 0, a.tag) < (b.stamp, Double(b.tag) ?? 0, b.tag)
        }
    }

    /// The `Run` line's parameters.
    struct RunLine: Equatable {
        var kappa: Double, n: Int, length: Double, dx: Double, dt: Double, steps: Int, every: Int
    }

    /// The `Done` line's values.
    struct DoneLine: Equatable {
        var status: String, steps: Int, H0: Double, Hf: Double, elapsed: Double
    }

    /// Why a (stamp, κ) found in the text gives no run.
    struct NotRecovered: Error {
        var note: RecoveryNote
    }

    /// The lines of one (stamp, κ), duplicates dropped, conflicts noted.
    struct Gathered {
        var kappa: Double
        var run: RunLine?
        var samples: [Int: Double] = [:]
        var done: DoneLine?
        /// Conflicts found while gathering.
        var notes: [RecoveryNote] = []

        init(kappa: Double) { self.kappa = kappa }

        mutating func add(_ entry: RecoveryTranscript.Entry, stamp: String) {
            switch entry.logLine {
            case let .run(_, kappa, n, length, dx, dt, steps, every):
                let line = RunLine(kappa: kappa, n: n, length: length, dx: dx, dt: dt, steps: steps, every: every)
                if let run, !same(run, line) { notes.append(.conflictingRun(stamp: stamp, kappa: kappa, line: entry.line)) }
                if run == nil { run = line }
            case let .baseline(step, h, _), let .sample(step, h, _, _):
                if let kept = samples[step] {
                    if !sameValue(kept, h) {
                        notes.append(.conflictingStep(stamp: stamp, kappa: kappa, step: step, kept: kept, other: h, line: entry.line))
                    }
                } else {
                    samples[step] = h
                }
            case let .done(_, status, steps, h0, hf, _, elapsed):
                let line = DoneLine(status: status, steps: steps, H0: h0, Hf: hf, elapsed: elapsed)
                guard let done else { self.done = line; return }
                // A resumed run prints a later Done line: the one with more steps wins.
                if steps > done.steps {
                    self.done = line
                } else if steps == done.steps, !same(done, line) {
                    notes.append(.conflictingDone(stamp: stamp, kappa: kappa, line: entry.line))
                }
            }
        }

        private func sameValue(_ a: Double, _ b: Double) -> Bool { a.bitPattern == b.bitPattern || (a.isNaN && b.isNaN) }

        private func same(_ a: RunLine, _ b: RunLine) -> Bool {
            a.n == b.n && a.steps == b.steps && a.every == b.every && sameValue(a.length, b.length)
                && sameValue(a.dx, b.dx) && sameValue(a.dt, b.dt)
        }

        private func same(_ a: DoneLine, _ b: DoneLine) -> Bool {
            a.status == b.status && sameValue(a.H0, b.H0) && sameValue(a.Hf, b.Hf) && sameValue(a.elapsed, b.elapsed)
        }

        /// The run's record and history, or why there is none.
        func build(stamp: String, siblings: [RunLine]) -> Result<RecoveryRun, NotRecovered> {
            var notes = self.notes
            guard !samples.isEmpty || done != nil else {
                return .failure(NotRecovered(note: .runWithoutSteps(stamp: stamp, kappa: kappa)))
            }
            guard let params = run ?? borrowed(from: siblings, stamp: stamp, notes: &notes) else {
                return .failure(NotRecovered(note: .stepsWithoutRun(kappa: kappa, lines: samples.count + (done == nil ? 0 : 1))))
            }
            var samples = self.samples
            if samples[0] == nil {
                guard let done else { return .failure(NotRecovered(note: .noBaseline(stamp: stamp, kappa: kappa))) }
                samples[0] = done.H0
                notes.append(.baselineFromDone(stamp: stamp, kappa: kappa))
            }
            let h0 = samples[0] ?? .nan
            if let done, ["done", "unstable"].contains(done.status), done.steps > 0, samples[done.steps] == nil {
                samples[done.steps] = done.Hf
                notes.append(.finalSampleFromDone(stamp: stamp, kappa: kappa, step: done.steps))
            }
            let steps = samples.keys.sorted()
            var history = History()
            var maxDrift = 0.0
            for step in steps {
                let h = samples[step] ?? .nan
                let drift = Hamiltonian.drift(h, from: h0)
                history.append(step: step, t: Double(step) * params.dt, H: h, drift: drift, dx: params.dx, dt: params.dt)
                if step > 0 { maxDrift = drift.isFinite ? max(maxDrift, drift) : .infinity }
            }
            let lastStep = steps.last ?? 0
            if let done {
                var disagreements: [String] = []
                if !sameValue(done.H0, h0) { disagreements.append("H0 \(LogLine.c(done.H0, "%.8e")) vs Step 0 \(LogLine.c(h0, "%.8e"))") }
                if let h = self.samples[done.steps], !sameValue(done.Hf, h) {
                    disagreements.append("Hf \(LogLine.c(done.Hf, "%.8e")) vs Step \(done.steps) \(LogLine.c(h, "%.8e"))")
                }
                if !disagreements.isEmpty {
                    notes.append(.doneDisagrees(stamp: stamp, kappa: kappa, detail: disagreements.joined(separator: "; ")))
                }
            } else {
                notes.append(.noDoneLine(stamp: stamp, kappa: kappa, lastStep: lastStep))
            }
            let status = done?.status ?? "interrupted"
            let missing = missingSamples(have: Set(steps), every: params.every, upTo: done?.steps ?? lastStep,
                                         lastIsSample: status == "done" || status == "unstable")
            if !missing.isEmpty { notes.append(.missingSamples(stamp: stamp, kappa: kappa, steps: missing)) }
            let fromDefaults = Recovery.defaultsReproduce(dt: params.dt, kappa: kappa, n: params.n, length: params.length)
            if !fromDefaults { notes.append(.unknownWaveSpeed(stamp: stamp, kappa: kappa)) }
            let hf = done?.Hf ?? history.H.last ?? .nan
            let record = RunRecord(
                kappa: kappa, H0: h0, Hf: hf, drift: Hamiltonian.drift(hf, from: h0), maxDrift: maxDrift,
                elapsed: done?.elapsed ?? 0, stepsDone: lastStep, status: status,
                angularMomentumInitial: [.nan, .nan, .nan], angularMomentumFinal: [.nan, .nan, .nan],
                parameters: RunParameters(N: params.n, L: params.length, dx: params.dx, dt: params.dt,
                                          c: fromDefaults ? 1 : .nan, cfl: fromDefaults ? 0.5 : .nan,
                                          steps: params.steps, every: params.every,
                                          initialCondition: InitialCondition.default.name),
                stamp: stamp, version: Series12Version.string, recovered: true)
            return .success(RecoveryRun(record: record, history: history, notes: notes, waveSpeedFromDefaults: fromDefaults))
        }

        /// Sweep-wide parameters from another κ's `Run` line; dt by the stable-step rule when
        /// the defaults reproduce the other κs' dt, or their common dt when they share one (an
        /// explicit `--dt`), else NaN.
        private func borrowed(from siblings: [RunLine], stamp: String, notes: inout [RecoveryNote]) -> RunLine? {
            guard let other = siblings.first else { return nil }
            var dt = Double.nan
            if siblings.allSatisfy({ Recovery.defaultsReproduce(dt: $0.dt, kappa: $0.kappa, n: $0.n, length: $0.length) }) {
                dt = Recovery.defaultTimeStep(kappa: kappa, n: other.n, length: other.length)
            } else if siblings.count >= 2, siblings.allSatisfy({ $0.dt == other.dt }) {
                dt = other.dt
            }
            notes.append(.borrowedParameters(stamp: stamp, kappa: kappa, dtKnown: dt.isFinite))
            return RunLine(kappa: kappa, n: other.n, length: other.length, dx: other.dx, dt: dt, steps: other.steps, every: other.every)
        }

        /// Sample steps `0, every, 2·every, … ≤ upTo` (and `upTo` itself when it is the last
        /// sample) absent from `have`. Stops counting after a million expected samples.
        private func missingSamples(have: Set<Int>, every: Int, upTo: Int, lastIsSample: Bool) -> [Int] {
            guard every >= 1, upTo >= 0 else { return [] }
            var missing: [Int] = []
            var step = 0
            var count = 0
            while step <= upTo && count < 1_000_000 {
                if !have.contains(step) { missing.append(step) }
                step += every
                count += 1
            }
            if lastIsSample, upTo % every != 0, !have.contains(upTo) { missing.append(upTo) }
            return missing
        }
    }
}
