import Foundation
import Testing
@testable import Series12Retention

/// `AtomicArchive.writeFile(bytes:toPath:replacing:)`, the writer behind `series12 plot --to`.
@Suite struct UserFileTests {
    @Test func newFileIsWrittenWholeAndNothingElseIsLeft() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let outcome = AtomicArchive().writeFile(bytes: Array("<svg/>".utf8), toPath: dir.file("drift.svg"), replacing: false)
        #expect(outcome.succeeded, "\(outcome.failureReason ?? "")")
        #expect(outcome.name == dir.file("drift.svg") && outcome.bytes == 6)
        #expect(dir.names() == ["drift.svg"])
        #expect(try dir.read("drift.svg") == Array("<svg/>".utf8))
    }

    @Test func existingFileIsKeptUnlessReplacingIsAsked() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write(Array("old".utf8), to: "plot.svg")
        let refused = AtomicArchive().writeFile(bytes: Array("new".utf8), toPath: dir.file("plot.svg"), replacing: false)
        #expect(refused.failureReason == "\(dir.file("plot.svg")) exists; refusing to overwrite it")
        #expect(try dir.read("plot.svg") == Array("old".utf8))
        let replaced = AtomicArchive().writeFile(bytes: Array("new".utf8), toPath: dir.file("plot.svg"), replacing: true)
        #expect(replaced.succeeded)
        #expect(try dir.read("plot.svg") == Array("new".utf8))
        #expect(dir.names() == ["plot.svg"])
    }

    @Test func symlinkIsNeverReplacedNorFollowed() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write(Array("precious".utf8), to: "victim.txt")
        #expect(symlink(dir.file("victim.txt"), dir.file("plot.svg")) == 0)
        let outcome = AtomicArchive().writeFile(bytes: Array("x".utf8), toPath: dir.file("plot.svg"), replacing: true)
        #expect(outcome.failureReason == "\(dir.file("plot.svg")) is a symlink; refusing to overwrite")
        #expect(try dir.read("victim.txt") == Array("precious".utf8))
        #expect(dir.names() == ["plot.svg", "victim.txt"])
    }
}
