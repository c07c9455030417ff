import Foundation

/// One problem with one field, in words the user can act on.
public struct FieldProblem: Hashable, Sendable {
    public var field: DraftField
    public var message: Text
    /// The field that resolves the problem when it is another one (a level outside the plan's range is
    /// accepted with a reason): a form puts the cursor there, so what is typed next lands in it.
    public var fix: DraftField?
    public init(_ field: DraftField, _ message: Text, fix: DraftField? = nil) {
        self.field = field
        self.message = message
        self.fix = fix
    }
}

/// An entry the rules refuse; nothing is appended.
public struct Refusal: Error, Hashable, Sendable {
    public var problems: [FieldProblem]
    public init(_ problems: [FieldProblem]) { self.problems = problems }
    public init(_ field: DraftField, _ message: Text) { self.problems = [FieldProblem(field, message)] }

    /// One line per problem: "wijk: Onbekende wijk …".
    public var lines: [String] {
        problems.map { "\(Text.fieldLabel($0.field).text): \($0.message.text)" }
    }
}

/// What a user typed for a new record, as text. `validate` turns it into an event or a refusal.
public struct Draft: Sendable, Hashable {
    public var values: [DraftField: String] = [:]
    public init(_ values: [DraftField: String] = [:]) { self.values = values }

    public subscript(field: DraftField) -> String? {
        get {
            guard let v = values[field].map(String.trimmedOfWhitespace), !v.isEmpty else { return nil }
            return v
        }
        set { values[field] = newValue }
    }
}

extension DraftKind {
    /// The fields of a form for this kind, in form order.
    public var fields: [DraftField] {
        switch self {
        case .meeting: [.kern, .date, .length]
        case .agendaItem: [.title, .wijk, .minutes]
        case .signal: [.wijk, .theme, .source, .text, .date, .buurt, .reporter, .contact]
        case .action: [.title, .owner, .due, .wijk, .person, .result, .cost, .wijkbudget, .reason, .inform, .serves]
        case .decision: [.wijk, .text, .body, .date]
        case .participation: [.wijk, .topic, .work, .phase, .controversial, .level, .reason, .representatives, .feedbackPlan]
        case .status: [.status, .reason]
        case .initiative: [.wijk, .text, .date, .initiator, .contact]
        case .triageSignal: [.route, .reason, .date]
        case .triageInitiative: [.outcome, .reason, .date]
        case .proposal: [.choice, .reason]
        case .priority: [.wijk, .theme, .text, .period, .involvement, .reason]
        case .closePriority: [.reason]
        case .wijkKind: [.wijk, .kind, .decision]
        case .budget: [.wijk, .year, .amount, .decision]
        case .note: [.text]
        case .requestNext: []
        case .feedback: [.how, .date]
        case .openMeeting, .nextItem, .previousItem, .moveItem: []
        case .endItem: [.outcome]
        case .reopenMeeting: [.decision]
        case .attendance: [.org, .name, .attendance]
        case .residents: [.count]
        case .removeItem: [.reason]
        case .timebox: [.minutes]
        case .lemon: [.wijk, .theme, .year, .score]
        case .plan: [.kern, .period, .reason]
        case .planPhase: [.phase, .decision, .date]
        }
    }

    public var required: Set<DraftField> {
        switch self {
        case .meeting: [.kern, .date]
        case .agendaItem: [.title]
        case .signal: [.wijk, .theme, .source, .text]
        case .action: [.title, .wijk, .owner]
        case .decision: [.wijk, .text]
        case .participation: [.wijk, .topic, .work, .phase, .level]
        case .status: [.status]
        case .initiative: [.wijk, .text]
        case .triageSignal: [.route]
        case .triageInitiative: [.outcome]
        case .proposal: [.choice]
        case .priority: [.wijk, .theme, .text]
        case .closePriority: []
        case .wijkKind: [.wijk, .kind, .decision]
        case .budget: [.wijk, .year, .amount]
        case .note: [.text]
        case .requestNext: []
        case .feedback: [.how]
        case .openMeeting, .nextItem, .previousItem, .moveItem, .removeItem: []
        case .endItem: [.outcome]
        case .reopenMeeting: [.decision]
        case .attendance: [.org, .attendance]
        case .residents: [.count]
        case .timebox: [.minutes]
        case .lemon: [.wijk, .theme, .year, .score]
        case .plan: [.kern, .period]
        case .planPhase: [.phase]
        }
    }
}
