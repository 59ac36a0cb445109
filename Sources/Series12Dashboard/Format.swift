import Foundation
import Series12Sweep

/// The dashboard's number formats. Each returns `missing` (— or -) for a value that does not
/// exist yet rather than a misleading 0.
enum Format {
    /// κ with exactly four decimals, as in the tier-1 lines (`0.1000`).
    static func kappa(_ k: Double) -> String { String(format: "%.4f", k) }

    /// The κ tag of archive names: `{k4}` with `.` → `_` (`0_1000`).
    static func kappaTag(_ k: Double) -> String { kappa(k).replacingOccurrences(of: ".", with: "_") }

    /// Wall time as `h:mm:ss` (hours not capped: `123:04:05`).
    static func clock(_ seconds: Double, missing: String = "—") -> String {
        guard seconds.isFinite, seconds >= 0 else { return missing }
        let s = Int(seconds.rounded(.down))
        return String(format: "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60)
    }

    /// Time left as `h:mm:ss`, counted up to the whole second (a run with 0.7 s to go shows
    /// `0:00:01`, not a finished-looking `0:00:00`), `>99h` beyond 99 hours, `missing` when unknown.
    static func eta(_ seconds: Double?, missing: String = "—") -> String {
        guard let seconds, seconds.isFinite, seconds >= 0 else { return missing }
        return seconds >= 99 * 3600 ? ">99h" : clock(seconds.rounded(.up))
    }

    /// `value` as `%.{digits}e`; non-finite values spelled `NaN`, `+Inf`, `-Inf`.
    static func scientific(_ value: Double, digits: Int) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "+Inf" : "-Inf" }
        return String(format: "%.\(digits)e", value)
    }

    /// Simulated time, five significant digits.
    static func time(_ t: Double) -> String { t.isFinite ? String(format: "%.4g", t) : scientific(t, digits: 0) }

    /// Steps per second: `850/s`, `12.3k/s`, `1.25M/s`; `missing` when not stepping.
    static func rate(_ stepsPerSecond: Double, missing: String = "—") -> String {
        guard stepsPerSecond.isFinite, stepsPerSecond > 0 else { return missing }
        if stepsPerSecond < 1000 { return String(format: "%.0f/s", stepsPerSecond) }
        if stepsPerSecond < 1e6 { return String(format: "%.1fk/s", stepsPerSecond / 1e3) }
        return String(format: "%.2fM/s", stepsPerSecond / 1e6)
    }

    /// A fraction 0…1 as a percentage with one decimal (`43.2%`).
    static func percent(_ fraction: Double) -> String {
        String(format: "%.1f%%", (fraction.isFinite ? min(1, max(0, fraction)) : 0) * 100)
    }

    /// The kind of an archive from its name: `kappa_0_1000_data_20250101_120000.tar` → `data`.
    /// A name of another shape is returned whole.
    static func archiveKind(_ name: String) -> String {
        var base = name
        if base.hasSuffix(".tar") { base.removeLast(4) }
        let parts = base.split(separator: "_", omittingEmptySubsequences: false)
        // kappa, int, frac, kind…, YYYYMMDD, HHMMSS
        guard parts.count >= 6, parts[0] == "kappa",
              parts[parts.count - 2].count == 8, parts[parts.count - 1].count == 6 else { return name }
        return parts[3..<(parts.count - 2)].joined(separator: "_")
    }

    /// `steps` written compactly for the progress column: `20000/20000`.
    static func stepFraction(_ step: Int, of steps: Int) -> String { "\(step)/\(steps)" }
}

/// How worrying a drift value is (SPEC §5: coloured by thresholds).
enum DriftSeverity: Equatable, Sendable {
    /// Not measured yet (no baseline): drawn dim, not red.
    case unmeasured
    /// Below 1e-4.
    case ok
    /// From 1e-4 to below 1e-2.
    case warn
    /// 1e-2 or more, or NaN / ∞ once measured.
    case bad

    static let warnThreshold = 1e-4
    static let badThreshold = 1e-2

    init(drift: Double, measured: Bool) {
        guard measured else { self = .unmeasured; return }
        if !drift.isFinite { self = .bad } else if drift < Self.warnThreshold { self = .ok }
        else if drift < Self.badThreshold { self = .warn } else { self = .bad }
    }

    var role: ColorRole {
        switch self {
        case .unmeasured: return .dim
        case .ok: return .ok
        case .warn: return .warn
        case .bad: return .bad
        }
    }
}

extension RunStatus {
    /// The colour a run's status is shown in.
    var role: ColorRole {
        switch self {
        case .running, .done: return .ok
        case .paused, .interrupted: return .warn
        case .queued: return .dim
        case .unstable, .failed: return .bad
        }
    }
}
