/// Something `series12 recover` could not rebuild, or rebuilt with a caveat, said in words for
/// the user. Notes never stop a recovery; they are printed and kept in each κ's `summary.txt`.
public enum RecoveryNote: Sendable, Equatable, CustomStringConvertible {
    /// The text's last line starts like a tier-1 line but is cut short (a paste that stopped
    /// mid-line); it was dropped.
    case truncatedLastLine(line: Int, text: String)
    /// A line that starts like a tier-1 line but neither parses nor rejoins with the next.
    case unreadableLine(line: Int, text: String)
    /// Two different H values for the same sample step; the first one in the text was kept.
    case conflictingStep(stamp: String, kappa: Double, step: Int, kept: Double, other: Double, line: Int)
    /// A second `Run` line for the same stamp and κ with other parameters; the first was kept.
    case conflictingRun(stamp: String, kappa: Double, line: Int)
    /// Two `Done` lines for the same stamp and κ that disagree at the same step count.
    case conflictingDone(stamp: String, kappa: Double, line: Int)
    /// Sample steps (`0, every, 2·every, …` and the last) that are not in the text.
    case missingSamples(stamp: String, kappa: Double, steps: [Int])
    /// A `Run` line but no `Step` or `Done` line: nothing to rebuild for this κ.
    case runWithoutSteps(stamp: String, kappa: Double)
    /// Neither the `Step 0` baseline nor a `Done` line gives H0: drift cannot be recomputed.
    case noBaseline(stamp: String, kappa: Double)
    /// `Step` lines of a κ with no `Run` line, in a text with no or several stamps: the stamp
    /// they belong to is unknown.
    case stepsWithoutRun(kappa: Double, lines: Int)
    /// No `Run` line for this κ; grid and step counts come from the other κs of the stamp.
    case borrowedParameters(stamp: String, kappa: Double, dtKnown: Bool)
    /// The `Step 0` line is missing; H0 comes from the `Done` line.
    case baselineFromDone(stamp: String, kappa: Double)
    /// The last sample's `Step` line is missing; its H comes from the `Done` line (Hf).
    case finalSampleFromDone(stamp: String, kappa: Double, step: Int)
    /// The `Done` line disagrees with the `Step` lines (H0 or Hf).
    case doneDisagrees(stamp: String, kappa: Double, detail: String)
    /// No `Done` line: the run was cut off; recorded as `interrupted` at its last sample step.
    case noDoneLine(stamp: String, kappa: Double, lastStep: Int)
    /// `c` and `cfl` are not printed and the defaults do not reproduce the printed dt.
    case unknownWaveSpeed(stamp: String, kappa: Double)
    /// Fields are never printed; the fields archive (the resume checkpoint) cannot be rebuilt.
    case fieldsNotRecoverable(file: String, existing: Bool)

    public var description: String {
        switch self {
        case let .truncatedLastLine(line, text):
            return "line \(line) is a truncated tier-1 line at the end of the text and was dropped: \"\(Self.clip(text))\""
        case let .unreadableLine(line, text):
            return "line \(line) looks like a tier-1 line but does not parse and was dropped: \"\(Self.clip(text))\""
        case let .conflictingStep(stamp, kappa, step, kept, other, line):
            return "\(Self.run(stamp, kappa)): step \(step) appears with two H values, \(Self.sci(kept)) and \(Self.sci(other)) (line \(line)); kept the first — check the text"
        case let .conflictingRun(stamp, kappa, line):
            return "\(Self.run(stamp, kappa)): the Run line at line \(line) disagrees with an earlier one; kept the first"
        case let .conflictingDone(stamp, kappa, line):
            return "\(Self.run(stamp, kappa)): the Done line at line \(line) disagrees with an earlier one; kept the first"
        case let .missingSamples(stamp, kappa, steps):
            let shown = steps.prefix(12).map(String.init).joined(separator: ", ") + (steps.count > 12 ? ", …" : "")
            return "\(Self.run(stamp, kappa)): \(steps.count) sample step(s) missing from the text: \(shown); the history has a gap there"
        case let .runWithoutSteps(stamp, kappa):
            return "\(Self.run(stamp, kappa)): a Run line but no Step lines — nothing to recover for this kappa"
        case let .noBaseline(stamp, kappa):
            return "\(Self.run(stamp, kappa)): neither the Step 0 baseline nor a Done line is in the text, so H0 and the drift are unknown — not recovered"
        case let .stepsWithoutRun(kappa, lines):
            return "kappa=\(LogLine.k4(kappa)): \(lines) Step/Done line(s) but no Run line, so their stamp is unknown — not recovered; include the Run lines in the text"
        case let .borrowedParameters(stamp, kappa, dtKnown):
            return "\(Self.run(stamp, kappa)): no Run line; N, L, dx, steps and every taken from the other kappas of the sweep"
                + (dtKnown ? ", dt from the same stable-step rule" : "; dt unknown (dt and t recorded as NaN)")
        case let .baselineFromDone(stamp, kappa):
            return "\(Self.run(stamp, kappa)): the Step 0 line is missing; H0 taken from the Done line"
        case let .finalSampleFromDone(stamp, kappa, step):
            return "\(Self.run(stamp, kappa)): the Step \(step) line is missing; its H taken from the Done line (Hf)"
        case let .doneDisagrees(stamp, kappa, detail):
            return "\(Self.run(stamp, kappa)): the Done line disagrees with the Step lines (\(detail))"
        case let .noDoneLine(stamp, kappa, lastStep):
            return "\(Self.run(stamp, kappa)): no Done line; recorded as interrupted at step \(lastStep), elapsed unknown (0)"
        case let .unknownWaveSpeed(stamp, kappa):
            return "\(Self.run(stamp, kappa)): c and cfl are not printed and c = 1, cfl = 0.5 do not reproduce the printed dt (a --c, --cfl or --dt run); recorded as NaN"
        case let .fieldsNotRecoverable(file, existing):
            return existing
                ? "fields cannot be recovered from text: the existing \(file) is kept as it is"
                : "fields cannot be recovered from text: \(file) not written (series12 resume cannot continue this run)"
        }
    }

    private static func run(_ stamp: String, _ kappa: Double) -> String { "kappa=\(LogLine.k4(kappa)) (\(stamp))" }
    private static func sci(_ x: Double) -> String { LogLine.c(x, "%.8e") }
    private static func clip(_ s: String) -> String { s.count > 90 ? String(s.prefix(90)) + "…" : s }
}
