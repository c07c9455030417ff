import Foundation
import KernteamDomain

/// The section for the newsletter to professionals after a meeting: progress, what was discussed,
/// which actions were started, and whom to contact. Never holds residents' personal data: the contact
/// persons are the professionals who own the new actions.
public enum NewsletterExport {
    /// `state` is the log as of `today` (by default the meeting's close); `generated` is the day it is made.
    public static func document(meeting id: RecordID, state: KernteamState, today: Day, generated: Day? = nil) -> Document? {
        guard let tracked = state.meetings[id] else { return nil }
        let meeting = tracked.value
        var blocks: [Document.Block] = [.paragraph(Text.exportNewsletterIntro(meeting.kern).text)]

        // Progress: the kern's actions as they stand, what was reported done at this meeting (status
        // changes logged from this meeting's record until the next meeting's), and the decisions.
        blocks.append(.heading(2, Text.exportProgress.text))
        let kernActions = state.actions.items.filter { !$0.isWithdrawn && $0.value.created.kern == meeting.kern }.map(\.value)
        blocks.append(.paragraph("\(Text.exportActionsHeading.text) (\(Text.exportStandOn(today.shown).text)): " + Text.exportActionCounts(
            done: kernActions.filter { $0.status == .gereed }.count, open: kernActions.filter { $0.status.isOpen }.count,
            overdue: kernActions.filter { $0.isOverdue(today: today) }.count,
            dropped: kernActions.filter { $0.status == .vervallen }.count).text))
        let next = state.meetings.items.filter {
            !$0.isWithdrawn && $0.value.kern == meeting.kern && ($0.value.date, $0.seq) > (meeting.date, tracked.seq)
        }.map(\.seq).min() ?? Int.max
        let done = state.actions.items.filter { t in
            !t.isWithdrawn && t.value.status == .gereed && t.value.created.kern == meeting.kern
                && t.changes.contains { $0 > tracked.seq && $0 < next }
        }.map { t in
            let a = t.value.created
            return "\(a.id) [\(Fmt.place(a.kern, a.wijk))] \(a.title) (\(a.owner))"
        }
        blocks.append(.heading(3, Text.exportDoneReported.text))
        blocks.append(.list(done.isEmpty ? [Text.minutesNone.text] : done))
        let decisions = state.decisions.items.filter { $0.value.meeting == id && !$0.isWithdrawn }.map { t in
            "\(t.value.id) [\(Fmt.place(t.value.kern, t.value.wijk))] \(t.value.text)"
        }
        blocks.append(.heading(3, Text.minutesDecisions.text))
        blocks.append(.list(decisions.isEmpty ? [Text.minutesNone.text] : decisions))

        // What was discussed.
        blocks.append(.heading(2, Text.exportDiscussed.text))
        let items = state.orderedAgenda(id).map { item in item.title + (item.wijk.map { " (\($0))" } ?? "") }
        blocks.append(.list(items.isEmpty ? [Text.minutesNone.text] : items))

        // Actions started in this meeting.
        blocks.append(.heading(2, Text.exportStarted.text))
        let started = state.actions.items.filter { $0.value.created.meeting == id && !$0.isWithdrawn }.map(\.value.created)
        if started.isEmpty {
            blocks.append(.paragraph(Text.minutesNone.text))
        } else {
            blocks.append(.table(
                header: [DraftField.id, .wijk, .title, .owner, .due, .result].map { Text.fieldLabel($0).text },
                rows: started.map { a in
                    [a.id.description, Fmt.place(a.kern, a.wijk), a.title, a.owner, a.due?.shown ?? "", a.result ?? ""]
                }))
        }

        // Contact persons: per owning organisation, its people on the new actions.
        blocks.append(.heading(2, Text.exportContacts.text))
        var owners: [String] = []
        var people: [String: [String]] = [:]
        var ids: [String: [String]] = [:]
        for a in started {
            if !owners.contains(a.owner) { owners.append(a.owner) }
            if let p = a.person, !(people[a.owner] ?? []).contains(p) { people[a.owner, default: []].append(p) }
            ids[a.owner, default: []].append(a.id.description)
        }
        let contacts = owners.sorted().map { o in
            o + ((people[o] ?? []).isEmpty ? "" : ": " + people[o]!.joined(separator: ", ")) + " (\(ids[o]!.joined(separator: ", ")))"
        }
        blocks.append(.list(contacts.isEmpty ? [Text.minutesNone.text] : contacts))

        return Document(title: Text.exportNewsletterTitle(meeting.kern, meeting.date.shown).text, meta: [Text.standPer(today.shown).text],
                        blocks: blocks, footer: Text.exportGenerated((generated ?? today).shown).text)
    }
}

