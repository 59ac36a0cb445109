import Foundation
import Series12Plots

/// The plots kept with a sweep's data (SPEC §4 lets archives carry them as extra members):
/// the tier-3 summary holds `drift.svg` (every κ's drift against t, log scale) and
/// `hamiltonian.svg` (every κ's H against t); each κ's summary archive holds its own
/// `drift.svg`. `series12 plot` draws the same figures from the archives on disk.
///
/// Runs are drawn in ascending κ, so the colours and the bytes do not depend on the order
/// the runs are handed in. The time axis spans 0 to the planned end `steps × dt`, so a run
/// still going, or one that stopped early, shows how far it got.
public enum SweepPlots {
    public static let driftMember = "drift.svg"
    public static let hamiltonianMember = "hamiltonian.svg"

    /// Axis label of the drift plots: drift is `|H − H₀| / |H₀|` (absolute when H₀ = 0), drawn
    /// on a log axis, which cannot show the zero drift of step 0.
    static func driftLabel(absolute: Bool) -> String {
        (absolute ? "drift |H − H₀| / |H₀|, or |H − H₀| where H₀ = 0" : "drift |H − H₀| / |H₀|")
            + "   (log scale; zeros not drawn)"
    }

    /// `drift.svg` of the tier-3 summary: every κ's drift against t.
    public static func drift(runs: [PlottedRun], sweep: String, stamp: String) -> String {
        let sorted = runs.sorted { $0.kappa < $1.kappa }
        let absolute = sorted.contains { ($0.record?.H0 ?? $0.history?.H.first) == 0 }
        return LinePlot(title: "Energy drift against time, every κ", subtitle: sweepSubtitle(sorted, sweep: sweep, stamp: stamp),
                        x: timeAxis(sorted), y: PlotAxis(label: driftLabel(absolute: absolute), scale: .log10),
                        series: sorted.map { series($0, values: \.drift, magnitude: true) },
                        emptyNote: "no non-zero drift recorded yet").svg()
    }

    /// `hamiltonian.svg` of the tier-3 summary: every κ's H against t.
    public static func hamiltonian(runs: [PlottedRun], sweep: String, stamp: String) -> String {
        let sorted = runs.sorted { $0.kappa < $1.kappa }
        return LinePlot(title: "Hamiltonian H against time, every κ", subtitle: sweepSubtitle(sorted, sweep: sweep, stamp: stamp),
                        x: timeAxis(sorted), y: PlotAxis(label: "H (discrete Hamiltonian)"),
                        series: sorted.map { series($0, values: \.H) },
                        emptyNote: "no finite H recorded yet").svg()
    }

    /// `drift.svg` of one κ's summary archive.
    public static func drift(record: RunRecord, history: History) -> String {
        let run = PlottedRun(record: record, history: history)
        let p = record.parameters
        var subtitle = "stamp \(record.stamp) · N=\(p.N), L=\(short(p.L)), c=\(short(p.c)), dt=\(short(p.dt)) · "
            + "\(p.steps) steps, sampled every \(p.every) · status \(record.status)"
        if record.recovered { subtitle += " · recovered from tier-1 text" }
        return LinePlot(title: "Energy drift against time, κ = \(kappaText(record.kappa))", subtitle: subtitle,
                        x: timeAxis([run]), y: PlotAxis(label: driftLabel(absolute: record.H0 == 0), scale: .log10),
                        series: [series(run, values: \.drift, magnitude: true)],
                        emptyNote: "no non-zero drift recorded yet").svg()
    }

    /// One run's curve; `unstable` and `failed` runs get the end mark, and every status other
    /// than `done` is named in the legend.
    /// `magnitude` draws |value| (the drift plots: a log axis shows sizes).
    static func series(_ run: PlottedRun, values: KeyPath<History, [Double]>, magnitude: Bool = false) -> PlotSeries {
        var label = "κ = \(kappaText(run.kappa))"
        let status = run.record?.status ?? "done"
        if run.history == nil {
            label += " — no history"
        } else if status != "done" {
            label += " — \(status)"
        }
        let history = run.history ?? History()
        let y = history[keyPath: values]
        return PlotSeries(label: label, x: history.t, y: magnitude ? y.map(abs) : y,
                          markEnd: status == "unstable" || status == "failed")
    }

    /// t from 0 to the latest planned end `steps × dt` of the runs (their data when unknown).
    static func timeAxis(_ runs: [PlottedRun]) -> PlotAxis {
        let ends = runs.compactMap { r in r.record.map { Double($0.parameters.steps) * $0.parameters.dt } }
            .filter { $0.isFinite && $0 > 0 }
        return PlotAxis(label: "time t", range: ends.max().map { 0...$0 })
    }

    /// `sweep ‘name’ · stamp S · N=…, L=…, c=… · S steps, sampled every E`, parameters from the
    /// first run that has a record.
    static func sweepSubtitle(_ runs: [PlottedRun], sweep: String, stamp: String) -> String {
        var parts = ["sweep ‘\(sweep)’", "stamp \(stamp)"]
        if let p = runs.lazy.compactMap(\.record).first?.parameters {
            parts.append("N=\(p.N), L=\(short(p.L)), c=\(short(p.c))")
            parts.append("\(p.steps) steps, sampled every \(p.every)")
        }
        if runs.contains(where: { $0.record?.recovered == true }) { parts.append("recovered from tier-1 text") }
        return parts.joined(separator: " · ")
    }

    /// κ with its four printed decimals, trailing zeros dropped: `0.1`, `2`, `1.25`.
    static func kappaText(_ kappa: Double) -> String {
        var text = ArchiveNaming.k4(kappa)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// A parameter value in at most 6 significant digits, `?` when unknown (NaN).
    static func short(_ x: Double) -> String { x.isFinite ? String(format: "%.6g", x) : "?" }
}
