/// A bar chart as numbers only. The screen draws it with block characters (or `#`), the reports as
/// inline SVG with a table beside it; both print every number, so nothing depends on colour.
public struct ChartData: Hashable, Sendable {
    public enum Unit: String, Hashable, Sendable {
        case count, money, score

        /// A value as printed beside its bar: 3, € 15.000, 7,25.
        public func format(_ value: Int) -> String {
            switch self {
            case .count: return String(value)
            case .money:
                let text = Money(cents: value).dutch
                return text.hasSuffix(",00") ? String(text.dropLast(3)) : text
            case .score:
                let cents = value.magnitude % 100
                return "\(value / 100),\(cents < 10 ? "0" : "")\(cents)"
            }
        }
    }

    /// What a series stands for, so a view can style it; the name carries a symbol or word too.
    public enum Tone: String, Hashable, Sendable { case plain, previous, current, open, late, done, dropped }

    public struct Series: Hashable, Sendable {
        public var name: String
        public var tone: Tone
        public init(_ name: String, _ tone: Tone = .plain) { self.name = name; self.tone = tone }
    }

    public struct Row: Hashable, Sendable {
        public var label: String
        /// One value per series (counts, cents or hundredths); nil where nothing was recorded.
        public var values: [Int?]
        /// Text beside the row: a total, a median, what is left of a budget.
        public var note: String?
        public init(_ label: String, _ values: [Int?], note: String? = nil) { self.label = label; self.values = values; self.note = note }
    }

    public var title: String
    /// The heading of the label column (thema, wijk, uitkomst).
    public var labelColumn: String
    public var series: [Series]
    public var rows: [Row]
    public var unit: Unit
    /// The value a full bar stands for; nil: the largest value in the chart.
    public var scaleMax: Int?
    /// Said instead of the chart when there are no rows.
    public var empty: String

    public init(title: String, labelColumn: String, series: [Series], rows: [Row], unit: Unit = .count,
                scaleMax: Int? = nil, empty: String) {
        self.title = title; self.labelColumn = labelColumn; self.series = series; self.rows = rows
        self.unit = unit; self.scaleMax = scaleMax; self.empty = empty
    }

    public var isEmpty: Bool { rows.isEmpty || series.isEmpty }

    /// The value a full-length bar stands for (never below 1).
    /// `value` of `max` on a scale of `length`, rounded to the nearest step; exact for any 64-bit
    /// values (no overflow where `value * length` would not fit).
    public static func scaled(_ value: Int, of max: Int, to length: Int) -> Int {
        guard value > 0, max > 0, length > 0 else { return 0 }
        if value >= max { return length }
        let (product, overflow) = value.multipliedReportingOverflow(by: length * 2)
        if !overflow, max <= Int.max / 2 { return (product + max) / (max * 2) }
        return Int((Double(value) / Double(max) * Double(length)).rounded())
    }

    public var maxValue: Int { max(1, scaleMax ?? rows.flatMap { $0.values.compactMap { $0 } }.max() ?? 0) }

    /// A value as printed beside its bar; "–" where nothing was recorded.
    public func format(_ value: Int?) -> String { value.map(unit.format) ?? "–" }

    public var hasNotes: Bool { rows.contains { $0.note != nil } }

    /// The same numbers as a table: label, one column per series, the note.
    public var tableHeader: [String] {
        [labelColumn] + series.map(\.name) + (hasNotes ? [Text.dashboardNoteColumn.text] : [])
    }

    public var tableRows: [[String]] {
        rows.map { row in
            [row.label] + row.values.map(format) + (hasNotes ? [row.note ?? ""] : [])
        }
    }

    /// Median of whole days, Dutch: 12 or 12,5.
    public static func median(_ values: [Int]) -> String? {
        guard !values.isEmpty else { return nil }
        let s = values.sorted(), n = s.count
        if n % 2 == 1 { return String(s[n / 2]) }
        let sum = s[n / 2 - 1] + s[n / 2]
        return sum % 2 == 0 ? String(sum / 2) : "\(sum / 2),5"
    }
}

/// The figures of a kern or one of its wijken at a glance: signals per theme per quarter (this year,
/// and last year where there is data), actions by status per wijk, initiatives per outcome with the
/// median turnaround, budget allocated and spent per wijk, Lemon scores per theme over the years.
/// One source for the dashboard on screen and the charts in the reports.
public enum Dashboard {
    /// `wijk` nil: the whole kern (all its wijken and what is about the kern as a whole).
    /// `year`: the year shown; nil takes the latest year with signals, not after `today`.
    /// `averages`: Haaglanden's and the Dutch averages, noted beside the Lemon scores when filled in.
    public static func charts(state: KernteamState, kern: String, wijk: String?, today: Day, year: Int? = nil,
                              averages: LemonAverages = .none) -> [ChartData] {
        let year = year ?? shownYear(state: state, kern: kern, wijk: wijk, today: today)
        return [
            signals(state: state, kern: kern, wijk: wijk, year: year),
            actions(state: state, kern: kern, wijk: wijk, today: today),
            initiatives(state: state, kern: kern, wijk: wijk, upTo: nil),
            budgets(state: state, kern: kern, wijk: wijk, year: year),
            lemon(state: state, kern: kern, wijk: wijk, upTo: year, averages: averages),
        ]
    }

