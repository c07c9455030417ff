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
                throw DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription: "\(key.rawValue): geen score: '\(text)' (bv. \"7,1\")")
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

    /// `7,10`, or "—" when not known.
    public static func shown(_ score: Int?) -> String {
        guard let score else { return "—" }
        let cents = score % 100
        return "\(score / 100),\(cents < 10 ? "0" : "")\(cents)"
    }
}
