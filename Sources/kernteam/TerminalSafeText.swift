import KernteamTUI

/// Text from users or the log, made safe before it is printed to a terminal by the CLI.
enum TerminalSafeText {
    static func clean(_ s: String) -> String { TerminalSafe.sanitize(s) }
}
