/// The names of the fields and record kinds a user fills in. They live with the texts because every
/// label and form title is looked up by them; what the fields mean is the domain's business.

/// The fields a user fills in, on the command line or in a form. Raw values are the CLI option names.
public enum DraftField: String, CaseIterable, Sendable {
    case kern, wijk, theme, source, text, title, date, owner, person, due, result, cost, inform
    case buurt, reporter, contact, minutes, topic, work, phase, level, controversial, reason
    case meeting, status, id
    case route, outcome, choice, period, kind, year, amount, decision, how, serves, initiator
    case representatives, feedbackPlan = "feedback-plan"
    case length, org, attendance, count, direction, about, score
    case from, to, search, recordKind = "kind-of-record"
    case document, format, file
    /// Why a correction was made (the record's own `reason` is another field).
    case correctionReason = "correction-reason"
    case body
    case involvement = "residents-involved"
    /// The agenda item a record belongs to (`--item AP-n`).
    case item
    case wijkbudget
    /// An ad-hoc member's name at a meeting (`kernteam attend --name`): a professional, never a resident.
    case name
}

/// The kinds of record a user can add, as the user names them (form titles, `kernteam add …`).
/// Their fields and rules are in the domain.
public enum DraftKind: String, CaseIterable, Sendable {
    case meeting, agendaItem, signal, action, decision, participation, status
    case initiative, triageSignal, triageInitiative, proposal, priority, closePriority, wijkKind, budget, feedback
    case openMeeting, nextItem, previousItem, endItem, reopenMeeting, attendance, residents, moveItem, removeItem, timebox
    case lemon
    case plan, planPhase
    case note
    case requestNext

}

/// How a chart over a period groups time (its series): per month, quarter, year or several years.
/// Which one a period gets, and the buckets themselves, are the domain's (`ChartBucket.choose`).
public enum ChartBucket: Hashable, Sendable {
    case month, quarter, year
    case years(Int)
}
