import KernteamDomain

/// The kern/wijkenplannen (beleidsplan 1.2 "Kern/wijkplannen"): period and phase per plan; `n` records a
/// plan, `s` moves the selected plan to its next phase (the form offers that phase, and the rules ask for
/// the stuurgroep's decision when it is `prioriteiten`), Enter shows the plan with its priorities per
/// wijk and what is due.
enum PlansList: ListUnit {
    static let title: Text = .plan(.listPlans)
    static let empty: Text = .plan(.emptyPlans)
    static let addKind: DraftKind? = .plan
    static let recordKind: RecordID.Kind? = .plan

    static func rows(_ c: PaneContent) -> PaneRows {
        c.orderedRows(c.domain.plans.items, id: \.value.created.id,
                      keep: { !$0.isWithdrawn && c.matches(kern: $0.value.created.kern, wijk: nil) },
                      key: { PaneContent.SortKey(a: $0.value.created.startYear, b: 0, c: $0.seq) }) { t in
            let plan = t.value, overdue = plan.reviewOverdue(today: c.today)
            return PaneRow(id: plan.created.id, spans: [
                Span(plan.created.id.description, .id, width: 5),
                Span(plan.created.kern, .plain, width: 12, wideWidth: 16),
                Span(plan.created.period, .muted, width: 10, hideBelow: 56),
                Span(Text.plan(.phaseLabel(plan.phase)).text
                     + (plan.reviewDue.map { " · " + Text.plan(.reviewDue($0.dutch, overdue: overdue)).text } ?? ""),
                     overdue ? .overdue : .plain),
            ])
        }
    }

    /// s moves the selected plan on to its next phase.
    static let commands: [Command] = [.changeStatus]

    static func run(_ command: Command, selected: RecordID?, _ model: inout AppModel, _ world: World) -> [Effect]? {
        guard let id = selected, command == .changeStatus, world.domain.plans[id] != nil else { return nil }
        Reducer.openForm(&model, .planPhase, world, target: id)
        return []
    }

    /// The plan as `list plans` and the report say it (phase, adoption, review due, end, next step),
    /// then its active priorities per wijk and its steps.
    static func details(_ id: RecordID, _ d: inout DetailLines) -> Bool {
        guard id.kind == .plan else { return false }
        guard let t = d.domain.plans[id] else { return true }
        let plan = t.value
        d.opt(.kern, plan.created.kern); d.opt(.period, plan.created.period); d.opt(.reason, plan.created.reason)
        d.opt(.phase, Text.plan(.phaseLabel(plan.phase)).text)
        for line in KernteamState.planLines(plan, today: d.world.today).dropFirst() { d.add("", line) }
        var byPlace: [(String, [String])] = []
        for p in d.domain.priorities.items where !p.isWithdrawn && p.value.plan == id && d.domain.closedPriorities[p.value.id] == nil {
            let place = p.value.wijk ?? p.value.kern
            if let i = byPlace.firstIndex(where: { $0.0 == place }) { byPlace[i].1.append(p.value.id.description) }
            else { byPlace.append((place, [p.value.id.description])) }
        }
        if !byPlace.isEmpty {
            d.add(Text.plan(.prioritiesOfPlan).text, "")
            for (place, ids) in byPlace { d.add("", Text.plan(.planPriorityLine(place: place, ids: ids.joined(separator: ", "))).text) }
        }
        for step in plan.steps {
            d.opt(.date, "\(step.date.dutch) \(step.phase.rawValue)" + (step.decision.map { " (\($0))" } ?? ""))
        }
        d.history(t)
        return true
    }
}
