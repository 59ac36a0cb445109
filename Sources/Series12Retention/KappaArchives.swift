/// Writes one κ run's tier-2 archives (SPEC §4): data, history, summary and, when a snapshot
/// is given, fields. Each goes through `AtomicArchive` on its own, so one failing (an encoding
/// error, a full disk) does not stop the others. The summary archive holds `summary.txt` and
/// the run's `drift.svg` (`SweepPlots`), drawn from the same history.
public enum KappaArchives {
    /// Writes the archives and returns their outcomes in the order history, fields, summary,
    /// data. `summary` nil skips the summary archive (checkpoints only rewrite data, history
    /// and fields); `fields` nil skips the fields archive.
    public static func write(record: RunRecord, history: History, fields: FieldsSnapshot?, summary: String?,
                             directory: String, stamp: String, writer: AtomicArchive = AtomicArchive()) -> [ArchiveOutcome] {
        // data.json goes last: it says how far the run got, so it must never claim more than
        // the history and fields archives already on disk hold (a kill between two archives
        // leaves an older data.json, and resume continues from the fields that are there).
        var outcomes = [archive(.history, record.kappa, stamp, directory, writer) { try [member(.history, history.npzBytes())] }]
        if let fields { outcomes.append(writeFields(fields, kappa: record.kappa, directory: directory, stamp: stamp, writer: writer)) }
        if let summary {
            outcomes.append(archive(.summary, record.kappa, stamp, directory, writer) {
                summaryMembers(text: summary, record: record, history: history)
            })
        }
        outcomes.append(archive(.data, record.kappa, stamp, directory, writer) { [member(.data, record.json.fileBytes())] })
        return outcomes
    }

    /// The fields archive alone (`fields.npz`, the resume checkpoint): encoded from the
    /// snapshot's memory and written, fsynced and verified like every archive.
    public static func writeFields(_ fields: FieldsSnapshot, kappa: Double, directory: String, stamp: String,
                                   writer: AtomicArchive = AtomicArchive()) -> ArchiveOutcome {
        writeFields(fields, kappa: kappa, directory: directory, stamp: stamp, writer: writer, streamedSize: { $0 })
    }

    /// `writeFields` with the streamed npz's declared size passed through `streamedSize`
    /// (tests declare a wrong one to see the fallback). When the stream does not come to the
    /// declared size — a libarchive that frames a stored zip member otherwise than its dry
    /// run — nothing of it is kept and the npz is built in memory instead.
    static func writeFields(_ fields: FieldsSnapshot, kappa: Double, directory: String, stamp: String,
                            writer: AtomicArchive, streamedSize: (Int) -> Int) -> ArchiveOutcome {
        let inMemory = { archive(.fields, kappa, stamp, directory, writer) { try [member(.fields, fields.npzBytes())] } }
        guard fields.npzStreams else { return inMemory() }
        let name = ArchiveNaming.kappaArchive(kappa: kappa, kind: .fields, stamp: stamp)
        do {
            return try fields.withStreamedNPZ { size, planes, produce in
                try writer.write(streamedMember: KappaArchiveKind.fields.member, size: streamedSize(size), source: planes, produce: produce,
                                 to: name, in: directory, stamp: stamp)
            }
        } catch is LibArchive.SizeMismatch {
            return inMemory()
        } catch {
            return .failed(name, "\(KappaArchiveKind.fields.member) could not be encoded: \(error)")
        }
    }

    /// The members of a κ summary archive: `summary.txt`, then `drift.svg`.
    public static func summaryMembers(text: String, record: RunRecord, history: History) -> [ArchiveMember] {
        [member(.summary, Array(text.utf8)),
         ArchiveMember(name: SweepPlots.driftMember, bytes: Array(SweepPlots.drift(record: record, history: history).utf8))]
    }

    private static func member(_ kind: KappaArchiveKind, _ bytes: [UInt8]) -> ArchiveMember {
        ArchiveMember(name: kind.member, bytes: bytes)
    }

    /// Encodes the members and writes the archive; an encoding error becomes a failed outcome.
    private static func archive(_ kind: KappaArchiveKind, _ kappa: Double, _ stamp: String, _ directory: String,
                                _ writer: AtomicArchive, members: () throws -> [ArchiveMember]) -> ArchiveOutcome {
        let name = ArchiveNaming.kappaArchive(kappa: kappa, kind: kind, stamp: stamp)
        do {
            return writer.write(members: try members(), to: name, in: directory, stamp: stamp)
        } catch {
            return .failed(name, "\(kind.member) could not be encoded: \(error)")
        }
    }
}
