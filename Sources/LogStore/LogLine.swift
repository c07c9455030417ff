import Foundation

/// One record of the log as bytes plus the header fields every line carries. The log store knows
/// nothing else about what a line means; decoding the event is the domain's job.
public struct LogLine: Sendable, Hashable {
    /// 1-based line number in the file.
    public var number: Int
    public var seq: Int
    public var timestamp: String
    public var role: String
    public var prev: String
    /// The line's bytes without the trailing newline; what the next line's `prev` hashes.
    public var bytes: [UInt8]
    /// Lowercase hex SHA-256 of `bytes`.
    public var hash: String
}

/// What can be wrong with one line.
public enum LineProblem: Sendable, Hashable, CustomStringConvertible {
    case badHeader(String)
    case unsupportedVersion(Int)
    case sequenceGap(expected: Int, found: Int)
    case chainBroken
    case notParsable(String)
    case tornTail(bytes: Int)
    case editedAfterWriting(confirmedBy: Int)
    /// The line ends in CR LF: converted to Windows line ends after it was written.
    case windowsLineEnd

    public var description: String {
        switch self {
        case .badHeader(let why): "kop onleesbaar (\(why))"
        case .unsupportedVersion(let v): "onbekende formaatversie \(v)"
        case let .sequenceGap(e, f): "volgnummer \(f), verwacht \(e)"
        case .chainBroken: "hash-keten gebroken: prev klopt niet met de vorige regel"
        case .notParsable(let why): "inhoud onleesbaar (\(why))"
        case .tornTail(let n): "onvolledige laatste regel (\(n) bytes, na een crash?)"
        case .editedAfterWriting(let next): "regel gewijzigd nadat hij geschreven is: de hash in regel \(next) klopt er niet meer mee"
        case .windowsLineEnd: "regel eindigt op CR LF (Windows-regeleinde); zet het log om met kernteam repair"
        }
    }
}

public struct LineIssue: Sendable, Hashable, CustomStringConvertible {
    public var line: Int
    public var problem: LineProblem
    public init(line: Int, problem: LineProblem) {
        self.line = line
        self.problem = problem
    }
    public var description: String { "regel \(line): \(problem)" }
}

public enum LogFormat {
    public static let version = 1
    public static let genesisPrev = String(repeating: "0", count: 64)
}
