/// Where a tar's bytes come from: memory, or a file read piece by piece (`ReadBack`).
protocol TarSource {
    /// Total bytes.
    var count: Int { get }
    /// The bytes in `range` (within `0..<count`).
    func read(_ range: Range<Int>) throws(TarReadError) -> [UInt8]
}

extension Array: TarSource where Element == UInt8 {
    func read(_ range: Range<Int>) -> [UInt8] { Array(self[range]) }
}

/// Walks tar headers (ustar, pax `x`/`g`, GNU `L` long names) one 512-byte block at a time,
/// so a file on disk is checked without being held in memory whole.
struct TarParser<Source: TarSource> {
    let source: Source
    var offset = 0
    /// The current header block.
    var header: [UInt8] = []
    /// Name and size overrides from a pax `x` header or GNU `L` record for the next entry.
    var nextName: String?
    var nextSize: Int?

    /// A regular-file member: its name and where its data lie in the source.
    struct Entry {
        var name: String
        var data: Range<Int>
    }

    init(source: Source) { self.source = source }

    mutating func members() throws(TarReadError) -> [ArchiveMember] {
        var out: [ArchiveMember] = []
        for entry in try entries() { out.append(ArchiveMember(name: entry.name, bytes: try source.read(entry.data))) }
        return out
    }

    /// The regular-file members in order, located but not read.
    mutating func entries() throws(TarReadError) -> [Entry] {
        var out: [Entry] = []
        while true {
            guard offset + 512 <= source.count else {
                throw .truncated(offset == source.count
                    ? "it ends after \(out.count) member(s) without the end-of-archive marker"
                    : "it ends inside a header at byte \(offset)")
            }
            header = try source.read(offset..<(offset + 512))
            if Self.isZero(header) {
                guard offset + 1024 <= source.count else { throw .truncated("only one of the two end-of-archive blocks is present") }
                guard Self.isZero(try source.read((offset + 512)..<(offset + 1024))) else {
                    throw .corrupt("a zero block at byte \(offset) is followed by data")
                }
                return out
            }
            try checkChecksum()
            let type = header[156]
            let name = nextName ?? headerName()
            let headerSize = try octal(at: 124, length: 12)
            let size = nextSize ?? headerSize
            let data = try payload(size: size, of: name)
            nextName = nil
            nextSize = nil
            switch type {
            case UInt8(ascii: "0"), 0, UInt8(ascii: "7"): out.append(Entry(name: name, data: data))
            case UInt8(ascii: "x"): applyPax(try source.read(data)[...])
            case UInt8(ascii: "L"): nextName = String(decoding: try source.read(data).prefix { $0 != 0 }, as: UTF8.self)
            default: break  // directories, links, pax global headers: not members we hold
            }
        }
    }

    /// Locates the `size` data bytes after the current header and moves past their padding.
    mutating func payload(size: Int, of name: String) throws(TarReadError) -> Range<Int> {
        let start = offset + 512
        let padded = (size + 511) / 512 * 512
        guard start + size <= source.count else {
            throw .truncated("member \(name) has \(max(0, source.count - start)) of its \(size) bytes")
        }
        guard start + padded <= source.count else { throw .truncated("member \(name) lacks its block padding") }
        offset = start + padded
        return start..<(start + size)
    }

    static func isZero(_ block: [UInt8]) -> Bool {
        block.allSatisfy { $0 == 0 }
    }

    /// The ustar checksum: the header's byte sum with the checksum field read as spaces.
    func checkChecksum() throws(TarReadError) {
        var sum = 0
        for i in 0..<512 { sum += (148..<156).contains(i) ? 0x20 : Int(header[i]) }
        let stored = try octal(at: 148, length: 8)
        guard stored == sum else { throw .corrupt("header at byte \(offset) fails its checksum") }
    }

    /// `prefix/name` from a ustar header (prefix only with the `ustar` magic).
    func headerName() -> String {
        let name = cString(at: 0, length: 100)
        let magic = cString(at: 257, length: 6)
        let prefix = magic.hasPrefix("ustar") ? cString(at: 345, length: 155) : ""
        return prefix.isEmpty ? name : prefix + "/" + name
    }

    func cString(at position: Int, length: Int) -> String {
        String(decoding: header[position..<(position + length)].prefix { $0 != 0 }, as: UTF8.self)
    }

    /// A numeric field of the header: octal digits (space/NUL padded) or GNU base-256 (high bit set).
    func octal(at position: Int, length: Int) throws(TarReadError) -> Int {
        let field = header[position..<(position + length)]
        if let first = field.first, first & 0x80 != 0 {
            var value = Int(first & 0x3F)
            for byte in field.dropFirst() {
                guard value < Int.max >> 9 else { throw .corrupt("numeric field at byte \(offset + position) is too large") }
                value = value << 8 | Int(byte)
            }
            return value
        }
        let digits = field.filter { $0 != 0 && $0 != 0x20 }
        guard !digits.isEmpty else { return 0 }
        guard let value = Int(String(decoding: digits, as: UTF8.self), radix: 8), value >= 0 else {
            throw .corrupt("numeric field at byte \(offset + position) is not octal")
        }
        return value
    }

    /// Applies `path` and `size` records (`"%d key=value\n"`) of a pax extended header.
    mutating func applyPax(_ data: ArraySlice<UInt8>) {
        var rest = data
        while let space = rest.firstIndex(of: 0x20), let length = Int(String(decoding: rest[rest.startIndex..<space], as: UTF8.self)),
              length > 0, rest.startIndex + length <= rest.endIndex {
            let record = rest[(space + 1)..<(rest.startIndex + length - 1)]
            if let equals = record.firstIndex(of: UInt8(ascii: "=")) {
                let key = String(decoding: record[record.startIndex..<equals], as: UTF8.self)
                let value = String(decoding: record[(equals + 1)...], as: UTF8.self)
                if key == "path" { nextName = value }
                if key == "size", let n = Int(value) { nextSize = n }
            }
            rest = rest[(rest.startIndex + length)...]
        }
    }
}
