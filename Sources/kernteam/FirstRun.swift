import Foundation
import KernteamPostgres
import KernteamDomain

/// The first run on a new machine: no log yet where the commands look for it. Commands that only
/// read say so plainly (and `list` and `history` answer with an empty list) instead of failing to
/// open a file that was never made; only recording something, or the app, makes the log and its folder.
enum FirstRun {
    /// True when nothing is at `path` yet (a file that exists, even an empty one, is a log to open).
    static func noLogYet(_ path: String) -> Bool {
        // A database address is asked when connecting: an empty or missing stream reads as empty.
        if PostgresTarget.isURI(path) { return false }
        var info = stat()
        return lstat(path, &info) != 0 && errno == ENOENT
    }

    /// Says so on stderr.
    static func say(_ path: String) { printError(Text.firstRunNoLog(path).text) }

    /// The error for a reading command that has nothing to show without a log.
    static func error(_ path: String) -> CLIError { CLIError(Text.firstRunNoLog(path).text) }

    /// A place typed on the command line, checked against the reference data a new log would get;
    /// nil when it is known (or there is no reference data to check against).
    static func unknownPlace(_ name: String?) -> String? {
        guard let name, let reference = try? DataLocator.reference(), reference.place(named: name) == nil else { return nil }
        return Text.unknownWijk(name, known: reference.placeNames).text
    }
}
