import Foundation

/// Correcting and withdrawing. A correction is validated as if the record were added anew with the
/// changed fields, against the state without the record itself (so a rule that counts records — the
/// cap of five priorities, one budget per wijk and year — does not count the one being corrected).
/// Only the fields whose value really changes are written, as the validator normalised them.
extension KernteamState {
    /// The form a record or fact entry is added with, filled with its current values.
    public func currentDraft(of target: EntryRef) -> (kind: DraftKind, draft: Draft)? {
        switch target {
        case .record(let id): recordDraft(id)
        case .entry(let seq): fact(seq: seq).flatMap { factDraft($0.event) }
        }
    }

    private func recordDraft(_ id: RecordID) -> (kind: DraftKind, draft: Draft)? {
        func place(_ kern: String, _ wijk: String?) -> String { wijk ?? kern }
        var d = Draft()
        switch id.kind {
        case .meeting:
            guard let m = meetings[id]?.value else { return nil }
            d[.kern] = m.kern; d[.date] = m.date.description; d[.length] = m.length.map(String.init)
            return (.meeting, d)
        case .agendaItem:
            guard let a = agenda[id]?.value else { return nil }
            d[.title] = a.title; d[.wijk] = a.wijk; d[.minutes] = a.minutes.map(String.init); d[.meeting] = a.meeting.description
            d[.about] = a.source?.description
            return (.agendaItem, d)
        case .signal:
            guard let s = signals[id]?.value else { return nil }
            d[.wijk] = place(s.kern, s.wijk); d[.theme] = s.theme.rawValue; d[.source] = s.source.rawValue; d[.text] = s.text
            d[.date] = s.date.description; d[.buurt] = s.buurt; d[.meeting] = s.meeting?.description
            return (.signal, d)
        case .action:
            guard let a = actions[id]?.value.created else { return nil }
            d[.title] = a.title; d[.wijk] = place(a.kern, a.wijk); d[.owner] = a.owner; d[.person] = a.person
            d[.due] = a.due?.description; d[.result] = a.result; d[.cost] = a.cost?.plain; d[.inform] = a.inform
            d[.wijkbudget] = a.charged ? "ja" : nil; d[.reason] = a.reason
            d[.serves] = a.serves?.map(\.description).joined(separator: " "); d[.meeting] = a.meeting?.description
            return (.action, d)
        case .decision:
            guard let b = decisions[id]?.value else { return nil }
            d[.wijk] = place(b.kern, b.wijk); d[.text] = b.text; d[.meeting] = b.meeting?.description
            d[.body] = b.takenBy.rawValue; d[.date] = b.date?.description
            return (.decision, d)
        case .priority:
            guard let p = priorities[id]?.value else { return nil }
            d[.wijk] = place(p.kern, p.wijk); d[.theme] = p.theme.rawValue; d[.text] = p.text; d[.period] = p.period
            d[.meeting] = p.meeting?.description; d[.involvement] = p.involvement; d[.reason] = p.reason
            return (.priority, d)
        case .participation:
            guard let p = participation[id]?.value else { return nil }
            d[.wijk] = place(p.kern, p.wijk); d[.topic] = p.topic; d[.work] = p.work?.rawValue; d[.phase] = p.phase?.rawValue
            d[.controversial] = p.controversial.map { $0 ? "ja" : "nee" }; d[.level] = p.level.rawValue; d[.reason] = p.reason
            d[.representatives] = p.representatives; d[.feedbackPlan] = p.feedbackPlan; d[.meeting] = p.meeting?.description
            return (.participation, d)
        case .initiative:
            guard let i = initiatives[id]?.value.recorded else { return nil }
            d[.wijk] = place(i.kern, i.wijk); d[.text] = i.text; d[.date] = i.date.description; d[.meeting] = i.meeting?.description
            return (.initiative, d)
        case .note:
            guard let n = notes[id]?.value else { return nil }
            d[.text] = n.text; d[.item] = n.item.description; d[.meeting] = n.meeting.description
            return (.note, d)
        case .budget:
            guard let b = budgets[id]?.value else { return nil }
            d[.wijk] = place(b.kern, b.wijk); d[.year] = String(b.year); d[.amount] = b.amount.plain; d[.decision] = b.decision?.description
            return (.budget, d)
        case .plan:
            guard let p = plans[id]?.value.created else { return nil }
            d[.kern] = p.kern; d[.period] = p.period; d[.reason] = p.reason
            return (.plan, d)
        }
    }

