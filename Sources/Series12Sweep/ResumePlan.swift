import Foundation
import Series12Retention

/// What `series12 resume --stamp S` finds in a directory: which κs must continue from their
/// fields checkpoint, which are finished, and the sweep they belong to.
///
/// A κ killed before its first fields checkpoint has nothing to continue from; its initial
/// condition and time step are known (its data.json, or its `Run` line and the sweep's other
/// κs), so it is restarted from t = 0 — never silently: `restarted` lists it for a line on
/// stderr, and it ends bit for bit where an uninterrupted run would. A κ whose checkpoint is
/// unreadable or does not match its recorded grid and parameters is refused with a line saying so.
public struct ResumePlan: Sendable {
    public var configuration: SweepConfiguration
    public var stamp: String
    public var plans: [RunPlan]
    public var finished: [RunRecord]
    /// Temporary files of a killed writer that were removed.
    public var removedTemporaries: [String]
    /// Earlier tier-1 lines (the log file), so tier 3's log.txt stays whole.
    public var earlierLog: [String]
    /// κs that had no fields checkpoint yet and start again from t = 0, with why.
    public var restarted: [(kappa: Double, reason: String)] = []

    /// A κ to step again: from its checkpoint, or (`start` nil) from t = 0 with the `dt` it had.
    struct Continuation {
        var kappa: Double
        var dt: Double
        var n: Int, steps: Int, every: Int
        var start: RunPlan.ResumePoint?
    }

