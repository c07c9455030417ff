import Foundation
import KernteamDomain

extension Kernteam {
    /// Sets `Today.override` from `--today D` (or `--today=D`) anywhere on the command line, before
    /// anything is read: what counts as today for overdue marks, ages and "te laat", for reproducible
    /// runs and tests. It never changes the timestamps written. Returns the arguments without it.
    static func chooseToday(_ arguments: [String]) -> [String] {
        takeEarlyOption("--today", from: arguments) { value in
            guard let v = value, let day = Day(v) else { fail(Text.cliBadToday(value ?? "").text) }
            Today.override = day
        }
    }
}
