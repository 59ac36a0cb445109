/// One line of the tier-3 manifest: a tier-2 file as it was when the summary was written.
public struct ManifestEntry: Sendable, Equatable {
    public var name: String
    /// File size in bytes.
    public var bytes: Int
    /// SHA-256 of the whole file, lower-case hex.
    public var sha256: String

    public init(name: String, bytes: Int, sha256: String) {
        self.name = name
        self.bytes = bytes
        self.sha256 = sha256
    }

    /// `{"name", "bytes", "sha256"}`.
    public var json: JSONValue {
        .object([("name", .string(name)), ("bytes", .int(Int64(bytes))), ("sha256", .string(sha256))])
    }

    /// Reads a manifest object back; nil when a key is missing or mistyped.
    public init?(json: JSONValue) {
        guard let name = json["name"]?.stringValue, let bytes = json["bytes"]?.intValue,
              let sha = json["sha256"]?.stringValue, let size = Int(exactly: bytes) else { return nil }
        self.init(name: name, bytes: size, sha256: sha)
    }
}
