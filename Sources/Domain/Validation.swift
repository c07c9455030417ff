import Foundation

/// Turns drafts into events, or refuses them with a message per field. The command line and the
/// forms both go through here, so a rule holds the same way from the keys and from scripts.
public struct Validator: Sendable {
    public let state: KernteamState
    public let today: Day
    public let settings: Settings

    public init(state: KernteamState, today: Day, settings: Settings = Settings()) {
        self.state = state
        self.today = today
        self.settings = settings
    }

    /// Yes/no as typed: `ja`, `nee`, `true`, `false`.
    static func yes(_ s: String?) -> Bool? {
        guard let s = s?.lowercased() else { return nil }
        if ["ja", "j", "yes", "true", "1"].contains(s) { return true }
        if ["nee", "n", "no", "false", "0"].contains(s) { return false }
        return nil
    }

    /// Notes that do not stop an entry but that the user should see (in the app and on stderr).
    public func warnings(_ kind: DraftKind, _ draft: Draft) -> [Text] {
        var out: [Text] = []
        if kind == .priority, let w = draft[.wijk], let place = state.reference.place(named: w), let wijk = place.wijk,
           state.kind(ofWijk: wijk) == .beheer {
            out.append(.priorityInBeheerWijk(wijk))
        }
        // Priorities belong to the kern's plan, and residents are involved in setting them (beleidsplan 1.2).
        if kind == .priority, let w = draft[.wijk], let place = state.reference.place(named: w) {
            if state.plans(kern: place.kern).isEmpty { out.append(.plan(.noPlanNote(place.kern))) }
            if draft[.involvement] == nil { out.append(.plan(.involvementNote)) }
        }
        return out
    }

    /// Longest text accepted for one field: generous for minutes, small enough to keep lines sane.
    public static let maxTextLength = 4000

    public func validate(_ kind: DraftKind, _ draft: Draft, meeting: RecordID? = nil, target: RecordID? = nil) -> Result<Event, Refusal> {
        var check = DraftCheck(state: state, today: today, settings: settings, draft: draft, meeting: meeting, target: target)
        for field in kind.fields where kind.required.contains(field) && draft[field] == nil {
            check.problems.append(FieldProblem(field, .required))
        }
        for (field, value) in draft.values where value.count > Self.maxTextLength {
            check.problems.append(FieldProblem(field, .tooLong(Self.maxTextLength)))
        }
        let event = check.event(kind)
        if check.problems.isEmpty, let event { return .success(linkedToItem(event, named: draft[.item].flatMap(RecordID.init))) }
        if check.problems.isEmpty { check.problems.append(FieldProblem(.text, .required)) }
        return .failure(Refusal(check.problems))
    }
}

extension DraftCheck {
    /// The rules of each kind, in the file of the record kind they guard (`Rules/`).
    mutating func event(_ kind: DraftKind) -> Event? {
        switch kind {
        case .meeting: meetingEvent()
        case .openMeeting: openMeetingEvent()
        case .reopenMeeting: reopenMeetingEvent()
        case .attendance: attendanceEvent()
        case .residents: residentsEvent()
        case .agendaItem: agendaItemEvent()
        case .nextItem: itemStartedEvent(forward: true)
        case .previousItem: itemStartedEvent(forward: false)
        case .endItem: endItemEvent()
        case .moveItem: moveItemEvent()
        case .removeItem: removeItemEvent()
        case .timebox: timeboxEvent()
        case .signal: signalEvent()
        case .triageSignal: triageSignalEvent()
        case .proposal: proposalEvent()
        case .feedback: feedbackEvent()
        case .action: actionEvent()
        case .status: statusEvent()
        case .decision: decisionEvent()
        case .participation: participationEvent()
        case .initiative: initiativeEvent()
        case .triageInitiative: triageInitiativeEvent()
        case .priority: priorityEvent()
        case .closePriority: closePriorityEvent()
        case .wijkKind: wijkKindEvent()
        case .budget: budgetEvent()
        case .lemon: lemonEvent()
        case .plan: planEvent()
        case .planPhase: planPhaseEvent()
        case .note: noteEvent()
        case .requestNext: requestNextEvent()
        }
    }
}

extension Validator {
    /// What is recorded during an open meeting is linked to the agenda item named (`--item`), else to
    /// the item under discussion.
    func linkedToItem(_ event: Event, named: RecordID?) -> Event {
        func current(_ meeting: RecordID?) -> RecordID? { named ?? meeting.flatMap { state.currentItem($0)?.id } }
        switch event {
        case .signalRecorded(var e): e.item = current(e.meeting); return .signalRecorded(e)
        case .actionCreated(var e): e.item = current(e.meeting); return .actionCreated(e)
        case .decisionTaken(var e): e.item = current(e.meeting); return .decisionTaken(e)
        case .participationSet(var e): e.item = current(e.meeting); return .participationSet(e)
        case .initiativeRecorded(var e): e.item = current(e.meeting); return .initiativeRecorded(e)
        default: return event
        }
    }
}
