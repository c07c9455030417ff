import KernteamDomain

/// The full-screen history: a filter, the selected entry, and whether its chain of corrections is open.
public struct HistoryView: Hashable, Sendable {
    public var filter: HistoryFilter
    public var selected = 0
    public var scroll = 0
    /// Showing the chain of corrections of the selected entry.
    public var showingChain = false
    /// The step of the chain the cursor is on (0: the record itself).
    public var chainSelected = 0

    public init(filter: HistoryFilter) { self.filter = filter }

    /// The steps of an entry's chain: how it was recorded and every later change, as the screen lists them.
    public static func chainSteps(_ e: HistoryEntry, _ world: World) -> [ChainStep] {
        let state = world.state(ofSource: e.source)
        return e.id.map { state.chain(of: $0, created: (e.seq, "", e.text), changes: e.changes) }
            ?? state.chain(of: RecordID(.signal, 0), created: (e.seq, "", e.text), changes: e.changes)
    }

    /// A line of the history screen: a meeting heading (the log and meeting it stands for, its text
    /// made when drawn: `headingText`) or an entry (index into the entries).
    public enum Line: Hashable, Sendable {
        case heading(source: Int, meeting: RecordID?)
        case entry(Int)
    }

    /// `lines(entries, world:)` for the entries of `filter`, built once per world: a key press that only
    /// moves the selection draws what is visible and nothing more.
    public static func cachedLines(_ entries: HistoryEntries, filter: HistoryFilter, world: World) -> [Line] {
        world.caches.historyLines.value(HistoryLinesKey(filter: filter, language: Language.current)) { lines(entries, world: world) }
    }

    /// Entries grouped by meeting in time order: a heading whenever the meeting changes. Nothing is
    /// built here: an entry and a heading are made when their line is drawn.
    public static func lines(_ entries: HistoryEntries, world: World) -> [Line] {
        var out: [Line] = []
        out.reserveCapacity(entries.count + entries.count / 4)
        var current: (Int, RecordID?)? = nil
        for i in entries.indices {
            let source = entries.source(at: i), meeting = entries.meeting(at: i)
            if current == nil || current!.0 != source || current!.1 != meeting {
                current = (source, meeting)
                out.append(.heading(source: source, meeting: meeting))
            }
            out.append(.entry(i))
        }
        return out
    }

    /// The text of a heading: the meeting with its date, or "not in a meeting".
    public static func headingText(source: Int, meeting: RecordID?, world: World) -> String {
        if let m = meeting, let date = world.state(ofSource: source).meetings.facts(of: m)?.day {
            return Text.historyMeeting(world.label(ofSource: source) + m.description, date.dutch).text
        }
        return Text.historyNoMeeting.text
    }

    /// The filter as the form's values, and back.
    public func formFields(reference: ReferenceData) -> [FormField] {
        [
            FormField(field: .wijk, value: filter.place ?? "", options: [""] + reference.placeNames, required: false),
            FormField(field: .from, value: filter.from?.description ?? "", required: false, hint: "JJJJ-MM-DD"),
            FormField(field: .to, value: filter.to?.description ?? "", required: false, hint: "JJJJ-MM-DD"),
            FormField(field: .theme, value: filter.theme?.rawValue ?? "", options: [""] + Theme.allCases.map(\.rawValue), required: false),
            FormField(field: .recordKind, value: filter.kinds.count == 1 ? filter.kinds.first!.rawValue : "",
                      options: [""] + HistoryKind.allCases.map(\.rawValue), required: false),
            FormField(field: .search, value: filter.search ?? "", required: false),
        ]
    }

    /// Reads a filter form; returns the problems (bad dates) instead when there are any.
    public static func filter(from draft: Draft) -> Result<HistoryFilter, Refusal> {
        var problems: [FieldProblem] = []
        func day(_ f: DraftField) -> Day? {
            guard let t = draft[f] else { return nil }
            if let d = Day(t) { return d }
            problems.append(FieldProblem(f, .badDate(t)))
            return nil
        }
        let from = day(.from), to = day(.to)
        let kinds = draft[.recordKind].flatMap(HistoryKind.init(rawValue:)).map { Set([$0]) } ?? Set(HistoryKind.allCases)
        if !problems.isEmpty { return .failure(Refusal(problems)) }
        return .success(HistoryFilter(place: draft[.wijk], from: from, to: to, theme: draft[.theme].flatMap(Theme.parse),
                                      kinds: kinds, search: draft[.search]))
    }
}
