import Foundation

/// A calendar day without a time zone: meeting dates, due dates, signal dates.
public struct Day: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1900...2999).contains(year), (1...12).contains(month),
              (1...Day.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Accepts `2009-03-17` (ISO, as the CLI and log use) and `17-03-2009` (as Dutch users type).
    public init?(_ text: String) {
        // The log's own form `2009-03-17`, read straight from the bytes (opening a log reads thousands).
        if text.utf8.count == 10, let day = Self.iso(text.utf8) {
            self = day
            return
        }
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let a = Int(parts[0]), let b = Int(parts[1]), let c = Int(parts[2]) else { return nil }
        if parts[0].count == 4 {
            self.init(year: a, month: b, day: c)
        } else if parts[2].count == 4 {
            self.init(year: c, month: b, day: a)
        } else {
            return nil
        }
    }

    private static func iso(_ u: String.UTF8View) -> Day? {
        var values = (0, 0, 0)   // year, month, day
        for (i, c) in u.enumerated() {
            if i == 4 || i == 7 {
                guard c == UInt8(ascii: "-") else { return nil }
                continue
            }
            guard c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9") else { return nil }
            let d = Int(c - UInt8(ascii: "0"))
            switch i {
            case 0..<4: values.0 = values.0 * 10 + d
            case 5, 6: values.1 = values.1 * 10 + d
            default: values.2 = values.2 * 10 + d
            }
        }
        return Day(year: values.0, month: values.1, day: values.2)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// ISO form, as stored in the log.
    public var description: String {
        "\(year)-\(Self.pad(month))-\(Self.pad(day))"
    }

    /// Dutch display form, dd-mm-jjjj.
    public var dutch: String { "\(Self.pad(day))-\(Self.pad(month))-\(year)" }

    /// English display form, `31 Jan 2010` (no numeric form: 01/02 means different days to different readers).
    public var english: String { "\(day) \(Self.englishMonths[month - 1]) \(year)" }

    private static let englishMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The form documents show, in the current language: `dutch` or `english`.
    public var shown: String { Language.current == .en ? english : dutch }

    /// Short Dutch display form, dd-mm.
    public var short: String { "\(Self.pad(day))-\(Self.pad(month))" }

    private static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// Days since 1970-01-01 (proleptic Gregorian), for age and window arithmetic.
    public var ordinal: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    public init(ordinal: Int) {
        let z = ordinal + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    public static func < (a: Day, b: Day) -> Bool { a.ordinal < b.ordinal }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let day = Day(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "bad date \(text)"))
        }
        self = day
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
