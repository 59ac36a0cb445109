import Foundation
import Series12Retention
import Series12Sweep

/// `series12 combine`: the tier-3 summary of a cluster sweep, built from what its array tasks
/// left in the shared directory — every κ's `data.json`, a manifest of every tier-2 file of
/// the stamp, and `log.txt` = the tasks' tier-1 logs merged κ by κ (then the sweep log of any
/// local `resume`, then combine's own report). Reports every κ that is missing or unfinished.
public enum Combine {
    /// How one κ stands.
    public struct KappaState: Sendable, Equatable {
        public enum Verdict: Sendable, Equatable {
            /// `done`, with every archive there.
            case done
            /// Ran to its end without finishing: `unstable` or `failed`.
            case ended(String)
            /// Has a checkpoint but did not reach its last step (interrupted at the time limit,
            /// killed, or still running).
            case unfinished(String)
            /// No readable data archive.
            case missing
        }
        public var kappa: Double
        public var verdict: Verdict
        /// One line on what is wrong and what to do (nil when done).
        public var note: String?
    }

    public struct Report: Sendable {
        public var kappas: [KappaState]
        public var tier3: ArchiveOutcome?
        public var removedTemporaries: [String]
        /// 0 every κ done and tier 3 written, 1 otherwise.
        public var status: Int32
    }

    /// Builds tier 3 and reports, appending every line to `log` (which echoes them).
    public static func run(_ request: CombineRequest, log: Tier1Log) -> Report {
        let dir = request.directory, stamp = request.stamp
        var removed: [String] = []
        if request.tasksEnded { removed = removeTemporaries(in: dir, stamp: stamp) }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted()
        let taskLogs = TaskLogs.find(in: dir, stamp: stamp, sweep: request.sweep)

        var kappas: [String: Double] = [:]
        for k in request.expected ?? [] { kappas[ArchiveNaming.kappaTag(k)] = k }
        for entry in taskLogs where kappas[entry.tag] == nil { kappas[entry.tag] = entry.kappa }
        var kinds: [String: Set<KappaArchiveKind>] = [:]
        for name in names where name.hasPrefix("kappa_") && ArchiveNaming.isTier2(name, stamp: stamp) {
            guard let kind = ArchiveNaming.kappaKind(of: name) else { continue }
            let tag = String(name.dropFirst("kappa_".count).split(separator: "_").prefix(2).joined(separator: "_"))
            kinds[tag, default: []].insert(kind)
            if kappas[tag] == nil { kappas[tag] = TaskLogs.kappa(ofTag: tag) }
        }

        var records: [RunRecord] = []
        var states: [KappaState] = []
        let expectedOrder = (request.expected ?? []).map(ArchiveNaming.kappaTag)
        for (tag, kappa) in kappas.sorted(by: { ($0.value, $0.key) < ($1.value, $1.key) }) {
            let output = expectedOrder.firstIndex(of: tag).map {
                ClusterFiles.taskOutputPattern(sweep: request.sweep, stamp: stamp).replacingOccurrences(of: "%a", with: String($0))
            }
            let hasLog = taskLogs.contains { $0.tag == tag }
            let dataName = ArchiveNaming.kappaArchive(kappa: kappa, kind: .data, stamp: stamp)
            let record: RunRecord?
            var problem: String? = nil
            do { record = try readRecord(dir, dataName) } catch {
                record = nil
                problem = "\(dataName) is unreadable (\(error))"
            }
            guard let record else {
                let why = problem ?? (hasLog
                    ? "its task started (see \(ArchiveNaming.taskLog(sweep: request.sweep, kappa: kappa, stamp: stamp))) but left no data archive"
                    : "no archive and no task log: its task never ran" + (output.map { " (see \($0) and 'scontrol show job')" } ?? ""))
                states.append(KappaState(kappa: kappa, verdict: .missing,
                                         note: "\(why); run it with 'series12 sweep --task --kappas \(kappa) --stamp \(stamp) --out \(dir) --name \(request.sweep)' and the options in \(ClusterFiles.arrayScript(sweep: request.sweep, stamp: stamp)), then combine again"))
                continue
            }
            records.append(record)
            let have = kinds[tag] ?? []
            let lacking = [KappaArchiveKind.data, .history, .summary, .fields].filter { !have.contains($0) }.map(\.rawValue)
            switch record.status {
            case RunStatus.done.rawValue where lacking.isEmpty:
                states.append(KappaState(kappa: kappa, verdict: .done, note: nil))
            case RunStatus.done.rawValue:
                states.append(KappaState(kappa: kappa, verdict: .ended("done"),
                                         note: "done but its \(lacking.joined(separator: ", ")) archive(s) are missing; rebuild them with 'series12 recover' from its task log"))
            case RunStatus.unstable.rawValue, RunStatus.failed.rawValue:
                states.append(KappaState(kappa: kappa, verdict: .ended(record.status),
                                         note: "ended \(record.status) at step \(record.stepsDone) of \(record.parameters.steps)"))
            default:
                states.append(KappaState(kappa: kappa, verdict: .unfinished(record.status),
                                         note: "unfinished: status=\(record.status) at step \(record.stepsDone) of \(record.parameters.steps)"
                                            + (request.tasksEnded || record.status == RunStatus.interrupted.rawValue
                                                ? "; continue it " + continuation(request, taskIndex: expectedOrder.firstIndex(of: tag))
                                                : " (its task may still be running)")))
            }
        }

        let sweepLog = TaskLogs.lines(ofFile: dir + "/" + ArchiveNaming.sweepLog(sweep: request.sweep, stamp: stamp))
        log.preload(TaskLogs.mergedLines(directory: dir, sweep: request.sweep, stamp: stamp) + sweepLog)
        for name in removed { log.append("Removed a temporary file left by a killed task: \(name)") }
        if !request.tasksEnded {
            for name in names where AtomicArchive.isTemporary(name) && ArchiveNaming.belongs(name, to: stamp) {
                log.append("Warning: \(name) is being written by a running task or was left by a killed one; once every task has ended, combine again with --tasks-ended")
            }
        }
        let count = { (test: (KappaState.Verdict) -> Bool) in states.filter { test($0.verdict) }.count }
        log.append("Combine \(stamp) | sweep=\(request.sweep) | kappas=\(states.count) | done=\(count { $0 == .done })"
            + " | unfinished=\(count { if case .unfinished = $0 { return true }; return false })"
            + " | ended=\(count { if case .ended = $0 { return true }; return false })"
            + " | missing=\(count { $0 == .missing })")
        for state in states {
            if let note = state.note { log.append("  kappa=\(ArchiveNaming.k4(state.kappa)): \(note)") }
        }

        var tier3: ArchiveOutcome? = nil
        if records.isEmpty {
            log.append("No κ of stamp \(stamp) left a readable data archive: no tier-3 summary written")
        } else {
            let outcome = Tier3Summary.write(sweep: request.sweep, stamp: stamp, version: Series12Version.string,
                                             records: records, log: log.text, directory: dir)
            log.append(OutcomeLine.archive(outcome, ascii: request.ascii))
            tier3 = outcome
            printDownloadOrder(request, log: log)
        }
        let allDone = !states.isEmpty && states.allSatisfy { $0.verdict == .done }
        return Report(kappas: states, tier3: tier3, removedTemporaries: removed,
                      status: allDone && tier3?.succeeded == true ? 0 : 1)
    }

