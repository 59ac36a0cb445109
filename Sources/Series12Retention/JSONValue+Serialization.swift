extension JSONValue {
    /// The document as text: pretty (2-space indent, one member per line, like Python's
    /// `json.dumps(indent=2)`) or compact; no trailing newline. Non-ASCII is written as UTF-8.
    public func serialized(pretty: Bool = true) -> String {
        var out = ""
        write(into: &out, indent: pretty ? 0 : nil)
        return out
    }

    /// `serialized(pretty:)` as UTF-8 bytes with a final newline, as a file member holds it.
    public func fileBytes() -> [UInt8] {
        Array((serialized() + "\n").utf8)
    }

    /// A double in the form this module writes: shortest round-trip decimal, or the bare
    /// Python extensions for non-finite values.
    public static func format(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d < 0 ? "-Infinity" : "Infinity" }
        return d.description
    }

    private func write(into out: inout String, indent: Int?) {
        switch self {
        case .null: out += "null"
        case let .bool(b): out += b ? "true" : "false"
        case let .number(d): out += Self.format(d)
        case let .int(i): out += String(i)
        case let .string(s): Self.writeString(s, into: &out)
        case let .array(items):
            writeContainer(open: "[", close: "]", count: items.count, into: &out, indent: indent) { i, out, inner in
                items[i].write(into: &out, indent: inner)
            }
        case let .object(members):
            writeContainer(open: "{", close: "}", count: members.count, into: &out, indent: indent) { i, out, inner in
                Self.writeString(members[i].key, into: &out)
                out += indent == nil ? ":" : ": "
                members[i].value.write(into: &out, indent: inner)
            }
        }
    }

    /// Writes `count` elements between brackets, newline-and-indent separated when pretty.
    private func writeContainer(open: String, close: String, count: Int, into out: inout String, indent: Int?,
                                element: (Int, inout String, Int?) -> Void) {
        out += open
        guard count > 0 else { out += close; return }
        let inner = indent.map { $0 + 2 }
        for i in 0..<count {
            if i > 0 { out += "," }
            if let inner { out += "\n" + String(repeating: " ", count: inner) }
            element(i, &out, inner)
        }
        if let indent { out += "\n" + String(repeating: " ", count: indent) }
        out += close
    }

    private static func writeString(_ s: String, into out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
