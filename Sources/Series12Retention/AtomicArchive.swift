import Foundation

/// The SOP's "trust nothing" writer (SPEC §4, writing rules).
///
/// Each write goes to `.{finalName}.{pid}.tmp` in the same directory (created exclusively,
/// never through a symlink), is fsynced, closed, renamed onto the final name, and the directory
/// is fsynced; then the final file is reopened and checked piece by piece (`ReadBack`): its
/// size, and for a tar every member's name, size and content, for a plain file every byte. A
/// crash at any instant leaves either the old complete file or the new complete one under the
/// final name. Every error path removes the temporary, and a file that fails verification is
/// removed rather than left half-trusted.
///
/// The final path is refused when it is a symlink, not a regular file, or an existing file
/// whose name lacks `_{stamp}` (another sweep's). An existing regular file of this stamp is
/// replaced: that is how checkpoints are rewritten.
public struct AtomicArchive: Sendable {
    var system: SystemCalls

    public init() { system = .posix }

    init(system: SystemCalls) { self.system = system }

    /// Writes a flat tar of `members` as `directory/finalName` and verifies it. The tar is
    /// streamed to the temporary file as libarchive makes it: never whole in memory.
    public func write(members: [ArchiveMember], to finalName: String, in directory: String, stamp: String) -> ArchiveOutcome {
        do { try TarArchive.validateNames(members.map(\.name)) } catch { return .failed(finalName, "\(error)") }
        return outcome(finalName) {
            try commit(to: finalName, in: directory, stamp: stamp, produce: { fd in
                do {
                    return try TarArchive.stream(members) { run in self.deliver(run, to: fd, name: finalName) }
                } catch let refused as LibArchive.DeliveryError {
                    throw AtomicWriteError(refused.reason)
                }
            }, verify: { written in
                try Self.verifyMembers(of: written, against: members, name: finalName)
            })
        }
    }

    /// Writes a flat tar of one member made while it is written (`fields.npz`, zipped from the
    /// field planes straight into the tar: the npz is never whole in memory) and verifies it
    /// against what `produce` handed over: runs inside `source` by pointer, the rest copied as
    /// they passed (`WrittenRuns`). `size` is the member's exact length; when the member comes
    /// to another, nothing is kept and `SizeMismatch` is thrown, for the caller to build the
    /// content another way. Every other failure is the outcome's, as for `write(members:…)`.
    func write(streamedMember member: String, size: Int, source: UnsafeRawBufferPointer,
               produce: (_ write: @escaping (UnsafeRawBufferPointer) -> String?) throws -> Void,
               to finalName: String, in directory: String, stamp: String) throws(LibArchive.SizeMismatch) -> ArchiveOutcome {
        do { try TarArchive.validateNames([member]) } catch { return .failed(finalName, "\(error)") }
        let written = WrittenRuns(source: source)
        do {
            return try commit(to: finalName, in: directory, stamp: stamp, produce: { fd in
                do {
                    return try TarArchive.stream(member: member, size: size, to: { run in self.deliver(run, to: fd, name: finalName) }) { write in
                        try produce { run in
                            written.append(run)
                            return write(run)
                        }
                    }
                } catch let refused as LibArchive.DeliveryError {
                    throw AtomicWriteError(refused.reason)
                }
            }, verify: { tar in
                try Self.verifyMember(of: tar, against: written, member: member, name: finalName)
            })
        } catch let mismatch as LibArchive.SizeMismatch {
            throw mismatch
        } catch {
            return .failed(finalName, "\(error)")
        }
    }

    /// `write(members:…)` for `(name, bytes)` tuples.
    public func write(members: [(name: String, bytes: [UInt8])], to finalName: String, in directory: String,
                      stamp: String) -> ArchiveOutcome {
        write(members: members.map { ArchiveMember(name: $0.name, bytes: $0.bytes) }, to: finalName, in: directory, stamp: stamp)
    }

    /// Writes a plain file (e.g. `{sweep}_log_{stamp}.txt`) with the same recipe; verification
    /// compares it byte for byte.
    public func writeFile(bytes: [UInt8], to finalName: String, in directory: String, stamp: String) -> ArchiveOutcome {
        outcome(finalName) {
            try commit(to: finalName, in: directory, stamp: stamp,
                       produce: { fd in try deliverAll(bytes, to: fd, name: finalName) },
                       verify: { written in try Self.checkSame(written, bytes, name: finalName) })
        }
    }

