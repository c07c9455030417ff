import KernteamDomain

/// Something drawn on top of the panes.
public enum Overlay: Hashable, Sendable {
    /// The key help, scrolled down by `offset` lines.
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
}

public struct StatusMessage: Hashable, Sendable {
    public var text: String
    public var isError: Bool
    public init(_ text: String, isError: Bool = false) { self.text = text; self.isError = isError }
}

/// The screen-level state: focus, selection, open overlay. The domain state is separate and is
/// only ever changed by folding log entries.
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

    /// The list a pane shows now.
    public func list(_ pane: PaneID) -> ListID {
        let lists = pane.lists
        return lists[min(listIndex[pane] ?? 0, lists.count - 1)]
    }

    public mutating func show(_ list: ListID) {
        listIndex[list.pane] = list.pane.lists.firstIndex(of: list) ?? 0
    }

    public init(cols: Int, rows: Int, logPath: String, kern: String? = nil) {
        self.cols = cols
        self.rows = rows
        self.logPath = logPath
        self.kern = kern
    }
}

/// What the runtime does for the reducer: append to the log, or stop.
public enum Effect: Hashable, Sendable {
    case record(DraftKind, Draft, meeting: RecordID?, target: RecordID?)
    /// Plan a meeting and let the program propose its agenda.
    case prepareMeeting(Draft)
    /// Close a meeting (records a checkpoint).
    case closeMeeting(RecordID)
    /// Write a document (notulen, actielijst, rapportage, agenda, nieuwsbrief) from the history view.
    case export(Draft, meeting: RecordID?, filter: HistoryFilter)
    case quit
}

/// Everything the reducer reacts to.
public enum Msg: Sendable {
    case key(Key)
    case recorded(Result<LoggedEvent, RecordFailureInfo>)
    /// Another process appended to the log (already folded into the domain state).
    case logChanged
    /// Something the runtime wants the user to read (e.g. the checkpoint after closing).
    case notice(String, isError: Bool)
}

/// A failed append as the reducer needs it: a refusal per field, or a plain message.
public enum RecordFailureInfo: Error, Sendable, Hashable {
    case refused(Refusal)
    case message(String)
    /// The log could not be written (disk full, read-only, I/O error): nothing is saved until it can.
    case ioFailure(String)
}
