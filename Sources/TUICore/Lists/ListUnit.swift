import KernteamDomain

/// One list the main screen can show. Everything particular to a list lives in its own file in
/// `Lists/`: its rows and their columns, the detail lines of its records, what `n` adds, the keys that
/// act on its selected row (and so their footer hints), and drawings around its rows. A new list is a
/// new file and a case in `ListID` (plus the pane that shows it, in `Panes`).
public protocol ListUnit {
    static var title: Text { get }
    /// What the list says when it has no rows.
    static var empty: Text { get }
    /// What `n` adds here, if anything.
    static var addKind: DraftKind? { get }
    /// The kind of record whose new entries are shown (selected) here after saving.
    static var recordKind: RecordID.Kind? { get }
    /// The rows, in order, for the screen's kern and wijk filter.
    static func rows(_ content: PaneContent) -> PaneRows
    /// Commands of the key table that act on this list's selected row; their footer hints show here.
    static var commands: [Command] { get }
    /// Carries out one of `commands` for the selected row; nil when it cannot here (nothing selected).
    static func run(_ command: Command, selected: RecordID?, _ model: inout AppModel, _ world: World) -> [Effect]?
    /// The record whose details Enter opens for the selected row.
    static func detailRecord(_ selected: RecordID?, _ model: AppModel, _ world: World) -> RecordID?
    /// The detail lines of one of its records (nil: not a record of this list).
    static func details(_ id: RecordID, _ lines: inout DetailLines) -> Bool
    /// A line drawn above the rows (the agenda's meeting and planned time).
    static func drawCaption(_ screen: Screen, in area: Rect, _ buffer: inout Buffer)
    /// A drawing of the selected row below the rows (the participation ladder), in `area`.
    static func drawBelow(_ screen: Screen, selected: RecordID?, in area: Rect, _ buffer: inout Buffer)
}

extension ListUnit {
    public static var addKind: DraftKind? { nil }
    public static var recordKind: RecordID.Kind? { nil }
    public static var commands: [Command] { [] }
    public static func run(_ command: Command, selected: RecordID?, _ model: inout AppModel, _ world: World) -> [Effect]? { nil }
    public static func detailRecord(_ selected: RecordID?, _ model: AppModel, _ world: World) -> RecordID? { selected }
    public static func details(_ id: RecordID, _ lines: inout DetailLines) -> Bool { false }
    public static func drawCaption(_ screen: Screen, in area: Rect, _ buffer: inout Buffer) {}
    public static func drawBelow(_ screen: Screen, selected: RecordID?, in area: Rect, _ buffer: inout Buffer) {}
}

/// One list shown in a pane. Selection and scroll are kept per list.
public enum ListID: String, CaseIterable, Hashable, Sendable {
    case agenda, signals, initiatives, proposals, feedbackOwed, actions, budgets, participation, priorities, plans

    /// The file that knows this list.
    public var unit: any ListUnit.Type {
        switch self {
        case .agenda: AgendaList.self
        case .signals: SignalsList.self
        case .initiatives: InitiativesList.self
        case .proposals: ProposalsList.self
        case .feedbackOwed: FeedbackOwedList.self
        case .actions: ActionsList.self
        case .budgets: BudgetsList.self
        case .participation: ParticipationList.self
        case .priorities: PrioritiesList.self
        case .plans: PlansList.self
        }
    }

    public var pane: PaneID { PaneID(rawValue: Panes.main.firstIndex { $0.lists.contains(self) } ?? 0) }
    public var title: Text { unit.title }
    public var empty: Text { unit.empty }
    public var addKind: DraftKind? { unit.addKind }
}

/// A pane of the main screen: the lists it shows (`v` switches), and room around the rows.
public struct PaneSpec: Sendable {
    public let title: Text
    public let lists: [ListID]
    /// Lines above the rows, for the first list's caption.
    public let captionLines: Int
    /// Room below the rows for a drawing of the selected row, when the pane is tall enough.
    public let drawingHeight: Int

    public init(_ title: Text, _ lists: [ListID], captionLines: Int = 0, drawingHeight: Int = 0) {
        self.title = title
        self.lists = lists
        self.captionLines = captionLines
        self.drawingHeight = drawingHeight
    }
}

/// The panes of the main screen, in focus order; the layout puts them in a grid, two to a row.
public enum Panes {
    public static let main: [PaneSpec] = [
        PaneSpec(.paneAgenda, [.agenda], captionLines: 1),
        PaneSpec(.paneSignals, [.signals, .initiatives, .proposals, .feedbackOwed]),
        PaneSpec(.paneActions, [.actions, .budgets]),
        PaneSpec(.paneParticipation, [.participation, .priorities, .plans], drawingHeight: LadderView.height),
    ]
}

/// A pane of the main screen, by its place in `Panes.main` (focus order, number key).
public struct PaneID: RawRepresentable, Hashable, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    public static let agenda = PaneID(rawValue: 0)
    public static let signals = PaneID(rawValue: 1)
    public static let actions = PaneID(rawValue: 2)
    public static let participation = PaneID(rawValue: 3)

    public static var allCases: [PaneID] { Panes.main.indices.map { PaneID(rawValue: $0) } }
    public var spec: PaneSpec { Panes.main[rawValue] }
    public var title: Text { spec.title }
    /// The lists this pane can show; `v` switches between them.
    public var lists: [ListID] { spec.lists }
}
