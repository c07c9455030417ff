/// A record's id: a short prefix and a number, e.g. `S-12`, `A-7`, `B-3`. Ids are assigned once,
/// when the record is appended, and stored in the log, so they survive every restart unchanged.
public struct RecordID: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public enum Kind: String, CaseIterable, Sendable {
        case meeting = "V"          // vergadering
        case agendaItem = "AP"      // agendapunt
        case signal = "S"           // signaal
        case action = "A"           // actie
        case decision = "B"         // besluit
        case priority = "P"         // prioriteit
        case participation = "D"    // deelname (participatieniveau)
        case initiative = "I"       // bewonersinitiatief
        case budget = "BU"          // wijkbudget
        case plan = "PL"            // kern/wijkenplan
        case note = "N"             // notitie bij een agendapunt
    }

    public let kind: Kind
    public let number: Int

    public init(_ kind: Kind, _ number: Int) {
        self.kind = kind
        self.number = number
    }

    /// The highest number an id can have (twelve digits), so "one more" never overflows.
    public static let maxNumber = 999_999_999_999

    /// Parses `S-12`, `s12` or `s 12`.
    public init?(_ text: String) {
        if let id = Self.canonical(text.utf8) {
            self = id
            return
        }
        let cleaned = text.uppercased().filter { !$0.isWhitespace && $0 != "-" }
        let letters = String(cleaned.prefix { $0.isLetter })
        guard let kind = Kind(rawValue: letters),
              let number = Int(cleaned.dropFirst(letters.count)), number > 0, number <= Self.maxNumber else { return nil }
        self.init(kind, number)
    }

    /// The log's own form (`S-12`, `AP-3`) read from the bytes, without building strings.
    private static func canonical(_ u: String.UTF8View) -> RecordID? {
        var letters = 0, number = 0, digits = 0, first: UInt8 = 0, second: UInt8 = 0
        var sawDash = false
        for c in u {
            if !sawDash {
                if c == UInt8(ascii: "-") { sawDash = true; continue }
                guard c >= UInt8(ascii: "A"), c <= UInt8(ascii: "Z"), letters < 2 else { return nil }
                if letters == 0 { first = c } else { second = c }
                letters += 1
            } else {
                guard c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9"), digits < 12 else { return nil }
                number = number * 10 + Int(c - UInt8(ascii: "0"))
                digits += 1
            }
        }
        guard sawDash, digits > 0, number > 0 else { return nil }
        let kind: Kind
        switch (letters, first, second) {
        case (1, UInt8(ascii: "V"), _): kind = .meeting
        case (2, UInt8(ascii: "A"), UInt8(ascii: "P")): kind = .agendaItem
        case (1, UInt8(ascii: "S"), _): kind = .signal
        case (1, UInt8(ascii: "A"), _): kind = .action
        case (1, UInt8(ascii: "B"), _): kind = .decision
        case (1, UInt8(ascii: "P"), _): kind = .priority
        case (1, UInt8(ascii: "D"), _): kind = .participation
        case (1, UInt8(ascii: "I"), _): kind = .initiative
        case (1, UInt8(ascii: "N"), _): kind = .note
        case (2, UInt8(ascii: "B"), UInt8(ascii: "U")): kind = .budget
        case (2, UInt8(ascii: "P"), UInt8(ascii: "L")): kind = .plan
        default: return nil
        }
        return RecordID(kind, number)
    }

    public var description: String { "\(kind.rawValue)-\(number)" }

    public static func < (a: RecordID, b: RecordID) -> Bool {
        a.kind.rawValue == b.kind.rawValue ? a.number < b.number : a.kind.rawValue < b.kind.rawValue
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let id = RecordID(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "bad id \(text)"))
        }
        self = id
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
