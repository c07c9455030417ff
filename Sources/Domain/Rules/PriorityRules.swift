/// The rules for priorities per wijk and kern.
/// Each function reads a draft of one kind and returns its event, or nil with the problems noted
/// (see `DraftCheck`).
extension DraftCheck {
    /// A priority for a place.
    ///
    /// - Once the kern has a kern/wijkenplan, its priorities belong to it (beleidsplan 1.2
    ///   "Kern/wijkplannen": the priorities are set after the kern/wijkenanalyse, for the plan's years):
    ///   the period is whole years within the plan's period (by default the plan's), and none is set
    ///   while the plan is still at the schouw, before the analysis. A kern without a plan keeps free
    ///   periods (the warning says no plan is recorded).
    /// - "Gestreefd wordt naar maximaal 5 prioriteiten voor intensief beheer per wijk" (1.2): a sixth
    ///   active priority for a wijk needs a reason and is marked a deliberate deviation. Priorities of
    ///   the whole kern are not per wijk and are not capped.
    mutating func priorityEvent() -> Event? {
        let p = place(), theme = choice(.theme, Theme.self), m = meetingRef()
        var deviation = false
        if let p, p.wijk != nil {
            let active = state.activePriorities(wijk: p.wijk, kern: p.kern)
            if active.count >= 5 {
                if draft[.reason] == nil {
                    problems.append(FieldProblem(.reason, .priorityCap(p.label, active.map(\.id.description))))
                } else {
                    deviation = true
                }
            }
        }
        var planID: RecordID?, period = draft[.period]
        if let p, let plan = planFor(kern: p.kern) {
            planID = plan.created.id
            let planSpan = YearSpan(first: plan.created.startYear, last: plan.created.endYear)
            if plan.phase == .schouw {
                problems.append(FieldProblem(.wijk, .plan(.priorityBeforeAnalysis(plan.created.id.description, plan.phase.rawValue))))
            }
            if let text = draft[.period] {
                if let span = YearSpan(text) {
                    if span.first < planSpan.first || span.last > planSpan.last {
                        problems.append(FieldProblem(.period, .plan(.priorityOutsidePlan(span.text, plan.created.id.description, planSpan.text))))
                    }
                    period = span.text
                } else {
                    problems.append(FieldProblem(.period, .plan(.priorityBadPeriod(text, planSpan.text))))
                }
            } else {
                period = planSpan.text
            }
        }
        if let p, let theme, let text = draft[.text] {
            return .prioritySet(PrioritySet(id: state.nextID(.priority), kern: p.kern, wijk: p.wijk, theme: theme, text: text,
                                             period: period, meeting: m, plan: planID, involvement: draft[.involvement],
                                             reason: draft[.reason], deviation: deviation ? true : nil))
        } else { return nil }
    }

    /// The plan a priority of `kern` belongs to: the plan whose period holds the period typed (when it
    /// names years), else the plan the kern works with today.
    func planFor(kern: String) -> PlanRecord? {
        if let text = draft[.period], let span = YearSpan(text),
           let plan = state.plans(kern: kern).last(where: { $0.created.years.contains(span.first) }) {
            return plan
        }
        return state.currentPlan(kern: kern, on: today)
    }

    /// Closing a priority, once.
    mutating func closePriorityEvent() -> Event? {
        let t = existingTarget([.priority])
        if let t, state.closedPriorities[t] != nil { problems.append(FieldProblem(.id, .alreadyClosed(t.description))) }
        return t.map { .priorityClosed(PriorityClosed(ref: $0, reason: draft[.reason])) }
    }
}