    /// Writes a file the user named (`series12 plot --to FILE`) with the same recipe. An existing
    /// regular file is replaced only when `replacing`; a symlink or anything not a regular file
    /// is never replaced. The outcome's name is `path` as given.
    public func writeFile(bytes: [UInt8], toPath path: String, replacing: Bool) -> ArchiveOutcome {
        let url = URL(fileURLWithPath: path)
        let name = url.lastPathComponent, directory = url.deletingLastPathComponent().path
        let result = outcome(path) {
            try commit(to: name, in: directory, target: { try Self.checkUserTarget($0, name: path, replacing: replacing) },
                       produce: { fd in try deliverAll(bytes, to: fd, name: name) },
                       verify: { written in try Self.checkSame(written, bytes, name: name) })
        }
        return result.succeeded ? ArchiveOutcome(name: path, bytes: result.bytes) : result
    }

    private func outcome(_ name: String, _ body: () throws -> ArchiveOutcome) -> ArchiveOutcome {
        do { return try body() } catch { return .failed(name, "\(error)") }
    }

    /// The recipe proper. `produce` writes the content to the temporary's descriptor and returns
    /// how many bytes it wrote; `verify` receives the bytes read back from the final file.
    func commit(to finalName: String, in directory: String, stamp: String,
                produce: (Int32) throws -> Int, verify: (ReadBack) throws -> Void) throws -> ArchiveOutcome {
        guard !finalName.hasPrefix(".") else { throw AtomicWriteError("\"\(finalName)\" is not a plain file name") }
        return try commit(to: finalName, in: directory, target: { try Self.checkTarget($0, name: finalName, stamp: stamp) },
                          produce: produce, verify: verify)
    }

    /// The recipe with `target` deciding whether the final path may be written.
    func commit(to finalName: String, in directory: String, target: (String) throws -> Void,
                produce: (Int32) throws -> Int, verify: (ReadBack) throws -> Void) throws -> ArchiveOutcome {
        guard !finalName.isEmpty, !finalName.contains("/"), finalName != ".", finalName != ".." else {
            throw AtomicWriteError("\"\(finalName)\" is not a plain file name")
        }
        let finalPath = directory + "/" + finalName
        try target(finalPath)
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
        let size = try produce(fd)
        guard retryingEINTR({ system.fsync(fd) }) == 0 else { throw AtomicWriteError("fsync failed: \(errnoMessage())") }
        descriptorOpen = false
        guard system.close(fd) == 0 else { throw AtomicWriteError("close failed: \(errnoMessage())") }
        guard system.rename(temporary, finalPath) == 0 else {
            throw AtomicWriteError("rename onto \(finalName) failed: \(errnoMessage())")
        }
        renamed = true
        // A failed directory fsync leaves a complete file under the final name (the previous
        // version is already gone): keep it, verify it, and still report the failure.
        var directoryProblem: String? = nil
        do { try syncDirectory(directory) } catch { directoryProblem = "\(error)" }
        do {
            try ReadBack.open(finalPath, name: finalName) { readBack in
                guard readBack.count == size else {
                    throw AtomicWriteError("\(finalName) reads back with \(readBack.count) of the \(size) bytes written")
                }
                try verify(readBack)
            }
        } catch {
            unlink(finalPath)
            throw AtomicWriteError("\(error); the unverified file was removed")
        }
        if let directoryProblem {
            throw AtomicWriteError("\(directoryProblem); \(finalName) is complete and verified on disk, but its rename may not survive a power loss")
        }
        return ArchiveOutcome(name: finalName, bytes: size)
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
        try checkExisting(path, name: name) {
            guard ArchiveNaming.belongs(name, to: stamp) else {
                throw AtomicWriteError("\(name) exists and is not a file of sweep \(stamp); refusing to overwrite — use another --out directory")
            }
        }
    }

    /// Refuses a user-named target that is a symlink or not a regular file, or an existing
    /// regular file unless `replacing`.
    static func checkUserTarget(_ path: String, name: String, replacing: Bool) throws {
        try checkExisting(path, name: name) {
            guard replacing else { throw AtomicWriteError("\(name) exists; refusing to overwrite it") }
        }
    }

