/// A theme that keeps coming back in a wijk, or across the wijken of a kern: the program proposes a
/// planned approach (wijkaanpak). The plan's table of wijkgericht werken (beleidsplan 1.2, "De kenmerken
/// van het wijkgericht werken op een rij"): "Bespreken en agenderen als bepaalde problemen in een wijk of
/// kern vaak voorkomt (dan thema voor wijkaanpak)" — and 1.2 "Aanpak op hoofdlijnen": hangjongeren moved
/// on from one wijk turn up in the next, so a kern-wide approach is needed.
public struct RecurrenceProposal: Hashable, Sendable {
    public var kern: String
    /// The wijk, or nil for the kern as a whole (signals across its wijken, or about the whole kern).
    public var wijk: String?
    public var theme: Theme
    /// The signals behind it, oldest first.
    public var signals: [RecordID]
    public var place: String { wijk ?? kern }
    /// A stable key users can name: `Emerald/verkeer`, `Delfgauw/jongeren`.
    public var key: String { "\(place)/\(theme.rawValue)" }
}

/// Why no proposal stands for a place and theme that has signals.
public enum RecurrenceHold: Hashable, Sendable {
    /// Fewer than N signals within the window (the most there are in one window, counting only signals no
    /// earlier proposal decided).
    case tooFew(most: Int)
    /// Enough signals, but earlier proposals (accepted or dismissed) already covered them.
    case decided
    /// The theme is already an active priority of the wijk or its kern.
    case activePriority(RecordID)
    /// Across the kern: every signal in the window comes from one wijk; that wijk's own proposal covers it.
    case oneWijk(String)
}

/// The outcome for one place and theme: a proposal, or why not.
public struct RecurrenceCheck: Hashable, Sendable {
    public var kern: String
    public var wijk: String?
    public var theme: Theme
    /// Standing signals of this place and theme (for the kern: of all its wijken and the kern itself).
    public var signalCount: Int
    public var result: Result

    public enum Result: Hashable, Sendable {
        case raised(RecurrenceProposal)
        case held(RecurrenceHold)
    }

    public var place: String { wijk ?? kern }
    public var proposal: RecurrenceProposal? { if case .raised(let p) = result { p } else { nil } }
}

extension KernteamState {
    /// Open proposals: per wijk and theme, at least `settings.recurrenceCount` signals within less than
    /// `settings.recurrenceMonths` calendar months of each other; and per kern and theme the same number
    /// across its wijken (and the kern itself) when they come from more than one wijk. Only signals no
    /// earlier accepted or dismissed proposal covered count; withdrawn and out-of-scope signals never
    /// count; no proposal for a theme that is already an active priority of the wijk or the kern.
    public func recurrenceProposals(settings: Settings) -> [RecurrenceProposal] {
        recurrenceChecks(settings: settings).compactMap(\.proposal)
    }

    /// Every place and theme with a standing signal, with its proposal or the reason there is none.
    public func recurrenceChecks(settings: Settings) -> [RecurrenceCheck] {
        let decided = Set(proposalDecisions.flatMap(\.signals))
        var wijkGroups: [String: [SignalRecorded]] = [:]
        var kernGroups: [String: [SignalRecorded]] = [:]
        for t in signals.items where !t.isWithdrawn && signalTriage[t.value.id]?.route != .buitenScope {
            let s = t.value
            if s.wijk != nil { wijkGroups["\(s.kern)|\(s.wijk!)|\(s.theme.rawValue)", default: []].append(s) }
            kernGroups["\(s.kern)|\(s.theme.rawValue)", default: []].append(s)
        }
        var out: [RecurrenceCheck] = []
        for list in wijkGroups.values {
            out.append(check(list, kern: list[0].kern, wijk: list[0].wijk, decided: decided, settings: settings))
        }
        for list in kernGroups.values {
            out.append(check(list, kern: list[0].kern, wijk: nil, decided: decided, settings: settings))
        }
        return out.sorted { ($0.kern, $0.wijk == nil ? 1 : 0, $0.place, $0.theme.rawValue) < ($1.kern, $1.wijk == nil ? 1 : 0, $1.place, $1.theme.rawValue) }
    }

    private func check(_ all: [SignalRecorded], kern: String, wijk: String?, decided: Set<RecordID>, settings: Settings) -> RecurrenceCheck {
        let theme = all[0].theme
        func made(_ result: RecurrenceCheck.Result) -> RecurrenceCheck {
            RecurrenceCheck(kern: kern, wijk: wijk, theme: theme, signalCount: all.count, result: result)
        }
        // Whether the signals of a window may be proposed here: for the kern, only when they come from
        // more than one place (else the wijk's own proposal is the one).
        func fits(_ window: ArraySlice<SignalRecorded>) -> Bool {
            wijk != nil || Set(window.map { $0.wijk ?? "" }).count > 1 || window.allSatisfy { $0.wijk == nil }
        }
        // The theme is already an active priority of the wijk or of the kern: nothing to propose. Across the
        // kern, signals from a wijk where the theme is a priority are already being dealt with there.
        let kernPriority = activePriorities(wijk: nil, kern: kern).first { $0.theme == theme }
        let priority = wijk.flatMap { w in activePriorities(wijk: w, kern: kern).first { $0.theme == theme } } ?? kernPriority
        var counted = all
        if wijk == nil {
            let handled = Set(all.compactMap(\.wijk).filter { w in activePriorities(wijk: w, kern: kern).contains { $0.theme == theme } })
            counted = all.filter { $0.wijk.map { !handled.contains($0) } ?? true }
            if counted.count < all.count, window(counted, settings: settings, fits: fits).best == nil,
               window(all, settings: settings, fits: fits).best != nil,
               let first = all.compactMap(\.wijk).first(where: handled.contains),
               let p = activePriorities(wijk: first, kern: kern).first(where: { $0.theme == theme }) {
                return made(.held(.activePriority(p.id)))
            }
        }
        let open = counted.filter { !decided.contains($0.id) }
        let openBest = window(open, settings: settings, fits: fits).best
        let anyBest = openBest ?? window(counted, settings: settings, fits: fits).best
        if anyBest != nil, let priority { return made(.held(.activePriority(priority.id))) }
        if let openBest {
            return made(.raised(RecurrenceProposal(kern: kern, wijk: wijk, theme: theme, signals: openBest.map(\.id))))
        }
        if wijk == nil, let onlyOne = window(open, settings: settings, fits: { _ in true }).best,
           let w = onlyOne.first?.wijk, onlyOne.allSatisfy({ $0.wijk == w }) {
            return made(.held(.oneWijk(w)))
        }
        if anyBest != nil { return made(.held(.decided)) }
        return made(.held(.tooFew(most: window(counted, settings: settings, fits: { _ in true }).most)))
    }

    /// The latest window that holds enough signals (and fits), taken as wide as it goes: a later start
    /// that ends at the same signal is only a part of it and must not drop its older signals. Also the
    /// most signals any window holds.
    private func window(_ list: [SignalRecorded], settings: Settings,
                        fits: (ArraySlice<SignalRecorded>) -> Bool) -> (best: [SignalRecorded]?, most: Int) {
        let sorted = list.sorted { ($0.date, $0.id.number) < ($1.date, $1.id.number) }
        var best: [SignalRecorded]?
        var most = 0
        for start in sorted.indices {
            let end = sorted[start].date.addingMonths(settings.recurrenceMonths)
            let window = sorted[start...].prefix { $0.date < end }
            most = max(most, window.count)
            if window.count >= settings.recurrenceCount, fits(window), best?.last?.id != window.last?.id { best = Array(window) }
        }
        return (best, most)
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
