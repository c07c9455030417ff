/// How a chart over a period groups time: by month, quarter, year or several years, chosen from the
/// period's length so that a chart has at most `maxBuckets` series (each its own colour and pattern)
/// and covers the whole period.
extension ChartBucket {
    public static let maxBuckets = 8

    /// The finest grouping that needs no more than `maxBuckets` buckets for `from`…`to`.
    public static func choose(from: Day, to: Day) -> ChartBucket {
        let months = (to.year - from.year) * 12 + to.month - from.month + 1
        if months <= maxBuckets { return .month }
        let quarters = (to.year - from.year) * 4 + (to.month - 1) / 3 - (from.month - 1) / 3 + 1
        if quarters <= maxBuckets { return .quarter }
        let years = to.year - from.year + 1
        if years <= maxBuckets { return .year }
        return .years((years + maxBuckets - 1) / maxBuckets)
    }

    /// The buckets in order, each with its label and the days it covers (clipped to the period).
    public func buckets(from: Day, to: Day) -> [(label: String, first: Day, last: Day)] {
        var out: [(String, Day, Day)] = []
        var year = from.year, month = from.month
        while (year, month) <= (to.year, to.month) {
            let span: Int, label: String
            switch self {
            case .month:
                span = 1
                label = Text.dashboardMonth(month, year).text
            case .quarter:
                span = 3 - (month - 1) % 3
                label = Text.dashboardQuarter((month - 1) / 3 + 1, year).text
            case .year:
                span = 13 - month
                label = String(year)
            case .years(let n):
                let last = min(year + n - 1 - (year - from.year) % n, to.year)
                span = (last - year) * 12 + 13 - month
                label = last == year ? String(year) : "\(year)–\(last)"
            }
            var endYear = year, endMonth = month + span - 1
            while endMonth > 12 { endMonth -= 12; endYear += 1 }
            let first = max(from, Day(year: year, month: month, day: 1)!)
            let last = min(to, Day(year: endYear, month: endMonth, day: Day.daysIn(month: endMonth, year: endYear))!)
            out.append((label, first, last))
            month = endMonth + 1; year = endYear
            if month > 12 { month = 1; year += 1 }
        }
        return out
    }
}
