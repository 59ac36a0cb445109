import Foundation

/// Writes to stdout/stderr that never trap: after SIGHUP the terminal is gone (EIO) and a
/// closed pipe refuses bytes (EPIPE, with SIGPIPE ignored); the data are already on disk.
enum Terminal {
    static func write(_ text: String, to fd: Int32 = STDOUT_FILENO) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return }
            bytes = bytes.dropFirst(n)
        }
    }
}
