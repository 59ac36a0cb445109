/// libarchive refused to build an archive in memory (`.npz` or tar). Not a disk problem: the
/// bytes never reached a file. Usually out of memory, else a bug.
public struct ArchiveEncodingError: Error, CustomStringConvertible, Equatable {
    /// The format being written, e.g. `npz`, `tar`.
    public var format: String
    public var reason: String

    public init(_ format: String, _ reason: String) {
        self.format = format
        self.reason = reason
    }

    public var description: String {
        "could not build the \(format) archive in memory: \(reason); check free memory, else report this as a bug"
    }
}
