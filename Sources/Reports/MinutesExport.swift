import Foundation
import KernteamDomain

/// The minutes of one meeting: attendance, residents, agenda items with how they ended, decisions,
/// actions (owner, due date, how others are informed) and what residents will be told.
public enum MinutesExport {
    /// Nil when the log has no such meeting. `persons` only when personal data is to be included.
    public static func document(meeting id: RecordID, state: KernteamState, today: Day,
                                persons: [PersonRef: PersonalData]? = nil) -> Document? {
        guard let meeting = state.meetings[id]?.value else { return nil }
        let draft = MinutesDraft(meeting: id, state: state)
        let closed = state.meetingClosed[id]
        let title = closed != nil ? Text.exportMinutesTitle(id.description, meeting.kern, meeting.date.dutch).nl : draft.heading
        var blocks: [Document.Block] = []
        if persons != nil { blocks.append(.note(Text.exportPersonalNote.nl)) }

        // Attendance, per status, organisations in alphabetical order.
        blocks.append(.heading(2, Text.minutesAttendance.nl))
        let present = (state.attendance[id] ?? [:]).sorted { $0.key < $1.key }
        let attendance = AttendanceStatus.allCases.compactMap { status -> String? in
            let orgs = present.filter { $0.value == status }.map(\.key)
            return orgs.isEmpty ? nil : "\(status.rawValue): \(orgs.joined(separator: ", "))"
        }
        blocks.append(.list(attendance.isEmpty ? [Text.minutesNone.nl] : attendance))
        blocks.append(.paragraph(Text.exportResidents(state.residentsPresent[id]).nl))

        // Agenda items in the chair's order, with how each ended.
        blocks.append(.heading(2, Text.minutesAgenda.nl))
        let items = state.orderedAgenda(id)
        if items.isEmpty {
            blocks.append(.paragraph(Text.minutesNone.nl))
        } else {
            // No outcome: still under discussion, not reached before the meeting closed, or (when the
            // chair did not step through the agenda with the program) simply not recorded.
            let closedMeeting = state.phase(of: id) == .closed && items.contains { state.itemStartedAt[$0.id] != nil }
            let rows = items.enumerated().map { n, item -> [String] in
                let outcome = state.itemOutcome[item.id]?.rawValue
                    ?? (state.itemStartedAt[item.id] != nil ? Text.exportInProgress.nl : (closedMeeting ? Text.exportNotDiscussed.nl : ""))
                return [String(n + 1), item.id.description, item.title, Fmt.place(item.kern, item.wijk),
                        item.minutes.map(String.init) ?? "", outcome]
            }
            blocks.append(.table(header: [Text.exportNumberColumn.nl, Text.fieldLabel(.id).nl, Text.fieldLabel(.topic).nl,
                                          Text.fieldLabel(.wijk).nl, Text.exportMinutesColumn.nl, Text.fieldLabel(.outcome).nl],
                                 rows: rows))
        }

        // Decisions: the same lines the chair read back before closing.
        blocks.append(.heading(2, Text.minutesDecisions.nl))
        let decisions = draft.sections.first { $0.title == Text.minutesDecisions.nl }?.lines ?? [Text.minutesNone.nl]
        blocks.append(.list(decisions))

        // Actions made in this meeting.
        blocks.append(.heading(2, Text.minutesActions.nl))
        let actions = state.actions.items.filter { $0.value.created.meeting == id && !$0.isWithdrawn }
        if actions.isEmpty {
            blocks.append(.paragraph(Text.minutesNone.nl))
        } else {
            blocks.append(.table(
                header: [DraftField.id, .wijk, .title, .owner, .due, .result, .inform].map { Text.fieldLabel($0).nl },
                rows: actions.map { t in
                    let a = t.value.created
                    return [a.id.description, Fmt.place(a.kern, a.wijk), a.title, a.owner + (a.person.map { " (\($0))" } ?? ""),
                            a.due?.dutch ?? "", a.result ?? "", a.inform ?? ""]
                }))
        }

        // What residents will be told about what they brought in.
        blocks.append(.heading(2, Text.minutesFeedback.nl))
        let told = residentsItems(meeting: id, state: state, persons: persons)
        blocks.append(.list(told.isEmpty ? [Text.minutesNone.nl] : told))

        if let closed { blocks.append(.note(Text.exportCheckpoint("\(closed.checkpointSeq):\(closed.checkpointHash)").nl)) }
        return Document(title: title, blocks: blocks, footer: Text.exportGenerated(today.dutch).nl)
    }

    /// Residents' signals and initiatives this meeting dealt with (brought in, decided about or served
    /// by an action of the meeting), each with the feedback given or still to give and the meeting's
    /// actions that inform them.
    static func residentsItems(meeting id: RecordID, state: KernteamState, persons: [PersonRef: PersonalData]?) -> [String] {
        var refs = Set<RecordID>()
        for t in state.signals.items where t.value.meeting == id { refs.insert(t.value.id) }
        for t in state.initiatives.items where t.value.recorded.meeting == id { refs.insert(t.value.recorded.id) }
        let decisions = state.decisions.items.filter { $0.value.meeting == id && !$0.isWithdrawn }
        let actions = state.actions.items.filter { $0.value.created.meeting == id && !$0.isWithdrawn }
        for d in decisions { refs.formUnion(d.value.about ?? []) }
        for a in actions { refs.formUnion(a.value.created.serves ?? []) }
        // Feedback and triage of the kern's initiatives on the meeting's own date were settled there.
        if let meeting = state.meetings[id]?.value {
            for (ref, f) in state.feedback where f.date == meeting.date {
                let kern = state.signals[ref]?.value.kern ?? state.initiatives[ref]?.value.recorded.kern
                if kern == meeting.kern { refs.insert(ref) }
            }
            for t in state.initiatives.items where t.value.triagedOn == meeting.date && t.value.recorded.kern == meeting.kern {
                refs.insert(t.value.recorded.id)
            }
        }

        var lines: [(RecordID, String)] = []
        for ref in refs {
            var head: String
            var personLine: String?
            switch ref.kind {
            case .signal:
                guard let t = state.signals[ref], !t.isWithdrawn else { continue }
                let s = t.value
                guard s.source == .bewoner || s.person != nil || state.feedback[ref] != nil else { continue }
                head = "\(s.id) [\(Fmt.place(s.kern, s.wijk))] \(s.text)"
                personLine = PersonalLine.line(s.person, role: .reporter, persons: persons)
            case .initiative:
                guard let t = state.initiatives[ref], !t.isWithdrawn else { continue }
                let i = t.value.recorded
                head = "\(i.id) [\(Fmt.place(i.kern, i.wijk))] \(i.text)"
                personLine = PersonalLine.line(i.person, role: .initiator, persons: persons)
            default:
                continue
            }
            var parts = [head]
            if ref.kind == .initiative, let outcome = state.initiatives[ref]?.value.outcome {
                parts.append(Text.outcomeLabel(outcome).nl + (state.initiatives[ref]?.value.reason.map { ": \($0)" } ?? ""))
            }
            if let f = state.feedback[ref] {
                parts.append(Text.exportFeedbackGiven(date: f.date.dutch, how: f.how).nl)
            } else {
                parts.append(Text.exportFeedbackPending.nl)
            }
            for a in actions where (a.value.created.serves ?? []).contains(ref) {
                if let inform = a.value.created.inform { parts.append(Text.exportServedBy(a.value.created.id.description, inform).nl) }
            }
            if let personLine { parts.append(personLine) }
            lines.append((ref, parts.joined(separator: " · ")))
        }
        return lines.sorted { $0.0 < $1.0 }.map(\.1)
    }
}
