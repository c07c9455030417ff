import KernteamDomain

/// The meaning of a piece of a row; the palette turns it into a style.
public enum SpanRole: Hashable, Sendable {
    case id, plain, muted, overdue, done, busy, withdrawn
}

public struct Span: Hashable, Sendable {
    public var text: String
    public var role: SpanRole
    /// Columns reserved for this span (padded/truncated); nil takes what is left.
    public var width: Int?
    /// Hidden when the list is narrower than this, so the free text keeps room (e.g. at 80x24).
    public var hideBelow: Int
    /// A wider column for wide lists (a projector), where names need not be cut.
    public var wideWidth: Int?
    /// Longer text for wide lists (a word instead of a symbol).
    public var wideText: String?
    public init(_ text: String, _ role: SpanRole = .plain, width: Int? = nil, hideBelow: Int = 0, wideWidth: Int? = nil, wideText: String? = nil) {
        self.text = text; self.role = role; self.width = width; self.hideBelow = hideBelow; self.wideWidth = wideWidth
        self.wideText = wideText
    }

    public func text(forListWidth w: Int) -> String { w >= Self.wideList ? (wideText ?? text) : text }

    /// Lists at least this wide use `wideWidth`.
    public static let wideList = 70

    public func columns(forListWidth w: Int) -> Int? {
        w >= Self.wideList ? (wideWidth ?? width) : width
    }
}

/// One line of a pane's list.
public struct PaneRow: Hashable, Sendable {
    public var id: RecordID
    public var spans: [Span]
}

/// The rows of a list: every row's id and order up front, a row's cells built only when it is asked
/// for. A frame draws a screenful; building all cells of a quarter million signals took most of the
/// first frame on a large log.
public struct PaneRows: RandomAccessCollection, Sendable {
    public let ids: [RecordID]
    private let make: @Sendable (Int) -> PaneRow

    public init(ids: [RecordID], make: @escaping @Sendable (Int) -> PaneRow) {
        self.ids = ids
        self.make = make
    }

    public init(_ rows: [PaneRow]) {
        ids = rows.map(\.id)
        make = { rows[$0] }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { ids.count }
    public subscript(position: Int) -> PaneRow { make(position) }

    /// Where a record is in the list, without building any row.
    public func position(of id: RecordID) -> Int? { ids.firstIndex(of: id) }
}

/// What each pane lists, derived from the domain state. Pure; used by the reducer (to move the
/// selection) and by the views (to draw).
public struct PaneContent: Sendable {
    public let domain: KernteamState
    public let today: Day
    public let kern: String?
    public let filter: String?
    public let settings: Settings
    /// Where rows worked out before are kept: the world's, or this value's own.
    let caches: WorldCaches

    public init(domain: KernteamState, today: Day, kern: String?, filter: String?, settings: Settings = Settings()) {
        self.init(domain: domain, today: today, kern: kern, filter: filter, settings: settings, caches: WorldCaches())
    }

    init(domain: KernteamState, today: Day, kern: String?, filter: String?, settings: Settings, caches: WorldCaches) {
        self.domain = domain
        self.today = today
        self.kern = kern
        self.filter = filter
        self.settings = settings
        self.caches = caches
    }

    public init(_ world: World, kern: String?, filter: String?) {
        self.init(domain: world.domain, today: world.today, kern: kern, filter: filter, settings: world.settings, caches: world.caches)
    }

    /// The meeting the screen works in: an open one, else the latest of the kern.
    /// Asked several times a frame (header, agenda, footer); worked out once per world.
    public var currentMeeting: MeetingHeld? {
        caches.workingMeeting.value(kern) { domain.workingMeeting(kern: kern) }
    }

    func matches(kern k: String, wijk: String?) -> Bool {
        guard let filter else { return true }
        if domain.reference.kern(named: filter) != nil { return k == filter }
        return wijk == filter
    }

    /// The rows of a list, built once per world and view (see DerivedCache).
    public func rows(_ list: ListID) -> PaneRows {
        caches.rows.value(RowsKey(list: list, kern: kern, filter: filter)) {
            buildRows(list)
        }
    }

    func buildRows(_ list: ListID) -> PaneRows {
        switch list {
        case .agenda: PaneRows(agendaRows())
        case .signals: signalRows()
        case .initiatives: initiativeRows()
        case .proposals: PaneRows(proposalRows())
        case .feedbackOwed: PaneRows(feedbackRows())
        case .actions: actionRows()
        case .budgets: PaneRows(budgetRows())
        case .participation: PaneRows(participationRows())
        case .priorities: priorityRows()
        }
    }

    /// One symbol at narrow widths, the word on a projector, for a signal's triage route.
    static func routeSpan(_ route: SignalRoute?) -> Span {
        let symbol: String
        switch route {
        case nil: symbol = "?"
        case .opgelost: symbol = "✓"
        case .kernteam: symbol = "K"
        case .wijkaanpak: symbol = "W"
        case .buitenScope: symbol = "–"
        }
        return Span(symbol, route == nil ? .busy : .muted, width: 1, wideWidth: 13, wideText: Text.routeLabel(route).text)
    }

