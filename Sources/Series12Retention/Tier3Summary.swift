import Foundation

/// The tier-3 file `{sweep}_summary_{stamp}.tar` (SPEC §4): `summary.json` with every κ's
/// `data.json` object and a manifest of every tier-2 file of the stamp, and `log.txt`, the
/// full tier-1 log. Rewritten whenever a run ends, so it is the one file to download first.
///
/// A sweep's summary also holds `drift.svg` and `hamiltonian.svg` (`SweepPlots`), drawn from
/// every listed κ's history: the one handed in `histories` (keyed by κ tag, `0_1000`), else the
/// κ's history archive on disk. The validation suite uses it as `validation_summary_{stamp}.tar`
/// (no κ, so no plots), passing its `tests` array through `extra`.
public enum Tier3Summary {
    /// Lists the directory, hashes every tier-2 file of `stamp`, and writes the summary.
    /// `extra` (an object) is merged after the standard keys, e.g. `{"tests": [...]}`.
    public static func write(sweep: String, stamp: String, version: String, records: [RunRecord], log: String,
                             directory: String, recovered: Bool = false, extra: JSONValue? = nil,
                             histories: [String: History] = [:], writer: AtomicArchive = AtomicArchive()) -> ArchiveOutcome {
        let name = ArchiveNaming.tier3Summary(sweep: sweep, stamp: stamp)
        let files = manifest(in: directory, stamp: stamp, excluding: name)
        let json = document(sweep: sweep, stamp: stamp, version: version, records: records, files: files,
                            recovered: recovered, extra: extra)
        var members = [ArchiveMember(name: "summary.json", bytes: json.fileBytes()),
                       ArchiveMember(name: "log.txt", bytes: Array(log.utf8))]
        if !records.isEmpty {
            let runs = records.map { record in
                PlottedRun(record: record, history: histories[ArchiveNaming.kappaTag(record.kappa)]
                    ?? StoredRuns.history(kappa: record.kappa, stamp: stamp, in: directory))
            }
            members.append(ArchiveMember(name: SweepPlots.driftMember,
                                         bytes: Array(SweepPlots.drift(runs: runs, sweep: sweep, stamp: stamp).utf8)))
            members.append(ArchiveMember(name: SweepPlots.hamiltonianMember,
                                         bytes: Array(SweepPlots.hamiltonian(runs: runs, sweep: sweep, stamp: stamp).utf8)))
        }
        return writer.write(members: members, to: name, in: directory, stamp: stamp)
    }

    /// The `summary.json` object: `sweep`, `stamp`, `version`, `kappas`, `files`, then
    /// `recovered` when true, then `extra`'s members.
    public static func document(sweep: String, stamp: String, version: String, records: [RunRecord],
                                files: [ManifestEntry], recovered: Bool, extra: JSONValue?) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("sweep", .string(sweep)), ("stamp", .string(stamp)), ("version", .string(version)),
            ("kappas", .array(records.map(\.json))), ("files", .array(files.map(\.json))),
        ]
        if recovered { members.append(("recovered", .bool(true))) }
        let base = JSONValue.object(members)
        return extra.map { base.merging($0) } ?? base
    }

    /// Every tier-2 file of `stamp` in `directory` (regular files only, never through a
    /// symlink), sorted by name, with size and SHA-256 as they are now.
    public static func manifest(in directory: String, stamp: String, excluding excluded: String = "") -> [ManifestEntry] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0 != excluded && ArchiveNaming.isTier2($0, stamp: stamp) }.sorted().compactMap { name in
            try? ReadBack.open(directory + "/" + name, name: name) { file in
                ManifestEntry(name: name, bytes: file.count, sha256: try file.sha256())
            }
        }
    }
}
