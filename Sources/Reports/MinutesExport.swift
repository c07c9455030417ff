import Foundation
import KernteamDomain

/// The minutes of one meeting: attendance, residents, agenda items with how they ended, decisions,
/// actions (owner, due date, how others are informed) and what residents will be told.
public enum MinutesExport {
    /// Nil when the log has no such meeting. `persons` only when personal data is to be included.
    /// `charts`: add the dashboard of the meeting's kern as it stands (for HTML). `state` is the log as
    /// of `today` (by default the meeting's close); `generated` is the day the document is made.
    public static func document(meeting id: RecordID, state: KernteamState, today: Day,
                                persons: [PersonRef: PersonalData]? = nil, charts: Bool = false, generated: Day? = nil,
                                now: Date = Date()) -> Document? {
        guard let meeting = state.meetings[id]?.value, let content = MinutesContent(meeting: id, state: state, now: now) else { return nil }
        let draft = MinutesDraft(meeting: id, state: state, now: now)
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

        // Who was there: present, sent apologies, absent, and the residents counted.
        blocks.append(.heading(2, Text.minutesAttendance.text))
        let attendance = content.attendance.map { MinutesDraft.statusLabel($0.status) + ": " + $0.orgs.joined(separator: ", ") }
        blocks.append(.list(attendance.isEmpty ? [Text.minutesNone.text] : attendance))
        blocks.append(.paragraph(Text.exportResidents(content.residents).text))

        // What the stuurgroep and other bodies decided for this kern since the kernteam last met.
        let others = MinutesDraft.otherBodiesLines(before: id, state: state)
        if !others.isEmpty {
            blocks.append(.heading(2, Text.plan(.minutesOtherBodies).text))
            blocks.append(.list(others))
        }

        // The agenda at a glance, then each item with what was discussed and recorded under it.
        blocks.append(.heading(2, Text.minutesAgenda.text))
        if content.items.isEmpty {
            blocks.append(.paragraph(Text.minutesNone.text))
        } else {
            let rows = content.items.compactMap { part -> [String]? in
                guard let item = part.item else { return nil }
                return [String(part.number), item.id.description, item.title, Fmt.place(item.kern, item.wijk),
                        MinutesContent.minutesUsed(part) ?? item.minutes.map { Text.minutesShort($0).text } ?? "",
                        MinutesDraft.outcome(part, closed: content.closed) ?? ""]
            }
            blocks.append(.table(header: [Text.exportNumberColumn.text, Text.fieldLabel(.id).text, Text.fieldLabel(.topic).text,
                                          Text.fieldLabel(.wijk).text, Text.exportMinutesColumn.text, Text.fieldLabel(.outcome).text],
                                 rows: rows))
        }
        for part in content.items {
            guard let item = part.item else { continue }
            blocks.append(.heading(2, "\(part.number). \(item.title)"))
            let facts = [item.id.description, item.wijk, MinutesContent.minutesUsed(part), MinutesDraft.outcome(part, closed: content.closed)].compactMap { $0 }
            blocks.append(.paragraph(facts.joined(separator: " · ")))
            blocks += partBlocks(part)
        }
        if !content.outside.isEmpty {
            blocks.append(.heading(2, Text.minutesOutside.text))
            blocks += partBlocks(content.outside)
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
        if !content.withdrawn.isEmpty {
            blocks.append(.heading(2, Text.minutesWithdrawn.text))
            blocks.append(.list(content.withdrawn.map { Text.minutesWithdrawnLine($0.id.description, $0.what, $0.reason).text }))
        }

        for seal in seals.dropLast() where seals.count > 1 {
            blocks.append(.note(Text.minutesEarlierCheckpoint("\(seal.close.checkpointSeq):\(seal.close.checkpointHash)").text))
        }
        if let closed { blocks.append(.note(Text.exportCheckpoint("\(closed.checkpointSeq):\(closed.checkpointHash)").text)) }
        return Document(title: title, meta: [Text.standPer(today.shown).text], blocks: blocks,
                        footer: Text.exportGenerated((generated ?? today).shown).text)
    }

    static func moment(_ timestamp: String) -> String { LocalTime.moment(timestamp) }

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

    /// What an item (or the part outside the items) holds: its notes as paragraphs, then its decisions,
    /// actions, what was brought in and assessed, and the participation levels, each under a heading.
    static func partBlocks(_ part: MinutesContent.ItemPart) -> [Document.Block] {
        var out: [Document.Block] = part.notes.map { .paragraph($0.text) }
        if !part.decisions.isEmpty {
            out.append(.heading(3, Text.minutesDecisions.text))
            out.append(.list(part.decisions.map { "\($0.id) [\(Fmt.place($0.kern, $0.wijk))] \($0.text)" }))
        }
        if !part.actions.isEmpty {
            out.append(.heading(3, Text.minutesActions.text))
            // A cancelled action is shown as cancelled, never as live work.
            out.append(.table(
                header: [DraftField.id, .wijk, .title, .owner, .due, .cost, .inform, .status].map { Text.fieldLabel($0).text },
                rows: part.actions.map { a in
                    let c = a.created
                    let status = a.status == .vervallen ? "✕ vervallen" + (a.statusReason.map { ": \($0)" } ?? "") : a.status.rawValue
                    return [c.id.description, Fmt.place(c.kern, c.wijk), c.title, c.owner + (c.person.map { " (\($0))" } ?? ""),
                            c.due?.shown ?? "", c.cost?.dutch ?? "", c.inform ?? "", status]
                }))
        }
        let brought = part.signals.map { "\($0.id) [\(Fmt.place($0.kern, $0.wijk))] \($0.text)" }
            + part.initiatives.map { "\($0.id) [\(Fmt.place($0.kern, $0.wijk))] \($0.text)" }
        if !brought.isEmpty {
            out.append(.heading(3, Text.minutesSignalsIn.text))
            out.append(.list(brought))
        }
        if !part.triaged.isEmpty {
            out.append(.heading(3, Text.minutesTriaged.text))
            out.append(.list(part.triaged.map { "\($0.id) \($0.text) → \($0.verdict)" + ($0.reason.map { " (\($0))" } ?? "") }))
        }
        if !part.levels.isEmpty {
            out.append(.heading(3, Text.minutesLevels.text))
            out.append(.list(part.levels.map { "\($0.id) \($0.topic): \($0.level.rawValue)" + ($0.work.map { " (\($0.rawValue))" } ?? "") }))
        }
        return out
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
            for (ref, f) in state.feedback.entries where f.date == meeting.date {
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
