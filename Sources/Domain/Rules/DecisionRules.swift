/// The rules for decisions, of the kernteam and of the other bodies the plan names.
/// Each function reads a draft of one kind and returns its event, or nil with the problems noted
/// (see `DraftCheck`).
extension DraftCheck {
    /// A decision about a place, taken by a body (the kernteam when none is named). A decision of
    /// another body (stuurgroep, projectgroep, klankbordgroep; beleidsplan 1.2 and 2.1) was not taken in
    /// a kernteam meeting: it is not linked to one (naming one is refused) and carries its own date
    /// (today when left out).
    mutating func decisionEvent() -> Event? {
        let p = place(), body = choice(.body, DecisionBody.self) ?? (draft[.body] == nil ? .kernteam : nil)
        var m: RecordID?
        if body == .kernteam {
            m = meetingFor(p)
        } else if let body, draft[.meeting] != nil {
            problems.append(FieldProblem(.meeting, .plan(.bodyNotInMeeting(body.rawValue))))
        }
        let date = day(.date, default: body == .kernteam || body == nil ? nil : today)
        if let date, date > today { problems.append(FieldProblem(.date, .plan(.dateInFuture(date.description)))) }
        if let p, let body, let text = draft[.text] {
            return .decisionTaken(DecisionTaken(id: state.nextID(.decision), kern: p.kern, wijk: p.wijk, text: text, meeting: m,
                                                body: body, date: date))
        } else { return nil }
    }
}

extension DraftCheck {
    /// The decision typed in `field` (`B-3`), if it stands and was taken by `body` (any body when nil)
    /// for `kern` (any when nil); otherwise the problem is noted and nil returned.
    mutating func decision(_ field: DraftField, by body: DecisionBody?, kern: String?) -> RecordID? {
        guard let text = draft[field] else { return nil }
        guard let id = RecordID(text), id.kind == .decision, let taken = state.decisions[id], !taken.isWithdrawn else {
            problems.append(FieldProblem(field, .unknownRecord(text)))
            return nil
        }
        if let kern, taken.value.kern != kern {
            problems.append(FieldProblem(field, .decisionOtherKern(text)))
            return nil
        }
        if let body, taken.value.takenBy != body {
            problems.append(FieldProblem(field, .plan(.decisionOfOtherBody(id.description, taken.value.takenBy.rawValue, body.rawValue))))
            return nil
        }
        return id
    }
}
