import Foundation

/// Something that happened and was written to the log. The screen is derived by folding these.
/// Each case's payload is stored flat in the log line next to the header fields, with `type` naming
/// the case. Type names and field names are part of the log format (docs/log-format.md).
public enum Event: Hashable, Sendable {
    case referenceSet(ReferenceData)
    case meetingHeld(MeetingHeld)
    case agendaItemAdded(AgendaItemAdded)
    case signalRecorded(SignalRecorded)
    case actionCreated(ActionCreated)
    case actionStatusChanged(ActionStatusChanged)
    case decisionTaken(DecisionTaken)
    case prioritySet(PrioritySet)
    case participationSet(ParticipationSet)
    case entryCorrected(EntryCorrected)
    case entryWithdrawn(EntryWithdrawn)
    case personErased(PersonErased)
    case signalTriaged(SignalTriaged)
    case proposalDecided(ProposalDecided)
    case initiativeRecorded(InitiativeRecorded)
    case initiativeTriaged(InitiativeTriaged)
    case priorityClosed(PriorityClosed)
    case wijkKindChanged(WijkKindChanged)
    case budgetAllocated(BudgetAllocated)
    case feedbackGiven(FeedbackGiven)
    case meetingOpened(MeetingOpened)
    case meetingClosed(MeetingClosed)
    case meetingReopened(MeetingReopened)
    case attendanceRecorded(AttendanceRecorded)
    case residentsCounted(ResidentsCounted)
    case agendaReordered(AgendaReordered)
    case agendaItemStarted(AgendaItemStarted)
    case agendaItemEnded(AgendaItemEnded)
    case lemonScored(LemonScored)
    case planCreated(PlanCreated)
    case planPhaseSet(PlanPhaseSet)
    case noteAdded(NoteAdded)
    case nextItemRequested(NextItemRequested)

    public var typeName: String {
        switch self {
        case .referenceSet: "reference.set"
        case .meetingHeld: "meeting.held"
        case .agendaItemAdded: "agenda.item_added"
        case .signalRecorded: "signal.recorded"
        case .actionCreated: "action.created"
        case .actionStatusChanged: "action.status_changed"
        case .decisionTaken: "decision.taken"
        case .prioritySet: "priority.set"
        case .participationSet: "participation.set"
        case .entryCorrected: "entry.corrected"
        case .entryWithdrawn: "entry.withdrawn"
        case .personErased: "person.erased"
        case .signalTriaged: "signal.triaged"
        case .proposalDecided: "proposal.decided"
        case .initiativeRecorded: "initiative.recorded"
        case .initiativeTriaged: "initiative.triaged"
        case .priorityClosed: "priority.closed"
        case .wijkKindChanged: "wijk.kind_changed"
        case .budgetAllocated: "budget.allocated"
        case .feedbackGiven: "feedback.given"
        case .meetingOpened: "meeting.opened"
        case .meetingClosed: "meeting.closed"
        case .meetingReopened: "meeting.reopened"
        case .attendanceRecorded: "attendance.recorded"
        case .residentsCounted: "residents.counted"
        case .agendaReordered: "agenda.reordered"
        case .agendaItemStarted: "agenda.item_started"
        case .agendaItemEnded: "agenda.item_ended"
        case .lemonScored: "lemon.scored"
        case .planCreated: "plan.created"
        case .planPhaseSet: "plan.phase_set"
        case .noteAdded: "note.added"
        case .nextItemRequested: "agenda.next_requested"
        }
    }

    /// The id a new record gets, if this event creates one.
    public var createdID: RecordID? {
        switch self {
        case .meetingHeld(let e): e.id
        case .agendaItemAdded(let e): e.id
        case .signalRecorded(let e): e.id
        case .actionCreated(let e): e.id
        case .decisionTaken(let e): e.id
        case .prioritySet(let e): e.id
        case .participationSet(let e): e.id
        case .initiativeRecorded(let e): e.id
        case .budgetAllocated(let e): e.id
        case .planCreated(let e): e.id
        case .noteAdded(let e): e.id
        default: nil
        }
    }
}

