import Foundation

/// What the minutes of a meeting say, worked out once for the concept minutes on screen and for the
/// documents: who was there, then per agenda item in the chair's order its time, outcome and notes and
/// what was recorded while it was under discussion, then what was recorded outside an item, then what
/// was withdrawn. Withdrawn records appear only in that appendix.
public struct MinutesContent: Sendable {
    /// What an agenda item holds in the minutes.
    public struct ItemPart: Sendable {
        public var item: AgendaItemAdded?
        public var number: Int
        /// Seconds under discussion; nil when the item was never taken up.
        public var secondsUsed: Int?
        public var outcome: ItemOutcome?
        /// Taken up and not ended yet.
        public var running: Bool
        public var notes: [NoteAdded] = []
        public var decisions: [DecisionTaken] = []
        public var actions: [ActionRecord] = []
        /// Signals and initiatives brought in during the item (the record's own text).
        public var signals: [SignalRecorded] = []
        public var initiatives: [InitiativeRecorded] = []
        /// Triage decided while the item ran: the signal or initiative, the route or outcome, the reason.
        public var triaged: [(id: RecordID, text: String, verdict: String, reason: String?)] = []
        public var levels: [ParticipationSet] = []

        public var isEmpty: Bool {
            notes.isEmpty && decisions.isEmpty && actions.isEmpty && signals.isEmpty && initiatives.isEmpty && triaged.isEmpty && levels.isEmpty
        }
    }

    public var meeting: MeetingHeld
    public var closed: Bool
    /// Organisations per attendance status, alphabetically.
    public var attendance: [(status: AttendanceStatus, orgs: [String])]
    public var residents: Int?
    public var items: [ItemPart]
    /// What belongs to the meeting but to no item.
    public var outside: ItemPart
    /// Withdrawn records of the meeting: id, what it was, why.
    public var withdrawn: [(id: RecordID, what: String, reason: String)]

    public init?(meeting id: RecordID, state: KernteamState, now: Date) {
        guard let meeting = state.meetings[id]?.value else { return nil }
        self.meeting = meeting
        closed = state.phase(of: id) == .closed
        let present = state.attendance[id] ?? [:]
        // Present first, then who sent apologies, then who stayed away without a word.
        attendance = [AttendanceStatus.aanwezig, .afgemeld, .afwezig].compactMap { status in
            let orgs = present.filter { $0.value == status }.map(\.key).sorted()
            return orgs.isEmpty ? nil : (status, orgs)
        }
        residents = state.residentsPresent[id]

        let agenda = state.orderedAgenda(id)
        var parts: [RecordID: ItemPart] = [:]
        for (n, item) in agenda.enumerated() {
            let runs = state.itemRuns[item.id] ?? []
            parts[item.id] = ItemPart(item: item, number: n + 1, secondsUsed: runs.isEmpty ? nil : state.timeUsed(item, now: now),
                                      outcome: state.itemOutcome[item.id], running: state.currentItem(id)?.id == item.id)
        }
        var outside = ItemPart(item: nil, number: 0, secondsUsed: nil, outcome: nil, running: false)
        /// The part a record of this meeting goes to: its item's, or the one outside the items.
        func add(_ item: RecordID?, _ change: (inout ItemPart) -> Void) {
            if let item, parts[item] != nil { change(&parts[item]!) } else { change(&outside) }
        }
        var withdrawn: [(RecordID, String, String)] = []
        for t in state.notes.items where t.value.meeting == id {
            if let r = t.withdrawnReason { withdrawn.append((t.value.id, t.value.text, r)) } else { add(t.value.item) { $0.notes.append(t.value) } }
        }
        for t in state.decisions.items where t.value.meeting == id {
            if let r = t.withdrawnReason { withdrawn.append((t.value.id, t.value.text, r)) } else { add(t.value.item) { $0.decisions.append(t.value) } }
        }
        for t in state.actions.items where t.value.created.meeting == id {
            if let r = t.withdrawnReason { withdrawn.append((t.value.created.id, t.value.created.title, r)) } else { add(t.value.created.item) { $0.actions.append(t.value) } }
        }
        for t in state.signals.items where t.value.meeting == id {
            if let r = t.withdrawnReason { withdrawn.append((t.value.id, t.value.text, r)) } else { add(t.value.item) { $0.signals.append(t.value) } }
        }
        for t in state.initiatives.items where t.value.recorded.meeting == id {
            let i = t.value.recorded
            if let r = t.withdrawnReason { withdrawn.append((i.id, i.text, r)) } else { add(i.item) { $0.initiatives.append(i) } }
        }
        for t in state.participation.items where t.value.meeting == id {
            if let r = t.withdrawnReason { withdrawn.append((t.value.id, t.value.topic, r)) } else { add(t.value.item) { $0.levels.append(t.value) } }
        }
        for t in state.priorities.items where t.value.meeting == id {
            if let r = t.withdrawnReason { withdrawn.append((t.value.id, t.value.text, r)) }
        }
        for itemID in state.agendaByMeeting[id] ?? [] {
            if let t = state.agenda[itemID], let r = t.withdrawnReason { withdrawn.append((itemID, t.value.title, r)) }
        }
        // Triage decided while an item was under discussion belongs to that item.
        for item in agenda {
            for run in state.itemRuns[item.id] ?? [] {
            for e in state.changeEvents(after: run.startSeq, before: run.endSeq) where state.withdrawnEntries[e.seq] == nil {
                switch state.fact(seq: e.seq)?.event {
                case .signalTriaged(let t)?:
                    guard let s = state.signals[t.ref], !s.isWithdrawn, s.value.kern == meeting.kern else { continue }
                    parts[item.id]!.triaged.append((t.ref, s.value.text, Text.routeLabel(t.route).text, t.reason))
                case .initiativeTriaged(let t)?:
                    guard let i = state.initiatives[t.ref], !i.isWithdrawn, i.value.recorded.kern == meeting.kern else { continue }
                    parts[item.id]!.triaged.append((t.ref, i.value.recorded.text, t.outcome.rawValue, t.reason))
                default:
                    continue
                }
            }
            }
        }
        items = agenda.map { parts[$0.id]! }
        self.outside = outside
        self.withdrawn = withdrawn.sorted { $0.0 < $1.0 }.map { (id: $0.0, what: $0.1, reason: $0.2) }
    }

    /// `12 van 15 min`, `3 min`: the time an item took against its time-box, in whole minutes.
    public static func minutesUsed(_ part: ItemPart) -> String? {
        guard let seconds = part.secondsUsed else { return nil }
        let used = (seconds + 30) / 60
        return part.item?.minutes.map { Text.usedOfPlanned(used, $0).text } ?? Text.minutesShort(used).text
    }
}