    /// Rows of the records that pass `keep`, ordered by `key` computed once per record (not once per
    /// comparison). Records are read in place and never copied: a pane can hold tens of thousands.
    func orderedRows<V>(_ items: [Tracked<V>], id: (Tracked<V>) -> RecordID, keep: (Tracked<V>) -> Bool, key: (Tracked<V>) -> SortKey,
                        descending: Bool = false, row: @escaping @Sendable (Tracked<V>) -> PaneRow) -> PaneRows {
        var picked: [(index: Int, key: SortKey)] = []
        for i in items.indices where keep(items[i]) { picked.append((i, key(items[i]))) }
        picked.sort { descending ? $1.key < $0.key : $0.key < $1.key }
        let order = picked.map(\.index)
        return PaneRows(ids: order.map { id(items[$0]) }) { row(items[order[$0]]) }
    }

    /// Up to three numbers compared in order (a group, a day, the sequence number).
    struct SortKey: Comparable {
        var a: Int, b: Int, c: Int
        static func < (l: SortKey, r: SortKey) -> Bool { (l.a, l.b, l.c) < (r.a, r.b, r.c) }
    }

    func initiativeRows() -> PaneRows {
        orderedRows(domain.initiatives.items, id: \.value.recorded.id,
                    keep: { !$0.isWithdrawn && matches(kern: $0.value.recorded.kern, wijk: $0.value.recorded.wijk) },
                    key: { SortKey(a: $0.value.outcome == nil ? 0 : 1, b: $0.value.recorded.date.ordinal, c: $0.seq) }) { t in
                let i = t.value
                let overdue = i.isOverdue(today: today, termWeeks: settings.initiativeTermWeeks)
                let status: (String, SpanRole) = overdue ? ("! \(Text.overdueMark.text)", .overdue)
                    : (i.outcome.map { ("● " + $0.rawValue, SpanRole.done) } ?? ("○ " + Text.outcomeLabel(nil).text, .busy))
                return PaneRow(id: i.recorded.id, spans: [
                    Span(i.recorded.id.description, .id, width: 5),
                    Span(Text.ageDays(i.age(today: today)).text, .muted, width: 6, hideBelow: 56),
                    Span(status.0, status.1, width: 11, wideWidth: 18),
                    Span(i.recorded.wijk ?? i.recorded.kern, .muted, width: 12, hideBelow: 56, wideWidth: 22),
                    Span(i.recorded.text, .plain),
                ])
            }
    }

    func proposalRows() -> [PaneRow] {
        domain.recurrenceProposals(settings: settings)
            .filter { matches(kern: $0.kern, wijk: $0.wijk) }
            .map { p in
                PaneRow(id: p.signals[0], spans: [
                    Span(p.place, .plain, width: 12, wideWidth: 22),
                    Span(p.theme.rawValue, .overdue, width: 9, wideWidth: 13),
                    Span(Text.signalsCount(p.signals.count).text + ": " + p.signals.map(\.description).joined(separator: " ")),
                ])
            }
    }

    func feedbackRows() -> [PaneRow] {
        domain.feedbackOwed()
            .filter { matches(kern: $0.kern, wijk: $0.wijk) }
            .map { f in
                PaneRow(id: f.id, spans: [
                    Span(f.id.description, .id, width: 5),
                    Span(Text.ageDays(today.ordinal - f.since.ordinal).text, today.ordinal - f.since.ordinal > 28 ? .overdue : .muted, width: 6),
                    Span(f.wijk ?? f.kern, .muted, width: 12, hideBelow: 56, wideWidth: 22),
                    Span(f.text),
                ])
            }
    }

    func budgetRows() -> [PaneRow] {
        domain.budgetStatuses()
            .filter { matches(kern: $0.budget.kern, wijk: $0.budget.wijk) }
            .map { b in
                PaneRow(id: b.budget.id, spans: [
                    Span(b.budget.id.description, .id, width: 5),
                    Span(String(b.budget.year), .muted, width: 4),
                    Span(b.budget.wijk ?? b.budget.kern, .plain, width: 12, wideWidth: 22),
                    Span(b.budget.amount.dutch, .plain, width: 12, hideBelow: 56),
                    Span((b.isOver ? Text.overBudget.text + " · " : "") + Text.budgetLine(spent: b.spent.dutch, remaining: b.remaining.dutch).text,
                         b.isOver ? .overdue : .muted),
                ])
            }
    }