/// A meeting of a kernteam, planned (prepared) for a date. Opening and closing are separate events.
public struct MeetingHeld: Codable, Hashable, Sendable {
    public var id: RecordID
    public var kern: String
    public var date: Day
    /// Planned length in minutes; the agenda's time-boxes are shown against it.
    public var length: Int?
    public init(id: RecordID, kern: String, date: Day, length: Int? = nil) {
        self.id = id; self.kern = kern; self.date = date; self.length = length
    }
}

public struct AgendaItemAdded: Codable, Hashable, Sendable {
    public var id: RecordID
    public var meeting: RecordID
    public var title: String
    public var kern: String
    public var wijk: String?
    public var minutes: Int?
    /// What the item is about when the program proposed it: a carried-over action, a postponed item,
    /// a signal, an initiative, a budget.
    public var source: RecordID?
    public init(id: RecordID, meeting: RecordID, title: String, kern: String, wijk: String?, minutes: Int?, source: RecordID? = nil) {
        self.id = id; self.meeting = meeting; self.title = title; self.kern = kern; self.wijk = wijk; self.minutes = minutes
        self.source = source
    }
}

public struct SignalRecorded: Codable, Hashable, Sendable {
    public var id: RecordID
    public var kern: String
    public var wijk: String?
    public var theme: Theme
    public var source: SignalSource
    public var text: String
    public var date: Day
    public var buurt: String?
    /// Reference to the reporter's personal data in the side store (never the data itself), so it
    /// can be erased without touching the chain.
    public var person: PersonRef?
    public var meeting: RecordID?
    /// The agenda item under discussion when this was recorded.
    public var item: RecordID?
    public init(id: RecordID, kern: String, wijk: String?, theme: Theme, source: SignalSource, text: String, date: Day,
                buurt: String? = nil, person: PersonRef? = nil, meeting: RecordID? = nil) {
        self.id = id; self.kern = kern; self.wijk = wijk; self.theme = theme; self.source = source; self.text = text
        self.date = date; self.buurt = buurt; self.person = person; self.meeting = meeting
    }
}

public struct ActionCreated: Codable, Hashable, Sendable {
    public var id: RecordID
    public var kern: String
    public var wijk: String?
    public var title: String
    public var owner: String
    public var person: String?
    public var due: Day?
    public var result: String?
    public var cost: Money?
    public var inform: String?
    public var meeting: RecordID?
    public var serves: [RecordID]?
    /// The agenda item under discussion when this was recorded.
    public var item: RecordID?
    /// The cost is charged to the wijkbudget (beleidsplan 1.2: the wijkbudget is for small extras the
    /// regular budgets do not cover). Absent: the cost is recorded but charged to no wijkbudget.
    public var wijkbudget: Bool?
    /// Why a charge that overspends the remaining wijkbudget was made anyway (a deliberate overspend).
    public var reason: String?
    public init(id: RecordID, kern: String, wijk: String?, title: String, owner: String, person: String? = nil,
                due: Day? = nil, result: String? = nil, cost: Money? = nil, inform: String? = nil,
                meeting: RecordID? = nil, serves: [RecordID]? = nil, wijkbudget: Bool? = nil, reason: String? = nil) {
        self.id = id; self.kern = kern; self.wijk = wijk; self.title = title; self.owner = owner; self.person = person
        self.due = due; self.result = result; self.cost = cost; self.inform = inform; self.meeting = meeting
        self.serves = serves; self.wijkbudget = wijkbudget == true ? true : nil; self.reason = reason
    }

    /// Whether the cost is charged to the wijkbudget.
    public var charged: Bool { wijkbudget == true }
}

public struct ActionStatusChanged: Codable, Hashable, Sendable {
    public var ref: RecordID
    public var status: ActionStatus
    public var reason: String?
    public init(ref: RecordID, status: ActionStatus, reason: String? = nil) {
        self.ref = ref; self.status = status; self.reason = reason
    }
}

