import Foundation
import Series12Retention

/// The tier-1 lines of SPEC §3: their exact formats, and a tolerant parser for
/// `series12 recover` (screen copies with wrapped, truncated and unrelated lines).
public enum LogLine: Equatable, Sendable {
    case run(stamp: String, kappa: Double, n: Int, length: Double, dx: Double, dt: Double, steps: Int, every: Int)
    case baseline(step: Int, H: Double, kappa: Double)
    case sample(step: Int, H: Double, drift: Double, kappa: Double)
    case done(kappa: Double, status: String, steps: Int, H0: Double, Hf: Double, drift: Double, elapsed: Double)

    /// κ with exactly four decimals, `0.1000`.
    public static func k4(_ kappa: Double) -> String { ArchiveNaming.k4(kappa) }

    /// `%.17g`: enough digits to read the same double back.
    public static func g17(_ x: Double) -> String { c(x, "%.17g") }

    /// `%.8e` etc. with C's spelling of non-finite values (`inf`, `nan`) as Python prints them.
    static func c(_ x: Double, _ format: String) -> String {
        if x.isNaN { return "nan" }
        if x.isInfinite { return x < 0 ? "-inf" : "inf" }
        return String(format: format, x)
    }

    /// `L` as the user gave it: shortest round-trip form, integral values without a fraction.
    static func plain(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : "\(x)"
    }

    public var text: String {
        switch self {
        case let .run(stamp, kappa, n, length, dx, dt, steps, every):
            return "Run \(stamp) | kappa=\(Self.k4(kappa)) | N=\(n) | L=\(Self.plain(length)) | dx=\(Self.g17(dx)) | dt=\(Self.g17(dt)) | steps=\(steps) | every=\(every)"
        case let .baseline(step, H, kappa):
            return "Step \(step) | H: \(Self.c(H, "%.8e")) | Baseline | kappa=\(Self.k4(kappa))"
        case let .sample(step, H, drift, kappa):
            return "Step \(step) | H: \(Self.c(H, "%.8e")) | Drift: \(Self.c(drift, "%.4e")) | kappa=\(Self.k4(kappa))"
        case let .done(kappa, status, steps, H0, Hf, drift, elapsed):
            return "Done kappa=\(Self.k4(kappa)) | status=\(status) | steps=\(steps) | H0: \(Self.c(H0, "%.8e")) | Hf: \(Self.c(Hf, "%.8e")) | drift: \(Self.c(drift, "%.4e")) | elapsed: \(String(format: "%.2f", elapsed)) s"
        }
    }

    /// Parses one complete tier-1 line; nil for anything else (unrelated, truncated or partial
    /// text). Leading text before `Run`/`Step`/`Done` (a prompt, a pane border) is skipped.
    public static func parse(_ raw: String) -> LogLine? {
        let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        for start in ["Run ", "Step ", "Done "] {
            guard let r = line.range(of: start) else { continue }
            if let parsed = parseFields(String(line[r.lowerBound...])) { return parsed }
        }
        return nil
    }

    private static func parseFields(_ line: String) -> LogLine? {
        let parts = line.components(separatedBy: " | ").map { $0.trimmingCharacters(in: .whitespaces) }
        func value(_ prefix: String) -> String? {
            parts.first { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
        }
        func number(_ prefix: String) -> Double? { value(prefix).flatMap(parseDouble) }
        func integer(_ prefix: String) -> Int? { value(prefix).flatMap { Int($0) } }
        guard let head = parts.first else { return nil }
        if head.hasPrefix("Run ") {
            let stamp = String(head.dropFirst(4))
            guard parts.count == 8, isStamp(stamp), let k = kappaField(value("kappa=")),
                  let n = integer("N="), let l = number("L="), let dx = number("dx="), let dt = number("dt="),
                  let steps = integer("steps="), let every = integer("every=") else { return nil }
            return .run(stamp: stamp, kappa: k, n: n, length: l, dx: dx, dt: dt, steps: steps, every: every)
        }
        if head.hasPrefix("Step ") {
            guard let step = Int(head.dropFirst(5)), let h = number("H: ") else { return nil }
            if parts.count == 4, parts[2] == "Baseline", let k = kappaField(value("kappa=")) {
                return .baseline(step: step, H: h, kappa: k)
            }
            if parts.count == 4, let d = number("Drift: "), let k = kappaField(value("kappa=")) {
                return .sample(step: step, H: h, drift: d, kappa: k)
            }
            return nil
        }
        if head.hasPrefix("Done kappa=") {
            guard parts.count == 7, let k = kappaField(String(head.dropFirst(5)).components(separatedBy: "=").last),
                  let status = value("status="), let steps = integer("steps="),
                  let h0 = number("H0: "), let hf = number("Hf: "), let d = number("drift: "),
                  let e = value("elapsed: "), e.hasSuffix(" s"), let secs = parseDouble(String(e.dropLast(2)))
            else { return nil }
            return .done(kappa: k, status: status, steps: steps, H0: h0, Hf: hf, drift: d, elapsed: secs)
        }
        return nil
    }

    /// A κ field must carry exactly four decimals; a shorter one is a truncated line.
    private static func kappaField(_ s: String?) -> Double? {
        guard let s, let dot = s.firstIndex(of: "."), s[s.index(after: dot)...].count == 4 else { return nil }
        return Double(s)
    }

    static func parseDouble(_ s: String) -> Double? {
        switch s {
        case "nan": return .nan
        case "inf": return .infinity
        case "-inf": return -.infinity
        default: return Double(s)
        }
    }

    static func isStamp(_ s: String) -> Bool {
        let b = Array(s.utf8)
        return b.count == 15 && b[8] == UInt8(ascii: "_")
            && b.enumerated().allSatisfy { $0.offset == 8 || (48...57).contains($0.element) }
    }
}
