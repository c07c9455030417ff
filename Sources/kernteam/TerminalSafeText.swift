import ArgumentParser
import Foundation
import KernteamTUI
import KernteamDomain

/// Text from users or the log, made safe before it is printed to a terminal by the CLI.
enum TerminalSafeText {
    static func clean(_ s: String) -> String { TerminalSafe.sanitize(s) }

    /// Several lines, each made safe (the line breaks themselves are kept).
    static func cleanLines(_ s: String) -> String {
        s.split(separator: "\n", omittingEmptySubsequences: false).map { TerminalSafe.sanitize(String($0)) }.joined(separator: "\n")
    }

}

extension Kernteam {
    /// ArgumentParser's own `main`, except that what it prints is made terminal-safe first: its
    /// messages quote what was typed (an unknown option or value) and our `CLIError`s quote
    /// names and paths, any of which can hold escape sequences.
    static func main() {
        let arguments = chooseToday(chooseLanguage(Array(CommandLine.arguments.dropFirst())))
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if !message.isEmpty {
                let safe = TerminalSafeText.cleanLines(message)
                if code == .success {
                    print(safe)
                } else {
                    FileHandle.standardError.write(Data((safe + "\n").utf8))
                }
            }
            Foundation.exit(code.rawValue)
        }
    }
}

extension Kernteam {
    /// Sets `Language.current` before anything is parsed, printed or drawn: `--lang nl|en` (or
    /// `--lang=en`) anywhere on the command line, else the environment (`LC_ALL`, `LC_MESSAGES`,
    /// `LANG`). Returns the arguments without `--lang`. Everything after `--` is left alone.
    static func chooseLanguage(_ arguments: [String], environment: [String: String] = ProcessInfo.processInfo.environment) -> [String] {
        Language.current = Language.fromEnvironment(environment)
        var rest: [String] = []
        var i = 0
        while i < arguments.count {
            let a = arguments[i]
            if a == "--" { rest += arguments[i...]; break }
            var value: String?
            if a == "--lang" {
                guard i + 1 < arguments.count else { fail(Text.cliBadLanguage("").text) }
                value = arguments[i + 1]
                i += 2
            } else if a.hasPrefix("--lang=") {
                value = String(a.dropFirst("--lang=".count))
                i += 1
            } else {
                rest.append(a)
                i += 1
                continue
            }
            guard let v = value, let language = Language(argument: v) else { fail(Text.cliBadLanguage(value ?? "").text) }
            Language.current = language
        }
        return rest
    }

    private static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data((TerminalSafeText.clean(message) + "\n").utf8))
        Foundation.exit(64)
    }
}

extension ArgumentHelp {
    /// Option help in the current language (`--lang`, else the environment).
    static func text(_ help: CLIHelp) -> ArgumentHelp { ArgumentHelp(Text.cliHelp(help).text) }
}
