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
        // A header of the current version in the exact shape the log writes: read it without the
        // byte-by-byte parse below, which is there to say what is wrong with one that is not.
        if let layout = quickCheck(line), let base = line.baseAddress {
            func text(_ r: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(start: base + r.lowerBound, count: r.count), as: UTF8.self) }
            return Header(version: LogFormat.version, seq: layout.seq, ts: text(layout.ts), role: text(layout.role),
                          prev: text(layout.prevStart..<layout.prevStart + 64))
        }
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
        guard LogFormat.isTimestamp(ts) else { throw Failure.bad("tijdstip '\(ts)' heeft niet de vorm JJJJ-MM-DDTUU:MM:SSZ") }
        guard LogFormat.roles.contains(role) else { throw Failure.bad("onbekende rol '\(role)'") }
        try expect(",\"prev\":\"")
        let prev = try plainString()
        guard prev.utf8.count == 64, prev.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 102) }) else {
            throw Failure.bad("prev is geen sha-256")
        }
        try expect(",\"")
        guard line.last == 125 else { throw Failure.bad("regel eindigt niet met }") }
        return Header(version: version, seq: seq, ts: ts, role: role, prev: prev)
    }

    /// Whether `bytes` (a line cut off before its end) are a header as far as they go: what an append
    /// interrupted by a crash leaves of a log's first line. False as soon as anything contradicts the
    /// header's fixed shape.
    public static func couldStartHeader(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = bytes.count
        guard n >= 1 else { return false }
        var i = 0
        /// nil: ran out of bytes (fine so far); false: contradiction.
        func literal(_ text: StaticString) -> Bool? {
            let p = text.utf8Start
            for k in 0..<text.utf8CodeUnitCount {
                guard i < n else { return nil }
                guard bytes[i] == p[k] else { return false }
                i += 1
            }
            return true
        }
        func digits() -> Bool? {
            let start = i
            while i < n, bytes[i] >= 48, bytes[i] <= 57 { i += 1 }
            if i == n { return nil }
            return i > start && i - start <= 18
        }
        func plain() -> Bool? {
            while i < n, bytes[i] != 34 {
                guard bytes[i] != 92, bytes[i] >= 32, bytes[i] < 127 else { return false }
                i += 1
            }
            if i == n { return nil }
            i += 1
            return true
        }
        func hex64() -> Bool? {
            for _ in 0..<64 {
                guard i < n else { return nil }
                let c = bytes[i]
                guard (c >= 48 && c <= 57) || (c >= 97 && c <= 102) else { return false }
                i += 1
            }
            return true
        }
        let steps: [() -> Bool?] = [
            { literal("{\"v\":") }, digits, { literal(",\"seq\":") }, digits, { literal(",\"ts\":\"") }, plain,
            { literal(",\"role\":\"") }, plain, { literal(",\"prev\":\"") }, hex64, { literal("\",\"") },
        ]
        for step in steps {
            guard let ok = step() else { return true }
            if !ok { return false }
        }
        return true
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
        // Written as plain loops over a pointer (no nested functions capturing the position): this runs
        // for every line of every log read, and in a debug build captured state costs a check per byte.
        let n = line.count
        guard n > 0, let p = line.baseAddress, p[n - 1] == 125 else { return nil }
        var i = 0
        /// The literal at `i`, moving past it.
        @inline(__always) func literal(_ s: StaticString, at i: inout Int) -> Bool {
            let k = s.utf8CodeUnitCount
            guard i + k <= n, memcmp(p + i, s.utf8Start, k) == 0 else { return false }
            i += k
            return true
        }
        /// Digits at `i` (at most 18), moving past them.
        @inline(__always) func number(at i: inout Int) -> Int? {
            var value = 0, digits = 0
            while i < n, digits < 18 {
                let c = p[i]
                guard c >= 48, c <= 57 else { break }
                value = value * 10 + Int(c - 48)
                i += 1; digits += 1
            }
            return digits > 0 ? value : nil
        }
        /// A plain ASCII string up to its closing quote (no escapes), moving past the quote.
        @inline(__always) func plainString(at i: inout Int) -> Range<Int>? {
            let start = i
            while i < n {
                let c = p[i]
                if c == 34 { i += 1; return start..<i - 1 }
                guard c != 92, c >= 32, c < 127 else { return nil }
                i += 1
            }
            return nil
        }
        guard literal("{\"v\":", at: &i), number(at: &i) == LogFormat.version, literal(",\"seq\":", at: &i),
              let seq = number(at: &i), literal(",\"ts\":\"", at: &i), let ts = plainString(at: &i),
              literal(",\"role\":\"", at: &i), let role = plainString(at: &i), literal(",\"prev\":\"", at: &i) else { return nil }
        // Every header field is checked on reading: the time's form and the role's word.
        guard LogFormat.isTimestamp(UnsafeBufferPointer(rebasing: line[ts])),
              LogFormat.isRole(UnsafeBufferPointer(rebasing: line[role])) else { return nil }
        let prevStart = i
        guard i + 64 <= n else { return nil }
        var k = i
        while k < i + 64 {
            let c = p[k]
            guard (c >= 48 && c <= 57) || (c >= 97 && c <= 102) else { return nil }
            k += 1
        }
        i += 64
        guard literal("\",\"", at: &i) else { return nil }
        return Layout(seq: seq, ts: ts, role: role, prevStart: prevStart)
    }
}
