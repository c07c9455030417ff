import Foundation

/// The averages the plan measures liveability against: "de leefbaarheidsscore hoger dan het Nederlands
/// gemiddelde en van Haaglanden" (beleidsplan 1.1, Excellente leefgemeenschappen). The plan gives no
/// figures, so `Data/averages.json` ships empty; a municipality fills in what Lemon reports.
public struct LemonAverage: Codable, Hashable, Sendable {
    public var theme: Theme
    public var year: Int
    /// Scores in hundredths (7,25 → 725), as Lemon scores are kept.
    public var haaglanden: Int?
    public var nederland: Int?

    public init(theme: Theme, year: Int, haaglanden: Int?, nederland: Int?) {
        self.theme = theme; self.year = year; self.haaglanden = haaglanden; self.nederland = nederland
    }

    enum CodingKeys: String, CodingKey { case theme, year, haaglanden, nederland }

    /// Scores are written as people write them (`"7,1"`), with the same rules as a Lemon score.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        theme = try c.decode(Theme.self, forKey: .theme)
        year = try c.decode(Int.self, forKey: .year)
        func score(_ key: CodingKeys) throws -> Int? {
            guard let text = try c.decodeIfPresent(String.self, forKey: key) else { return nil }
            guard let v = LemonScored.parseScore(text) else {
                throw DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription: Text.plan(.averagesBadScore(text)).text)
            }
            return v
        }
        haaglanden = try score(.haaglanden)
        nederland = try score(.nederland)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(theme, forKey: .theme)
        try c.encode(year, forKey: .year)
        func text(_ v: Int?) -> String? { v.map { LemonScored(kern: "", wijk: nil, theme: theme, year: year, score: $0).scoreText } }
        try c.encodeIfPresent(text(haaglanden), forKey: .haaglanden)
        try c.encodeIfPresent(text(nederland), forKey: .nederland)
    }
}

/// The file of averages: `{"averages": [...]}`.
public struct LemonAverages: Codable, Hashable, Sendable {
    public var averages: [LemonAverage]
    public init(averages: [LemonAverage] = []) { self.averages = averages }

    public static let none = LemonAverages()
    public var isEmpty: Bool { averages.isEmpty }

    /// The averages for a theme and year, if filled in.
    public func average(theme: Theme, year: Int) -> LemonAverage? { averages.first { $0.theme == theme && $0.year == year } }

    /// The averages for a theme and year as a note beside a score: "Haaglanden 6,80 · Nederland 7,00";
    /// nil when neither is filled in. `year` is named when it is not the year the reader expects.
    public func note(theme: Theme, year: Int, namingYear: Bool = false) -> String? {
        guard let a = average(theme: theme, year: year), a.haaglanden != nil || a.nederland != nil else { return nil }
        return Text.plan(.averagesNote(haaglanden: a.haaglanden.map(Self.shown), nederland: a.nederland.map(Self.shown),
                                       year: namingYear ? year : nil)).text
    }

    /// Reads the file's bytes. Every problem is said in Dutch (English with `--lang en`) with the place in
    /// the file it is at, so whoever filled it in can fix it: not JSON, a missing or mistyped field, an
    /// unknown theme, a score that is no score, a theme and year given twice.
    public static func parse(_ data: Data) throws -> LemonAverages {
        let file: LemonAverages
        do {
            file = try JSONDecoder().decode(LemonAverages.self, from: data)
        } catch let error as DecodingError {
            throw AveragesProblem(description: describe(error))
        }
        var seen = Set<String>()
        for a in file.averages {
            guard seen.insert("\(a.theme.rawValue) \(a.year)").inserted else {
                throw AveragesProblem(description: Text.plan(.averagesTwice(theme: a.theme.rawValue, year: a.year)).text)
            }
        }
        return file
    }

    static func describe(_ error: DecodingError) -> String {
        func place(_ path: [CodingKey]) -> String {
            path.map { $0.intValue.map { "[\($0 + 1)]" } ?? $0.stringValue }.joined(separator: " ")
        }
        switch error {
        case let .dataCorrupted(c):
            if c.codingPath.isEmpty { return Text.plan(.averagesNotJSON).text }
            if c.codingPath.last?.stringValue == "theme" {
                return Text.plan(.averagesUnknownTheme(at: place(c.codingPath), known: Theme.allCases.map(\.rawValue).joined(separator: ", "))).text
            }
            return place(c.codingPath) + ": " + c.debugDescription
        case let .keyNotFound(key, c):
            return Text.plan(.averagesMissing(key.stringValue, at: place(c.codingPath))).text
        case let .typeMismatch(_, c), let .valueNotFound(_, c):
            return Text.plan(.averagesWrongKind(at: place(c.codingPath))).text
        @unknown default:
            return "\(error)"
        }
    }

    /// `7,10`, or "—" when not known.
    public static func shown(_ score: Int?) -> String {
        guard let score else { return "—" }
        let cents = score % 100
        return "\(score / 100),\(cents < 10 ? "0" : "")\(cents)"
    }
}

/// Why `Data/averages.json` cannot be used, in the user's language.
public struct AveragesProblem: Error, CustomStringConvertible, Sendable {
    public let description: String
}
