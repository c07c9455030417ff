import Foundation
import KernteamDomain

extension Kernteam {
    /// Sets `Today.override` from `--today D` (or `--today=D`) anywhere on the command line, before
    /// anything is read: what counts as today for overdue marks, ages and "te laat", for reproducible
    /// runs and tests. It never changes the timestamps written. Returns the arguments without it.
    /// Everything after `--` is left alone.
    static func chooseToday(_ arguments: [String]) -> [String] {
        var rest: [String] = []
        var i = 0
        while i < arguments.count {
            let a = arguments[i]
            if a == "--" { rest += arguments[i...]; break }
            var value: String?
            if a == "--today" {
                value = i + 1 < arguments.count ? arguments[i + 1] : ""
                i += 2
            } else if a.hasPrefix("--today=") {
                value = String(a.dropFirst("--today=".count))
                i += 1
            } else {
                rest.append(a)
                i += 1
                continue
            }
            guard let v = value, let day = Day(v) else {
                FileHandle.standardError.write(Data((TerminalSafeText.clean(Text.cliBadToday(value ?? "").text) + "\n").utf8))
                Foundation.exit(64)
            }
            Today.override = day
        }
        return rest
    }
}
