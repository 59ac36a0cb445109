/// Everything a key can ask the dashboard to do. `Keymap` binds keys to these; the help
/// overlay is generated from the same table, so the two cannot disagree.
enum KeyAction: CaseIterable, Sendable {
    case selectPrevious, selectNext
    case togglePause, pauseAll, resumeAll
    case scrollBack, scrollForward, scrollToOldest, follow, filterToSelected
    case toggleFieldView, nextFieldQuantity, toggleDriftStrip
    case copyLog, nextTheme, help, quit

    /// What the help overlay says the action does (κ spelled k when `ascii`).
    func summary(ascii: Bool) -> String {
        let k = ascii ? "k" : "κ"
        switch self {
        case .selectPrevious: return "select the previous \(k)"
        case .selectNext: return "select the next \(k)"
        case .togglePause: return "pause / resume the selected \(k)"
        case .pauseAll: return "pause every run"
        case .resumeAll: return "resume every paused run"
        case .scrollBack: return "scroll the log back a page"
        case .scrollForward: return "scroll the log forward a page"
        case .scrollToOldest: return "jump to the oldest log line"
        case .follow: return "follow the newest log lines again"
        case .filterToSelected: return "log: only the selected \(k) / all (toggle)"
        case .toggleFieldView: return "field view: heatmap of the selected \(k)'s field (toggle)"
        case .nextFieldQuantity: return ascii ? "field view: next of U:U Uxx Uxy Uyy |P|^2" : "field view: next of U:U Uxx Uxy Uyy |P|²"
        case .toggleDriftStrip: return "drift-vs-\(k) strip (toggle)"
        case .copyLog: return "copy the log: clipboard (OSC 52) and the log file"
        case .nextTheme: return "next colour theme"
        case .help: return "this help"
        case .quit: return "quit (sweep: asks first while runs are active; watch: leaves)"
        }
    }
}
