/// Everything the program knows, derived only by folding the log's events in order.
public struct KernteamState: Sendable, Equatable {
    public var reference: ReferenceData = .empty
    /// The identity written into the log's first line (`log_id`); nil for a log made before that
    /// existed, which is then identified by the hash of its first line (`Session.logIdentity`).
    public internal(set) var logIdentity: String?
    public var meetings = RecordTable<MeetingHeld>()
    public var agenda = RecordTable<AgendaItemAdded>()
    public var signals = RecordTable<SignalRecorded>()
    public var actions = RecordTable<ActionRecord>()
    public var decisions = RecordTable<DecisionTaken>()
    public var priorities = RecordTable<PrioritySet>()
    public var participation = RecordTable<ParticipationSet>()
    public var initiatives = RecordTable<InitiativeRecord>()
    public var budgets = RecordTable<BudgetAllocated>()
    public var plans = RecordTable<PlanRecord>()
    /// Notes per agenda item, in log order.
    public var notes = RecordTable<NoteAdded>()
    /// The latest triage of each signal.
    public internal(set) var signalTriage = StoredMap<SignalTriaged>()
    /// Feedback given to residents, per signal or initiative (the latest).
    public internal(set) var feedback = StoredMap<FeedbackGiven>()
    /// Priorities that were closed (no longer active).
    public internal(set) var closedPriorities: [RecordID: PriorityClosed] = [:]
    /// Kinds of wijk changed by decision, by wijk name; the reference data has the rest.
    public internal(set) var wijkKindChanges: [String: WijkKindChanged] = [:]
    /// Recurrence proposals the chair accepted or dismissed, in order.
    public internal(set) var proposalDecisions: [ProposalDecided] = []
    /// Meeting flow: when each meeting was opened (entry timestamp), its close, attendance, residents.
    public internal(set) var meetingOpenedAt: [RecordID: String] = [:]
    public internal(set) var meetingClosed: [RecordID: MeetingClosed] = [:]
    /// Meetings opened and not closed (again), kept as the fold goes: a record made without a meeting
    /// is linked to the open one of its kern on every append, which must not walk every meeting ever held.
    public internal(set) var openMeetingIDs: Set<RecordID> = []
    public internal(set) var attendance: [RecordID: [String: AttendanceStatus]] = [:]
    public internal(set) var residentsPresent: [RecordID: Int] = [:]
    /// Explicit agenda order per meeting (after the chair moved items).
    public internal(set) var agendaOrder: [RecordID: [RecordID]] = [:]
    /// Agenda items per meeting, in log order (an item's meeting cannot be corrected), so a frame
    /// need not go through every item of every meeting ever held.
    public internal(set) var agendaByMeeting: [RecordID: [RecordID]] = [:]
    /// When each agenda item was last started, and how it ended.
    public internal(set) var itemStartedAt: [RecordID: String] = [:]
    public internal(set) var itemOutcome: [RecordID: ItemOutcome] = [:]
    /// A request to move on to the next item, per meeting, until the meeting moves on.
    public internal(set) var nextRequested: [RecordID: LoggedEvent] = [:]
    /// When each agenda item was under discussion: its runs, oldest first (an item can be taken up
    /// again); the last run of the item under discussion has no end yet.
    public internal(set) var itemRuns: [RecordID: [ItemRun]] = [:]
    /// Entries that changed records rather than creating them, in sequence order: the history shows a
    /// record's chain of corrections from these (`changeEvent(seq:)`). A list, not a dictionary: on a
    /// large log the dictionary's regrowth moved every stored entry again and again.
    public internal(set) var changeEvents = ChangeEntries()

    /// The changing entry with this sequence number, if any.
    public func changeEvent(seq: Int) -> LoggedEvent? {
        let i = changeEvents.firstIndex(atOrAfter: seq)
        return i < changeEvents.count && changeEvents.seq(at: i) == seq ? changeEvents[i] : nil
    }
    /// Lemon scores as they stand, one per wijk, theme and year, in log order; each with the entry
    /// that recorded it and the corrections made to it since.
    public internal(set) var lemonRecords: [Tracked<LemonScored>] = []
    public var lemonScores: [LemonScored] { lemonRecords.filter { !$0.isWithdrawn }.map(\.value) }
    /// Entries without an id of their own (a triage, status change, attendance, feedback, Lemon
    /// score …) as corrected since, by sequence number; the log's own version is in `changeEvents`.
    public internal(set) var correctedEntries: [Int: Event] = [:]
    /// Entries without an id of their own that were withdrawn, with the reason.
    public internal(set) var withdrawnEntries: [Int: String] = [:]
    /// Triage that an accepted recurrence proposal implied, for signals not triaged on their own.
    var proposalTriage: [RecordID: SignalTriaged] = [:]
    /// Every change of a wijk's kind, in log order, with the kind it had before.
    public internal(set) var wijkKindHistory: [WijkKindStep] = []
    /// Each close of a meeting and, when it was reopened, by which decision; in order.
    public internal(set) var meetingSeals: [RecordID: [MeetingSeal]] = [:]
    /// References whose personal data was erased (the log says so; the side store no longer has them).
    public internal(set) var erasedPersons: Set<PersonRef> = []
    /// Highest sequence number folded so far.
    public internal(set) var lastSeq = 0
    /// Entries that referred to a record the fold does not know (kept for `verify`, never dropped).
    public internal(set) var danglingReferences: [Int] = []

