import Foundation
import Series12Retention
@testable import Series12Sweep
import Testing

/// `series12 verify` rests on `ManifestCheck`: a fresh sweep passes, and each kind of damage a
/// download or a crash leaves behind is named.
@Suite struct VerifyTests {
    static let stamp = SweepFixture.stamp

    @Test func freshSweepDirectoryVerifiesClean() throws {
        let sweep = try SweepFixture()
        defer { sweep.remove() }
        #expect(ManifestCheck.check(directory: sweep.directory, stamp: Self.stamp) == [])
    }

    @Test func recoveredDirectoryVerifiesClean() throws {
        let sweep = try SweepFixture()
        defer { sweep.remove() }
        let out = try SweepFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: out) }
        _ = Recovery.write(Recovery.rebuild(text: sweep.log), to: out, sweep: "sweep", force: false)
        #expect(ManifestCheck.check(directory: out, stamp: Self.stamp) == [])
    }

    @Test func flippedByteIsReportedAsAltered() throws {
        let sweep = try SweepFixture()
        defer { sweep.remove() }
        let name = SweepFixture.archive(0.1, .history)
        var bytes = Array(try #require(FileManager.default.contents(atPath: sweep.path(name))))
        bytes[700] ^= 0x01  // inside history.npz, past the tar header
        try Data(bytes).write(to: URL(fileURLWithPath: sweep.path(name)))
        let problems = ManifestCheck.check(directory: sweep.directory, stamp: Self.stamp)
        #expect(problems.contains(.checksumMismatch(file: name)))
        #expect(!problems.contains { if case .sizeMismatch = $0 { return true }; return false })
    }

    @Test func deletedFileIsReportedAsMissing() throws {
        let sweep = try SweepFixture()
        defer { sweep.remove() }
        let name = SweepFixture.archive(0.5, .data)
        try FileManager.default.removeItem(atPath: sweep.path(name))
        #expect(ManifestCheck.check(directory: sweep.directory, stamp: Self.stamp) == [.missing(file: name)])
    }

    @Test func tarCutAtAMemberBoundaryIsReportedAsTruncated() throws {
        let sweep = try SweepFixture()
        defer { sweep.remove() }
        let name = SweepFixture.archive(0.1, .data)
        let bytes = Array(try #require(FileManager.default.contents(atPath: sweep.path(name))))
        let cut = Array(bytes.dropLast(2 * TarArchive.blockSize))  // only the end-of-archive blocks go
        #expect(cut.count % TarArchive.blockSize == 0 && cut.count > 0)
        #expect(cut.suffix(1024) != [UInt8](repeating: 0, count: 1024), "the cut leaves the member complete")
        try Data(cut).write(to: URL(fileURLWithPath: sweep.path(name)))
        let problems = ManifestCheck.check(directory: sweep.directory, stamp: Self.stamp)
        #expect(problems.contains(.sizeMismatch(file: name, expected: bytes.count, actual: cut.count)))
        #expect(problems.contains { if case .unreadableTar(name, _) = $0 { return true }; return false })
    }

    @Test func unlistedTier2FileOfTheStampIsReported() throws {
        let sweep = try SweepFixture()
        defer { sweep.remove() }
        let extra = ArchiveNaming.kappaArchive(kappa: 9, kind: .data, stamp: Self.stamp)
        try FileManager.default.copyItem(atPath: sweep.path(SweepFixture.archive(0.1, .data)), toPath: sweep.path(extra))
        #expect(ManifestCheck.check(directory: sweep.directory, stamp: Self.stamp) == [.unlisted(file: extra)])
    }
}
