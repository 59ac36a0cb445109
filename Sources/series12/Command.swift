import Foundation
import Series12Sweep

/// The subcommands of SPEC §9.
enum Command {
    static func run(_ arguments: [String]) throws -> Int32 {
        guard let first = arguments.first else { return try SweepMain.run([]) }
        let rest = Array(arguments.dropFirst())
        switch first {
        case "--help", "-h", "help":
            print(Help.text)
            return 0
        case "--version":
            print("series12 \(Series12Version.string)")
            return 0
        case "sweep": return try SweepMain.run(rest)
        case "bench": return try BenchMain.run(rest)
        case "resume": return try ResumeMain.run(rest)
        case "validate": return try ValidateMain.run(rest)
        case "recover": return try RecoverMain.run(rest)
        case "verify": return try VerifyMain.run(rest)
        case "plot": return try PlotMain.run(rest)
        default:
            if first.hasPrefix("--") { return try SweepMain.run(arguments) }
            throw UsageError("unknown command '\(first)'; commands are sweep, validate, resume, recover, verify, plot, bench (see 'series12 --help')")
        }
    }
}
