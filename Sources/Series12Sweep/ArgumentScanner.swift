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
