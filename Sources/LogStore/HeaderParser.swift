import Foundation

/// Reads the fixed header that starts every line, straight from the bytes:
/// `{"v":1,"seq":12,"ts":"2009-03-10T19:42:00Z","role":"secretaris","prev":"<64 hex>","…`
/// The order is part of the format, so no general JSON parse is needed to check the chain.
public struct HeaderParser {
    public struct Header: Sendable {
        public var version: Int
        public var seq: Int
        public var ts: String
        public var role: String
        public var prev: String
    }

    public enum Failure: Error { case bad(String) }

    public static func parse(_ line: UnsafeBufferPointer<UInt8>) throws -> Header {
        var i = 0
        func expect(_ literal: StaticString) throws {
            let n = literal.utf8CodeUnitCount
            guard i + n <= line.count else { throw Failure.bad("te kort") }
            let p = literal.utf8Start
            for k in 0..<n where line[i + k] != p[k] { throw Failure.bad("verwacht \(literal)") }
            i += n
        }
        func number() throws -> Int {
            var value = 0, digits = 0
            while i < line.count, line[i] >= 48, line[i] <= 57, digits < 18 {
                value = value * 10 + Int(line[i] - 48)
                i += 1; digits += 1
            }
            guard digits > 0 else { throw Failure.bad("getal verwacht") }
            return value
        }
        func plainString() throws -> String {
            let start = i
            while i < line.count, line[i] != 34 {
                // header strings are plain ASCII without escapes; anything else means damage
                guard line[i] != 92, line[i] >= 32, line[i] < 127 else { throw Failure.bad("ongeldig teken in kop") }
                i += 1
            }
            guard i < line.count else { throw Failure.bad("string niet afgesloten") }
            let s = String(decoding: UnsafeBufferPointer(rebasing: line[start..<i]), as: UTF8.self)
            i += 1
            return s
        }
        try expect("{\"v\":")
        let version = try number()
        try expect(",\"seq\":")
        let seq = try number()
        try expect(",\"ts\":\"")
        let ts = try plainString()
        try expect(",\"role\":\"")
        let role = try plainString()
        try expect(",\"prev\":\"")
        let prev = try plainString()
        guard prev.utf8.count == 64, prev.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 102) }) else {
            throw Failure.bad("prev is geen sha-256")
        }
        try expect(",\"")
        guard line.last == 125 else { throw Failure.bad("regel eindigt niet met }") }
        return Header(version: version, seq: seq, ts: ts, role: role, prev: prev)
    }

    /// Where a checked header's parts are in its line, so the line can be read without building the
    /// header's strings.
    public struct Layout: Sendable {
        public var seq: Int
        public var ts: Range<Int>
        public var role: Range<Int>
        /// Where the 64 hex digits of `prev` start.
        public var prevStart: Int
        /// Where the event's own fields start (`"type":…`), just after `prev`'s closing `",`.
        public var body: Int { prevStart + 66 }
    }

    /// The same checks as `parse`, without building strings: for checking millions of lines.
    /// Nil where `parse` would throw (the caller then asks `parse` why).
    public static func quickCheck(_ line: UnsafeBufferPointer<UInt8>) -> Layout? {
        let n = line.count
        var i = 0
        func expect(_ literal: StaticString) -> Bool {
            let k = literal.utf8CodeUnitCount
            guard i + k <= n, memcmp(line.baseAddress! + i, literal.utf8Start, k) == 0 else { return false }
            i += k
            return true
        }
        func number() -> Int? {
            var value = 0, digits = 0
            while i < n, line[i] >= 48, line[i] <= 57, digits < 18 {
                value = value * 10 + Int(line[i] - 48)
                i += 1; digits += 1
            }
            return digits > 0 ? value : nil
        }
        func plainString() -> Range<Int>? {
            let start = i
            while i < n, line[i] != 34 {
                guard line[i] != 92, line[i] >= 32, line[i] < 127 else { return nil }
                i += 1
            }
            guard i < n else { return nil }
            i += 1
            return start..<i - 1
        }
        guard n > 0, line[n - 1] == 125, expect("{\"v\":"), number() == LogFormat.version, expect(",\"seq\":"),
              let seq = number(), expect(",\"ts\":\""), let ts = plainString(), expect(",\"role\":\""),
              let role = plainString(), expect(",\"prev\":\"") else { return nil }
        let prevStart = i
        guard i + 64 <= n else { return nil }
        for k in i..<i + 64 {
            let c = line[k]
            guard (c >= 48 && c <= 57) || (c >= 97 && c <= 102) else { return nil }
        }
        i += 64
        guard expect("\",\"") else { return nil }
        return Layout(seq: seq, ts: ts, role: role, prevStart: prevStart)
    }
}
