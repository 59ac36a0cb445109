/// A JSON document that parsed but does not hold what Series 12 expects (a key missing or of
/// the wrong type), e.g. a `data.json` from another program.
public struct RecordDecodingError: Error, CustomStringConvertible, Equatable {
    /// What was being read, e.g. `data.json`.
    public var document: String
    /// The key path, e.g. `parameters.N`.
    public var key: String
    /// What was expected there, e.g. `an integer`.
    public var expected: String

    public init(document: String, key: String, expected: String) {
        self.document = document
        self.key = key
        self.expected = expected
    }

    public var description: String {
        "\(document): key \"\(key)\" is missing or is not \(expected); "
            + "the file was not written by Series 12 or is damaged — use the tier-3 summary or `series12 recover` instead"
    }
}
