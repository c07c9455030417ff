import Foundation
import KernteamDomain

/// Builds the rows of one folded log. The state is the one given: a caller that wants rows as of a
/// date passes the state folded up to then, with that day as `today` (overdue, age).
public struct RowBuilder: Sendable {
    public let state: KernteamState
    public let today: Day
    public let settings: Settings
    /// Residents' personal data, only when asked for; nil leaves `reporter`, `initiator` and `contact` out.
    public let persons: [PersonRef: PersonalData]?
    /// How ids are written: plain, or with the log's label when logs are combined.
    let name: IDNamer

    public init(state: KernteamState, today: Day, settings: Settings = Settings(), persons: [PersonRef: PersonalData]? = nil,
                label: String? = nil) {
        self.state = state; self.today = today; self.settings = settings; self.persons = persons
        self.name = IDNamer(prefix: label)
    }

    func head<V>(_ kind: HistoryKindWord, _ id: RecordID?, _ kern: String, _ wijk: String?, date: Day, _ t: Tracked<V>) -> RecordHead {
        RecordHead(kind: kind.rawValue, id: id.map { name($0) }, kern: kern, wijk: wijk, date: date, seq: t.seq, changes: t.changes,
                   withdrawn: t.withdrawnReason)
    }

    func day<V>(_ meeting: RecordID?, _ t: Tracked<V>) -> Day { state.recordDay(meeting: meeting, timestamp: t.timestamp) }

    func personal(_ ref: PersonRef?) -> PersonalFields? {
        guard let persons else { return nil }
        let p = ref.flatMap { persons[$0] }
        return PersonalFields(name: p?.name, contact: p?.contact)
    }

    public func signal(_ t: Tracked<SignalRecorded>) -> SignalRow {
        let s = t.value
        return SignalRow(head: head(.signaal, s.id, s.kern, s.wijk, date: s.date, t), theme: s.theme.rawValue, source: s.source.rawValue,
                         text: s.text, buurt: s.buurt, meeting: s.meeting.map { name($0) }, route: state.signalTriage[s.id]?.route.rawValue,
                         reporter: personal(s.person))
    }

    public func action(_ t: Tracked<ActionRecord>) -> ActionRow {
        let a = t.value.created
        return ActionRow(head: head(.actie, a.id, a.kern, a.wijk, date: day(a.meeting, t), t), title: a.title, owner: a.owner,
                         person: a.person, due: a.due, serves: (a.serves ?? []).map { name($0) }, status: t.value.status,
                         overdue: t.value.isOverdue(today: today), result: a.result, cost: a.cost, inform: a.inform,
                         meeting: a.meeting.map { name($0) }, statusReason: t.value.statusReason,
                         wijkbudget: a.charged, reason: a.reason)
    }

    public func decision(_ t: Tracked<DecisionTaken>) -> DecisionRow {
        let d = t.value
        return DecisionRow(head: head(.besluit, d.id, d.kern, d.wijk, date: state.decisionDay(t), t), text: d.text,
                           meeting: d.meeting.map { name($0) }, about: (d.about ?? []).map { name($0) }, body: d.takenBy.rawValue)
    }

    public func note(_ t: Tracked<NoteAdded>) -> NoteRow {
        let n = t.value
        return NoteRow(head: head(.notitie, n.id, n.kern, n.wijk, date: day(n.meeting, t), t), text: n.text,
                       meeting: name(n.meeting), item: name(n.item))
    }

    public func meeting(_ t: Tracked<MeetingHeld>) -> MeetingRow {
        let m = t.value
        return MeetingRow(head: head(.vergadering, m.id, m.kern, nil, date: m.date, t), length: m.length,
                          phase: state.phase(of: m.id).rawValue)
    }

    public func agendaItem(_ t: Tracked<AgendaItemAdded>) -> AgendaItemRow {
        let a = t.value
        return AgendaItemRow(head: head(.agendapunt, a.id, a.kern, a.wijk, date: day(a.meeting, t), t), title: a.title,
                             meeting: name(a.meeting), minutes: a.minutes, about: a.source.map { name($0) },
                             outcome: state.itemOutcome[a.id]?.rawValue)
    }

