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

/// What the lists show, derived from the domain state for the screen's kern and filter. Pure; used by
/// the reducer (to move the selection) and by the views (to draw). Each list builds its own rows (`Lists/`).
public struct PaneContent: Sendable {
    public let domain: KernteamState
    public let today: Day
    public let kern: String?
    public let filter: String?
    public let settings: Settings
    /// Where rows worked out before are kept: the world's, or this value's own.
    let caches: WorldCaches
    /// Whether the filter names a kern (else a wijk): worked out once, not for every record a list
    /// holds (a name is matched loosely, which on a large log took seconds per filter).
    private let filterIsKern: Bool

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
        filterIsKern = filter.flatMap { domain.reference.kern(named: $0) } != nil
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
        return filterIsKern ? k == filter : wijk == filter
    }

    /// The rows of a list, built once per world and view (see DerivedCache).
    public func rows(_ list: ListID) -> PaneRows {
        caches.rows.value(RowsKey(list: list, kern: kern, filter: filter)) {
            list.unit.rows(self)
        }
    }

    /// Rows of the records that pass `keep`, ordered by `key` computed once per record (not once per
    /// comparison). Each record is read once here (from the snapshot, for a table opened from one) and
    /// again only when its row is drawn: a pane can hold tens of thousands.
    func orderedRows<V>(_ items: RecordItems<V>, id: (Tracked<V>) -> RecordID, keep: (Tracked<V>) -> Bool, key: (Tracked<V>) -> SortKey,
                        descending: Bool = false, row: @escaping @Sendable (Tracked<V>) -> PaneRow) -> PaneRows {
        Self.rows(items, descending: descending, row: row) { i in
            let t = items[i]
            return keep(t) ? (key(t), id(t)) : nil
        }
    }

    /// The same for records a pane picks and orders by their facts alone (`RecordFacts`): a record is
    /// read only when its row is drawn.
    func orderedRows<V: HasRecordFacts>(_ items: RecordItems<V>, keep: (RecordFacts) -> Bool, key: (RecordFacts) -> SortKey,
                                        descending: Bool = false, row: @escaping @Sendable (Tracked<V>) -> PaneRow) -> PaneRows {
        Self.rows(items, descending: descending, row: row) { i in
            let f = items.facts(at: i)
            return keep(f) ? (key(f), f.id) : nil
        }
    }

    /// The rows of the records `pick` keeps (with their sort key and id), in key order. Records come
    /// in log order, which is often already the order wanted (or its reverse): that is checked first,
    /// in one pass, and then no sort is needed.
    private static func rows<V>(_ items: RecordItems<V>, descending: Bool, row: @escaping @Sendable (Tracked<V>) -> PaneRow,
                                pick: (Int) -> (key: SortKey, id: RecordID)?) -> PaneRows {
        var picked: [(index: Int, key: SortKey, id: RecordID)] = []
        for i in items.indices {
            if let p = pick(i) { picked.append((i, p.key, p.id)) }
        }
        if zip(picked, picked.dropFirst()).allSatisfy({ $0.key < $1.key }) {
            if descending { picked.reverse() }
        } else {
            picked.sort { descending ? $1.key < $0.key : $0.key < $1.key }
        }
        let order = picked.map(\.index)
        return PaneRows(ids: picked.map(\.id)) { row(items[order[$0]]) }
    }

    /// A symbol and a word for every action status (also used by `kernteam list`).
    public static func statusLabel(_ s: ActionStatus, overdue: Bool, withdrawn: Bool) -> (text: String, role: SpanRole) {
        ActionsList.statusLabel(s, overdue: overdue, withdrawn: withdrawn)
    }

    /// Up to three numbers compared in order (a group, a day, the sequence number).
    struct SortKey: Comparable {
        var a: Int, b: Int, c: Int
        static func < (l: SortKey, r: SortKey) -> Bool { (l.a, l.b, l.c) < (r.a, r.b, r.c) }
    }
}
