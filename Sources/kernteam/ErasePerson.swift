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
    @Argument(help: .text(.personName)) var name: String

    func run() throws {
        let session = try global.openSession(role: .cli)
        let refs: [PersonRef]
        do {
            refs = try session.erasePerson(named: name)
        } catch let e as LogError {
            throw CLIError(Session.describe(e))
        }
        let damaged = session.firstProblem
        if refs.isEmpty {
            printError(Text.cliNoPersonalData(TerminalSafeText.clean(name)).text)
        } else {
            print(Text.cliErased(count: refs.count, name: TerminalSafeText.clean(name)).text)
        }
        if let damaged {
            // Erased all the same (that was asked); the log could not note it.
            printError(Session.describe(.damaged(damaged)))
            if !refs.isEmpty { printError(Text.safety(.damagedNotLogged).text) }
            throw ExitCode(ExitStatus.damaged)
        }
        if refs.isEmpty { throw ExitCode(ExitStatus.refused) }
    }
}
