import Foundation
import Testing
@testable import Series12Retention

/// The fields archive zips the planes straight into the tar (`withStreamedNPZ`): the same
/// bytes as the npz built in memory, verified against the planes themselves, and every failure
/// handled like any other archive's.
@Suite struct StreamedFieldsTests {
    static let stamp = "20260704_120000"
    static let name = "kappa_0_1000_fields_20260704_120000.tar"
    /// 300×300: each plane is 720 000 bytes, so the 4.3 MB member spans several read-back pieces.
    static let fields = sampleFields(n: 300)

    @Test func theStreamedMemberIsTheNPZBuiltInMemoryByteForByte() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        // The zip holds each member's mtime to the second: one of the two in-memory encodings
        // around the write was made in the same second as the streamed one.
        let before = try Self.fields.npzBytes()
        let outcome = KappaArchives.writeFields(Self.fields, kappa: 0.1, directory: dir.path, stamp: Self.stamp)
        let after = try Self.fields.npzBytes()
        #expect(outcome.succeeded, "\(outcome.failureReason ?? "")")
        let members = try TarArchive.decode(try dir.read(Self.name))
        #expect(members.map(\.name) == ["fields.npz"])
        #expect(members.first?.bytes == before || members.first?.bytes == after)
        #expect(try FieldsSnapshot(npz: members[0].bytes) == Self.fields)
        #expect(dir.names() == [Self.name])
    }

    @Test func theDryRunSizeIsExactAtSeveralSizes() throws {
        for n in [1, 8, 33, 300] {
            let fields = sampleFields(n: n)
            let size = try fields.withStreamedNPZ { size, _, _ in size }
            #expect(size == (try fields.npzBytes()).count, "N=\(n)")
        }
    }

    @Test func thePlanesAreCheckedByPointerNotCopied() throws {
        let recorded = try Self.fields.withStreamedNPZ { size, planes, produce in
            let written = WrittenRuns(source: planes)
            try produce { run in
                written.append(run)
                return nil
            }
            #expect(written.count == size)
            return written
        }
        // Zip and .npy headers, the two scalars, the zip's directory: about 2.3 KB of 4.3 MB.
        #expect(recorded.copiedCount < 4096, "got \(recorded.copiedCount) bytes copied")
        // Six planes, each between copied headers: no more pieces than that takes.
        #expect(recorded.pieces.count <= 13)
        #expect(recorded.pieces.filter { if case .borrowed = $0 { true } else { false } }.map(\.count) == Array(repeating: 8 * 300 * 300, count: 6))
    }

    @Test func aByteFlippedInAPlaneOrInAZipHeaderIsFoundAndTheFileRemoved() throws {
        // 512: the tar header; 30 + 10 + 8: the zip's first local header and its name; 128: the .npy header.
        for offset in [512 + 5, 512 + 3_000_000, 512 + 4_300_000] {
            let dir = try TemporaryDirectory()
            defer { dir.remove() }
            let writer = AtomicArchive(system: AtomicArchiveTests.renameThenFlipByte(at: offset))
            let outcome = KappaArchives.writeFields(Self.fields, kappa: 0.1, directory: dir.path, stamp: Self.stamp, writer: writer)
            #expect(outcome.failureReason?.contains("member fields.npz of \(Self.name) reads back with different content") == true,
                    "offset \(offset): \(outcome.failureReason ?? "succeeded")")
            #expect(dir.names().isEmpty)
        }
    }

    @Test func aFullDiskKeepsThePreviousCheckpointAndLeavesNoTemporary() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        #expect(KappaArchives.writeFields(Self.fields, kappa: 0.1, directory: dir.path, stamp: Self.stamp).succeeded)
        let before = try dir.read(Self.name)
        let calls = Counter()
        var system = SystemCalls.posix
        system.write = { fd, buffer, count in
            if calls.next() < 5 { return Glibc.write(fd, buffer, count) }  // the first runs land, then the disk is full
            errno = ENOSPC
            return -1
        }
        let moved = FieldsSnapshot(n: 300, step: 99, t: 1, planes: Self.fields.planes.map { $0 + 1 })
        let outcome = KappaArchives.writeFields(moved, kappa: 0.1, directory: dir.path, stamp: Self.stamp, writer: AtomicArchive(system: system))
        #expect(outcome.failureReason == "No space left on device while writing \(Self.name)")
        #expect(try dir.read(Self.name) == before)
        #expect(dir.names() == [Self.name])
    }

    @Test func aMemberThatDoesNotComeToItsDeclaredSizeIsNotKept() throws {
        for error in [-1, 1] {
            let dir = try TemporaryDirectory()
            defer { dir.remove() }
            #expect(throws: LibArchive.SizeMismatch.self, "declared size + \(error)") {
                try Self.fields.withStreamedNPZ { size, planes, produce in
                    try AtomicArchive().write(streamedMember: "fields.npz", size: size + error, source: planes, produce: produce,
                                              to: Self.name, in: dir.path, stamp: Self.stamp)
                }
            }
            #expect(dir.names().isEmpty, "\(dir.names())")
        }
    }

    @Test func aStreamThatMissesItsDryRunSizeFallsBackToTheNPZBuiltInMemory() throws {
        for error in [-1, 1] {
            let dir = try TemporaryDirectory()
            defer { dir.remove() }
            let outcome = KappaArchives.writeFields(Self.fields, kappa: 0.1, directory: dir.path, stamp: Self.stamp,
                                                    writer: AtomicArchive(), streamedSize: { $0 + error })
            #expect(outcome.succeeded, "\(outcome.failureReason ?? "")")
            #expect(dir.names() == [Self.name])
            let members = try TarArchive.decode(try dir.read(Self.name))
            #expect(try FieldsSnapshot(npz: members[0].bytes) == Self.fields)
        }
    }

    @Test func runsAreJoinedAndOnlyThoseOutsideTheSourceCopied() {
        let source = [UInt8](0..<100)
        let other = [UInt8](200..<210)
        source.withUnsafeBytes { src in
            other.withUnsafeBytes { out in
                let written = WrittenRuns(source: src)
                written.append(UnsafeRawBufferPointer(rebasing: out[0..<4]))
                written.append(UnsafeRawBufferPointer(rebasing: out[4..<10]))
                written.append(UnsafeRawBufferPointer(rebasing: src[0..<40]))
                written.append(UnsafeRawBufferPointer(rebasing: src[40..<100]))
                written.append(UnsafeRawBufferPointer(rebasing: src[10..<20]))  // inside, but not where the last run ended
                #expect(written.count == 120)
                #expect(written.copiedCount == 10)
                #expect(written.pieces.map(\.count) == [10, 100, 10])
                if case let .copied(bytes) = written.pieces[0] { #expect(bytes == other) } else { Issue.record("first piece not copied") }
                if case let .borrowed(run) = written.pieces[2] { #expect(run.baseAddress == src.baseAddress! + 10) } else { Issue.record("last piece not borrowed") }
            }
        }
    }

    @Test func snapshotsUpToN6688Stream() {
        #expect(FieldsSnapshot.streams(n: 6688))
        #expect(!FieldsSnapshot.streams(n: 6689))
    }
}
