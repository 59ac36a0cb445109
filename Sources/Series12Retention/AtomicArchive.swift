import Foundation

/// The SOP's "trust nothing" writer (SPEC §4, writing rules).
///
/// Each write goes to `.{finalName}.{pid}.tmp` in the same directory (created exclusively,
/// never through a symlink), is fsynced, closed, renamed onto the final name, and the directory
/// is fsynced; then the final file is read back and checked: whole-file SHA-256 and, for a tar,
/// every member's name, size and content. A crash at any instant leaves either the old
/// complete file or the new complete one under the final name. Every error path removes the
/// temporary, and a file that fails verification is removed rather than left half-trusted.
///
/// The final path is refused when it is a symlink, not a regular file, or an existing file
/// whose name lacks `_{stamp}` (another sweep's). An existing regular file of this stamp is
/// replaced: that is how checkpoints are rewritten.
public struct AtomicArchive: Sendable {
    var system: SystemCalls

    public init() { system = .posix }

    init(system: SystemCalls) { self.system = system }

    /// Writes a flat tar of `members` as `directory/finalName` and verifies it.
    public func write(members: [ArchiveMember], to finalName: String, in directory: String, stamp: String) -> ArchiveOutcome {
        let tar: [UInt8]
        do { tar = try TarArchive.encode(members) } catch { return .failed(finalName, "\(error)") }
        return outcome(finalName) {
            try commit(tar, to: finalName, in: directory, stamp: stamp) { written in
                try Self.verifyMembers(of: written, against: members, name: finalName)
            }
        }
    }

    /// `write(members:…)` for `(name, bytes)` tuples.
    public func write(members: [(name: String, bytes: [UInt8])], to finalName: String, in directory: String,
                      stamp: String) -> ArchiveOutcome {
        write(members: members.map { ArchiveMember(name: $0.name, bytes: $0.bytes) }, to: finalName, in: directory, stamp: stamp)
    }

    /// Writes a plain file (e.g. `{sweep}_log_{stamp}.txt`) with the same recipe; verification
    /// is the whole-file hash.
    public func writeFile(bytes: [UInt8], to finalName: String, in directory: String, stamp: String) -> ArchiveOutcome {
        outcome(finalName) { try commit(bytes, to: finalName, in: directory, stamp: stamp) { _ in } }
    }

    private func outcome(_ name: String, _ body: () throws -> ArchiveOutcome) -> ArchiveOutcome {
        do { return try body() } catch { return .failed(name, "\(error)") }
    }

    /// The recipe proper. `verify` receives the bytes read back from the final file.
    func commit(_ bytes: [UInt8], to finalName: String, in directory: String, stamp: String,
                verify: ([UInt8]) throws -> Void) throws -> ArchiveOutcome {
        guard !finalName.isEmpty, !finalName.contains("/"), !finalName.hasPrefix(".") else {
            throw AtomicWriteError("\"\(finalName)\" is not a plain file name")
        }
        let finalPath = directory + "/" + finalName
        try Self.checkTarget(finalPath, name: finalName, stamp: stamp)
        let temporary = directory + "/." + finalName + ".\(getpid()).tmp"
        guard InFlightTemporaries.shared.claim(temporary) else {
            throw AtomicWriteError("\(finalName) is already being written by this process; writes of one file must not overlap")
        }
        defer { InFlightTemporaries.shared.release(temporary) }
        let fd = try createTemporary(temporary, in: directory)
        var renamed = false
        var descriptorOpen = true
        defer {
            if descriptorOpen { _ = system.close(fd) }
            if !renamed { unlink(temporary) }
        }
        try writeAll(bytes, to: fd, name: finalName)
        guard retryingEINTR({ system.fsync(fd) }) == 0 else { throw AtomicWriteError("fsync failed: \(errnoMessage())") }
        descriptorOpen = false
        guard system.close(fd) == 0 else { throw AtomicWriteError("close failed: \(errnoMessage())") }
        guard system.rename(temporary, finalPath) == 0 else {
            throw AtomicWriteError("rename onto \(finalName) failed: \(errnoMessage())")
        }
        renamed = true
        let digest = SHA256.hex(of: bytes)
        // A failed directory fsync leaves a complete file under the final name (the previous
        // version is already gone): keep it, verify it, and still report the failure.
        var directoryProblem: String? = nil
        do { try syncDirectory(directory) } catch { directoryProblem = "\(error)" }
        do {
            let readBack = try Self.readFile(finalPath, name: finalName)
            guard readBack == bytes else {  // byte equality: stronger and cheaper than a second hash
                throw AtomicWriteError("\(finalName) reads back different from what was written (\(readBack.count) of \(bytes.count) bytes)")
            }
            try verify(readBack)
        } catch {
            unlink(finalPath)
            throw AtomicWriteError("\(error); the unverified file was removed")
        }
        if let directoryProblem {
            throw AtomicWriteError("\(directoryProblem); \(finalName) is complete and verified on disk, but its rename may not survive a power loss")
        }
        return ArchiveOutcome(name: finalName, bytes: bytes.count, sha256: digest)
    }

