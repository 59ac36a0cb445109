import CArchive

/// numpy's `.npz`: a zip of `{name}.npy` members, stored uncompressed (what `numpy.savez`
/// writes). Written and read with libarchive's zip support; always a member inside a tar,
/// never a top-level file (the SOP forbids ZIP files in the output directory).
public enum NPZ {
    /// Encodes the named arrays, in the given order, as `.npz` bytes.
    public static func encode(_ arrays: [(name: String, array: NPYArray)]) throws(ArchiveEncodingError) -> [UInt8] {
        let members = arrays.map { ArchiveMember(name: $0.name + ".npy", bytes: NPY.encode($0.array)) }
        return try LibArchive.write(members, format: "npz") { a in
            guard archive_write_set_format_zip(a) == ARCHIVE_OK,
                  archive_write_set_options(a, "zip:compression=store") == ARCHIVE_OK else { return ARCHIVE_FATAL }
            return ARCHIVE_OK
        }
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
