import Foundation
import KernteamDomain

/// Remembers derived lists (pane rows, history) for a state version, so a key press that does not
/// change the log does not rebuild them: a frame only draws what is visible. Keys include everything
/// the result depends on; the state version changes with every folded entry.
final class DerivedCache<Key: Hashable, Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [Key: Value] = [:]
    private let limit: Int

    init(limit: Int = 64) { self.limit = limit }

    func value(_ key: Key, _ make: () -> Value) -> Value {
        lock.lock()
        if let v = entries[key] { lock.unlock(); return v }
        lock.unlock()
        let v = make()
        lock.lock()
        if entries.count >= limit { entries.removeAll(keepingCapacity: true) }
        entries[key] = v
        lock.unlock()
        return v
    }
}

struct RowsKey: Hashable {
    var version: UInt64
    var list: ListID
    var kern: String?
    var filter: String?
    var today: Day
    var settings: Settings
}

struct HistoryKey: Hashable {
    var version: UInt64
    var filter: HistoryFilter
}

/// The history screen's lines depend on the entries (this log's and the other logs' versions) and
/// on the language of the meeting headings.
struct HistoryLinesKey: Hashable {
    var versions: [UInt64]
    var filter: HistoryFilter
    var language: Language
}

struct WorkingMeetingKey: Hashable {
    var version: UInt64
    var kern: String?
}

enum Caches {
    static let workingMeeting = DerivedCache<WorkingMeetingKey, MeetingHeld?>(limit: 16)
    static let rows = DerivedCache<RowsKey, PaneRows>()
    static let history = DerivedCache<HistoryKey, [HistoryEntry]>(limit: 8)
    static let historyLines = DerivedCache<HistoryLinesKey, [HistoryView.Line]>(limit: 8)
}

extension KernteamState {
    /// The history for a filter, cached per state version.
    func cachedHistory(_ filter: HistoryFilter) -> [HistoryEntry] {
        Caches.history.value(HistoryKey(version: version, filter: filter)) { history(filter) }
    }
}
