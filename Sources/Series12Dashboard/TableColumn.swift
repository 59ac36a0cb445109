/// A column of the κ table, in the order they appear left to right.
enum TableColumn: CaseIterable, Sendable {
    case kappa, status, progress, time, hamiltonian, drift, maxDrift, sparkline, rate, eta, archive

    /// The title over the column (`ascii` spells κ as k).
    func title(ascii: Bool) -> String {
        switch self {
        case .kappa: return ascii ? "kappa" : "κ"
        case .status: return "status"
        case .progress: return "progress"
        case .time: return "t"
        case .hamiltonian: return "H"
        case .drift: return "drift"
        case .maxDrift: return "max drift"
        case .sparkline: return "trend"
        case .rate: return "steps/s"
        case .eta: return "ETA"
        case .archive: return "archive"
        }
    }

    /// Numbers read right-aligned; words left-aligned.
    var alignRight: Bool {
        switch self {
        case .kappa, .time, .hamiltonian, .drift, .maxDrift, .rate, .eta: return true
        case .status, .progress, .sparkline, .archive: return false
        }
    }

    /// Columns that are shown at every width (SPEC §5 at 80 columns: κ, status, progress, drift).
    static let alwaysShown: [TableColumn] = [.kappa, .status, .progress, .drift]

    /// The other columns, most wanted first: they are added in this order while they fit, and
    /// the first that does not fit ends the list (so a wider terminal never loses a column).
    static let byPriority: [TableColumn] = [.eta, .maxDrift, .hamiltonian, .time, .sparkline, .rate, .archive]
}
