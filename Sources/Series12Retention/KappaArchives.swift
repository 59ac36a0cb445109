/// Writes one κ run's tier-2 archives (SPEC §4): data, history, summary and, when a snapshot
/// is given, fields. Each goes through `AtomicArchive` on its own, so one failing (an encoding
/// error, a full disk) does not stop the others.
public enum KappaArchives {
    /// Writes the archives and returns their outcomes in the order history, fields, summary,
    /// data. `summary` nil skips the summary archive (checkpoints only rewrite data, history
    /// and fields); `fields` nil skips the fields archive.
    public static func write(record: RunRecord, history: History, fields: FieldsSnapshot?, summary: String?,
                             directory: String, stamp: String, writer: AtomicArchive = AtomicArchive()) -> [ArchiveOutcome] {
        // data.json goes last: it says how far the run got, so it must never claim more than
        // the history and fields archives already on disk hold (a kill between two archives
        // leaves an older data.json, and resume continues from the fields that are there).
        var outcomes = [archive(.history, record.kappa, stamp, directory, writer) { try history.npzBytes() }]
        if let fields { outcomes.append(writeFields(fields, kappa: record.kappa, directory: directory, stamp: stamp, writer: writer)) }
        if let summary {
            outcomes.append(archive(.summary, record.kappa, stamp, directory, writer) { Array(summary.utf8) })
        }
        outcomes.append(archive(.data, record.kappa, stamp, directory, writer) { record.json.fileBytes() })
        return outcomes
    }

    /// The fields archive alone (`fields.npz`, the resume checkpoint): encoded from the
    /// snapshot's memory and written, fsynced and verified like every archive.
    public static func writeFields(_ fields: FieldsSnapshot, kappa: Double, directory: String, stamp: String,
                                   writer: AtomicArchive = AtomicArchive()) -> ArchiveOutcome {
        archive(.fields, kappa, stamp, directory, writer) { try fields.npzBytes() }
    }

    /// Encodes one member and writes its archive; an encoding error becomes a failed outcome.
    private static func archive(_ kind: KappaArchiveKind, _ kappa: Double, _ stamp: String, _ directory: String,
                                _ writer: AtomicArchive, member: () throws -> [UInt8]) -> ArchiveOutcome {
        let name = ArchiveNaming.kappaArchive(kappa: kappa, kind: kind, stamp: stamp)
        do {
            let bytes = try member()
            return writer.write(members: [ArchiveMember(name: kind.member, bytes: bytes)], to: name, in: directory, stamp: stamp)
        } catch {
            return .failed(name, "\(kind.member) could not be encoded: \(error)")
        }
    }
}
