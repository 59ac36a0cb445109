/// A document that is not JSON (with the NaN/Infinity extension): where and why.
public struct JSONParseError: Error, CustomStringConvertible, Equatable {
    /// Byte offset into the UTF-8 text where parsing stopped.
    public var offset: Int
    public var reason: String

    public init(offset: Int, reason: String) {
        self.offset = offset
        self.reason = reason
    }

    public var description: String {
        "not valid JSON at byte \(offset): \(reason); the file is damaged or not a Series 12 document — "
            + "restore it from another tier (tier 3 or the log) or rerun"
    }
}
