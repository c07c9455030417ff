import ArgumentParser
import Foundation
import KernteamDomain
import KernteamLog
import KernteamPostgres
import KernteamSession

/// `kernteam copy --from SRC --to DST`: a log between a file and PostgreSQL, either way.
struct CopyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "copy", abstract: Text.cliAbstract(.copy).text)

    @Option(name: .long, help: .text(.copySource))
    var from: String

    @Option(name: .long, help: .text(.copyTarget))
    var to: String

    func run() throws {
        let outcome: LogCopy.Outcome
        do {
            outcome = try LogCopy.copy(from: from, to: to)
        } catch {
            switch error {
            case .sourceEmpty: throw CLIError(Text.copySourceMissing(Self.shown(from)).text)
            case .sourceDamaged(let issue): throw CLIError(Text.logDamaged(line: issue.line, reason: issue.problem.description).text + " (\(Self.shown(from)))")
            case .targetNotEmpty: throw CLIError(Text.copyTargetNotEmpty(Self.shown(to)).text)
            case let .checkpointsDiffer(source, target): throw CLIError(Text.copyMismatch(source.description, target.description).text)
            case .log(let e): throw CLIError(Session.describe(e))
            }
        }
        print(Text.copyDone(entries: outcome.entries, checkpoint: outcome.checkpoint.description).text)
        if let dir = outcome.personalDirectory { print(Text.copyPersonalKept(dir).text) }
    }

    /// A location for a message: a database address without its password.
    static func shown(_ location: String) -> String { PostgresTarget(location)?.display ?? location }
}

/// `kernteam init --log URL`: only creates the schema, for an administrator who wants it done first.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "init", abstract: Text.cliAbstract(.initDatabase).text)

    @Option(name: .long, help: .text(.initLog))
    var log: String?

    func run() throws {
        let location = DataLocator.logPath(log)
        guard let target = PostgresTarget(location) else { throw CLIError(Text.dbInitNeedsURI(location).text) }
        do {
            let version = try PostgresLog.initialise(target)
            print(Text.dbInitDone(target.display, version).text)
        } catch let e as LogError {
            throw CLIError(Session.describe(e))
        }
    }
}
