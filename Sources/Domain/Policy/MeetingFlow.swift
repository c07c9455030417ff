import Foundation

/// Where a meeting is in its life: prepared (agenda being made) → open (items) → closed.
public enum MeetingPhase: String, Sendable {
    case prepared, open, closed
}

extension KernteamState {
    public func phase(of meeting: RecordID) -> MeetingPhase {
        if meetingClosed[meeting] != nil { return .closed }
        return meetingOpenedAt[meeting] != nil ? .open : .prepared
    }

    /// Meetings that are open now, latest first.
    /// Runs on every record made without a meeting, so it walks only the meetings ever opened (not every
    /// meeting in the log), and usually finds none left open.
    public func openMeetings() -> [MeetingHeld] {
        var open: [Tracked<MeetingHeld>] = []
        for id in openMeetingIDs {
            if let t = meetings[id], !t.isWithdrawn { open.append(t) }
        }
        return open.sorted { $0.seq > $1.seq }.map(\.value)
    }

    /// The meeting's agenda items in the chair's order: the explicit order first, then items added since.
    public func orderedAgenda(_ meeting: RecordID) -> [AgendaItemAdded] {
        let items = (agendaByMeeting[meeting] ?? []).compactMap { agenda[$0] }.filter { !$0.isWithdrawn }.map(\.value)
        let order = agendaOrder[meeting] ?? []
        let position = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
        return items.enumerated().sorted {
            (position[$0.element.id] ?? order.count + $0.offset) < (position[$1.element.id] ?? order.count + $1.offset)
        }.map(\.element)
    }

    /// The item being discussed now: started and not yet ended, in an open meeting.
    public func currentItem(_ meeting: RecordID) -> AgendaItemAdded? {
        guard phase(of: meeting) == .open else { return nil }
        return orderedAgenda(meeting).filter { itemStartedAt[$0.id] != nil && itemOutcome[$0.id] == nil }
            .max { (itemStartedAt[$0.id] ?? "") < (itemStartedAt[$1.id] ?? "") }
    }

    /// Seconds an agenda item was under discussion: its finished runs, plus the running one up to `now`.
    public func timeUsed(_ item: AgendaItemAdded, now: Date) -> Int {
        (itemRuns[item.id] ?? []).reduce(0) { sum, run in
            guard let from = Self.epochSeconds(run.start) else { return sum }
            let to = run.end.flatMap(Self.epochSeconds) ?? Int(now.timeIntervalSince1970)
            return sum + max(0, to - from)
        }
    }

    /// Total planned minutes of a meeting's agenda.
    public func plannedMinutes(_ meeting: RecordID) -> Int {
        // Minutes are range-checked when read (ReadLimits); the sum still saturates rather than traps.
        orderedAgenda(meeting).reduce(0) { total, item in
            let (sum, overflow) = total.addingReportingOverflow(item.minutes ?? 0)
            return overflow ? Int.max : sum
        }
    }

    /// Seconds between an entry timestamp and now (for the item and meeting timers).
    /// Called for every frame while a meeting runs, so it reads the log's fixed timestamp form
    /// (`2009-03-10T18:42:00Z`) directly instead of building a date formatter each time.
    public static func seconds(since timestamp: String, now: Date) -> Int {
        guard let start = epochSeconds(timestamp) else { return 0 }
        return max(0, Int(now.timeIntervalSince1970) - start)
    }

    /// The meeting to work in for a kern: an open one, else the latest not closed, else the latest.
    public func workingMeeting(kern: String?) -> MeetingHeld? {
        let candidates = meetings.items.filter { !$0.isWithdrawn && (kern == nil || $0.value.kern == kern) }
        if let open = candidates.filter({ phase(of: $0.value.id) == .open }).max(by: { $0.seq < $1.seq }) { return open.value }
        return latestMeeting(kern: kern)
    }
}

/// An item the program proposes for a meeting's agenda, with what it is about.
public struct ProposedItem: Hashable, Sendable {
    public var title: String
    public var wijk: String?
    public var minutes: Int
    public var source: RecordID?

    public init(title: String, wijk: String?, minutes: Int, source: RecordID?) {
        // An agenda line, not the whole text: long texts stay readable in the source record.
        self.title = title.count > 240 ? String(title.prefix(239)) + "…" : title
        self.wijk = wijk
        self.minutes = minutes
        self.source = source
    }
}

