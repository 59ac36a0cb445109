/// Recursive-descent parser over UTF-8 bytes.
struct JSONParser {
    let bytes: [UInt8]
    var index = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    func error(_ reason: String) -> JSONParseError { JSONParseError(offset: index, reason: reason) }

    mutating func skipWhitespace() {
        while index < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[index]) { index += 1 }
    }

    /// Consumes `word` if the input continues with it.
    mutating func consume(_ word: String) -> Bool {
        let w = Array(word.utf8)
        guard index + w.count <= bytes.count, Array(bytes[index..<(index + w.count)]) == w else { return false }
        index += w.count
        return true
    }

    mutating func parseValue(depth: Int) throws(JSONParseError) -> JSONValue {
        guard depth < 512 else { throw error("nesting deeper than 512 levels") }
        guard index < bytes.count else { throw error("unexpected end of text") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject(depth: depth)
        case UInt8(ascii: "["): return try parseArray(depth: depth)
        case UInt8(ascii: "\""): return .string(try parseString())
        default:
            if consume("null") { return .null }
            if consume("true") { return .bool(true) }
            if consume("false") { return .bool(false) }
            if consume("NaN") { return .number(.nan) }
            if consume("Infinity") { return .number(.infinity) }
            if consume("-Infinity") { return .number(-.infinity) }
            return try parseNumber()
        }
    }

    mutating func parseObject(depth: Int) throws(JSONParseError) -> JSONValue {
        index += 1
        var members: [(key: String, value: JSONValue)] = []
        skipWhitespace()
        if consume("}") { return .object(members) }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw error("expected a quoted key") }
            let key = try parseString()
            skipWhitespace()
            guard consume(":") else { throw error("expected ':' after key \"\(key)\"") }
            skipWhitespace()
            members.append((key, try parseValue(depth: depth + 1)))
            skipWhitespace()
            if consume(",") { continue }
            if consume("}") { return .object(members) }
            throw error("expected ',' or '}' in an object")
        }
    }

    mutating func parseArray(depth: Int) throws(JSONParseError) -> JSONValue {
        index += 1
        var items: [JSONValue] = []
        skipWhitespace()
        if consume("]") { return .array(items) }
        while true {
            skipWhitespace()
            items.append(try parseValue(depth: depth + 1))
            skipWhitespace()
            if consume(",") { continue }
            if consume("]") { return .array(items) }
            throw error("expected ',' or ']' in an array")
        }
    }

    mutating func parseNumber() throws(JSONParseError) -> JSONValue {
        let start = index
        var integral = true
        while index < bytes.count {
            let c = bytes[index]
            if (c >= 0x30 && c <= 0x39) || c == UInt8(ascii: "-") || c == UInt8(ascii: "+") {
                index += 1
            } else if c == UInt8(ascii: ".") || c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
                integral = false
                index += 1
            } else {
                break
            }
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        guard !text.isEmpty, isJSONNumber(text) else {
            index = start
            throw error(text.isEmpty ? "unexpected character" : "malformed number \(text)")
        }
        if integral, let i = Int64(text) { return .int(i) }
        guard let d = Double(text) else { throw error("malformed number \(text)") }
        return .number(d)
    }

    /// The JSON number grammar: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    func isJSONNumber(_ text: String) -> Bool {
        var s = Substring(text)
        if s.hasPrefix("-") { s = s.dropFirst() }
        let intPart = s.prefix { $0.isASCII && $0.isNumber }
        guard !intPart.isEmpty, intPart == "0" || !intPart.hasPrefix("0") else { return false }
        s = s.dropFirst(intPart.count)
        if s.hasPrefix(".") {
            s = s.dropFirst()
            let frac = s.prefix { $0.isASCII && $0.isNumber }
            guard !frac.isEmpty else { return false }
            s = s.dropFirst(frac.count)
        }
        if s.hasPrefix("e") || s.hasPrefix("E") {
            s = s.dropFirst()
            if s.hasPrefix("+") || s.hasPrefix("-") { s = s.dropFirst() }
            let exp = s.prefix { $0.isASCII && $0.isNumber }
            guard !exp.isEmpty else { return false }
            s = s.dropFirst(exp.count)
        }
        return s.isEmpty
    }

    mutating func parseString() throws(JSONParseError) -> String {
        index += 1
        var scalars = String.UnicodeScalarView()
        var run = index  // start of the current run of plain bytes
        func flush(_ end: Int) { scalars.append(contentsOf: String(decoding: bytes[run..<end], as: UTF8.self).unicodeScalars) }
        while index < bytes.count {
            let c = bytes[index]
            if c == UInt8(ascii: "\"") {
                flush(index)
                index += 1
                return String(scalars)
            }
            if c < 0x20 { throw error("control character inside a string") }
            if c == UInt8(ascii: "\\") {
                flush(index)
                index += 1
                scalars.append(try parseEscape())
                run = index
            } else {
                index += 1
            }
        }
        throw error("unterminated string")
    }

    /// Parses the escape after a backslash, including `\uD83D\uDE00` surrogate pairs.
    mutating func parseEscape() throws(JSONParseError) -> Unicode.Scalar {
        guard index < bytes.count else { throw error("unterminated escape") }
        let c = bytes[index]
        index += 1
        switch c {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let high = try parseHex4()
            if (0xD800..<0xDC00).contains(high), consume("\\u") {
                let low = try parseHex4()
                if (0xDC00..<0xE000).contains(low),
                   let s = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)) {
                    return s
                }
            }
            return Unicode.Scalar(high) ?? "\u{FFFD}"
        default: throw error("unknown escape \\\(Character(Unicode.Scalar(c)))")
        }
    }

    mutating func parseHex4() throws(JSONParseError) -> UInt32 {
        guard index + 4 <= bytes.count,
              let v = UInt32(String(decoding: bytes[index..<(index + 4)], as: UTF8.self), radix: 16)
        else { throw error("bad \\u escape") }
        index += 4
        return v
    }
}
