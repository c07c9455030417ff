import ArgumentParser
import Foundation
import KernteamDomain
import KernteamLog
import KernteamPostgres
import KernteamSession
import KernteamFixtures
import KernteamTUI
import KernteamApp

/// Options every command shares.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: .text(.log))
    var log: String?

    @Option(name: .long, help: .text(.role))
    var role: String = "secretaris"

    func parsedRole(default fallback: Role) throws -> Role {
        guard let r = Role.parse(role) else {
            throw CLIError(Text.cliUnknownRole(role).text)
        }
        return r == .secretaris ? fallback : r
    }

    /// Opens (or creates, with the reference data) the log.
    /// With `asOf` (reading only) the state is the log as it stood at the end of that day.
    /// For the full-screen app, `inApp` takes the reading progress and nothing is printed (the screen
    /// shows the warnings instead).
    func openSession(role fallback: Role = .secretaris, readOnly: Bool = false, asOf: AsOf? = nil,
                     inApp: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil) throws -> Session {
        let path = DataLocator.logPath(log)
        // The reference data is only written into a new (or empty, after a crash) log. A database
        // stream's emptiness is only known once connected: it gets the reference data to use if so.
        let isDatabase = PostgresTarget.isURI(path)
        let exists = !isDatabase && FileManager.default.fileExists(atPath: path) && ((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0) > 0
        // A command that only reads never makes a log (nor its folder).
        if readOnly && !isDatabase && FirstRun.noLogYet(path) { throw FirstRun.error(path) }
        let reference = exists || readOnly ? nil : try DataLocator.reference()
        let session: Session
        do {
            let progress = Progress.percent(Text.cliReading.text)
            defer { progress.finish() }
            session = try Session.open(path: path, reference: reference, role: try parsedRole(default: fallback), readOnly: readOnly,
                                       asOf: asOf, progress: inApp ?? progress.report)
        } catch let e as LogError {
            throw CLIError(Session.describe(e, reading: readOnly) + " (\(PostgresTarget(path)?.display ?? path))")
        }
        session.settings = try DataLocator.settings()
        if inApp == nil, let side = session.log.recoveredTailPath { printError(Text.tornTailMoved(side).text) }
        if !readOnly && inApp == nil {
            for warning in session.storageWarnings { printError(warning) }
        }
        if !readOnly && !session.log.isReadOnly && session.firstProblem == nil {
            // The retention term: residents' personal data older than the term is erased.
            do {
                try session.expirePersonalData(olderThanMonths: session.settings.retentionMonths)
            } catch let e as LogError where inApp == nil {
                printError(Session.describe(e))
            } catch {
                // In the app the next write reports the same trouble on screen.
            }
        }
        return session
    }
}

@main
struct Kernteam: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kernteam",
        abstract: Text.cliAbstract(.root).text,
        discussion: Text.cliHelp(.aboutRoot).text + "\n\n" + Text.cliVersionLine(KernteamVersion.number).text,
        version: KernteamVersion.number,
        subcommands: [Open.self, Demo.self, Add.self, List.self, SetCommand.self, Triage.self, Feedback.self, Proposal.self,
                      MeetingCommand.self, Attend.self, AgendaCommand.self, History.self, Correct.self, Withdraw.self,
                      Close.self, Verify.self, CheckpointCommand.self, Repair.self, ErasePerson.self, Export.self, CopyCommand.self, InitCommand.self],
        defaultSubcommand: Open.self
    )
}

/// The full-screen app on the user's log (the default when no subcommand is given).
struct Open: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: Text.cliAbstract(.open).text)

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: .text(.openKern))
    var kern: String?

    @Flag(help: .text(.projector))
    var projector = false

    @Option(name: .customLong("history-log"), help: .text(.historyLog))
    var historyLogs: [String] = []

    func run() throws {
        for path in historyLogs where !PostgresTarget.isURI(path) && !FileManager.default.fileExists(atPath: path) { throw CLIError(Text.logIOError(path).text) }
        try AppRuntime.run(kern: kern, projector: projector, logPath: DataLocator.logPath(global.log),
                           open: Self.opener(log: global.log, role: global.role, projector: projector, kern: kern, historyLogs: historyLogs))
    }

    /// How the app reads its log, off the input loop: the log (created when new), the kern asked for
    /// checked against it, and the other logs for the history. The in-process tests open the same way.
    static func opener(log: String?, role: String = "secretaris", projector: Bool = false, kern: String? = nil,
                       historyLogs: [String] = []) -> @Sendable (_ progress: @escaping @Sendable (Int, Int) -> Void) throws -> LogSession {
        { progress in
            var global = GlobalOptions()
            global.log = log
            global.role = role
            let session = try global.openSession(role: projector ? .voorzitter : .secretaris, inApp: progress)
            _ = try resolveKern(kern, session)
            var others: [(label: String, state: KernteamState)] = []
            for path in historyLogs {
                let other = try Session.open(path: path, reference: nil, role: .cli, readOnly: true, progress: progress)
                let kernen = Set(other.state.meetings.items.map(\.value.kern))
                others.append((kernen.count == 1 ? kernen.first! : PathName.baseName(of: path), other.state))
            }
            let (averages, warning) = DataLocator.appAverages()
            session.settings.lemonAverages = averages
            return LogSession(session: session, otherLogs: others, warning: warning)
        }
    }
}

func resolveKern(_ text: String?, _ session: Session) throws -> String? {
    guard let text else { return nil }
    guard let k = session.state.reference.kern(named: text) else {
        throw CLIError(Text.unknownKern(text, known: session.state.reference.kernen.map(\.name)).text)
    }
    return k.name
}


