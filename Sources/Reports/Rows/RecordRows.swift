import Foundation
import KernteamDomain

/// A record as other programs read it: one Encodable row type per kind, the same for `list`,
/// `history` and `export … --format json`, so a script sees one schema (docs/json.md). Keys are the
/// English field names `list` has always used; dates are ISO (`2009-03-10`), amounts whole cents,
/// ids text, and a key whose value was not recorded is there with `null`.
///
/// Every row of a record starts with the same keys: `kind` (what it is, in the words of `history
/// --kind`), `id`, `kern`, `wijk`, `date` (the day it belongs to: its meeting's date, else its own
/// date, else the day it was logged), `seq` (the entry that made it), `changes` (the entries that
/// changed it since) and `withdrawn` (the reason, or null while it stands).
public struct RecordHead: Hashable, Sendable {
    public var kind: String
    public var id: String?
    public var kern: String
    public var wijk: String?
    public var date: Day
    public var seq: Int
    public var changes: [Int]
    public var withdrawn: String?
}

/// Writes keys by name, `null` for an absent value.
struct RowWriter {
    var container: KeyedEncodingContainer<RowKey>

    init(_ encoder: Encoder) { container = encoder.container(keyedBy: RowKey.self) }

    mutating func put<T: Encodable>(_ key: String, _ value: T?) throws {
        if let value { try container.encode(value, forKey: RowKey(key)) } else { try container.encodeNil(forKey: RowKey(key)) }
    }

    mutating func head(_ h: RecordHead) throws {
        try put("kind", h.kind); try put("id", h.id); try put("kern", h.kern); try put("wijk", h.wijk)
        try put("date", h.date.description); try put("seq", h.seq); try put("changes", h.changes); try put("withdrawn", h.withdrawn)
    }
}

struct RowKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ s: String) { stringValue = s }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

/// A resident's name and contact, only in rows asked for with personal data.
public struct PersonalFields: Hashable, Sendable {
    public var name: String?
    public var contact: String?
}

public struct SignalRow: Encodable, Hashable, Sendable {
    public var head: RecordHead
    public var theme: String, source: String, text: String
    public var buurt: String?, meeting: String?
    /// The latest triage: opgelost, kernteam, wijkaanpak, buiten-scope; null while not triaged.
    public var route: String?
    /// `reporter` and `contact`, only with `--include-personal`.
    public var reporter: PersonalFields?

    public func encode(to encoder: Encoder) throws {
        var w = RowWriter(encoder)
        try w.head(head)
        try w.put("theme", theme); try w.put("source", source); try w.put("text", text)
        try w.put("buurt", buurt); try w.put("meeting", meeting); try w.put("route", route)
        if let reporter { try w.put("reporter", reporter.name); try w.put("contact", reporter.contact) }
    }
}

public struct ActionRow: Encodable, Hashable, Sendable {
    public var head: RecordHead
    public var title: String, owner: String
    public var person: String?, due: Day?
    public var serves: [String]
    public var status: ActionStatus
    public var overdue: Bool
    public var result: String?, cost: Money?, inform: String?, meeting: String?
    public var statusReason: String?
    /// The cost is charged to the wijkbudget; `reason`: why the charge overspent it.
    public var wijkbudget: Bool = false, reason: String? = nil

    /// The id as written (with the log's label when logs are combined).
    public var id: String { head.id ?? "" }
    public var kern: String { head.kern }
    public var wijk: String? { head.wijk }

    public func encode(to encoder: Encoder) throws {
        var w = RowWriter(encoder)
        try w.head(head)
        try w.put("title", title); try w.put("owner", owner); try w.put("person", person); try w.put("due", due?.description)
        try w.put("serves", serves); try w.put("status", status.rawValue); try w.put("overdue", overdue)
        try w.put("result", result); try w.put("cost_cents", cost?.cents); try w.put("inform", inform)
        try w.put("meeting", meeting); try w.put("status_reason", statusReason)
        try w.put("wijkbudget", wijkbudget); try w.put("reason", reason)
    }
}

