/// The rules for the agenda of a meeting and the item under discussion.
/// Each function reads a draft of one kind and returns its event, or nil with the problems noted
/// (see `DraftCheck`).
extension DraftCheck {
    /// An agenda item: an open meeting of the same kern, 1 to 600 minutes.
    mutating func agendaItemEvent() -> Event? {
        let p = draft[.wijk] == nil ? nil : place()
        var minutes: Int?
        if let m = draft[.minutes] {
            minutes = Int(m)
            if minutes == nil || minutes! <= 0 || minutes! > 600 { problems.append(FieldProblem(.minutes, .badMinutes(m))); minutes = nil }
        }
        let m = meetingRef()
        if m == nil && draft[.meeting] == nil {
            // The meeting on the screen is closed (sealed), or there is none.
            if let meeting, state.phase(of: meeting) == .closed { problems.append(FieldProblem(.meeting, .meetingClosed(meeting.description))) }
            else if meeting == nil { problems.append(FieldProblem(.meeting, .noMeeting)) }
        }
        if let m, let p, let kern = state.meetings[m]?.value.kern, kern != p.kern {
            problems.append(FieldProblem(.wijk, .meetingOtherKern(m.description, kern)))
        }
        return m.flatMap { meetingID in
            draft[.title].map { title in
                let kern = p?.kern ?? state.meetings[meetingID]!.value.kern
                return .agendaItemAdded(AgendaItemAdded(id: state.nextID(.agendaItem), meeting: meetingID, title: title,
                                                        kern: kern, wijk: p?.wijk, minutes: minutes,
                                                        source: draft[.about].flatMap { RecordID($0) }))
            }
        }
    }

    /// The next open item (or the previous one) of an open meeting becomes current.
    mutating func itemStartedEvent(forward: Bool) -> Event? {
        guard let m = existingTarget([.meeting]) else { return nil }
        guard state.phase(of: m) == .open else {
            problems.append(FieldProblem(.meeting, .meetingNotOpen(m.description)))
            return nil
        }
        let items = state.orderedAgenda(m)
        let current = state.currentItem(m)
        let index = current.flatMap { c in items.firstIndex { $0.id == c.id } }
        var next: AgendaItemAdded?
        if forward {
            // The first item after the current one (or from the top) that has not been dealt with.
            let from = index.map { $0 + 1 } ?? 0
            next = items.dropFirst(from).first { state.itemOutcome[$0.id] == nil }
        } else {
            next = index.flatMap { $0 > 0 ? items[$0 - 1] : nil }
        }
        guard let next else {
            problems.append(FieldProblem(.meeting, forward ? .noNextItem : .noPreviousItem))
            return nil
        }
        let outcome = choice(.outcome, ItemOutcome.self) ?? .besproken
        return .agendaItemStarted(AgendaItemStarted(ref: next.id, ended: current?.id, outcome: current == nil ? nil : outcome))
    }

    /// Ending an item of an open meeting with its outcome.
    mutating func endItemEvent() -> Event? {
        let t = existingTarget([.agendaItem]), outcome = choice(.outcome, ItemOutcome.self)
        if let t, let item = state.agenda[t]?.value, state.phase(of: item.meeting) != .open {
            problems.append(FieldProblem(.meeting, .meetingNotOpen(item.meeting.description)))
        }
        return (t != nil && outcome != nil) ? .agendaItemEnded(AgendaItemEnded(ref: t!, outcome: outcome!)) : nil
    }

    /// Moving an agenda item up or down, within its meeting.
    mutating func moveItemEvent() -> Event? {
        guard let t = existingTarget([.agendaItem]), let item = state.agenda[t]?.value else { return nil }
        if state.phase(of: item.meeting) == .closed { problems.append(FieldProblem(.meeting, .meetingClosed(item.meeting.description))) }
        var order = state.orderedAgenda(item.meeting).map(\.id)
        guard let i = order.firstIndex(of: t) else { problems.append(FieldProblem(.id, .unknownRecord(t.description))); return nil }
        let up = (draft[.direction] ?? "op") == "op"
        let j = up ? i - 1 : i + 1
        guard order.indices.contains(j) else { problems.append(FieldProblem(.direction, .cannotMove)); return nil }
        order.swapAt(i, j)
        return .agendaReordered(AgendaReordered(meeting: item.meeting, order: order))
    }

    /// Removing an agenda item (withdrawn with a reason), while the meeting is not closed.
    mutating func removeItemEvent() -> Event? {
        guard let t = existingTarget([.agendaItem]), let item = state.agenda[t] else { return nil }
        if item.isWithdrawn { problems.append(FieldProblem(.id, .alreadyClosed(t.description))) }
        if state.phase(of: item.value.meeting) == .closed { problems.append(FieldProblem(.meeting, .meetingClosed(item.value.meeting.description))) }
        // The default reason is written into the log: Dutch (`.nl`) whatever `--lang` says.
        return .entryWithdrawn(EntryWithdrawn(ref: t, reason: draft[.reason] ?? Text.removedFromAgenda.nl))
    }

    /// A new number of minutes for an agenda item (1 to 600), while the meeting is not closed.
    mutating func timeboxEvent() -> Event? {
        let t = existingTarget([.agendaItem])
        var minutes: Int?
        if let m = draft[.minutes] {
            minutes = Int(m)
            if minutes == nil || !(1...600).contains(minutes!) { problems.append(FieldProblem(.minutes, .badMinutes(m))); minutes = nil }
        }
        if let t, let item = state.agenda[t] {
            if state.phase(of: item.value.meeting) == .closed { problems.append(FieldProblem(.meeting, .meetingClosed(item.value.meeting.description))) }
            if item.isWithdrawn { problems.append(FieldProblem(.id, .alreadyClosed(t.description))) }
            if let minutes, item.value.minutes == minutes { problems.append(FieldProblem(.minutes, .statusUnchanged("\(minutes) min"))) }
        }
        return (t != nil && minutes != nil) ? .entryCorrected(EntryCorrected(ref: t!, fields: ["minutes": String(minutes!)], reason: nil)) : nil
    }

    /// Asking the chair to move on: only while the meeting is open.
    mutating func requestNextEvent() -> Event? {
        guard let m = existingTarget([.meeting]) else { return nil }
        guard state.phase(of: m) == .open else {
            problems.append(FieldProblem(.meeting, .meetingNotOpen(m.description)))
            return nil
        }
        return .nextItemRequested(NextItemRequested(meeting: m))
    }
}