    public init() {}

    public init(folding events: [LoggedEvent]) {
        for e in events { apply(e) }
    }

    /// The id the next record of this kind gets: one more than the highest ever given.
    public func nextID(_ kind: RecordID.Kind) -> RecordID {
        let highest: Int
        switch kind {
        case .meeting: highest = meetings.highestNumber
        case .agendaItem: highest = agenda.highestNumber
        case .signal: highest = signals.highestNumber
        case .action: highest = actions.highestNumber
        case .decision: highest = decisions.highestNumber
        case .priority: highest = priorities.highestNumber
        case .participation: highest = participation.highestNumber
        case .initiative: highest = initiatives.highestNumber
        case .budget: highest = budgets.highestNumber
        case .plan: highest = plans.highestNumber
        case .note: highest = notes.highestNumber
        }
        return RecordID(kind, highest + 1)
    }

    public func exists(_ id: RecordID) -> Bool {
        switch id.kind {
        case .meeting: meetings.contains(id)
        case .agendaItem: agenda.contains(id)
        case .signal: signals.contains(id)
        case .action: actions.contains(id)
        case .decision: decisions.contains(id)
        case .priority: priorities.contains(id)
        case .participation: participation.contains(id)
        case .initiative: initiatives.contains(id)
        case .budget: budgets.contains(id)
        case .plan: plans.contains(id)
        case .note: notes.contains(id)
        }
    }

    /// The kind of a wijk now: the latest recorded decision, else the reference data.
    public func kind(ofWijk name: String) -> WijkKind? {
        wijkKindChanges[name]?.kind ?? reference.wijk(named: name)?.kind
    }

    /// Priorities of a wijk that are neither closed nor withdrawn.
    public func activePriorities(wijk: String?, kern: String) -> [PrioritySet] {
        priorities.items.filter {
            !$0.isWithdrawn && closedPriorities[$0.value.id] == nil && $0.value.wijk == wijk && $0.value.kern == kern
        }.map(\.value)
    }

    /// The latest meeting of a kern (by date, then by order in the log).
    public func latestMeeting(kern: String?) -> MeetingHeld? {
        meetings.items.filter { !$0.isWithdrawn && (kern == nil || $0.value.kern == kern) }
            .max { ($0.value.date, $0.seq) < ($1.value.date, $1.seq) }?.value
    }

    // MARK: - Fold

