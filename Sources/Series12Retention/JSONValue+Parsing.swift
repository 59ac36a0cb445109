extension JSONValue {
    /// Parses a complete JSON document, accepting Python's `NaN`, `Infinity`, `-Infinity`.
    ///
    /// Integers without fraction or exponent that fit in Int64 become `.int`, every other number
    /// `.number`. Surrounding whitespace is allowed; anything else after the value is an error.
    public init(parsing text: String) throws(JSONParseError) {
        try self.init(parsing: Array(text.utf8))
    }

    /// Parses UTF-8 bytes; see `init(parsing:)`.
    public init(parsing bytes: [UInt8]) throws(JSONParseError) {
        var parser = JSONParser(bytes: bytes)
        parser.skipWhitespace()
        let value = try parser.parseValue(depth: 0)
        parser.skipWhitespace()
        guard parser.index == bytes.count else { throw parser.error("unexpected text after the document") }
        self = value
    }
}