public struct DecisionTaken: Codable, Hashable, Sendable {
    public var id: RecordID
    public var kern: String
    public var wijk: String?
    public var text: String
    public var meeting: RecordID?
    public var about: [RecordID]?
    /// The agenda item under discussion when this was recorded.
    public var item: RecordID?
    /// The body that took it; absent means the kernteam (every decision before bodies were recorded).
    public var body: DecisionBody?
    /// The day it was taken, for a decision taken outside a kernteam meeting (a stuurgroep decision);
    /// a kernteam decision has its meeting's date.
    public var date: Day?
    public init(id: RecordID, kern: String, wijk: String?, text: String, meeting: RecordID? = nil, about: [RecordID]? = nil,
                body: DecisionBody? = nil, date: Day? = nil) {
        self.id = id; self.kern = kern; self.wijk = wijk; self.text = text; self.meeting = meeting; self.about = about
        self.body = body == .kernteam ? nil : body; self.date = date
    }

    /// The body that took it (the kernteam when none is recorded).
    public var takenBy: DecisionBody { body ?? .kernteam }
}

public struct PrioritySet: Codable, Hashable, Sendable {
    public var id: RecordID
    public var kern: String
    public var wijk: String?
    public var theme: Theme
    public var text: String
    /// The years it runs: within its plan's period (`2009-2012`) once the kern has a plan; free text before.
    public var period: String?
    public var meeting: RecordID?
    /// The kern/wijkenplan it belongs to, when the kern had one (beleidsplan 1.2).
    public var plan: RecordID?
    /// Whether and how residents were involved in setting it ("Ook bij het bepalen van prioriteiten
    /// worden de bewoners betrokken", 1.2).
    public var involvement: String?
    /// Why a sixth active priority for a wijk was set anyway; `deviation` marks it (the plan aims at at
    /// most five for intensief beheer per wijk, 1.2).
    public var reason: String?
    public var deviation: Bool?
    public init(id: RecordID, kern: String, wijk: String?, theme: Theme, text: String, period: String? = nil, meeting: RecordID? = nil,
                plan: RecordID? = nil, involvement: String? = nil, reason: String? = nil, deviation: Bool? = nil) {
        self.id = id; self.kern = kern; self.wijk = wijk; self.theme = theme; self.text = text; self.period = period
        self.meeting = meeting; self.plan = plan; self.involvement = involvement; self.reason = reason; self.deviation = deviation
    }
    enum CodingKeys: String, CodingKey {
        case id, kern, wijk, theme, text, period, meeting, plan, reason, deviation
        case involvement = "residents_involved"
    }
}

/// A kern/wijkenplan: one per kern every four years (beleidsplan 1.2 "Aanpak op hoofdlijnen"; bijlage 2,
/// 7: "looptijd van 4 jaar"). Another length is recorded only with a reason. It starts in the phase
/// `schouw`; `plan.phase_set` moves it on.
public struct PlanCreated: Codable, Hashable, Sendable {
    public var id: RecordID
    public var kern: String
    public var startYear: Int
    public var endYear: Int
    public var reason: String?
    public init(id: RecordID, kern: String, startYear: Int, endYear: Int, reason: String? = nil) {
        self.id = id; self.kern = kern; self.startYear = startYear; self.endYear = endYear; self.reason = reason
    }
    enum CodingKeys: String, CodingKey {
        case id, kern, reason
        case startYear = "start_year"
        case endYear = "end_year"
    }
    /// `2009-2012`.
    public var period: String { "\(startYear)-\(endYear)" }
    public var years: ClosedRange<Int> { startYear...max(startYear, endYear) }
}

/// A plan moves to its next phase on a day; entering `prioriteiten` names the stuurgroep decision that
/// adopted the analysis and the priorities (2.3 "Planning": "Vaststellen kern/wijkenanalyse en
/// prioriteiten door stuurgroep").
public struct PlanPhaseSet: Codable, Hashable, Sendable {
    public var ref: RecordID
    public var phase: PlanPhase
    public var decision: RecordID?
    public var date: Day
    public init(ref: RecordID, phase: PlanPhase, decision: RecordID?, date: Day) {
        self.ref = ref; self.phase = phase; self.decision = decision; self.date = date
    }
}

