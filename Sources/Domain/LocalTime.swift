import Foundation

/// Times as people in the kernteam read them: Dutch local time (Europe/Amsterdam, summer time
/// included), whatever zone the computer is set to; the log itself keeps UTC (`…Z`), never shown.
public enum LocalTime {
    public static let zone = TimeZone(identifier: "Europe/Amsterdam") ?? .current

    static let calendar: Calendar = {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = zone
        return c
    }()

    /// The moment of a log timestamp (`2009-03-10T18:42:00Z`).
    public static func date(_ timestamp: String) -> Date? {
        KernteamState.epochSeconds(timestamp).map { Date(timeIntervalSince1970: TimeInterval($0)) }
    }

    /// The local day and time of a log timestamp.
    public static func parts(_ timestamp: String) -> (day: Day, hour: Int, minute: Int)? {
        guard let date = date(timestamp) else { return nil }
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        guard let day = Day(year: c.year!, month: c.month!, day: c.day!) else { return nil }
        return (day, c.hour!, c.minute!)
    }

    /// `20:15`.
    public static func clock(_ timestamp: String) -> String {
        guard let p = parts(timestamp) else { return "" }
        return "\(p.hour):\(p.minute < 10 ? "0" : "")\(p.minute)"
    }

    /// `10-03-2009 20:15` (the date in the shown language's form).
    public static func moment(_ timestamp: String) -> String {
        guard let p = parts(timestamp) else { return timestamp }
        return "\(p.day.shown) \(clock(timestamp))"
    }

    /// The local day a moment falls on.
    public static func day(_ date: Date) -> Day {
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return Day(year: c.year!, month: c.month!, day: c.day!)!
    }

    /// A clock of minutes and seconds: `0:06`, `12:40`, `75:00` (one form for every timer).
    public static func minutesSeconds(_ seconds: Int) -> String {
        let s = max(0, seconds)
        return "\(s / 60):\(s % 60 < 10 ? "0" : "")\(s % 60)"
    }
}
