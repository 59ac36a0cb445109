import Foundation
import Testing

@Suite("series12 bench --compare, end to end")
struct BenchCommandTests {
    /// A short `bench --compare` (20 steps, one repetition): every figure of issue #7 gets a row
    /// with a finite positive ratio and its goal, and our kernel does the same work as ref_fast
    /// (equal checksums at both sizes). Speed itself is not asserted: it is measured, not tested.
    @Test func comparePrintsEveryRowWithARatioAndMatchesTheReferenceChecksums() throws {
        var environment = ProcessInfo.processInfo.environment
        environment["SERIES12_BENCH"] = Binary.shared + "/bench"
        let r = try Binary.series12(["bench", "--compare", "--steps", "20", "--reps", "1"], environment: environment)
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        let rows = r.stdout.split(separator: "\n").map(String.init).filter { $0.contains(" | ") }
        let expected = [
            ("one κ on one core, N=256 vs ref_fast.c", "≥ 1.3"),
            ("2 κs on 2 cores ÷ 1 κ on 1 core, N=256", "≥ 1.9"),
            ("one κ on one core, N=1024 vs ref_fast.c", "≥ 2.0"),
            ("2 κs on 2 cores ÷ 1 κ on 1 core, N=1024", "≥ 1.9"),
            ("machine's ceiling for the 2-core rows: 8-wide FMA loop, 2 threads ÷ 1", "2 on two free cores"),
            ("machine's ceiling for load/store code: L2-resident stream, 2 threads ÷ 1", "2 on two free cores"),
            ("vs ref_numpy.py, N=256", "≥ 8"),
            ("peak RSS per running κ ÷ 48·N², N=1024", "≤ 1.15"),
            ("peak RSS per running κ ÷ 48·N², N=4096", "≤ 1.15"),
            ("retention: fields archive N=1024 time ÷ cp+sync", "≤ 2"),
        ]
        for (name, goal) in expected {
            let row = rows.first { $0.hasPrefix(name + " | ") }
            #expect(row != nil, "no row \(name) in:\n\(r.stdout)")
            guard let fields = row?.components(separatedBy: " | "), fields.count == 3 else { continue }
            let ratio = Double(fields[1].replacingOccurrences(of: "×", with: ""))
            #expect(ratio.map { $0.isFinite && $0 > 0 } == true, "\(row!)")
            #expect(fields[2] == goal, "\(row!)")
        }
        for n in [256, 1024] {
            let ours = checksums(r.stdout, prefix: "N=\(n) steps=")
            let fast = checksums(r.stdout, prefix: "ref_fast: N=\(n) steps=")
            #expect(!ours.isEmpty && ours == fast, "N=\(n): ours \(ours), ref_fast \(fast)")
        }
    }

    /// The checksum fields of the lines that start with `prefix`.
    private func checksums(_ text: String, prefix: String) -> [String] {
        text.split(separator: "\n").filter { $0.hasPrefix(prefix) && $0.contains("checksum=") }.compactMap { line in
            line.split(separator: " ").first { $0.hasPrefix("checksum=") }.map(String.init)
        }
    }
}
