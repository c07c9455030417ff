import Foundation

/// An amount in whole euro cents. Never floating point.
public struct Money: Hashable, Comparable, Codable, Sendable {
    public let cents: Int

    public init(cents: Int) { self.cents = cents }

    /// The largest amount the program takes or reads: € 999.999.999.999,99 (twelve digits of euros).
    /// Sums of many such amounts still fit in 64 bits; arithmetic past that is clamped, never trapped.
    public static let maxCents = 99_999_999_999_999

    /// Parses an amount in the Dutch form only: `1250`, `1250,50`, `1.250,50`, `1.250` (an optional
    /// `€` and a leading minus). A comma is the decimal sign (one or two digits after it); a dot only
    /// separates groups of three digits. Everything else is refused, also `1200.50`, `1.2.3`, `12,`
    /// and `1.05`: an amount that could be read two ways is never guessed.
    public init?(_ text: String) {
        var t = Substring(text.trimmingCharacters(in: .whitespaces))
        if t.hasPrefix("€") { t = t.dropFirst().drop(while: { $0 == " " }) }
        let negative = t.hasPrefix("-")
        if negative { t = t.dropFirst() }
        guard t.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == ",") }) else { return nil }
        let parts = t.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { return nil }
        let wholeText = parts[0]
        var fraction = parts.count == 2 ? String(parts[1]) : ""
        guard parts.count == 1 || (1...2).contains(fraction.count), fraction.allSatisfy(\.isNumber) else { return nil }
        let groups = wholeText.split(separator: ".", omittingEmptySubsequences: false)
        guard let first = groups.first, !first.isEmpty, first.allSatisfy(\.isNumber) else { return nil }
        if groups.count > 1 {
            // Thousands separators: one to three digits first, then groups of exactly three.
            guard first.count <= 3, groups.dropFirst().allSatisfy({ $0.count == 3 && $0.allSatisfy(\.isNumber) }) else { return nil }
        }
        let digits = groups.joined()
        guard digits.count <= 12, let euros = Int(digits) else { return nil }
        if fraction.count == 1 { fraction += "0" }
        let cents = euros * 100 + (Int(fraction) ?? 0)
        self.cents = negative ? -cents : cents
    }

    /// Sum that never traps: past the range of Int it stops at the edge.
    public static func sum<S: Sequence>(_ amounts: S) -> Money where S.Element == Money {
        amounts.reduce(Money(cents: 0)) { $0.adding($1) }
    }

    public func adding(_ other: Money) -> Money {
        let (value, overflow) = cents.addingReportingOverflow(other.cents)
        return Money(cents: overflow ? (other.cents > 0 ? Int.max : Int.min) : value)
    }

    public func subtracting(_ other: Money) -> Money {
        let (value, overflow) = cents.subtractingReportingOverflow(other.cents)
        return Money(cents: overflow ? (other.cents < 0 ? Int.max : Int.min) : value)
    }

    /// Dutch display: `€ 1.250,50`.
    public var dutch: String {
        let sign = cents < 0 ? "-" : ""
        let absolute = cents.magnitude   // abs(Int.min) would trap
        var euros = String(absolute / 100)
        var grouped = ""
        while euros.count > 3 {
            grouped = "." + euros.suffix(3) + grouped
            euros = String(euros.dropLast(3))
        }
        let c = absolute % 100
        return "€ \(sign)\(euros)\(grouped),\(c < 10 ? "0" : "")\(c)"
    }

    public static func < (a: Money, b: Money) -> Bool { a.cents < b.cents }

    public init(from decoder: Decoder) throws {
        cents = try decoder.singleValueContainer().decode(Int.self)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(cents)
    }
}
