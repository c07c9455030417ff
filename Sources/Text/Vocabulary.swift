import Foundation

/// The fixed vocabularies of wijkgericht werken. Raw values are the Dutch domain words that users
/// type on the command line and that the log stores; they never change once written.

public enum Theme: String, CaseIterable, Codable, Sendable {
    case wonen, spelen, groen, verkeer, voorzieningen, betrokkenheid, overlast, veiligheid
    case jongeren, ouderen, economie
}

/// Where a signal came from. The last three are the plan's own: the wijkmanager as "de oren en ogen voor
/// de gemeente" (beleidsplan 2.1), and the politiemonitor and veiligheidsmonitor the plan reads liveability
/// from beside Lemon (1.1; bijlage 2, "Lemon/veiligheidsmonitor en overige signalen").
public enum SignalSource: String, CaseIterable, Codable, Sendable {
    case bewoner, meldpunt, politie, corporatie, jongerenwerk, swop, lemon, schouw
    case sociaalPlatform = "sociaal-platform"
    case wijkmanager, politiemonitor, veiligheidsmonitor
}

public enum ActionStatus: String, CaseIterable, Codable, Sendable {
    case open, bezig, gereed, vervallen

    /// Open work carries over from meeting to meeting until it is done or dropped.
    public var isOpen: Bool { self == .open || self == .bezig }
}

/// How much attention a wijk needs (beheer, intensief beheer/wijkaanpak, wijkontwikkeling).
public enum WijkKind: String, CaseIterable, Codable, Sendable {
    case beheer, intensief, ontwikkeling
}

/// The body that took a decision (beleidsplan 1.2 "Kernteams en stuurgroep" and 2.1 "Organisatie van de
/// pilot"): the kernteam of a kern, the stuurgroep (chaired by the burgemeester, twice a year; adopts the
/// kern/wijkenanalyse and the priorities, judges the plans, receives the progress report), the projectgroep
/// of the pilot (the kernteam Delfgauw under its projectleider) and the klankbordgroep (people on personal title).
public enum DecisionBody: String, CaseIterable, Codable, Sendable {
    case kernteam, stuurgroep, projectgroep, klankbordgroep
}

/// The phases of a kern/wijkenplan (beleidsplan 1.2 "Kern/wijkplannen": analysis, priorities, plan van
/// aanpak, execution, evaluation/adjustment; 2.3 "Planning": the schouw and Lemon come first). A new plan
/// starts at the schouw; the cycle moves one phase at a time, and after the evaluation it starts again
/// with the analysis (the plan is adjusted, at least every two years).
public enum PlanPhase: String, CaseIterable, Codable, Sendable {
    case schouw, analyse, prioriteiten, aanpak, uitvoering, evaluatie

    /// The one phase the plan may move to from this one.
    public var next: PlanPhase {
        switch self {
        case .schouw: .analyse
        case .analyse: .prioriteiten
        case .prioriteiten: .aanpak
        case .aanpak: .uitvoering
        case .uitvoering: .evaluatie
        case .evaluatie: .analyse
        }
    }
}

/// Who recorded an entry. The chair and secretary run the meeting; `cli` marks scripted entries.
public enum Role: String, CaseIterable, Codable, Sendable {
    case voorzitter, secretaris, cli, systeem
}

/// The participation ladder, bottom to top.
public enum ParticipationLevel: String, CaseIterable, Codable, Sendable, Comparable {
    case niet, consulteren, participeren, coproduceren, delegeren, zelfbeheer

    public var rank: Int { Self.allCases.firstIndex(of: self)! }
    public static func < (a: Self, b: Self) -> Bool { a.rank < b.rank }
}

/// Kinds of work (wijkzaken) that decide which participation levels fit.
public enum WorkKind: String, CaseIterable, Codable, Sendable {
    case beheer
    case beheerDirect = "beheer-direct"
    case leefbaarheidsplan
    case gemeentelijkPlan = "gemeentelijk-plan"
    case grootOnderhoud = "groot-onderhoud"
    case wijkvisie
}

/// Where a signal goes after triage.
public enum SignalRoute: String, CaseIterable, Codable, Sendable {
    case opgelost, kernteam, wijkaanpak
    case buitenScope = "buiten-scope"
}

/// The three outcomes of a citizen initiative.
public enum InitiativeOutcome: String, CaseIterable, Codable, Sendable {
    case direct, inplannen
    case nietUitvoerbaar = "niet-uitvoerbaar"
}

public enum Phase: String, CaseIterable, Codable, Sendable {
    case planvorming, uitvoering
}

/// How an agenda item ends.
public enum ItemOutcome: String, CaseIterable, Codable, Sendable {
    case besproken, uitgesteld, afgerond
}

/// The kinds of record the history shows.
public enum HistoryKind: String, CaseIterable, Codable, Sendable {
    case besluit, actie, signaal, initiatief, prioriteit, participatie, budget, lemon, wijksoort, plan, notitie
}

extension CaseIterable where Self: RawRepresentable, Self.RawValue == String {
    /// Case-insensitive lookup by the Dutch word.
    public static func parse(_ text: String) -> Self? {
        let wanted = text.trimmingCharacters(in: .whitespaces).lowercased()
        return allCases.first { $0.rawValue == wanted }
    }

    public static var wordList: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
