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
    }

    public let kind: Kind
    public let number: Int

    public init(_ kind: Kind, _ number: Int) {
        self.kind = kind
        self.number = number
    }

    /// Parses `S-12`, `s12` or `s 12`.
    public init?(_ text: String) {
        let cleaned = text.uppercased().filter { !$0.isWhitespace && $0 != "-" }
        let letters = String(cleaned.prefix { $0.isLetter })
        guard let kind = Kind(rawValue: letters),
              let number = Int(cleaned.dropFirst(letters.count)), number > 0 else { return nil }
        self.init(kind, number)
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
