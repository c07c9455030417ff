/// Every number and store reference in a log line is checked when it is read, not only when it is
/// typed: a line that chains correctly can still have been made by hand, and a value at the edge of
/// a 64-bit integer would otherwise trap in arithmetic later (a sum of budgets, a total of minutes).
/// The ranges are wider than what the forms accept, so no honest log is refused.
public enum ReadLimits {
    /// Meeting length and agenda minutes: at most a day.
    public static let minutes = 0...1440
    public static let year = 1900...2200
    /// Residents counted at a meeting.
    public static let count = 0...1_000_000
    /// Lemon score in hundredths (0,00 – 10,00).
    public static let score = 0...1000
    public static let checkpointSeq = 0...999_999_999_999

    /// Whether `ref` is a person reference as the program makes them: `pd-` and letters and digits,
    /// a plain file name in the store (no `/`, no `..`, nothing hidden).
    public static func isPersonRef(_ ref: String) -> Bool {
        guard ref.hasPrefix("pd-"), ref.utf8.count <= 64 else { return false }
        let rest = ref.utf8.dropFirst(3)
        return !rest.isEmpty && rest.allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 122) }
    }
}

extension Event {
    /// The kind of id a record of this type gets (a signal is S-n); nil for events that create none.
    var createdKind: RecordID.Kind? {
        switch self {
        case .meetingHeld: .meeting
        case .agendaItemAdded: .agendaItem
        case .signalRecorded: .signal
        case .actionCreated: .action
        case .decisionTaken: .decision
        case .prioritySet: .priority
        case .participationSet: .participation
        case .initiativeRecorded: .initiative
        case .budgetAllocated: .budget
        case .planCreated: .plan
        default: nil
        }
    }

    /// What is out of range in this event, in words for the damage report; nil when all is well.
    public var valueProblem: String? {
        func range(_ value: Int?, _ allowed: ClosedRange<Int>, _ field: String) -> String? {
            guard let value, !allowed.contains(value) else { return nil }
            return "veld '\(field)' buiten bereik (\(value); toegestaan \(allowed.lowerBound)…\(allowed.upperBound))"
        }
        func money(_ value: Money?, _ field: String) -> String? {
            guard let value, !(0...Money.maxCents).contains(value.cents) else { return nil }
            return "veld '\(field)' buiten bereik (\(value.cents) cent; toegestaan 0…\(Money.maxCents))"
        }
        func person(_ ref: PersonRef?) -> String? {
            guard let ref, !ReadLimits.isPersonRef(ref) else { return nil }
            return "verwijzing naar persoonsgegevens '\(ref)' is geen naam die het programma maakt"
        }
        if let id = createdID, let kind = createdKind, id.kind != kind {
            return "id \(id) past niet bij dit soort regel (verwacht \(kind.rawValue)-…)"
        }
        switch self {
        case .meetingHeld(let e): return range(e.length, ReadLimits.minutes, "length")
        case .agendaItemAdded(let e): return range(e.minutes, ReadLimits.minutes, "minutes")
        case .actionCreated(let e): return money(e.cost, "cost")
        case .budgetAllocated(let e): return range(e.year, ReadLimits.year, "year") ?? money(e.amount, "amount")
        case .meetingClosed(let e): return range(e.checkpointSeq, ReadLimits.checkpointSeq, "checkpoint_seq")
        case .residentsCounted(let e): return range(e.count, ReadLimits.count, "count")
        case .planCreated(let e): return range(e.startYear, ReadLimits.year, "start_year") ?? range(e.endYear, ReadLimits.year, "end_year")
        case .lemonScored(let e): return range(e.year, ReadLimits.year, "year") ?? range(e.score, ReadLimits.score, "score")
        case .signalRecorded(let e): return person(e.person)
        case .initiativeRecorded(let e): return person(e.person)
        case .personErased(let e): return e.refs.lazy.compactMap(person).first
        default: return nil
        }
    }
}
