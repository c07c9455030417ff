/// Entries that say something about a record without creating one — a status change, a triage,
/// feedback, attendance, a residents' count, a Lemon score, closing a priority — are "fact entries".
/// They have no id, so a correction or withdrawal names them by sequence number (`#39`). The fold
/// keeps the log's own version in `changeEvents`, a corrected version in `correctedEntries`, and after
/// any correction or withdrawal works out again what stands for the record the fact is about.

/// One change of a wijk's kind, with the kind it had before (so the history can say "intensief → beheer").
public struct WijkKindStep: Hashable, Sendable {
    public var change: WijkKindChanged
    public var previous: WijkKind?
    public var seq: Int
    public var timestamp: String
}

/// One close of a meeting (with its checkpoint) and, when it was reopened afterwards, by which decision.
public struct MeetingSeal: Hashable, Sendable {
    public var close: MeetingClosed
    public var seq: Int
    public var timestamp: String
    public var reopened: (decision: RecordID, seq: Int, timestamp: String)?

    public static func == (a: MeetingSeal, b: MeetingSeal) -> Bool {
        a.close == b.close && a.seq == b.seq && a.timestamp == b.timestamp && a.reopened?.seq == b.reopened?.seq
    }
    public func hash(into h: inout Hasher) { h.combine(seq) }
}

extension LemonScored {
    /// The same wijk, theme and year: a second score for it is a correction.
    public func sameSubject(as other: LemonScored) -> Bool {
        kern == other.kern && wijk == other.wijk && theme == other.theme && year == other.year
    }
}

extension Event {
    /// Whether this entry is a fact about a record that a later entry may correct or withdraw by number.
    public var isFact: Bool {
        switch self {
        case .actionStatusChanged, .signalTriaged, .initiativeTriaged, .feedbackGiven, .attendanceRecorded,
             .residentsCounted, .lemonScored, .priorityClosed, .planPhaseSet: true
        default: false
        }
    }

    /// The record a fact entry is about (nil for a Lemon score, which is about a wijk).
    public var factSubject: RecordID? {
        switch self {
        case .actionStatusChanged(let e): e.ref
        case .signalTriaged(let e): e.ref
        case .initiativeTriaged(let e): e.ref
        case .feedbackGiven(let e): e.ref
        case .attendanceRecorded(let e): e.meeting
        case .residentsCounted(let e): e.meeting
        case .priorityClosed(let e): e.ref
        case .planPhaseSet(let e): e.ref
        default: nil
        }
    }

    /// The fields of a fact entry a correction may change, by their command-line names.
    public static func correctableFactFields(_ event: Event) -> [DraftField] {
        switch event {
        case .actionStatusChanged: [.status, .reason]
        case .signalTriaged: [.route, .reason, .date]
        case .initiativeTriaged: [.outcome, .reason, .date]
        case .feedbackGiven: [.how, .date]
        case .attendanceRecorded: [.attendance]
        case .residentsCounted: [.count]
        case .lemonScored: [.score]
        case .priorityClosed: [.reason]
        case .planPhaseSet: [.decision, .date]
        default: []
        }
    }

