/// What the program needs of a terminal: its size, a key (waiting at most a while), a way to show a
/// rendered buffer, and handing the terminal back (and taking it again). The ncurses terminal is in the
/// Terminal target; `TestTerminal` stands in for it in tests.
public protocol TerminalBackend: AnyObject {
    var size: (cols: Int, rows: Int) { get }
    /// Waits up to `timeoutMs` for a key; nil when none came.
    func readKey(timeoutMs: Int32) -> Key?
    func present(_ buffer: Buffer)
    /// Leaves full-screen mode and gives the terminal back as it was.
    func suspend()
    /// Takes the terminal (again) for full-screen use.
    func resume()
    /// A termination signal (SIGTERM, SIGHUP, SIGINT, SIGQUIT) that arrived, or 0.
    var pendingSignal: Int32 { get }
    /// Keys are known to be waiting already, so drawing the screen before reading them can wait too.
    var hasPendingInput: Bool { get }
}