    /// Creates the temporary exclusively, never through a symlink. One left by a killed earlier
    /// process that had our pid (we are not writing it: `commit` claimed it) is removed first.
    func createTemporary(_ temporary: String, in directory: String) throws -> Int32 {
        let flags = O_CREAT | O_EXCL | O_WRONLY | O_NOFOLLOW | O_CLOEXEC
        var fd = open(temporary, flags, 0o644)
        if fd < 0 && errno == EEXIST && unlink(temporary) == 0 {
            fd = open(temporary, flags, 0o644)
        }
        guard fd >= 0 else { throw AtomicWriteError("cannot create a temporary file in \(directory): \(errnoMessage())") }
        return fd
    }

    /// Refuses a target that is a symlink, not a regular file, or another sweep's file.
    static func checkTarget(_ path: String, name: String, stamp: String) throws {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            if errno == ENOENT { return }
            throw AtomicWriteError("cannot inspect \(name): \(errnoMessage())")
        }
        switch info.st_mode & S_IFMT {
        case S_IFLNK: throw AtomicWriteError("\(name) is a symlink; refusing to overwrite")
        case S_IFREG:
            guard ArchiveNaming.belongs(name, to: stamp) else {
                throw AtomicWriteError("\(name) exists and is not a file of sweep \(stamp); refusing to overwrite — use another --out directory")
            }
        default: throw AtomicWriteError("\(name) exists and is not a regular file; refusing to overwrite")
        }
    }

    /// Writes every byte, resuming after short writes and EINTR.
    func writeAll(_ bytes: [UInt8], to fd: Int32, name: String) throws {
        let failure: String? = bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = system.write(fd, raw.baseAddress.map { $0 + offset }, raw.count - offset)
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { return n == 0 ? "the disk accepted no more bytes" : errnoMessage() }
                offset += n
            }
            return nil
        }
        if let failure { throw AtomicWriteError("\(failure) while writing \(name)") }
    }

    /// fsyncs the directory so the rename itself survives a crash.
    func syncDirectory(_ directory: String) throws {
        let dfd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard dfd >= 0 else { throw AtomicWriteError("cannot open directory \(directory) to fsync it: \(errnoMessage())") }
        defer { _ = Glibc.close(dfd) }
        guard retryingEINTR({ system.fsync(dfd) }) == 0 else {
            throw AtomicWriteError("fsync of directory \(directory) failed: \(errnoMessage())")
        }
    }

    /// Reads a whole file without following a symlink.
    static func readFile(_ path: String, name: String) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { throw AtomicWriteError("\(name) cannot be reopened: \(errnoMessage())") }
        defer { _ = Glibc.close(fd) }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n >= 0 else { throw AtomicWriteError("\(name) cannot be read back: \(errnoMessage())") }
            if n == 0 { return out }
            out.append(contentsOf: chunk[0..<n])
        }
    }

    /// Checks the tar read back holds exactly `members`: names, sizes and contents.
    static func verifyMembers(of tar: [UInt8], against members: [ArchiveMember], name: String) throws {
        let found: [ArchiveMember]
        do { found = try TarArchive.decode(tar) } catch { throw AtomicWriteError("\(name) does not read back: \(error)") }
        guard found.map(\.name) == members.map(\.name) else {
            throw AtomicWriteError("\(name) reads back with members \(found.map(\.name)), expected \(members.map(\.name))")
        }
        for (got, want) in zip(found, members) {
            guard got.bytes.count == want.bytes.count else {
                throw AtomicWriteError("member \(want.name) of \(name) reads back with \(got.bytes.count) of \(want.bytes.count) bytes")
            }
            guard got.bytes == want.bytes else {  // byte equality: stronger than, and cheaper than, comparing hashes
                throw AtomicWriteError("member \(want.name) of \(name) reads back with different content")
            }
        }
    }

    /// Removes `.{name}.{pid}.tmp` leftovers in `directory` whose writer process is gone (for
    /// resume after a kill -9). Temporaries of other live processes, and those this process is
    /// writing now, are kept; one named with our own pid but not being written is stale (pid reuse).
    /// Returns the names removed.
    @discardableResult
    public static func cleanStaleTemporaries(in directory: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        var removed: [String] = []
        for name in names.sorted() {
            let path = directory + "/" + name
            guard let pid = temporaryOwner(name),
                  pid == getpid() ? !InFlightTemporaries.shared.contains(path) : !isAlive(pid) else { continue }
            var info = stat()
            guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, unlink(path) == 0 else { continue }
            removed.append(name)
        }
        return removed
    }

    /// True for a `.{name}.{pid}.tmp` temporary's name.
    public static func isTemporary(_ name: String) -> Bool { temporaryOwner(name) != nil }

    /// The pid in a `.{name}.{pid}.tmp` temporary's name, or nil for any other name.
    static func temporaryOwner(_ name: String) -> pid_t? {
        guard name.hasPrefix("."), name.hasSuffix(".tmp") else { return nil }
        let parts = name.dropLast(4).split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 3, let last = parts.last, let pid = pid_t(last), pid > 0 else { return nil }
        return pid
    }

    static func isAlive(_ pid: pid_t) -> Bool { kill(pid, 0) == 0 || errno == EPERM }
}

/// Repeats a call that failed with EINTR.
func retryingEINTR(_ call: () -> Int32) -> Int32 {
    while true {
        let result = call()
        if result != 0 && errno == EINTR { continue }
        return result
    }
}