    /// A fact entry with corrected fields (values as the validator wrote them), or nil when a field or
    /// value does not fit (only in a hand-made log: corrections are validated before they are written).
    public func correctingFact(_ fields: [String: String]) -> Event? {
        var out = self
        for (name, value) in fields.sorted(by: { $0.key < $1.key }) {
            guard let field = DraftField(rawValue: name) else { return nil }
            let text = value.trimmingCharacters(in: .whitespacesAndNewlines)
            let optional: String? = text.isEmpty ? nil : text
            switch (out, field) {
            case (.actionStatusChanged(var e), .status): guard let v = ActionStatus.parse(text) else { return nil }; e.status = v; out = .actionStatusChanged(e)
            case (.actionStatusChanged(var e), .reason): e.reason = optional; out = .actionStatusChanged(e)
            case (.signalTriaged(var e), .route): guard let v = SignalRoute.parse(text) else { return nil }; e.route = v; out = .signalTriaged(e)
            case (.signalTriaged(var e), .reason): e.reason = optional; out = .signalTriaged(e)
            case (.signalTriaged(var e), .date): guard let d = Day(text) else { return nil }; e.date = d; out = .signalTriaged(e)
            case (.initiativeTriaged(var e), .outcome): guard let v = InitiativeOutcome.parse(text) else { return nil }; e.outcome = v; out = .initiativeTriaged(e)
            case (.initiativeTriaged(var e), .reason): e.reason = optional; out = .initiativeTriaged(e)
            case (.initiativeTriaged(var e), .date): guard let d = Day(text) else { return nil }; e.date = d; out = .initiativeTriaged(e)
            case (.feedbackGiven(var e), .how): guard let v = optional else { return nil }; e.how = v; out = .feedbackGiven(e)
            case (.feedbackGiven(var e), .date): guard let d = Day(text) else { return nil }; e.date = d; out = .feedbackGiven(e)
            case (.attendanceRecorded(var e), .attendance): guard let v = AttendanceStatus.parse(text) else { return nil }; e.status = v; out = .attendanceRecorded(e)
            case (.residentsCounted(var e), .count): guard let n = Int(text), (0...10_000).contains(n) else { return nil }; e.count = n; out = .residentsCounted(e)
            case (.lemonScored(var e), .score): guard let n = LemonScored.parseScore(text) else { return nil }; e.score = n; out = .lemonScored(e)
            case (.priorityClosed(var e), .reason): e.reason = optional; out = .priorityClosed(e)
            case (.planPhaseSet(var e), .decision):
                if let text = optional { guard let id = RecordID(text), id.kind == .decision else { return nil }; e.decision = id } else { e.decision = nil }
                out = .planPhaseSet(e)
            case (.planPhaseSet(var e), .date): guard let d = Day(text) else { return nil }; e.date = d; out = .planPhaseSet(e)
            default: return nil
            }
        }
        return out
    }
}

extension LemonScored {
    /// A score as typed (`7,25`, `7.25`, `7`) in hundredths, from 1 to 10; nil otherwise.
    public static func parseScore(_ text: String) -> Int? {
        let t = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ".", with: ",")
        let parts = t.split(separator: ",", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = Int(parts[0]), parts[0].allSatisfy(\.isNumber) else { return nil }
        var cents = 0
        if parts.count == 2 {
            let frac = parts[1]
            guard (1...2).contains(frac.count), frac.allSatisfy(\.isNumber), let f = Int(frac) else { return nil }
            cents = frac.count == 1 ? f * 10 : f
        }
        let score = whole * 100 + cents
        return (100...1000).contains(score) ? score : nil
    }
}

extension KernteamState {
    /// A fact entry as it stands now (corrections applied), with its header.
    public func fact(seq: Int) -> LoggedEvent? {
        guard var e = changeEvent(seq: seq), e.event.isFact else { return nil }
        if let corrected = correctedEntries[seq] { e.event = corrected }
        return e
    }

    /// The fact entries about a record that still stand, oldest first, corrections applied.
    func standingFacts(_ changes: [Int]) -> [Event] {
        changes.compactMap { withdrawnEntries[$0] == nil ? fact(seq: $0)?.event : nil }
    }

    mutating func correctEntry(_ target: Int, fields: [String: String], by seq: Int) -> Bool {
        guard let current = fact(seq: target), let corrected = current.event.correctingFact(fields) else { return false }
        correctedEntries[target] = corrected
        restate(after: current.event, changedBy: seq)
        return true
    }

    mutating func withdrawEntry(_ target: Int, reason: String, by seq: Int) -> Bool {
        guard let current = fact(seq: target), withdrawnEntries[target] == nil else { return false }
        withdrawnEntries[target] = reason
        restate(after: current.event, changedBy: seq)
        return true
    }