    private func factDraft(_ event: Event) -> (kind: DraftKind, draft: Draft)? {
        var d = Draft()
        switch event {
        case .actionStatusChanged(let e):
            d[.status] = e.status.rawValue; d[.reason] = e.reason
            return (.status, d)
        case .signalTriaged(let e):
            d[.route] = e.route.rawValue; d[.reason] = e.reason; d[.date] = e.date.description
            return (.triageSignal, d)
        case .initiativeTriaged(let e):
            d[.outcome] = e.outcome.rawValue; d[.reason] = e.reason; d[.date] = e.date.description
            return (.triageInitiative, d)
        case .feedbackGiven(let e):
            d[.how] = e.how; d[.date] = e.date.description
            return (.feedback, d)
        case .attendanceRecorded(let e):
            d[.org] = e.org; d[.name] = e.name; d[.attendance] = e.status.rawValue
            return (.attendance, d)
        case .residentsCounted(let e):
            d[.count] = String(e.count)
            return (.residents, d)
        case .lemonScored(let e):
            d[.wijk] = e.wijk ?? e.kern; d[.theme] = e.theme.rawValue; d[.year] = String(e.year); d[.score] = e.scoreText
            return (.lemon, d)
        case .priorityClosed(let e):
            d[.reason] = e.reason
            return (.closePriority, d)
        case .planPhaseSet(let e):
            d[.phase] = e.phase.rawValue; d[.decision] = e.decision?.description; d[.date] = e.date.description
            return (.planPhase, d)
        default:
            return nil
        }
    }

    /// The fields a correction of this record or entry may change, in form order.
    public func correctableFields(of target: EntryRef) -> [DraftField] {
        switch target {
        case .entry(let seq): return fact(seq: seq).map { Event.correctableFactFields($0.event) } ?? []
        case .record(let id):
            switch id.kind {
            case .meeting: return MeetingHeld.correctableFields
            case .agendaItem: return AgendaItemAdded.correctableFields
            case .signal: return SignalRecorded.correctableFields
            case .action: return ActionRecord.correctableFields
            case .decision: return DecisionTaken.correctableFields
            case .priority: return PrioritySet.correctableFields
            case .participation: return ParticipationSet.correctableFields
            case .initiative: return InitiativeRecord.correctableFields
            case .budget: return BudgetAllocated.correctableFields
            case .plan: return PlanRecord.correctableFields
            case .note: return NoteAdded.correctableFields
            }
        }
    }

    /// Whether the record or entry exists and has not been withdrawn.
    public func stands(_ target: EntryRef) -> Bool {
        switch target {
        case .entry(let seq): fact(seq: seq) != nil && withdrawnEntries[seq] == nil
        case .record(let id): exists(id) && withdrawnReason(id) == nil
        }
    }

    /// Why a record was withdrawn, if it was.
    public func withdrawnReason(_ id: RecordID) -> String? {
        switch id.kind {
        case .meeting: meetings[id]?.withdrawnReason
        case .agendaItem: agenda[id]?.withdrawnReason
        case .signal: signals[id]?.withdrawnReason
        case .action: actions[id]?.withdrawnReason
        case .decision: decisions[id]?.withdrawnReason
        case .priority: priorities[id]?.withdrawnReason
        case .participation: participation[id]?.withdrawnReason
        case .initiative: initiatives[id]?.withdrawnReason
        case .budget: budgets[id]?.withdrawnReason
        case .plan: plans[id]?.withdrawnReason
        case .note: notes[id]?.withdrawnReason
        }
    }

