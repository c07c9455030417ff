import Foundation

/// Turns drafts into events, or refuses them with a message per field. The command line and the
/// forms both go through here, so a rule holds the same way from the keys and from scripts.
public struct Validator: Sendable {
    public let state: KernteamState
    public let today: Day

    public init(state: KernteamState, today: Day) {
        self.state = state
        self.today = today
    }

    /// Longest text accepted for one field: generous for minutes, small enough to keep lines sane.
    public static let maxTextLength = 4000

    public func validate(_ kind: DraftKind, _ draft: Draft, meeting: RecordID? = nil, target: RecordID? = nil) -> Result<Event, Refusal> {
        var problems: [FieldProblem] = []
        for field in kind.fields where kind.required.contains(field) && draft[field] == nil {
            problems.append(FieldProblem(field, .required))
        }
        for (field, value) in draft.values where value.count > Self.maxTextLength {
            problems.append(FieldProblem(field, .tooLong(Self.maxTextLength)))
        }
        let ref = state.reference

        func place() -> Place? {
            guard let text = draft[.wijk] else { return nil }
            if let p = ref.place(named: text) { return p }
            problems.append(FieldProblem(.wijk, .unknownWijk(text, known: ref.placeNames)))
            return nil
        }
        func day(_ field: DraftField, default fallback: Day?) -> Day? {
            guard let text = draft[field] else { return fallback }
            if let d = Day(text) { return d }
            problems.append(FieldProblem(field, .badDate(text)))
            return nil
        }
        func choice<E: CaseIterable & RawRepresentable>(_ field: DraftField, _ type: E.Type) -> E? where E.RawValue == String {
            guard let text = draft[field] else { return nil }
            if let v = E.parse(text) { return v }
            problems.append(FieldProblem(field, .unknownChoice(text, options: E.allCases.map(\.rawValue))))
            return nil
        }
        func meetingRef() -> RecordID? {
            guard let text = draft[.meeting] else {
                // A meeting passed in by the caller must exist just like one typed in the draft.
                guard let meeting, !state.meetings.contains(meeting) else { return meeting }
                problems.append(FieldProblem(.meeting, .unknownRecord(meeting.description)))
                return nil
            }
            if let id = RecordID(text), id.kind == .meeting, state.meetings.contains(id) { return id }
            problems.append(FieldProblem(.meeting, .unknownRecord(text)))
            return nil
        }

        let event: Event?
        switch kind {
        case .meeting:
            var kern: Kern?
            if let k = draft[.kern] {
                kern = ref.kern(named: k)
                if kern == nil { problems.append(FieldProblem(.kern, .unknownKern(k, known: ref.kernen.map(\.name)))) }
            }
            let date = day(.date, default: nil)
            event = kern.flatMap { k in date.map { .meetingHeld(MeetingHeld(id: state.nextID(.meeting), kern: k.name, date: $0)) } }

        case .agendaItem:
            let p = draft[.wijk] == nil ? nil : place()
            var minutes: Int?
            if let m = draft[.minutes] {
                minutes = Int(m)
                if minutes == nil || minutes! <= 0 || minutes! > 600 { problems.append(FieldProblem(.minutes, .badMinutes(m))); minutes = nil }
            }
            let m = meetingRef()
            if m == nil && draft[.meeting] == nil && meeting == nil { problems.append(FieldProblem(.meeting, .noMeeting)) }
            event = m.flatMap { meetingID in
                draft[.title].map { title in
                    let kern = p?.kern ?? state.meetings[meetingID]!.value.kern
                    return .agendaItemAdded(AgendaItemAdded(id: state.nextID(.agendaItem), meeting: meetingID, title: title,
                                                            kern: kern, wijk: p?.wijk, minutes: minutes))
                }
            }

        case .signal:
            let p = place(), theme = choice(.theme, Theme.self), source = choice(.source, SignalSource.self)
            let date = day(.date, default: today), m = meetingRef()
            if let p, let theme, let source, let date, let text = draft[.text] {
                event = .signalRecorded(SignalRecorded(id: state.nextID(.signal), kern: p.kern, wijk: p.wijk, theme: theme,
                                                       source: source, text: text, date: date, buurt: draft[.buurt],
                                                       meeting: m))
            } else { event = nil }

        case .action:
            let p = place(), due = day(.due, default: nil), m = meetingRef()
            var owner: Organisation?
            if let o = draft[.owner] {
                owner = ref.organisation(named: o)
                if owner == nil { problems.append(FieldProblem(.owner, .unknownOrganisation(o, known: ref.organisations.map(\.name)))) }
            }
            var cost: Money?
            if let c = draft[.cost] {
                cost = Money(c)
                if cost == nil || cost!.cents < 0 { problems.append(FieldProblem(.cost, .badAmount(c))); cost = nil }
            }
            if let p, let owner, let title = draft[.title] {
                event = .actionCreated(ActionCreated(id: state.nextID(.action), kern: p.kern, wijk: p.wijk, title: title,
                                                     owner: owner.name, person: draft[.person], due: due,
                                                     result: draft[.result], cost: cost, inform: draft[.inform], meeting: m))
            } else { event = nil }

        case .decision:
            let p = place(), m = meetingRef()
            if let p, let text = draft[.text] {
                event = .decisionTaken(DecisionTaken(id: state.nextID(.decision), kern: p.kern, wijk: p.wijk, text: text, meeting: m))
            } else { event = nil }

        case .participation:
            let p = place(), work = choice(.work, WorkKind.self), phase = choice(.phase, Phase.self)
            let level = choice(.level, ParticipationLevel.self), m = meetingRef()
            if let p, let level, let topic = draft[.topic] {
                event = .participationSet(ParticipationSet(id: state.nextID(.participation), kern: p.kern, wijk: p.wijk, topic: topic,
                                                           work: work, phase: phase, level: level, reason: draft[.reason], meeting: m))
            } else { event = nil }

        case .status:
            let status = choice(.status, ActionStatus.self)
            guard let target, let action = state.actions[target] else {
                problems.append(FieldProblem(.id, .unknownRecord(target?.description ?? "")))
                return .failure(Refusal(problems))
            }
            if status == .vervallen && draft[.reason] == nil {
                problems.append(FieldProblem(.reason, .reasonRequiredToDrop))
            }
            if let status, status == action.value.status {
                problems.append(FieldProblem(.status, .statusUnchanged(status.rawValue)))
            }
            event = status.map { .actionStatusChanged(ActionStatusChanged(ref: target, status: $0, reason: draft[.reason])) }
        }

        if problems.isEmpty, let event { return .success(event) }
        if problems.isEmpty { problems.append(FieldProblem(.text, .required)) }
        return .failure(Refusal(problems))
    }
}
