import Foundation

/// A file just written, reopened (never through a symlink) to be checked piece by piece: a
/// 48 MB archive is verified with a 1 MiB buffer, not read into memory whole.
struct ReadBack: TarSource {
    let fd: Int32
    /// The file's size when it was opened.
    let count: Int
    let name: String

    /// Opens `path` and runs `body` on it; the descriptor is closed after.
    static func open<R>(_ path: String, name: String, _ body: (ReadBack) throws -> R) throws -> R {
        let fd = Glibc.open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { throw AtomicWriteError("\(name) cannot be reopened: \(errnoMessage())") }
        defer { _ = Glibc.close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw AtomicWriteError("\(name) cannot be inspected: \(errnoMessage())") }
        return try body(ReadBack(fd: fd, count: Int(info.st_size), name: name))
    }

    func read(_ range: Range<Int>) throws(TarReadError) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: range.count)
        let problem: String? = out.withUnsafeMutableBytes { fill($0, from: range.lowerBound) }
        if let problem { throw .truncated(problem) }
        return out
    }

    /// Whether the bytes at `offset…` equal `expected`, read and compared 1 MiB at a time.
    func matches(_ expected: ArraySlice<UInt8>, at offset: Int) throws -> Bool {
        try expected.withUnsafeBytes { try matches($0, at: offset) }
    }

    /// `matches` for bytes in memory the caller holds.
    func matches(_ expected: UnsafeRawBufferPointer, at offset: Int) throws -> Bool {
        guard offset + expected.count <= count else { return false }
        guard let base = expected.baseAddress else { return true }
        return try eachPiece(from: offset, length: expected.count, failing: "cannot be read back") { piece, done in
            memcmp(base + done, piece.baseAddress!, piece.count) == 0
        }
    }

    /// `matches` for the pieces of a member made while it was written, one after another.
    func matches(_ written: WrittenRuns, at offset: Int) throws -> Bool {
        var offset = offset
        for piece in written.pieces {
            let same: Bool
            switch piece {
            case let .copied(bytes): same = try matches(bytes[...], at: offset)
            case let .borrowed(run): same = try matches(run, at: offset)
            }
            guard same else { return false }
            offset += piece.count
        }
        return true
    }

    /// SHA-256 of the whole file, read 1 MiB at a time.
    func sha256() throws -> String {
        var hasher = SHA256()
        _ = try eachPiece(from: 0, length: count, failing: "cannot be read") { piece, _ in
            hasher.update(piece)
            return true
        }
        return hasher.finalizeHex()
    }

    /// Reads `length` bytes from `offset` on, 1 MiB at a time, and hands each piece and its
    /// distance from `offset` to `body`, until `body` returns false (then false). A read that
    /// fails throws "`name` `failing`: why".
    private func eachPiece(from offset: Int, length: Int, failing: String,
                           _ body: (UnsafeRawBufferPointer, Int) throws -> Bool) throws -> Bool {
        var chunk = [UInt8](repeating: 0, count: min(1 << 20, max(length, 1)))
        var done = 0
        while done < length {
            let n = min(chunk.count, length - done)
            let goOn: Bool = try chunk.withUnsafeMutableBytes { buffer in
                let piece = UnsafeMutableRawBufferPointer(rebasing: buffer[0..<n])
                if let problem = fill(piece, from: offset + done) { throw AtomicWriteError("\(name) \(failing): \(problem)") }
                return try body(UnsafeRawBufferPointer(piece), done)
            }
            guard goOn else { return false }
            done += n
        }
        return true
    }

    /// Fills `buffer` from byte `offset` on; returns why not (a read error, or the file ends).
    private func fill(_ buffer: UnsafeMutableRawBufferPointer, from offset: Int) -> String? {
        var filled = 0
        while filled < buffer.count {
            let n = pread(fd, buffer.baseAddress! + filled, buffer.count - filled, off_t(offset + filled))
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return n == 0 ? "it ends at byte \(offset + filled)" : errnoMessage() }
            filled += n
        }
        return nil
    }
}
