import Foundation
import KernteamDomain
import KernteamLog

/// What tells one log from another, for names that must be unique across logs (calendar UIDs): a
/// test log and the real log both have a `V-1`, and an agenda that imported both must not take one
/// for the other.
///
/// A new log gets a random identity in its first line (`log_id` in `reference.set`). A log made
/// before that has none; it is identified by the SHA-256 of its first line instead, which holds the
/// moment it was made and never changes (the chain guards it). Copies of one log share an identity:
/// they are the same log.
public enum LogIdentity {
    /// 16 hex digits (64 random bits).
    public static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        let n = generator.next() as UInt64
        let hex = String(n, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// The identity of a log whose first line carries none: the first 16 hex digits of its hash.
    public static func fromFirstLine(_ line: [UInt8]) -> String {
        String(Hashing.sha256Hex(line).prefix(16))
    }

    /// The first line of a file (without its line break), read in small pieces; nil when it cannot be read.
    static func firstLine(path: String) -> [UInt8]? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        var line: [UInt8] = []
        while true {
            guard let chunk = try? handle.read(upToCount: 65_536), !chunk.isEmpty else { return line.isEmpty ? nil : line }
            if let nl = chunk.firstIndex(of: 0x0A) {
                line += chunk[chunk.startIndex..<nl]
                return line
            }
            line += chunk
        }
    }
}

extension Session {
    /// This log's identity: the one in its first line, else derived from that line (see `LogIdentity`).
    public var logIdentity: String {
        if let id = state.logIdentity { return id }
        return LogIdentity.firstLine(path: path).map(LogIdentity.fromFirstLine) ?? LogIdentity.fromFirstLine(Array(path.utf8))
    }
}