public struct DecisionRow: Encodable, Hashable, Sendable {
    public var head: RecordHead
    public var text: String
    public var meeting: String?
    public var about: [String]
    /// Who took it: kernteam, stuurgroep, projectgroep, klankbordgroep.
    public var body: String

    public func encode(to encoder: Encoder) throws {
        var w = RowWriter(encoder)
        try w.head(head)
        try w.put("text", text); try w.put("meeting", meeting); try w.put("about", about); try w.put("body", body)
    }
}

/// What was discussed under an agenda item.
public struct NoteRow: Encodable, Hashable, Sendable {
    public var head: RecordHead
    public var text: String
    public var meeting: String
    public var item: String

    public func encode(to encoder: Encoder) throws {
        var w = RowWriter(encoder)
        try w.head(head)
        try w.put("text", text); try w.put("meeting", meeting); try w.put("item", item)
    }
}

public struct MeetingRow: Encodable, Hashable, Sendable {
    public var head: RecordHead
    public var length: Int?
    /// prepared, open or closed.
    public var phase: String

    public func encode(to encoder: Encoder) throws {
        var w = RowWriter(encoder)
        try w.head(head)
        try w.put("length", length); try w.put("phase", phase)
    }
}

public struct AgendaItemRow: Encodable, Hashable, Sendable {
    public var head: RecordHead
    public var title: String, meeting: String
    public var minutes: Int?
    public var about: String?
    public var outcome: String?

    public func encode(to encoder: Encoder) throws {
        var w = RowWriter(encoder)
        try w.head(head)
        try w.put("title", title); try w.put("meeting", meeting); try w.put("minutes", minutes)
        try w.put("about", about); try w.put("outcome", outcome)
    }
}

public struct ParticipationRow: Encodable, Hashable, Sendable {
    public var head: RecordHead
    public var topic: String, level: String
    public var work: String?, phase: String?, reason: String?
    public var controversial: Bool, override: Bool
    public var about: String?, representatives: String?, feedbackPlan: String?
    /// The plan's range for this work and phase (lowest, highest), [] when the plan allows none; null
    /// when work or phase is not known.
    public var allowed: [String]?

    public func encode(to encoder: Encoder) throws {
        var w = RowWriter(encoder)
        try w.head(head)
        try w.put("topic", topic); try w.put("level", level); try w.put("work", work); try w.put("phase", phase)
        try w.put("reason", reason); try w.put("controversial", controversial); try w.put("override", override)
        try w.put("about", about); try w.put("representatives", representatives); try w.put("feedback_plan", feedbackPlan)
        try w.put("allowed", allowed.map { $0.isEmpty ? [] : [$0] })
    }
}

public struct FeedbackField: Encodable, Hashable, Sendable {
    public var how: String
    public var date: String
}

public struct InitiativeRow: Encodable, Hashable, Sendable {
    public var head: RecordHead
    public var text: String
    public var outcome: String?, reason: String?
    public var ageDays: Int
    public var overdue: Bool
    public var turnaroundDays: Int?
    public var feedback: FeedbackField?
    /// `initiator` and `contact`, only with `--include-personal`.
    public var initiator: PersonalFields?

    public func encode(to encoder: Encoder) throws {
        var w = RowWriter(encoder)
        try w.head(head)
        try w.put("text", text); try w.put("outcome", outcome); try w.put("reason", reason); try w.put("age_days", ageDays)
        try w.put("overdue", overdue); try w.put("turnaround_days", turnaroundDays); try w.put("feedback", feedback)
        if let initiator { try w.put("initiator", initiator.name); try w.put("contact", initiator.contact) }
    }
}

