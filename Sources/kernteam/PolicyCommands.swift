import ArgumentParser
import Foundation
import KernteamDomain
import KernteamSession

/// Parses an id argument of the given kinds, or exits 1 with a Dutch message.
func parseID(_ text: String, _ kinds: [RecordID.Kind]) throws -> RecordID {
    guard let id = RecordID(text), kinds.contains(id.kind) else {
        printError("\(Text.fieldLabel(.id).text): \(Text.unknownRecord(text).text)")
        throw ExitCode(1)
    }
    return id
}

struct AddInitiative: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "initiative", abstract: Text.cliAbstract(.addInitiative).text)
    @OptionGroup var global: GlobalOptions
    @Option(help: .text(.wijkOrKern)) var wijk: String
    @Option(help: .text(.initiativeText)) var text: String
    @Option(help: .text(.initiator)) var initiator: String?
    @Option(help: .text(.contact)) var contact: String?
    @Option(help: .text(.dateDefaultToday)) var date: String?

    func run() throws {
        try recordAndReport(try global.openSession(role: .cli), .initiative, Draft([
            .wijk: wijk, .text: text, .initiator: initiator, .contact: contact, .date: date,
        ].compactMapValues { $0 }))
    }
}

struct AddPriority: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "priority", abstract: Text.cliAbstract(.addPriority).text)
    @OptionGroup var global: GlobalOptions
    @Option(help: .text(.wijk)) var wijk: String
    @Option(help: .text(.theme)) var theme: String
    @Option(help: .text(.priorityText)) var text: String
    @Option(help: .plan(.helpPriorityPeriod)) var period: String?
    @Option(name: .customLong("residents-involved"), help: .plan(.helpInvolvement)) var involvement: String?
    @Option(help: .plan(.helpPriorityReason)) var reason: String?
    @Option(help: .text(.meeting)) var meeting: String?

    func run() throws {
        try recordAndReport(try global.openSession(role: .cli), .priority, Draft([
            .wijk: wijk, .theme: theme, .text: text, .period: period, .involvement: involvement, .reason: reason, .meeting: meeting,
        ].compactMapValues { $0 }))
    }
}

struct AddBudget: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "budget",
        abstract: Text.cliAbstract(.addBudget).text
    )
    @OptionGroup var global: GlobalOptions
    @Option(help: .text(.wijkOrKern)) var wijk: String
    @Option(help: .text(.year)) var year: String
    @Option(help: .text(.amount)) var amount: String
    @Option(help: .text(.budgetDecision)) var decision: String?

    func run() throws {
        try recordAndReport(try global.openSession(role: .cli), .budget, Draft([
            .wijk: wijk, .year: year, .amount: amount, .decision: decision,
        ].compactMapValues { $0 }))
    }
}

struct Triage: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: Text.cliAbstract(.triage).text,
                                                    subcommands: [TriageSignal.self, TriageInitiative.self])
}

struct TriageSignal: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "signal", abstract: Text.cliAbstract(.triageSignal).text)
    @OptionGroup var global: GlobalOptions
    @Argument(help: .text(.signalID)) var id: String
    @Option(help: .text(.route)) var route: String
    @Option(help: .text(.reasonOutOfScope)) var reason: String?
    @Option(help: .plan(.helpTriageDate)) var date: String?

    func run() throws {
        let rid = try parseID(id, [.signal])
        try recordAndReport(try global.openSession(role: .cli), .triageSignal,
                            Draft([.route: route, .reason: reason, .date: date].compactMapValues { $0 }), target: rid)
    }
}

struct TriageInitiative: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "initiative", abstract: Text.cliAbstract(.triageInitiative).text)
    @OptionGroup var global: GlobalOptions
    @Argument(help: .text(.initiativeID)) var id: String
    @Option(help: .text(.outcome)) var outcome: String
    @Option(help: .text(.reasonNotExecutable)) var reason: String?
    @Option(help: .plan(.helpTriageDate)) var date: String?

    func run() throws {
        let rid = try parseID(id, [.initiative])
        try recordAndReport(try global.openSession(role: .cli), .triageInitiative,
                            Draft([.outcome: outcome, .reason: reason, .date: date].compactMapValues { $0 }), target: rid)
    }
}

