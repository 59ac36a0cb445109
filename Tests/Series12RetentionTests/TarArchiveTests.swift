import Foundation
import Testing
@testable import Series12Retention

@Suite struct TarArchiveTests {
    static let members = [
        ArchiveMember(name: "data.json", bytes: Array("{\n  \"kappa\": 0.1\n}\n".utf8)),
        ArchiveMember(name: "history.npz", bytes: (0..<1500).map { UInt8(truncatingIfNeeded: $0 * 13) }),
        ArchiveMember(name: "empty.txt", bytes: []),
        ArchiveMember(name: "exactly_one_block.bin", bytes: [UInt8](repeating: 0x5A, count: 512)),
    ]

    @Test func ourReaderReturnsEveryMemberWithItsBytes() throws {
        #expect(try TarArchive.decode(try TarArchive.encode(Self.members)) == Self.members)
    }

    @Test func gnuTarListsEveryMemberAsAFlatRegularFile() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write(try TarArchive.encode(Self.members), to: "a.tar")
        let result = try runProgram("tar", ["-tvf", dir.file("a.tar")])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty, "GNU tar warned: \(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == Self.members.count)
        for (line, member) in zip(lines, Self.members) {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            #expect(fields.first == "-rw-r--r--")
            #expect(fields.count >= 6 && fields[2] == Substring(String(member.bytes.count)))
            #expect(fields.last == Substring(member.name))
        }
    }

    @Test func pythonTarfileReadsTheSameNamesSizesAndContent() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write(try TarArchive.encode(Self.members), to: "a.tar")
        let script = """
        import hashlib, sys, tarfile
        with tarfile.open(sys.argv[1], 'r:') as t:
            for m in t.getmembers():
                data = t.extractfile(m).read()
                print(m.name, m.isfile(), oct(m.mode), m.uid, m.gid, m.size, hashlib.sha256(data).hexdigest())
        """
        let result = try python(script, [dir.file("a.tar")])
        #expect(result.status == 0, "\(result.stderr)")
        let expected = Self.members.map { "\($0.name) True 0o644 0 0 \($0.bytes.count) \(SHA256.hex(of: $0.bytes))" }
        #expect(result.stdout.split(separator: "\n").map(String.init) == expected)
    }

    @Test func tarCutExactlyAtAMemberBoundaryIsReportedTruncated() throws {
        let tar = try TarArchive.encode(Self.members)
        let afterFirst = 512 + 512  // header + one padded data block of data.json
        let afterLast = tar.count - 1024
        #expect(Array(tar[afterLast...]).allSatisfy { $0 == 0 })
        for cut in [afterFirst, afterLast, tar.count - 512] {
            #expect(throws: TarReadError.self, "cut at \(cut)") { try TarArchive.decode(Array(tar[..<cut])) }
            do {
                _ = try TarArchive.decode(Array(tar[..<cut]))
            } catch {
                guard case .truncated = error else { Issue.record("cut at \(cut) gave \(error)"); continue }
            }
        }
    }

    @Test func tarCutInsideMemberDataOrHeaderIsReportedTruncated() throws {
        let tar = try TarArchive.encode(Self.members)
        for cut in [0, 100, 512 + 10, 1024 + 700, 1024 + 512 + 1000] {
            #expect(throws: TarReadError.self, "cut at \(cut)") { try TarArchive.decode(Array(tar[..<cut])) }
        }
    }

    @Test func alteredHeaderFailsItsChecksum() throws {
        var tar = try TarArchive.encode(Self.members)
        tar[0] = UInt8(ascii: "D")
        #expect(throws: TarReadError.corrupt("header at byte 0 fails its checksum")) { try TarArchive.decode(tar) }
    }

    @Test func memberNamesWithSlashesOrDuplicatesAreRejected() {
        for names in [["a/b.json"], ["../x"], [""], ["a.json", "a.json"], ["κ.txt"], ["tab\tname"]] {
            #expect(throws: TarMemberNameError.self) {
                try TarArchive.encode(names.map { ArchiveMember(name: $0, bytes: [1]) })
            }
        }
    }

    @Test func namesLongerThanUstarAllowsSurviveThroughPaxHeaders() throws {
        let members = [ArchiveMember(name: String(repeating: "x", count: 150) + ".json", bytes: [1, 2, 3]),
                       ArchiveMember(name: "kappa_summary.txt", bytes: Array("κ".utf8))]
        let tar = try TarArchive.encode(members)
        #expect(try TarArchive.decode(tar) == members)
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write(tar, to: "p.tar")
        let result = try python("import sys, tarfile; print([m.name for m in tarfile.open(sys.argv[1])])", [dir.file("p.tar")])
        #expect(result.stdout.contains("kappa_summary.txt") && result.stdout.contains(String(repeating: "x", count: 150)))
    }

    @Test func tarWrittenByPythonIsReadByOurDecoder() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let script = """
        import io, sys, tarfile
        with tarfile.open(sys.argv[1], 'w', format=tarfile.PAX_FORMAT) as t:
            for name, data in [('summary.json', b'{}'), ('log.txt', b'Step 0 | H: 1\\n' * 100)]:
                info = tarfile.TarInfo(name); info.size = len(data); t.addfile(info, io.BytesIO(data))
        """
        #expect(try python(script, [dir.file("py.tar")]).status == 0)
        let members = try TarArchive.decode(try dir.read("py.tar"))
        #expect(members.map(\.name) == ["summary.json", "log.txt"])
        #expect(members.last?.bytes.count == 1400)
    }
}
