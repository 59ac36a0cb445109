import CArchive
#if canImport(Glibc)
import Glibc
#endif

/// The only code that calls libarchive: writes a list of members into an archive of a given
/// format (in memory, or streamed to a file), and reads members back. Everything runs
/// synchronously on the caller's thread with a fresh `struct archive`, so it is safe from any actor.
enum LibArchive {
    /// Receives libarchive's output: appended to `bytes`, or handed to `deliver` (which
    /// returns why it could not take them, e.g. a full disk).
    private final class Sink {
        var bytes: [UInt8] = []
        let deliver: ((UnsafeRawBufferPointer) -> String?)?
        var failure: String?
        var count = 0

        init(deliver: ((UnsafeRawBufferPointer) -> String?)?) { self.deliver = deliver }

        func take(_ run: UnsafeRawBufferPointer) -> Bool {
            count += run.count
            guard let deliver else {
                bytes.append(contentsOf: run)
                return true
            }
            failure = deliver(run)
            return failure == nil
        }
    }

    /// Why a streamed archive did not reach its destination: `deliver`'s own reason.
    struct DeliveryError: Error {
        var reason: String
    }

    /// Writes `members` as regular files (mode 0644, uid/gid 0, mtime now) into an archive that
    /// `configure` sets the format of, and returns its bytes.
    static func write(_ members: [ArchiveMember], format: String,
                      configure: (OpaquePointer) -> Int32) throws(ArchiveEncodingError) -> [UInt8] {
        let size = members.reduce(0) { $0 + $1.bytes.count }
        return try write(format: format, contentBytes: size, memberCount: members.count, configure: configure) { emit throws(ArchiveEncodingError) in
            for member in members {
                try withRawBytes(of: member.bytes) { raw throws(ArchiveEncodingError) in try emit(member.name, [raw]) }
            }
        }
    }

    /// Hands out one member at a time: its name and the byte runs that make its content, in order.
    typealias Emit = (_ name: String, _ runs: [UnsafeRawBufferPointer]) throws(ArchiveEncodingError) -> Void

    /// The streaming form: `members` calls `emit` once per member, with runs of memory that stay
    /// valid for that call (so a 48 MB field plane goes into the archive without a copy of its
    /// own). `contentBytes` and `memberCount` size the output buffer up front: no regrowth copies.
    ///
    /// Unblocked output (`bytes_per_block` 0): libarchive hands every run straight to the sink
    /// instead of copying it through its 10 KiB block buffer first (so a stored zip member's
    /// data reaches the sink as the very pointer it was given).
    static func write(format: String, contentBytes: Int, memberCount: Int, configure: (OpaquePointer) -> Int32,
                      members: (Emit) throws(ArchiveEncodingError) -> Void) throws(ArchiveEncodingError) -> [UInt8] {
        let sink = Sink(deliver: nil)
        sink.bytes.reserveCapacity(contentBytes + 2048 * (memberCount + 2) + 10240)
        do {
            try run(sink, format: format, configure: configure, members: members)
        } catch let error as ArchiveEncodingError {
            throw error
        } catch {
            throw ArchiveEncodingError(format, "\(error)")
        }
        return sink.bytes
    }

    /// `write` streamed: every run libarchive produces goes to `deliver` as it is made, so the
    /// archive never exists whole in memory. Throws `DeliveryError` when `deliver` refuses
    /// (its reason), `ArchiveEncodingError` when libarchive does. Returns the bytes delivered.
    static func stream(format: String, configure: (OpaquePointer) -> Int32, to deliver: @escaping (UnsafeRawBufferPointer) -> String?,
                       members: (Emit) throws(ArchiveEncodingError) -> Void) throws -> Int {
        let sink = Sink(deliver: deliver)
        try run(sink, format: format, configure: configure, members: members)
        return sink.count
    }

    /// `stream` for an archive of one member made while it is written (a zip written straight
    /// into a tar): a header declaring `size` bytes, then every run `produce` hands to its
    /// `write`, which returns why the archive refused it. Throws `SizeMismatch` unless
    /// `produce` wrote exactly `size` bytes (a run past them is refused, not truncated).
    static func stream(format: String, configure: (OpaquePointer) -> Int32, to deliver: @escaping (UnsafeRawBufferPointer) -> String?,
                       member name: String, size: Int,
                       produce: (_ write: @escaping (UnsafeRawBufferPointer) -> String?) throws -> Void) throws -> Int {
        let sink = Sink(deliver: deliver)
        try run(sink, format: format, configure: configure) { a in
            try writeHeader(name, size: size, to: a, format: format)
            var written = 0
            do {
                try produce { run in
                    guard written + run.count <= size else {
                        written += run.count
                        return "\(name) runs past the \(size) bytes its header declares"
                    }
                    do { try writeData(run, of: name, to: a, format: format) } catch { return "\(error)" }
                    written += run.count
                    return nil
                }
            } catch {
                if written > size { throw SizeMismatch(member: name, declared: size, produced: written) }
                throw error
            }
            guard written == size else { throw SizeMismatch(member: name, declared: size, produced: written) }
        }
        return sink.count
    }

