import Foundation
import Series12Retention

extension Theme {
    /// Loads `{directory}/{name}.json`. Roles the file leaves out take the built-in default's
    /// style, so a theme may change only what it cares about.
    ///
    /// - Throws: `ThemeError` saying which file and what is wrong with it.
    public static func load(name: String, directory: String) throws -> Theme {
        guard isValidName(name) else { throw ThemeError.invalidName(name) }
        let path = (directory as NSString).appendingPathComponent(name + ".json")
        guard FileManager.default.fileExists(atPath: path) else {
            throw ThemeError.notFound(name: name, directory: directory, available: available(directory: directory))
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ThemeError.unreadable(path: path, reason: error.localizedDescription)
        }
        return try parse(Array(data), name: name, path: path)
    }

    /// Names of the themes in `directory` (the `*.json` files, without the extension), sorted;
    /// empty when the directory cannot be read.
    public static func available(directory: String) -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return files.filter { $0.hasSuffix(".json") }
            .map { String($0.dropLast(5)) }
            .filter(isValidName)
            .sorted()
    }

    /// The themes directory to use: `preferred` if it is a directory, else `./themes`, else
    /// `themes/` two levels above the executable (`.build/debug/series12` → `<repo>/themes`),
    /// else `themes/` beside the executable. Nil when none exists.
    public static func locateDirectory(preferred: String? = nil) -> String? {
        var candidates: [String] = []
        if let preferred { candidates.append(preferred) }
        candidates.append((FileManager.default.currentDirectoryPath as NSString).appendingPathComponent("themes"))
        if let exe = executableDirectory() {
            candidates.append(((exe as NSString).appendingPathComponent("../../themes") as NSString).standardizingPath)
            candidates.append((exe as NSString).appendingPathComponent("themes"))
        }
        for path in candidates {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                return path
            }
        }
        return nil
    }

    static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-"
        }
    }

    private static func executableDirectory() -> String? {
        let path = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments.first
        guard let path else { return nil }
        return (path as NSString).deletingLastPathComponent
    }

    /// Parses a theme file's bytes (see `themes/README.md`). `path` only names the file in errors.
    static func parse(_ bytes: [UInt8], name: String, path: String) throws(ThemeError) -> Theme {
        let document: JSONValue
        do {
            document = try JSONValue(parsing: bytes)
        } catch {
            throw .notJSON(path: path, offset: error.offset, reason: error.reason)
        }
        guard let top = document.objectValue else {
            throw .invalid(path: path, detail: "the top level must be an object with a \"roles\" object")
        }
        var summary = ""
        var styles = standard.styles
        var ramp = standard.ramp, ramp8 = standard.ramp8
        var sawRoles = false
        for (key, value) in top {
            switch key {
            case "name":
                guard value.stringValue != nil else { throw .invalid(path: path, detail: "\"name\" must be a string") }
            case "description":
                guard let text = value.stringValue else {
                    throw .invalid(path: path, detail: "\"description\" must be a string")
                }
                summary = text
            case "roles":
                guard let roles = value.objectValue else {
                    throw .invalid(path: path, detail: "\"roles\" must be an object mapping role names to styles")
                }
                sawRoles = true
                for (roleName, spec) in roles {
                    guard let role = ColorRole(rawValue: roleName) else {
                        let known = ColorRole.allCases.map(\.rawValue).joined(separator: ", ")
                        throw .invalid(path: path, detail: "unknown role \"\(roleName)\" (roles: \(known))")
                    }
                    styles[role] = try parseStyle(spec, role: roleName, path: path)
                }
            case "ramp":
                ramp = try parseRamp(value, key: key, limit: 255, path: path)
            case "ramp8":
                ramp8 = try parseRamp(value, key: key, limit: 7, path: path)
            default:
                throw .invalid(path: path, detail: "unknown key \"\(key)\" (keys: name, description, roles, ramp, ramp8)")
            }
        }
        guard sawRoles else { throw .invalid(path: path, detail: "missing the \"roles\" object") }
        return Theme(name: name, summary: summary, styles: styles, ramp: ramp, ramp8: ramp8)
    }

    /// A colour ramp: an array of at least two palette colours (names or indices up to
    /// `limit`), or an empty array for shading characters instead of colours.
    private static func parseRamp(_ value: JSONValue, key: String, limit: Int, path: String) throws(ThemeError) -> [Int] {
        let usage = "\"\(key)\" must be an array of at least two colours (names or indices 0…\(limit)), lowest value first, or [] for shading characters"
        guard case let .array(items) = value, items.count != 1 else { throw .invalid(path: path, detail: usage) }
        var ramp: [Int] = []
        for item in items {
            let color = (item.stringValue.flatMap { $0 == "default" ? nil : ThemeColor(name: $0) })
                ?? item.intValue.flatMap { ThemeColor(index: Int($0)) }
            guard case let .index(i)? = color, i <= limit else {
                throw .invalid(path: path, detail: "\"\(key)\" holds \(describe(item)): \(usage)")
            }
            ramp.append(i)
        }
        return ramp
    }

    private static func parseStyle(_ spec: JSONValue, role: String, path: String) throws(ThemeError) -> RoleStyle {
        guard let members = spec.objectValue else {
            throw .invalid(path: path, detail: "role \"\(role)\" must be an object like {\"fg\": \"green\", \"bold\": true}")
        }
        var style = RoleStyle()
        for (key, value) in members {
            switch key {
            case "fg": style.foreground = try parseColor(value, at: "\(role).fg", path: path)
            case "bg": style.background = try parseColor(value, at: "\(role).bg", path: path)
            case "bold", "reverse", "underline", "dim":
                guard let flag = value.boolValue else {
                    throw .invalid(path: path, detail: "\"\(role).\(key)\" must be true or false")
                }
                switch key {
                case "bold": style.bold = flag
                case "reverse": style.reverse = flag
                case "underline": style.underline = flag
                default: style.dim = flag
                }
            default:
                throw .invalid(path: path, detail: "unknown key \"\(role).\(key)\" (keys: fg, bg, bold, reverse, underline, dim)")
            }
        }
        return style
    }

    private static func parseColor(_ value: JSONValue, at key: String, path: String) throws(ThemeError) -> ThemeColor {
        if let name = value.stringValue, let color = ThemeColor(name: name) { return color }
        if case .int = value, let i = value.intValue, let color = ThemeColor(index: Int(i)) { return color }
        throw .invalid(path: path, detail: "\"\(key)\" is \(describe(value)), not a colour (\"default\", \(ThemeColor.names.prefix(8).joined(separator: " ")), bright-…, or 0…255)")
    }

    private static func describe(_ value: JSONValue) -> String {
        switch value {
        case let .string(s): return "\"\(s)\""
        case let .int(i): return String(i)
        case let .number(d): return String(d)
        case let .bool(b): return String(b)
        case .null: return "null"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}