struct SetParticipation: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "participation",
        abstract: Text.cliAbstract(.setParticipation).text
    )
    @OptionGroup var global: GlobalOptions
    @Argument(help: .text(.topicID)) var id: String
    @Option(name: [.customLong("work"), .customLong("kind")], help: .text(.work)) var kind: String?
    @Option(help: .text(.phase)) var phase: String?
    @Option(help: .text(.level)) var level: String
    @Flag(help: .text(.controversial)) var controversial = false
    @Option(help: .text(.reasonLevel)) var reason: String?
    @Option(help: .text(.representatives)) var representatives: String?
    @Option(name: [.customLong("feedback-to-residents"), .customLong("feedback-plan")], help: .text(.feedbackPlan)) var feedbackPlan: String?

    func run() throws {
        let rid = try parseID(id, [.priority, .participation])
        let session = try global.openSession(role: .cli)
        var place = "", topic = ""
        if let p = session.state.priorities[rid]?.value { place = p.wijk ?? p.kern; topic = p.text }
        if let d = session.state.participation[rid]?.value { place = d.wijk ?? d.kern; topic = d.topic }
        guard !topic.isEmpty else {
            printError("\(Text.fieldLabel(.id).text): \(Text.unknownRecord(id).text)")
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
    static let configuration = CommandConfiguration(commandName: "wijk-kind", abstract: Text.cliAbstract(.setWijkKind).text)
    @OptionGroup var global: GlobalOptions
    @Argument(help: .text(.theWijk)) var wijk: String
    @Option(help: .text(.wijkKind)) var kind: String
    @Option(help: .text(.wijkKindDecision)) var decision: String

    func run() throws {
        try recordAndReport(try global.openSession(role: .cli), .wijkKind,
                            Draft([.wijk: wijk, .kind: kind, .decision: decision].compactMapValues { $0 }))
    }
}

struct Feedback: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: Text.cliAbstract(.feedback).text)
    @OptionGroup var global: GlobalOptions
    @Argument(help: .text(.signalOrInitiativeID)) var id: String
    @Option(help: .text(.how)) var how: String
    @Option(help: .text(.dateDefaultToday)) var date: String?

    func run() throws {
        let rid = try parseID(id, [.signal, .initiative])
        try recordAndReport(try global.openSession(role: .cli), .feedback,
                            Draft([.how: how, .date: date].compactMapValues { $0 }), target: rid)
    }
}

struct Proposal: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: Text.cliAbstract(.proposal).text,
                                                    subcommands: [ProposalAccept.self, ProposalDismiss.self])
}

struct ProposalOptions: ParsableArguments {
    @OptionGroup var global: GlobalOptions
    @Option(help: .text(.proposalWijk)) var wijk: String
    @Option(help: .text(.proposalTheme)) var theme: String
    @Option(help: .text(.explanation)) var reason: String?

    func run(_ choice: String) throws {
        try recordAndReport(try global.openSession(role: .cli), .proposal, Draft([
            .wijk: wijk, .theme: theme, .reason: reason, .choice: choice,
        ].compactMapValues { $0 }))
    }
}

struct ProposalAccept: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "accept", abstract: Text.cliAbstract(.proposalAccept).text)
    @OptionGroup var options: ProposalOptions
    func run() throws { try options.run("accepteren") }
}

struct ProposalDismiss: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "dismiss", abstract: Text.cliAbstract(.proposalDismiss).text)
    @OptionGroup var options: ProposalOptions
    func run() throws { try options.run("afwijzen") }
}

struct Close: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: Text.cliAbstract(.close).text, subcommands: [ClosePriority.self])
}

struct ClosePriority: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "priority", abstract: Text.cliAbstract(.closePriority).text)
    @OptionGroup var global: GlobalOptions
    @Argument(help: .text(.priorityID)) var id: String
    @Option(help: .text(.reason)) var reason: String?

    func run() throws {
        let rid = try parseID(id, [.priority])
        try recordAndReport(try global.openSession(role: .cli), .closePriority, Draft([.reason: reason].compactMapValues { $0 }), target: rid)
    }
}

struct AddLemon: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "lemon", abstract: Text.cliAbstract(.addLemon).text)
    @OptionGroup var global: GlobalOptions
    @Option(help: .text(.wijk)) var wijk: String
    @Option(help: .text(.theme)) var theme: String
    @Option(help: .text(.year)) var year: String
    @Option(help: .text(.score)) var score: String

    func run() throws {
        try recordAndReport(try global.openSession(role: .cli), .lemon,
                            Draft([.wijk: wijk, .theme: theme, .year: year, .score: score].compactMapValues { $0 }))
    }
}
