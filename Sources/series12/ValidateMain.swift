import Foundation
import Series12Retention
import Series12Sweep
import Series12Validation
import Synchronization

/// `series12 validate [--only N,…] [--out DIR] [--headless]`: the nine SOP tests, one
/// `test{n}_{name}_{stamp}.tar` each and a `validation_summary_{stamp}.tar`. Exit 0 only if
/// every test run passes.
enum ValidateMain {
    static func run(_ arguments: [String]) throws -> Int32 {
        let scan = try ArgumentScanner(arguments, options: ["only", "out"], switches: ["headless", "ascii"], command: "validate")
        if let extra = scan.positionals.first { throw UsageError("unexpected argument '\(extra)' for 'series12 validate'") }
        var only: [Int]? = nil
        if let list = scan.values["only"] {
            only = try list.split(separator: ",", omittingEmptySubsequences: false).map { item throws(UsageError) -> Int in
                guard let n = Int(item.trimmingCharacters(in: .whitespaces)), ValidationSuite.testNumbers.contains(n) else {
                    throw UsageError("--only takes test numbers 1–9 separated by commas, got '\(list)'")
                }
                return n
            }
        }
        let out = scan.values["out"] ?? "."
        try SweepConfiguration.checkOutputDirectory(out)
        let ascii = scan.flags.contains("ascii") || !Locale.isUTF8
        let stamp = SweepMain.freshStamp(in: out)
        let log = Tier1Log(echo: true)
        try log.attachFile(path: out + "/" + ArchiveNaming.sweepLog(sweep: "validation", stamp: stamp))
        let signals = SignalWatch { sig in
            log.append("Validation interrupted by signal \(sig); archives of finished tests are kept")
            exit(130)
        }
        log.append("Validate \(stamp) | tests=\((only ?? ValidationSuite.testNumbers).map(String.init).joined(separator: ",")) | out=\(out)")
        let started = Date()
        let archivesFailed = Atomic<Bool>(false)
        var suite = ValidationSuite(ascii: ascii) { line in log.append(line) }
        // Each test's archive is written the moment the test ends: a suite killed half-way
        // keeps every finished test.
        suite.onResult = { result in
            let json = result.json
            let member = ArchiveNaming.testMember(number: result.number, name: result.name, stamp: stamp)
            log.append(OutcomeLine.json(name: member, bytes: TestArchive.jsonBytes(json), ascii: ascii))
            let outcome = TestArchive.write(number: result.number, name: result.name, result: json, directory: out, stamp: stamp)
            log.append(OutcomeLine.archive(outcome, ascii: ascii))
            if !outcome.succeeded { archivesFailed.store(true, ordering: .relaxed) }
        }
        let results = try suite.run(only: only, size: .spec, parallel: true)
        let wall = Date().timeIntervalSince(started)
        log.append(ValidationSuite.summaryLine(results, wallSeconds: wall))
        let tier3 = Tier3Summary.write(sweep: "validation", stamp: stamp, version: Series12Version.string, records: [],
                                       log: log.text, directory: out,
                                       extra: ValidationSuite.summary(results, size: .spec, wallSeconds: wall))
        log.append(OutcomeLine.archive(tier3, ascii: ascii))
        log.closeFile()
        withExtendedLifetime(signals) {}
        return results.allSatisfy(\.passed) && tier3.succeeded && !archivesFailed.load(ordering: .relaxed) ? 0 : 1
    }
}
