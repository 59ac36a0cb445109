import CArchive

/// numpy's `.npz`: a zip of `{name}.npy` members, stored uncompressed (what `numpy.savez`
/// writes). Written and read with libarchive's zip support; always a member inside a tar,
/// never a top-level file (the SOP forbids ZIP files in the output directory).
public enum NPZ {
    /// Encodes the named arrays, in the given order, as `.npz` bytes.
    public static func encode(_ arrays: [(name: String, array: NPYArray)]) throws(ArchiveEncodingError) -> [UInt8] {
        let size = arrays.reduce(0) { $0 + 128 + 8 * $1.array.elements.count }
        return try encode(contentBytes: size, memberCount: arrays.count) { emit throws(ArchiveEncodingError) in
            for (name, array) in arrays {
                let header = NPY.header(descr: array.descr, shape: array.shape)
                try withRawBytes(of: header) { head throws(ArchiveEncodingError) in
                    try array.elements.withLittleEndianBytes { data throws(ArchiveEncodingError) in try emit(name + ".npy", [head, data]) }
                }
            }
        }
    }

    /// The streaming form: `members` emits each `{name}.npy` as its header and data runs
    /// (`LibArchive.write(format:…)`), so large arrays go in without an intermediate copy.
    static func encode(contentBytes: Int, memberCount: Int,
                       members: (LibArchive.Emit) throws(ArchiveEncodingError) -> Void) throws(ArchiveEncodingError) -> [UInt8] {
        try LibArchive.write(format: "npz", contentBytes: contentBytes, memberCount: memberCount, configure: configure, members: members)
    }

    /// `encode` streamed to `deliver` as libarchive makes it: the same bytes, never whole in
    /// memory. Returns their count.
    static func stream(to deliver: @escaping (UnsafeRawBufferPointer) -> String?,
                       members: (LibArchive.Emit) throws(ArchiveEncodingError) -> Void) throws -> Int {
        try LibArchive.stream(format: "npz", configure: configure, to: deliver, members: members)
    }

    private static func configure(_ a: OpaquePointer) -> Int32 {
        guard archive_write_set_format_zip(a) == ARCHIVE_OK,
              archive_write_set_options(a, "zip:compression=store") == ARCHIVE_OK else { return ARCHIVE_FATAL }
        return ARCHIVE_OK
    }

    /// Decodes every `.npy` member, keyed by its name without `.npy`; other members are ignored.
    public static func decode(_ bytes: [UInt8], name: String = "npz") throws(RetentionFormatError) -> [String: NPYArray] {
        let members = try LibArchive.read(bytes, format: name) { a in archive_read_support_format_zip(a) }
        var arrays: [String: NPYArray] = [:]
        for member in members where member.name.hasSuffix(".npy") {
            let key = String(member.name.dropLast(4))
            arrays[key] = try NPY.decode(member.bytes, name: "\(name)/\(member.name)")
        }
        return arrays
    }
}
