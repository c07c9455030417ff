/// The rules for priorities per wijk.
/// Each function reads a draft of one kind and returns its event, or nil with the problems noted
/// (see `DraftCheck`).
extension DraftCheck {
    /// A priority for a place: at most five active per wijk.
    mutating func priorityEvent() -> Event? {
        let p = place(), theme = choice(.theme, Theme.self), m = meetingRef()
        if let p {
            let active = state.activePriorities(wijk: p.wijk, kern: p.kern)
            if active.count >= 5 {
                problems.append(FieldProblem(.wijk, .priorityCap(p.label, active.map(\.id.description))))
            }
        }
        if let p, let theme, let text = draft[.text] {
            return .prioritySet(PrioritySet(id: state.nextID(.priority), kern: p.kern, wijk: p.wijk, theme: theme, text: text,
                                             period: draft[.period], meeting: m))
        } else { return nil }
    }

    /// Closing a priority, once.
    mutating func closePriorityEvent() -> Event? {
        let t = existingTarget([.priority])
        if let t, state.closedPriorities[t] != nil { problems.append(FieldProblem(.id, .alreadyClosed(t.description))) }
        return t.map { .priorityClosed(PriorityClosed(ref: $0, reason: draft[.reason])) }
    }
}
