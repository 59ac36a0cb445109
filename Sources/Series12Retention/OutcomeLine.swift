/// The tier-1 lines that report a saved file (SPEC §3), two leading spaces included:
///
///       📦 {tar} created ({bytes} bytes)
///       ❌ {tar} NOT CREATED! ({reason})
///       📄 {json} saved ({bytes} bytes)
///
/// With `ascii` (the `--ascii` flag or a non-UTF-8 locale) the marks are `[tar]`, `[FAIL]`,
/// `[json]`. `series12 recover` parses these lines, so the format must not drift.
public enum OutcomeLine {
    /// `📦 … created` for a verified archive, `❌ … NOT CREATED!` for a failed one.
    public static func archive(_ outcome: ArchiveOutcome, ascii: Bool = false) -> String {
        if let reason = outcome.failureReason {
            return "  \(ascii ? "[FAIL]" : "❌") \(outcome.name) NOT CREATED! (\(reason))"
        }
        return "  \(ascii ? "[tar]" : "📦") \(outcome.name) created (\(outcome.bytes) bytes)"
    }

    /// `📄 {json} saved ({bytes} bytes)`.
    public static func json(name: String, bytes: Int, ascii: Bool = false) -> String {
        "  \(ascii ? "[json]" : "📄") \(name) saved (\(bytes) bytes)"
    }
}
