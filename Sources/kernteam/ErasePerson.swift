import ArgumentParser
import Foundation
import KernteamDomain
import KernteamLog
import KernteamSession

struct ErasePerson: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "erase-person",
        abstract: Text.cliAbstract(.erasePerson).text
    )

    @OptionGroup var global: GlobalOptions
    @Argument(help: .text(.personName)) var name: String?
    @Option(help: ArgumentHelp(Text.safety(.eraseContactHelp).text)) var contact: String?

    func validate() throws {
        if (name ?? "").trimmingCharacters(in: .whitespaces).isEmpty && (contact ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError(Text.safety(.eraseNeedsNameOrContact).text)
        }
    }

    func run() throws {
        let session = try global.openSession(role: .cli)
        let shown = TerminalSafeText.clean(name ?? contact ?? "")
        let result: ErasureResult
        do {
            result = try session.erasePerson(named: name, contact: contact, register: ExportRegister(logPath: session.path))
        } catch let e as LogError {
            // A store that cannot be read or changed is an error, never "nothing found".
            throw CLIError(Text.safety(.eraseFailed(Session.describe(e))).text)
        }
        for odd in result.odd { printError(Text.safety(.eraseOddEntry(odd)).text) }
        if !result.erased.isEmpty { print(Text.cliErased(count: result.erased.count, name: shown).text) }
        if !result.exports.isEmpty { printError(Text.safety(.eraseExportsMayHold(result.exports)).text) }
        if !result.failed.isEmpty {
            for f in result.failed { printError(Text.safety(.eraseFailed("\(ExportIO.reason(f.code).text) (\(f.path))")).text) }
            throw ExitCode(ExitStatus.refused)
        }
        if let damaged = session.firstProblem {
            // Erased all the same (that was asked); the log could not note it.
            if result.erased.isEmpty { printError(Text.cliNoPersonalData(shown).text) }
            printError(Session.describe(.damaged(damaged)))
            if !result.erased.isEmpty { printError(Text.safety(.damagedNotLogged).text) }
            throw ExitCode(ExitStatus.damaged)
        }
        if result.erased.isEmpty {
            printError(Text.cliNoPersonalData(shown).text)
            throw ExitCode(ExitStatus.refused)
        }
    }
}
