/// A κ run's life cycle (SPEC §2).
public enum RunStatus: String, Sendable, CaseIterable {
    case queued, running, paused, done, unstable, failed, interrupted

    /// True once the run will never step again in this process.
    public var isFinal: Bool {
        switch self {
        case .done, .unstable, .failed, .interrupted: return true
        case .queued, .running, .paused: return false
        }
    }
}
