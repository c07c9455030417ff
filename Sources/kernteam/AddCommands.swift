import ArgumentParser
import Foundation
import KernteamDomain
import KernteamSession

/// Records a draft through the session; prints the new id, or the problems and exits 1.
func recordAndReport(_ session: Session, _ kind: DraftKind, _ draft: Draft, target: RecordID? = nil) throws {
    let warnings = Validator(state: session.state, today: session.today, settings: session.settings).warnings(kind, draft)
    switch session.record(kind, draft, target: target) {
    case .success(let logged):
        if let id = logged.event.createdID { print(id.description) } else { print("#\(logged.seq)") }
        for w in warnings { printError(w.text) }
    case .failure(let failure):
        try fail(failure)
    }
}

/// Prints what to fix (one line per problem) and exits 1: a refused or failed entry appended nothing.
/// A damaged log (or a line that cannot be read) exits 2, as for the reading commands.
func fail(_ failure: RecordFailure) throws -> Never {
    for line in failure.lines { printError(line) }
    if case .log(.damaged) = failure { throw ExitCode(ExitStatus.damaged) }
    throw ExitCode(ExitStatus.refused)
}

struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: Text.cliAbstract(.add).text,
        subcommands: [AddSignal.self, AddAction.self, AddDecision.self, AddMeeting.self, AddAgendaItem.self, AddParticipation.self,
                      AddInitiative.self, AddPriority.self, AddBudget.self, AddLemon.self, AddPlan.self, AddNote.self]
    )
}

struct AddSignal: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "signal", abstract: Text.cliAbstract(.addSignal).text)
    @OptionGroup var global: GlobalOptions
    @Option(help: .text(.wijkOrKern)) var wijk: String
    @Option(help: .text(.theme)) var theme: String
    @Option(help: .text(.source)) var source: String
    @Option(help: .text(.signalText)) var text: String
    @Option(help: .text(.dateDefaultToday)) var date: String?
    @Option(help: .text(.buurt)) var buurt: String?
    @Option(help: .text(.reporter)) var reporter: String?
    @Option(help: .text(.reporterContact)) var contact: String?
    @Option(help: .text(.signalMeeting)) var meeting: String?
    @Option(help: .text(.itemOption)) var item: String?

    func run() throws {
        try recordAndReport(try global.openSession(role: .cli), .signal, Draft([
            .wijk: wijk, .theme: theme, .source: source, .text: text, .date: date, .buurt: buurt,
            .reporter: reporter, .contact: contact, .meeting: meeting, .item: item,
        ].compactMapValues { $0 }))
    }
}

struct AddAction: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "action", abstract: Text.cliAbstract(.addAction).text)
    @OptionGroup var global: GlobalOptions
    @Option(help: .text(.wijkOrKern)) var wijk: String
    @Option(help: .text(.actionTitle)) var title: String
    @Option(help: .text(.owner)) var owner: String
    @Option(help: .text(.person)) var person: String?
    @Option(help: .text(.due)) var due: String?
    @Option(help: .text(.result)) var result: String?
    @Option(help: .text(.cost)) var cost: String?
    @Flag(help: .plan(.helpWijkbudget)) var wijkbudget = false
    @Option(help: .plan(.helpActionReason)) var reason: String?
    @Option(help: .text(.inform)) var inform: String?
    @Option(help: .text(.meeting)) var meeting: String?
    @Option(help: .text(.itemOption)) var item: String?
    @Option(help: .text(.serves)) var serves: String?

    func run() throws {
        try recordAndReport(try global.openSession(role: .cli), .action, Draft([
            .wijk: wijk, .title: title, .owner: owner, .person: person, .due: due, .result: result,
            .cost: cost, .wijkbudget: wijkbudget ? "ja" : nil, .reason: reason, .inform: inform, .meeting: meeting, .item: item, .serves: serves,
        ].compactMapValues { $0 }))
    }
}

struct AddDecision: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "decision", abstract: Text.cliAbstract(.addDecision).text)
    @OptionGroup var global: GlobalOptions
    @Option(help: .text(.wijkOrKern)) var wijk: String
    @Option(help: .text(.decisionText)) var text: String
    @Option(help: .text(.meeting)) var meeting: String?
    @Option(help: .plan(.helpBody)) var body: String?
    @Option(help: .plan(.helpDecisionDate)) var date: String?
    @Option(help: .text(.itemOption)) var item: String?

    func run() throws {
        try recordAndReport(try global.openSession(role: .cli), .decision,
                            Draft([.wijk: wijk, .text: text, .meeting: meeting, .body: body, .date: date, .item: item].compactMapValues { $0 }))
    }
}

