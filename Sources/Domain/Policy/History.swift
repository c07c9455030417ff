/// One line of a wijk's history, in time order and grouped by meeting.
public struct HistoryEntry: Hashable, Sendable {
    public var id: RecordID?
    public var kind: HistoryKind
    public var date: Day
    public var kern: String
    public var wijk: String?
    public var theme: Theme?
    public var text: String
    /// Status words (action status, triage route, initiative outcome, withdrawn …).
    public var status: String
    public var meeting: RecordID?
    public var seq: Int
    /// Entries that changed this record later (corrections, status changes, withdrawal), by sequence number.
    public var changes: [Int]
    /// The log this came from when several logs are combined (index into the list of logs).
    public var source: Int = 0
}

/// What to look for in the history.
public struct HistoryFilter: Hashable, Sendable {
    /// A wijk or kern name (a kern includes all its wijken); nil for everything.
    public var place: String?
    public var from: Day?
    public var to: Day?
    public var theme: Theme?
    public var kinds: Set<HistoryKind>
    /// Case- and accent-insensitive words that must all occur in the text.
    public var search: String?

    public init(place: String? = nil, from: Day? = nil, to: Day? = nil, theme: Theme? = nil,
                kinds: Set<HistoryKind> = Set(HistoryKind.allCases), search: String? = nil) {
        self.place = place; self.from = from; self.to = to; self.theme = theme; self.kinds = kinds; self.search = search
    }

    /// Folds case and accents so "geïnformeerd" matches "geinformeerd" and "'S-GRAVENHOUT" matches.
    public static func fold(_ s: String) -> String {
        s.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).replacingOccurrences(of: "’", with: "'")
    }
}

import Foundation

