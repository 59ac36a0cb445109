import Foundation

/// A text file another process appends to (a task's tier-1 log), read a little at a time:
/// each `readNewLines` returns the complete lines written since the last call. A line still
/// being written waits for its newline; a file that shrank (replaced) is read again from the
/// start.
struct FollowedFile: Sendable {
    let path: String
    private(set) var offset: Int = 0
    private var partial: [UInt8] = []

    init(path: String) { self.path = path }

    mutating func readNewLines() -> [String] {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return [] }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return [] }
        if Int(info.st_size) < offset {
            offset = 0
            partial = []
        }
        guard Int(info.st_size) > offset else { return [] }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size) - offset)
        let n = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, off_t(offset)) }
        guard n > 0 else { return [] }
        offset += n
        partial += bytes[0..<n]
        guard let lastNewline = partial.lastIndex(of: 0x0a) else { return [] }
        let complete = partial[...lastNewline]
        partial = Array(partial[(lastNewline + 1)...])
        return complete.split(separator: 0x0a, omittingEmptySubsequences: true).map { String(decoding: $0, as: UTF8.self) }
    }
}