public struct ParticipationSet: Codable, Hashable, Sendable {
    public var id: RecordID
    public var kern: String
    public var wijk: String?
    public var topic: String
    public var work: WorkKind?
    public var phase: Phase?
    public var level: ParticipationLevel
    public var controversial: Bool?
    public var reason: String?
    public var meeting: RecordID?
    /// The priority (or other record) this level is about.
    public var about: RecordID?
    /// True when the level lies outside the range the plan allows and a reason was given.
    public var override: Bool?
    /// Who represents the residents, and how the other residents hear back.
    public var representatives: String?
    public var feedbackPlan: String?
    /// The agenda item under discussion when this was recorded.
    public var item: RecordID?
    public init(id: RecordID, kern: String, wijk: String?, topic: String, work: WorkKind?, phase: Phase?,
                level: ParticipationLevel, controversial: Bool? = nil, reason: String? = nil, meeting: RecordID? = nil,
                about: RecordID? = nil, override: Bool? = nil, representatives: String? = nil, feedbackPlan: String? = nil) {
        self.id = id; self.kern = kern; self.wijk = wijk; self.topic = topic; self.work = work; self.phase = phase
        self.level = level; self.controversial = controversial; self.reason = reason; self.meeting = meeting
        self.about = about; self.override = override; self.representatives = representatives; self.feedbackPlan = feedbackPlan
    }
}

/// A correction of an earlier entry: the named fields get new values; the old entry stays.
/// `ref` names a record (`A-3`); `entry` names an entry without an id of its own by its sequence
/// number (a triage, attendance, feedback, Lemon score or status change: `#39`). Exactly one is set.
public struct EntryCorrected: Codable, Hashable, Sendable {
    public var ref: RecordID?
    public var entry: Int?
    public var fields: [String: String]
    public var reason: String?
    public init(ref: RecordID, fields: [String: String], reason: String? = nil) {
        self.ref = ref; self.fields = fields; self.reason = reason
    }
    public init(target: EntryRef, fields: [String: String], reason: String? = nil) {
        switch target {
        case .record(let id): ref = id
        case .entry(let seq): entry = seq
        }
        self.fields = fields; self.reason = reason
    }
    public var target: EntryRef { entry.map(EntryRef.entry) ?? .record(ref ?? RecordID(.signal, 0)) }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        ref = try c.decodeIfPresent(RecordID.self, forKey: .ref)
        entry = try c.decodeIfPresent(Int.self, forKey: .entry)
        fields = try c.decode([String: String].self, forKey: .fields)
        reason = try c.decodeIfPresent(String.self, forKey: .reason)
        try EntryRef.check(ref: ref, entry: entry, decoder)
    }
}

/// A withdrawal of an earlier entry; it stays in the log and in the history, marked withdrawn.
/// `ref` or `entry` as in `EntryCorrected`.
public struct EntryWithdrawn: Codable, Hashable, Sendable {
    public var ref: RecordID?
    public var entry: Int?
    public var reason: String
    public init(ref: RecordID, reason: String) {
        self.ref = ref; self.reason = reason
    }
    public init(target: EntryRef, reason: String) {
        switch target {
        case .record(let id): ref = id
        case .entry(let seq): entry = seq
        }
        self.reason = reason
    }
    public var target: EntryRef { entry.map(EntryRef.entry) ?? .record(ref ?? RecordID(.signal, 0)) }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        ref = try c.decodeIfPresent(RecordID.self, forKey: .ref)
        entry = try c.decodeIfPresent(Int.self, forKey: .entry)
        reason = try c.decode(String.self, forKey: .reason)
        try EntryRef.check(ref: ref, entry: entry, decoder)
    }
}

/// What a correction or withdrawal points at: a record by its id, or an entry by its number.
public enum EntryRef: Hashable, Sendable, CustomStringConvertible {
    case record(RecordID)
    case entry(Int)

