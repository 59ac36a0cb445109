/// What a piece of the screen means; a theme gives each role its colours.
///
/// The raw values are the keys of a theme file's `"roles"` object (see `themes/README.md`).
enum ColorRole: String, CaseIterable, Sendable {
    /// Ordinary text (the log pane, table cells without a judgement).
    case normal
    /// The top line: sweep name, stamp, grid, elapsed time, progress, cores.
    case header
    /// The table's column titles.
    case columns
    /// The selected κ row.
    case selected
    /// Good: drift below 1e-4, a run going or done.
    case ok
    /// Watch: drift below 1e-2, a paused or interrupted run.
    case warn
    /// Bad: drift at or above 1e-2 or non-finite, an unstable or failed run, a failed archive.
    case bad
    /// The filled part of progress bars.
    case bar
    /// The drift sparklines.
    case sparkline
    /// Secondary text: queued runs, values not measured yet, the log pane's title.
    case dim
    /// The bottom line saying what the last key did.
    case status
    /// The help overlay and the quit confirmation.
    case overlay
}
