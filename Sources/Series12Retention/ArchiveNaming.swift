import Foundation

/// File names of every archive a sweep writes (SPEC §4) and the stamp that ties them together.
///
/// A stamp is the sweep's start time in UTC, `YYYYMMDD_HHMMSS`; every file of a sweep carries
/// it as `_{stamp}` just before the extension, which is how the writers recognise their own
/// files (and refuse to overwrite anyone else's).
public enum ArchiveNaming {
    /// κ with exactly four decimals, as tier-1 lines print it: `0.1000`.
    public static func k4(_ kappa: Double) -> String { String(format: "%.4f", kappa) }

    /// The kappa tag of file names: `k4` with `.` replaced by `_`, e.g. `0_1000`.
    public static func kappaTag(_ kappa: Double) -> String { k4(kappa).replacingOccurrences(of: ".", with: "_") }

    /// `kappa_{kt}_{kind}_{stamp}.tar`.
    public static func kappaArchive(kappa: Double, kind: KappaArchiveKind, stamp: String) -> String {
        "kappa_\(kappaTag(kappa))_\(kind.rawValue)_\(stamp).tar"
    }

    /// `test{n}_{name}_{stamp}.tar`, e.g. `test1_single_step_20260705_013138.tar`.
    public static func testArchive(number: Int, name: String, stamp: String) -> String {
        testBase(number: number, name: name, stamp: stamp) + ".tar"
    }

    /// The JSON member inside a test archive: `test{n}_{name}_{stamp}.json`.
    public static func testMember(number: Int, name: String, stamp: String) -> String {
        testBase(number: number, name: name, stamp: stamp) + ".json"
    }

    private static func testBase(number: Int, name: String, stamp: String) -> String { "test\(number)_\(name)_\(stamp)" }

    /// The tier-3 file: `{sweep}_summary_{stamp}.tar`.
    public static func tier3Summary(sweep: String, stamp: String) -> String { "\(sweep)_summary_\(stamp).tar" }

    /// The tier-1 log copy: `{sweep}_log_{stamp}.txt`.
    public static func sweepLog(sweep: String, stamp: String) -> String { "\(sweep)_log_\(stamp).txt" }

    /// The tier-1 log of one cluster array task (`series12 sweep --task`):
    /// `{sweep}_log_kappa_{kt}_{stamp}.txt`. Each task appends only to its own file, so tasks
    /// running at once in one shared directory never write the same file.
    public static func taskLog(sweep: String, kappa: Double, stamp: String) -> String {
        "\(sweep)_log_kappa_\(kappaTag(kappa))_\(stamp).txt"
    }

    /// `(sweep, kappa tag)` of a task log name of `stamp`, e.g. `("clu", "0_1000")` for
    /// `clu_log_kappa_0_1000_{stamp}.txt`; nil for any other name.
    public static func taskLogParts(_ fileName: String, stamp: String) -> (sweep: String, tag: String)? {
        let suffix = "_\(stamp).txt"
        guard fileName.hasSuffix(suffix), let marker = fileName.range(of: "_log_kappa_", options: .backwards) else { return nil }
        let sweep = String(fileName[..<marker.lowerBound])
        let tag = String(fileName[marker.upperBound...].dropLast(suffix.count))
        let parts = tag.split(separator: "_", omittingEmptySubsequences: false)
        guard isValidSweepName(sweep), parts.count == 2, !parts[0].isEmpty, parts[0].allSatisfy(\.isASCIIDigit),
              parts[1].count == 4, parts[1].allSatisfy(\.isASCIIDigit) else { return nil }
        return (sweep, tag)
    }

    /// The stamp of `date` in UTC, `YYYYMMDD_HHMMSS`.
    public static func stamp(for date: Date = Date()) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return String(format: "%04d%02d%02d_%02d%02d%02d", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1,
                      Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec))
    }

    /// The UTC instant a well-formed stamp names, or nil when `text` is not a valid stamp
    /// (wrong shape, or a date such as month 13 that does not exist).
    public static func date(fromStamp text: String) -> Date? {
        let chars = Array(text.utf8)
        guard chars.count == 15, chars[8] == UInt8(ascii: "_"),
              chars.enumerated().allSatisfy({ $0.offset == 8 || ($0.element >= 0x30 && $0.element <= 0x39) })
        else { return nil }
        func field(_ start: Int, _ length: Int) -> Int {
            chars[start..<(start + length)].reduce(0) { $0 * 10 + Int($1 - 0x30) }
        }
        var parts = DateComponents()
        (parts.year, parts.month, parts.day) = (field(0, 4), field(4, 2), field(6, 2))
        (parts.hour, parts.minute, parts.second) = (field(9, 2), field(11, 2), field(13, 2))
        var calendar = Calendar(identifier: .gregorian)
        guard let utc = TimeZone(identifier: "UTC") else { return nil }
        calendar.timeZone = utc
        guard let date = calendar.date(from: parts), stamp(for: date) == text else { return nil }
        return date
    }

    /// True for a well-formed stamp naming a real UTC date and time.
    public static func isValidStamp(_ text: String) -> Bool { date(fromStamp: text) != nil }

    /// True for a sweep name of letters, digits, `_` and `-` only (SPEC §2), non-empty.
    public static func isValidSweepName(_ name: String) -> Bool {
        !name.isEmpty && name.unicodeScalars.allSatisfy {
            ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || $0 == "_" || $0 == "-"
        }
    }

    /// True for a tier-2 file of `stamp`: `kappa_{kt}_{data|history|summary|fields}_{stamp}.tar`
    /// or `test{n}_{name}_{stamp}.tar`. Tier-3 summaries, logs and temporaries are not tier 2.
    public static func isTier2(_ fileName: String, stamp: String) -> Bool {
        let suffix = "_\(stamp).tar"
        guard fileName.hasSuffix(suffix) else { return false }
        let stem = fileName.dropLast(suffix.count)
        if stem.hasPrefix("kappa_") {
            let parts = stem.dropFirst("kappa_".count).split(separator: "_", omittingEmptySubsequences: false)
            return parts.count == 3 && parts[0].allSatisfy(\.isASCIIDigit) && !parts[0].isEmpty
                && parts[1].count == 4 && parts[1].allSatisfy(\.isASCIIDigit)
                && KappaArchiveKind(rawValue: String(parts[2])) != nil
        }
        guard stem.hasPrefix("test") else { return false }
        let rest = stem.dropFirst(4)
        let digits = rest.prefix(while: \.isASCIIDigit)
        return !digits.isEmpty && rest.dropFirst(digits.count).hasPrefix("_") && rest.count > digits.count + 1
    }

    /// The kind of a kappa archive name (`kappa_0_1000_history_… .tar` → `.history`), else nil.
    public static func kappaKind(of fileName: String) -> KappaArchiveKind? {
        guard fileName.hasPrefix("kappa_") else { return nil }
        let parts = fileName.split(separator: "_")
        guard parts.count >= 5 else { return nil }
        return KappaArchiveKind(rawValue: String(parts[3]))
    }

    /// True when `fileName` is a file this sweep wrote: it carries `_{stamp}` in its name.
    public static func belongs(_ fileName: String, to stamp: String) -> Bool { fileName.contains("_\(stamp)") }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