    /// Nothing at `path` passes; a symlink or anything but a regular file is refused; an
    /// existing regular file is for `regularFile` to judge.
    private static func checkExisting(_ path: String, name: String, regularFile: () throws -> Void) throws {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            if errno == ENOENT { return }
            throw AtomicWriteError("cannot inspect \(name): \(errnoMessage())")
        }
        switch info.st_mode & S_IFMT {
        case S_IFLNK: throw AtomicWriteError("\(name) is a symlink; refusing to overwrite")
        case S_IFREG: try regularFile()
        default: throw AtomicWriteError("\(name) exists and is not a regular file; refusing to overwrite")
        }
    }

    /// Writes all of `bytes`; returns their count.
    func deliverAll(_ bytes: [UInt8], to fd: Int32, name: String) throws -> Int {
        try withRawBytes(of: bytes) { raw throws(AtomicWriteError) in
            if let failure = deliver(raw, to: fd, name: name) { throw AtomicWriteError(failure) }
        }
        return bytes.count
    }

    /// Byte equality of a plain file read back: stronger and cheaper than a hash.
    static func checkSame(_ written: ReadBack, _ bytes: [UInt8], name: String) throws {
        guard try written.matches(bytes[...], at: 0) else { throw AtomicWriteError("\(name) reads back different from what was written") }
    }

    /// Writes every byte of `run`, resuming after short writes and EINTR; returns why not.
    func deliver(_ run: UnsafeRawBufferPointer, to fd: Int32, name: String) -> String? {
        var offset = 0
        while offset < run.count {
            let n = system.write(fd, run.baseAddress.map { $0 + offset }, run.count - offset)
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return (n == 0 ? "the disk accepted no more bytes" : errnoMessage()) + " while writing \(name)" }
            offset += n
        }
        return nil
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

    /// Reads a whole file without following a symlink, into one buffer sized from `fstat`.
    static func readFile(_ path: String, name: String) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { throw AtomicWriteError("\(name) cannot be reopened: \(errnoMessage())") }
        defer { _ = Glibc.close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw AtomicWriteError("\(name) cannot be inspected: \(errnoMessage())") }
        // One byte of room past the size: a read that fills it means the file grew meanwhile.
        var out = [UInt8](repeating: 0, count: Int(info.st_size) + 1)
        var filled = 0
        while true {
            if filled == out.count { out.append(contentsOf: [UInt8](repeating: 0, count: max(out.count, 1 << 16))) }
            let n = out.withUnsafeMutableBytes { read(fd, $0.baseAddress! + filled, $0.count - filled) }
            if n < 0 && errno == EINTR { continue }
            guard n >= 0 else { throw AtomicWriteError("\(name) cannot be read back: \(errnoMessage())") }
            if n == 0 { break }
            filled += n
        }
        out.removeLast(out.count - filled)
        return out
    }

    /// Checks the tar read back holds exactly `members`: names, sizes and contents (read from
    /// the file piece by piece and compared with what was written).
    static func verifyMembers(of tar: ReadBack, against members: [ArchiveMember], name: String) throws {
        try verifyEntries(of: tar, expecting: members.map { ($0.name, $0.bytes.count) }, name: name) { index, offset in
            try tar.matches(members[index].bytes[...], at: offset)
        }
    }

    /// Checks the tar read back holds exactly one member, `member`, whose content is the
    /// pieces `written` recorded, read from the file piece by piece.
    static func verifyMember(of tar: ReadBack, against written: WrittenRuns, member: String, name: String) throws {
        try verifyEntries(of: tar, expecting: [(member, written.count)], name: name) { _, offset in
            try tar.matches(written, at: offset)
        }
    }

    /// Checks the tar read back holds exactly the `expected` members, in order and of those
    /// sizes, and that `matches(index, offset)` holds for each member's data at its offset.
    private static func verifyEntries(of tar: ReadBack, expecting expected: [(name: String, count: Int)], name: String,
                                      matches: (_ index: Int, _ offset: Int) throws -> Bool) throws {
        let found: [TarParser<ReadBack>.Entry]
        do {
            var parser = TarParser(source: tar)
            found = try parser.entries()
        } catch { throw AtomicWriteError("\(name) does not read back: \(error)") }
        guard found.map(\.name) == expected.map(\.name) else {
            throw AtomicWriteError("\(name) reads back with members \(found.map(\.name)), expected \(expected.map(\.name))")
        }
        for (index, (got, want)) in zip(found, expected).enumerated() {
            guard got.data.count == want.count else {
                throw AtomicWriteError("member \(want.name) of \(name) reads back with \(got.data.count) of \(want.count) bytes")
            }
            guard try matches(index, got.data.lowerBound) else {
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