    /// Reads the stamp's archives in `directory`.
    /// - Parameter only: a κ tag (`0_1000`): plan that κ alone (a cluster array task run
    ///   again, while other tasks may still be writing theirs).
    public static func load(directory: String, stamp: String, jobs: Int?, only: String? = nil) throws(UsageError) -> ResumePlan {
        try SweepConfiguration.checkOutputDirectory(directory)
        guard LogLine.isStamp(stamp) else { throw UsageError("--stamp must look like YYYYMMDD_HHMMSS, got '\(stamp)'") }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
        let prefix = only.map { "kappa_\($0)_" } ?? "kappa_"
        let dataNames = names.filter { $0.hasSuffix("_data_\(stamp).tar") && $0.hasPrefix(prefix) }
        let fieldNames = names.filter { $0.hasSuffix("_fields_\(stamp).tar") && $0.hasPrefix(prefix) }
        guard !dataNames.isEmpty || !fieldNames.isEmpty else {
            throw UsageError("no archives of stamp \(stamp) in '\(directory)'; check --stamp and --out (series12 verify lists the stamps)")
        }
        // Another task's temporaries may be in flight on another node: leave them to combine.
        let removed = only == nil ? AtomicArchive.cleanStaleTemporaries(in: directory) : []
        let sweepName = names.compactMap { n -> String? in
            let suffix = "_summary_\(stamp).tar"
            guard n.hasSuffix(suffix), !n.hasPrefix("kappa_") else { return nil }
            return String(n.dropLast(suffix.count))
        }.first ?? names.compactMap { n -> String? in
            let suffix = "_log_\(stamp).txt"
            return n.hasSuffix(suffix) ? String(n.dropLast(suffix.count)) : nil
        }.first ?? TaskLogs.find(in: directory, stamp: stamp).first?.sweep ?? "sweep"

        var tags = Set<String>()
        for n in dataNames + fieldNames { tags.insert(kappaTag(of: n)) }
        var pending: [Continuation] = []
        var restarted: [(kappa: Double, reason: String)] = []
        var finished: [RunRecord] = []
        var reference: RunParameters?
        for tag in tags.sorted(by: { (Double($0.replacingOccurrences(of: "_", with: ".")) ?? 0) < (Double($1.replacingOccurrences(of: "_", with: ".")) ?? 0) }) {
            let record = try readRecord(directory, "kappa_\(tag)_data_\(stamp).tar", tag: tag)
            if let record { reference = reference ?? record.parameters }
            if let record, let status = RunStatus(rawValue: record.status), status == .done || status == .unstable || status == .failed {
                finished.append(record)
                continue
            }
            guard let record else {
                throw UsageError("kappa tag \(tag): no readable data archive kappa_\(tag)_data_\(stamp).tar to resume from; try 'series12 recover' with the log")
            }
            let p = record.parameters
            let fieldsName = "kappa_\(tag)_fields_\(stamp).tar"
            guard FileManager.default.fileExists(atPath: directory + "/" + fieldsName) else {
                pending.append(Continuation(kappa: record.kappa, dt: p.dt, n: p.N, steps: p.steps, every: p.every, start: nil))
                restarted.append((record.kappa, "it was stopped before its first fields checkpoint"))
                continue
            }
            let fields = try readFields(directory, fieldsName, tag: tag)
            let history = try readHistory(directory, "kappa_\(tag)_history_\(stamp).tar", tag: tag)
            try check(record: record, fields: fields, history: history, tag: tag)
            pending.append(Continuation(kappa: record.kappa, dt: p.dt, n: p.N, steps: p.steps, every: p.every,
                                        start: .init(fields: fields, history: truncated(history, to: fields.step), record: record)))
        }
        guard let p = reference else {
            throw UsageError("no κ records of stamp \(stamp) in '\(directory)'")
        }
        let logPath = directory + "/" + ArchiveNaming.sweepLog(sweep: sweepName, stamp: stamp)
        // A cluster sweep's tier-1 lines are in its array tasks' own logs; a local resume
        // appends to the sweep log after them.
        let earlier = TaskLogs.mergedLines(directory: directory, sweep: sweepName, stamp: stamp)
            + ((try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "")
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !$0.isEmpty }
        // A κ the log says was started but that left no archive at all (stopped before its
        // first checkpoint was written): its Run line has its grid and dt, the sweep's other
        // κs its c and CFL. Restarted from t = 0 like the others.
        var known = Set((pending.map(\.kappa) + finished.map(\.kappa)).map(LogLine.k4))
        for line in earlier {
            guard case let .run(s, kappa, n, length, _, dt, steps, every)? = LogLine.parse(line), s == stamp,
                  !known.contains(LogLine.k4(kappa)), only == nil || ArchiveNaming.kappaTag(kappa) == only else { continue }
            guard n == p.N, length == p.L, steps == p.steps, every == p.every else {
                throw UsageError("kappa=\(LogLine.k4(kappa)) ran in sweep \(stamp) (see its log) with other parameters and left no archive; rerun it with 'series12 sweep --kappas \(LogLine.k4(kappa))'")
            }
            known.insert(LogLine.k4(kappa))
            pending.append(Continuation(kappa: kappa, dt: dt, n: n, steps: steps, every: every, start: nil))
            restarted.append((kappa, "it left no archive before it was stopped (its Run line is in the log)"))
        }
        var config = SweepConfiguration()
        config.kappas = pending.map(\.kappa) + finished.map(\.kappa)
        config.n = p.N
        config.length = p.L
        config.c = p.c
        config.cfl = p.cfl
        config.steps = p.steps
        config.every = p.every
        config.outputDirectory = directory
        config.name = sweepName
        config.stamp = stamp
        if let jobs { config.jobs = jobs }
        for item in pending where item.n != p.N || item.steps != p.steps || item.every != p.every {
            throw UsageError("kappa \(LogLine.k4(item.kappa)): parameters differ from the rest of sweep \(stamp); resume each κ on its own")
        }
        let plans = pending.enumerated().map { i, item in
            var c = config
            c.dt = item.dt
            return RunPlan(index: i, kappa: item.kappa, configuration: c, stamp: stamp, version: Series12Version.string,
                           start: item.start)
        }
        var plan = ResumePlan(configuration: config, stamp: stamp, plans: plans, finished: finished,
                              removedTemporaries: removed, earlierLog: earlier)
        plan.restarted = restarted
        return plan
    }