    func priorityRows() -> PaneRows {
        orderedRows(domain.priorities.items, id: \.value.id,
                    keep: { !$0.isWithdrawn && matches(kern: $0.value.kern, wijk: $0.value.wijk) },
                    key: { SortKey(a: domain.closedPriorities[$0.value.id] == nil ? 0 : 1, b: 0, c: $0.seq) }) { t in
                let p = t.value
                let closed = domain.closedPriorities[p.id] != nil
                return PaneRow(id: p.id, spans: [
                    Span(p.id.description, .id, width: 5),
                    Span(p.wijk ?? p.kern, closed ? .muted : .plain, width: 12, wideWidth: 22),
                    Span(p.theme.rawValue, .muted, width: 8, hideBelow: 56, wideWidth: 13),
                    Span((closed ? "(\(Text.priorityClosedMark.text)) " : "") + p.text, closed ? .withdrawn : .plain),
                ])
            }
    }

    func agendaRows() -> [PaneRow] {
        guard let meeting = currentMeeting else { return [] }
        let current = domain.currentItem(meeting.id)?.id
        return domain.orderedAgenda(meeting.id)
            .filter { matches(kern: $0.kern, wijk: $0.wijk) }
            .map { item in
                let status: (String, SpanRole)
                if item.id == current { status = ("▶ nu", .overdue) }
                else {
                    switch domain.itemOutcome[item.id] {
                    case .besproken?: status = ("✓", .done)
                    case .afgerond?: status = ("●", .done)
                    case .uitgesteld?: status = ("→", .muted)
                    case nil: status = ("", .plain)
                    }
                }
                return PaneRow(id: item.id, spans: [
                    Span(item.id.description, .id, width: 5),
                    Span(status.0, status.1, width: 4, wideWidth: 12,
                         wideText: item.id == current ? "▶ nu" : domain.itemOutcome[item.id].map { status.0 + " " + $0.rawValue } ?? ""),
                    Span(item.minutes.map { Text.minutesShort($0).text } ?? "", .muted, width: 6),
                    Span(item.title + (item.wijk.map { " (\($0))" } ?? "")),
                ])
            }
    }

    func signalRows() -> PaneRows {
        orderedRows(domain.signals.items, id: \.value.id,
                    keep: { !$0.isWithdrawn && matches(kern: $0.value.kern, wijk: $0.value.wijk) },
                    key: { SortKey(a: $0.value.date.ordinal, b: $0.seq, c: 0) }, descending: true) { t in
                let s = t.value
                let role: SpanRole = .plain
                return PaneRow(id: s.id, spans: [
                    Span(s.id.description, .id, width: 5),
                    Span(s.date.short, .muted, width: 5, hideBelow: 56),
                    Self.routeSpan(domain.signalTriage[s.id]?.route),
                    Span(s.wijk ?? s.kern, role, width: 12, wideWidth: 22),
                    Span(s.theme.rawValue, .muted, width: 8, hideBelow: 56, wideWidth: 13),
                    Span(s.text, role),
                ])
            }
    }

    /// Open work first (late before on time, earliest due first), then done and dropped.
    func actionRows() -> PaneRows {
        func rank(_ t: Tracked<ActionRecord>) -> Int {
            if t.value.isOverdue(today: today) { return 0 }
            return t.value.status.isOpen ? 1 : (t.value.status == .gereed ? 2 : 3)
        }
        return orderedRows(domain.actions.items, id: \.value.created.id,
                           keep: { !$0.isWithdrawn && matches(kern: $0.value.created.kern, wijk: $0.value.created.wijk) },
                           key: { SortKey(a: rank($0), b: $0.value.created.due?.ordinal ?? Int.max, c: $0.seq) }) { t in
                let a = t.value
                let overdue = a.isOverdue(today: today)
                let status = Self.statusLabel(a.status, overdue: overdue, withdrawn: false)
                return PaneRow(id: a.created.id, spans: [
                    Span(a.created.id.description, .id, width: 5),
                    Span(status.text, status.role, width: 11),
                    Span(a.created.due?.short ?? "", overdue ? .overdue : .muted, width: 5),
                    Span(a.created.owner, .muted, width: 12, hideBelow: 56, wideWidth: 18),
                    Span(a.created.title, .plain),
                ])
            }
    }

    /// A symbol and a word for every status, so nothing depends on colour alone.
    public static func statusLabel(_ s: ActionStatus, overdue: Bool, withdrawn: Bool) -> (text: String, role: SpanRole) {
        if withdrawn { return ("– \(Text.withdrawnMark.text)", .withdrawn) }
        if overdue { return ("! \(Text.overdueMark.text)", .overdue) }
        switch s {
        case .open: return ("○ open", .plain)
        case .bezig: return ("◐ bezig", .busy)
        case .gereed: return ("● gereed", .done)
        case .vervallen: return ("✕ vervallen", .muted)
        }
    }

    func participationRows() -> [PaneRow] {
        domain.participation.items
            .filter { !$0.isWithdrawn && matches(kern: $0.value.kern, wijk: $0.value.wijk) }
            .map { t in
                let p = t.value
                return PaneRow(id: p.id, spans: [
                    Span(p.id.description, .id, width: 5),
                    Span(p.level.rawValue, .plain, width: 12),
                    Span(p.wijk ?? p.kern, .muted, width: 12, hideBelow: 56, wideWidth: 22),
                    Span(p.topic),
                ])
            }
    }
}
