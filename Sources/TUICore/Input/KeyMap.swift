import KernteamDomain

/// What the user asks for in the main screen, independent of which key asked.
public enum Command: Hashable, Sendable {
    case nextPane, prevPane, focusPane(Int)
    case moveUp, moveDown, pageUp, pageDown, home, end
    case openDetail, add, addDecision, addMeeting, filter, changeStatus
    case switchList, triage, feedback, closePriority, wijkKind, ladder
    case openMeeting, nextItem, previousItem, endItem, moveItemUp, moveItemDown, removeItem, timeboxUp, timeboxDown
    case attendance, residents, minutes, projector, reveal, history, dashboard
    case correct, withdraw, undo, notes
    case quickEntry

    /// Commands that open a form to record something; not available on the projector.
    public var opensForm: Bool {
        switch self {
        case .add, .addDecision, .addMeeting, .changeStatus, .triage, .feedback, .closePriority, .ladder, .wijkKind,
             .moveItemUp, .moveItemDown, .removeItem, .timeboxUp, .timeboxDown, .attendance, .residents,
             .correct, .withdraw, .undo, .quickEntry, .notes:
            true
        default:
            false
        }
    }
    case help, quit

    /// What the chair uses on the projector's screen (it shows the meeting, not the panes).
    public var worksOnTheProjector: Bool {
        switch self {
        case .openMeeting, .nextItem, .previousItem, .endItem, .minutes, .projector, .history, .dashboard, .help, .quit: true
        default: false
        }
    }

    /// For a key that acts on a row of some lists only: what to say where it does nothing.
    public var notHere: String? {
        switch self {
        case .changeStatus: Text.keyStatus.text + ": " + Text.paneActions.text
        case .triage: Text.triageHere.text
        case .feedback: Text.feedbackHere.text
        case .closePriority: Text.closeHere.text
        case .ladder: Text.ladderHere.text
        case .moveItemUp, .moveItemDown, .removeItem, .timeboxUp, .timeboxDown: Text.keyMoveItem.text + ": " + Text.paneAgenda.text
        default: nil
        }
    }
}

/// A key's short hint in the footer: how the key is shown there, the word, and its place in the line.
public struct FooterHint: Sendable {
    public var key: String
    public var text: Text
    /// Hints are shown in this order (the table's order is the help's).
    public var order: Int
    /// The word in the secretary's window, where the key does less (> asks the chair to move on).
    public var secretaryText: Text? = nil

    /// The word for this window.
    public func text(chair: Bool) -> Text { chair ? text : secretaryText ?? text }
}

/// One row of the key table: the keys, how they are shown, what they do, the help text and the
/// footer hint. The same table drives dispatch, the help overlay and the footer, so they cannot disagree.
public struct Binding: Sendable {
    public var keys: [Key]
    public var keyLabel: String
    public var command: Command
    public var help: Text
    public var hint: FooterHint?

    public init(_ keys: [Key], _ keyLabel: String? = nil, _ command: Command, _ help: Text, hint: (String, Text, Int)? = nil,
                secretaryHint: Text? = nil) {
        self.keys = keys
        self.keyLabel = keyLabel ?? keys.map(\.label).joined(separator: " / ")
        self.command = command
        self.help = help
        self.hint = hint.map { FooterHint(key: $0.0, text: $0.1, order: $0.2, secretaryText: secretaryHint) }
    }
}

