/// The rules for actions and their status.
/// Each function reads a draft of one kind and returns its event, or nil with the problems noted
/// (see `DraftCheck`).
extension DraftCheck {
    /// An action: a known place and organisation, a due date, a cost of zero or more, the records it serves.
    mutating func actionEvent() -> Event? {
        let p = place(), due = day(.due, default: nil), m = meetingFor(p)
        var owner: Organisation?
        if let o = draft[.owner] {
            owner = ref.organisation(named: o)
            if owner == nil { problems.append(FieldProblem(.owner, .unknownOrganisation(o, known: ref.organisations.map(\.name)))) }
        }
        var cost: Money?
        if let c = draft[.cost] {
            cost = Money(c)
            if cost == nil || cost!.cents < 0 { problems.append(FieldProblem(.cost, .badAmount(c))); cost = nil }
        }
        let serves = ids(.serves)
        var charged = false
        if let w = draft[.wijkbudget] {
            if let v = Validator.yes(w) { charged = v } else { problems.append(FieldProblem(.wijkbudget, .unknownChoice(w, options: ["ja", "nee"]))) }
        }
        if charged, let p, let cost, cost.cents > 0, draft[.reason] == nil {
            wijkbudgetCheck(cost: cost, place: p, year: due?.year ?? today.year)
        }
        if let p, let owner, let title = draft[.title] {
            return .actionCreated(ActionCreated(id: state.nextID(.action), kern: p.kern, wijk: p.wijk, title: title,
                                                 owner: owner.name, person: draft[.person], due: due,
                                                 result: draft[.result], cost: cost, inform: draft[.inform], meeting: m,
                                                 serves: serves?.isEmpty == false ? serves : nil,
                                                 wijkbudget: charged, reason: draft[.reason]))
        } else { return nil }
    }

    /// A charge to the wijkbudget stays within what remains of the budget it goes to (the wijk's for the
    /// year, else the kern's); more, or a charge where there is no budget, needs a reason (beleidsplan 1.2:
    /// the wijkmanager manages the budget and accounts for it to kernteam and stuurgroep).
    mutating func wijkbudgetCheck(cost: Money, place p: Place, year: Int) {
        guard let (_, remaining) = state.remaining(kern: p.kern, wijk: p.wijk, year: year) else {
            problems.append(FieldProblem(.reason, .plan(.noWijkbudget(place: p.label, year: year)))); return
        }
        if cost.cents > remaining.cents {
            problems.append(FieldProblem(.reason, .plan(.overspend(cost: cost.dutch, remaining: remaining.dutch, place: p.label, year: year))))
        }
    }

    /// A new status for an action: a different one, and a reason to drop it.
    mutating func statusEvent() -> Event? {
        let status = choice(.status, ActionStatus.self)
        guard let target, let action = state.actions[target] else {
            problems.append(FieldProblem(.id, .unknownRecord(target?.description ?? "")))
            return nil
        }
        if status == .vervallen && draft[.reason] == nil {
            problems.append(FieldProblem(.reason, .reasonRequiredToDrop))
        }
        if let status, status == action.value.status {
            problems.append(FieldProblem(.status, .statusUnchanged(status.rawValue)))
        }
        return status.map { .actionStatusChanged(ActionStatusChanged(ref: target, status: $0, reason: draft[.reason])) }
    }
}
