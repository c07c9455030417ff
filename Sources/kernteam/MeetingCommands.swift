import ArgumentParser
import Foundation
import KernteamDomain
import KernteamSession
import KernteamTUI

/// `--meeting ID`, else the kern's meeting in progress (open, else the latest not closed).
struct MeetingSelection: ParsableArguments {
    @Option(help: .text(.meetingKern)) var kern: String?
    @Option(help: .text(.meetingID)) var meeting: String?

    func resolve(_ session: Session) throws -> RecordID {
        if let meeting {
            return try parseID(meeting, [.meeting])
        }
        let kernName = try resolveKern(kern, session)
        guard let m = session.state.workingMeeting(kern: kernName) else {
            printError(Text.noMeeting.text)
            throw ExitCode(1)
        }
        return m.id
    }
}

struct MeetingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "meeting",
        abstract: Text.cliAbstract(.meeting).text,
        subcommands: [MeetingPrepare.self, MeetingOpen.self, MeetingNext.self, MeetingPrevious.self, MeetingClose.self, MeetingReopen.self]
    )
}

struct MeetingPrepare: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prepare",
        abstract: Text.cliAbstract(.meetingPrepare).text
    )
    @OptionGroup var global: GlobalOptions
    @Option(help: .text(.kern)) var kern: String
    @Option(help: .text(.date)) var date: String
    @Option(help: .text(.length)) var length: String = "120"

    func run() throws {
        let session = try global.openSession(role: .voorzitter)
        switch session.prepareMeeting(kern: kern, date: date, length: length) {
        case .failure(let f):
            try fail(f)
        case .success(let result):
            print(result.meeting.event.createdID!.description)
            for item in result.items {
                if case .agendaItemAdded(let a) = item.event {
                    print(TableFormatter.format([[a.id.description, Text.minutesShort(a.minutes ?? 0).text, a.title]]))
                }
            }
        }
    }
}

struct MeetingOpen: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "open", abstract: Text.cliAbstract(.meetingOpen).text)
    @OptionGroup var global: GlobalOptions
    @OptionGroup var selection: MeetingSelection

    func run() throws {
        let session = try global.openSession(role: .voorzitter)
        let id = try selection.resolve(session)
        switch session.record(.openMeeting, Draft(), target: id) {
        case .success: print(id.description)
        case .failure(let f):
            try fail(f)
        }
    }
}

/// Next and previous agenda item share the way they report.
func stepItem(_ kind: DraftKind, _ global: GlobalOptions, _ selection: MeetingSelection, outcome: String?) throws {
    let session = try global.openSession(role: .voorzitter)
    let id = try selection.resolve(session)
    var draft = Draft()
    draft[.outcome] = outcome
    switch session.record(kind, draft, target: id) {
    case .success(let logged):
        if case .agendaItemStarted(let s) = logged.event, let item = session.state.agenda[s.ref]?.value {
            print(TableFormatter.format([[item.id.description, item.minutes.map { Text.minutesShort($0).text } ?? "", item.title]]))
        }
    case .failure(let f):
        try fail(f)
    }
}

struct MeetingNext: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "next", abstract: Text.cliAbstract(.meetingNext).text)
    @OptionGroup var global: GlobalOptions
    @OptionGroup var selection: MeetingSelection
    @Option(help: .text(.itemOutcome)) var outcome: String?

    func run() throws { try stepItem(.nextItem, global, selection, outcome: outcome) }
}

struct MeetingPrevious: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "previous", abstract: Text.cliAbstract(.meetingPrevious).text)
    @OptionGroup var global: GlobalOptions
    @OptionGroup var selection: MeetingSelection

    func run() throws { try stepItem(.previousItem, global, selection, outcome: nil) }
}

struct MeetingClose: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "close", abstract: Text.cliAbstract(.meetingClose).text)
    @OptionGroup var global: GlobalOptions
    @OptionGroup var selection: MeetingSelection

    func run() throws {
        let session = try global.openSession(role: .voorzitter)
        let id = try selection.resolve(session)
        switch session.closeMeeting(id) {
        case .success(let r): print(Text.checkpointPrinted(r.checkpoint.description).text)
        case .failure(let f):
            try fail(f)
        }
    }
}

