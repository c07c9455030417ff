import ArgumentParser
import Foundation
import KernteamDomain
import KernteamLog
import KernteamSession

struct ErasePerson: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "erase-person",
        abstract: "Wist alle persoonsgegevens (naam, contact) van één persoon (AVG). Het log zelf blijft intact: het bevat alleen verwijzingen."
    )

    @OptionGroup var global: GlobalOptions
    @Argument(help: "De naam zoals vastgelegd (hoofdletters maken niet uit).") var name: String

    func run() throws {
        let session = try global.openSession(role: .cli)
        let refs: [PersonRef]
        do {
            refs = try session.erasePerson(named: name)
        } catch let e as LogError {
            throw CLIError(Session.describe(e))
        }
        if refs.isEmpty {
            printError("Geen persoonsgegevens gevonden voor '\(TerminalSafeText.clean(name))'.")
            throw ExitCode(1)
        }
        print("Gewist: \(refs.count) vastlegging(en) van '\(TerminalSafeText.clean(name))'.")
    }
}