    public func participation(_ t: Tracked<ParticipationSet>) -> ParticipationRow {
        let p = t.value
        var allowed: [String]?
        if let work = p.work, let phase = p.phase {
            allowed = ParticipationRules.allowed(work: work, phase: phase, controversial: p.controversial ?? false)
                .map { [$0.lowerBound.rawValue, $0.upperBound.rawValue] } ?? []
        }
        return ParticipationRow(head: head(.participatie, p.id, p.kern, p.wijk, date: day(p.meeting, t), t), topic: p.topic,
                                level: p.level.rawValue, work: p.work?.rawValue, phase: p.phase?.rawValue, reason: p.reason,
                                controversial: p.controversial ?? false, override: p.override ?? false, about: p.about.map { name($0) },
                                representatives: p.representatives, feedbackPlan: p.feedbackPlan, allowed: allowed)
    }

    public func initiative(_ t: Tracked<InitiativeRecord>) -> InitiativeRow {
        let i = t.value
        return InitiativeRow(head: head(.initiatief, i.recorded.id, i.recorded.kern, i.recorded.wijk, date: i.recorded.date, t),
                             text: i.recorded.text, outcome: i.outcome?.rawValue, reason: i.reason, ageDays: i.age(today: today),
                             overdue: i.isOverdue(today: today, termWeeks: settings.initiativeTermWeeks), turnaroundDays: i.turnaround,
                             feedback: state.feedback[i.recorded.id].map { FeedbackField(how: $0.how, date: $0.date.description) },
                             initiator: personal(i.recorded.person))
    }

    public func priority(_ t: Tracked<PrioritySet>) -> PriorityRow {
        let p = t.value
        return PriorityRow(head: head(.prioriteit, p.id, p.kern, p.wijk, date: day(p.meeting, t), t), theme: p.theme.rawValue, text: p.text,
                           period: p.period, active: state.closedPriorities[p.id] == nil && !t.isWithdrawn,
                           wijkKind: p.wijk.flatMap { state.kind(ofWijk: $0)?.rawValue }, plan: p.plan.map { name($0) },
                           residentsInvolved: p.involvement, reason: p.reason, deviation: p.deviation ?? false)
    }

    public func plan(_ t: Tracked<PlanRecord>) -> PlanRow {
        let plan = t.value, c = plan.created
        var priorities: [String: [String]] = [:]
        for p in state.priorities.items where !p.isWithdrawn && p.value.plan == c.id && state.closedPriorities[p.value.id] == nil {
            priorities[p.value.wijk ?? p.value.kern, default: []].append(name(p.value.id))
        }
        let steps = plan.steps.map { s in
            PlanStepField(phase: s.phase.rawValue, date: s.date.description, decision: s.decision.map { name($0) },
                          body: s.decision.flatMap { state.decisions[$0]?.value.takenBy.rawValue }, seq: s.seq)
        }
        return PlanRow(head: head(.plan, c.id, c.kern, nil, date: day(nil, t), t), period: c.period, startYear: c.startYear,
                       endYear: c.endYear, reason: c.reason, phase: plan.phase.rawValue, steps: steps, adoptedOn: plan.adoption?.date,
                       adoptedBy: plan.adoption?.decision.map { name($0) }, reviewDue: plan.reviewDue,
                       reviewOverdue: plan.reviewOverdue(today: today), priorities: priorities)
    }

    public func role(_ r: PlanRole) -> RoleRow { RoleRow(name: r.name, body: r.body.rawValue, task: r.task) }

    /// A place and theme with signals: its proposal, or why there is none (`list proposals --all`).
    public func proposal(_ c: RecurrenceCheck) -> ProposalRow {
        var row = ProposalRow(key: "\(c.place)/\(c.theme.rawValue)", kern: c.kern, wijk: c.wijk, theme: c.theme.rawValue, signals: [],
                              raised: false, signalCount: c.signalCount)
        switch c.result {
        case .raised(let p): row.signals = p.signals.map { name($0) }; row.raised = true
        case .held(.tooFew(let most)): row.reason = "too_few"; row.mostInWindow = most
        case .held(.decided): row.reason = "decided"
        case .held(.activePriority(let id)): row.reason = "active_priority"; row.priority = name(id)
        case .held(.oneWijk(let w)): row.reason = "one_wijk"; row.onlyWijk = w
        }
        return row
    }