    /// `A-3`, or `#39` (also `39`) for an entry without an id of its own.
    public init?(_ text: String) {
        let t = text.trimmingCharacters(in: .whitespaces)
        let digits = t.hasPrefix("#") ? String(t.dropFirst()) : t
        if !digits.isEmpty, digits.count <= 12, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(digits), n > 0 {
            self = .entry(n)
        } else if let id = RecordID(t) {
            self = .record(id)
        } else {
            return nil
        }
    }

    public var description: String {
        switch self {
        case .record(let id): id.description
        case .entry(let seq): "#\(seq)"
        }
    }

    public var recordID: RecordID? { if case .record(let id) = self { id } else { nil } }

    static func check(ref: RecordID?, entry: Int?, _ decoder: Decoder) throws {
        guard (ref == nil) != (entry == nil), (entry ?? 1) > 0 else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "ref or entry, exactly one"))
        }
    }
}

// MARK: - Flat coding: `type` plus the payload's own fields in the same JSON object.

extension Event: Codable {
    private enum TypeKey: String, CodingKey { case type }

    public struct UnknownType: Error, CustomStringConvertible {
        public let type: String
        public var description: String { "unknown event type \(type)" }
    }

    public init(from decoder: Decoder) throws {
        let type = try decoder.container(keyedBy: TypeKey.self).decode(String.self, forKey: .type)
        switch type {
        case "reference.set": self = .referenceSet(try ReferenceData(from: decoder))
        case "meeting.held": self = .meetingHeld(try MeetingHeld(from: decoder))
        case "agenda.item_added": self = .agendaItemAdded(try AgendaItemAdded(from: decoder))
        case "signal.recorded": self = .signalRecorded(try SignalRecorded(from: decoder))
        case "action.created": self = .actionCreated(try ActionCreated(from: decoder))
        case "action.status_changed": self = .actionStatusChanged(try ActionStatusChanged(from: decoder))
        case "decision.taken": self = .decisionTaken(try DecisionTaken(from: decoder))
        case "priority.set": self = .prioritySet(try PrioritySet(from: decoder))
        case "participation.set": self = .participationSet(try ParticipationSet(from: decoder))
        case "entry.corrected": self = .entryCorrected(try EntryCorrected(from: decoder))
        case "entry.withdrawn": self = .entryWithdrawn(try EntryWithdrawn(from: decoder))
        case "person.erased": self = .personErased(try PersonErased(from: decoder))
        case "signal.triaged": self = .signalTriaged(try SignalTriaged(from: decoder))
        case "proposal.decided": self = .proposalDecided(try ProposalDecided(from: decoder))
        case "initiative.recorded": self = .initiativeRecorded(try InitiativeRecorded(from: decoder))
        case "initiative.triaged": self = .initiativeTriaged(try InitiativeTriaged(from: decoder))
        case "priority.closed": self = .priorityClosed(try PriorityClosed(from: decoder))
        case "wijk.kind_changed": self = .wijkKindChanged(try WijkKindChanged(from: decoder))
        case "budget.allocated": self = .budgetAllocated(try BudgetAllocated(from: decoder))
        case "feedback.given": self = .feedbackGiven(try FeedbackGiven(from: decoder))
        case "meeting.opened": self = .meetingOpened(try MeetingOpened(from: decoder))
        case "meeting.closed": self = .meetingClosed(try MeetingClosed(from: decoder))
        case "meeting.reopened": self = .meetingReopened(try MeetingReopened(from: decoder))
        case "attendance.recorded": self = .attendanceRecorded(try AttendanceRecorded(from: decoder))
        case "residents.counted": self = .residentsCounted(try ResidentsCounted(from: decoder))
        case "agenda.reordered": self = .agendaReordered(try AgendaReordered(from: decoder))
        case "agenda.item_started": self = .agendaItemStarted(try AgendaItemStarted(from: decoder))
        case "agenda.item_ended": self = .agendaItemEnded(try AgendaItemEnded(from: decoder))
        case "lemon.scored": self = .lemonScored(try LemonScored(from: decoder))
        case "plan.created": self = .planCreated(try PlanCreated(from: decoder))
        case "plan.phase_set": self = .planPhaseSet(try PlanPhaseSet(from: decoder))
        case "note.added": self = .noteAdded(try NoteAdded(from: decoder))
        case "agenda.next_requested": self = .nextItemRequested(try NextItemRequested(from: decoder))
        default: throw UnknownType(type: type)
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: TypeKey.self)
        try c.encode(typeName, forKey: .type)
        try encodePayload(to: encoder)
    }