public struct PriorityRow: Encodable, Hashable, Sendable {
    public var head: RecordHead
    public var theme: String, text: String
    public var period: String?
    public var active: Bool
    public var wijkKind: String?
    public var plan: String?
    public var residentsInvolved: String?
    public var reason: String?
    public var deviation: Bool

    public func encode(to encoder: Encoder) throws {
        var w = RowWriter(encoder)
        try w.head(head)
        try w.put("theme", theme); try w.put("text", text); try w.put("period", period); try w.put("active", active)
        try w.put("wijk_kind", wijkKind); try w.put("plan", plan); try w.put("residents_involved", residentsInvolved)
        try w.put("reason", reason); try w.put("deviation", deviation)
    }
}

/// One step of a plan's cycle.
public struct PlanStepField: Encodable, Hashable, Sendable {
    public var phase: String
    public var date: String
    public var decision: String?
    public var body: String?
    public var seq: Int
    public func encode(to encoder: Encoder) throws {
        var w = RowWriter(encoder)
        try w.put("phase", phase); try w.put("date", date); try w.put("decision", decision); try w.put("body", body); try w.put("seq", seq)
    }
}

public struct PlanRow: Encodable, Hashable, Sendable {
    public var head: RecordHead
    public var period: String
    public var startYear: Int, endYear: Int
    public var reason: String?
    public var phase: String
    public var steps: [PlanStepField]
    public var adoptedOn: Day?
    public var adoptedBy: String?
    public var reviewDue: Day?
    public var reviewOverdue: Bool
    /// Active priorities of the plan, by wijk (or kern) name.
    public var priorities: [String: [String]]

    public func encode(to encoder: Encoder) throws {
        var w = RowWriter(encoder)
        try w.head(head)
        try w.put("period", period); try w.put("start_year", startYear); try w.put("end_year", endYear); try w.put("reason", reason)
        try w.put("phase", phase); try w.put("steps", steps); try w.put("adopted_on", adoptedOn?.description)
        try w.put("adopted_by", adoptedBy); try w.put("review_due", reviewDue?.description); try w.put("review_overdue", reviewOverdue)
        try w.put("priorities", priorities)
    }
}

/// A role of the plan's organisation (reference data).
public struct RoleRow: Encodable, Hashable, Sendable {
    public var name: String, body: String, task: String
    public func encode(to encoder: Encoder) throws {
        var w = RowWriter(encoder)
        try w.put("kind", "rol"); try w.put("name", name); try w.put("body", body); try w.put("task", task)
    }
}

public struct SpendingField: Encodable, Hashable, Sendable {
    public var action: String
    public var title: String
    public var costCents: Int
    /// This charge took the budget below zero; `reason` is why it was made anyway.
    public var overspend: Bool = false
    public var reason: String? = nil
    enum CodingKeys: String, CodingKey { case action, title, costCents = "cost_cents", overspend, reason }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(action, forKey: .action); try c.encode(title, forKey: .title); try c.encode(costCents, forKey: .costCents)
        try c.encode(overspend, forKey: .overspend)
        if let reason { try c.encode(reason, forKey: .reason) } else { try c.encodeNil(forKey: .reason) }
    }
}

public struct BudgetRow: Encodable, Hashable, Sendable {
    public var head: RecordHead
    public var year: Int
    public var amountCents: Int, spentCents: Int, remainingCents: Int
    public var overBudget: Bool
    public var decision: String?
    public var spending: [SpendingField]

    public func encode(to encoder: Encoder) throws {
        var w = RowWriter(encoder)
        try w.head(head)
        try w.put("year", year); try w.put("amount_cents", amountCents); try w.put("spent_cents", spentCents)
        try w.put("remaining_cents", remainingCents); try w.put("over_budget", overBudget); try w.put("decision", decision)
        try w.put("spending", spending)
    }
}

public struct LemonRow: Encodable, Hashable, Sendable {
    public var head: RecordHead
    public var theme: String
    public var year: Int
    /// The score on the scale of 0 to 10 (7.25).
    public var score: Double

