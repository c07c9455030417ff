/// Settings a municipality can change without recompiling (`Data/settings.json`).
public struct Settings: Codable, Hashable, Sendable {
    /// Residents' personal data is erased this many months after the resident reported (the date of the
    /// signal or initiative), so a signal entered late does not keep the data longer.
    public var retentionMonths: Int
    /// A theme recurring this often in one wijk …
    public var recurrenceCount: Int
    /// … within this many months is proposed as a wijkaanpak theme.
    public var recurrenceMonths: Int
    /// A citizen initiative not triaged within this many weeks is overdue.
    public var initiativeTermWeeks: Int
    /// Where each kern's kernteam meets, by kern name (the calendar's LOCATION). A setting, not
    /// reference data: a meeting place changes, and the reference data is frozen into a log.
    public var meetingPlaces: [String: String]
    /// What the municipality makes available for wijkgericht werken per year, in cents: the budgets
    /// allocated for one year together stay within it ("Vanaf 2009 stelt de gemeente 200.000 euro op
    /// jaarbasis beschikbaar", beleidsplan 2.3 "Planning en financiering").
    public var wijkbudgetCeiling: Money
    /// The Haaglanden and Dutch averages shown beside the Lemon scores. Not part of `settings.json`: they
    /// come from their own file, `Data/averages.json`, read where they are shown (the app, the report).
    public var lemonAverages: LemonAverages = .none

    public init(retentionMonths: Int = 12, recurrenceCount: Int = 3, recurrenceMonths: Int = 6, initiativeTermWeeks: Int = 4,
                meetingPlaces: [String: String] = [:], wijkbudgetCeiling: Money = Money(cents: 20_000_000)) {
        self.retentionMonths = retentionMonths
        self.recurrenceCount = recurrenceCount
        self.recurrenceMonths = recurrenceMonths
        self.initiativeTermWeeks = initiativeTermWeeks
        self.meetingPlaces = meetingPlaces
        self.wijkbudgetCeiling = wijkbudgetCeiling
    }

    /// The meeting place of a kern, matched as users type names; nil when not set.
    public func meetingPlace(kern: String) -> String? {
        meetingPlaces.first { ReferenceData.matchKey($0.key) == ReferenceData.matchKey(kern) }?.value
    }

    enum CodingKeys: String, CodingKey {
        case retentionMonths = "retention_months"
        case recurrenceCount = "recurrence_count"
        case recurrenceMonths = "recurrence_months"
        case initiativeTermWeeks = "initiative_term_weeks"
        case meetingPlaces = "meeting_places"
        case wijkbudgetCeiling = "wijkbudget_ceiling_euros"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = Settings()
        retentionMonths = try c.decodeIfPresent(Int.self, forKey: .retentionMonths) ?? d.retentionMonths
        recurrenceCount = try c.decodeIfPresent(Int.self, forKey: .recurrenceCount) ?? d.recurrenceCount
        recurrenceMonths = try c.decodeIfPresent(Int.self, forKey: .recurrenceMonths) ?? d.recurrenceMonths
        initiativeTermWeeks = try c.decodeIfPresent(Int.self, forKey: .initiativeTermWeeks) ?? d.initiativeTermWeeks
        meetingPlaces = try c.decodeIfPresent([String: String].self, forKey: .meetingPlaces) ?? [:]
        wijkbudgetCeiling = try c.decodeIfPresent(Int.self, forKey: .wijkbudgetCeiling).map { Money(cents: $0 * 100) } ?? d.wijkbudgetCeiling
        lemonAverages = .none
    }
}
