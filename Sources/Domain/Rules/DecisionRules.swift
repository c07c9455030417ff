/// The rules for decisions of the kernteam.
/// Each function reads a draft of one kind and returns its event, or nil with the problems noted
/// (see `DraftCheck`).
extension DraftCheck {
    /// A decision of the kernteam about a place.
    mutating func decisionEvent() -> Event? {
        let p = place(), m = meetingFor(p)
        if let p, let text = draft[.text] {
            return .decisionTaken(DecisionTaken(id: state.nextID(.decision), kern: p.kern, wijk: p.wijk, text: text, meeting: m))
        } else { return nil }
    }
}
