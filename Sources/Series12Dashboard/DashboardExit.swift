/// Why `Dashboard.run` returned. In every case the screen has been closed (`endwin`) and the
/// terminal restored; the caller then prints the whole log (SPEC §5).
public enum DashboardExit: Sendable, Equatable {
    /// The user pressed `q` while runs were active and confirmed with `y`: the dashboard has
    /// already sent `.interrupt` (every unfinished run is checkpointed as `interrupted`).
    /// Exit status 130.
    case quit
    /// The user pressed `q` when every run had already ended, or when the runs go on without
    /// the watcher (`SweepSource.quitLeavesRunsGoing`); nothing was interrupted. The exit
    /// status follows the runs' statuses (0 all done, 1 one unstable/failed).
    case finished
    /// `stopRequest` returned this (the CLI's SIGINT / SIGTERM / SIGHUP). The dashboard sent
    /// no command: checkpointing is the caller's job.
    case signal(Int32)
    /// Curses could not use the terminal (unknown `TERM`): nothing was drawn and no command
    /// sent; the caller should go on headless.
    case terminalUnavailable
}
