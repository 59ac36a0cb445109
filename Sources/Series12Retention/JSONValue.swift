/// A JSON document as Series 12 writes and reads it: `data.json`, test results, `summary.json`.
///
/// Objects keep their keys in insertion order (the files read top to bottom the way the spec
/// lists them). Numbers are either `int` (written without a fraction) or `number` (a Double,
/// written with the shortest representation that round-trips bit-exactly). Non-finite doubles
/// are written as the bare words `NaN`, `Infinity`, `-Infinity`, the extension Python's `json`
/// reads and writes; Foundation's `JSONSerialization` rejects them, hence this type.
///
/// Equality compares doubles by bit pattern, so `NaN == NaN` and `0.0 != -0.0`: two values are
/// equal exactly when they serialize identically.
public enum JSONValue: Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case int(Int64)
    case string(String)
    case array([JSONValue])
    case object([(key: String, value: JSONValue)])
}

extension JSONValue: Equatable {
    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.number(a), .number(b)): return a.bitPattern == b.bitPattern
        case let (.int(a), .int(b)): return a == b
        case let (.string(a), .string(b)): return a == b
        case let (.array(a), .array(b)): return a == b
        case let (.object(a), .object(b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: return false
        }
    }
}

extension JSONValue {
    /// The value under `key` of an object (the first one, should a document repeat a key);
    /// nil for a missing key or a non-object.
    public subscript(key: String) -> JSONValue? {
        guard case let .object(members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// A number as a Double, whether written as an integer or not.
    public var doubleValue: Double? {
        switch self {
        case let .number(d): return d
        case let .int(i): return Double(i)
        default: return nil
        }
    }

    /// An integer, also from a `number` that holds an exact integer (e.g. `20000.0`).
    public var intValue: Int64? {
        switch self {
        case let .int(i): return i
        case let .number(d): return d.isFinite && d.rounded() == d && abs(d) < 9.2e18 ? Int64(d) : nil
        default: return nil
        }
    }

    public var stringValue: String? {
        if case let .string(s) = self { return s }
        return nil
    }

    public var boolValue: Bool? {
        if case let .bool(b) = self { return b }
        return nil
    }

    public var arrayValue: [JSONValue]? {
        if case let .array(a) = self { return a }
        return nil
    }

    public var objectValue: [(key: String, value: JSONValue)]? {
        if case let .object(o) = self { return o }
        return nil
    }

    /// This object with `other`'s members appended; a key present in both takes `other`'s value
    /// in place. Non-objects are returned unchanged.
    public func merging(_ other: JSONValue) -> JSONValue {
        guard case var .object(mine) = self, case let .object(theirs) = other else { return self }
        for (key, value) in theirs {
            if let i = mine.firstIndex(where: { $0.key == key }) { mine[i].value = value } else { mine.append((key, value)) }
        }
        return .object(mine)
    }
}
