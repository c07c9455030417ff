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

    /// The day a signal or initiative was judged (`--date`, today when left out): not before it came
    /// in and not in the future, so the turnaround counts the days it really waited.
    mutating func triageDay(recorded: Day?) -> Day? {
        guard let date = day(.date, default: today) else { return nil }
        if let recorded, date < recorded {
            problems.append(FieldProblem(.date, .plan(.triageDateBefore(date.description, recorded.description)))); return nil
        }
        if date > today { problems.append(FieldProblem(.date, .plan(.triageDateFuture(date.description)))); return nil }
        return date
    }

    /// An initiative's outcome; not executable needs a reason, the same outcome twice is refused.
    mutating func triageInitiativeEvent() -> Event? {
        let outcome = choice(.outcome, InitiativeOutcome.self), t = existingTarget([.initiative])
        reasonRequired(outcome == .nietUitvoerbaar, .reasonRequiredNotExecutable)
        if let t, let o = state.initiatives[t]?.value.outcome, o == outcome {
            problems.append(FieldProblem(.outcome, .statusUnchanged(o.rawValue)))
        }
        let date = triageDay(recorded: t.flatMap { state.initiatives[$0]?.value.recorded.date })
        return (t != nil && outcome != nil && date != nil)
            ? .initiativeTriaged(InitiativeTriaged(ref: t!, outcome: outcome!, reason: draft[.reason], date: date!)) : nil
    }
}
