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
    // One history entry per kind of record, built when shown (`HistoryEntries`).

    func historyEntry(decision t: Tracked<DecisionTaken>) -> HistoryEntry {
        let d = t.value
        return HistoryEntry(id: d.id, kind: .besluit, date: decisionDay(t), kern: d.kern, wijk: d.wijk,
                            theme: nil, text: Text.plan(.bodyMark(d.takenBy)).text + d.text, status: t.isWithdrawn ? Text.withdrawnMark.text : "",
                            meeting: d.meeting, seq: t.seq, changes: t.changes)
    }

    func historyEntry(note t: Tracked<NoteAdded>) -> HistoryEntry {
        let n = t.value
        return HistoryEntry(id: n.id, kind: .notitie, date: recordDay(meeting: n.meeting, timestamp: t.timestamp), kern: n.kern, wijk: n.wijk,
                            theme: nil, text: n.text, status: t.isWithdrawn ? Text.withdrawnMark.text : "", meeting: n.meeting,
                            seq: t.seq, changes: t.changes)
    }

    func historyEntry(action t: Tracked<ActionRecord>) -> HistoryEntry {
        let a = t.value.created
        return HistoryEntry(id: a.id, kind: .actie, date: recordDay(meeting: a.meeting, timestamp: t.timestamp), kern: a.kern, wijk: a.wijk,
                            theme: nil, text: a.title + " (" + a.owner + (a.due.map { ", " + $0.dutch } ?? "") + ")",
                            status: t.isWithdrawn ? Text.withdrawnMark.text : t.value.status.rawValue, meeting: a.meeting,
                            seq: t.seq, changes: t.changes)
    }

    func historyEntry(signal t: Tracked<SignalRecorded>) -> HistoryEntry {
        let s = t.value
        return HistoryEntry(id: s.id, kind: .signaal, date: s.date, kern: s.kern, wijk: s.wijk, theme: s.theme, text: s.text,
                            status: t.isWithdrawn ? Text.withdrawnMark.text : Text.routeLabel(signalTriage[s.id]?.route).text,
                            meeting: s.meeting, seq: t.seq, changes: t.changes)
    }

    func historyEntry(initiative t: Tracked<InitiativeRecord>) -> HistoryEntry {
        let i = t.value.recorded
        return HistoryEntry(id: i.id, kind: .initiatief, date: i.date, kern: i.kern, wijk: i.wijk, theme: nil, text: i.text,
                            status: t.isWithdrawn ? Text.withdrawnMark.text : Text.outcomeLabel(t.value.outcome).text,
                            meeting: i.meeting, seq: t.seq, changes: t.changes)
    }

    func historyEntry(priority t: Tracked<PrioritySet>) -> HistoryEntry {
        let p = t.value
        return HistoryEntry(id: p.id, kind: .prioriteit, date: recordDay(meeting: p.meeting, timestamp: t.timestamp), kern: p.kern, wijk: p.wijk,
                            theme: p.theme, text: p.text,
                            status: t.isWithdrawn ? Text.withdrawnMark.text : closedPriorities[p.id] != nil ? Text.priorityClosedMark.text : Text.priorityActiveMark.text,
                            meeting: p.meeting, seq: t.seq, changes: t.changes)
    }

    func historyEntry(participation t: Tracked<ParticipationSet>) -> HistoryEntry {
        let p = t.value
        return HistoryEntry(id: p.id, kind: .participatie, date: recordDay(meeting: p.meeting, timestamp: t.timestamp), kern: p.kern, wijk: p.wijk,
                            theme: nil, text: "\(p.topic): \(p.level.rawValue)" + (p.override == true ? " (bewuste afwijking)" : ""),
                            status: t.isWithdrawn ? Text.withdrawnMark.text : "", meeting: p.meeting, seq: t.seq, changes: t.changes)
    }

    func historyEntry(budget t: Tracked<BudgetAllocated>) -> HistoryEntry {
        let b = t.value
        return HistoryEntry(id: b.id, kind: .budget, date: Day.ofTimestamp(t.timestamp), kern: b.kern, wijk: b.wijk, theme: nil,
                            text: "\(b.year): \(b.amount.dutch)", status: t.isWithdrawn ? Text.withdrawnMark.text : "", meeting: nil,
                            seq: t.seq, changes: t.changes)
    }

    /// The day a record belongs to: its meeting's date, else the day it was logged.
    public func recordDay(meeting: RecordID?, timestamp: String) -> Day {
        meeting.flatMap { meetings[$0]?.value.date } ?? Day.ofTimestamp(timestamp)
    }

    /// The entries that are not records of a table of their own: Lemon scores, changes of a wijk's kind,
    /// a kern's plan and its steps. Few, so built at once.
    func historyExtras(at place: PlaceMatch) -> [HistoryEntry] {
        var out: [HistoryEntry] = []
        func date(_ t: String) -> Day { Day.ofTimestamp(t) }
        func recordDate(_ d: Tracked<DecisionTaken>?, fallback: Day) -> Day { d.map(decisionDay) ?? fallback }
        for t in lemonRecords where place.accepts(kern: t.value.kern, wijk: t.value.wijk) {
            let l = t.value
            out.append(HistoryEntry(id: nil, kind: .lemon, date: Day(year: l.year, month: 12, day: 31) ?? date(t.timestamp), kern: l.kern,
                                    wijk: l.wijk, theme: l.theme, text: "Lemon \(l.year) \(l.theme.rawValue): \(l.scoreText)",
                                    status: t.isWithdrawn ? Text.withdrawnMark.text : "", meeting: nil, seq: t.seq, changes: t.changes))
        }
        // A wijk's change of kind is its own entry in that wijk's history, naming the old and the new kind.
        for step in wijkKindHistory {
            guard let kern = reference.place(named: step.change.wijk)?.kern, place.accepts(kern: kern, wijk: step.change.wijk) else { continue }
            let decided = decisions[step.change.decision]
            out.append(HistoryEntry(id: nil, kind: .wijksoort, date: recordDate(decided, fallback: date(step.timestamp)), kern: kern,
                                    wijk: step.change.wijk, theme: nil,
                                    text: Text.chainKindChanged(from: step.previous?.rawValue ?? "?", to: step.change.kind.rawValue,
                                                                decision: step.change.decision.description).text,
                                    status: "", meeting: decided?.value.meeting, seq: step.seq, changes: []))
        }
        // A kern's plan: when it was made, and each step of its cycle (with the decision that took it there).
        for t in plans.items where place.accepts(kern: t.value.created.kern, wijk: nil) {
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
        return out
    }

    /// The day a decision was taken: its own date (a decision of another body), else its meeting's date,
    /// else the day it was recorded.
    public func decisionDay(_ t: Tracked<DecisionTaken>) -> Day {
        t.value.date ?? recordDay(meeting: t.value.meeting, timestamp: t.timestamp)
    }

    /// The history for a filter, oldest first (then in log order). A kern includes its wijken and
    /// kern-wide records. The records are picked and ordered by their facts (`RecordFacts`: place,
    /// date, meeting) and an entry is built only when it is shown; a filter on theme or words reads
    /// the records of the place to judge them.
    public func history(_ filter: HistoryFilter) -> HistoryEntries {
        let place: PlaceMatch
        if let name = filter.place {
            guard let found = reference.place(named: name) else { return HistoryEntries(state: self, entries: []) }
            place = reference.kern(named: name) != nil ? .kern(found.kern) : .wijk(found.wijk ?? name)
        } else {
            place = .all
        }
        var refs: [HistoryEntries.Ref] = []
        // Days as ordinals here: compared a million times when sorting.
        var meetingDays: [RecordID: Int] = [:]
        func meetingDay(_ m: RecordID?) -> Int? {
            guard let m else { return nil }
            if let d = meetingDays[m] { return d }
            guard let d = meetings.facts(of: m)?.day?.ordinal else { return nil }
            meetingDays[m] = d
            return d
        }
        let from = filter.from?.ordinal ?? Int.min, to = filter.to?.ordinal ?? Int.max
        func collect<V: HasRecordFacts>(_ kind: HistoryKind, _ table: RecordTable<V>, _ origin: HistoryEntries.Origin,
                                        date: (FactRow) -> Int) {
            guard filter.kinds.contains(kind) else { return }
            table.scan(place) { position, row in
                let day = date(row)
                guard day >= from, day <= to else { return }
                refs.append(HistoryEntries.Ref(day: day, seq: row.seq, meeting: row.meeting, origin: origin, position: position))
            }
        }
        collect(.besluit, decisions, .decision) { $0.day ?? meetingDay($0.meeting) ?? $0.recordedOn }
        collect(.notitie, notes, .note) { meetingDay($0.meeting) ?? $0.recordedOn }
        collect(.actie, actions, .action) { meetingDay($0.meeting) ?? $0.recordedOn }
        collect(.signaal, signals, .signal) { $0.day ?? $0.recordedOn }
        collect(.initiatief, initiatives, .initiative) { $0.day ?? $0.recordedOn }
        collect(.prioriteit, priorities, .priority) { meetingDay($0.meeting) ?? $0.recordedOn }
        collect(.participatie, participation, .participation) { meetingDay($0.meeting) ?? $0.recordedOn }
        collect(.budget, budgets, .budget) { $0.recordedOn }
        let extras = historyExtras(at: place).filter { e in
            if let from = filter.from, e.date < from { return false }
            if let to = filter.to, e.date > to { return false }
            return filter.kinds.contains(e.kind)
        }
        for (i, e) in extras.enumerated() {
            refs.append(HistoryEntries.Ref(day: e.date.ordinal, seq: e.seq, meeting: e.meeting, origin: .built, position: i))
        }
        refs.sort { $0.day != $1.day ? $0.day < $1.day : $0.seq < $1.seq }
        let entries = HistoryEntries(state: self, refs: refs, built: extras)
        guard filter.theme != nil || filter.search != nil else { return entries }
        // Theme and words are in the records themselves: read the ones of the place and the period.
        let words = filter.search.map { HistoryFilter.fold($0).split(separator: " ").map(String.init) } ?? []
        return HistoryEntries(state: self, entries: entries.filter { e in
            if let theme = filter.theme, e.theme != theme { return false }
            if !words.isEmpty {
                let hay = HistoryFilter.fold(e.text + " " + (e.id?.description ?? ""))
                if !words.allSatisfy({ hay.contains($0) }) { return false }
            }
            return true
        })
    }
}

