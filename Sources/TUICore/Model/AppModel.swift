import Foundation
import KernteamDomain

/// Something drawn on top of the panes.
public enum Overlay: Hashable, Sendable {
    /// The key help of one screen (`AppModel.helpScreen`), scrolled down by `offset` lines.
    case help(offset: Int)
    case detail(RecordID)
    case filter(options: [String], index: Int)
    case form(FormState)
    /// Asks before throwing away a form with typed text; `quit` also ends the program.
    case confirmDiscard(FormState, quit: Bool)
    /// The draft minutes of a meeting, read back before closing.
    case minutes(meeting: RecordID, offset: Int)
    /// The full-screen history (state in `AppModel.history`).
    case history
    /// The dashboard: charts of the current kern (`place` nil) or one of its wijken, scrolled by `offset` lines.
    case dashboard(place: String?, offset: Int)
    /// A question answered with j or n before something is done that cannot simply be taken back.
    indirect case confirm(Confirmation)
    /// The quick-entry line at the bottom (`:`).
    case quickEntry(QuickLine)
    /// The attendance of a meeting in one form (`a`).
    case attendance(AttendanceSheet)
}

/// A yes/no question: what is asked, what happens on yes, and where no goes back to.
public struct Confirmation: Hashable, Sendable {
    public var question: String
    public var onYes: [Effect]
    public var onNo: Overlay?
    public init(_ question: String, onYes: [Effect], onNo: Overlay? = nil) {
        self.question = question; self.onYes = onYes; self.onNo = onNo
    }
}

/// What `u` undoes: the last entry this window made, and the effect that takes it back.
public struct UndoStep: Hashable, Sendable {
    /// What the entry was: `A-3`, `#39`.
    public var label: String
    public var effect: Effect
    public init(label: String, effect: Effect) { self.label = label; self.effect = effect }
}

public struct StatusMessage: Hashable, Sendable {
    public var text: String
    public var isError: Bool
    public init(_ text: String, isError: Bool = false) { self.text = text; self.isError = isError }
}

/// How the program starts: everything the first model is built from.
public struct AppOptions: Sendable {
    /// The log's path as shown in the header (home shortened to ~).
    public var logPath: String
    /// The kern whose meeting is shown; nil chooses the kern of the latest meeting once the log is read.
    public var kern: String?
    /// Start in projector mode (`--projector`); `p` toggles it.
    public var projector = false
    /// No colours (NO_COLOR, or a monochrome beamer).
    public var monochrome = false
    /// Chart bars in `#` instead of eighth blocks (a locale without UTF-8).
    public var asciiCharts = false
    /// The folder a document made in the app is written to (a file name without a folder lands here).
    public var exportFolder: String?
    /// Today and now until the log is read (the session's clock after that).
    public var today: Day
    public var now: Date

    public init(logPath: String, kern: String? = nil, projector: Bool = false, monochrome: Bool = false, asciiCharts: Bool = false,
                today: Day, now: Date) {
        self.logPath = logPath
        self.kern = kern
        self.projector = projector
        self.monochrome = monochrome
        self.asciiCharts = asciiCharts
        self.today = today
        self.now = now
    }
}

/// Work the session is doing for the screen; keys typed meanwhile wait their turn.
public struct Busy: Hashable, Sendable {
    public var what: Text
    public init(_ what: Text) { self.what = what }
}