    /// Notes the change on the record a fact is about and works out again what stands for it.
    private mutating func restate(after fact: Event, changedBy seq: Int) {
        if let subject = fact.factSubject {
            switch subject.kind {
            case .action: _ = actions.update(subject) { $0.changes.append(seq) }
            case .signal: _ = signals.update(subject) { $0.changes.append(seq) }
            case .initiative: _ = initiatives.update(subject) { $0.changes.append(seq) }
            case .meeting: _ = meetings.update(subject) { $0.changes.append(seq) }
            case .priority: _ = priorities.update(subject) { $0.changes.append(seq) }
            case .plan: _ = plans.update(subject) { $0.changes.append(seq) }
            default: break
            }
        }
        switch fact {
        case .actionStatusChanged(let e):
            guard let t = actions[e.ref] else { return }
            let latest = standingFacts(t.changes).last { if case .actionStatusChanged = $0 { true } else { false } }
            _ = actions.update(e.ref) {
                if case .actionStatusChanged(let s)? = latest { $0.value.status = s.status; $0.value.statusReason = s.reason }
                else { $0.value.status = .open; $0.value.statusReason = nil }
            }
        case .signalTriaged(let e):
            guard let t = signals[e.ref] else { return }
            let latest = standingFacts(t.changes).last { if case .signalTriaged = $0 { true } else { false } }
            if case .signalTriaged(let s)? = latest { signalTriage[e.ref] = s } else { signalTriage[e.ref] = proposalTriage[e.ref] }
        case .initiativeTriaged(let e):
            guard let t = initiatives[e.ref] else { return }
            let latest = standingFacts(t.changes).last { if case .initiativeTriaged = $0 { true } else { false } }
            _ = initiatives.update(e.ref) {
                if case .initiativeTriaged(let s)? = latest {
                    $0.value.outcome = s.outcome; $0.value.reason = s.reason; $0.value.triagedOn = s.date
                } else {
                    $0.value.outcome = nil; $0.value.reason = nil; $0.value.triagedOn = nil
                }
            }
        case .feedbackGiven(let e):
            let changes = e.ref.kind == .signal ? signals[e.ref]?.changes : initiatives[e.ref]?.changes
            let latest = standingFacts(changes ?? []).last { if case .feedbackGiven = $0 { true } else { false } }
            if case .feedbackGiven(let f)? = latest { feedback[e.ref] = f } else { feedback[e.ref] = nil }
        case .attendanceRecorded(let e):
            var present: [String: AttendanceStatus] = [:]
            for case .attendanceRecorded(let a) in standingFacts(meetings[e.meeting]?.changes ?? []) { present[a.who] = a.status }
            attendance[e.meeting] = present.isEmpty ? nil : present
        case .residentsCounted(let e):
            let latest = standingFacts(meetings[e.meeting]?.changes ?? []).last { if case .residentsCounted = $0 { true } else { false } }
            if case .residentsCounted(let r)? = latest { residentsPresent[e.meeting] = r.count } else { residentsPresent[e.meeting] = nil }
        case .priorityClosed(let e):
            guard let t = priorities[e.ref] else { return }
            let latest = standingFacts(t.changes).last { if case .priorityClosed = $0 { true } else { false } }
            if case .priorityClosed(let c)? = latest { closedPriorities[e.ref] = c } else { closedPriorities[e.ref] = nil }
        case .planPhaseSet(let e):
            guard let t = plans[e.ref] else { return }
            // The steps that stand, in log order, corrections applied.
            let steps = t.changes.compactMap { n -> PlanStep? in
                guard withdrawnEntries[n] == nil, case .planPhaseSet(let s)? = self.fact(seq: n)?.event else { return nil }
                return PlanStep(phase: s.phase, decision: s.decision, date: s.date, seq: n)
            }
            _ = plans.update(e.ref) { $0.value.steps = steps }
        case .lemonScored(let e):
            restateLemon(e, changedBy: seq)
        default:
            break
        }
    }

    /// A Lemon score is about a wijk, theme and year: the one that stands is the latest entry for it
    /// that was not withdrawn, with its corrections; the record keeps every change for the history.
    private mutating func restateLemon(_ score: LemonScored, changedBy seq: Int) {
        let entries = changeEvents.rareKindsAndValues().filter { if case .lemonScored(let l) = $0.event { l.sameSubject(as: score) } else { false } }
        let changes = (lemonRecords.first { $0.value.sameSubject(as: score) }?.changes ?? []) + [seq]
        lemonRecords.removeAll { $0.value.sameSubject(as: score) }
        guard let last = entries.last else { return }
        let standing = entries.last { withdrawnEntries[$0.seq] == nil }
        guard case .lemonScored(let value)? = fact(seq: (standing ?? last).seq)?.event else { return }
        var t = Tracked(value: value, seq: (standing ?? last).seq, timestamp: (standing ?? last).timestamp)
        // Nothing stands any more: the record stays for the history, marked withdrawn.
        if standing == nil { t.withdrawnReason = withdrawnEntries[last.seq] }
        t.changes = changes
        lemonRecords.append(t)
    }
}

/// One stretch of time an agenda item was under discussion: from the entry that started it to the one
/// that moved on or ended it (nil while it runs).
public struct ItemRun: Hashable, Sendable {
    public var start: String
    public var end: String?
    /// The entries that started and ended it: what was logged in between was logged during the run.
    public var startSeq: Int
    public var endSeq: Int?
}
