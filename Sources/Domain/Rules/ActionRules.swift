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
        if let p, let owner, let title = draft[.title] {
            return .actionCreated(ActionCreated(id: state.nextID(.action), kern: p.kern, wijk: p.wijk, title: title,
                                                 owner: owner.name, person: draft[.person], due: due,
                                                 result: draft[.result], cost: cost, inform: draft[.inform], meeting: m,
                                                 serves: serves?.isEmpty == false ? serves : nil))
        } else { return nil }
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
