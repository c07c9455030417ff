import KernteamDomain
import KernteamTUI

/// What the program needs of a session: what to show, carrying out the screen's commands, and reading
/// what others appended. `LogSession` (in the executable) does this on the log file; `InMemorySession`
/// keeps everything in memory, for tests and for trying the screen without a file. Called off the
/// input loop, one call at a time.
public protocol SessionPort: AnyObject, Sendable {
    /// The session as the screen shows it now.
    func view() -> SessionView
    /// Carries out one command (append, meeting flow, export) and says how it went.
    func perform(_ command: SessionCommand) -> SessionReply
    /// Reads what other processes appended since the last look; true when anything came.
    func refresh() throws -> Bool
    /// Something the user should read when the screen opens (a torn tail set aside, damage, a sync folder).
    var openWarning: String? { get }
    /// Words for an error `refresh` threw.
    func describe(_ error: Error) -> String
    /// The screen shows the log: a moment to keep what opening it cost (a snapshot beside the log), in
    /// the background.
    func didOpen()
    /// The program stops: what is worth keeping is kept before it does (waits for it).
    func willStop()
}

extension SessionPort {
    public func didOpen() {}
    public func willStop() {}
}