    /// `kappa_0_1000_data_…` → `0_1000`.
    static func kappaTag(of name: String) -> String {
        let parts = name.dropFirst("kappa_".count).split(separator: "_")
        return parts.count >= 2 ? "\(parts[0])_\(parts[1])" : ""
    }

    /// The history up to and including the checkpoint's step: later samples are recomputed.
    static func truncated(_ h: History, to step: Int64) -> History {
        var out = History()
        for i in 0..<h.count where h.steps[i] <= step {
            out.append(step: Int(h.steps[i]), t: h.t[i], H: h.H[i], drift: h.drift[i], dx: h.dx[i], dt: h.dt[i])
        }
        return out
    }

    static func check(record: RunRecord, fields: FieldsSnapshot, history: History, tag: String) throws(UsageError) {
        let p = record.parameters
        guard fields.n == p.N else {
            throw UsageError("kappa tag \(tag): fields checkpoint is \(fields.n)×\(fields.n) but the run's grid is N=\(p.N); refusing to resume a mismatched checkpoint")
        }
        guard fields.step >= 0, fields.step <= Int64(p.steps) else {
            throw UsageError("kappa tag \(tag): fields checkpoint step \(fields.step) is outside 0…\(p.steps); refusing to resume")
        }
        guard fields.planes.allSatisfy(\.isFinite) else {
            throw UsageError("kappa tag \(tag): fields checkpoint holds non-finite values; refusing to resume")
        }
        guard let i = history.steps.firstIndex(of: fields.step), history.steps.first == 0 else {
            throw UsageError("kappa tag \(tag): the history has no sample at the checkpoint's step \(fields.step); cannot resume bit for bit")
        }
        guard history.dt[i] == p.dt, abs(fields.t - Double(fields.step) * p.dt) <= 1e-12 * max(1, abs(fields.t)) else {
            throw UsageError("kappa tag \(tag): the checkpoint's time step does not match data.json (dt=\(p.dt)); refusing to resume")
        }
    }

    static func read(_ dir: String, _ name: String, member: String) throws(UsageError) -> [UInt8]? {
        let path = dir + "/" + name
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let bytes = FileManager.default.contents(atPath: path).map({ [UInt8]($0) }) else {
            throw UsageError("\(name): cannot be read; check permissions")
        }
        let members: [ArchiveMember]
        do { members = try TarArchive.decode(bytes) } catch {
            throw UsageError("\(name) is corrupt (\(error)); the checkpoint cannot be used — run 'series12 verify'")
        }
        guard let m = members.first(where: { $0.name == member }) else {
            throw UsageError("\(name) lacks its member \(member); the checkpoint cannot be used")
        }
        return m.bytes
    }

    static func readRecord(_ dir: String, _ name: String, tag: String) throws(UsageError) -> RunRecord? {
        guard let bytes = try read(dir, name, member: "data.json") else { return nil }
        do { return try RunRecord(json: try JSONValue(parsing: bytes)) } catch {
            throw UsageError("\(name): data.json is corrupt (\(error)); the checkpoint cannot be used")
        }
    }

    static func readFields(_ dir: String, _ name: String, tag: String) throws(UsageError) -> FieldsSnapshot {
        guard let bytes = try read(dir, name, member: "fields.npz") else {
            throw UsageError("kappa tag \(tag): its fields checkpoint \(name) is missing; resume never restarts from t = 0 — rerun that κ")
        }
        do { return try FieldsSnapshot(npz: bytes) } catch {
            throw UsageError("\(name): fields.npz is corrupt (\(error)); the checkpoint cannot be used")
        }
    }

    static func readHistory(_ dir: String, _ name: String, tag: String) throws(UsageError) -> History {
        guard let bytes = try read(dir, name, member: "history.npz") else {
            throw UsageError("kappa tag \(tag): its history \(name) is missing; cannot resume bit for bit")
        }
        do { return try History(npz: bytes) } catch {
            throw UsageError("\(name): history.npz is corrupt (\(error)); the checkpoint cannot be used")
        }
    }
}
