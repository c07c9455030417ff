import KernteamDomain

/// What the user asks for in the main screen, independent of which key asked.
public enum Command: Hashable, Sendable {
    case nextPane, prevPane, focusPane(Int)
    case moveUp, moveDown, pageUp, pageDown, home, end
    case openDetail, add, addDecision, addMeeting, filter, changeStatus
    case switchList, triage, feedback, closePriority, wijkKind, ladder
    case openMeeting, nextItem, previousItem, endItem, moveItemUp, moveItemDown, removeItem, timeboxUp, timeboxDown
    case attendance, residents, minutes, projector, reveal, history, dashboard

    /// Commands that open a form to record something; not available on the projector.
    public var opensForm: Bool {
        switch self {
        case .add, .addDecision, .addMeeting, .changeStatus, .triage, .feedback, .closePriority, .ladder, .wijkKind,
             .moveItemUp, .moveItemDown, .removeItem, .timeboxUp, .timeboxDown, .attendance, .residents:
            true
        default:
            false
        }
    }
    case help, quit
}

/// One row of the key table: the keys, how they are shown, what they do and the help text.
/// The same table drives dispatch and the help overlay, so they cannot disagree.
public struct Binding: Sendable {
    public var keys: [Key]
    public var keyLabel: String
    public var command: Command
    public var help: Text

    public init(_ keys: [Key], _ keyLabel: String? = nil, _ command: Command, _ help: Text) {
        self.keys = keys
        self.keyLabel = keyLabel ?? keys.map(\.label).joined(separator: " / ")
        self.command = command
        self.help = help
    }
}

public enum KeyMap {
    public static let main: [Binding] = [
        Binding([.tab], nil, .nextPane, .keyNextPane),
        Binding([.backTab], nil, .prevPane, .keyPrevPane),
        Binding([.char("1"), .char("2"), .char("3"), .char("4")], "1 2 3 4", .focusPane(0), .keyPaneNumber),
        Binding([.up, .char("k")], "↑ / k", .moveUp, .keyMove),
        Binding([.down, .char("j")], "↓ / j", .moveDown, .keyMove),
        Binding([.pageUp], nil, .pageUp, .keyPage),
        Binding([.pageDown], nil, .pageDown, .keyPage),
        Binding([.home, .char("g")], "Home / g", .home, .keyHomeEnd),
        Binding([.end, .char("G")], "End / G", .end, .keyHomeEnd),
        Binding([.enter], nil, .openDetail, .keyOpen),
        Binding([.char("n")], nil, .add, .keyAdd),
        Binding([.char("b")], nil, .addDecision, .keyDecision),
        Binding([.char("m")], nil, .addMeeting, .keyMeeting),
        Binding([.char("s")], nil, .changeStatus, .keyStatus),
        Binding([.char("v")], nil, .switchList, .keyView),
        Binding([.char("t")], nil, .triage, .keyTriage),
        Binding([.char("r")], nil, .feedback, .keyFeedback),
        Binding([.char("x")], nil, .closePriority, .keyClosePriority),
        Binding([.char("l")], nil, .ladder, .keyLadder),
        Binding([.char("w")], nil, .wijkKind, .keyWijkKind),
        Binding([.char("o")], nil, .openMeeting, .keyOpenMeeting),
        Binding([.char(">"), .char(".")], "> / .", .nextItem, .keyNextItem),
        Binding([.char("<"), .char(",")], "< / ,", .previousItem, .keyPrevItem),
        Binding([.char("e")], nil, .endItem, .keyEndItem),
        Binding([.char("K")], "K", .moveItemUp, .keyMoveItem),
        Binding([.char("J")], "J", .moveItemDown, .keyMoveItem),
        Binding([.char("d")], nil, .removeItem, .keyRemoveItem),
        Binding([.char("+")], "+", .timeboxUp, .keyTimebox),
        Binding([.char("-")], "-", .timeboxDown, .keyTimebox),
        Binding([.char("a")], nil, .attendance, .keyAttendance),
        Binding([.char("A")], "A", .residents, .keyResidents),
        Binding([.char("c")], nil, .minutes, .keyMinutes),
        Binding([.char("p")], nil, .projector, .keyProjector),
        Binding([.char("i")], nil, .reveal, .keyReveal),
        Binding([.char("h")], nil, .history, .keyHistory),
        Binding([.char("D")], "D", .dashboard, .keyDashboard),
        Binding([.char("f")], nil, .filter, .keyFilter),
        Binding([.char("?"), .function(1)], "? / F1", .help, .keyHelp),
        Binding([.char("q"), .ctrl("c"), .ctrl("q")], "q / Ctrl-C", .quit, .keyQuit),
    ]

    /// The command a key means on the main screen.
    public static func command(for key: Key) -> Command? {
        if case .char(let c) = key, let n = c.wholeNumberValue, (1...4).contains(n) { return .focusPane(n - 1) }
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