    /// `status`: the budget's spending, when the caller worked out all budgets' at once (a list of them).
    public func budget(_ t: Tracked<BudgetAllocated>, status: BudgetStatus? = nil) -> BudgetRow {
        let b = t.value
        let status = status ?? state.budgetStatuses().first { $0.budget.id == b.id }
        let spending = status?.spending ?? []
        let spent = spending.reduce(0) { $0 + $1.cost.cents }
        return BudgetRow(head: head(.budget, b.id, b.kern, b.wijk, date: day(nil, t), t), year: b.year, amountCents: b.amount.cents,
                         spentCents: spent, remainingCents: b.amount.cents - spent, overBudget: b.amount.cents - spent < 0,
                         decision: b.decision.map { name($0) },
                         spending: spending.map { SpendingField(action: name($0.action), title: $0.title, costCents: $0.cost.cents,
                                                                  overspend: $0.overspends, reason: $0.reason) })
    }

    public func lemon(_ t: Tracked<LemonScored>) -> LemonRow {
        let l = t.value
        return LemonRow(head: head(.lemon, nil, l.kern, l.wijk, date: Day(year: l.year, month: 12, day: 31) ?? day(nil, t), t),
                        theme: l.theme.rawValue, year: l.year, score: Double(l.score) / 100)
    }

    public func wijkKind(_ step: WijkKindStep) -> WijkKindRow {
        let decided = state.decisions[step.change.decision]
        let date = decided.map { state.decisionDay($0) } ?? Day.ofTimestamp(step.timestamp)
        let kern = state.reference.place(named: step.change.wijk)?.kern ?? ""
        return WijkKindRow(head: RecordHead(kind: HistoryKindWord.wijksoort.rawValue, id: nil, kern: kern, wijk: step.change.wijk, date: date,
                                            seq: step.seq, changes: [], withdrawn: nil),
                           wijkKind: step.change.kind.rawValue, previousWijkKind: step.previous?.rawValue, decision: name(step.change.decision))
    }

    public func feedbackOwed(_ f: FeedbackOwed) -> FeedbackOwedRow {
        FeedbackOwedRow(id: name(f.id), kern: f.kern, wijk: f.wijk, text: f.text, since: f.since, days: today.ordinal - f.since.ordinal)
    }

    public func proposal(_ p: RecurrenceProposal) -> ProposalRow {
        ProposalRow(key: p.key, kern: p.kern, wijk: p.wijk, theme: p.theme.rawValue, signals: p.signals.map { name($0) },
                    signalCount: p.signals.count)
    }

    /// The row of the record a history entry is about (nil only for an entry whose record is gone).
    public func row(for entry: HistoryEntry) -> RecordRow? {
        switch entry.kind {
        case .besluit: entry.id.flatMap { state.decisions[$0] }.map { .decision(decision($0)) }
        case .actie: entry.id.flatMap { state.actions[$0] }.map { .action(action($0)) }
        case .signaal: entry.id.flatMap { state.signals[$0] }.map { .signal(signal($0)) }
        case .initiatief: entry.id.flatMap { state.initiatives[$0] }.map { .initiative(initiative($0)) }
        case .prioriteit: entry.id.flatMap { state.priorities[$0] }.map { .priority(priority($0)) }
        case .participatie: entry.id.flatMap { state.participation[$0] }.map { .participation(participation($0)) }
        case .budget: entry.id.flatMap { state.budgets[$0] }.map { .budget(budget($0)) }
        case .lemon: state.lemonRecords.first { $0.seq == entry.seq }.map { .lemon(lemon($0)) }
        case .wijksoort: state.wijkKindHistory.first { $0.seq == entry.seq }.map { .wijkKind(wijkKind($0)) }
        case .notitie: entry.id.flatMap { state.notes[$0] }.map { .note(note($0)) }
        case .plan:
            // The plan's own entry, or a step of its cycle: both are the plan's row.
            (entry.id.flatMap { state.plans[$0] } ?? state.plans.items.first { $0.value.steps.contains { $0.seq == entry.seq } })
                .map { .plan(plan($0)) }
        }
    }
}

/// What each row's `kind` says: the history's words (`history --kind`), and three more for what the
/// history does not list.
enum HistoryKindWord: String {
    case besluit, actie, signaal, initiatief, prioriteit, participatie, budget, lemon, wijksoort, plan, notitie
    case vergadering, agendapunt
}