extension KernteamState {
    /// Every record of interest as history entries, oldest first (then by log order); with `at`, only
    /// those of places it accepts (kern, wijk), checked on the records' facts before a record is read.
    public func historyEntries(at keep: (String, String?) -> Bool = { _, _ in true }) -> [HistoryEntry] {
        var out: [HistoryEntry] = []
        func date(_ t: String) -> Day { Day(String(t.prefix(10))) ?? Day(ordinal: 0) }
        func meetingDate(_ m: RecordID?, _ ts: String) -> Day { m.flatMap { meetings[$0]?.value.date } ?? date(ts) }
        func recordDate(_ d: Tracked<DecisionTaken>?, fallback: Day) -> Day { d.map(decisionDay) ?? fallback }
        for t in decisions.items.placed(keep) {
            let d = t.value
            guard keep(d.kern, d.wijk) else { continue }
            out.append(HistoryEntry(id: d.id, kind: .besluit, date: decisionDay(t), kern: d.kern, wijk: d.wijk,
                                    theme: nil, text: Text.plan(.bodyMark(d.takenBy)).text + d.text, status: t.isWithdrawn ? Text.withdrawnMark.text : "", meeting: d.meeting,
                                    seq: t.seq, changes: t.changes))
        }
        for t in notes.items.placed(keep) {
            let n = t.value
            guard keep(n.kern, n.wijk) else { continue }
            out.append(HistoryEntry(id: n.id, kind: .notitie, date: meetingDate(n.meeting, t.timestamp), kern: n.kern, wijk: n.wijk,
                                    theme: nil, text: n.text, status: t.isWithdrawn ? Text.withdrawnMark.text : "", meeting: n.meeting,
                                    seq: t.seq, changes: t.changes))
        }
        for t in actions.items.placed(keep) {
            let a = t.value.created
            guard keep(a.kern, a.wijk) else { continue }
            out.append(HistoryEntry(id: a.id, kind: .actie, date: meetingDate(a.meeting, t.timestamp), kern: a.kern, wijk: a.wijk,
                                    theme: nil, text: a.title + " (" + a.owner + (a.due.map { ", " + $0.dutch } ?? "") + ")",
                                    status: t.isWithdrawn ? Text.withdrawnMark.text : t.value.status.rawValue, meeting: a.meeting,
                                    seq: t.seq, changes: t.changes))
        }
        for t in signals.items.placed(keep) {
            let s = t.value
            guard keep(s.kern, s.wijk) else { continue }
            out.append(HistoryEntry(id: s.id, kind: .signaal, date: s.date, kern: s.kern, wijk: s.wijk, theme: s.theme, text: s.text,
                                    status: t.isWithdrawn ? Text.withdrawnMark.text : Text.routeLabel(signalTriage[s.id]?.route).text,
                                    meeting: s.meeting, seq: t.seq, changes: t.changes))
        }
        for t in initiatives.items.placed(keep) {
            let i = t.value.recorded
            guard keep(i.kern, i.wijk) else { continue }
            out.append(HistoryEntry(id: i.id, kind: .initiatief, date: i.date, kern: i.kern, wijk: i.wijk, theme: nil, text: i.text,
                                    status: t.isWithdrawn ? Text.withdrawnMark.text : Text.outcomeLabel(t.value.outcome).text,
                                    meeting: i.meeting, seq: t.seq, changes: t.changes))
        }
        for t in priorities.items.placed(keep) {
            let p = t.value
            guard keep(p.kern, p.wijk) else { continue }
            out.append(HistoryEntry(id: p.id, kind: .prioriteit, date: meetingDate(p.meeting, t.timestamp), kern: p.kern, wijk: p.wijk,
                                    theme: p.theme, text: p.text,
                                    status: t.isWithdrawn ? Text.withdrawnMark.text : closedPriorities[p.id] != nil ? Text.priorityClosedMark.text : Text.priorityActiveMark.text,
                                    meeting: p.meeting, seq: t.seq, changes: t.changes))
        }
        for t in participation.items.placed(keep) {
            let p = t.value
            guard keep(p.kern, p.wijk) else { continue }
            out.append(HistoryEntry(id: p.id, kind: .participatie, date: meetingDate(p.meeting, t.timestamp), kern: p.kern, wijk: p.wijk,
                                    theme: nil, text: "\(p.topic): \(p.level.rawValue)" + (p.override == true ? " (bewuste afwijking)" : ""),
                                    status: t.isWithdrawn ? Text.withdrawnMark.text : "", meeting: p.meeting, seq: t.seq, changes: t.changes))
        }
        for t in budgets.items.placed(keep) {
            let b = t.value
            guard keep(b.kern, b.wijk) else { continue }
            out.append(HistoryEntry(id: b.id, kind: .budget, date: date(t.timestamp), kern: b.kern, wijk: b.wijk, theme: nil,
                                    text: "\(b.year): \(b.amount.dutch)", status: t.isWithdrawn ? Text.withdrawnMark.text : "", meeting: nil,
                                    seq: t.seq, changes: t.changes))
        }
        for t in lemonRecords where keep(t.value.kern, t.value.wijk) {
            let l = t.value
            out.append(HistoryEntry(id: nil, kind: .lemon, date: Day(year: l.year, month: 12, day: 31) ?? date(t.timestamp), kern: l.kern,
                                    wijk: l.wijk, theme: l.theme, text: "Lemon \(l.year) \(l.theme.rawValue): \(l.scoreText)",
                                    status: t.isWithdrawn ? Text.withdrawnMark.text : "", meeting: nil, seq: t.seq, changes: t.changes))
        }
        // A wijk's change of kind is its own entry in that wijk's history, naming the old and the new kind.
        for step in wijkKindHistory {
            guard let kern = reference.place(named: step.change.wijk)?.kern, keep(kern, step.change.wijk) else { continue }
            let decided = decisions[step.change.decision]
            out.append(HistoryEntry(id: nil, kind: .wijksoort, date: recordDate(decided, fallback: date(step.timestamp)), kern: kern,
                                    wijk: step.change.wijk, theme: nil,
                                    text: Text.chainKindChanged(from: step.previous?.rawValue ?? "?", to: step.change.kind.rawValue,
                                                                decision: step.change.decision.description).text,
                                    status: "", meeting: decided?.value.meeting, seq: step.seq, changes: []))
        }
        // A kern's plan: when it was made, and each step of its cycle (with the decision that took it there).
        for t in plans.items where keep(t.value.created.kern, nil) {
            let c = t.value.created
            out.append(HistoryEntry(id: c.id, kind: .plan, date: date(t.timestamp), kern: c.kern, wijk: nil, theme: nil,
                                    text: Text.plan(.historyPlanCreated(c.id.description, c.period)).text,
                                    status: t.isWithdrawn ? Text.withdrawnMark.text : t.value.phase.rawValue, meeting: nil,
                                    seq: t.seq, changes: t.changes))
            guard !t.isWithdrawn else { continue }
            for step in t.value.steps {
                out.append(HistoryEntry(id: nil, kind: .plan, date: step.date, kern: c.kern, wijk: nil, theme: nil,
                                        text: Text.plan(.historyPlanPhase(c.id.description, step.phase.rawValue, step.decision?.description)).text,
                                        status: "", meeting: nil, seq: step.seq, changes: []))
            }
        }
        return out.sorted { ($0.date, $0.seq) < ($1.date, $1.seq) }
    }

    /// The day a decision was taken: its own date (a decision of another body), else its meeting's date,
    /// else the day it was recorded.
    public func decisionDay(_ t: Tracked<DecisionTaken>) -> Day {
        t.value.date ?? t.value.meeting.flatMap { meetings[$0]?.value.date } ?? Day(String(t.timestamp.prefix(10))) ?? Day(ordinal: 0)
    }

    /// The history for a filter. A kern includes its wijken and kern-wide records.
    public func history(_ filter: HistoryFilter) -> [HistoryEntry] {
        let words = filter.search.map { HistoryFilter.fold($0).split(separator: " ").map(String.init) } ?? []
        let isKern = filter.place.flatMap { reference.kern(named: $0) } != nil
        let place = filter.place.flatMap { reference.place(named: $0) }
        if filter.place != nil && place == nil { return [] }
        let entries = historyEntries { kern, wijk in
            guard let place else { return true }
            return isKern ? kern == place.kern : wijk == place.wijk
        }
        return entries.filter { e in
            if let from = filter.from, e.date < from { return false }
            if let to = filter.to, e.date > to { return false }
            if let theme = filter.theme, e.theme != theme { return false }
            if !filter.kinds.contains(e.kind) { return false }
            if !words.isEmpty {
                let hay = HistoryFilter.fold(e.text + " " + (e.id?.description ?? ""))
                if !words.allSatisfy({ hay.contains($0) }) { return false }
            }
            return true
        }
    }
}
