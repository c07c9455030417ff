import Foundation
import KernteamDomain

/// The minutes of one meeting: attendance, residents, agenda items with how they ended, decisions,
/// actions (owner, due date, how others are informed) and what residents will be told.
public enum MinutesExport {
    /// Nil when the log has no such meeting. `persons` only when personal data is to be included.
    /// `charts`: add the dashboard of the meeting's kern as it stands (for HTML). `state` is the log as
    /// of `today` (by default the meeting's close); `generated` is the day the document is made.
    public static func document(meeting id: RecordID, state: KernteamState, today: Day,
                                persons: [PersonRef: PersonalData]? = nil, charts: Bool = false, generated: Day? = nil) -> Document? {
        guard let meeting = state.meetings[id]?.value else { return nil }
        let draft = MinutesDraft(meeting: id, state: state)
        let closed = state.meetingClosed[id]
        let title = closed != nil ? Text.exportMinutesTitle(id.description, meeting.kern, meeting.date.shown).text : draft.heading
        var blocks: [Document.Block] = []
        if persons != nil { blocks.append(.note(Text.exportPersonalNote.text)) }
        // A reopened meeting says when and by which decision, for every time it happened.
        let seals = state.meetingSeals[id] ?? []
        for seal in seals {
            guard let reopened = seal.reopened else { continue }
            blocks.append(.note(Text.minutesReopened(Self.moment(seal.timestamp), Self.moment(reopened.timestamp),
                                                     reopened.decision.description).text))
        }

        // Attendance, per status, organisations in alphabetical order.
        blocks.append(.heading(2, Text.minutesAttendance.text))
        let present = (state.attendance[id] ?? [:]).sorted { $0.key < $1.key }
        let attendance = AttendanceStatus.allCases.compactMap { status -> String? in
            let orgs = present.filter { $0.value == status }.map(\.key)
            return orgs.isEmpty ? nil : "\(status.rawValue): \(orgs.joined(separator: ", "))"
        }
        blocks.append(.list(attendance.isEmpty ? [Text.minutesNone.text] : attendance))
        blocks.append(.paragraph(Text.exportResidents(state.residentsPresent[id]).text))

        // Agenda items in the chair's order, with how each ended.
        blocks.append(.heading(2, Text.minutesAgenda.text))
        let items = state.orderedAgenda(id)
        if items.isEmpty {
            blocks.append(.paragraph(Text.minutesNone.text))
        } else {
            // No outcome: still under discussion, not reached before the meeting closed, or (when the
            // chair did not step through the agenda with the program) simply not recorded.
            let closedMeeting = state.phase(of: id) == .closed && items.contains { state.itemStartedAt[$0.id] != nil }
            let rows = items.enumerated().map { n, item -> [String] in
                let outcome = state.itemOutcome[item.id]?.rawValue
                    ?? (state.itemStartedAt[item.id] != nil ? Text.exportInProgress.text : (closedMeeting ? Text.exportNotDiscussed.text : ""))
                return [String(n + 1), item.id.description, item.title, Fmt.place(item.kern, item.wijk),
                        item.minutes.map(String.init) ?? "", outcome]
            }
            blocks.append(.table(header: [Text.exportNumberColumn.text, Text.fieldLabel(.id).text, Text.fieldLabel(.topic).text,
                                          Text.fieldLabel(.wijk).text, Text.exportMinutesColumn.text, Text.fieldLabel(.outcome).text],
                                 rows: rows))
        }

        // Decisions: the same lines the chair read back before closing.
        blocks.append(.heading(2, Text.minutesDecisions.text))
        let decisions = draft.sections.first { $0.title == Text.minutesDecisions.text }?.lines ?? [Text.minutesNone.text]
        blocks.append(.list(decisions))
        if let others = draft.sections.first(where: { $0.title == Text.plan(.minutesOtherBodies).text }) {
            blocks.append(.heading(2, others.title))
            blocks.append(.list(others.lines))
        }

        // Actions made in this meeting.
        blocks.append(.heading(2, Text.minutesActions.text))
        let actions = state.actions.items.filter { $0.value.created.meeting == id && !$0.isWithdrawn }
        if actions.isEmpty {
            blocks.append(.paragraph(Text.minutesNone.text))
        } else {
            // A cancelled action is shown as cancelled, never as live work.
            blocks.append(.table(
                header: [DraftField.id, .wijk, .title, .owner, .due, .result, .inform, .status].map { Text.fieldLabel($0).text },
                rows: actions.map { t in
                    let a = t.value.created
                    let status = t.value.status == .vervallen
                        ? "✕ vervallen" + (t.value.statusReason.map { ": \($0)" } ?? "") : t.value.status.rawValue
                    return [a.id.description, Fmt.place(a.kern, a.wijk), a.title, a.owner + (a.person.map { " (\($0))" } ?? ""),
                            a.due?.shown ?? "", a.result ?? "", a.inform ?? "", status]
                }))
        }

        // What residents will be told about what they brought in.
        blocks.append(.heading(2, Text.minutesFeedback.text))
        let told = residentsItems(meeting: id, state: state, persons: persons)
        blocks.append(.list(told.isEmpty ? [Text.minutesNone.text] : told))

        if charts {
            blocks.append(.heading(2, Text.dashboardChartsHeading.text))
            let shown = Dashboard.charts(state: state, kern: meeting.kern, wijk: nil, today: today, year: meeting.date.year)
            blocks += shown.map { .svgChart($0) }
        }

        // What changed after the first close (only a reopened meeting has any), then what was withdrawn.
        if let first = seals.first {
            let later = changedAfter(first.seq, meeting: id, state: state)
            if !later.isEmpty {
                blocks.append(.heading(2, Text.minutesChangedAfterClose.text))
                blocks.append(.list(later))
            }
        }
        let withdrawn = withdrawnRecords(meeting: id, state: state)
        if !withdrawn.isEmpty {
            blocks.append(.heading(2, Text.minutesWithdrawn.text))
            blocks.append(.list(withdrawn))
        }

        for seal in seals.dropLast() where seals.count > 1 {
            blocks.append(.note(Text.minutesEarlierCheckpoint("\(seal.close.checkpointSeq):\(seal.close.checkpointHash)").text))
        }
        if let closed { blocks.append(.note(Text.exportCheckpoint("\(closed.checkpointSeq):\(closed.checkpointHash)").text)) }
        return Document(title: title, meta: [Text.standPer(today.shown).text], blocks: blocks,
                        footer: Text.exportGenerated((generated ?? today).shown).text)
    }

