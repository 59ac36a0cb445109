import CArchive
#if canImport(Glibc)
import Glibc
#endif

/// The only code that calls libarchive: writes a list of members into an in-memory archive of
/// a given format, and reads members back. Everything runs synchronously on the caller's thread
/// with a fresh `struct archive`, so it is safe from any actor.
enum LibArchive {
    /// Receives libarchive's output blocks.
    private final class ByteSink {
        var bytes: [UInt8] = []
    }

    /// Writes `members` as regular files (mode 0644, uid/gid 0, mtime now) into an archive that
    /// `configure` sets the format of, and returns its bytes.
    ///
    /// The entry size is set before the header is written: without it libarchive's tar writer
    /// silently writes empty members.
    static func write(_ members: [ArchiveMember], format: String,
                      configure: (OpaquePointer) -> Int32) throws(ArchiveEncodingError) -> [UInt8] {
        guard let a = archive_write_new() else { throw ArchiveEncodingError(format, "libarchive could not allocate a writer") }
        defer { archive_write_free(a) }
        guard configure(a) == ARCHIVE_OK else { throw encodingFailure(a, format, "could not be configured") }
        let sink = ByteSink()
        // Room for every member plus headers up front: no regrowth copies of a 48 MB archive.
        sink.bytes.reserveCapacity(members.reduce(0) { $0 + $1.bytes.count } + 2048 * (members.count + 2) + 10240)
        let client = Unmanaged.passUnretained(sink).toOpaque()
        let writeBlock: @convention(c) (OpaquePointer?, UnsafeMutableRawPointer?, UnsafeRawPointer?, Int) -> Int = { _, client, buffer, length in
            guard let client else { return -1 }
            let sink = Unmanaged<ByteSink>.fromOpaque(client).takeUnretainedValue()
            if let buffer, length > 0 { sink.bytes.append(contentsOf: UnsafeRawBufferPointer(start: buffer, count: length)) }
            return length
        }
        guard archive_write_open(a, client, nil, writeBlock, nil) == ARCHIVE_OK else { throw encodingFailure(a, format, "could not be opened") }
        for member in members { try writeEntry(member, to: a, format: format) }
        guard archive_write_close(a) == ARCHIVE_OK else { throw encodingFailure(a, format, "could not be finished") }
        return withExtendedLifetime(sink) { sink.bytes }
    }

    private static func writeEntry(_ member: ArchiveMember, to a: OpaquePointer, format: String) throws(ArchiveEncodingError) {
        guard let entry = archive_entry_new() else { throw ArchiveEncodingError(format, "libarchive could not allocate an entry") }
        defer { archive_entry_free(entry) }
        archive_entry_set_pathname(entry, member.name)  // ASCII only (TarArchive.validateNames): no locale conversion
        archive_entry_set_filetype(entry, 0o100000)  // AE_IFREG; the macro's cast hides it from Swift
        archive_entry_set_perm(entry, 0o644)
        archive_entry_set_uid(entry, 0)
        archive_entry_set_gid(entry, 0)
        archive_entry_set_mtime(entry, time(nil), 0)
        archive_entry_set_size(entry, Int64(member.bytes.count))
        guard archive_write_header(a, entry) == ARCHIVE_OK else { throw encodingFailure(a, format, "header of \(member.name) was refused") }
        var offset = 0
        while offset < member.bytes.count {
            let written = member.bytes.withUnsafeBytes { raw in
                archive_write_data(a, raw.baseAddress.map { $0 + offset }, raw.count - offset)
            }
            guard written > 0 else { throw encodingFailure(a, format, "data of \(member.name) could not be written") }
            offset += written
        }
    }

    /// Reads every regular-file member of an archive that `configure` enables the format of.
    static func read(_ bytes: [UInt8], format: String,
                     configure: (OpaquePointer) -> Int32) throws(RetentionFormatError) -> [ArchiveMember] {
        guard let a = archive_read_new() else { throw RetentionFormatError(format, "libarchive could not allocate a reader") }
        defer { archive_read_free(a) }
        guard configure(a) == ARCHIVE_OK else { throw failure(a, format, "reader could not be configured") }
        let result: Result<[ArchiveMember], RetentionFormatError> = bytes.withUnsafeBytes { raw in
            guard archive_read_open_memory(a, raw.baseAddress, raw.count) == ARCHIVE_OK else {
                return .failure(failure(a, format, "is not readable"))
            }
            var members: [ArchiveMember] = []
            while true {
                var entry: OpaquePointer?
                let status = archive_read_next_header(a, &entry)
                if status == ARCHIVE_EOF { return .success(members) }
                guard status == ARCHIVE_OK || status == ARCHIVE_WARN, let entry else {
                    return .failure(failure(a, format, "has a damaged entry header"))
                }
                guard archive_entry_filetype(entry) == 0o100000 else { continue }
                let name = archive_entry_pathname_utf8(entry).map { String(cString: $0) } ?? ""
                switch readData(a) {
                case let .success(data): members.append(ArchiveMember(name: name, bytes: data))
                case .failure: return .failure(failure(a, format, "member \(name) is damaged or truncated"))
                }
            }
        }
        return try result.get()
    }

    private static func readData(_ a: OpaquePointer) -> Result<[UInt8], RetentionFormatError> {
        var data: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { archive_read_data(a, $0.baseAddress, $0.count) }
            if n == 0 { return .success(data) }
            guard n > 0 else { return .failure(RetentionFormatError("archive", "read error")) }
            data.append(contentsOf: chunk[0..<n])
        }
    }

    /// A write-side error carrying libarchive's own message.
    private static func encodingFailure(_ a: OpaquePointer, _ format: String, _ what: String) -> ArchiveEncodingError {
        let detail = archive_error_string(a).map { String(cString: $0) } ?? "no detail"
        return ArchiveEncodingError(format, "\(what) (libarchive: \(detail))")
    }

    /// A read-side error carrying libarchive's own message.
    private static func failure(_ a: OpaquePointer, _ format: String, _ what: String) -> RetentionFormatError {
        let detail = archive_error_string(a).map { String(cString: $0) } ?? "no detail"
        return RetentionFormatError(format, "\(what) (libarchive: \(detail))")
    }
}
