import Foundation

/// The human-readable `summary.txt` of a κ run: what a physicist wants to see without numpy.
public enum SummaryText {
    /// Sample-step rows shown in full up to this count; longer histories show head and tail.
    public static let fullTableLimit = 40

    /// The summary of `record` with a table of `history`'s sample steps. Ends with a newline.
    public static func make(record: RunRecord, history: History) -> String {
        let p = record.parameters
        var lines = [
            "Series 12 run summary — kappa = \(ArchiveNaming.k4(record.kappa))",
            "",
            "stamp:            \(record.stamp)",
            "version:          \(record.version)",
            "status:           \(record.status)",
            "steps done:       \(record.stepsDone) of \(p.steps)",
            "H0:               \(sci(record.H0, 8))",
            "Hf:               \(sci(record.Hf, 8))",
            "drift (final):    \(sci(record.drift, 4))   |Hf - H0| / |H0|",
            "max drift:        \(sci(record.maxDrift, 4))",
            "elapsed:          \(String(format: "%.2f", record.elapsed)) s",
            "angular momentum: initial \(vector(record.angularMomentumInitial)), final \(vector(record.angularMomentumFinal))",
            "parameters:       N=\(p.N) L=\(JSONValue.format(p.L)) dx=\(JSONValue.format(p.dx)) dt=\(JSONValue.format(p.dt))",
            "                  c=\(JSONValue.format(p.c)) cfl=\(JSONValue.format(p.cfl)) steps=\(p.steps) every=\(p.every) initial_condition=\(p.initialCondition)",
        ]
        if record.recovered { lines.append("recovered:        yes, rebuilt from tier-1 text (fields cannot be recovered)") }
        lines += ["", "sample steps (\(history.count)):"] + table(history)
        return lines.joined(separator: "\n") + "\n"
    }

    /// `step  t  H  drift` rows; the middle is elided beyond `fullTableLimit` rows.
    static func table(_ history: History) -> [String] {
        let header = pad("step", 10) + pad("t", 16) + pad("H", 18) + pad("drift", 12)
        var rows = [header]
        let count = history.count
        let shown: [Int] = count <= fullTableLimit ? Array(0..<count) : Array(0..<10) + [-1] + Array((count - 10)..<count)
        for i in shown {
            guard i >= 0 else { rows.append(pad("…", 10)); continue }
            rows.append(pad(String(history.steps[i]), 10) + pad(sci(history.t[i], 6), 16)
                        + pad(sci(history.H[i], 8), 18) + pad(sci(history.drift[i], 4), 12))
        }
        return rows
    }

    private static func sci(_ x: Double, _ digits: Int) -> String {
        x.isFinite ? String(format: "%.\(digits)e", x) : JSONValue.format(x)
    }

    private static func vector(_ v: [Double]) -> String { "[" + v.map { sci($0, 6) }.joined(separator: ", ") + "]" }

    private static func pad(_ s: String, _ width: Int) -> String {
        String(repeating: " ", count: max(1, width - s.count)) + s
    }
}
