/// The rules for the kern/wijkenplan and its cycle.
/// Each function reads a draft of one kind and returns its event, or nil with the problems noted
/// (see `DraftCheck`).
extension DraftCheck {
    /// A plan for a kern: a period of years, four unless a reason is given (beleidsplan 1.2 "Aanpak op
    /// hoofdlijnen": "Voor elke kern komt er elke vier jaar een plan"; bijlage 2, 7: "looptijd van 4
    /// jaar"); not overlapping another plan of the same kern.
    mutating func planEvent() -> Event? {
        var kern: Kern?
        if let k = draft[.kern] {
            kern = ref.kern(named: k)
            if kern == nil { problems.append(FieldProblem(.kern, .unknownKern(k, known: ref.kernen.map(\.name)))) }
        }
        var span: YearSpan?
        if let text = draft[.period] {
            span = YearSpan(text)
            if span == nil { problems.append(FieldProblem(.period, .plan(.planPeriodBad(text)))) }
        }
        if let span, span.count != 4, draft[.reason] == nil {
            problems.append(FieldProblem(.period, .plan(.planLengthNeedsReason(span.count))))
        }
        if let kern, let span, let other = state.plans(kern: kern.name).first(where: { $0.created.years.overlaps(span.years) }) {
            problems.append(FieldProblem(.period, .plan(.planOverlaps(other.created.id.description, other.created.period))))
        }
        guard let kern, let span else { return nil }
        return .planCreated(PlanCreated(id: state.nextID(.plan), kern: kern.name, startYear: span.first, endYear: span.last,
                                        reason: draft[.reason]))
    }

    /// The plan moves one phase on (beleidsplan 1.2 "Kern/wijkplannen": the cycle of analysis,
    /// priorities, plan van aanpak, execution, evaluation/adjustment, after the schouw that starts it).
    /// Entering `prioriteiten` means the stuurgroep adopted the analysis and the priorities (2.3
    /// "Planning": "Juli 2009: Vaststellen kern/wijkenanalyse en prioriteiten door stuurgroep"): it names
    /// that stuurgroep decision. The date is not before the previous step and not in the future.
    mutating func planPhaseEvent() -> Event? {
        let t = existingTarget([.plan]), phase = choice(.phase, PlanPhase.self)
        let plan = t.flatMap { state.plans[$0]?.value }
        if let t, state.plans[t]?.isWithdrawn == true { problems.append(FieldProblem(.id, .alreadyWithdrawn(t.description))) }
        if let plan, let phase, phase != plan.phase.next {
            problems.append(FieldProblem(.phase, phase == plan.phase
                ? .statusUnchanged(phase.rawValue)
                : .plan(.phaseNotNext(plan.phase.rawValue, phase.rawValue, plan.phase.next.rawValue))))
        }
        let decision = decision(.decision, by: phase == .prioriteiten ? .stuurgroep : nil, kern: plan?.created.kern)
        if phase == .prioriteiten, draft[.decision] == nil { problems.append(FieldProblem(.decision, .plan(.adoptionNeedsStuurgroep))) }
        let date = day(.date, default: today)
        if let date, date > today { problems.append(FieldProblem(.date, .plan(.dateInFuture(date.description)))) }
        if let date, let last = plan?.steps.last, date < last.date {
            problems.append(FieldProblem(.date, .plan(.phaseDateBefore(date.description, last.phase.rawValue, last.date.description))))
        }
        guard let t, let phase, let date else { return nil }
        return .planPhaseSet(PlanPhaseSet(ref: t, phase: phase, decision: decision, date: date))
    }
}
