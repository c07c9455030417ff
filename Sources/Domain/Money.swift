import Foundation

/// An amount in whole euro cents. Never floating point.
public struct Money: Hashable, Comparable, Codable, Sendable {
    public let cents: Int

    public init(cents: Int) { self.cents = cents }

    /// Parses `1250`, `1250,50`, `1.250,50`, `1250.50` and `€ 1.250`.
    public init?(_ text: String) {
        var t = text.replacingOccurrences(of: "€", with: "").replacingOccurrences(of: " ", with: "")
        guard !t.isEmpty else { return nil }
        let negative = t.hasPrefix("-")
        if negative { t.removeFirst() }
        var whole = t
        var fraction = ""
        if let comma = t.lastIndex(of: ",") {
            whole = String(t[..<comma]).replacingOccurrences(of: ".", with: "")
            fraction = String(t[t.index(after: comma)...])
        } else if let dot = t.lastIndex(of: "."), t.distance(from: dot, to: t.endIndex) - 1 <= 2,
                  t.filter({ $0 == "." }).count == 1 {
            whole = String(t[..<dot])
            fraction = String(t[t.index(after: dot)...])
        } else {
            whole = t.replacingOccurrences(of: ".", with: "")
        }
        guard !whole.isEmpty, whole.allSatisfy({ $0.isASCII && $0.isNumber }), whole.count <= 12,
              fraction.count <= 2, fraction.allSatisfy({ $0.isASCII && $0.isNumber }),
              let euros = Int(whole) else { return nil }
        let cents = fraction.isEmpty ? 0 : Int(fraction.count == 1 ? fraction + "0" : fraction)!
        self.cents = (euros * 100 + cents) * (negative ? -1 : 1)
    }

    /// Dutch display: `€ 1.250,50`.
    public var dutch: String {
        let sign = cents < 0 ? "-" : ""
        let absolute = abs(cents)
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
