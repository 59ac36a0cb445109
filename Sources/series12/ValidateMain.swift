import Foundation
import Series12Dashboard
import Series12Retention
import Series12Sweep
import Series12Validation
import Synchronization

/// `series12 validate [--only N,…] [--out DIR] [--headless]`: the nine SOP tests, one
/// `test{n}_{name}_{stamp}.tar` each (written as each test ends) and a
/// `validation_summary_{stamp}.tar`. In a terminal the suite shows in the dashboard, one row per
/// test. Exit 0 only if every test run passes and every archive is saved.
enum ValidateMain {
    static func run(_ arguments: [String]) throws -> Int32 {
        let scan = try ArgumentScanner(arguments, options: ["only", "out", "theme"], switches: ["headless", "ascii"], command: "validate")
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
        if let theme = scan.values["theme"] { try SweepSession.validateTheme(theme, explicit: true) }
        let interactive = !scan.flags.contains("headless") && isatty(STDOUT_FILENO) == 1
        let ascii = scan.flags.contains("ascii") || !Locale.isUTF8
        let tests = Array(Set(only ?? ValidationSuite.testNumbers)).sorted()
        let stamp = SweepMain.freshStamp(in: out)
        let log = Tier1Log(echo: !interactive)
        let logPath = out + "/" + ArchiveNaming.sweepLog(sweep: "validation", stamp: stamp)
        try log.attachFile(path: logPath)
        log.append("Validate \(stamp) | tests=\(tests.map(String.init).joined(separator: ",")) | out=\(out)")
        let board = ValidationBoard(tests: tests, stamp: stamp, log: log)
        let finished = Mutex<[ValidationResult]>([])
        let archivesFailed = Atomic<Bool>(false)
        let started = Date()

        var suite = ValidationSuite(ascii: ascii) { line in log.append(line) }
        suite.onStart = { board.testStarted($0) }
        // Each test's archive is written the moment the test ends: a suite stopped half-way
        // keeps every finished test.
        suite.onResult = { result in
            let json = result.json
            let member = ArchiveNaming.testMember(number: result.number, name: result.name, stamp: stamp)
            log.append(OutcomeLine.json(name: member, bytes: TestArchive.jsonBytes(json), ascii: ascii))
            let outcome = TestArchive.write(number: result.number, name: result.name, result: json, directory: out, stamp: stamp)
            log.append(OutcomeLine.archive(outcome, ascii: ascii))
            if !outcome.succeeded { archivesFailed.store(true, ordering: .relaxed) }
            finished.withLock { $0.append(result) }
            board.testEnded(result, archive: outcome.name, archiveFailed: !outcome.succeeded)
        }

        let configured = suite
        var stoppedEarly = false
        let watch = SignalWatch()
        let flag = watch.flag
        let done = DispatchSemaphore(value: 0)
        let runner = Thread {
            _ = try? configured.run(only: tests, size: .spec, parallel: true)
            done.signal()
        }
        runner.stackSize = 8 << 20
        runner.start()
        if interactive {
            let options = DashboardOptions(themeName: scan.values["theme"] ?? "default", ascii: ascii,
                                           themesDirectory: Theme.locateDirectory(), logFilePath: logPath)
            let exit = Dashboard.run(source: board, options: options, stopRequest: { flag.last.map { .signal($0) } })
            switch exit {
            case .quit, .signal:
                stoppedEarly = board.snapshot().isActive
            case .finished, .terminalUnavailable:
                break
            }
            if !stoppedEarly { done.wait() }
        } else {
            while done.wait(timeout: .now() + .milliseconds(100)) == .timedOut {
                if flag.last != nil { stoppedEarly = true; break }
            }
        }
        let wall = Date().timeIntervalSince(started)
        let results = finished.withLock { $0 }.sorted { $0.number < $1.number }
        if stoppedEarly {
            log.append("Validation interrupted: \(results.count) of \(tests.count) tests finished; their archives are kept")
        }
        log.append(ValidationSuite.summaryLine(results, wallSeconds: wall))
        let tier3 = Tier3Summary.write(sweep: "validation", stamp: stamp, version: Series12Version.string, records: [],
                                       log: log.text, directory: out,
                                       extra: ValidationSuite.summary(results, size: .spec, wallSeconds: wall))
        log.append(OutcomeLine.archive(tier3, ascii: ascii))
        log.closeFile()
        if interactive { Terminal.write(log.text) }
        withExtendedLifetime(watch) {}
        if stoppedEarly { return 130 }
        let allRan = results.count == tests.count
        return allRan && results.allSatisfy(\.passed) && tier3.succeeded && !archivesFailed.load(ordering: .relaxed) ? 0 : 1
    }
}
