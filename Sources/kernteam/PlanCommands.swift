import ArgumentParser
import Foundation
import KernteamDomain
import KernteamSession

/// `kernteam add plan --kern K --period 2009-2012 [--reason X]`: a kern/wijkenplan (PL-n), starting at the schouw.
struct AddPlan: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "plan", abstract: Text.plan(.cliAddPlan).text)
    @OptionGroup var global: GlobalOptions
    @Option(help: .plan(.helpPlanKern)) var kern: String
    @Option(help: .plan(.helpPlanPeriod)) var period: String
    @Option(help: .plan(.helpPlanReason)) var reason: String?

    func run() throws {
        try recordAndReport(try global.openSession(role: .cli), .plan,
                            Draft([.kern: kern, .period: period, .reason: reason].compactMapValues { $0 }))
    }
}

/// `kernteam set plan-phase PL-n --phase P [--decision B-n] [--date D]`.
struct SetPlanPhase: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "plan-phase", abstract: Text.plan(.cliSetPlanPhase).text)
    @OptionGroup var global: GlobalOptions
    @Argument(help: .plan(.helpPlanID)) var id: String
    @Option(help: .plan(.helpPlanPhase)) var phase: String
    @Option(help: .plan(.helpPlanDecision)) var decision: String?
    @Option(help: .plan(.helpPlanDate)) var date: String?

    func run() throws {
        let rid = try parseID(id, [.plan])
        try recordAndReport(try global.openSession(role: .cli), .planPhase,
                            Draft([.phase: phase, .decision: decision, .date: date].compactMapValues { $0 }), target: rid)
    }
}

extension ListRecords {
    /// The kern/wijkenplannen: period, phase and its steps, the stuurgroep's adoption, the review that
    /// is due, and the priorities that belong to each plan, per wijk.
    func planRows() -> [ListedRecord] {
        state.plans.items.filter { !$0.isWithdrawn && (place == nil || $0.value.created.kern == place!.kern) }.map { t in
            let plan = t.value, c = plan.created
            let adopted = plan.adoption.map { Text.plan(.planAdopted($0.date.dutch, $0.decision?.description ?? "")).text }
                ?? Text.plan(.planNotAdopted).text
            let review = plan.reviewDue.map { Text.plan(.reviewDue($0.dutch, overdue: plan.reviewOverdue(today: today))).text } ?? ""
            return ListedRecord(row: .plan(build.plan(t)), table: [c.id.description, c.kern, c.period, plan.phase.rawValue, adopted, review])
        }
    }
}
