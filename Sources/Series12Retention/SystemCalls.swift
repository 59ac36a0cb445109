#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The POSIX calls `AtomicArchive` makes where a disk can fail, gathered so tests can inject
/// the failures (ENOSPC, EIO) that cannot be provoked on demand. Each returns what the C call
/// returns and leaves the reason in `errno`.
struct SystemCalls: Sendable {
    var write: @Sendable (Int32, UnsafeRawPointer?, Int) -> Int
    var fsync: @Sendable (Int32) -> Int32
    var close: @Sendable (Int32) -> Int32
    var rename: @Sendable (String, String) -> Int32

    static let posix = SystemCalls(
        write: { fd, buffer, count in Glibc.write(fd, buffer, count) },
        fsync: { fd in Glibc.fsync(fd) },
        close: { fd in Glibc.close(fd) },
        rename: { from, to in Glibc.rename(from, to) })
}

/// The C library's message for an errno value, e.g. `No space left on device`.
func errnoMessage(_ code: Int32 = errno) -> String {
    String(cString: strerror(code))
}
