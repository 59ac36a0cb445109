/// Typed access to an object's members with errors naming the key.
public struct JSONFieldReader {
    public var document: String
    public var value: JSONValue
    public var prefix: String

    public init(document: String, value: JSONValue, prefix: String = "") {
        self.document = document
        self.value = value
        self.prefix = prefix
    }

    public func double(_ key: String) throws(RecordDecodingError) -> Double {
        guard let d = value[key]?.doubleValue else { throw missing(key, "a number") }
        return d
    }

    public func int(_ key: String) throws(RecordDecodingError) -> Int {
        guard let i = value[key]?.intValue, let n = Int(exactly: i) else { throw missing(key, "an integer") }
        return n
    }

    public func string(_ key: String) throws(RecordDecodingError) -> String {
        guard let s = value[key]?.stringValue else { throw missing(key, "a string") }
        return s
    }

    private func missing(_ key: String, _ expected: String) -> RecordDecodingError {
        RecordDecodingError(document: document, key: prefix + key, expected: expected)
    }
}
