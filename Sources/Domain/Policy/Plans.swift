/// The kern/wijkenplan and its cycle (beleidsplan 1.2 "Aanpak op hoofdlijnen" and "Kern/wijkplannen",
/// 2.3 "Planning"): one plan per kern every four years, made in phases, the analysis and the priorities
/// adopted by the stuurgroep, reviewed every two years.

/// One step of a plan's cycle as it stands (corrections applied), with the entry that recorded it.
public struct PlanStep: Hashable, Sendable {
    public var phase: PlanPhase
    public var decision: RecordID?
    public var date: Day
    public var seq: Int
}

/// A plan with the steps of its cycle so far.
public struct PlanRecord: Hashable, Sendable {
    public var created: PlanCreated
    public var steps: [PlanStep] = []

    public init(created: PlanCreated) { self.created = created }

    /// Where the cycle is: the latest step, or the schouw a new plan starts with.
    public var phase: PlanPhase { steps.last?.phase ?? .schouw }

    /// The latest adoption by the stuurgroep: the step into `prioriteiten`.
    public var adoption: PlanStep? { steps.last { $0.phase == .prioriteiten } }
}

extension PlanRecord {
    /// The plan is reviewed every two years ("elke twee jaar wordt beoordeeld of er noodzaak is het plan
    /// bij te stellen", 1.2): two years after its adoption or its latest evaluation, whichever is later.
    /// Nil before the stuurgroep adopted it.
    public var reviewDue: Day? {
        guard let adopted = adoption else { return nil }
        let evaluated = steps.last { $0.phase == .evaluatie && $0.seq > adopted.seq }
        return (evaluated?.date ?? adopted.date).addingMonths(24)
    }

    /// Whether the review is past due on `today`.
    public func reviewOverdue(today: Day) -> Bool { reviewDue.map { $0 < today } ?? false }
}

extension KernteamState {
    /// The kern's plans that stand, oldest period first.
    public func plans(kern: String) -> [PlanRecord] {
        plans.items.filter { !$0.isWithdrawn && $0.value.created.kern == kern }.map(\.value)
            .sorted { ($0.created.startYear, $0.created.id.number) < ($1.created.startYear, $1.created.id.number) }
    }

    /// The plan a kern works with on `day`: the one whose period holds the day's year, else the latest
    /// one that started before it, else the first.
    public func currentPlan(kern: String, on day: Day) -> PlanRecord? {
        let all = plans(kern: kern)
        return all.last { $0.created.years.contains(day.year) } ?? all.last { $0.created.startYear <= day.year } ?? all.first
    }
}

/// A period of whole years as people write it: `2009`, `2009-2012`, `2009–2012`, `2009 t/m 2012`.
public struct YearSpan: Hashable, Sendable {
    public var first: Int
    public var last: Int

    public init(first: Int, last: Int) { self.first = first; self.last = last }

    public init?(_ text: String) {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
            .replacingOccurrences(of: "–", with: "-").replacingOccurrences(of: "—", with: "-")
            .replacingOccurrences(of: "t/m", with: "-").replacingOccurrences(of: " ", with: "")
        let parts = t.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count),
              parts.allSatisfy({ $0.count == 4 && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let a = Int(parts[0]), let b = Int(parts.last!), (2000...2100).contains(a), (2000...2100).contains(b), a <= b
        else { return nil }
        first = a; last = b
    }

    /// `2009` or `2009-2012`.
    public var text: String { first == last ? "\(first)" : "\(first)-\(last)" }
    public var years: ClosedRange<Int> { first...last }
    public var count: Int { last - first + 1 }
}

extension KernteamState {
    /// What to say about a plan, one line each: id, period and phase; the stuurgroep's adoption; the
    /// two-yearly review that is due; the end of its period; the next phase of the cycle. Shared by the
    /// plan view, `list plans` and the progress report.
    public static func planLines(_ plan: PlanRecord, today: Day, name: (RecordID) -> String = { $0.description }) -> [String] {
        let c = plan.created
        var lines = [Text.plan(.planLine(id: name(c.id), period: c.period, phase: Text.plan(.phaseLabel(plan.phase)).text)).text]
        if let adopted = plan.adoption {
            lines.append(Text.plan(.planAdopted(adopted.date.shown, adopted.decision.map(name) ?? "")).text)
        } else {
            lines.append(Text.plan(.planNotAdopted).text)
        }
        if let due = plan.reviewDue { lines.append(Text.plan(.reviewDue(due.shown, overdue: plan.reviewOverdue(today: today))).text) }
        lines.append(Text.plan(.planEnds(Day(year: c.endYear, month: 12, day: 31)!.shown)).text)
        let next = plan.phase.next
        lines.append(Text.plan(.nextStep(Text.plan(.phaseLabel(next)).text, needsStuurgroep: next == .prioriteiten)).text)
        return lines
    }
}