    /// A member made while it was written did not come to the size its header declared: the
    /// archive is unusable (nothing of it is kept), and the content must be built some other way.
    struct SizeMismatch: Error, CustomStringConvertible {
        var member: String
        var declared: Int
        /// Bytes produced, counted up to the first run past `declared`.
        var produced: Int

        var description: String {
            "\(member) came to \(produced < declared ? "\(produced)" : "more than \(declared)") bytes, not the \(declared) its header declares"
        }
    }

    /// `run` with the members handed out through `Emit`, each as the runs that make it.
    private static func run(_ sink: Sink, format: String, configure: (OpaquePointer) -> Int32,
                            members: (Emit) throws(ArchiveEncodingError) -> Void) throws {
        try run(sink, format: format, configure: configure) { a in
            try members { name, runs throws(ArchiveEncodingError) in
                try writeHeader(name, size: runs.reduce(0) { $0 + $1.count }, to: a, format: format)
                for run in runs { try writeData(run, of: name, to: a, format: format) }
            }
        }
    }

    /// Opens a fresh writer onto `sink`, lets `entries` write into it, and closes it. An error
    /// after `sink` refused some bytes is thrown as that refusal (`DeliveryError`).
    private static func run(_ sink: Sink, format: String, configure: (OpaquePointer) -> Int32,
                            entries: (OpaquePointer) throws -> Void) throws {
        guard let a = archive_write_new() else { throw ArchiveEncodingError(format, "libarchive could not allocate a writer") }
        defer { archive_write_free(a) }
        guard configure(a) == ARCHIVE_OK, archive_write_set_bytes_per_block(a, 0) == ARCHIVE_OK else {
            throw encodingFailure(a, format, "could not be configured")
        }
        let client = Unmanaged.passUnretained(sink).toOpaque()
        let writeBlock: @convention(c) (OpaquePointer?, UnsafeMutableRawPointer?, UnsafeRawPointer?, Int) -> Int = { _, client, buffer, length in
            guard let client else { return -1 }
            let sink = Unmanaged<Sink>.fromOpaque(client).takeUnretainedValue()
            guard let buffer, length > 0 else { return length }
            return sink.take(UnsafeRawBufferPointer(start: buffer, count: length)) ? length : -1
        }
        try withExtendedLifetime(sink) {
            do {
                guard archive_write_open(a, client, nil, writeBlock, nil) == ARCHIVE_OK else { throw encodingFailure(a, format, "could not be opened") }
                try entries(a)
                guard archive_write_close(a) == ARCHIVE_OK else { throw encodingFailure(a, format, "could not be finished") }
            } catch {
                if let reason = sink.failure { throw DeliveryError(reason: reason) }
                throw error
            }
        }
    }

    /// A regular file's header (mode 0644, uid/gid 0, mtime now) declaring `size` bytes. The
    /// size goes in before the header: without it libarchive's tar writer silently writes an
    /// empty member.
    private static func writeHeader(_ name: String, size: Int, to a: OpaquePointer, format: String) throws(ArchiveEncodingError) {
        guard let entry = archive_entry_new() else { throw ArchiveEncodingError(format, "libarchive could not allocate an entry") }
        defer { archive_entry_free(entry) }
        archive_entry_set_pathname(entry, name)  // ASCII only (TarArchive.validateNames): no locale conversion
        archive_entry_set_filetype(entry, 0o100000)  // AE_IFREG; the macro's cast hides it from Swift
        archive_entry_set_perm(entry, 0o644)
        archive_entry_set_uid(entry, 0)
        archive_entry_set_gid(entry, 0)
        archive_entry_set_mtime(entry, time(nil), 0)
        archive_entry_set_size(entry, Int64(size))
        guard archive_write_header(a, entry) == ARCHIVE_OK else { throw encodingFailure(a, format, "header of \(name) was refused") }
    }

    /// All of `run` as data of the member whose header came last.
    private static func writeData(_ run: UnsafeRawBufferPointer, of name: String, to a: OpaquePointer,
                                  format: String) throws(ArchiveEncodingError) {
        var offset = 0
        while offset < run.count {
            let written = archive_write_data(a, run.baseAddress! + offset, run.count - offset)
            guard written > 0 else { throw encodingFailure(a, format, "data of \(name) could not be written") }
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
