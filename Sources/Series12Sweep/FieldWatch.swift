import Synchronization

/// Which run the dashboard's field view shows. That run pictures its fields at every sample
/// step; the others only at sample steps that write a fields checkpoint (which copy the fields
/// anyway) and at their end, so a closed view costs the solvers nothing measurable.
final class FieldWatch: Sendable {
    private let index = Atomic<Int>(-1)

    /// Watch run `run` (nil: none).
    func watch(_ run: Int?) { index.store(run ?? -1, ordering: .relaxed) }

    func isWatching(_ run: Int) -> Bool { index.load(ordering: .relaxed) == run }
}
