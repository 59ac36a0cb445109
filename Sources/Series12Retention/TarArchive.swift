import CArchive

/// Flat POSIX tar archives (pax-restricted: plain ustar headers unless a name needs more), as
/// every tier-2 and tier-3 file is. Written with libarchive; read by a small parser of our own
/// because libarchive accepts a tar that lacks its end-of-archive marker, and such a tar is
/// exactly what an interrupted write leaves behind.
public enum TarArchive {
    public static let blockSize = 512

    /// The bytes of a tar holding `members` in order: regular files, mode 0644, uid/gid 0,
    /// mtime now, followed by the two zero blocks (no padding to 10 KiB records).
    /// Names must be non-empty, unique, printable ASCII (libarchive's pax writer cannot convert
    /// non-ASCII names under the C locale) and free of `/` (no nested folders).
    public static func encode(_ members: [ArchiveMember]) throws -> [UInt8] {
        try validateNames(members.map(\.name))
        return try LibArchive.write(members, format: "tar", configure: configure)
    }

    /// `encode` streamed to `deliver` as libarchive makes it (the same bytes, never whole in
    /// memory). Throws `LibArchive.DeliveryError` with `deliver`'s reason when it refuses.
    /// Returns the archive's size.
    static func stream(_ members: [ArchiveMember], to deliver: @escaping (UnsafeRawBufferPointer) -> String?) throws -> Int {
        try validateNames(members.map(\.name))
        return try LibArchive.stream(format: "tar", configure: configure, to: deliver) { emit throws(ArchiveEncodingError) in
            for member in members {
                try withRawBytes(of: member.bytes) { raw throws(ArchiveEncodingError) in try emit(member.name, [raw]) }
            }
        }
    }

    /// A tar of one member made while it is written (`fields.npz` zipped straight into it):
    /// `produce` hands each run to its `write`, which returns why the tar refused it. Throws
    /// `LibArchive.SizeMismatch` unless exactly `size` bytes came; returns the archive's size.
    static func stream(member name: String, size: Int, to deliver: @escaping (UnsafeRawBufferPointer) -> String?,
                       produce: (_ write: @escaping (UnsafeRawBufferPointer) -> String?) throws -> Void) throws -> Int {
        try validateNames([name])
        return try LibArchive.stream(format: "tar", configure: configure, to: deliver, member: name, size: size, produce: produce)
    }

    private static func configure(_ a: OpaquePointer) -> Int32 {
        guard archive_write_set_format_pax_restricted(a) == ARCHIVE_OK,
              archive_write_add_filter_none(a) == ARCHIVE_OK,
              archive_write_set_bytes_in_last_block(a, 1) == ARCHIVE_OK else { return ARCHIVE_FATAL }
        return ARCHIVE_OK
    }

    /// `encode` for the `(name, bytes)` tuples the callers may hold.
    public static func encode(_ members: [(name: String, bytes: [UInt8])]) throws -> [UInt8] {
        try encode(members.map { ArchiveMember(name: $0.name, bytes: $0.bytes) })
    }

    /// Throws `TarMemberNameError` for the first name a flat archive must not hold.
    public static func validateNames(_ names: [String]) throws(TarMemberNameError) {
        var seen = Set<String>()
        for name in names {
            if name.isEmpty || name == "." || name == ".." { throw TarMemberNameError(name: name, reason: "is not a file name") }
            if name.contains("/") { throw TarMemberNameError(name: name, reason: "contains '/'") }
            if !name.unicodeScalars.allSatisfy({ $0.isASCII && $0.value >= 0x20 && $0.value != 0x7F }) {
                throw TarMemberNameError(name: name, reason: "is not printable ASCII")
            }
            if !seen.insert(name).inserted { throw TarMemberNameError(name: name, reason: "appears twice") }
        }
    }

    /// The regular-file members of a tar, in order (directories, links and pax global headers
    /// are skipped). Throws `TarReadError.truncated` unless every member's data is complete and
    /// the archive ends with two zero blocks; `.corrupt` for a header failing its checksum.
    public static func decode(_ bytes: [UInt8]) throws(TarReadError) -> [ArchiveMember] {
        var reader = TarParser(source: bytes)
        return try reader.members()
    }
}
