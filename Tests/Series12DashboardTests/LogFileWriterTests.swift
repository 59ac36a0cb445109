import Foundation
import Testing
@testable import Series12Dashboard

@Suite struct LogFileWriterTests {
    let directory: String

    init() throws {
        directory = NSTemporaryDirectory() + "s12log-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    @Test func writesAMissingFileWhole() throws {
        let path = directory + "/a.txt"
        #expect(try LogFileWriter.save("one\ntwo\n", to: path) == .written)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "one\ntwo\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["a.txt"])
    }

    @Test func leavesAFileThatAlreadyHoldsTheLog() throws {
        let path = directory + "/b.txt"
        try "one\ntwo\nthree\n".write(toFile: path, atomically: false, encoding: .utf8)
        #expect(try LogFileWriter.save("one\ntwo\n", to: path) == .alreadyComplete)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "one\ntwo\nthree\n")
    }

    @Test func replacesATruncatedFile() throws {
        let path = directory + "/c.txt"
        try "one\n".write(toFile: path, atomically: false, encoding: .utf8)
        #expect(try LogFileWriter.save("one\ntwo\n", to: path) == .written)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "one\ntwo\n")
    }

    @Test func refusesASymlink() throws {
        let path = directory + "/d.txt"
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: directory + "/elsewhere.txt")
        #expect(throws: LogFileWriter.Failure.self) { try LogFileWriter.save("x\n", to: path) }
        #expect(!FileManager.default.fileExists(atPath: directory + "/elsewhere.txt"))
    }
}