    /// The meeting whose minutes a record or entry belongs to (its seal protects it), if any.
    /// Follow-up facts (a status change, triage, feedback) are not part of the minutes and have none.
    public func sealingMeeting(of target: EntryRef) -> RecordID? {
        switch target {
        case .entry(let seq):
            switch fact(seq: seq)?.event {
            case .attendanceRecorded(let e)?: return e.meeting
            case .residentsCounted(let e)?: return e.meeting
            default: return nil
            }
        case .record(let id):
            switch id.kind {
            case .meeting: return id
            case .agendaItem: return agenda[id]?.value.meeting
            case .signal: return signals[id]?.value.meeting
            case .action: return actions[id]?.value.created.meeting
            case .decision: return decisions[id]?.value.meeting
            case .priority: return priorities[id]?.value.meeting
            case .participation: return participation[id]?.value.meeting
            case .initiative: return initiatives[id]?.value.recorded.meeting
            case .budget, .plan: return nil
            case .note: return notes[id]?.value.meeting
            }
        }
    }

    /// This state as if the record or entry had never stood (for validating its correction).
    func without(_ target: EntryRef) -> KernteamState {
        var copy = self
        switch target {
        case .record(let id): _ = copy.withdrawForValidation(id)
        case .entry(let seq): _ = copy.withdrawEntry(seq, reason: "", by: lastSeq + 1)
        }
        return copy
    }
}

extension Money {
    /// `1250,50`: the plain form a correction writes into the log, read back by `Money(_:)`.
    public var plain: String {
        let a = abs(cents), c = a % 100
        return "\(cents < 0 ? "-" : "")\(a / 100),\(c < 10 ? "0" : "")\(c)"
    }
}

extension Validator {
    /// A correction of `target` with the fields in `changes` (others keep their value), or a refusal
    /// that says what to fix. The result is an `entry.corrected` holding only what really changes.
    public func validateCorrection(_ target: EntryRef, _ changes: Draft, reason: String?) -> Result<Event, Refusal> {
        if let missing = missing(target) { return .failure(missing) }
        guard let (kind, current) = state.currentDraft(of: target) else { return .failure(Refusal(.id, .unknownRecord(target.description))) }
        if let sealed = sealed(target) { return .failure(sealed) }
        let allowed = state.correctableFields(of: target)
        var problems: [FieldProblem] = []
        for field in changes.values.keys.sorted(by: { $0.rawValue < $1.rawValue }) where !allowed.contains(field) {
            let personal: Set<DraftField> = [.reporter, .contact, .initiator]
            problems.append(FieldProblem(field, personal.contains(field) ? .personalNotCorrectable
                                                : .fieldNotCorrectable(allowed.map { Text.fieldLabel($0).text })))
        }
        if let reason, reason.count > Self.maxTextLength { problems.append(FieldProblem(.reason, .tooLong(Self.maxTextLength))) }
        guard problems.isEmpty else { return .failure(Refusal(problems)) }

        var merged = current
        for (field, value) in changes.values { merged.values[field] = value }
        let others = Validator(state: state.without(target), today: today, settings: settings)
        let validated: Event
        switch others.validate(kind, merged, meeting: nil, target: subject(of: target)) {
        case .failure(let r): return .failure(r)
        case .success(let e): validated = e
        }
        // What the validator made of the new values, compared field by field with what stands now.
        guard let after = KernteamState.valuesDraft(of: validated, in: state) else { return .failure(Refusal(.id, .unknownRecord(target.description))) }
        var fields: [String: String] = [:]
        for field in changes.values.keys where (after[field] ?? "") != (current[field] ?? "") {
            fields[field.rawValue] = after[field] ?? ""
        }
        guard !fields.isEmpty else { return .failure(Refusal(changes.values.keys.sorted { $0.rawValue < $1.rawValue }.first ?? .id, .nothingChanged)) }
        return .success(.entryCorrected(EntryCorrected(target: target, fields: fields, reason: reason)))
    }

