import Foundation
import Synchronization

/// The tier-1 record (SPEC §3): every line is kept in memory for the dashboard's log pane,
/// optionally echoed to stdout, and appended to the log file — each write flushed before
/// `append` returns, so a killed process loses no printed line.
public final class Tier1Log: Sendable {
    private struct State {
        var lines: [String] = []
        var fileDescriptor: Int32 = -1
        var echo: Bool
        /// Lines that came from the log file itself (not written to it again).
        var preloaded = 0
    }
    private let state: Mutex<State>

    /// - Parameter echo: print each line to stdout as it arrives (headless mode).
    public init(echo: Bool) {
        state = Mutex(State(echo: echo))
    }

    /// Starts appending every line (those already logged first) to `path`, created with 0644.
    /// Throws when the file cannot be opened.
    public func attachFile(path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw Tier1LogError(path: path, reason: String(cString: strerror(errno)))
        }
        state.withLock { s in
            s.fileDescriptor = fd
            for line in s.lines.dropFirst(s.preloaded) { _ = Self.writeAll(fd, line + "\n") }
        }
    }

    /// Puts earlier lines (a resumed sweep's log file) in front, without printing or
    /// appending them again.
    public func preload(_ earlier: [String]) {
        state.withLock { s in
            s.lines.insert(contentsOf: earlier, at: 0)
            s.preloaded += earlier.count
        }
    }

    /// Stops echoing to stdout (the dashboard takes over the terminal).
    public func setEcho(_ on: Bool) { state.withLock { $0.echo = on } }

    /// Records one line (no trailing newline), printing and appending it flushed.
    public func append(_ line: String) {
        state.withLock { s in
            s.lines.append(line)
            if s.echo { _ = Self.writeAll(STDOUT_FILENO, line + "\n") }
            if s.fileDescriptor >= 0, let failure = Self.writeAll(s.fileDescriptor, line + "\n") {
                // A log file that stops taking lines is given up loudly, never silently: the
                // lines stay in memory, on the screen or stdout, and in tier 3's log.txt.
                close(s.fileDescriptor)
                s.fileDescriptor = -1
                let notice = "Warning: the log file stopped taking lines (\(failure)); tier-1 lines go on in memory, on screen and into the tier-3 log.txt"
                s.lines.append(notice)
                if s.echo { _ = Self.writeAll(STDOUT_FILENO, notice + "\n") }
                _ = Self.writeAll(STDERR_FILENO, "series12: " + notice + "\n")
            }
        }
    }

    public var count: Int { state.withLock { $0.lines.count } }

    /// Lines from index `start` on (for incremental readers).
    public func lines(from start: Int = 0) -> [String] {
        state.withLock { s in start < s.lines.count ? Array(s.lines[max(0, start)...]) : [] }
    }

    /// The whole log as text, one line each, newline-terminated.
    public var text: String { lines().map { $0 + "\n" }.joined() }

    public func closeFile() {
        state.withLock { s in
            if s.fileDescriptor >= 0 { close(s.fileDescriptor) }
            s.fileDescriptor = -1
        }
    }

    /// `write(2)` the whole string, retrying short writes and EINTR. stdout unbuffered: the
    /// line is in the kernel when this returns. Returns the error, or nil when all was written.
    private static func writeAll(_ fd: Int32, _ text: String) -> String? {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { buf in
                write(fd, buf.baseAddress! + offset, buf.count - offset)
            }
            if n < 0 {
                if errno == EINTR { continue }
                return String(cString: strerror(errno))
            }
            if n == 0 { return "the device accepted no bytes" }
            offset += n
        }
        return nil
    }
}

/// The log file could not be opened.
public struct Tier1LogError: Error, CustomStringConvertible {
    public let path: String
    public let reason: String
    public var description: String { "cannot open the log file \(path): \(reason); check the output directory" }
}
