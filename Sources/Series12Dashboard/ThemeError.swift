import Series12Retention

/// Why a theme could not be loaded; the description names the file and what to do.
public enum ThemeError: Error, CustomStringConvertible, Equatable {
    /// The name has characters other than letters, digits, `_` and `-`.
    case invalidName(String)
    /// No `{name}.json` in the directory; `available` lists the themes that are there.
    case notFound(name: String, directory: String, available: [String])
    case unreadable(path: String, reason: String)
    case notJSON(path: String, offset: Int, reason: String)
    /// Valid JSON that is not a theme: `detail` says which key or value is wrong.
    case invalid(path: String, detail: String)

    /// A short form for the dashboard's status line: the file name (not the path) and what is wrong.
    var brief: String {
        switch self {
        case .invalidName, .notFound: return description
        case let .unreadable(path, reason): return "theme \(Self.fileName(path)) unreadable: \(reason)"
        case let .notJSON(path, offset, reason): return "theme \(Self.fileName(path)) is not JSON (byte \(offset): \(reason))"
        case let .invalid(path, detail): return "theme \(Self.fileName(path)): \(detail)"
        }
    }

    private static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    public var description: String {
        switch self {
        case let .invalidName(name):
            return "theme name '\(name)' may only contain letters, digits, '_' and '-'"
        case let .notFound(name, directory, available):
            let list = available.isEmpty ? "none" : available.joined(separator: ", ")
            return "no theme '\(name)' in \(directory) (available: \(list))"
        case let .unreadable(path, reason):
            return "cannot read theme \(path): \(reason)"
        case let .notJSON(path, offset, reason):
            return "theme \(path) is not valid JSON at byte \(offset): \(reason); fix the file or pick another theme"
        case let .invalid(path, detail):
            return "theme \(path) is not a valid theme: \(detail); see themes/README.md for the format"
        }
    }
}
