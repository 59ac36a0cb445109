import Foundation

/// `series12 verify`: checks a stamp's files against its tier-3 manifest(s) and reads every
/// tier-2 archive back (complete tar, expected member present and decodable).
public enum ManifestCheck {
    /// Every problem found for `stamp` in `directory`; empty means all files are intact.
    public static func check(directory: String, stamp: String) -> [ManifestProblem] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
        let tier3 = names.filter { isTier3($0, stamp: stamp) }
        var problems: [ManifestProblem] = []
        var listed = Set<String>()
        var anyReadable = false
        for summary in tier3 {
            switch manifest(of: summary, in: directory) {
            case let .success(entries):
                anyReadable = true
                for entry in entries {
                    listed.insert(entry.name)
                    problems += compare(entry, in: directory)
                }
            case let .failure(problem): problems.append(problem)
            }
        }
        if !anyReadable && tier3.isEmpty { problems.insert(.noSummary(stamp: stamp), at: 0) }
        for name in names where ArchiveNaming.isTier2(name, stamp: stamp) {
            if !listed.contains(name) { problems.append(.unlisted(file: name)) }
            if let problem = checkContent(name, in: directory) { problems.append(problem) }
        }
        return problems
    }

    /// Stamps that have a tier-3 summary in `directory`, oldest first (`verify` without
    /// `--stamp` takes the last).
    public static func stamps(in directory: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        let found = names.compactMap { name -> String? in
            guard name.hasSuffix(".tar"), name.count > 20 else { return nil }
            let stamp = String(name.dropLast(4).suffix(15))
            return ArchiveNaming.isValidStamp(stamp) && isTier3(name, stamp: stamp) ? stamp : nil
        }
        return Set(found).sorted()
    }

    /// `{sweep}_summary_{stamp}.tar` that is not a κ summary archive.
    static func isTier3(_ name: String, stamp: String) -> Bool {
        name.hasSuffix("_summary_\(stamp).tar") && !ArchiveNaming.isTier2(name, stamp: stamp)
            && name.count > "_summary_\(stamp).tar".count
    }

    /// The manifest entries of one tier-3 file.
    static func manifest(of summary: String, in directory: String) -> Result<[ManifestEntry], ManifestProblem> {
        do {
            let members = try TarArchive.decode(try AtomicArchive.readFile(directory + "/" + summary, name: summary))
            guard let json = members.first(where: { $0.name == "summary.json" }) else {
                return .failure(.unreadableSummary(file: summary, reason: "no summary.json member"))
            }
            guard members.contains(where: { $0.name == "log.txt" }) else {
                return .failure(.missingMember(file: summary, member: "log.txt"))
            }
            guard let files = try JSONValue(parsing: json.bytes)["files"]?.arrayValue else {
                return .failure(.unreadableSummary(file: summary, reason: "summary.json has no \"files\" list"))
            }
            let entries = files.compactMap(ManifestEntry.init(json:))
            guard entries.count == files.count else {
                return .failure(.unreadableSummary(file: summary, reason: "a \"files\" entry lacks name, bytes or sha256"))
            }
            return .success(entries)
        } catch {
            return .failure(.unreadableSummary(file: summary, reason: "\(error)"))
        }
    }

    /// Size and hash of a listed file against its entry.
    static func compare(_ entry: ManifestEntry, in directory: String) -> [ManifestProblem] {
        let path = directory + "/" + entry.name
        guard FileManager.default.fileExists(atPath: path) else { return [.missing(file: entry.name)] }
        guard let bytes = try? AtomicArchive.readFile(path, name: entry.name) else {
            return [.unreadableTar(file: entry.name, reason: "cannot be opened as a regular file")]
        }
        if bytes.count != entry.bytes { return [.sizeMismatch(file: entry.name, expected: entry.bytes, actual: bytes.count)] }
        return SHA256.hex(of: bytes) == entry.sha256 ? [] : [.checksumMismatch(file: entry.name)]
    }

    /// Reads a tier-2 archive back: a complete tar with its expected member, which decodes.
    static func checkContent(_ name: String, in directory: String) -> ManifestProblem? {
        let members: [ArchiveMember]
        do {
            members = try TarArchive.decode(try AtomicArchive.readFile(directory + "/" + name, name: name))
        } catch {
            return .unreadableTar(file: name, reason: "\(error)")
        }
        let expected = ArchiveNaming.kappaKind(of: name)?.member ?? String(name.dropLast(4)) + ".json"
        guard let member = members.first(where: { $0.name == expected }) else {
            return .missingMember(file: name, member: expected)
        }
        do {
            switch ArchiveNaming.kappaKind(of: name) {
            case .data: _ = try RunRecord(json: try JSONValue(parsing: member.bytes))
            case .history: _ = try History(npz: member.bytes)
            case .fields: _ = try FieldsSnapshot(npz: member.bytes)
            case .summary:
                guard String(validating: member.bytes, as: UTF8.self) != nil else { throw RetentionFormatError("summary.txt", "is not UTF-8") }
                if let plot = members.first(where: { $0.name == SweepPlots.driftMember }), !isCompleteSVG(plot.bytes) {
                    return .damagedMember(file: name, member: plot.name, reason: "not a complete UTF-8 SVG document")
                }
            case nil: _ = try JSONValue(parsing: member.bytes)
            }
        } catch {
            return .damagedMember(file: name, member: expected, reason: "\(error)")
        }
        return nil
    }

    /// A plot member as `SweepPlots` writes it: UTF-8 text from the XML declaration to `</svg>`.
    static func isCompleteSVG(_ bytes: [UInt8]) -> Bool {
        guard let text = String(validating: bytes, as: UTF8.self) else { return false }
        return text.hasPrefix("<?xml ") && text.hasSuffix("</svg>\n")
    }
}
