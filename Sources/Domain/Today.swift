import Foundation

/// What counts as today: overdue actions, ages, "te laat", the default date of a new signal. Normally
/// the local date; `--today D` sets it for the whole process (reproducible runs, tests, the demo
/// story, which is set in 2009). It never changes the timestamps written into the log.
public enum Today {
    nonisolated(unsafe) private static var stored: Day?
    private static let lock = NSLock()

    /// Set once at start-up, before anything is read or drawn.
    public static var override: Day? {
        get { lock.lock(); defer { lock.unlock() }; return stored }
        set { lock.lock(); stored = newValue; lock.unlock() }
    }

    /// Today: the override when set, else the day `now` falls on in the local time zone.
    public static func day(now: Date = Date()) -> Day {
        if let override { return override }
        return localDay(now)
    }

    /// The day a moment falls on in Dutch local time.
    public static func localDay(_ date: Date) -> Day { LocalTime.day(date) }

    /// `2009-03-10T18:42:00Z`: the log's timestamp form (UTC, whole seconds).
    public static func timestamp(_ date: Date) -> String {
        var t = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&t, &parts)
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }
}

/// Looking back: the log as it stood at the end of a day. An entry belongs to it when its own
/// timestamp (`ts`, UTC) falls before midnight after that day in Dutch local time; statuses,
/// ages and "te laat" are then worked out with that day as today.
public struct AsOf: Hashable, Sendable {
    public let day: Day
    /// Entries with a timestamp before this one (the log's form, UTC) belong to the state.
    public let before: String

    public init(_ day: Day, timeZone: TimeZone = LocalTime.zone) {
        self.day = day
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let next = Day(ordinal: day.ordinal + 1)
        let midnight = calendar.date(from: DateComponents(year: next.year, month: next.month, day: next.day)) ?? Date.distantFuture
        before = Today.timestamp(midnight)
    }

    /// The log up to and including the entry with this timestamp (a meeting's close, say); the day is
    /// the local day that moment falls on.
    public init(through timestamp: String, timeZone: TimeZone = LocalTime.zone) {
        // Any later timestamp sorts after this one with "~" appended; the same one sorts before it.
        before = timestamp + "~"
        let parts = timestamp.split(whereSeparator: { "-T:Z".contains($0) }).compactMap { Int($0) }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        if parts.count == 6, let date = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2],
                                                                          hour: parts[3], minute: parts[4], second: parts[5])) {
            var local = Calendar(identifier: .gregorian)
            local.timeZone = timeZone
            let c = local.dateComponents([.year, .month, .day], from: date)
            day = Day(year: c.year!, month: c.month!, day: c.day!) ?? Day(ordinal: 0)
        } else {
            day = Day.ofTimestamp(timestamp)
        }
    }

    /// Whether an entry with this timestamp belongs to the state as of the day.
    public func includes(timestamp: String) -> Bool { timestamp < before }
}