extension KernteamState {
    /// The agenda items to record for a meeting just planned: what `proposedAgenda` proposes, as drafts.
    public func proposedAgendaDrafts(for meeting: MeetingHeld, today: Day, settings: Settings) -> [Draft] {
        proposedAgenda(kern: meeting.kern, today: today, settings: settings, excluding: meeting.id).map { p in
            var d = Draft([.title: p.title, .minutes: String(p.minutes), .meeting: meeting.id.description])
            d[.wijk] = p.wijk
            d[.about] = p.source?.description
            return d
        }
    }

    /// The agenda the program proposes for a kern's next meeting, from the log: postponed items,
    /// open and overdue actions (carried over), signals since the last meeting that wait for the table,
    /// recurrence proposals, initiatives waiting for triage or feedback, and budgets that are over.
    /// `excluding` is the meeting being prepared: it is not a previous meeting, so its date does not
    /// count as "the last meeting" (else every signal before that date would drop off the proposal).
    /// The titles are written into the log as agenda items, so they stay Dutch (`.nl`) whatever `--lang` says.
    public func proposedAgenda(kern: String, today: Day, settings: Settings, excluding: RecordID? = nil) -> [ProposedItem] {
        var out: [ProposedItem] = []
        let previous = meetings.items.filter { !$0.isWithdrawn && $0.value.kern == kern && $0.value.id != excluding }.map(\.value)
        let lastDate = previous.map(\.date).max()
        let alreadyCarried = Set(agenda.items.compactMap { $0.value.source })
        // Postponed items move to the next meeting.
        for m in previous {
            for item in orderedAgenda(m.id) where itemOutcome[item.id] == .uitgesteld && !alreadyCarried.contains(item.id) {
                out.append(ProposedItem(title: item.title, wijk: item.wijk, minutes: item.minutes ?? 10, source: item.id))
            }
        }
        // Open actions carry over, late ones first.
        let open = actions.items.filter { !$0.isWithdrawn && $0.value.status.isOpen && $0.value.created.kern == kern }
            .sorted { ($0.value.isOverdue(today: today) ? 0 : 1, $0.value.created.due?.ordinal ?? .max) < ($1.value.isOverdue(today: today) ? 0 : 1, $1.value.created.due?.ordinal ?? .max) }
        for t in open {
            let a = t.value.created
            let late = t.value.isOverdue(today: today) ? Text.agendaLatePrefix.nl : ""
            out.append(ProposedItem(title: "\(late)\(Text.agendaActionPrefix.nl) \(a.id): \(a.title) (\(a.owner))", wijk: a.wijk, minutes: 5, source: a.id))
        }
        // Signals since the last meeting that need the table (not yet triaged, or routed to the kernteam).
        for t in signals.items where !t.isWithdrawn && t.value.kern == kern {
            let s = t.value
            let route = signalTriage[s.id]?.route
            guard route == nil || route == .kernteam else { continue }
            // Once brought into a meeting or put on an agenda, a signal has had its turn at the table.
            if s.meeting != nil || alreadyCarried.contains(s.id) { continue }
            if let lastDate, s.date < lastDate, route == nil { continue }
            out.append(ProposedItem(title: "\(Text.agendaSignalPrefix.nl) \(s.id): \(s.text)", wijk: s.wijk, minutes: 5, source: s.id))
        }
        for p in recurrenceProposals(settings: settings) where p.kern == kern {
            out.append(ProposedItem(title: Text.agendaProposal(p.place, p.theme.rawValue, p.signals.map(\.description).joined(separator: " ")).nl,
                                    wijk: p.wijk, minutes: 10, source: p.signals.first))
        }
        let owed = Set(feedbackOwed().map(\.id))
        for t in initiatives.items where !t.isWithdrawn && t.value.recorded.kern == kern {
            let i = t.value
            if i.outcome == nil {
                out.append(ProposedItem(title: "\(Text.agendaInitiativeTriage.nl) \(i.recorded.id): \(i.recorded.text)", wijk: i.recorded.wijk, minutes: 10, source: i.recorded.id))
            } else if owed.contains(i.recorded.id) {
                out.append(ProposedItem(title: "\(Text.agendaInitiativeFeedback.nl) \(i.recorded.id): \(i.recorded.text)", wijk: i.recorded.wijk, minutes: 5, source: i.recorded.id))
            }
        }
        for b in budgetStatuses() where b.budget.kern == kern && b.isOver {
            out.append(ProposedItem(title: Text.agendaBudgetOver(b.budget.wijk ?? b.budget.kern, b.budget.year, b.remaining.dutch).nl,
                                    wijk: b.budget.wijk, minutes: 10, source: b.budget.id))
        }
        return out
    }
}
