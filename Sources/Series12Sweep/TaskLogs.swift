import Foundation
import Series12Retention

/// The per-task tier-1 logs of a cluster sweep (`{sweep}_log_kappa_{kt}_{stamp}.txt`, one per
/// array task, written by `series12 sweep --task`), read back as one log: κ by κ in ascending
/// order, each file's lines in the order they were written.
public enum TaskLogs {
    public struct Entry: Sendable, Equatable {
        /// The file name in the directory.
        public var fileName: String
        public var sweep: String
        /// `0_1000`
        public var tag: String
        /// κ as its tag reads (four decimals).
        public var kappa: Double
    }

    /// Every task log of `stamp` in `directory` (of sweep `sweep` when given), by ascending κ.
    public static func find(in directory: String, stamp: String, sweep: String? = nil) -> [Entry] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.compactMap { name -> Entry? in
            guard let parts = ArchiveNaming.taskLogParts(name, stamp: stamp), sweep == nil || parts.sweep == sweep else { return nil }
            return Entry(fileName: name, sweep: parts.sweep, tag: parts.tag, kappa: kappa(ofTag: parts.tag))
        }.sorted { ($0.kappa, $0.fileName) < ($1.kappa, $1.fileName) }
    }

    /// The lines of sweep `sweep`'s task logs, κ by κ; empty when there are none. A last line
    /// without its newline (a task killed mid-write) is kept.
    public static func mergedLines(directory: String, sweep: String, stamp: String) -> [String] {
        find(in: directory, stamp: stamp, sweep: sweep).flatMap { entry in
            lines(ofFile: directory + "/" + entry.fileName)
        }
    }

    /// The non-empty lines of a text file (none when it cannot be read).
    public static func lines(ofFile path: String) -> [String] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        return String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    }

    /// `0_1000` → 0.1.
    public static func kappa(ofTag tag: String) -> Double {
        Double(tag.replacingOccurrences(of: "_", with: ".")) ?? .nan
    }
}
