import Synchronization

/// The temporaries this process is writing right now, by path.
///
/// A temporary is named after the writer's pid, and pids repeat (in a container the program
/// often gets the same small pid every time). A `.{name}.{pid}.tmp` carrying our pid that is
/// not in this set was therefore left by an earlier, killed process and may be removed.
final class InFlightTemporaries: Sendable {
    static let shared = InFlightTemporaries()

    private let paths = Mutex<Set<String>>([])

    /// Registers `path`; false if this process is already writing it.
    func claim(_ path: String) -> Bool {
        paths.withLock { $0.insert(path).inserted }
    }

    func release(_ path: String) {
        _ = paths.withLock { $0.remove(path) }
    }

    func contains(_ path: String) -> Bool {
        paths.withLock { $0.contains(path) }
    }
}