    static func inScope(_ kern: String, _ wijk: String?, k: String, w: String?) -> Bool {
        k == kern && (wijk == nil || w == wijk)
    }

    /// The latest year with signals in scope (not after today), else today's year.
    public static func shownYear(state: KernteamState, kern: String, wijk: String?, today: Day) -> Int {
        let years = state.signals.items.filter { !$0.isWithdrawn && inScope(kern, wijk, k: $0.value.kern, w: $0.value.wijk) }
            .map(\.value.date.year).filter { $0 <= today.year }
        return years.max() ?? today.year
    }

    /// The wijken of a kern, in reference order, then wijken that only occur in the data.
    static func wijken(state: KernteamState, kern: String, extra: [String?]) -> [String] {
        let known = state.reference.kern(named: kern)?.wijken.map(\.name) ?? []
        let more = Set(extra.compactMap { $0 }).subtracting(known).sorted()
        return known + more
    }

    public static func signals(state: KernteamState, kern: String, wijk: String?, year: Int) -> ChartData {
        let signals = state.signals.items.filter { !$0.isWithdrawn && inScope(kern, wijk, k: $0.value.kern, w: $0.value.wijk) }
            .map(\.value).filter { $0.date.year == year || $0.date.year == year - 1 }
        let years = signals.contains { $0.date.year == year - 1 } ? [year - 1, year] : [year]
        var series: [ChartData.Series] = []
        var keys: [(Int, Int)] = []
        for y in years {
            for q in 1...4 {
                series.append(.init(Text.dashboardQuarter(q, y).text, y == year ? .current : .previous))
                keys.append((y, q))
            }
        }
        let rows = Theme.allCases.compactMap { theme -> ChartData.Row? in
            let these = signals.filter { $0.theme == theme }
            guard !these.isEmpty else { return nil }
            let values = keys.map { key in these.filter { $0.date.year == key.0 && ($0.date.month - 1) / 3 + 1 == key.1 }.count }
            return ChartData.Row(theme.rawValue, values, note: Text.dashboardTotal(these.count).text)
        }
        return ChartData(title: Text.dashboardSignals(year).text, labelColumn: Text.dashboardThemeColumn.text,
                         series: series, rows: rows, empty: Text.dashboardNoData.text)
    }

    /// Signals per theme over a whole period, grouped by month, quarter, year or several years as the
    /// period's length asks (`ChartBucket.choose`), each bucket a series; a theme is a row when it has
    /// signals in the period. The report's chart: it covers the period asked for, however long.
    public static func signals(state: KernteamState, kern: String, wijk: String?, from: Day, to: Day) -> ChartData {
        let bucket = ChartBucket.choose(from: from, to: to)
        let buckets = bucket.buckets(from: from, to: to)
        let signals = state.signals.items.filter { !$0.isWithdrawn && inScope(kern, wijk, k: $0.value.kern, w: $0.value.wijk) }
            .map(\.value).filter { from <= $0.date && $0.date <= to }
        let rows = Theme.allCases.compactMap { theme -> ChartData.Row? in
            let these = signals.filter { $0.theme == theme }
            guard !these.isEmpty else { return nil }
            let values = buckets.map { b in these.filter { b.first <= $0.date && $0.date <= b.last }.count }
            return ChartData.Row(theme.rawValue, values, note: Text.dashboardTotal(these.count).text)
        }
        return ChartData(title: Text.dashboardSignalsOver(bucket, from.shown, to.shown).text, labelColumn: Text.dashboardThemeColumn.text,
                         series: buckets.map { .init($0.label, .current) }, rows: rows, empty: Text.dashboardNoData.text)
    }

    /// `included`: which actions count (the report passes those of its period); all by default.
    public static func actions(state: KernteamState, kern: String, wijk: String?, today: Day,
                               included: (Tracked<ActionRecord>) -> Bool = { _ in true }) -> ChartData {
        let actions = state.actions.items.filter { !$0.isWithdrawn && inScope(kern, wijk, k: $0.value.created.kern, w: $0.value.created.wijk) }
            .filter(included).map(\.value)
        let places: [String?] = wijk.map { [$0] } ?? (wijken(state: state, kern: kern, extra: actions.map(\.created.wijk)).map { $0 } + [nil])
        let rows = places.compactMap { place -> ChartData.Row? in
            let these = actions.filter { $0.created.wijk == place }
            guard !these.isEmpty else { return nil }
            let late = these.filter { $0.isOverdue(today: today) }.count
            let open = these.filter { $0.status.isOpen }.count - late
            return ChartData.Row(place ?? Text.exportWholeKern.text,
                                 [open, late, these.filter { $0.status == .gereed }.count, these.filter { $0.status == .vervallen }.count],
                                 note: Text.dashboardTotal(these.count).text)
        }
        return ChartData(title: Text.dashboardActions.text, labelColumn: Text.dashboardPlaceColumn.text,
                         series: [.init(Text.dashboardStatusOpen.text, .open), .init(Text.dashboardStatusLate.text, .late),
                                  .init(Text.dashboardStatusDone.text, .done), .init(Text.dashboardStatusDropped.text, .dropped)],
                         rows: rows, empty: Text.dashboardNoData.text)
    }