    /// A withdrawal of `target` with its reason, or a refusal.
    public func validateWithdrawal(_ target: EntryRef, reason: String?) -> Result<Event, Refusal> {
        if let missing = missing(target) { return .failure(missing) }
        if let sealed = sealed(target) { return .failure(sealed) }
        guard let reason = reason?.trimmingCharacters(in: .whitespacesAndNewlines), !reason.isEmpty else {
            return .failure(Refusal(.reason, .reasonRequiredToWithdraw))
        }
        if reason.count > Self.maxTextLength { return .failure(Refusal(.reason, .tooLong(Self.maxTextLength))) }
        if case .record(let id) = target, id.kind == .meeting, state.phase(of: id) != .prepared || state.meetingSeals[id] != nil {
            return .failure(Refusal(.id, .meetingHeldNotWithdrawable(id.description)))
        }
        return .success(.entryWithdrawn(EntryWithdrawn(target: target, reason: reason)))
    }

    /// The refusal when the target does not exist, is not a correctable entry, or was withdrawn.
    private func missing(_ target: EntryRef) -> Refusal? {
        switch target {
        case .record(let id) where !state.exists(id):
            return Refusal(.id, .unknownRecord(id.description))
        case .entry(let seq) where state.fact(seq: seq) == nil:
            return Refusal(.id, seq <= state.lastSeq ? .notCorrectableEntry(target.description) : .unknownRecord(target.description))
        default:
            return state.stands(target) ? nil : Refusal(.id, .alreadyWithdrawn(target.description))
        }
    }

    /// The refusal for a record of a sealed (closed) meeting.
    func sealed(_ target: EntryRef) -> Refusal? {
        guard let meeting = state.sealingMeeting(of: target), state.phase(of: meeting) == .closed else { return nil }
        return Refusal(.meeting, .meetingSealed(meeting.description, target.description))
    }

    /// The record a fact entry's own validation is about (a triage's signal …); nil for records.
    private func subject(of target: EntryRef) -> RecordID? {
        guard case .entry(let seq) = target, let fact = state.fact(seq: seq) else { return nil }
        return fact.event.factSubject
    }
}

extension KernteamState {
    /// The values of a freshly validated record or fact, in the same form as `currentDraft`, so the
    /// two can be compared field by field.
    static func valuesDraft(of event: Event, in state: KernteamState) -> Draft? {
        var copy = KernteamState()
        copy.reference = state.reference
        if let id = event.createdID {
            // Records refer to meetings that the empty copy lacks; the draft does not need them.
            copy.apply(LoggedEvent(seq: 1, timestamp: "", role: .systeem, event: event))
            return copy.currentDraft(of: .record(id))?.draft
        }
        guard event.isFact else { return nil }
        var withSubject = copy
        // A fact is kept only when its record exists: fold a stand-in for it first.
        if let subject = event.factSubject, let created = state.creatingEvent(subject) {
            withSubject.apply(LoggedEvent(seq: 1, timestamp: "", role: .systeem, event: created))
        }
        withSubject.apply(LoggedEvent(seq: 2, timestamp: "", role: .systeem, event: event))
        return withSubject.currentDraft(of: .entry(2))?.draft
    }

    /// The event that would create this record as it stands now.
    func creatingEvent(_ id: RecordID) -> Event? {
        switch id.kind {
        case .meeting: meetings[id].map { .meetingHeld($0.value) }
        case .agendaItem: agenda[id].map { .agendaItemAdded($0.value) }
        case .signal: signals[id].map { .signalRecorded($0.value) }
        case .action: actions[id].map { .actionCreated($0.value.created) }
        case .decision: decisions[id].map { .decisionTaken($0.value) }
        case .priority: priorities[id].map { .prioritySet($0.value) }
        case .participation: participation[id].map { .participationSet($0.value) }
        case .initiative: initiatives[id].map { .initiativeRecorded($0.value.recorded) }
        case .budget: budgets[id].map { .budgetAllocated($0.value) }
        case .plan: plans[id].map { .planCreated($0.value.created) }
        case .note: notes[id].map { .noteAdded($0.value) }
        }
    }
}