public enum KeyMap {
    public static let main: [Binding] = [
        Binding([.tab], nil, .nextPane, .keyNextPane, hint: ("Tab", .shortPane, 1)),
        Binding([.backTab], nil, .prevPane, .keyPrevPane),
        Binding(paneNumbers, paneNumbers.map(\.label).joined(separator: " "), .focusPane(0), .keyPaneNumber),
        Binding([.up, .char("k")], "↑ / k", .moveUp, .keyMoveUp, hint: ("↑↓", .shortSelect, 2)),
        Binding([.down, .char("j")], "↓ / j", .moveDown, .keyMoveDown),
        Binding([.pageUp], nil, .pageUp, .keyPageUp),
        Binding([.pageDown], nil, .pageDown, .keyPageDown),
        Binding([.home, .char("g")], "Home / g", .home, .keyHome),
        Binding([.end, .char("G")], "End / G", .end, .keyEnd),
        Binding([.enter], nil, .openDetail, .keyOpen, hint: ("Enter", .shortDetails, 3)),
        Binding([.char("n")], nil, .add, .keyAdd, hint: ("n", .shortNew, 4)),
        Binding([.char(":")], nil, .quickEntry, .keyQuickEntry, hint: (":", .shortQuickEntry, 4)),
        Binding([.char("b")], nil, .addDecision, .keyDecision, hint: ("b", .shortDecision, 5)),
        Binding([.char("m")], nil, .addMeeting, .keyMeeting, hint: ("m", .shortMeeting, 17)),
        Binding([.char("s")], nil, .changeStatus, .keyStatus, hint: ("s", .shortStatus, 6)),
        Binding([.char("v")], nil, .switchList, .keyView, hint: ("v", .shortView, 11)),
        Binding([.char("t")], nil, .triage, .keyTriage, hint: ("t", .shortTriage, 7)),
        Binding([.char("r")], nil, .feedback, .keyFeedback, hint: ("r", .shortFeedback, 8)),
        Binding([.char("x")], nil, .closePriority, .keyClosePriority, hint: ("x", .shortClosePriority, 9)),
        Binding([.char("l")], nil, .ladder, .keyLadder, hint: ("l", .shortLadder, 10)),
        Binding([.char("w")], nil, .wijkKind, .keyWijkKind),
        Binding([.char("o")], nil, .openMeeting, .keyOpenMeeting, hint: ("o", .shortOpen, 12)),
        Binding([.char(">"), .char(".")], "> / .", .nextItem, .keyNextItem, hint: (">", .shortNext, 13), secretaryHint: .shortRequestNext),
        Binding([.char("<"), .char(",")], "< / ,", .previousItem, .keyPrevItem),
        Binding([.char("e")], nil, .endItem, .keyEndItem),
        Binding([.char("K")], "K", .moveItemUp, .keyMoveItemUp),
        Binding([.char("J")], "J", .moveItemDown, .keyMoveItemDown),
        Binding([.char("d")], nil, .removeItem, .keyRemoveItem),
        Binding([.char("+")], "+", .timeboxUp, .keyTimeboxUp),
        Binding([.char("-")], "-", .timeboxDown, .keyTimeboxDown),
        Binding([.char("a")], nil, .attendance, .keyAttendance),
        Binding([.char("A")], "A", .residents, .keyResidents),
        Binding([.char("c")], nil, .minutes, .keyMinutes, hint: ("c", .shortMinutes, 14)),
        Binding([.char("p")], nil, .projector, .keyProjector, hint: ("p", .shortProjector, 15)),
        Binding([.char("i")], nil, .reveal, .keyReveal),
        Binding([.char("h")], nil, .history, .keyHistory, hint: ("h", .shortHistory, 16)),
        Binding([.char("D")], "D", .dashboard, .keyDashboard),
        Binding([.char("C")], "C", .correct, .keyCorrect, hint: ("C", .shortCorrect, 21)),
        Binding([.char("I")], "I", .withdraw, .keyWithdraw, hint: ("I", .shortWithdraw, 22)),
        Binding([.char("u")], nil, .undo, .keyUndo, hint: ("u", .shortUndo, 0)),
        Binding([.char("N")], "N", .notes, .keyNotes, hint: ("N", .shortNotes, 6)),
        Binding([.char("f")], nil, .filter, .keyFilter, hint: ("f", .shortFilter, 18)),
        Binding([.char("?"), .function(1)], "? / F1", .help, .keyHelp, hint: ("?", .shortHelp, 19)),
        Binding([.char("q"), .ctrl("c"), .ctrl("q")], "q / Ctrl-C", .quit, .keyQuit, hint: ("q", .shortQuit, 20)),
    ]

    /// One number key per pane, 1 to 9.
    static var paneNumbers: [Key] { (1...min(9, Panes.main.count)).map { Key.char(Character(String($0))) } }

    /// The command a key means on the main screen.
    public static func command(for key: Key) -> Command? {
        if case .char(let c) = key, let n = c.wholeNumberValue, n >= 1, n <= min(9, Panes.main.count) { return .focusPane(n - 1) }
        return main.first { $0.keys.contains(key) }?.command
    }

    /// Keys inside a form, for the help overlay (dispatch is in FormState).
    public static let form: [(label: String, help: Text)] = [
        ("Enter", .keyFormSave),
        ("Tab / ↓", .keyFormNext),
        ("Shift-Tab / ↑", .keyFormPrev),
        ("← → Home End Backspace Delete", .keyFormEdit),
        ("← → of letters", .keyFormChoice),
        ("Esc", .keyFormCancel),
    ]
}
