/// Why an atomic write did not produce a verified file; `reason` is what the tier-1
/// `❌ … NOT CREATED! (reason)` line shows.
public struct AtomicWriteError: Error, CustomStringConvertible, Equatable {
    public var reason: String

    public init(_ reason: String) { self.reason = reason }

    public var description: String { reason }
}