/// Writes a line to stderr; anything the user typed in it cannot act as a terminal control.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((TerminalSafe.sanitize(message) + "\n").utf8))
}

struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: Text.cliAbstract(.demo).text
    )

    @Option(name: .long, help: .text(.writeStory))
    var writeStory: String?

    @Option(name: .long, help: .text(.copyTo))
    var copyTo: String?

    @Option(name: .long, help: .text(.generate))
    var generate: Int?

    @Option(name: .long, help: .text(.generateOut))
    var out: String?

    @Option(name: .long, help: .text(.seed))
    var seed: UInt64 = 2009

    @Option(name: .long, help: .text(.role))
    var role: String = "voorzitter"

    @Flag(help: .text(.projectorShort))
    var projector = false

    func run() throws {
        let fm = FileManager.default
        if let count = generate {
            guard let out else { throw CLIError(Text.cliGenerateNeedsOut.text) }
            guard count >= 1 else { throw CLIError(Text.cliGenerateNeedsCount.text) }
            if fm.fileExists(atPath: out) { throw CLIError(Text.cliFileExistsChooseNew(out).text) }
            let progress = Progress(label: Text.cliGenerating.text, total: count)
            try LogGenerator.generate(count: count, to: out, seed: seed, reference: try DataLocator.reference()) { progress.update($0) }
            progress.finish()
            print(out)
            return
        }
        if let target = writeStory {
            if fm.fileExists(atPath: target) { throw CLIError(Text.cliFileExistsChooseNew(target).text) }
            try DemoStory.write(to: target, reference: try DataLocator.reference())
            print(target)
            return
        }
        let source = try DataLocator.file("demo-log.jsonl")
        let target: String
        if let copyTo {
            target = copyTo
            if fm.fileExists(atPath: target) { throw CLIError(Text.cliFileExistsChooseNew(target).text) }
        } else {
            let dir = PathName.join(fm.temporaryDirectory.path, "kernteam-demo-\(ProcessInfo.processInfo.processIdentifier)-\(Int(Date().timeIntervalSince1970))")
            try PathName.makeFolders(dir)
            target = PathName.join(dir, "demo.jsonl")
        }
        // Copies are the owner's only (0600/0700), like every file the program makes.
        do {
            try PrivateFiles.copy(from: source, to: target)
            // The demo's residents (fictional) live in the side store next to it. The demo keeps them:
            // its story is from 2009, so the retention term would erase them at once.
            if fm.fileExists(atPath: source + ".personen") {
                try PrivateFiles.copy(from: source + ".personen", to: target + ".personen")
            }
        } catch let e as LogError {
            throw CLIError(Session.describe(e) + " (\(target))")
        }
        guard let r = Role.parse(role) else { throw CLIError(Text.cliUnknownRole(role).text) }
        let (averages, warning) = DataLocator.appAverages()
        let settings = try { var s = try DataLocator.settings(); s.lemonAverages = averages; return s }()
        try AppRuntime.run(kern: nil, projector: projector, logPath: target) { progress in
            let session = try Session.open(path: target, reference: nil, role: r, progress: progress)
            session.settings = settings
            // The story is set in 2009: today is the day after its last meeting or decision (the stuurgroep's
            // adoption in July), unless --today says otherwise, so what was late then shows as late, not every
            // open action of 2009.
            let state = session.state
            if Today.override == nil, let last = (state.meetings.items.map(\.value.date) + state.decisions.items.map(state.decisionDay)).max() {
                Today.override = Day(ordinal: last.ordinal + 1)
            }
            return LogSession(session: session, warning: warning)
        }
        print(Text.demoCopy(target).text)
    }
}

struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: Text.cliAbstract(.verify).text
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: .text(.checkpoint))
    var checkpoint: String?

    func run() throws {
        let path = DataLocator.logPath(global.log)
        // Nothing to verify: said plainly, and not "in order" (a mistyped path must not pass).
        if FirstRun.noLogYet(path) { throw FirstRun.error(path) }
        var expected: Checkpoint?
        if let checkpoint {
            guard let c = Checkpoint(checkpoint) else { throw CLIError(Text.badCheckpoint(checkpoint).text) }
            expected = c
        }
        let report: VerifyReport
        do {
            let progress = Progress.percent(Text.cliVerifying.text)
            report = try Verifier.verify(location: path, checkpoint: expected, progress: progress.report)
            progress.finish()
        } catch let e as LogError {
            throw CLIError(Session.describe(e, reading: true) + " (\(PostgresTarget(path)?.display ?? path))")
        }
        if report.isIntact {
            print(Text.verifyOK(entries: report.entries, head: report.head.description).text)
            if let expected { print(Text.checkpointOK(expected.description).text) }
            return
        }
        printError(Text.verifyFailed(count: report.issues.count + (report.checkpointProblem == nil ? 0 : 1)).text)
        for issue in report.issues { printError(issue.description) }
        if let problem = report.checkpointProblem { printError(problem) }
        throw ExitCode(1)
    }
}

struct CheckpointCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkpoint",
        abstract: Text.cliAbstract(.checkpoint).text
    )

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let session = try global.openSession(role: .cli, readOnly: true)
        if let issue = session.firstProblem {
            throw DamagedLog(description: Session.describe(.damaged(issue)) + " (\(DataLocator.logPath(global.log)))")
        }
        print(Checkpoint(seq: session.log.headSeq, hash: session.log.headHash).description)
    }
}