    public mutating func apply(_ logged: LoggedEvent) {
        // Fact entries (a triage, a status change …) are changes of the record they are about and
        // can themselves be corrected or withdrawn; see FactEntries.swift.
        lastSeq = max(lastSeq, logged.seq)
        let seq = logged.seq, ts = logged.timestamp
        if logged.event.createdID == nil {
            changeEvents.add(logged)
        }
        func tracked<V>(_ v: V) -> Tracked<V> { Tracked(value: v, seq: seq, timestamp: ts) }
        switch logged.event {
        case .referenceSet(let data):
            // The log's identity is the log's, not part of the places and organisations.
            if logIdentity == nil, let id = data.logID, !id.isEmpty { logIdentity = id }
            var places = data
            places.logID = nil
            reference = places
        case .meetingHeld(let e):
            meetings.insert(e.id, tracked(e))
        case .agendaItemAdded(let e):
            // An id seen before (only in a hand-made log) replaces the record; list it once.
            if !agenda.contains(e.id) { agendaByMeeting[e.meeting, default: []].append(e.id) }
            agenda.insert(e.id, tracked(e))
        case .signalRecorded(let e):
            signals.insert(e.id, tracked(e))
        case .actionCreated(let e):
            actions.insert(e.id, tracked(ActionRecord(created: e, status: .open)))
        case .decisionTaken(let e):
            decisions.insert(e.id, tracked(e))
        case .prioritySet(let e):
            priorities.insert(e.id, tracked(e))
        case .participationSet(let e):
            participation.insert(e.id, tracked(e))
        case .actionStatusChanged(let e):
            let found = actions.update(e.ref) {
                $0.value.status = e.status
                $0.value.statusReason = e.reason
                $0.changes.append(seq)
            }
            if !found { danglingReferences.append(seq) }
        case .entryCorrected(let e):
            let found: Bool
            switch e.target {
            case .record: found = applyCorrection(e, seq: seq)
            case .entry(let target): found = correctEntry(target, fields: e.fields, by: seq)
            }
            if !found { danglingReferences.append(seq) }
        case .entryWithdrawn(let e):
            let found: Bool
            switch e.target {
            case .record(let id): found = withdraw(id, reason: e.reason, seq: seq)
            case .entry(let target): found = withdrawEntry(target, reason: e.reason, by: seq)
            }
            if !found { danglingReferences.append(seq) }
        case .personErased(let e):
            erasedPersons.formUnion(e.refs)
        case .signalTriaged(let e):
            if signals.update(e.ref, { $0.changes.append(seq) }) { signalTriage[e.ref] = e } else { danglingReferences.append(seq) }
        case .proposalDecided(let e):
            proposalDecisions.append(e)
            if e.accepted {
                for id in e.signals where signalTriage[id] == nil {
                    let implied = SignalTriaged(ref: id, route: .wijkaanpak, reason: nil, date: Day.ofTimestamp(ts))
                    signalTriage[id] = implied
                    proposalTriage[id] = implied
                }
            }
        case .initiativeRecorded(let e):
            initiatives.insert(e.id, tracked(InitiativeRecord(recorded: e)))
        case .initiativeTriaged(let e):
            let found = initiatives.update(e.ref) {
                $0.value.outcome = e.outcome
                $0.value.reason = e.reason
                $0.value.triagedOn = e.date
                $0.changes.append(seq)
            }
            if !found { danglingReferences.append(seq) }
        case .priorityClosed(let e):
            if priorities.update(e.ref, { $0.changes.append(seq) }) { closedPriorities[e.ref] = e } else { danglingReferences.append(seq) }
        case .wijkKindChanged(let e):
            wijkKindHistory.append(WijkKindStep(change: e, previous: kind(ofWijk: e.wijk), seq: seq, timestamp: ts))
            wijkKindChanges[e.wijk] = e
        case .budgetAllocated(let e):
            budgets.insert(e.id, tracked(e))
        case .noteAdded(let e):
            notes.insert(e.id, tracked(e))
        case .meetingOpened(let e):
            if meetings.update(e.ref, { $0.changes.append(seq) }) {
                meetingOpenedAt[e.ref] = ts
                if meetingClosed[e.ref] == nil { openMeetingIDs.insert(e.ref) }
            } else { danglingReferences.append(seq) }
        case .meetingClosed(let e):
            nextRequested[e.ref] = nil
            if meetings.update(e.ref, { $0.changes.append(seq) }) {
                meetingClosed[e.ref] = e
                openMeetingIDs.remove(e.ref)
                meetingSeals[e.ref, default: []].append(MeetingSeal(close: e, seq: seq, timestamp: ts))
            } else { danglingReferences.append(seq) }
        case .meetingReopened(let e):
            if meetings.update(e.ref, { $0.changes.append(seq) }) {
                meetingClosed[e.ref] = nil
                if meetingOpenedAt[e.ref] != nil { openMeetingIDs.insert(e.ref) }
                if let last = meetingSeals[e.ref]?.indices.last {
                    meetingSeals[e.ref]![last].reopened = (decision: e.decision, seq: seq, timestamp: ts)
                }
            } else { danglingReferences.append(seq) }
        case .attendanceRecorded(let e):
            attendance[e.meeting, default: [:]][e.who] = e.status
            _ = meetings.update(e.meeting) { $0.changes.append(seq) }
        case .residentsCounted(let e):
            residentsPresent[e.meeting] = e.count
            _ = meetings.update(e.meeting) { $0.changes.append(seq) }
        case .agendaReordered(let e):
            agendaOrder[e.meeting] = e.order
        case .nextItemRequested(let e):
            if meetings.contains(e.meeting) { nextRequested[e.meeting] = logged } else { danglingReferences.append(seq) }
        case .agendaItemStarted(let e):
            if let meeting = agenda[e.ref]?.value.meeting { nextRequested[meeting] = nil }
            if let ended = e.ended, let outcome = e.outcome { itemOutcome[ended] = outcome }
            if let ended = e.ended { endRun(of: ended, at: ts, seq: seq) }
            if agenda.update(e.ref, { $0.changes.append(seq) }) {
                itemStartedAt[e.ref] = ts
                itemOutcome[e.ref] = nil
                itemRuns[e.ref, default: []].append(ItemRun(start: ts, end: nil, startSeq: seq, endSeq: nil))
            } else { danglingReferences.append(seq) }
        case .agendaItemEnded(let e):
            if agenda.update(e.ref, { $0.changes.append(seq) }) {
                itemOutcome[e.ref] = e.outcome
                endRun(of: e.ref, at: ts, seq: seq)
            } else { danglingReferences.append(seq) }
        case .lemonScored(let e):
            // A later score for the same wijk, theme and year (only in logs from before such a score had
            // to be a correction) replaces the earlier one.
            lemonRecords.removeAll { $0.value.sameSubject(as: e) }
            lemonRecords.append(tracked(e))
        case .planCreated(let e):
            plans.insert(e.id, tracked(PlanRecord(created: e)))
        case .planPhaseSet(let e):
            let found = plans.update(e.ref) {
                $0.value.steps.append(PlanStep(phase: e.phase, decision: e.decision, date: e.date, seq: seq))
                $0.changes.append(seq)
            }
            if !found { danglingReferences.append(seq) }
        case .feedbackGiven(let e):
            feedback[e.ref] = e
            switch e.ref.kind {
            case .signal: _ = signals.update(e.ref) { $0.changes.append(seq) }
            case .initiative: _ = initiatives.update(e.ref) { $0.changes.append(seq) }
            default: danglingReferences.append(seq)
            }
        }
    }