    /// The payload's fields only (the log writes `type` itself, first).
    public func encodePayload(to encoder: Encoder) throws {
        switch self {
        case .referenceSet(let p): try p.encode(to: encoder)
        case .meetingHeld(let p): try p.encode(to: encoder)
        case .agendaItemAdded(let p): try p.encode(to: encoder)
        case .signalRecorded(let p): try p.encode(to: encoder)
        case .actionCreated(let p): try p.encode(to: encoder)
        case .actionStatusChanged(let p): try p.encode(to: encoder)
        case .decisionTaken(let p): try p.encode(to: encoder)
        case .prioritySet(let p): try p.encode(to: encoder)
        case .participationSet(let p): try p.encode(to: encoder)
        case .entryCorrected(let p): try p.encode(to: encoder)
        case .entryWithdrawn(let p): try p.encode(to: encoder)
        case .personErased(let p): try p.encode(to: encoder)
        case .signalTriaged(let p): try p.encode(to: encoder)
        case .proposalDecided(let p): try p.encode(to: encoder)
        case .initiativeRecorded(let p): try p.encode(to: encoder)
        case .initiativeTriaged(let p): try p.encode(to: encoder)
        case .priorityClosed(let p): try p.encode(to: encoder)
        case .wijkKindChanged(let p): try p.encode(to: encoder)
        case .budgetAllocated(let p): try p.encode(to: encoder)
        case .feedbackGiven(let p): try p.encode(to: encoder)
        case .meetingOpened(let p): try p.encode(to: encoder)
        case .meetingClosed(let p): try p.encode(to: encoder)
        case .meetingReopened(let p): try p.encode(to: encoder)
        case .attendanceRecorded(let p): try p.encode(to: encoder)
        case .residentsCounted(let p): try p.encode(to: encoder)
        case .agendaReordered(let p): try p.encode(to: encoder)
        case .agendaItemStarted(let p): try p.encode(to: encoder)
        case .agendaItemEnded(let p): try p.encode(to: encoder)
        case .lemonScored(let p): try p.encode(to: encoder)
        case .planCreated(let p): try p.encode(to: encoder)
        case .planPhaseSet(let p): try p.encode(to: encoder)
        case .noteAdded(let p): try p.encode(to: encoder)
        case .nextItemRequested(let p): try p.encode(to: encoder)
        }
    }
}

/// Personal data was erased from the side store (on request or by the retention term). Names only
/// the references, never what was erased.
public struct PersonErased: Codable, Hashable, Sendable {
    public var refs: [PersonRef]
    public var reason: String
    public init(refs: [PersonRef], reason: String) {
        self.refs = refs; self.reason = reason
    }
}

/// An event as read back from the log, with the header fields the domain cares about.
public struct LoggedEvent: Hashable, Sendable {
    public var seq: Int
    public var timestamp: String
    public var role: Role
    public var event: Event

    public init(seq: Int, timestamp: String, role: Role, event: Event) {
        self.seq = seq; self.timestamp = timestamp; self.role = role; self.event = event
    }
}

// MARK: - Policy events (signals triage, initiatives, priorities, budgets, feedback)

public struct SignalTriaged: Codable, Hashable, Sendable {
    public var ref: RecordID
    public var route: SignalRoute
    public var reason: String?
    public var date: Day
    public init(ref: RecordID, route: SignalRoute, reason: String?, date: Day) {
        self.ref = ref; self.route = route; self.reason = reason; self.date = date
    }
}

