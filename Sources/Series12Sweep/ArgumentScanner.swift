import Foundation
import Series12Retention

/// Splits `--opt VALUE`, `--opt=VALUE` and bare `--flag` arguments, rejecting unknown ones.
public struct ArgumentScanner {
    public private(set) var values: [String: String] = [:]
    public private(set) var flags: Set<String> = []
    public private(set) var positionals: [String] = []
    /// Options given more than once, in order (`--sbatch-arg` style repeats).
    public private(set) var repeated: [String: [String]] = [:]

    /// - Parameters:
    ///   - options: names (without `--`) that take a value.
    ///   - switches: names that take none.
    public init(_ arguments: [String], options: Set<String>, switches: Set<String>, command: String) throws(UsageError) {
        var i = 0
        while i < arguments.count {
            let arg = arguments[i]
            i += 1
            guard arg.hasPrefix("--"), arg.count > 2 else {
                if arg.hasPrefix("-") && arg != "-" {
                    throw UsageError("unknown option '\(arg)' for 'series12 \(command)'; see 'series12 --help'")
                }
                positionals.append(arg)
                continue
            }
            var name = String(arg.dropFirst(2))
            var inline: String? = nil
            if let eq = name.firstIndex(of: "=") {
                inline = String(name[name.index(after: eq)...])
                name = String(name[..<eq])
            }
            if switches.contains(name) {
                if inline != nil { throw UsageError("option '--\(name)' takes no value; write just '--\(name)'") }
                flags.insert(name)
            } else if options.contains(name) {
                let value: String
                if let inline {
                    value = inline
                } else {
                    guard i < arguments.count else { throw UsageError("option '--\(name)' needs a value, e.g. '--\(name) VALUE'") }
                    value = arguments[i]
                    i += 1
                }
                values[name] = value
                repeated[name, default: []].append(value)
            } else {
                throw UsageError("unknown option '--\(name)' for 'series12 \(command)'; see 'series12 --help'")
            }
        }
    }

    /// A finite number, or nil when absent.
    public func double(_ name: String) throws(UsageError) -> Double? {
        guard let text = values[name] else { return nil }
        guard let x = Double(text), x.isFinite else {
            throw UsageError("--\(name) must be a finite number, got '\(text)'")
        }
        return x
    }

    /// A whole number, or nil when absent.
    public func int(_ name: String) throws(UsageError) -> Int? {
        guard let text = values[name] else { return nil }
        guard let x = Int(text) else { throw UsageError("--\(name) must be a whole number, got '\(text)'") }
        return x
    }
}

extension ArgumentScanner {
    /// The one output directory and the valid `--stamp` of a command that reads what a sweep
    /// wrote (`combine`, `watch`); `stampHint` says where the user finds the stamp.
    public func directoryAndStamp(command: String, stampHint: String) throws(UsageError) -> (directory: String, stamp: String) {
        guard let directory = positionals.first else {
            throw UsageError("\(command) needs the sweep's output directory: series12 \(command) DIR --stamp YYYYMMDD_HHMMSS")
        }
        guard positionals.count == 1 else {
            throw UsageError("\(command) takes one directory, got \(positionals.count): \(positionals.joined(separator: " "))")
        }
        guard let stamp = values["stamp"] else {
            throw UsageError("\(command) needs --stamp YYYYMMDD_HHMMSS (\(stampHint))")
        }
        guard ArchiveNaming.isValidStamp(stamp) else {
            throw UsageError("--stamp must be a real UTC time written YYYYMMDD_HHMMSS, got '\(stamp)'")
        }
        return (directory, stamp)
    }
}

extension ArgumentScanner {
    /// The directory a command reads (`plot`, `verify`): the one positional, else `.`; it must
    /// exist. `verb` completes "`command` `verb` one directory"; `hint` follows the message
    /// for a missing one.
    public func existingDirectory(command: String, verb: String, hint: String = "") throws(UsageError) -> String {
        guard positionals.count <= 1 else {
            throw UsageError("\(command) \(verb) one directory, got \(positionals.count): \(positionals.joined(separator: " "))")
        }
        let directory = positionals.first ?? "."
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw UsageError("\(command): '\(directory)' is not an existing directory\(hint)")
        }
        return directory
    }
}
