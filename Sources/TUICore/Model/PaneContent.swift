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
    public init(_ text: String, _ role: SpanRole = .plain, width: Int? = nil, hideBelow: Int = 0, wideWidth: Int? = nil) {
        self.text = text; self.role = role; self.width = width; self.hideBelow = hideBelow; self.wideWidth = wideWidth
    }

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

/// What each pane lists, derived from the domain state. Pure; used by the reducer (to move the
/// selection) and by the views (to draw).
public struct PaneContent {
    public let domain: KernteamState
    public let today: Day
    public let kern: String?
    public let filter: String?

    public init(domain: KernteamState, today: Day, kern: String?, filter: String?) {
        self.domain = domain
        self.today = today
        self.kern = kern
        self.filter = filter
    }

    public var currentMeeting: MeetingHeld? { domain.latestMeeting(kern: kern) }

    func matches(kern k: String, wijk: String?) -> Bool {
        guard let filter else { return true }
        if domain.reference.kern(named: filter) != nil { return k == filter }
        return wijk == filter
    }

    public func rows(_ pane: PaneID) -> [PaneRow] {
        switch pane {
        case .agenda: agendaRows()
        case .signals: signalRows()
        case .actions: actionRows()
        case .participation: participationRows()
        }
    }

    func agendaRows() -> [PaneRow] {
        guard let meeting = currentMeeting else { return [] }
        return domain.agenda.items
            .filter { $0.value.meeting == meeting.id && !$0.isWithdrawn && matches(kern: $0.value.kern, wijk: $0.value.wijk) }
            .map { t in
                let item = t.value
                return PaneRow(id: item.id, spans: [
                    Span(item.id.description, .id, width: 5),
                    Span(item.minutes.map { Text.minutesShort($0).nl } ?? "", .muted, width: 6),
                    Span(item.title + (item.wijk.map { " (\($0))" } ?? "")),
                ])
            }
    }

    func signalRows() -> [PaneRow] {
        domain.signals.items
            .filter { matches(kern: $0.value.kern, wijk: $0.value.wijk) }
            .sorted { ($0.value.date, $0.seq) > ($1.value.date, $1.seq) }
            .map { t in
                let s = t.value
                let role: SpanRole = t.isWithdrawn ? .withdrawn : .plain
                return PaneRow(id: s.id, spans: [
                    Span(s.id.description, .id, width: 5),
                    Span(s.date.short, .muted, width: 5, hideBelow: 56),
                    Span(s.wijk ?? s.kern, role, width: 12, wideWidth: 22),
                    Span(s.theme.rawValue, .muted, width: 8, hideBelow: 56, wideWidth: 13),
                    Span(t.isWithdrawn ? "(\(Text.withdrawnMark.nl)) \(s.text)" : s.text, role),
                ])
            }
    }

    /// Open work first (late before on time, earliest due first), then done and dropped.
    func actionRows() -> [PaneRow] {
        func rank(_ t: Tracked<ActionRecord>) -> Int {
            if t.isWithdrawn { return 4 }
            if t.value.isOverdue(today: today) { return 0 }
            return t.value.status.isOpen ? 1 : (t.value.status == .gereed ? 2 : 3)
        }
        return domain.actions.items
            .filter { matches(kern: $0.value.created.kern, wijk: $0.value.created.wijk) }
            .sorted {
                let (a, b) = (rank($0), rank($1))
                if a != b { return a < b }
                let da = $0.value.created.due?.ordinal ?? Int.max, db = $1.value.created.due?.ordinal ?? Int.max
                return da != db ? da < db : $0.seq < $1.seq
            }
            .map { t in
                let a = t.value
                let overdue = a.isOverdue(today: today)
                let status = Self.statusLabel(a.status, overdue: overdue, withdrawn: t.isWithdrawn)
                return PaneRow(id: a.created.id, spans: [
                    Span(a.created.id.description, .id, width: 5),
                    Span(status.text, status.role, width: 11),
                    Span(a.created.due?.short ?? "", overdue ? .overdue : .muted, width: 5),
                    Span(a.created.owner, .muted, width: 12, hideBelow: 56, wideWidth: 18),
                    Span(a.created.title, t.isWithdrawn ? .withdrawn : .plain),
                ])
            }
    }

    /// A symbol and a word for every status, so nothing depends on colour alone.
    public static func statusLabel(_ s: ActionStatus, overdue: Bool, withdrawn: Bool) -> (text: String, role: SpanRole) {
        if withdrawn { return ("– \(Text.withdrawnMark.nl)", .withdrawn) }
        if overdue { return ("! \(Text.overdueMark.nl)", .overdue) }
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
