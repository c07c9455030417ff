import ArgumentParser
import Foundation
import KernteamDomain
import KernteamSession

/// Parses an id argument of the given kinds, or exits 1 with a Dutch message.
func parseID(_ text: String, _ kinds: [RecordID.Kind]) throws -> RecordID {
    guard let id = RecordID(text), kinds.contains(id.kind) else {
        printError("\(Text.fieldLabel(.id).nl): \(Text.unknownRecord(text).nl)")
        throw ExitCode(1)
    }
    return id
}

struct AddInitiative: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "initiative", abstract: "Een bewonersinitiatief.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Wijk (of kern).") var wijk: String?
    @Option(help: "Wat de bewoners willen.") var text: String?
    @Option(help: "Naam van de initiatiefnemer (persoonsgegeven).") var initiator: String?
    @Option(help: "Contactgegevens (persoonsgegeven).") var contact: String?
    @Option(help: "Datum, JJJJ-MM-DD (standaard vandaag).") var date: String?

    func run() throws {
        try recordAndReport(try global.openSession(role: .cli), .initiative, Draft([
            .wijk: wijk, .text: text, .initiator: initiator, .contact: contact, .date: date,
        ].compactMapValues { $0 }))
    }
}

struct AddPriority: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "priority", abstract: "Een prioriteit voor een wijk (maximaal 5 actief).")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Wijk.") var wijk: String?
    @Option(help: "Thema: \(Theme.wordList).") var theme: String?
    @Option(help: "De prioriteit.") var text: String?
    @Option(help: "Planperiode, bv. 2009-2012.") var period: String?

    func run() throws {
        try recordAndReport(try global.openSession(role: .cli), .priority, Draft([
            .wijk: wijk, .theme: theme, .text: text, .period: period,
        ].compactMapValues { $0 }))
    }
}

struct AddBudget: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "budget",
        abstract: "Een wijk- of kernbudget voor een jaar. Zonder --decision wordt eerst het besluit tot toekenning vastgelegd."
    )
    @OptionGroup var global: GlobalOptions
    @Option(help: "Wijk (of kern).") var wijk: String?
    @Option(help: "Jaar.") var year: String?
    @Option(help: "Bedrag in euro, bv. 5000 of 5.000,00.") var amount: String?
    @Option(help: "Het besluit tot toekenning, bv. B-4.") var decision: String?

    func run() throws {
        try recordAndReport(try global.openSession(role: .cli), .budget, Draft([
            .wijk: wijk, .year: year, .amount: amount, .decision: decision,
        ].compactMapValues { $0 }))
    }
}

struct Triage: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Beoordeelt een signaal (route) of initiatief (uitkomst).",
                                                    subcommands: [TriageSignal.self, TriageInitiative.self])
}

struct TriageSignal: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "signal", abstract: "Route: \(SignalRoute.wordList) (buiten-scope met reden).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Id van het signaal, bv. S-4.") var id: String
    @Option(help: "Route: \(SignalRoute.wordList).") var route: String?
    @Option(help: "Reden (verplicht bij buiten-scope).") var reason: String?

    func run() throws {
        let rid = try parseID(id, [.signal])
        try recordAndReport(try global.openSession(role: .cli), .triageSignal,
                            Draft([.route: route, .reason: reason].compactMapValues { $0 }), target: rid)
    }
}

struct TriageInitiative: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "initiative", abstract: "Uitkomst: \(InitiativeOutcome.wordList) (niet-uitvoerbaar met reden).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Id van het initiatief, bv. I-2.") var id: String
    @Option(help: "Uitkomst: \(InitiativeOutcome.wordList).") var outcome: String?
    @Option(help: "Reden (verplicht bij niet-uitvoerbaar).") var reason: String?

    func run() throws {
        let rid = try parseID(id, [.initiative])
        try recordAndReport(try global.openSession(role: .cli), .triageInitiative,
                            Draft([.outcome: outcome, .reason: reason].compactMapValues { $0 }), target: rid)
    }
}

