import Foundation

/// What the session needs of a log, wherever it is kept: the local file (`LogFile`, the embedded
/// default) or a stream of rows in PostgreSQL (`PostgresLog`). Both hold the same lines, byte for
/// byte, with the same hash chain; both serialise appends and let the caller validate the new entry
/// against the latest state while the append is exclusive.
public protocol AppendOnlyLog: AnyObject, Sendable {
    /// Where the log is, for messages: a file path, or a database address without its password.
    var location: String { get }
    /// Sequence number and hash of the last line read or written (the chain's head).
    var headSeq: Int { get }
    var headHash: String { get }
    /// Good lines read or written so far.
    var lineCount: Int { get }
    /// Why appending is impossible now (damage, opened read-only, a read-only database role, a server
    /// that went away); nil when the log can be written.
    var readOnlyReason: LogError? { get }
    /// Where a torn tail found at open was moved (only files have torn tails).
    var recoveredTailPath: String? { get }
    /// How long an append waits for another writer to finish, in seconds.
    var lockTimeout: Double { get set }

    /// Lines appended since the last read (by this or another process), chain-checked.
    func readNew() throws -> [LogLine]

    /// Cheap test whether `readNew` may find anything: the file always says yes (a stat is cheap);
    /// the database says yes when it was notified of an append (LISTEN/NOTIFY), or now and then.
    func mayHaveNews() -> Bool

    /// Appends one entry exclusively: reads what others appended since our last read, hands those
    /// lines to `makeBody` (fold them and validate against them), writes the returned event object
    /// as the next line, and returns only when the line is durable.
    func append(role: String, timestamp: String,
                makeBody: ([LogLine]) throws -> [UInt8]) throws -> (others: [LogLine], written: LogLine)

    /// Every good line so far, each followed by a newline: exactly the bytes of the equivalent file.
    /// For `verify` and `copy`.
    func allLineBytes() throws -> [UInt8]
}

extension AppendOnlyLog {
    public var isReadOnly: Bool { readOnlyReason != nil }
}

/// Builds the bytes of a new line, the same for every store: the header (format version, sequence,
/// timestamp, role, previous hash) followed by the event object's fields.
public enum LogLineBuilder {
    /// The line (without newline), its hash and the timestamp it got, or why the entry cannot be a
    /// line. Time never goes back in a log: a clock set back, or a writer that read the clock before
    /// waiting for the lock, gets the previous line's time (`after`; same form, so the strings compare).
    public static func build(seq: Int, prev: String, role: String, timestamp: String, after previous: String?,
                             body: [UInt8]) throws -> (bytes: [UInt8], hash: String, timestamp: String) {
        guard body.count >= 2, body.first == UInt8(ascii: "{"), body.last == UInt8(ascii: "}"),
              body[1] == UInt8(ascii: "\""), !body.contains(0x0A), !body.contains(0x0D) else {
            throw LogError.badEntry("body must be one JSON object on one line")
        }
        guard LogFormat.roles.contains(role), LogFormat.isTimestamp(timestamp) else {
            throw LogError.badEntry("role must be one of \(LogFormat.roles.sorted()) and the timestamp JJJJ-MM-DDTUU:MM:SSZ")
        }
        let timestamp = previous.map { max($0, timestamp) } ?? timestamp
        var line = Array("{\"v\":\(LogFormat.version),\"seq\":\(seq),\"ts\":\"\(timestamp)\",\"role\":\"\(role)\",\"prev\":\"\(prev)\",".utf8)
        line.append(contentsOf: body.dropFirst())
        return (line, Hashing.sha256Hex(line), timestamp)
    }
}
