import Foundation

/// A wijk (neighbourhood) of a kern, with its kind and optional buurten.
public struct Wijk: Codable, Hashable, Sendable {
    public var name: String
    public var kind: WijkKind
    public var buurten: [String]

    public init(name: String, kind: WijkKind, buurten: [String] = []) {
        self.name = name
        self.kind = kind
        self.buurten = buurten
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        kind = try c.decode(WijkKind.self, forKey: .kind)
        buurten = try c.decodeIfPresent([String].self, forKey: .buurten) ?? []
    }
}

public struct Kern: Codable, Hashable, Sendable {
    public var name: String
    public var wijken: [Wijk]

    public init(name: String, wijken: [Wijk]) {
        self.name = name
        self.wijken = wijken
    }
}

/// A partner organisation that can own actions and attend the kernteam.
public struct Organisation: Codable, Hashable, Sendable {
    public var name: String
    /// Kernen where this organisation takes part; empty means all.
    public var kernen: [String]

    public init(name: String, kernen: [String] = []) {
        self.name = name
        self.kernen = kernen
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        kernen = try c.decodeIfPresent([String].self, forKey: .kernen) ?? []
    }
}

/// A role the plan names (projectleider, wijkmanager …), the body it belongs to and what it does.
/// Reference data: the kernteam looks it up, nothing is validated against it.
public struct PlanRole: Codable, Hashable, Sendable {
    public var name: String
    public var body: DecisionBody
    public var task: String
    public init(name: String, body: DecisionBody, task: String) {
        self.name = name; self.body = body; self.task = task
    }
}

/// Where a record belongs: a wijk of a kern, or the whole kern.
public struct Place: Hashable, Sendable, Codable {
    public var kern: String
    public var wijk: String?

    public init(kern: String, wijk: String?) {
        self.kern = kern
        self.wijk = wijk
    }

    /// What the user sees: the wijk name, or the kern name for the whole kern.
    public var label: String { wijk ?? kern }
}

/// Kernen, wijken, organisations and themes. Ships in `Data/reference.json`, is copied into a log
/// when the log is created, so that a log stays readable on its own years later.
public struct ReferenceData: Codable, Hashable, Sendable {
    public var municipality: String
    public var kernen: [Kern]
    public var organisations: [Organisation]
    public var themes: [String: String]
    /// The roles of the plan's organisation (beleidsplan 1.2, 2.1); absent in logs made before.
    public var roles: [PlanRole]?
    /// The log's own identity (`log_id`), written only into a log's first line when the log is made:
    /// random, so two logs never share it (calendar UIDs are built from it). Absent in
    /// `Data/reference.json` and in logs made before it existed (see `LogIdentity`).
    public var logID: String?

    public init(municipality: String, kernen: [Kern], organisations: [Organisation], themes: [String: String], logID: String? = nil,
                roles: [PlanRole]? = nil) {
        self.municipality = municipality
        self.kernen = kernen
        self.organisations = organisations
        self.themes = themes
        self.logID = logID
        self.roles = roles
    }

    enum CodingKeys: String, CodingKey {
        case municipality, kernen, organisations, themes, roles
        case logID = "log_id"
    }

    public static let empty = ReferenceData(municipality: "", kernen: [], organisations: [], themes: [:])

    public var allWijken: [(kern: String, wijk: Wijk)] {
        kernen.flatMap { k in k.wijken.map { (k.name, $0) } }
    }

    /// Resolves a wijk or kern name typed by a user, ignoring case and surrounding spaces.
    public func place(named text: String) -> Place? {
        let wanted = Self.matchKey(text)
        for kern in kernen {
            if let w = kern.wijken.first(where: { Self.matchKey($0.name) == wanted }) {
                return Place(kern: kern.name, wijk: w.name)
            }
        }
        if let kern = kernen.first(where: { Self.matchKey($0.name) == wanted }) {
            return Place(kern: kern.name, wijk: nil)
        }
        return nil
    }

    public func kern(named text: String) -> Kern? {
        kernen.first { Self.matchKey($0.name) == Self.matchKey(text) }
    }

    public func wijk(named name: String) -> Wijk? {
        allWijken.first { Self.matchKey($0.wijk.name) == Self.matchKey(name) }?.wijk
    }

    public func organisation(named text: String) -> Organisation? {
        organisations.first { Self.matchKey($0.name) == Self.matchKey(text) }
    }

    public var wijkNames: [String] { allWijken.map(\.wijk.name) }

    /// Wijk names and kern names, in the order users pick them from.
    public var placeNames: [String] {
        kernen.flatMap { [$0.name] + $0.wijken.map(\.name) }
    }

    /// Case-insensitive, whitespace-trimmed key; accents are kept (é ≠ e is a real difference in names).
    public static func matchKey(_ s: String) -> String {
        // Without Foundation's trimming: this runs for every place name on every record checked.
        let key = String.trimmedOfWhitespace(s).lowercased()
        return key.contains("’") ? key.replacingOccurrences(of: "’", with: "'") : key
    }
}

extension String {
    /// The text without white space (newlines included) at either end; what Foundation's
    /// `trimmingCharacters(in: .whitespacesAndNewlines)` gives, without its cost on every draft field read.
    /// Trimmed by Unicode scalars, as Foundation does: a mark or tag after a space stays (trimming whole
    /// characters would take it away with the space).
    public static func trimmedOfWhitespace(_ s: String) -> String {
        let scalars = s.unicodeScalars
        // Foundation's set: Unicode's white space, and the zero-width space.
        func blank(_ c: Unicode.Scalar) -> Bool { c.properties.isWhitespace || c == "\u{200B}" }
        guard let first = scalars.firstIndex(where: { !blank($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !blank($0) })!
        if first == scalars.startIndex && scalars.index(after: last) == scalars.endIndex { return s }
        return String(scalars[first...last])
    }
}