    /// Initiatives recorded up to `upTo` (all when nil), per outcome, with the median days to triage.
    public static func initiatives(state: KernteamState, kern: String, wijk: String?, upTo: Day?, from: Day? = nil) -> ChartData {
        let all = state.initiatives.items.filter { !$0.isWithdrawn && inScope(kern, wijk, k: $0.value.recorded.kern, w: $0.value.recorded.wijk) }
            .map(\.value).filter { i in (upTo.map { i.recorded.date <= $0 } ?? true) && (from.map { i.recorded.date >= $0 } ?? true) }
        let outcomes: [InitiativeOutcome?] = InitiativeOutcome.allCases.map { $0 } + [nil]
        let rows = all.isEmpty ? [] : outcomes.map { o -> ChartData.Row in
            let these = all.filter { $0.outcome == o }
            let median = o == nil ? nil : ChartData.median(these.compactMap(\.turnaround))
            return ChartData.Row(Text.outcomeLabel(o).text, [these.count], note: median.map { Text.dashboardMedian($0).text })
        }
        return ChartData(title: Text.dashboardInitiatives.text, labelColumn: Text.dashboardOutcomeColumn.text,
                         series: [.init(Text.dashboardCount.text, .current)], rows: rows, empty: Text.dashboardNoData.text)
    }

    public static func budgets(state: KernteamState, kern: String, wijk: String?, year: Int) -> ChartData {
        budgets(state: state, kern: kern, wijk: wijk, years: year...year)
    }

    /// Budgets of the years of a period: per wijk for one year, per wijk and year for several.
    public static func budgets(state: KernteamState, kern: String, wijk: String?, years: ClosedRange<Int>) -> ChartData {
        let statuses = state.budgetStatuses().filter { years.contains($0.budget.year) && inScope(kern, wijk, k: $0.budget.kern, w: $0.budget.wijk) }
        let order = wijken(state: state, kern: kern, extra: statuses.map(\.budget.wijk))
        func place(_ s: BudgetStatus) -> Int { s.budget.wijk.flatMap { order.firstIndex(of: $0) } ?? Int.max }
        let sorted = statuses.sorted { a, b in (place(a), a.budget.year) < (place(b), b.budget.year) }
        let several = years.count > 1
        let rows = sorted.map { s in
            ChartData.Row((s.budget.wijk ?? Text.exportWholeKern.text) + (several ? " \(s.budget.year)" : ""), [s.budget.amount.cents, s.spent.cents],
                          note: s.isOver ? Text.overBudget.text : Text.dashboardRemaining(ChartData.Unit.money.format(s.remaining.cents)).text)
        }
        return ChartData(title: several ? Text.dashboardBudgetYears(years.lowerBound, years.upperBound).text : Text.dashboardBudget(years.lowerBound).text,
                         labelColumn: Text.dashboardPlaceColumn.text,
                         series: [.init(Text.dashboardAllocated.text, .previous), .init(Text.dashboardSpent.text, .current)],
                         rows: rows, unit: .money, empty: Text.dashboardNoBudget(years.upperBound).text)
    }

    /// Scores per theme and year up to `upTo`; for a whole kern the mean of what was recorded in it.
    /// Beside a theme's latest score, the averages of that year when they are filled in (the plan wants
    /// the score "hoger dan het Nederlands gemiddelde en van Haaglanden", beleidsplan 1.1); the year is
    /// named when it is not the chart's latest.
    public static func lemon(state: KernteamState, kern: String, wijk: String?, upTo: Int, averages: LemonAverages = .none) -> ChartData {
        let scores = state.lemonScores.filter { inScope(kern, wijk, k: $0.kern, w: $0.wijk) && $0.year <= upTo }
        let years = Array(Set(scores.map(\.year))).sorted()
        let latest = years.last
        let rows = Theme.allCases.compactMap { theme -> ChartData.Row? in
            let these = scores.filter { $0.theme == theme }
            guard !these.isEmpty else { return nil }
            let values = years.map { y -> Int? in
                let s = these.filter { $0.year == y }.map(\.score)
                return s.isEmpty ? nil : (s.reduce(0, +) + s.count / 2) / s.count
            }
            let last = these.map(\.year).max()
            let note = last.flatMap { averages.note(theme: theme, year: $0, namingYear: $0 != latest) }
            return ChartData.Row(theme.rawValue, values, note: note)
        }
        return ChartData(title: Text.dashboardLemon.text + " (" + Text.dashboardScoreScale.text + ")", labelColumn: Text.dashboardThemeColumn.text,
                         series: years.map { .init(String($0), $0 == latest ? .current : .previous) },
                         rows: rows, unit: .score, scaleMax: 1000, empty: Text.dashboardNoLemon.text)
    }
}