    /// `10-03-2009 20:15` in local time, from a log timestamp.
    static func moment(_ timestamp: String) -> String {
        let asOf = AsOf(through: timestamp)
        let parts = timestamp.split(whereSeparator: { "-T:Z".contains($0) }).compactMap { Int($0) }
        guard parts.count == 6 else { return asOf.day.shown }
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(identifier: "UTC")!
        guard let date = utc.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2], hour: parts[3], minute: parts[4])) else {
            return asOf.day.shown
        }
        let c = Calendar.current.dateComponents([.hour, .minute], from: date)
        return "\(asOf.day.shown) \(c.hour!):\(c.minute! < 10 ? "0" : "")\(c.minute!)"
    }

    /// What the minutes record that was added, corrected or withdrawn after `seq` (the first close): the
    /// meeting's records made later, and corrections and withdrawals of its records, attendance included.
    /// Follow-up (a status change, a triage) is not part of the minutes and is not listed. Oldest first.
    static func changedAfter(_ seq: Int, meeting id: RecordID, state: KernteamState) -> [String] {
        var lines: [(Int, String)] = []
        func changesTheMinutes(_ s: Int) -> Bool {
            switch state.changeEvent(seq: s)?.event {
            case .entryCorrected?, .entryWithdrawn?, .attendanceRecorded?, .residentsCounted?: true
            default: false
            }
        }
        func note(_ rid: RecordID, _ created: Int, _ ts: String, _ text: String, _ changes: [Int]) {
            let steps = state.chain(of: rid, created: (created, ts, text), changes: changes.filter(changesTheMinutes))
            // An entry without an id of its own (attendance …) is named by its number, for a correction.
            for step in steps where step.seq > seq {
                let number = state.fact(seq: step.seq) != nil ? "#\(step.seq) " : ""
                lines.append((step.seq, "\(rid) · \(moment(step.timestamp)) · \(number)\(step.text)"))
            }
        }
        for t in state.decisions.items where t.value.meeting == id { note(t.value.id, t.seq, t.timestamp, t.value.text, t.changes) }
        for t in state.actions.items where t.value.created.meeting == id { note(t.value.created.id, t.seq, t.timestamp, t.value.created.title, t.changes) }
        for t in state.signals.items where t.value.meeting == id { note(t.value.id, t.seq, t.timestamp, t.value.text, t.changes) }
        for t in state.participation.items where t.value.meeting == id { note(t.value.id, t.seq, t.timestamp, t.value.topic, t.changes) }
        for t in state.initiatives.items where t.value.recorded.meeting == id { note(t.value.recorded.id, t.seq, t.timestamp, t.value.recorded.text, t.changes) }
        for t in state.priorities.items where t.value.meeting == id { note(t.value.id, t.seq, t.timestamp, t.value.text, t.changes) }
        for itemID in state.agendaByMeeting[id] ?? [] {
            if let t = state.agenda[itemID] { note(itemID, t.seq, t.timestamp, t.value.title, t.changes) }
        }
        if let m = state.meetings[id] { note(id, m.seq, m.timestamp, m.value.date.shown, m.changes) }
        return lines.sorted { $0.0 < $1.0 }.map(\.1)
    }

    /// The meeting's withdrawn records, with what they were and why they were withdrawn.
    static func withdrawnRecords(meeting id: RecordID, state: KernteamState) -> [String] {
        var lines: [(RecordID, String)] = []
        func add<V>(_ t: Tracked<V>, _ rid: RecordID, _ what: String) {
            if let reason = t.withdrawnReason { lines.append((rid, Text.minutesWithdrawnLine(rid.description, what, reason).text)) }
        }
        for t in state.decisions.items where t.value.meeting == id { add(t, t.value.id, t.value.text) }
        for t in state.actions.items where t.value.created.meeting == id { add(t, t.value.created.id, t.value.created.title) }
        for t in state.signals.items where t.value.meeting == id { add(t, t.value.id, t.value.text) }
        for t in state.participation.items where t.value.meeting == id { add(t, t.value.id, t.value.topic) }
        for t in state.initiatives.items where t.value.recorded.meeting == id { add(t, t.value.recorded.id, t.value.recorded.text) }
        for t in state.priorities.items where t.value.meeting == id { add(t, t.value.id, t.value.text) }
        for itemID in state.agendaByMeeting[id] ?? [] { if let t = state.agenda[itemID] { add(t, itemID, t.value.title) } }
        return lines.sorted { $0.0 < $1.0 }.map(\.1)
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
                parts.append(Text.outcomeLabel(outcome).text + (state.initiatives[ref]?.value.reason.map { ": \($0)" } ?? ""))
            }
            if let f = state.feedback[ref] {
                parts.append(Text.exportFeedbackGiven(date: f.date.shown, how: f.how).text)
            } else {
                parts.append(Text.exportFeedbackPending.text)
            }
            for a in actions where (a.value.created.serves ?? []).contains(ref) {
                if let inform = a.value.created.inform { parts.append(Text.exportServedBy(a.value.created.id.description, inform).text) }
            }
            if let personLine { parts.append(personLine) }
            lines.append((ref, parts.joined(separator: " · ")))
        }
        return lines.sorted { $0.0 < $1.0 }.map(\.1)
    }
}
