/// The rules for meetings: preparing, opening, reopening, attendance.
/// Each function reads a draft of one kind and returns its event, or nil with the problems noted
/// (see `DraftCheck`).
extension DraftCheck {
    /// A meeting of a kern: a known kern, a date, a length of 10 to 600 minutes.
    mutating func meetingEvent() -> Event? {
        var kern: Kern?
        if let k = draft[.kern] {
            kern = ref.kern(named: k)
            if kern == nil { problems.append(FieldProblem(.kern, .unknownKern(k, known: ref.kernen.map(\.name)))) }
        }
        let date = day(.date, default: nil, toward: .future)
        var length: Int?
        if let l = draft[.length] {
            length = Int(l)
            if length == nil || !(10...600).contains(length!) { problems.append(FieldProblem(.length, .badMinutes(l))); length = nil }
        }
        return kern.flatMap { k in date.map { .meetingHeld(MeetingHeld(id: state.nextID(.meeting), kern: k.name, date: $0, length: length)) } }
    }

    /// Opening a prepared meeting.
    mutating func openMeetingEvent() -> Event? {
        let t = existingTarget([.meeting])
        if let t {
            switch state.phase(of: t) {
            case .open: problems.append(FieldProblem(.meeting, .meetingAlreadyOpen(t.description)))
            case .closed: problems.append(FieldProblem(.meeting, .meetingClosed(t.description)))
            case .prepared: break
            }
        }
        return t.map { .meetingOpened(MeetingOpened(ref: $0)) }
    }

    /// Reopening a closed meeting needs a decision taken outside it.
    mutating func reopenMeetingEvent() -> Event? {
        let t = existingTarget([.meeting])
        if let t, state.phase(of: t) != .closed { problems.append(FieldProblem(.meeting, .meetingNotClosed(t.description))) }
        var decision: RecordID?
        if let d = draft[.decision] {
            if let id = RecordID(d), id.kind == .decision, let taken = state.decisions[id], !taken.isWithdrawn {
                // Reopening is decided outside the sealed meeting, by the same kern.
                if let t, taken.value.meeting == t { problems.append(FieldProblem(.decision, .reopenDecisionInside(id.description, t.description))) }
                else if let t, let kern = state.meetings[t]?.value.kern, taken.value.kern != kern {
                    problems.append(FieldProblem(.decision, .decisionOtherKern(d)))
                } else { decision = id }
            } else { problems.append(FieldProblem(.decision, .unknownRecord(d))) }
        }
        return (t != nil && decision != nil) ? .meetingReopened(MeetingReopened(ref: t!, decision: decision!)) : nil
    }

    /// Who was there, per organisation, while the meeting is not closed. An ad-hoc member comes with a
    /// name (the plan lets others join "op ad hoc basis", 1.2) and may be from any organisation, also one
    /// outside the reference data; an organisation's seat without a name must be a known organisation.
    mutating func attendanceEvent() -> Event? {
        let t = existingTarget([.meeting]), status = choice(.attendance, AttendanceStatus.self)
        let name = draft[.name]
        if let name, name.count > Self.maxAttendeeLength { problems.append(FieldProblem(.name, .tooLong(Self.maxAttendeeLength))) }
        var org: String?
        if let o = draft[.org] {
            if let known = ref.organisation(named: o) {
                org = known.name
            } else if name != nil {
                if o.count > Self.maxAttendeeLength { problems.append(FieldProblem(.org, .tooLong(Self.maxAttendeeLength))) } else { org = o }
            } else {
                problems.append(FieldProblem(.org, .unknownOrganisation(o, known: ref.organisations.map(\.name))))
                problems.append(FieldProblem(.org, .plan(.adHocNeedsName(o)), fix: .name))
            }
        }
        if let t, state.phase(of: t) == .closed { problems.append(FieldProblem(.meeting, .meetingClosed(t.description))) }
        guard let t, let org, let status, problems.isEmpty else { return nil }
        return .attendanceRecorded(AttendanceRecorded(meeting: t, org: org, status: status, name: name))
    }

    /// An organisation or a person's name on the attendance list: a line of the minutes, not a story.
    static let maxAttendeeLength = 80

    /// How many residents were there (0 to 10,000), while the meeting is not closed.
    mutating func residentsEvent() -> Event? {
        let t = existingTarget([.meeting])
        var count: Int?
        if let c = draft[.count] {
            count = Int(c)
            if count == nil || count! < 0 || count! > 10_000 { problems.append(FieldProblem(.count, .badCount(c))); count = nil }
        }
        if let t, state.phase(of: t) == .closed { problems.append(FieldProblem(.meeting, .meetingClosed(t.description))) }
        return (t != nil && count != nil) ? .residentsCounted(ResidentsCounted(meeting: t!, count: count!)) : nil
    }
}