struct MeetingReopen: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reopen", abstract: Text.cliAbstract(.meetingReopen).text)
    @OptionGroup var global: GlobalOptions
    @OptionGroup var selection: MeetingSelection
    @Option(help: .text(.reopenDecision)) var decision: String

    func run() throws {
        let session = try global.openSession(role: .voorzitter)
        let id = try selection.resolve(session)
        try recordAndReport(session, .reopenMeeting, Draft([.decision: decision].compactMapValues { $0 }), target: id)
    }
}

struct Attend: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: Text.cliAbstract(.attend).text)
    @OptionGroup var global: GlobalOptions
    @Option(help: .text(.meetingID)) var meeting: String
    @Option(help: .text(.org)) var org: String?
    @Option(help: .plan(.helpAttendName)) var name: String?
    @Option(help: .text(.attendanceStatus)) var status: String?
    @Option(help: .text(.residentsPresent)) var residents: String?

    func run() throws {
        let id = try parseID(meeting, [.meeting])
        let session = try global.openSession(role: .cli)
        if let residents {
            try recordAndReport(session, .residents, Draft([.count: residents]), target: id)
        }
        if org != nil || name != nil || status != nil || residents == nil {
            try recordAndReport(session, .attendance, Draft([.org: org, .name: name, .attendance: status].compactMapValues { $0 }), target: id)
        }
    }
}

struct AgendaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "agenda", abstract: Text.cliAbstract(.agenda).text)
    @OptionGroup var global: GlobalOptions
    @OptionGroup var selection: MeetingSelection
    @Option(help: .text(.tableOrJSON)) var format: List.Format = .table
    @OptionGroup var asOf: AsOfOption
    @OptionGroup var damage: DamageOptions

    func run() throws {
        let path = DataLocator.logPath(global.log)
        if FirstRun.noLogYet(path) { throw FirstRun.error(path) }
        let session = try global.openSession(role: .cli, readOnly: true, asOf: try asOf.parsed())
        let note = try ReadGuard.check(session, path: DataLocator.logPath(global.log), allowDamaged: damage.allowDamaged)
        let id = try selection.resolve(session)
        let state = session.state
        guard let meeting = state.meetings[id]?.value else { printError(Text.unknownRecord(id.description).text); throw ExitCode(1) }
        let items = state.orderedAgenda(id)
        let current = state.currentItem(id)?.id
        func status(_ item: AgendaItemAdded) -> String {
            if item.id == current { return "nu" }
            return state.itemOutcome[item.id]?.rawValue ?? ""
        }
        let planned = state.plannedMinutes(id)
        switch format {
        case .json:
            var object: [String: Any] = [
                "meeting": id.description, "kern": meeting.kern, "date": meeting.date.description,
                "phase": state.phase(of: id).rawValue, "length": meeting.length ?? NSNull(), "planned": planned,
                "over_planned": (meeting.length ?? Int.max) < planned,
                "items": items.map { i -> [String: Any] in
                    ["id": i.id.description, "title": i.title, "minutes": i.minutes ?? NSNull(), "wijk": i.wijk ?? NSNull(),
                     "about": i.source?.description ?? NSNull(), "status": status(i)]
                },
            ]
            if let note { object["damaged"] = note.json }
            print(TerminalSafeJSON.format(object))
        case .table:
            if let note { print(TerminalSafe.sanitize(note.text)) }
            print(TerminalSafe.sanitize("\(id) · \(meeting.kern) · \(meeting.date.dutch) · \(Text.phaseLabel(state.phase(of: id).rawValue).text)"))
            print(TableFormatter.format(items.map { [$0.id.description, $0.minutes.map { Text.minutesShort($0).text } ?? "", ($0.id == current ? Text.cliAgendaNow.text : status($0)), $0.title] }))
            print(Text.cliAgendaTotal(planned: planned, length: meeting.length, over: (meeting.length ?? Int.max) < planned).text)
        }
        if note != nil { throw ExitCode(ExitStatus.damaged) }
    }
}