    public func encode(to encoder: Encoder) throws {
        var w = RowWriter(encoder)
        try w.head(head)
        try w.put("theme", theme); try w.put("year", year); try w.put("score", score)
    }
}

public struct WijkKindRow: Encodable, Hashable, Sendable {
    public var head: RecordHead
    public var wijkKind: String
    public var previousWijkKind: String?
    public var decision: String

    public func encode(to encoder: Encoder) throws {
        var w = RowWriter(encoder)
        try w.head(head)
        try w.put("wijk_kind", wijkKind); try w.put("previous_wijk_kind", previousWijkKind); try w.put("decision", decision)
    }
}

/// Feedback a resident is still owed (not a record of its own: the signal or initiative's id).
public struct FeedbackOwedRow: Encodable, Hashable, Sendable {
    public var id: String, kern: String
    public var wijk: String?
    public var text: String
    public var since: Day
    public var days: Int

    public func encode(to encoder: Encoder) throws {
        var w = RowWriter(encoder)
        try w.put("kind", "terugkoppeling"); try w.put("id", id); try w.put("kern", kern); try w.put("wijk", wijk)
        try w.put("text", text); try w.put("since", since.description); try w.put("days", days)
    }
}

/// A recurring theme the program proposes as wijkaanpak (not a record until the chair decides), or with
/// `list proposals --all` a place and theme with signals where none is raised, and why.
public struct ProposalRow: Encodable, Hashable, Sendable {
    public var key: String, kern: String
    public var wijk: String?
    public var theme: String
    public var signals: [String]
    public var raised: Bool = true
    /// Why none is raised: too_few, decided, active_priority, one_wijk; null when raised.
    public var reason: String?
    public var signalCount: Int
    public var mostInWindow: Int?
    public var priority: String?
    public var onlyWijk: String?

    public func encode(to encoder: Encoder) throws {
        var w = RowWriter(encoder)
        try w.put("kind", "voorstel"); try w.put("key", key); try w.put("kern", kern); try w.put("wijk", wijk)
        try w.put("theme", theme); try w.put("signals", signals); try w.put("raised", raised); try w.put("reason", reason)
        try w.put("signal_count", signalCount); try w.put("most_in_window", mostInWindow); try w.put("priority", priority)
        try w.put("only_wijk", onlyWijk)
    }
}

/// Any row, for lists that mix kinds (the history).
public enum RecordRow: Encodable, Sendable {
    case signal(SignalRow), action(ActionRow), decision(DecisionRow), meeting(MeetingRow), agendaItem(AgendaItemRow)
    case participation(ParticipationRow), initiative(InitiativeRow), priority(PriorityRow), budget(BudgetRow)
    case lemon(LemonRow), wijkKind(WijkKindRow), feedbackOwed(FeedbackOwedRow), proposal(ProposalRow)
    case plan(PlanRow), role(RoleRow), note(NoteRow)

    public func encode(to encoder: Encoder) throws {
        switch self {
        case .signal(let r): try r.encode(to: encoder)
        case .action(let r): try r.encode(to: encoder)
        case .decision(let r): try r.encode(to: encoder)
        case .meeting(let r): try r.encode(to: encoder)
        case .agendaItem(let r): try r.encode(to: encoder)
        case .participation(let r): try r.encode(to: encoder)
        case .initiative(let r): try r.encode(to: encoder)
        case .priority(let r): try r.encode(to: encoder)
        case .budget(let r): try r.encode(to: encoder)
        case .lemon(let r): try r.encode(to: encoder)
        case .wijkKind(let r): try r.encode(to: encoder)
        case .feedbackOwed(let r): try r.encode(to: encoder)
        case .proposal(let r): try r.encode(to: encoder)
        case .plan(let r): try r.encode(to: encoder)
        case .role(let r): try r.encode(to: encoder)
        case .note(let r): try r.encode(to: encoder)
        }
    }
}
