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
        if refs.isEmpty {
            printError(Text.cliNoPersonalData(TerminalSafeText.clean(name)).text)
            throw ExitCode(1)
        }
        print(Text.cliErased(count: refs.count, name: TerminalSafeText.clean(name)).text)
    }
}
