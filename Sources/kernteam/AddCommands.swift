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
        for w in warnings { printError(w.nl) }
    case .failure(let failure):
        for line in failure.lines { printError(line) }
        throw ExitCode(1)
    }
}

struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Legt een nieuw item vast en drukt het id af.",
        subcommands: [AddSignal.self, AddAction.self, AddDecision.self, AddMeeting.self, AddAgendaItem.self, AddParticipation.self,
                      AddInitiative.self, AddPriority.self, AddBudget.self, AddLemon.self]
    )
}

struct AddSignal: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "signal", abstract: "Een signaal uit een wijk.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Wijk (of kern).") var wijk: String?
    @Option(help: "Thema: \(Theme.wordList).") var theme: String?
    @Option(help: "Bron: \(SignalSource.wordList).") var source: String?
    @Option(help: "Wat er is gesignaleerd.") var text: String?
    @Option(help: "Datum, JJJJ-MM-DD (standaard vandaag).") var date: String?
    @Option(help: "Buurt of straat.") var buurt: String?
    @Option(help: "Naam van de melder (persoonsgegeven).") var reporter: String?
    @Option(help: "Contactgegevens van de melder (persoonsgegeven).") var contact: String?
    @Option(help: "Vergadering waarin het is ingebracht, bv. V-3.") var meeting: String?

    func run() throws {
        try recordAndReport(try global.openSession(role: .cli), .signal, Draft([
            .wijk: wijk, .theme: theme, .source: source, .text: text, .date: date, .buurt: buurt,
            .reporter: reporter, .contact: contact, .meeting: meeting,
        ].compactMapValues { $0 }))
    }
}

struct AddAction: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "action", abstract: "Een actie met eigenaar en deadline.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Wijk (of kern).") var wijk: String?
    @Option(help: "Wat er gedaan wordt.") var title: String?
    @Option(help: "Eigenaar: een organisatie uit de referentiegegevens.") var owner: String?
    @Option(help: "Persoon bij de eigenaar.") var person: String?
    @Option(help: "Deadline, JJJJ-MM-DD.") var due: String?
    @Option(help: "Beoogd resultaat.") var result: String?
    @Option(help: "Kosten in euro, bv. 1250 of 1.250,50.") var cost: String?
    @Option(help: "Hoe anderen geïnformeerd worden.") var inform: String?
    @Option(help: "Vergadering, bv. V-3.") var meeting: String?
    @Option(help: "Waar de actie bij hoort: ids van signaal, initiatief, prioriteit of besluit, bv. \"S-4,P-1\".") var serves: String?

    func run() throws {
        try recordAndReport(try global.openSession(role: .cli), .action, Draft([
            .wijk: wijk, .title: title, .owner: owner, .person: person, .due: due, .result: result,
            .cost: cost, .inform: inform, .meeting: meeting, .serves: serves,
        ].compactMapValues { $0 }))
    }
}

struct AddDecision: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "decision", abstract: "Een besluit van het kernteam.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Wijk (of kern).") var wijk: String?
    @Option(help: "Het besluit.") var text: String?
    @Option(help: "Vergadering, bv. V-3.") var meeting: String?

    func run() throws {
        try recordAndReport(try global.openSession(role: .cli), .decision,
                            Draft([.wijk: wijk, .text: text, .meeting: meeting].compactMapValues { $0 }))
    }
}

struct AddMeeting: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "meeting", abstract: "Een vergadering van een kernteam.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Kern: Delfgauw, Nootdorp of Pijnacker.") var kern: String?
    @Option(help: "Datum, JJJJ-MM-DD.") var date: String?

    func run() throws {
        try recordAndReport(try global.openSession(role: .cli), .meeting, Draft([.kern: kern, .date: date].compactMapValues { $0 }))
    }
}

struct AddAgendaItem: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "agenda-item", abstract: "Een agendapunt voor een vergadering.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Onderwerp.") var title: String?
    @Option(help: "Wijk (optioneel).") var wijk: String?
    @Option(help: "Tijd in minuten.") var minutes: String?
    @Option(help: "Vergadering, bv. V-3 (standaard de laatste).") var meeting: String?

    func run() throws {
        let session = try global.openSession(role: .cli)
        let m = meeting ?? session.state.latestMeeting(kern: nil)?.id.description
        try recordAndReport(session, .agendaItem,
                            Draft([.title: title, .wijk: wijk, .minutes: minutes, .meeting: m].compactMapValues { $0 }))
    }
}

struct AddParticipation: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "participation", abstract: "Een participatieniveau voor een onderwerp.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Wijk (of kern).") var wijk: String?
    @Option(help: "Onderwerp (plan, prioriteit).") var topic: String?
    @Option(help: "Soort werk: \(WorkKind.wordList).") var work: String?
    @Option(help: "Fase: \(Phase.wordList).") var phase: String?
    @Option(help: "Niveau: \(ParticipationLevel.wordList).") var level: String?
    @Option(help: "Toelichting.") var reason: String?
    @Option(help: "Vergadering, bv. V-3.") var meeting: String?

    func run() throws {
        try recordAndReport(try global.openSession(role: .cli), .participation, Draft([
            .wijk: wijk, .topic: topic, .work: work, .phase: phase, .level: level, .reason: reason, .meeting: meeting,
        ].compactMapValues { $0 }))
    }
}

struct SetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "set", abstract: "Wijzigt de status van een item.",
                                                    subcommands: [SetStatus.self, SetParticipation.self, SetWijkKind.self])
}

struct SetStatus: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "status", abstract: "Status van een actie: open, bezig, gereed of vervallen (met reden).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Id van de actie, bv. A-7.") var id: String
    @Option(help: "Nieuwe status: \(ActionStatus.wordList).") var to: String?
    @Option(help: "Reden (verplicht bij vervallen).") var reason: String?

    func run() throws {
        guard let rid = RecordID(id), rid.kind == .action else {
            printError("\(Text.fieldLabel(.id).nl): \(Text.unknownRecord(id).nl)")
            throw ExitCode(1)
        }
        try recordAndReport(try global.openSession(role: .cli), .status,
                            Draft([.status: to, .reason: reason].compactMapValues { $0 }), target: rid)
    }
}
