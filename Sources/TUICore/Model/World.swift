import Foundation
import KernteamDomain

/// What the screen shows besides its own state: the folded log, today and now, residents' data, settings.
///
/// Lists derived from the world (pane rows, history) are remembered in `caches`, which belong to this
/// world: changing what they are derived from (the domain, the other logs, the day, the settings)
/// starts empty caches. A copy shares them, which is right as long as it is not changed.
public struct World: Sendable {
    public var domain: KernteamState { didSet { caches = WorldCaches() } }
    public var today: Day { didSet { caches = WorldCaches() } }
    /// Residents' personal data from the side store, by reference.
    public var persons: [PersonRef: PersonalData]
    public var settings: Settings { didSet { caches = WorldCaches() } }
    /// The time now, for the item and meeting timers (a fixed clock in tests).
    public var now: Date
    /// Who this window is (the chair's window moves the meeting; the secretary's records and may ask).
    public var role: Role = .voorzitter
    /// Whether this window runs the meeting.
    public var isChair: Bool { role == .voorzitter }
    /// Other logs (e.g. one per kern) shown read-only in the history, with a label each.
    public var otherLogs: [(label: String, state: KernteamState)] = [] { didSet { caches = WorldCaches() } }
    /// Derived lists, remembered while nothing they depend on changes.
    public private(set) var caches = WorldCaches()

    public init(domain: KernteamState, today: Day, persons: [PersonRef: PersonalData] = [:], settings: Settings = Settings(),
                now: Date = Date(timeIntervalSince1970: 0)) {
        self.domain = domain
        self.today = today
        self.persons = persons
        self.settings = settings
        self.now = now
    }

    /// Takes in the session as it is now. The parts the caches depend on are only replaced when they
    /// changed, so a message that brings nothing new keeps the derived lists.
    /// (A state only changes by folding entries, and each folded entry raises `lastSeq`.)
    public mutating func take(_ view: SessionView, replacing: Bool = false) {
        if replacing || view.state.lastSeq != domain.lastSeq { domain = view.state }
        if view.today != today { today = view.today }
        if view.settings != settings { settings = view.settings }
        if view.otherLogs.map(\.state.lastSeq) != otherLogs.map(\.state.lastSeq) || view.otherLogs.map(\.label) != otherLogs.map(\.label) {
            otherLogs = view.otherLogs
        }
        persons = view.persons
        role = view.role
    }

    /// The history over this log and the other logs, in time order; `source` says which log (0 = this one).
    public func history(_ filter: HistoryFilter) -> HistoryEntries {
        caches.history.value(filter) {
            guard !otherLogs.isEmpty else { return domain.history(filter) }
            // Several logs together: every entry built (the other logs are usually small).
            var all = Array(domain.history(filter))
            for (i, other) in otherLogs.enumerated() {
                all += other.state.history(filter).map { var e = $0; e.source = i + 1; return e }
            }
            return HistoryEntries(entries: all.sorted { ($0.date, $0.source, $0.seq) < ($1.date, $1.source, $1.seq) })
        }
    }

    /// The state an entry of the history came from.
    public func state(ofSource source: Int) -> KernteamState {
        source == 0 || source > otherLogs.count ? domain : otherLogs[source - 1].state
    }

    /// The label shown before ids from another log ("" for this log).
    public func label(ofSource source: Int) -> String {
        source == 0 || source > otherLogs.count ? "" : otherLogs[source - 1].label + "/"
    }
}