struct AddMeeting: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "meeting", abstract: Text.cliAbstract(.addMeeting).text)
    @OptionGroup var global: GlobalOptions
    @Option(help: .text(.kern)) var kern: String
    @Option(help: .text(.date)) var date: String

    func run() throws {
        try recordAndReport(try global.openSession(role: .cli), .meeting, Draft([.kern: kern, .date: date].compactMapValues { $0 }))
    }
}

struct AddAgendaItem: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "agenda-item", abstract: Text.cliAbstract(.addAgendaItem).text)
    @OptionGroup var global: GlobalOptions
    @Option(help: .text(.agendaTitle)) var title: String
    @Option(help: .text(.wijkOptional)) var wijk: String?
    @Option(help: .text(.minutes)) var minutes: String?
    @Option(help: .text(.agendaMeeting)) var meeting: String?

    func run() throws {
        let session = try global.openSession(role: .cli)
        let m = meeting ?? session.state.latestMeeting(kern: nil)?.id.description
        try recordAndReport(session, .agendaItem,
                            Draft([.title: title, .wijk: wijk, .minutes: minutes, .meeting: m].compactMapValues { $0 }))
    }
}

struct AddParticipation: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "participation", abstract: Text.cliAbstract(.addParticipation).text)
    @OptionGroup var global: GlobalOptions
    @Option(help: .text(.wijkOrKern)) var wijk: String
    @Option(help: .text(.topic)) var topic: String
    // Work and phase decide the range the plan allows (beleidsplan bijlage 1), so both are asked for.
    @Option(help: .text(.work)) var work: String
    @Option(help: .text(.phase)) var phase: String
    @Option(help: .text(.level)) var level: String
    @Flag(help: .text(.controversial)) var controversial = false
    @Option(help: .text(.explanation)) var reason: String?
    @Option(help: .text(.representatives)) var representatives: String?
    @Option(name: [.customLong("feedback-to-residents"), .customLong("feedback-plan")], help: .text(.feedbackPlan)) var feedbackPlan: String?
    @Option(help: .text(.meeting)) var meeting: String?
    @Option(help: .text(.itemOption)) var item: String?

    func run() throws {
        try recordAndReport(try global.openSession(role: .cli), .participation, Draft([
            .wijk: wijk, .topic: topic, .work: work, .phase: phase, .level: level, .reason: reason, .meeting: meeting, .item: item,
            .controversial: controversial ? "ja" : nil, .representatives: representatives, .feedbackPlan: feedbackPlan,
        ].compactMapValues { $0 }))
    }
}

struct SetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "set", abstract: Text.cliAbstract(.set).text,
                                                    subcommands: [SetStatus.self, SetParticipation.self, SetWijkKind.self, SetPlanPhase.self])
}

struct SetStatus: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "status", abstract: Text.cliAbstract(.setStatus).text)
    @OptionGroup var global: GlobalOptions
    @Argument(help: .text(.actionID)) var id: String
    @Option(help: .text(.newStatus, value: "status")) var to: String
    @Option(help: .text(.reasonDropped)) var reason: String?

    func run() throws {
        guard let rid = RecordID(id), rid.kind == .action else {
            printError("\(Text.fieldLabel(.id).text): \(Text.unknownRecord(id).text)")
            throw ExitCode(1)
        }
        try recordAndReport(try global.openSession(role: .cli), .status,
                            Draft([.status: to, .reason: reason].compactMapValues { $0 }), target: rid)
    }
}

/// `kernteam add note --text X [--item AP-n]`: what was discussed under an agenda item (by default the
/// item under discussion).
struct AddNote: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "note", abstract: Text.cliAbstract(.addNote).text)
    @OptionGroup var global: GlobalOptions
    @Option(help: .text(.noteText)) var text: String
    @Option(help: .text(.itemOption)) var item: String?

    func run() throws {
        try recordAndReport(try global.openSession(role: .cli), .note, Draft([.text: text, .item: item].compactMapValues { $0 }))
    }
}
