import Foundation

/// numpy's `.npy` format, version 1.0 (what `numpy.save` writes for these dtypes):
///
///     \x93NUMPY  0x01 0x00  <u16 little-endian header length>  header  data
///
/// The header is a Python dict literal padded with spaces and ended by `\n` so that magic +
/// version + length + header is a multiple of 64 bytes (numpy aligns the data that way).
public enum NPY {
    static let magic: [UInt8] = [0x93] + Array("NUMPY".utf8)

    /// Encodes `array` as a complete `.npy` file.
    public static func encode(_ array: NPYArray) -> [UInt8] {
        var out = header(descr: array.descr, shape: array.shape)
        out.reserveCapacity(out.count + 8 * array.elements.count)
        array.elements.withLittleEndianBytes { out.append(contentsOf: $0) }
        return out
    }

    /// Magic, version 1.0, header length and the padded header dict: everything before the data.
    static func header(descr: String, shape: [Int]) -> [UInt8] {
        let tuple: String
        switch shape.count {
        case 0: tuple = "()"
        case 1: tuple = "(\(shape[0]),)"
        default: tuple = "(" + shape.map(String.init).joined(separator: ", ") + ")"
        }
        var dict = Array("{'descr': '\(descr)', 'fortran_order': False, 'shape': \(tuple), }".utf8)
        let unpadded = magic.count + 2 + 2 + dict.count + 1
        dict += [UInt8](repeating: 0x20, count: (64 - unpadded % 64) % 64) + [0x0A]
        return magic + [1, 0, UInt8(dict.count & 0xFF), UInt8(dict.count >> 8)] + dict
    }

    /// Decodes a `.npy` file of dtype `<f8` or `<i8`, C order (versions 1.0 to 3.0 headers).
    public static func decode(_ bytes: [UInt8], name: String = "npy") throws(RetentionFormatError) -> NPYArray {
        guard bytes.count >= 10, Array(bytes[0..<6]) == magic else {
            throw RetentionFormatError(name, "does not start with the .npy magic \\x93NUMPY")
        }
        let major = bytes[6]
        let lengthBytes = major == 1 ? 2 : 4
        guard (1...3).contains(major), bytes.count >= 8 + lengthBytes else {
            throw RetentionFormatError(name, "unsupported .npy version \(major)")
        }
        var headerLength = 0
        for i in 0..<lengthBytes { headerLength |= Int(bytes[8 + i]) << (8 * i) }
        let dataStart = 8 + lengthBytes + headerLength
        guard dataStart <= bytes.count else { throw RetentionFormatError(name, "header runs past the end of the file") }
        let header = String(decoding: bytes[(8 + lengthBytes)..<dataStart], as: UTF8.self)
        let (descr, shape) = try parseHeader(header, name: name)
        let count = shape.reduce(1, *)
        guard bytes.count - dataStart == 8 * count else {
            throw RetentionFormatError(name, "holds \(bytes.count - dataStart) data bytes, the shape \(shape) needs \(8 * count)")
        }
        let words = readLittleEndian(bytes, from: dataStart, count: count)
        switch descr {
        case "<f8": return NPYArray(shape: shape, elements: .float64(words.map(Double.init(bitPattern:))))
        default: return NPYArray(shape: shape, elements: .int64(words.map { Int64(bitPattern: $0) }))
        }
    }

    /// Pulls `descr` and `shape` out of the header dict; rejects Fortran order and other dtypes.
    static func parseHeader(_ header: String, name: String) throws(RetentionFormatError) -> (String, [Int]) {
        guard let descr = value(of: "descr", in: header)?.trimmingQuotes, ["<f8", "<i8"].contains(descr) else {
            throw RetentionFormatError(name, "dtype is not '<f8' or '<i8' (header \(header.trimmed))")
        }
        guard value(of: "fortran_order", in: header) == "False" else {
            throw RetentionFormatError(name, "is in Fortran order, only C order is read")
        }
        guard let shapeText = value(of: "shape", in: header), shapeText.hasPrefix("("), shapeText.hasSuffix(")") else {
            throw RetentionFormatError(name, "header has no shape tuple")
        }
        var shape: [Int] = []
        for part in shapeText.dropFirst().dropLast().split(separator: ",") {
            let digits = part.filter { $0 != " " && $0 != "L" }
            guard let n = Int(digits), n >= 0 else { throw RetentionFormatError(name, "bad shape \(shapeText)") }
            shape.append(n)
        }
        return (descr, shape)
    }

    /// The text after `'key':` up to the next top-level comma (a tuple counts as one value).
    static func value(of key: String, in header: String) -> String? {
        guard let range = header.range(of: "'\(key)':") else { return nil }
        var depth = 0
        var out = ""
        for c in header[range.upperBound...] {
            if c == "(" { depth += 1 }
            if c == ")" { depth -= 1 }
            if (c == "," && depth == 0) || c == "}" { break }
            out.append(c)
        }
        return out.trimmed
    }
}

extension NPYArray.Elements {
    /// Calls `body` with the elements as `.npy` stores them (`<f8`/`<i8`): the array's own
    /// memory on a little-endian host, a byte-swapped copy otherwise.
    func withLittleEndianBytes<R, E: Error>(_ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E) -> R {
        switch self {
        case let .float64(values): return try Series12Retention.withLittleEndianBytes(of: values, body)
        case let .int64(values): return try Series12Retention.withLittleEndianBytes(of: values, body)
        }
    }
}

/// `body` over the bytes of `values` in little-endian order, without a copy where the host is
/// little-endian already.
func withLittleEndianBytes<T: BitwiseCopyable, R, E: Error>(of values: [T], _ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E) -> R {
    #if _endian(little)
    return try withRawBytes(of: values, body)
    #else
    let swapped = values.withUnsafeBytes { Array($0.reversedWords(size: MemoryLayout<T>.size)) }
    return try withRawBytes(of: swapped, body)
    #endif
}

/// `Array.withUnsafeBytes` keeping the body's typed error (the standard library's is `rethrows`).
func withRawBytes<T, R, E: Error>(of values: [T], _ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E) -> R {
    let result: Result<R, E> = values.withUnsafeBytes { raw in Result { () throws(E) in try body(raw) } }
    return try result.get()
}

#if !_endian(little)
extension UnsafeRawBufferPointer {
    /// The bytes with each `size`-byte word reversed (host order to little-endian).
    func reversedWords(size: Int) -> [UInt8] {
        stride(from: 0, to: count, by: size).flatMap { self[$0..<($0 + size)].reversed() }
    }
}
#endif

/// Reads `count` little-endian 8-byte words starting at byte `offset`.
func readLittleEndian(_ bytes: [UInt8], from offset: Int, count: Int) -> [UInt64] {
    bytes.withUnsafeBytes { raw in
        (0..<count).map { UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset + 8 * $0, as: UInt64.self)) }
    }
}
