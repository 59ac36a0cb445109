import Foundation

/// The κ runs of one stamp as its archives on disk hold them: what tier 3 falls back on for a κ
/// whose history is not in memory (a resumed sweep's finished κs), and what `series12 plot`
/// draws.
public enum StoredRuns {
    /// What one stamp's archives hold for plotting.
    public struct Stamp: Sendable {
        public var stamp: String
        /// The sweep name of its tier-3 summary (or log file); `sweep` when neither is there.
        public var sweep: String
        /// In ascending κ; a κ appears when it has a data or a history archive.
        public var runs: [PlottedRun]
        /// One line per archive that exists but could not be read.
        public var problems: [String]
    }

    /// The history in `kappa_{kt}_history_{stamp}.tar`, or nil when it is missing or unreadable.
    public static func history(kappa: Double, stamp: String, in directory: String) -> History? {
        try? history(file: ArchiveNaming.kappaArchive(kappa: kappa, kind: .history, stamp: stamp), in: directory)
    }

    /// Stamps with at least one κ data or history archive in `directory`, oldest first.
    public static func stamps(in directory: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return Set(names.compactMap { kappaArchive($0)?.stamp }).sorted()
    }

    /// Reads every κ data and history archive of `stamp` in `directory`.
    public static func load(stamp: String, in directory: String) -> Stamp {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
        var records: [String: RunRecord] = [:], histories: [String: History] = [:]
        var problems: [String] = []
        for name in names {
            guard let (tag, kind, s) = kappaArchive(name), s == stamp else { continue }
            do {
                if kind == .data { records[tag] = try record(file: name, in: directory) }
                if kind == .history { histories[tag] = try history(file: name, in: directory) }
            } catch {
                problems.append("\(name) cannot be read (\(error)); that κ is drawn without it")
            }
        }
        let tags = Set(names.compactMap { n in kappaArchive(n).flatMap { $0.stamp == stamp ? $0.tag : nil } })
        let runs = tags.compactMap { tag -> PlottedRun? in
            guard let kappa = records[tag]?.kappa ?? Double(tag.replacingOccurrences(of: "_", with: ".")) else { return nil }
            return PlottedRun(kappa: kappa, record: records[tag], history: histories[tag])
        }.sorted { $0.kappa < $1.kappa }
        return Stamp(stamp: stamp, sweep: sweepName(stamp: stamp, names: names), runs: runs, problems: problems)
    }

    /// `kappa_{a}_{b}_{data|history}_{stamp}.tar` → (`a_b`, kind, stamp).
    static func kappaArchive(_ name: String) -> (tag: String, kind: KappaArchiveKind, stamp: String)? {
        guard name.hasPrefix("kappa_"), name.hasSuffix(".tar"), name.count > 20 else { return nil }
        let stamp = String(name.dropLast(4).suffix(15))
        guard ArchiveNaming.isTier2(name, stamp: stamp), let kind = ArchiveNaming.kappaKind(of: name),
              kind == .data || kind == .history else { return nil }
        let parts = name.split(separator: "_")
        return ("\(parts[1])_\(parts[2])", kind, stamp)
    }

    /// The name in `{name}_summary_{stamp}.tar` (not a κ archive), else in `{name}_log_{stamp}.txt`.
    static func sweepName(stamp: String, names: [String]) -> String {
        for suffix in ["_summary_\(stamp).tar", "_log_\(stamp).txt"] {
            if let name = names.first(where: { $0.hasSuffix(suffix) && !$0.hasPrefix("kappa_") && $0.count > suffix.count }) {
                return String(name.dropLast(suffix.count))
            }
        }
        return "sweep"
    }

    static func member(_ member: String, file: String, in directory: String) throws -> [UInt8] {
        let members = try TarArchive.decode(try AtomicArchive.readFile(directory + "/" + file, name: file))
        guard let m = members.first(where: { $0.name == member }) else {
            throw RetentionFormatError(file, "lacks its member \(member)")
        }
        return m.bytes
    }

    static func history(file: String, in directory: String) throws -> History {
        try History(npz: try member("history.npz", file: file, in: directory))
    }

    static func record(file: String, in directory: String) throws -> RunRecord {
        try RunRecord(json: try JSONValue(parsing: try member("data.json", file: file, in: directory)))
    }
}
