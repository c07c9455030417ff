/// The rules for residents' initiatives and their outcome.
/// Each function reads a draft of one kind and returns its event, or nil with the problems noted
/// (see `DraftCheck`).
extension DraftCheck {
    /// A residents' initiative.
    mutating func initiativeEvent() -> Event? {
        let p = place(), date = day(.date, default: today), m = meetingFor(p)
        if let p, let date, let text = draft[.text] {
            return .initiativeRecorded(InitiativeRecorded(id: state.nextID(.initiative), kern: p.kern, wijk: p.wijk, text: text,
                                                           date: date, meeting: m))
        } else { return nil }
    }

    /// An initiative's outcome; not executable needs a reason, the same outcome twice is refused.
    mutating func triageInitiativeEvent() -> Event? {
        let outcome = choice(.outcome, InitiativeOutcome.self), t = existingTarget([.initiative])
        reasonRequired(outcome == .nietUitvoerbaar, .reasonRequiredNotExecutable)
        if let t, let o = state.initiatives[t]?.value.outcome, o == outcome {
            problems.append(FieldProblem(.outcome, .statusUnchanged(o.rawValue)))
        }
        let date = day(.date, default: today)
        return (t != nil && outcome != nil && date != nil)
            ? .initiativeTriaged(InitiativeTriaged(ref: t!, outcome: outcome!, reason: draft[.reason], date: date!)) : nil
    }
}
