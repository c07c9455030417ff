import ArgumentParser
import Foundation
import KernteamDomain
import KernteamSession
import KernteamTUI

/// `--meeting ID`, else the kern's meeting in progress (open, else the latest not closed).
struct MeetingSelection: ParsableArguments {
    @Option(help: "Kern (standaard: de laatste vergadering).") var kern: String?
    @Option(help: "Vergadering, bv. V-7.") var meeting: String?

    func resolve(_ session: Session) throws -> RecordID {
        if let meeting {
            return try parseID(meeting, [.meeting])
        }
        let kernName = try resolveKern(kern, session)
        guard let m = session.state.workingMeeting(kern: kernName) else {
            printError(Text.noMeeting.nl)
            throw ExitCode(1)
        }
        return m.id
    }
}

struct MeetingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "meeting",
        abstract: "De vergadering: voorbereiden, openen, volgend agendapunt, sluiten (en heropenen met een besluit).",
        subcommands: [MeetingPrepare.self, MeetingOpen.self, MeetingNext.self, MeetingPrevious.self, MeetingClose.self, MeetingReopen.self]
    )
}

struct MeetingPrepare: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prepare",
        abstract: "Plant de volgende vergadering en stelt de agenda voor uit het log (open acties, nieuwe signalen, voorstellen, initiatieven, budgetten)."
    )
    @OptionGroup var global: GlobalOptions
    @Option(help: "Kern: Delfgauw, Nootdorp of Pijnacker.") var kern: String?
    @Option(help: "Datum, JJJJ-MM-DD.") var date: String?
    @Option(help: "Duur in minuten (standaard 120).") var length: String = "120"

    func run() throws {
        let session = try global.openSession(role: .voorzitter)
        switch session.prepareMeeting(kern: kern ?? "", date: date ?? "", length: length) {
        case .failure(let f):
            for line in f.lines { printError(line) }
            throw ExitCode(1)
        case .success(let result):
            print(result.meeting.event.createdID!.description)
            for item in result.items {
                if case .agendaItemAdded(let a) = item.event {
                    print(TableFormatter.format([[a.id.description, "\(a.minutes ?? 0) min", a.title]]))
                }
            }
        }
    }
}

struct MeetingOpen: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "open", abstract: "Opent de vergadering en drukt het id af.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var selection: MeetingSelection

    func run() throws {
        let session = try global.openSession(role: .voorzitter)
        let id = try selection.resolve(session)
        switch session.record(.openMeeting, Draft(), target: id) {
        case .success: print(id.description)
        case .failure(let f):
            for line in f.lines { printError(line) }
            throw ExitCode(1)
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
            print(TableFormatter.format([[item.id.description, item.minutes.map { "\($0) min" } ?? "", item.title]]))
        }
    case .failure(let f):
        for line in f.lines { printError(line) }
        throw ExitCode(1)
    }
}

struct MeetingNext: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "next", abstract: "Sluit het huidige agendapunt af en start het volgende.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var selection: MeetingSelection
    @Option(help: "Hoe het huidige punt eindigt: \(ItemOutcome.wordList) (standaard besproken).") var outcome: String?

    func run() throws { try stepItem(.nextItem, global, selection, outcome: outcome) }
}

struct MeetingPrevious: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "previous", abstract: "Gaat terug naar het vorige agendapunt.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var selection: MeetingSelection

    func run() throws { try stepItem(.previousItem, global, selection, outcome: nil) }
}

struct MeetingClose: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "close", abstract: "Sluit de vergadering en drukt het controlepunt af (bewaar het buiten het log).")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var selection: MeetingSelection

    func run() throws {
        let session = try global.openSession(role: .voorzitter)
        let id = try selection.resolve(session)
        switch session.closeMeeting(id) {
        case .success(let r): print(Text.checkpointPrinted(r.checkpoint.description).nl)
        case .failure(let f):
            for line in f.lines { printError(line) }
            throw ExitCode(1)
        }
    }
}

struct MeetingReopen: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reopen", abstract: "Heropent een gesloten vergadering; alleen met een besluit.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var selection: MeetingSelection
    @Option(help: "Het besluit tot heropenen, bv. B-9.") var decision: String?

    func run() throws {
        let session = try global.openSession(role: .voorzitter)
        let id = try selection.resolve(session)
        try recordAndReport(session, .reopenMeeting, Draft([.decision: decision].compactMapValues { $0 }), target: id)
    }
}

struct Attend: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Aanwezigheid per organisatie, of het aantal aanwezige bewoners.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Vergadering, bv. V-7.") var meeting: String
    @Option(help: "Organisatie.") var org: String?
    @Option(help: "aanwezig, afwezig of afgemeld.") var status: String?
    @Option(help: "Aantal aanwezige bewoners.") var residents: String?

    func run() throws {
        let id = try parseID(meeting, [.meeting])
        let session = try global.openSession(role: .cli)
        if let residents {
            try recordAndReport(session, .residents, Draft([.count: residents]), target: id)
        }
        if org != nil || status != nil || residents == nil {
            try recordAndReport(session, .attendance, Draft([.org: org, .attendance: status].compactMapValues { $0 }), target: id)
        }
    }
}

struct AgendaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "agenda", abstract: "De agenda van een vergadering met tijden, stand en totaal tegen de duur.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var selection: MeetingSelection
    @Option(help: "table of json.") var format: List.Format = .table

    func run() throws {
        let session = try global.openSession(role: .cli, readOnly: true)
        let id = try selection.resolve(session)
        let state = session.state
        guard let meeting = state.meetings[id]?.value else { printError(Text.unknownRecord(id.description).nl); throw ExitCode(1) }
        let items = state.orderedAgenda(id)
        let current = state.currentItem(id)?.id
        func status(_ item: AgendaItemAdded) -> String {
            if item.id == current { return "nu" }
            return state.itemOutcome[item.id]?.rawValue ?? ""
        }
        let planned = state.plannedMinutes(id)
        switch format {
        case .json:
            let object: [String: Any] = [
                "meeting": id.description, "kern": meeting.kern, "date": meeting.date.description,
                "phase": state.phase(of: id).rawValue, "length": meeting.length ?? NSNull(), "planned": planned,
                "over_planned": (meeting.length ?? Int.max) < planned,
                "items": items.map { i -> [String: Any] in
                    ["id": i.id.description, "title": i.title, "minutes": i.minutes ?? NSNull(), "wijk": i.wijk ?? NSNull(),
                     "about": i.source?.description ?? NSNull(), "status": status(i)]
                },
            ]
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted])
            print(TerminalSafeText.json(String(decoding: data, as: UTF8.self)))
        case .table:
            print(TerminalSafe.sanitize("\(id) · \(meeting.kern) · \(meeting.date.dutch) · \(state.phase(of: id).rawValue)"))
            print(TableFormatter.format(items.map { [$0.id.description, $0.minutes.map { "\($0) min" } ?? "", status($0), $0.title] }))
            let length = meeting.length.map { " van \($0) min" } ?? ""
            let over = (meeting.length ?? Int.max) < planned ? "  ! TE VOL GEPLAND" : ""
            print("Totaal \(planned) min\(length)\(over)")
        }
    }
}
