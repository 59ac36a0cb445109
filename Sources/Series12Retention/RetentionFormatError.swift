/// Bytes that are not the archive format expected (`.npy`, `.npz`, tar), or an archive that
/// lacks what Series 12 needs from it.
public struct RetentionFormatError: Error, CustomStringConvertible, Equatable {
    /// The format or member concerned, e.g. `history.npz`, `tar`.
    public var what: String
    public var reason: String

    public init(_ what: String, _ reason: String) {
        self.what = what
        self.reason = reason
    }

    public var description: String {
        "\(what): \(reason); the archive is damaged or was not written by Series 12 — "
            + "use another checkpoint, the tier-3 summary, or `series12 recover`"
    }
}
