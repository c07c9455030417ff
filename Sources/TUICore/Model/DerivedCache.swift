import Foundation
import KernteamDomain

/// Remembers derived lists (pane rows, history) of one world, so a key press that does not change the
/// log does not rebuild them: a frame only draws what is visible. Keys include everything the result
/// depends on besides the world itself (see `World.caches`).
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
    var list: ListID
    var kern: String?
    var filter: String?
}

/// The history screen's lines also depend on the language of the meeting headings.
struct HistoryLinesKey: Hashable {
    var filter: HistoryFilter
    var language: Language
}

/// The derived lists of one `World`. A class so that a world passed by value to the reducer and the
/// views shares what either of them worked out.
public final class WorldCaches: Sendable {
    let workingMeeting = DerivedCache<String?, MeetingHeld?>(limit: 16)
    let rows = DerivedCache<RowsKey, PaneRows>()
    let history = DerivedCache<HistoryFilter, HistoryEntries>(limit: 8)
    let historyLines = DerivedCache<HistoryLinesKey, [HistoryView.Line]>(limit: 8)

    public init() {}
}