    /// How to continue an unfinished κ: its array task again (it picks up its checkpoint), or
    /// a local resume.
    static func continuation(_ request: CombineRequest, taskIndex: Int?) -> String {
        let script = ClusterFiles.arrayScript(sweep: request.sweep, stamp: request.stamp)
        let local = "'series12 resume --stamp \(request.stamp) --out \(request.directory)'"
        guard let taskIndex, FileManager.default.fileExists(atPath: request.directory + "/" + script) else {
            return "with \(local)"
        }
        return "on the cluster with 'sbatch --array=\(taskIndex) \(request.directory)/\(script)' (the task picks up its checkpoint; combine again after it), or here with \(local)"
    }

    /// A κ's record; nil when it has no data archive, throws when it has an unreadable one.
    static func readRecord(_ dir: String, _ name: String) throws -> RunRecord? {
        let path = dir + "/" + name
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RetentionFormatError(name, "cannot be read (\(String(cString: strerror(errno))))")
        }
        let members = try TarArchive.decode([UInt8](data))
        guard let json = members.first(where: { $0.name == "data.json" }) else {
            throw RetentionFormatError(name, "has no data.json member")
        }
        return try RunRecord(json: try JSONValue(parsing: json.bytes))
    }

    /// Removes the stamp's `.{name}.{pid}.tmp` files: with every task ended, none is in flight.
    static func removeTemporaries(in dir: String, stamp: String) -> [String] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted()
        return names.filter { name in
            guard AtomicArchive.isTemporary(name), ArchiveNaming.belongs(name, to: stamp) else { return false }
            var info = stat()
            return lstat(dir + "/" + name, &info) == 0 && info.st_mode & S_IFMT == S_IFREG && unlink(dir + "/" + name) == 0
        }
    }

    /// SOP Part VII: tier 3 first, then every tier-2 file of the stamp, with sizes.
    static func printDownloadOrder(_ request: CombineRequest, log: Tier1Log) {
        let dir = request.directory
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [])
            .filter { ArchiveNaming.isTier2($0, stamp: request.stamp) }.sorted()
        log.append("Download order (tier 3 first, then every tier-2 file):")
        for (i, name) in ([ArchiveNaming.tier3Summary(sweep: request.sweep, stamp: request.stamp)] + names).enumerated() {
            let size = (try? FileManager.default.attributesOfItem(atPath: dir + "/" + name)[.size] as? Int) ?? nil
            log.append("  \(i + 1). \(name) (\(size.map { "\($0) bytes" } ?? "MISSING"))")
        }
    }
}
