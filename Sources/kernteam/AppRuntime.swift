import Foundation
import KernteamApp
import KernteamDomain
import KernteamLog
import KernteamPostgres
import KernteamSession
import KernteamTUI
import KernteamTerminal

/// Wiring only: the program loop on the ncurses terminal and a session on the log file.
enum AppRuntime {
    /// Runs the full-screen app. `open` reads the log off the input loop (the screen shows how far).
    static func run(kern: String?, projector: Bool, logPath: String,
                    open: @escaping @Sendable (_ progress: @escaping @Sendable (Int, Int) -> Void) throws -> LogSession) throws {
        guard isatty(STDIN_FILENO) != 0, isatty(STDOUT_FILENO) != 0 else { throw CLIError(Text.cliNeedsTTY.text) }
        let now = Date()
        var options = AppOptions(logPath: displayPath(logPath), kern: kern, projector: projector, monochrome: noColor,
                                 asciiCharts: !Charts.localeIsUTF8(ProcessInfo.processInfo.environment),
                                 today: Session.today(now), now: now)
        options.exportFolder = displayPath(FileManager.default.currentDirectoryPath)
        try Program(options: options, terminal: NcursesTerminal(), open: { try open($0) }).run()
    }

    /// `NO_COLOR` (any value) asks for no colours.
    static var noColor: Bool {
        if let v = ProcessInfo.processInfo.environment["NO_COLOR"], !v.isEmpty { return true }
        return false
    }

    /// The path with the home folder shortened to ~.
    /// A log in PostgreSQL shows as `server/database · stream`.
    static func displayPath(_ path: String) -> String {
        if let target = PostgresTarget(path) { return target.shortDisplay }
        let home = NSHomeDirectory()
        return path.hasPrefix(home + "/") ? "~" + path.dropFirst(home.count) : path
    }
}
