/// A theme that keeps coming back in one wijk: the program proposes a planned approach (wijkaanpak).
public struct RecurrenceProposal: Hashable, Sendable {
    public var kern: String
    public var wijk: String?
    public var theme: Theme
    /// The signals behind it, oldest first.
    public var signals: [RecordID]
    public var place: String { wijk ?? kern }
    /// A stable key users can name: `Emerald/verkeer`.
    public var key: String { "\(place)/\(theme.rawValue)" }
}

extension KernteamState {
    /// Open proposals: per wijk and theme, at least `settings.recurrenceCount` signals within less than
    /// `settings.recurrenceMonths` calendar months of each other, counting only signals that no earlier
    /// accepted or dismissed proposal covered. Withdrawn and out-of-scope signals do not count.
    public func recurrenceProposals(settings: Settings) -> [RecurrenceProposal] {
        let decided = Set(proposalDecisions.flatMap(\.signals))
        var groups: [String: [SignalRecorded]] = [:]
        for t in signals.items where !t.isWithdrawn && !decided.contains(t.value.id)
            && signalTriage[t.value.id]?.route != .buitenScope {
            groups["\(t.value.kern)|\(t.value.wijk ?? "")|\(t.value.theme.rawValue)", default: []].append(t.value)
        }
        var out: [RecurrenceProposal] = []
        for (_, list) in groups {
            let sorted = list.sorted { ($0.date, $0.id.number) < ($1.date, $1.id.number) }
            guard sorted.count >= settings.recurrenceCount else { continue }
            // The latest window that holds enough signals, taken as wide as it goes: a later start that
            // ends at the same signal is only a part of it and must not drop its older signals.
            var best: [SignalRecorded]?
            for start in sorted.indices {
                let end = sorted[start].date.addingMonths(settings.recurrenceMonths)
                let window = sorted[start...].prefix { $0.date < end }
                if window.count >= settings.recurrenceCount, best?.last?.id != window.last?.id { best = Array(window) }
            }
            if let best, let first = best.first {
                out.append(RecurrenceProposal(kern: first.kern, wijk: first.wijk, theme: first.theme, signals: best.map(\.id)))
            }
        }
        return out.sorted { ($0.place, $0.theme.rawValue) < ($1.place, $1.theme.rawValue) }
    }
}

extension Day {
    /// The same day `months` calendar months later (clamped to the month's last day).
    public func addingMonths(_ months: Int) -> Day {
        var y = year, m = month + months
        while m > 12 { m -= 12; y += 1 }
        while m < 1 { m += 12; y -= 1 }
        return Day(year: y, month: m, day: min(day, Day.daysIn(month: m, year: y)))!
    }
}
