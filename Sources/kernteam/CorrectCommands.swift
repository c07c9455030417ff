import ArgumentParser
import Foundation
import KernteamDomain
import KernteamSession

/// `kernteam correct ID --FIELD VALUE … [--reason X]`: the same field flags as `add`; only the fields
/// given change. Prints the id; a refusal exits 1 with the rule on stderr and appends nothing.
struct Correct: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: Text.cliAbstract(.correct).text)
    @OptionGroup var global: GlobalOptions
    @Argument(help: .text(.correctTarget)) var target: String
    @Option(help: .text(.correctionReason)) var reason: String?
    @Option(name: .customLong("set-reason"), help: .text(.setReason)) var setReason: String?
    @Option(help: .text(.wijkOrKern)) var wijk: String?
    @Option(help: .text(.newTitle)) var title: String?
    @Option(help: .text(.newText)) var text: String?
    @Option(help: .text(.theme)) var theme: String?
    @Option(help: .text(.source)) var source: String?
    @Option(help: .text(.date)) var date: String?
    @Option(help: .text(.buurt)) var buurt: String?
    @Option(help: .text(.owner)) var owner: String?
    @Option(help: .text(.person)) var person: String?
    @Option(help: .text(.due)) var due: String?
    @Option(help: .text(.result)) var result: String?
    @Option(help: .text(.cost)) var cost: String?
    @Option(help: .plan(.helpCorrectWijkbudget)) var wijkbudget: String?
    @Option(help: .text(.inform)) var inform: String?
    @Option(help: .text(.serves)) var serves: String?
    @Option(help: .text(.topic)) var topic: String?
    @Option(help: .text(.work)) var work: String?
    @Option(help: .text(.phase)) var phase: String?
    @Option(help: .text(.level)) var level: String?
    @Option(help: .text(.controversial)) var controversial: String?
    @Option(help: .text(.representatives)) var representatives: String?
    @Option(name: .customLong("feedback-plan"), help: .text(.feedbackPlan)) var feedbackPlan: String?
    @Option(help: .text(.period)) var period: String?
    @Option(help: .text(.year)) var year: String?
    @Option(help: .text(.amount)) var amount: String?
    @Option(help: .text(.newDecision)) var decision: String?
    @Option(help: .text(.minutes)) var minutes: String?
    @Option(help: .text(.length)) var length: String?
    @Option(help: .text(.route)) var route: String?
    @Option(help: .text(.outcome)) var outcome: String?
    @Option(help: .text(.how)) var how: String?
    @Option(help: .text(.org)) var org: String?
    @Option(help: .text(.newStatusOrAttendance)) var status: String?
    @Option(help: .text(.newCount)) var count: String?
    @Option(help: .text(.score)) var score: String?
    @Option(help: .plan(.helpBody)) var body: String?
    @Option(name: .customLong("residents-involved"), help: .plan(.helpInvolvement)) var involvement: String?
    // Personal data is not corrected in the log; these are accepted only to say so.
    @Option(help: .text(.reporter)) var reporter: String?
    @Option(help: .text(.initiator)) var initiator: String?
    @Option(help: .text(.contact)) var contact: String?

    func run() throws {
        let ref = try parseTarget(target)
        let session = try global.openSession(role: .cli)
        var values: [DraftField: String?] = [
            .wijk: wijk, .title: title, .text: text, .theme: theme, .source: source, .date: date, .buurt: buurt,
            .owner: owner, .person: person, .due: due, .result: result, .cost: cost, .wijkbudget: wijkbudget, .inform: inform, .serves: serves,
            .topic: topic, .work: work, .phase: phase, .level: level, .controversial: controversial,
            .representatives: representatives, .feedbackPlan: feedbackPlan, .period: period, .year: year, .amount: amount,
            .decision: decision, .minutes: minutes, .length: length, .route: route, .outcome: outcome, .how: how,
            .org: org, .count: count, .score: score, .reason: setReason, .body: body, .involvement: involvement,
            .reporter: reporter, .initiator: initiator, .contact: contact,
        ]
        // `--status` is an attendance status for an attendance entry, else an action's status.
        if let status {
            let isAttendance: Bool
            if case .entry(let seq) = ref, case .attendanceRecorded? = session.state.fact(seq: seq)?.event { isAttendance = true } else { isAttendance = false }
            values[isAttendance ? .attendance : .status] = status
        }
        // Values are kept as typed (also empty: that clears an optional field).
        let changes = Draft(values.compactMapValues { $0 })
        guard !changes.values.isEmpty else {
            printError("\(Text.fieldLabel(.id).text): \(Text.fieldNotCorrectable(session.state.correctableFields(of: ref).map { "--" + $0.rawValue }).text)")
            throw ExitCode(1)
        }
        switch session.correct(ref, changes, reason: reason) {
        case .success: print(ref.description)
        case .failure(let f): try fail(f)
        }
    }
}

/// `kernteam withdraw ID --reason X`.
struct Withdraw: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: Text.cliAbstract(.withdraw).text)
    @OptionGroup var global: GlobalOptions
    @Argument(help: .text(.withdrawTarget)) var target: String
    @Option(help: .text(.withdrawReason)) var reason: String

    func run() throws {
        let ref = try parseTarget(target)
        let session = try global.openSession(role: .cli)
        switch session.withdraw(ref, reason: reason) {
        case .success: print(ref.description)
        case .failure(let f): try fail(f)
        }
    }
}

/// A record id (`A-3`) or an entry number (`#39`), or exit 1 saying what was expected.
func parseTarget(_ text: String) throws -> EntryRef {
    guard let ref = EntryRef(text) else {
        printError("\(Text.fieldLabel(.id).text): \(Text.cliBadTarget(text).text)")
        throw ExitCode(1)
    }
    return ref
}

/// `--as-of D`: look at the log as it stood at the end of a day.
struct AsOfOption: ParsableArguments {
    @Option(name: .customLong("as-of"), help: .text(.asOf)) var asOf: String?

    /// The day asked for, or nil; a bad date exits 1 with the reason.
    func parsed() throws -> AsOf? {
        guard let asOf else { return nil }
        guard let day = Day(asOf) else { throw CLIError("--as-of: " + Text.badDate(asOf).text) }
        return AsOf(day)
    }
}
