import Foundation
import Series12Retention

extension Recovery {
    /// Name of the extra member every recovered κ archive carries (SPEC §4 lets archives carry
    /// members beyond the table). It says how the archive was made, and it is how a later
    /// `recover` tells its own files from originals it must not overwrite.
    public static let markerMember = "recovered.txt"

    /// The reason given for refusing to replace an original archive.
    public static let refusalReason = "an archive not written by recover already exists; kept it — pass --force to replace it"

    /// Writes every run of `result` into `directory`: per κ its data, history and summary
    /// archives, then per stamp the tier-3 `{sweep}_summary_{stamp}.tar` (`recovered: true`,
    /// its manifest listing every tier-2 file of the stamp now in the directory, its plots drawn
    /// from the recovered histories).
    ///
    /// An existing archive that recover did not write (no `recovered.txt` member; for tier 3 no
    /// `"recovered": true`) is the user's original and is kept — a failed outcome says so —
    /// unless `force`. Each archive is written atomically and verified on its own; a failure
    /// loses no other file.
    public static func write(_ result: RecoveryResult, to directory: String, sweep: String, force: Bool,
                             writer: AtomicArchive = AtomicArchive()) -> [RecoveryEvent] {
        var events: [RecoveryEvent] = []
        for stamp in result.stamps {
            var records: [RunRecord] = []
            var histories: [String: History] = [:]
            for run in result.runs(of: stamp) {
                events += run.notes.map(RecoveryEvent.note)
                var dataWritten = false
                for kind in [KappaArchiveKind.data, .history, .summary] {
                    let outcome = writeKappaArchive(kind, of: run, in: directory, force: force, writer: writer)
                    if kind == .data { dataWritten = outcome.succeeded }
                    // An original history kept in place is what tier 3 must draw: it is read from disk.
                    if kind == .history && outcome.succeeded { histories[ArchiveNaming.kappaTag(run.kappa)] = run.history }
                    events.append(.archive(outcome))
                }
                let fields = ArchiveNaming.kappaArchive(kappa: run.kappa, kind: .fields, stamp: stamp)
                events.append(.note(.fieldsNotRecoverable(file: fields, existing: exists(directory + "/" + fields))))
                let original = dataWritten ? nil : originalRecord(of: run, in: directory)
                records.append(original ?? run.record)
            }
            let name = ArchiveNaming.tier3Summary(sweep: sweep, stamp: stamp)
            if !force && exists(directory + "/" + name) && !isRecoveredTier3(directory + "/" + name) {
                events.append(.archive(.failed(name, refusalReason)))
                continue
            }
            events.append(.archive(Tier3Summary.write(sweep: sweep, stamp: stamp, version: Series12Version.string,
                                                      records: records, log: result.logText(of: stamp),
                                                      directory: directory, recovered: true, histories: histories,
                                                      writer: writer)))
        }
        return events
    }

    /// The members of one κ archive, before the marker: the summary archive also holds the
    /// run's `drift.svg`, as a sweep's does.
    static func members(_ kind: KappaArchiveKind, of run: RecoveryRun) throws -> [ArchiveMember] {
        switch kind {
        case .data: return [ArchiveMember(name: kind.member, bytes: run.record.json.fileBytes())]
        case .history: return [ArchiveMember(name: kind.member, bytes: try run.history.npzBytes())]
        case .summary: return KappaArchives.summaryMembers(text: run.summaryText, record: run.record, history: run.history)
        case .fields: throw RetentionFormatError("fields.npz", "cannot be recovered from text")
        }
    }

    /// The text of the `recovered.txt` marker member.
    static func markerText(of run: RecoveryRun) -> String {
        """
        Rebuilt from tier-1 text by series12 recover \(Series12Version.string) (stamp \(run.stamp), \
        kappa=\(LogLine.k4(run.kappa))).
        Values have their printed precision: H 9 significant digits, dx and dt exact; drift recomputed from H.
        Not printed, so not recovered: fields, angular momentum\(run.waveSpeedFromDefaults ? "" : ", c, cfl").

        """
    }

    private static func writeKappaArchive(_ kind: KappaArchiveKind, of run: RecoveryRun, in directory: String,
                                          force: Bool, writer: AtomicArchive) -> ArchiveOutcome {
        let name = ArchiveNaming.kappaArchive(kappa: run.kappa, kind: kind, stamp: run.stamp)
        let path = directory + "/" + name
        if !force && exists(path) && !isRecoveredKappaArchive(path) { return .failed(name, refusalReason) }
        do {
            let members = try members(kind, of: run) + [ArchiveMember(name: markerMember, bytes: Array(markerText(of: run).utf8))]
            return writer.write(members: members, to: name, in: directory, stamp: run.stamp)
        } catch {
            return .failed(name, "\(kind.member) could not be encoded: \(error)")
        }
    }

    /// True when something (a file, a symlink, even a dangling one) has this path.
    static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// The members of a regular file that reads as a complete tar; nil otherwise.
    static func members(ofRegularFile path: String) -> [ArchiveMember]? {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG,
              let data = FileManager.default.contents(atPath: path) else { return nil }
        return try? TarArchive.decode(Array(data))
    }

    /// A κ archive that a previous `recover` wrote: it holds the marker member.
    static func isRecoveredKappaArchive(_ path: String) -> Bool {
        members(ofRegularFile: path)?.contains { $0.name == markerMember } ?? false
    }

    /// A tier-3 summary that a previous `recover` wrote: `summary.json` says `"recovered": true`.
    static func isRecoveredTier3(_ path: String) -> Bool {
        guard let json = members(ofRegularFile: path)?.first(where: { $0.name == "summary.json" }),
              let document = try? JSONValue(parsing: json.bytes) else { return false }
        return document["recovered"]?.boolValue == true
    }

    /// The record of an original data archive kept in place, for the tier-3 list.
    private static func originalRecord(of run: RecoveryRun, in directory: String) -> RunRecord? {
        let path = directory + "/" + ArchiveNaming.kappaArchive(kappa: run.kappa, kind: .data, stamp: run.stamp)
        guard let json = members(ofRegularFile: path)?.first(where: { $0.name == "data.json" }),
              let document = try? JSONValue(parsing: json.bytes) else { return nil }
        return try? RunRecord(json: document)
    }
}
