import Series12Retention

/// What `Recovery.write` did, in the order it happened: notes to print and archive outcomes
/// (printed as the tier-1 `📦 … created` / `❌ … NOT CREATED!` lines).
public enum RecoveryEvent: Sendable, Equatable {
    case note(RecoveryNote)
    case archive(ArchiveOutcome)

    /// The outcome, when this event is one.
    public var outcome: ArchiveOutcome? {
        if case let .archive(outcome) = self { return outcome }
        return nil
    }
}
