import Foundation
import Testing
@testable import Series12Retention

@Suite struct AtomicArchiveTests {
    static let stamp = "20260704_120000"
    static let name = "kappa_0_1000_data_20260704_120000.tar"
    static let members = [ArchiveMember(name: "data.json", bytes: sampleRecord().json.fileBytes())]

    @Test func successfulWriteLeavesOnlyTheVerifiedFinalFile() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let outcome = AtomicArchive().write(members: Self.members, to: Self.name, in: dir.path, stamp: Self.stamp)
        #expect(outcome.succeeded, "\(outcome.failureReason ?? "")")
        #expect(dir.names() == [Self.name])
        let bytes = try dir.read(Self.name)
        #expect(outcome.bytes == bytes.count)
        #expect(try TarArchive.decode(bytes) == Self.members)
        var info = stat()
        #expect(stat(dir.file(Self.name), &info) == 0 && info.st_mode & 0o777 == 0o644)
    }

    @Test func tupleMembersAreAcceptedLikeArchiveMembers() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let outcome = AtomicArchive().write(members: [(name: "summary.txt", bytes: Array("hello".utf8))],
                                            to: "kappa_0_1000_summary_\(Self.stamp).tar", in: dir.path, stamp: Self.stamp)
        #expect(outcome.succeeded)
    }

    @Test func directoryWhoseParentIsARegularFileFailsCleanly() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write([1, 2, 3], to: "plainfile")
        let outcome = AtomicArchive().write(members: Self.members, to: Self.name, in: dir.file("plainfile"), stamp: Self.stamp)
        #expect(!outcome.succeeded)
        #expect(outcome.failureReason?.contains("Not a directory") == true, "\(outcome.failureReason ?? "")")
        #expect(dir.names() == ["plainfile"])
    }

    @Test func deletedDirectoryFailsCleanly() throws {
        let dir = try TemporaryDirectory()
        dir.remove()
        let outcome = AtomicArchive().write(members: Self.members, to: Self.name, in: dir.path, stamp: Self.stamp)
        #expect(outcome.failureReason?.contains("No such file or directory") == true, "\(outcome.failureReason ?? "")")
        #expect(!FileManager.default.fileExists(atPath: dir.path))
    }

    @Test func symlinkPlantedAtTheTargetIsRefusedAndItsTargetUntouched() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write(Array("precious".utf8), to: "victim.txt")
        #expect(symlink(dir.file("victim.txt"), dir.file(Self.name)) == 0)
        let outcome = AtomicArchive().write(members: Self.members, to: Self.name, in: dir.path, stamp: Self.stamp)
        #expect(outcome.failureReason == "\(Self.name) is a symlink; refusing to overwrite")
        #expect(try dir.read("victim.txt") == Array("precious".utf8))
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: dir.file(Self.name))) == dir.file("victim.txt"))
        #expect(dir.names() == [Self.name, "victim.txt"])
    }

    @Test func fileOfAnotherStampIsNotOverwritten() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let foreign = "kappa_0_1000_data_20250101_000000.tar"
        try dir.write(Array("another sweep".utf8), to: foreign)
        let outcome = AtomicArchive().write(members: Self.members, to: foreign, in: dir.path, stamp: Self.stamp)
        #expect(outcome.failureReason?.contains("refusing to overwrite") == true)
        #expect(try dir.read(foreign) == Array("another sweep".utf8))
        #expect(dir.names() == [foreign])
    }

    @Test func directoryAtTheTargetIsRefused() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try FileManager.default.createDirectory(atPath: dir.file(Self.name), withIntermediateDirectories: false)
        let outcome = AtomicArchive().write(members: Self.members, to: Self.name, in: dir.path, stamp: Self.stamp)
        #expect(outcome.failureReason?.contains("not a regular file") == true)
    }

    @Test func fileOfThisStampIsReplacedAsACheckpointRewrite() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let writer = AtomicArchive()
        #expect(writer.write(members: Self.members, to: Self.name, in: dir.path, stamp: Self.stamp).succeeded)
        let newer = [ArchiveMember(name: "data.json", bytes: sampleRecord(Hf: 1.5).json.fileBytes())]
        #expect(writer.write(members: newer, to: Self.name, in: dir.path, stamp: Self.stamp).succeeded)
        #expect(try TarArchive.decode(try dir.read(Self.name)) == newer)
        #expect(dir.names() == [Self.name])
    }

    @Test func fullDiskKeepsThePreviousFileAndRemovesTheTemporary() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        #expect(AtomicArchive().write(members: Self.members, to: Self.name, in: dir.path, stamp: Self.stamp).succeeded)
        let before = try dir.read(Self.name)
        var system = SystemCalls.posix
        system.write = { fd, buffer, count in
            if count > 100 { return Glibc.write(fd, buffer, 100) }  // some bytes land, then the disk is full
            errno = ENOSPC
            return -1
        }
        let outcome = AtomicArchive(system: system).write(members: Self.members, to: Self.name, in: dir.path, stamp: Self.stamp)
        #expect(outcome.failureReason == "No space left on device while writing \(Self.name)")
        #expect(try dir.read(Self.name) == before)
        #expect(dir.names() == [Self.name])
    }

    @Test func fsyncFailureIsReportedAndNothingIsLeftBehind() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        var system = SystemCalls.posix
        system.fsync = { _ in errno = EIO; return -1 }
        let outcome = AtomicArchive(system: system).write(members: Self.members, to: Self.name, in: dir.path, stamp: Self.stamp)
        #expect(outcome.failureReason == "fsync failed: Input/output error")
        #expect(dir.names().isEmpty)
    }

    @Test func directoryFsyncFailureKeepsTheCompleteFileAndReportsIt() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let calls = Counter()
        var system = SystemCalls.posix
        // The first fsync is the file's, the second the directory's.
        system.fsync = { fd in
            if calls.next() == 2 { errno = EIO; return -1 }
            return Glibc.fsync(fd)
        }
        let outcome = AtomicArchive(system: system).write(members: Self.members, to: Self.name, in: dir.path, stamp: Self.stamp)
        #expect(outcome.succeeded == false)
        #expect(outcome.failureReason?.contains("may not survive a power loss") == true)
        #expect(dir.names() == [Self.name])
        let members = try TarArchive.decode(try dir.read(Self.name))
        #expect(members == Self.members)
    }

    @Test func shortWritesAndInterruptionsStillProduceTheWholeFile() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let calls = Counter()
        var system = SystemCalls.posix
        system.write = { fd, buffer, count in
            if calls.next() % 3 == 0 { errno = EINTR; return -1 }
            return Glibc.write(fd, buffer, min(count, 777))
        }
        let big = [ArchiveMember(name: "history.npz", bytes: try sampleHistory(samples: 100).npzBytes())]
        let outcome = AtomicArchive(system: system).write(members: big, to: "kappa_0_1000_history_\(Self.stamp).tar",
                                                          in: dir.path, stamp: Self.stamp)
        #expect(outcome.succeeded, "\(outcome.failureReason ?? "")")
        #expect(try TarArchive.decode(try dir.read("kappa_0_1000_history_\(Self.stamp).tar")) == big)
    }

    @Test func fileDamagedAfterRenameFailsVerificationAndIsRemoved() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        var system = SystemCalls.posix
        system.rename = { from, to in
            let result = Glibc.rename(from, to)
            _ = truncate(to, 1024)  // the disk lost the tail
            return result
        }
        let outcome = AtomicArchive(system: system).write(members: Self.members, to: Self.name, in: dir.path, stamp: Self.stamp)
        #expect(outcome.failureReason?.contains("reads back with 1024 of the") == true, "\(outcome.failureReason ?? "")")
        #expect(dir.names().isEmpty)
    }

    /// System calls whose rename succeeds and then damages one byte of the renamed file (a
    /// disk that corrupts what it stored, same size).
    static func renameThenFlipByte(at offset: Int) -> SystemCalls {
        var system = SystemCalls.posix
        system.rename = { from, to in
            let result = Glibc.rename(from, to)
            let fd = open(to, O_RDWR)
            var byte: UInt8 = 0x21
            _ = pwrite(fd, &byte, 1, off_t(offset))
            _ = Glibc.close(fd)
            return result
        }
        return system
    }

    @Test func byteFlippedAfterRenameFailsVerificationAndIsRemoved() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let system = Self.renameThenFlipByte(at: 600)  // inside data.json, after the 512-byte header
        let outcome = AtomicArchive(system: system).write(members: Self.members, to: Self.name, in: dir.path, stamp: Self.stamp)
        #expect(outcome.failureReason?.contains("member data.json of \(Self.name) reads back with different content") == true,
                "\(outcome.failureReason ?? "")")
        #expect(dir.names().isEmpty)
    }

    @Test func aFlipDeepInAMultiMegabyteMemberIsFoundAndAnIntactOneVerifies() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let big = [ArchiveMember(name: "fields.npz", bytes: (0..<(3 << 20) + 5).map { UInt8(truncatingIfNeeded: $0 &* 7) })]
        let name = "kappa_0_1000_fields_\(Self.stamp).tar"
        let intact = AtomicArchive().write(members: big, to: name, in: dir.path, stamp: Self.stamp)
        #expect(intact.succeeded, "\(intact.failureReason ?? "")")
        #expect(try TarArchive.decode(try dir.read(name)) == big)
        // The third 1 MiB piece of the member, read back after the rename, differs in one byte.
        let damaged = AtomicArchive(system: Self.renameThenFlipByte(at: 512 + (2 << 20) + 7)).write(members: big, to: name, in: dir.path,
                                                                                                      stamp: Self.stamp)
        #expect(damaged.failureReason?.contains("member fields.npz of \(name) reads back with different content") == true,
                "\(damaged.failureReason ?? "")")
        #expect(dir.names().isEmpty)
    }

    @Test func plainFileFlippedAfterRenameFailsVerification() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let system = Self.renameThenFlipByte(at: 3)
        let outcome = AtomicArchive(system: system).writeFile(bytes: Array("hello, world".utf8), to: "sweep_log_\(Self.stamp).txt",
                                                              in: dir.path, stamp: Self.stamp)
        #expect(outcome.failureReason?.contains("reads back different from what was written") == true, "\(outcome.failureReason ?? "")")
        #expect(dir.names().isEmpty)
    }

    @Test func memberNameWithASlashIsRefusedBeforeAnythingIsWritten() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let outcome = AtomicArchive().write(members: [ArchiveMember(name: "sub/data.json", bytes: [1])], to: Self.name,
                                            in: dir.path, stamp: Self.stamp)
        #expect(outcome.failureReason?.contains("contains '/'") == true)
        #expect(dir.names().isEmpty)
    }

    @Test func plainTextFileIsWrittenAtomically() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let name = ArchiveNaming.sweepLog(sweep: "sweep", stamp: Self.stamp)
        let outcome = AtomicArchive().writeFile(bytes: Array("Step 0 | H: 1\n".utf8), to: name, in: dir.path, stamp: Self.stamp)
        #expect(outcome.succeeded && outcome.bytes == 14)
        #expect(try dir.read(name) == Array("Step 0 | H: 1\n".utf8))
    }

    @Test func staleTemporariesOfDeadProcessesAreRemovedOthersKept() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let dead = try deadPid()
        let stale = ".\(Self.name).\(dead).tmp"
        let live = ".\(Self.name).1.tmp"  // pid 1 is always alive
        let mineInFlight = ".kappa_0_1000_history_\(Self.stamp).tar.\(getpid()).tmp"
        let mineStale = ".\(Self.name).\(getpid()).tmp"
        for name in [stale, live, mineInFlight, mineStale, "notes.tmp", Self.name] { try dir.write([0], to: name) }
        #expect(InFlightTemporaries.shared.claim(dir.file(mineInFlight)))
        defer { InFlightTemporaries.shared.release(dir.file(mineInFlight)) }
        #expect(AtomicArchive.cleanStaleTemporaries(in: dir.path).sorted() == [stale, mineStale].sorted())
        #expect(dir.names() == [live, mineInFlight, Self.name, "notes.tmp"].sorted())
    }

    @Test func temporaryLeftByAKilledProcessWithOurPidDoesNotBlockTheWrite() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write([9, 9, 9], to: ".\(Self.name).\(getpid()).tmp")
        let outcome = AtomicArchive().write(members: Self.members, to: Self.name, in: dir.path, stamp: Self.stamp)
        #expect(outcome.succeeded, "\(outcome.failureReason ?? "")")
        #expect(dir.names() == [Self.name])
    }

    @Test func temporaryPlantedAsASymlinkIsNotFollowed() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write(Array("precious".utf8), to: "victim.txt")
        #expect(symlink(dir.file("victim.txt"), dir.file(".\(Self.name).\(getpid()).tmp")) == 0)
        let outcome = AtomicArchive().write(members: Self.members, to: Self.name, in: dir.path, stamp: Self.stamp)
        #expect(outcome.succeeded, "\(outcome.failureReason ?? "")")
        #expect(try dir.read("victim.txt") == Array("precious".utf8))
        #expect(try TarArchive.decode(try dir.read(Self.name)) == Self.members)
    }

    /// The pid of a process that has exited and been reaped.
    private func deadPid() throws -> pid_t {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }
}

/// A thread-safe call counter for injected system calls.
final class Counter: @unchecked Sendable {  // `value` is only touched under `lock`
    private let lock = NSLock()
    private var value = 0

    func next() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }
}