/// Which places a history takes.
public enum PlaceMatch: Sendable, Hashable {
    case all
    /// A kern with all its wijken and its kern-wide records.
    case kern(String)
    case wijk(String)

    public func accepts(kern: String, wijk: String?) -> Bool {
        switch self {
        case .all: true
        case .kern(let k): kern == k
        case .wijk(let w): wijk == w
        }
    }
}

/// A history in time order, each entry built from its record when it is asked for; which meeting and
/// log an entry belongs to (for the headings) is known without building it.
public struct HistoryEntries: RandomAccessCollection, Sendable {
    public enum Origin: Sendable { case decision, note, action, signal, initiative, priority, participation, budget, built }
    public struct Ref: Sendable {
        var day: Int
        var seq: Int
        var meeting: RecordID?
        var origin: Origin
        /// The record's position in its table, or the entry's in `built`.
        var position: Int
        var source = 0
    }

    private let state: KernteamState
    private let refs: [Ref]
    private let built: [HistoryEntry]

    init(state: KernteamState, refs: [Ref], built: [HistoryEntry]) {
        self.state = state; self.refs = refs; self.built = built
    }

    /// A history of entries built already (from several logs, or filtered on their texts).
    public init(state: KernteamState = KernteamState(), entries: [HistoryEntry]) {
        self.state = state
        built = entries
        refs = entries.enumerated().map { Ref(day: $1.date.ordinal, seq: $1.seq, meeting: $1.meeting, origin: .built, position: $0, source: $1.source) }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { refs.count }

    public subscript(i: Int) -> HistoryEntry {
        let r = refs[i]
        switch r.origin {
        case .built: return built[r.position]
        case .decision: return state.historyEntry(decision: state.decisions.items[r.position])
        case .note: return state.historyEntry(note: state.notes.items[r.position])
        case .action: return state.historyEntry(action: state.actions.items[r.position])
        case .signal: return state.historyEntry(signal: state.signals.items[r.position])
        case .initiative: return state.historyEntry(initiative: state.initiatives.items[r.position])
        case .priority: return state.historyEntry(priority: state.priorities.items[r.position])
        case .participation: return state.historyEntry(participation: state.participation.items[r.position])
        case .budget: return state.historyEntry(budget: state.budgets.items[r.position])
        }
    }

    /// The meeting entry `i` belongs to, without building it.
    public func meeting(at i: Int) -> RecordID? { refs[i].meeting }
    /// The log entry `i` came from (0: this log), without building it.
    public func source(at i: Int) -> Int { refs[i].source }
}
