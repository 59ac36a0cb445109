/// Why a tar could not be read in full.
public enum TarReadError: Error, CustomStringConvertible, Equatable {
    /// The bytes stop early: inside a header or a member's data, or before the two zero blocks
    /// that end every complete tar (a cut exactly at a member boundary is caught here).
    case truncated(String)
    /// A header fails its checksum or holds an impossible field.
    case corrupt(String)

    public var description: String {
        switch self {
        case let .truncated(detail):
            return "tar is truncated: \(detail); the write was interrupted — rewrite it or use the previous checkpoint"
        case let .corrupt(detail):
            return "tar is corrupt: \(detail); the file was altered — rewrite it or restore it from another copy"
        }
    }
}
