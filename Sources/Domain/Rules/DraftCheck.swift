/// One draft being checked: what the rules read (the state, the draft, the meeting and target the
/// caller passed) and the problems found so far. The readers below note a problem and return nil, so a
/// rule can read every field and report all that is wrong at once.
struct DraftCheck {
    let state: KernteamState
    let today: Day
    let settings: Settings
    let draft: Draft
    let meeting: RecordID?
    let target: RecordID?
    var problems: [FieldProblem] = []

    var ref: ReferenceData { state.reference }

    /// The place named in `wijk` (a wijk or a kern).
    mutating func place() -> Place? {
        guard let text = draft[.wijk] else { return nil }
        if let p = ref.place(named: text) { return p }
        problems.append(FieldProblem(.wijk, .unknownWijk(text, known: ref.placeNames)))
        return nil
    }

    /// A date typed in `field`, or `fallback` when none was typed. A day without a year (`15-01`) is
    /// the next one for a deadline (or `toward` .future), the last one up to today for anything else.
    mutating func day(_ field: DraftField, default fallback: Day?, toward: Day.Toward? = nil) -> Day? {
        guard let text = draft[field] else { return fallback }
        if let d = Day(typed: text, today: today, toward: toward ?? (field == .due ? .future : .past)) { return d }
        problems.append(FieldProblem(field, .badDate(text)))
        return nil
    }

    /// One of a closed list of words.
    mutating func choice<E: CaseIterable & RawRepresentable>(_ field: DraftField, _ type: E.Type) -> E? where E.RawValue == String {
        guard let text = draft[field] else { return nil }
        if let v = E.parse(text) { return v }
        problems.append(FieldProblem(field, .unknownChoice(text, options: E.allCases.map(\.rawValue))))
        return nil
    }

    /// The meeting typed in the draft, else the one the caller passed; either must exist. A closed
    /// meeting is sealed: naming it is refused, and when it only came from the screen (the meeting shown
    /// is closed) the record belongs to no meeting.
    mutating func meetingRef() -> RecordID? {
        guard let text = draft[.meeting] else {
            // A meeting passed in by the caller must exist just like one typed in the draft.
            guard let meeting else { return nil }
            guard state.meetings.contains(meeting) else {
                problems.append(FieldProblem(.meeting, .unknownRecord(meeting.description)))
                return nil
            }
            return state.phase(of: meeting) == .closed ? nil : meeting
        }
        guard let id = RecordID(text), id.kind == .meeting, state.meetings.contains(id) else {
            problems.append(FieldProblem(.meeting, .unknownRecord(text)))
            return nil
        }
        if state.phase(of: id) == .closed {
            problems.append(FieldProblem(.meeting, .meetingClosed(id.description)))
            return nil
        }
        return id
    }

    /// The meeting to link a record about `place` to: the meeting of the item named (`--item`), the one
    /// named or on the screen, else the open meeting of the record's kern (what is recorded while a
    /// meeting runs belongs to it, also from the command line). One of another kern is refused when
    /// typed, and simply not linked when it only came from the screen's current meeting.
    mutating func meetingFor(_ place: Place?) -> RecordID? {
        if draft[.item] != nil {
            guard let item = itemRef() else { return nil }
            if let place, item.kern != place.kern {
                problems.append(FieldProblem(.item, .meetingOtherKern(item.meeting.description, item.kern)))
                return nil
            }
            return item.meeting
        }
        guard let m = meetingRef() else {
            guard draft[.meeting] == nil, meeting == nil, let place else { return nil }
            return state.openMeetings().first { $0.kern == place.kern }?.id
        }
        guard let place, let kern = state.meetings[m]?.value.kern, kern != place.kern else { return m }
        if draft[.meeting] != nil { problems.append(FieldProblem(.meeting, .meetingOtherKern(m.description, kern))) }
        return nil
    }

    /// The record the entry is about, which must exist and be of one of `kinds`.
    mutating func existingTarget(_ kinds: [RecordID.Kind]) -> RecordID? {
        guard let target, kinds.contains(target.kind), state.exists(target) else {
            problems.append(FieldProblem(.id, .unknownRecord(target?.description ?? "")))
            return nil
        }
        return target
    }

    mutating func reasonRequired(_ needed: Bool, _ message: Text) {
        if needed && draft[.reason] == nil { problems.append(FieldProblem(.reason, message)) }
    }

    /// Record ids separated by commas or spaces; each must exist.
    mutating func ids(_ field: DraftField) -> [RecordID]? {
        guard let text = draft[field] else { return nil }
        var out: [RecordID] = []
        for part in text.split(whereSeparator: { $0 == "," || $0 == " " }) where !part.isEmpty {
            if let id = RecordID(String(part)), state.exists(id) { out.append(id) }
            else { problems.append(FieldProblem(field, .unknownRecord(String(part)))) }
        }
        return out
    }
}