/// The screen-level state: focus, selection, open overlay, and the world it shows. The world (the
/// folded log) only changes by messages that carry the session as it is after an effect.
public struct AppModel: Sendable {
    public var cols: Int
    public var rows: Int
    public var focus: PaneID = .agenda
    public var selected: [ListID: RecordID] = [:]
    public var scroll: [ListID: Int] = [:]
    /// Which of its lists each pane shows (index into `PaneID.lists`).
    public var listIndex: [PaneID: Int] = [:]
    /// A wijk or kern name the panes are filtered to.
    public var filter: String?
    public var overlay: Overlay?
    public var message: StatusMessage?
    /// The kern whose meeting is shown.
    public var kern: String?
    public var logPath: String
    /// Why the log cannot be written, shown in the header.
    public var readOnlyReason: String?
    /// The last save failed on I/O; cleared by the next save that succeeds.
    public var writeFailure: String?
    /// "#128" after the last save by this screen, or the head sequence at open.
    public var savedLabel: String?
    public var quit = false
    /// Projector mode: bigger current item, more spacing, personal data hidden, no forms.
    public var projector = false
    /// No colours (NO_COLOR, or a monochrome beamer).
    public var monochrome = false
    /// Chart bars in `#` instead of eighth blocks (a locale without UTF-8).
    public var asciiCharts = false
    /// The one item whose personal data the chair chose to show on the projector.
    public var revealed: RecordID?
    /// The history view's state, kept while its filter form is open.
    public var history: HistoryView?
    /// The folded log and what comes with it, as the last message from the session brought it.
    public var world: World
    /// Reading the log at start (bytes done, bytes in all); nil once it is open.
    public var opening: (done: Int, total: Int)?
    /// A command sent to the session and not answered yet.
    public var busy: Busy?
    /// The last entry this window made, while it can still be undone.
    public var undo: UndoStep?
    /// Where a correction, withdrawal or look-back form returns to (the history, the dashboard).
    public var formReturn: Overlay?
    /// The log as it stood at the end of a day, shown in the history and the dashboard instead of now.
    public var past: PastWorld?
    /// The pane that had the focus before the current one, and the last record this window created:
    /// what a new action is for ("hoort bij") when the user comes from a signal or just took a decision.
    public var previousFocus: PaneID?
    public var lastCreated: RecordID?
    /// The folder documents made in the app are written to, as shown (home as ~).
    public var exportFolder: String?
    /// Which screen's keys the help shows, what it goes back to, and what is searched for in it
    /// (`helpTyping` while the search is being typed).
    public var helpScreen: HelpScreen = .main
    public var helpReturn: Overlay?
    public var helpSearch = ""
    public var helpTyping = false
    /// The export form while an existing file is being replaced (it comes back if writing fails).
    public var exportPending: FormState?
    /// The text of a quick-entry line closed without saving, offered again by the next `:`.
    public var quickKept: String?
    /// Keys typed while busy, handled in order once the answer is in.
    public var typeAhead: [Key] = []
    /// A look for others' entries is under way.
    public var refreshing = false

    /// The list a pane shows now.
    public func list(_ pane: PaneID) -> ListID {
        let lists = pane.lists
        return lists[min(listIndex[pane] ?? 0, lists.count - 1)]
    }

    public mutating func show(_ list: ListID) {
        listIndex[list.pane] = list.pane.lists.firstIndex(of: list) ?? 0
    }

    /// A model on a world that is already there (tests, benchmarks).
    public init(cols: Int, rows: Int, logPath: String, kern: String? = nil, world: World? = nil) {
        self.cols = cols
        self.rows = rows
        self.logPath = logPath
        self.kern = kern
        self.world = world ?? World(domain: KernteamState(), today: Day(year: 2000, month: 1, day: 1)!)
    }

    /// The first model of the program: the options, the terminal's size, and an empty world until the
    /// log is read (`opening`).
    public init(options: AppOptions, cols: Int, rows: Int) {
        self.init(cols: cols, rows: rows, logPath: options.logPath, kern: options.kern,
                  world: World(domain: KernteamState(), today: options.today, now: options.now))
        projector = options.projector
        monochrome = options.monochrome
        asciiCharts = options.asciiCharts
        exportFolder = options.exportFolder
        opening = (0, 0)
    }
}

/// The history and the dashboard looking back: the day and the world folded up to it (its own caches).
public struct PastWorld: Sendable {
    public var day: Day
    public var world: World
    public init(day: Day, world: World) { self.day = day; self.world = world }
}

extension AppModel {
    /// The world the history and the dashboard show: the past when looking back, else now.
    public var shownWorld: World { past?.world ?? world }
}