struct SetParticipation: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "participation",
        abstract: "Participatieniveau voor een prioriteit (P-n) of een eerder onderwerp (D-n); buiten de bandbreedte van het plan alleen met reden."
    )
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Id van de prioriteit of het onderwerp, bv. P-2 of D-1.") var id: String
    @Option(help: "Soort werk: \(WorkKind.wordList).") var kind: String?
    @Option(help: "Fase: \(Phase.wordList).") var phase: String?
    @Option(help: "Niveau: \(ParticipationLevel.wordList).") var level: String?
    @Flag(help: "Het onderwerp is omstreden (belangentegenstellingen tussen bewoners).") var controversial = false
    @Option(help: "Reden, verplicht bij een niveau buiten wat het plan toestaat.") var reason: String?
    @Option(help: "Wie de bewoners vertegenwoordigt.") var representatives: String?
    @Option(help: "Hoe de overige bewoners teruggekoppeld krijgen.") var feedbackPlan: String?

    func run() throws {
        let rid = try parseID(id, [.priority, .participation])
        let session = try global.openSession(role: .cli)
        var place = "", topic = ""
        if let p = session.state.priorities[rid]?.value { place = p.wijk ?? p.kern; topic = p.text }
        if let d = session.state.participation[rid]?.value { place = d.wijk ?? d.kern; topic = d.topic }
        guard !topic.isEmpty else {
            printError("\(Text.fieldLabel(.id).nl): \(Text.unknownRecord(id).nl)")
            throw ExitCode(1)
        }
        try recordAndReport(session, .participation, Draft([
            .wijk: place, .topic: topic, .work: kind, .phase: phase, .level: level,
            .controversial: controversial ? "ja" : "nee", .reason: reason,
            .representatives: representatives, .feedbackPlan: feedbackPlan,
        ].compactMapValues { $0 }), target: rid)
    }
}

struct SetWijkKind: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "wijk-kind", abstract: "Soort wijk (beheer, intensief, ontwikkeling); alleen met een besluit.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "De wijk.") var wijk: String
    @Option(help: "Soort: \(WijkKind.wordList).") var kind: String?
    @Option(help: "Het besluit, bv. B-5.") var decision: String?

    func run() throws {
        try recordAndReport(try global.openSession(role: .cli), .wijkKind,
                            Draft([.wijk: wijk, .kind: kind, .decision: decision].compactMapValues { $0 }))
    }
}

struct Feedback: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Legt terugkoppeling aan bewoners vast bij een signaal of initiatief.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Id, bv. S-4 of I-2.") var id: String
    @Option(help: "Hoe (brief, gesprek, wijkkrant …).") var how: String?
    @Option(help: "Datum, JJJJ-MM-DD (standaard vandaag).") var date: String?

    func run() throws {
        let rid = try parseID(id, [.signal, .initiative])
        try recordAndReport(try global.openSession(role: .cli), .feedback,
                            Draft([.how: how, .date: date].compactMapValues { $0 }), target: rid)
    }
}

struct Proposal: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Accepteert of wijst een voorstel voor wijkaanpak af (zie list proposals).",
                                                    subcommands: [ProposalAccept.self, ProposalDismiss.self])
}

struct ProposalOptions: ParsableArguments {
    @OptionGroup var global: GlobalOptions
    @Option(help: "Wijk van het voorstel.") var wijk: String?
    @Option(help: "Thema van het voorstel.") var theme: String?
    @Option(help: "Toelichting.") var reason: String?

    func run(_ choice: String) throws {
        try recordAndReport(try global.openSession(role: .cli), .proposal, Draft([
            .wijk: wijk, .theme: theme, .reason: reason, .choice: choice,
        ].compactMapValues { $0 }))
    }
}

struct ProposalAccept: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "accept", abstract: "Het thema wordt wijkaanpak.")
    @OptionGroup var options: ProposalOptions
    func run() throws { try options.run("accepteren") }
}

struct ProposalDismiss: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "dismiss", abstract: "Geen wijkaanpak (vastgelegd met toelichting).")
    @OptionGroup var options: ProposalOptions
    func run() throws { try options.run("afwijzen") }
}

struct Close: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Sluit een prioriteit af.", subcommands: [ClosePriority.self])
}

struct ClosePriority: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "priority", abstract: "Sluit een prioriteit af (telt niet meer mee voor het maximum van 5).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Id, bv. P-3.") var id: String
    @Option(help: "Reden.") var reason: String?

    func run() throws {
        let rid = try parseID(id, [.priority])
        try recordAndReport(try global.openSession(role: .cli), .closePriority, Draft([.reason: reason].compactMapValues { $0 }), target: rid)
    }
}

struct AddLemon: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "lemon", abstract: "Legt een Lemon-score vast per wijk, thema en jaar (ook: kernteam add lemon).")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Wijk.") var wijk: String?
    @Option(help: "Thema: \(Theme.wordList).") var theme: String?
    @Option(help: "Jaar.") var year: String?
    @Option(help: "Score, bv. 7,25.") var score: String?

    func run() throws {
        try recordAndReport(try global.openSession(role: .cli), .lemon,
                            Draft([.wijk: wijk, .theme: theme, .year: year, .score: score].compactMapValues { $0 }))
    }
}
