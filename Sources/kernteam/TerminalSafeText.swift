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
        } catch let damaged as DamagedLog {
            FileHandle.standardError.write(Data((TerminalSafeText.cleanLines(damaged.description) + "\n").utf8))
            Foundation.exit(ExitStatus.damaged)
        } catch {
            let code = exitCode(for: error)
            // The parser's own words (headings, usage errors) in the current language.
            let message = ParserMessages.translate(fullMessage(for: error))
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
        return takeEarlyOption("--lang", from: arguments) { value in
            guard let v = value, let language = Language(argument: v) else { fail(Text.cliBadLanguage(value ?? "").text) }
            Language.current = language
        }
    }

    /// Removes `NAME VALUE` and `NAME=VALUE` from anywhere before `--`, handing each value (nil when the
    /// name ends the line) to `use`: for the options that must act before anything is parsed.
    static func takeEarlyOption(_ name: String, from arguments: [String], _ use: (String?) -> Void) -> [String] {
        var rest: [String] = []
        var i = 0
        while i < arguments.count {
            let a = arguments[i]
            if a == "--" { rest += arguments[i...]; break }
            if a == name {
                use(i + 1 < arguments.count ? arguments[i + 1] : nil)
                i += 2
            } else if a.hasPrefix(name + "=") {
                use(String(a.dropFirst(name.count + 1)))
                i += 1
            } else {
                rest.append(a)
                i += 1
            }
        }
        return rest
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data((TerminalSafeText.clean(message) + "\n").utf8))
        Foundation.exit(64)
    }
}

extension ArgumentHelp {
    /// Option help in the current language (`--lang`, else the environment).
    static func text(_ help: CLIHelp) -> ArgumentHelp { ArgumentHelp(Text.cliHelp(help).text) }

    /// With the name of the value (`<status>`) when the option's own name would say something else.
    static func text(_ help: CLIHelp, value: String) -> ArgumentHelp { ArgumentHelp(Text.cliHelp(help).text, valueName: value) }
    /// Option help for the plan's cycle and bodies (`PlanText`).
    static func plan(_ help: PlanText) -> ArgumentHelp { ArgumentHelp(Text.plan(help).text) }
}
