import KernteamDomain

/// The screens that have their own help: `?` (or F1 where `?` is typed text) shows the keys of the
/// screen it was pressed in.
public enum HelpScreen: Hashable, Sendable {
    case main, form, quickEntry, attendance, history, chain, dashboard, minutes

    public var title: Text {
        switch self {
        case .main: .helpMainSection
        case .form: .helpFormSection
        case .quickEntry: .helpQuickSection
        case .attendance: .helpAttendanceSection
        case .history: .helpHistorySection
        case .chain: .helpChainSection
        case .dashboard: .helpDashboardSection
        case .minutes: .helpMinutesSection
        }
    }
}

/// One line of a screen's help: how the keys are shown and what they do.
public struct HelpKey: Hashable, Sendable {
    public var label: String
    public var help: Text
    public init(_ label: String, _ help: Text) { self.label = label; self.help = help }
}

/// A titled group of keys in the help.
public struct HelpSection: Hashable, Sendable {
    public var title: Text
    public var keys: [HelpKey]
}

extension KeyMap {
    /// The keys of the history list (dispatch in `Reducer.handleHistory`).
    public static let history: [HelpKey] = [
        HelpKey("↑ / k", .keyMoveUp), HelpKey("↓ / j", .keyMoveDown),
        HelpKey("PgUp", .keyPageUp), HelpKey("PgDn", .keyPageDown),
        HelpKey("Home / g", .keyHome), HelpKey("End / G", .keyEnd),
        HelpKey("Enter", .keyHistoryChain),
        HelpKey("f", .keyHistoryFilter), HelpKey("/", .keyHistorySearch),
        HelpKey("e", .keyHistoryExport), HelpKey("t", .keyLookBack),
        HelpKey("C", .keyCorrect), HelpKey("I", .keyWithdraw),
        HelpKey("D", .keyDashboard),
        HelpKey("Esc / q / h", .keyBackToMain),
    ]

    /// The keys of one item's history in the history view.
    public static let chain: [HelpKey] = [
        HelpKey("↑ / k", .keyMoveUp), HelpKey("↓ / j", .keyMoveDown),
        HelpKey("C", .keyChainCorrect), HelpKey("I", .keyChainWithdraw),
        HelpKey("Esc / Enter / q", .keyChainBack),
    ]

    /// The keys of the dashboard (dispatch in `Reducer.handleDashboard`).
    public static let dashboard: [HelpKey] = [
        HelpKey("→ / l / Tab", .keyDashNext), HelpKey("← / h / Shift-Tab", .keyDashPrev),
        HelpKey("↓ / j", .keyMoveDown), HelpKey("↑ / k", .keyMoveUp),
        HelpKey("PgDn / spatie", .keyPageDown), HelpKey("PgUp", .keyPageUp), HelpKey("Home / g", .keyHome),
        HelpKey("t", .keyLookBack),
        HelpKey("Esc / q / D", .keyBackToMain),
    ]

    /// The keys of the draft minutes.
    public static let minutes: [HelpKey] = [
        HelpKey("↓ / j", .keyMoveDown), HelpKey("↑ / k", .keyMoveUp),
        HelpKey("PgDn / spatie", .keyPageDown), HelpKey("PgUp", .keyPageUp),
        HelpKey("x", .keyMinutesClose),
        HelpKey("Esc / q / c", .keyBackToMain),
    ]

    /// The keys of the quick-entry line (besides the editing keys of a text field).
    public static let quickEntry: [HelpKey] = [
        HelpKey("Enter", .keyQuickRead), HelpKey("Tab", .keyQuickComplete),
        HelpKey("1–9", .keyQuickChoose), HelpKey("Esc", .keyQuickBack),
        HelpKey("← → Home End Backspace", .keyFormEdit),
        HelpKey(":", .quickSyntax),
    ]

    /// The keys of the attendance form (dispatch in `Reducer.handleAttendance`).
    public static let attendance: [HelpKey] = [
        HelpKey("a / 1", .keyAttendancePresent), HelpKey("f / 2", .keyAttendanceApologies), HelpKey("w / 3", .keyAttendanceAbsent),
        HelpKey("spatie", .keyAttendanceCycle), HelpKey("A", .keyAttendanceRest), HelpKey("g", .keyAttendanceGuest),
        HelpKey("0–9 Backspace", .keyAttendanceCount),
        HelpKey("↑ / k", .keyMoveUp), HelpKey("↓ / j / Tab", .keyMoveDown), HelpKey("Home", .keyHome), HelpKey("End", .keyEnd),
        HelpKey("Enter", .keyAttendanceSave), HelpKey("Esc", .keyFormCancel),
    ]

    /// The keys that work on every screen.
    static let everywhere: [HelpKey] = [
        HelpKey("? / F1", .keyHelpHere),
        HelpKey("Ctrl-C", .keyQuitAnywhere),
    ]

    /// The help of a screen: its own keys first, then those that work everywhere.
    public static func help(for screen: HelpScreen) -> [HelpSection] {
        let own: [HelpKey]
        switch screen {
        case .main:
            own = main.map { HelpKey($0.keyLabel, $0.help) } + [HelpKey("muis", .keyMouse)]
        case .form:
            own = form.map { HelpKey($0.label, $0.help) } + [HelpKey("F1", .keyFormHelp)]
        case .quickEntry: own = quickEntry
        case .attendance: own = attendance
        case .history: own = history
        case .chain: own = chain
        case .dashboard: own = dashboard
        case .minutes: own = minutes
        }
        var sections = [HelpSection(title: screen.title, keys: own)]
        if screen != .main { sections.append(HelpSection(title: .helpEverywhere, keys: everywhere)) }
        return sections
    }
}