/// The chair accepted or dismissed a recurrence proposal (a theme that keeps coming back in a wijk).
public struct ProposalDecided: Codable, Hashable, Sendable {
    public var kern: String
    public var wijk: String?
    public var theme: Theme
    public var signals: [RecordID]
    public var accepted: Bool
    public var reason: String?
    public var meeting: RecordID?
    public init(kern: String, wijk: String?, theme: Theme, signals: [RecordID], accepted: Bool, reason: String?, meeting: RecordID?) {
        self.kern = kern; self.wijk = wijk; self.theme = theme; self.signals = signals; self.accepted = accepted
        self.reason = reason; self.meeting = meeting
    }
}

public struct InitiativeRecorded: Codable, Hashable, Sendable {
    public var id: RecordID
    public var kern: String
    public var wijk: String?
    public var text: String
    public var date: Day
    public var person: PersonRef?
    public var meeting: RecordID?
    /// The agenda item under discussion when this was recorded.
    public var item: RecordID?
    public init(id: RecordID, kern: String, wijk: String?, text: String, date: Day, person: PersonRef? = nil, meeting: RecordID? = nil) {
        self.id = id; self.kern = kern; self.wijk = wijk; self.text = text; self.date = date; self.person = person
        self.meeting = meeting
    }
}

public struct InitiativeTriaged: Codable, Hashable, Sendable {
    public var ref: RecordID
    public var outcome: InitiativeOutcome
    public var reason: String?
    public var date: Day
    public init(ref: RecordID, outcome: InitiativeOutcome, reason: String?, date: Day) {
        self.ref = ref; self.outcome = outcome; self.reason = reason; self.date = date
    }
}

public struct PriorityClosed: Codable, Hashable, Sendable {
    public var ref: RecordID
    public var reason: String?
    public init(ref: RecordID, reason: String?) { self.ref = ref; self.reason = reason }
}

/// A wijk's kind changes only by a recorded decision.
public struct WijkKindChanged: Codable, Hashable, Sendable {
    public var wijk: String
    public var kind: WijkKind
    public var decision: RecordID
    public init(wijk: String, kind: WijkKind, decision: RecordID) { self.wijk = wijk; self.kind = kind; self.decision = decision }
}

public struct BudgetAllocated: Codable, Hashable, Sendable {
    public var id: RecordID
    public var kern: String
    public var wijk: String?
    public var year: Int
    public var amount: Money
    public var decision: RecordID?
    public init(id: RecordID, kern: String, wijk: String?, year: Int, amount: Money, decision: RecordID?) {
        self.id = id; self.kern = kern; self.wijk = wijk; self.year = year; self.amount = amount; self.decision = decision
    }
}

/// Feedback (terugkoppeling) to the residents behind a signal or initiative.
public struct FeedbackGiven: Codable, Hashable, Sendable {
    public var ref: RecordID
    public var how: String
    public var date: Day
    public init(ref: RecordID, how: String, date: Day) { self.ref = ref; self.how = how; self.date = date }
}

// MARK: - Meeting events (lifecycle, agenda flow, attendance)

public struct MeetingOpened: Codable, Hashable, Sendable {
    public var ref: RecordID
    public init(ref: RecordID) { self.ref = ref }
}

/// Closing a meeting records a checkpoint of the log as it was just before: keep it elsewhere.
public struct MeetingClosed: Codable, Hashable, Sendable {
    public var ref: RecordID
    public var checkpointSeq: Int
    public var checkpointHash: String
    public init(ref: RecordID, checkpointSeq: Int, checkpointHash: String) {
        self.ref = ref; self.checkpointSeq = checkpointSeq; self.checkpointHash = checkpointHash
    }
    enum CodingKeys: String, CodingKey {
        case ref
        case checkpointSeq = "checkpoint_seq"
        case checkpointHash = "checkpoint_hash"
    }
}

