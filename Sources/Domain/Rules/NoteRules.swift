/// The rules for notes under an agenda item, and for which meeting and item a new record belongs to.
/// Each function reads a draft and returns its event, or nil with the problems noted (see `DraftCheck`).
extension DraftCheck {
    /// A note: under the item named (`--item AP-n`), the item the caller passed, or the item under
    /// discussion in an open meeting; never under an item of a closed (sealed) meeting.
    mutating func noteEvent() -> Event? {
        var item: AgendaItemAdded?
        if draft[.item] != nil {
            item = itemRef()
        } else if let target, target.kind == .agendaItem {
            if let t = state.agenda[target], !t.isWithdrawn { item = t.value } else { problems.append(FieldProblem(.item, .unknownRecord(target.description))) }
        } else if let meeting, let current = state.currentItem(meeting) {
            item = current
        } else {
            let current = state.openMeetings().compactMap { state.currentItem($0.id) }
            if current.count == 1 { item = current[0] }
            else { problems.append(FieldProblem(.item, current.isEmpty ? .noItemUnderDiscussion : .severalItemsUnderDiscussion)) }
        }
        if let item, state.phase(of: item.meeting) == .closed {
            problems.append(FieldProblem(.item, .meetingClosed(item.meeting.description)))
            return nil
        }
        guard let item, let text = draft[.text] else { return nil }
        return .noteAdded(NoteAdded(id: state.nextID(.note), meeting: item.meeting, item: item.id, kern: item.kern, wijk: item.wijk, text: text))
    }

    /// The agenda item named in `--item`: it must exist and stand, and its meeting must not be closed.
    mutating func itemRef() -> AgendaItemAdded? {
        guard let text = draft[.item] else { return nil }
        guard let id = RecordID(text), id.kind == .agendaItem, let t = state.agenda[id], !t.isWithdrawn else {
            problems.append(FieldProblem(.item, .unknownRecord(text)))
            return nil
        }
        if state.phase(of: t.value.meeting) == .closed {
            problems.append(FieldProblem(.item, .meetingClosed(t.value.meeting.description)))
            return nil
        }
        if let named = draft[.meeting].flatMap(RecordID.init), named != t.value.meeting {
            problems.append(FieldProblem(.item, .itemOfOtherMeeting(id.description, t.value.meeting.description)))
            return nil
        }
        return t.value
    }
}
