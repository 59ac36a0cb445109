import Foundation
import Testing

@Suite("series12 validate, end to end")
struct ValidateCommandTests {
    @Test func selectedTestsWriteOneArchiveEachAndPassTheChecker() throws {
        let dir = Binary.temporaryDirectory("validate")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try Binary.series12(["validate", "--only", "1,5,7", "--headless", "--out", dir])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        for name in ["single_step", "conservation", "symmetry"] {
            #expect(r.stdout.contains(" \(name) |") && r.stdout.contains("PASS"))
        }
        let tars = Binary.files(dir).filter { $0.hasSuffix(".tar") }
        #expect(tars.filter { $0.hasPrefix("test") }.map { String($0.prefix(6)) }.sorted() == ["test1_", "test5_", "test7_"])
        #expect(tars.contains { $0.hasPrefix("validation_summary_") })
        #expect(r.stdout.contains("Validation | 3/3 passed"))
        let check = try Binary.checkOutputs(dir)
        #expect(check.status == 0, "\(check.stdout)")
    }

    @Test func unknownTestNumberIsBadUsage() throws {
        let dir = Binary.temporaryDirectory("validate-bad")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try Binary.series12(["validate", "--only", "1,12", "--out", dir])
        #expect(r.status == 2)
        #expect(Binary.files(dir).isEmpty)
    }
}
