/// One file inside a tar or zip archive: a flat name (no `/`) and its bytes.
public struct ArchiveMember: Sendable, Equatable {
    public var name: String
    public var bytes: [UInt8]

    public init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }
}