/// A closed meeting is reopened only by a recorded decision.
public struct MeetingReopened: Codable, Hashable, Sendable {
    public var ref: RecordID
    public var decision: RecordID
    public init(ref: RecordID, decision: RecordID) { self.ref = ref; self.decision = decision }
}

public enum AttendanceStatus: String, CaseIterable, Codable, Sendable {
    case aanwezig, afwezig, afgemeld
}

public struct AttendanceRecorded: Codable, Hashable, Sendable {
    public var meeting: RecordID
    public var org: String
    public var status: AttendanceStatus
    /// An ad-hoc member: the professional who takes part for `org` (never a resident; residents are only
    /// counted). Absent for an organisation's seat at the table.
    public var name: String?
    public init(meeting: RecordID, org: String, status: AttendanceStatus, name: String? = nil) {
        self.meeting = meeting; self.org = org; self.status = status; self.name = name
    }

    /// Who, as the minutes and the app say it: "Politie", "School De Kameleon (J. de Vries)". Attendance is
    /// kept per who, so a named person and the organisation's seat are separate lines.
    public var who: String { Self.who(org: org, name: name) }
    public static func who(org: String, name: String?) -> String { name.map { "\(org) (\($0))" } ?? org }
}

public struct ResidentsCounted: Codable, Hashable, Sendable {
    public var meeting: RecordID
    public var count: Int
    public init(meeting: RecordID, count: Int) { self.meeting = meeting; self.count = count }
}

public struct AgendaReordered: Codable, Hashable, Sendable {
    public var meeting: RecordID
    public var order: [RecordID]
    public init(meeting: RecordID, order: [RecordID]) { self.meeting = meeting; self.order = order }
}

/// The chair starts discussing an agenda item; the entry's timestamp is the start time. Moving on
/// from the item before ends that one in the same entry, so two screens never see half a step.
public struct AgendaItemStarted: Codable, Hashable, Sendable {
    public var ref: RecordID
    public var ended: RecordID?
    public var outcome: ItemOutcome?
    public init(ref: RecordID, ended: RecordID? = nil, outcome: ItemOutcome? = nil) {
        self.ref = ref; self.ended = ended; self.outcome = outcome
    }
}

public struct AgendaItemEnded: Codable, Hashable, Sendable {
    public var ref: RecordID
    public var outcome: ItemOutcome
    public init(ref: RecordID, outcome: ItemOutcome) { self.ref = ref; self.outcome = outcome }
}

/// A Lemon liveability score for a wijk, theme and year (the biennial survey).
public struct LemonScored: Codable, Hashable, Sendable {
    public var kern: String
    public var wijk: String?
    public var theme: Theme
    public var year: Int
    /// Score in hundredths (7,25 → 725), so no floating point is stored.
    public var score: Int
    public init(kern: String, wijk: String?, theme: Theme, year: Int, score: Int) {
        self.kern = kern; self.wijk = wijk; self.theme = theme; self.year = year; self.score = score
    }

    /// Dutch display: 7,25.
    public var scoreText: String {
        let cents = score % 100
        return "\(score / 100),\(cents < 10 ? "0" : "")\(cents)"
    }
}

/// What was discussed under an agenda item, in the secretary's words: one note per line she saved.
/// The minutes print an item's notes in order under it.
public struct NoteAdded: Codable, Hashable, Sendable {
    public var id: RecordID
    public var meeting: RecordID
    public var item: RecordID
    public var kern: String
    public var wijk: String?
    public var text: String
    public init(id: RecordID, meeting: RecordID, item: RecordID, kern: String, wijk: String?, text: String) {
        self.id = id; self.meeting = meeting; self.item = item; self.kern = kern; self.wijk = wijk; self.text = text
    }
}

/// The secretary asks the chair to move on to the next agenda item; the chair's window shows the request
/// until the meeting moves on. Only the chair moves the meeting itself.
public struct NextItemRequested: Codable, Hashable, Sendable {
    public var meeting: RecordID
    public init(meeting: RecordID) { self.meeting = meeting }
}