    /// Ends the running discussion of an item.
    private mutating func endRun(of item: RecordID, at ts: String, seq: Int) {
        guard let last = itemRuns[item]?.indices.last, itemRuns[item]![last].end == nil else { return }
        itemRuns[item]![last].end = ts
        itemRuns[item]![last].endSeq = seq
    }

    /// The changing entries logged between two entries (exclusive), in order.
    public func changeEvents(after first: Int, before last: Int?) -> Slice<ChangeEntries> {
        let low = changeEvents.firstIndex(atOrAfter: first + 1)
        var end = low
        while end < changeEvents.count, changeEvents.seq(at: end) < (last ?? Int.max) { end += 1 }
        return changeEvents[low..<end]
    }

    /// Seconds since 1970 of a log timestamp (`2009-03-10T18:42:00Z`), read without a date formatter.
    public static func epochSeconds(_ timestamp: String) -> Int? {
        let parts = timestamp.split(whereSeparator: { "-T:Z".contains($0) }).compactMap { Int($0) }
        guard parts.count == 6, let day = Day(year: parts[0], month: parts[1], day: parts[2]) else { return nil }
        return day.ordinal * 86_400 + parts[3] * 3_600 + parts[4] * 60 + parts[5]
    }

    /// Marks a record withdrawn in a copy of the state used to validate its correction.
    mutating func withdrawForValidation(_ id: RecordID) -> Bool { withdraw(id, reason: "", seq: lastSeq + 1) }

    private mutating func withdraw(_ id: RecordID, reason: String, seq: Int) -> Bool {
        func mark<V>(_ t: inout Tracked<V>) { t.withdrawnReason = reason; t.changes.append(seq) }
        switch id.kind {
        case .meeting: return meetings.update(id, mark)
        case .agendaItem: return agenda.update(id, mark)
        case .signal: return signals.update(id, mark)
        case .action: return actions.update(id, mark)
        case .decision: return decisions.update(id, mark)
        case .priority: return priorities.update(id, mark)
        case .participation: return participation.update(id, mark)
        case .initiative: return initiatives.update(id, mark)
        case .budget: return budgets.update(id, mark)
        case .plan: return plans.update(id, mark)
        case .note: return notes.update(id, mark)
        }
    }

    private mutating func applyCorrection(_ e: EntryCorrected, seq: Int) -> Bool {
        let ref = reference
        func fix<V: Correctable>(_ t: inout Tracked<V>) {
            for (field, value) in e.fields.sorted(by: { $0.key < $1.key }) {
                _ = t.value.correct(field: field, to: value, reference: ref)
            }
            t.changes.append(seq)
        }
        guard let id = e.ref else { return false }
        switch id.kind {
        case .meeting: return meetings.update(id, fix)
        case .agendaItem: return agenda.update(id, fix)
        case .signal: return signals.update(id, fix)
        case .action: return actions.update(id, fix)
        case .decision: return decisions.update(id, fix)
        case .priority: return priorities.update(id, fix)
        case .participation: return participation.update(id, fix)
        case .initiative: return initiatives.update(id, fix)
        case .budget: return budgets.update(id, fix)
        case .plan: return plans.update(id, fix)
        case .note: return notes.update(id, fix)
        }
    }
}
