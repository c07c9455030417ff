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

    public init(number: Int, seq: Int, timestamp: String, role: String, prev: String, bytes: [UInt8], hash: String) {
        self.number = number
        self.seq = seq
        self.timestamp = timestamp
        self.role = role
        self.prev = prev
        self.bytes = bytes
        self.hash = hash
    }
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
    /// The line creates a record whose id an earlier line already gave.
    case duplicateID(String)
    /// The line's time is before the previous line's (`verify`; the writer never does this).
    case timeGoesBack(previous: String, this: String)

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
        case .duplicateID(let id): "id \(id) is al eerder in het log gegeven"
        case let .timeGoesBack(previous, this): "tijdstip \(this) ligt vóór dat van de regel ervoor (\(previous))"
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

    /// Who may be named as the recorder of a line (`Role` in the domain; a test keeps them equal).
    public static let roles: Set<String> = ["voorzitter", "secretaris", "cli", "systeem"]
    private static let roleBytes = roles.map { Array($0.utf8) }

    static func isRole(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        roleBytes.contains { $0.count == bytes.count && $0.elementsEqual(bytes) }
    }

    /// `2009-03-10T18:42:00Z`: UTC, whole seconds, a real month, day (for that month), hour, minute and second.
    public static func isTimestamp(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard b.count == 20 else { return false }
        for i in 0..<20 {
            let c = b[i]
            switch i {
            case 4, 7: guard c == UInt8(ascii: "-") else { return false }
            case 10: guard c == UInt8(ascii: "T") else { return false }
            case 13, 16: guard c == UInt8(ascii: ":") else { return false }
            case 19: guard c == UInt8(ascii: "Z") else { return false }
            default: guard c >= 48 && c <= 57 else { return false }
            }
        }
        func n(_ from: Int, _ count: Int) -> Int {
            var v = 0
            for k in from..<from + count { v = v * 10 + Int(b[k] - 48) }
            return v
        }
        let year = n(0, 4), month = n(5, 2), day = n(8, 2)
        guard (1...12).contains(month), day >= 1, n(11, 2) <= 23, n(14, 2) <= 59, n(17, 2) <= 60 else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return day <= days
    }

    public static func isTimestamp(_ text: String) -> Bool {
        Array(text.utf8).withUnsafeBufferPointer(isTimestamp)
    }
}
