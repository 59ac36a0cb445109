#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Makes sure the log file (`{sweep}_log_{stamp}.txt`) holds the whole log (the `y` key).
///
/// The sweep's `Tier1Log` normally appends every line to that very file already; then the
/// file starts with the log text and is left alone (replacing it would cut the log off from
/// the file it appends to). Otherwise (missing, shortened, edited) the whole text is written
/// to a temporary file beside it, fsynced, and renamed over it: a crash leaves the old file or
/// the new one, never half of one. Symlinks are refused.
enum LogFileWriter {
    enum Outcome: Equatable, Sendable {
        case alreadyComplete
        case written
    }

    struct Failure: Error, CustomStringConvertible, Equatable {
        var path: String
        var reason: String
        var description: String { "cannot write \(path): \(reason)" }
    }

    static func save(_ text: String, to path: String) throws(Failure) -> Outcome {
        let wanted = Array(text.utf8)
        var info = stat()
        if lstat(path, &info) == 0 {
            if (info.st_mode & S_IFMT) == S_IFLNK { throw Failure(path: path, reason: "it is a symbolic link; not following it") }
            if (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) >= wanted.count,
               let existing = try? readAll(path), existing.starts(with: wanted) {
                return .alreadyComplete
            }
        }
        let temporary = path + ".tmp.\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Failure(path: path, reason: errorText()) }
        var ok = false
        defer {
            if !ok { unlink(temporary) }
        }
        var offset = 0
        while offset < wanted.count {
            let n = wanted.withUnsafeBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return write(fd, base + offset, buffer.count - offset)
            }
            if n < 0 {
                if errno == EINTR { continue }
                let reason = errorText()
                close(fd)
                throw Failure(path: path, reason: reason)
            }
            offset += n
        }
        if fsync(fd) != 0 {
            let reason = errorText()
            close(fd)
            throw Failure(path: path, reason: reason)
        }
        close(fd)
        guard rename(temporary, path) == 0 else { throw Failure(path: path, reason: errorText()) }
        ok = true
        let directory = path.contains("/") ? String(path[..<(path.lastIndex(of: "/") ?? path.endIndex)]) : "."
        let dfd = open(directory.isEmpty ? "/" : directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dfd >= 0 {
            fsync(dfd)
            close(dfd)
        }
        return .written
    }

    private static func readAll(_ path: String) throws(Failure) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { throw Failure(path: path, reason: errorText()) }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return read(fd, base, buffer.count)
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw Failure(path: path, reason: errorText())
            }
            if n == 0 { return bytes }
            bytes += chunk[0..<n]
        }
    }

    private static func errorText() -> String { String(cString: strerror(errno)) }
}
