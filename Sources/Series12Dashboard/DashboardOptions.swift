import Foundation

/// How the CLI configures the dashboard.
public struct DashboardOptions: Sendable, Equatable {
    /// Theme file base name (`default` → `themes/default.json`). The CLI validates `--theme`
    /// up front with `Theme.load`; if the file still fails here, the built-in default is used
    /// and the status line says why.
    public var themeName: String
    /// `--ascii`: ASCII bars, sparklines and marks. A non-UTF-8 locale turns this on anyway.
    public var ascii: Bool
    /// Where the themes are; nil or a missing directory → `Theme.locateDirectory()` searches
    /// `./themes` and `<executable>/../../themes`.
    public var themesDirectory: String?
    /// `{out}/{sweep}_log_{stamp}.txt`: where `y` makes sure the whole log is saved.
    public var logFilePath: String
    /// No colours (`NO_COLOR` set and not empty): bold / underline / reverse only.
    public var colorDisabled: Bool

    public init(themeName: String = "default", ascii: Bool = false, themesDirectory: String? = nil,
                logFilePath: String, colorDisabled: Bool = DashboardOptions.noColorRequested) {
        self.themeName = themeName
        self.ascii = ascii
        self.themesDirectory = themesDirectory
        self.logFilePath = logFilePath
        self.colorDisabled = colorDisabled
    }

    /// True when the environment has `NO_COLOR` set to a non-empty value (no-color.org).
    public static var noColorRequested: Bool {
        !(ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
    }
}
