import Foundation
import Series12Retention

/// What `series12 resume --stamp S` finds in a directory: which κs must continue from their
/// fields checkpoint, which are finished, and the sweep they belong to.
///
/// Resume never restarts a κ from t = 0: a κ whose checkpoint is missing, unreadable or does
/// not match its recorded grid and parameters is refused with a line saying so.
public struct ResumePlan: Sendable {
    public var configuration: SweepConfiguration
    public var stamp: String
    public var plans: [RunPlan]
    public var finished: [RunRecord]
    /// Temporary files of a killed writer that were removed.
    public var removedTemporaries: [String]
    /// Earlier tier-1 lines (the log file), so tier 3's log.txt stays whole.
    public var earlierLog: [String]

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
        var pending: [(RunRecord, FieldsSnapshot, History)] = []
        var finished: [RunRecord] = []
        for tag in tags.sorted(by: { (Double($0.replacingOccurrences(of: "_", with: ".")) ?? 0) < (Double($1.replacingOccurrences(of: "_", with: ".")) ?? 0) }) {
            let record = try readRecord(directory, "kappa_\(tag)_data_\(stamp).tar", tag: tag)
            if let record, let status = RunStatus(rawValue: record.status), status == .done || status == .unstable || status == .failed {
                finished.append(record)
                continue
            }
            guard let record else {
                throw UsageError("kappa tag \(tag): no readable data archive kappa_\(tag)_data_\(stamp).tar to resume from; try 'series12 recover' with the log")
            }
            let fields = try readFields(directory, "kappa_\(tag)_fields_\(stamp).tar", tag: tag)
            let history = try readHistory(directory, "kappa_\(tag)_history_\(stamp).tar", tag: tag)
            try check(record: record, fields: fields, history: history, tag: tag)
            pending.append((record, fields, truncated(history, to: fields.step)))
        }
        guard let first = pending.first?.0 ?? finished.first else {
            throw UsageError("no κ records of stamp \(stamp) in '\(directory)'")
        }
        var config = SweepConfiguration()
        let p = first.parameters
        config.kappas = (pending.map(\.0) + finished).map(\.kappa)
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
        for (record, _, _) in pending where record.parameters.N != p.N || record.parameters.steps != p.steps || record.parameters.every != p.every {
            throw UsageError("kappa \(LogLine.k4(record.kappa)): parameters differ from the rest of sweep \(stamp); resume each κ on its own")
        }
        let plans = pending.enumerated().map { i, item in
            var c = config
            c.dt = item.0.parameters.dt
            return RunPlan(index: i, kappa: item.0.kappa, configuration: c, stamp: stamp, version: Series12Version.string,
                           start: .init(fields: item.1, history: item.2, record: item.0))
        }
        // A cluster sweep's tier-1 lines are in its array tasks' own logs; a local resume
        // appends to the sweep log after them.
        let logPath = directory + "/" + ArchiveNaming.sweepLog(sweep: sweepName, stamp: stamp)
        let earlier = TaskLogs.mergedLines(directory: directory, sweep: sweepName, stamp: stamp)
            + ((try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "")
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !$0.isEmpty }
        // A κ the log says was started but that left no archive would otherwise vanish silently.
        let known = Set(config.kappas.map(LogLine.k4))
        let logged = earlier.compactMap { line -> String? in
            if case let .run(s, kappa, _, _, _, _, _, _)? = LogLine.parse(line), s == stamp { return LogLine.k4(kappa) }
            return nil
        }
        if let lost = logged.first(where: { !known.contains($0) && (only == nil || ArchiveNaming.kappaTag(Double($0) ?? .nan) == only) }) {
            throw UsageError("kappa=\(lost) ran in sweep \(stamp) (see its log) but left no checkpoint archive; it cannot be resumed — rerun it with 'series12 sweep --kappas \(lost)' or rebuild its data with 'series12 recover'")
        }
        return ResumePlan(configuration: config, stamp: stamp, plans: plans, finished: finished,
                          removedTemporaries: removed, earlierLog: earlier)
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
