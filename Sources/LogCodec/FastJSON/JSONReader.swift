import Foundation

/// A JSON value read straight from a log line's bytes. Numbers keep their text and are converted
/// when a field asks for one, so an integer field never passes through a Double.
enum JSONValue {
    case string(String)
    case number(String)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(key: String, value: JSONValue)])
}

/// A small, strict JSON reader over bytes (RFC 8259; no comments, no trailing commas, UTF-8 only).
/// Opening a large log decodes every line; Foundation's JSONDecoder spends most of its time building
/// a general tree and boxing values, where a log line is one flat object of a dozen fields. This
/// reader builds only what the event needs, or with `build` false only checks the syntax (`verify`).
struct JSONReader {
    struct Failure: Error, Sendable {
        let offset: Int
        let reason: String
    }

    private let p: UnsafePointer<UInt8>
    private let n: Int
    private var i = 0
    private let build: Bool
    /// Deeper nesting than this is refused: no log line needs it, and it keeps the stack safe.
    private static let maxDepth = 64

    private init(_ bytes: UnsafeBufferPointer<UInt8>, build: Bool) {
        p = bytes.baseAddress ?? UnsafePointer(bitPattern: 1)!
        n = bytes.baseAddress == nil ? 0 : bytes.count
        self.build = build
    }

    /// Reads one JSON document (nothing but white space may follow it).
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(Failure) -> JSONValue {
        var r = JSONReader(bytes, build: true)
        return try r.document()
    }

    /// Reads the rest of an object whose first fields were already read: `bytes` from `start` holds
    /// `"key":value,…}` and nothing after it. The log line's header is read this way, apart.
    static func parseObjectTail(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) throws(Failure) -> JSONValue {
        var r = JSONReader(bytes, build: true)
        r.i = start - 1   // as if at a `{`
        // The header's keys are this object's keys too: the rest may not repeat them.
        let v = try r.object(depth: 1, keysBefore: ["v", "seq", "ts", "role", "prev"])
        r.skipSpace()
        guard r.i == r.n else { throw r.fail("tekst na het einde van het object") }
        return v
    }

    /// Checks that the bytes are one well-formed JSON document, without building it.
    static func validate(_ bytes: UnsafeBufferPointer<UInt8>) throws(Failure) {
        var r = JSONReader(bytes, build: false)
        _ = try r.document()
    }

    private mutating func document() throws(Failure) -> JSONValue {
        skipSpace()
        let v = try value(depth: 0)
        skipSpace()
        guard i == n else { throw fail("tekst na het einde van het object") }
        return v
    }

    private func fail(_ reason: String) -> Failure { Failure(offset: i, reason: reason) }

    private mutating func skipSpace() {
        while i < n {
            let c = p[i]
            guard c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D else { return }
            i += 1
        }
    }

    private mutating func value(depth: Int) throws(Failure) -> JSONValue {
        guard i < n else { throw fail("waarde ontbreekt") }
        switch p[i] {
        case UInt8(ascii: "\""):
            return try string()
        case UInt8(ascii: "{"):
            guard depth < Self.maxDepth else { throw fail("te diep genest") }
            return try object(depth: depth + 1)
        case UInt8(ascii: "["):
            guard depth < Self.maxDepth else { throw fail("te diep genest") }
            return try array(depth: depth + 1)
        case UInt8(ascii: "t"):
            try literal("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try literal("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try literal("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return try number()
        default:
            throw fail("onverwacht teken")
        }
    }

    private mutating func literal(_ word: StaticString) throws(Failure) {
        let k = word.utf8CodeUnitCount
        guard i + k <= n, memcmp(p + i, word.utf8Start, k) == 0 else { throw fail("onverwacht teken") }
        i += k
    }

    /// An object. A key given twice is refused: which value counts would be up to the reader, and
    /// two readers could then see two different records in one line.
    private mutating func object(depth: Int, keysBefore: [String] = []) throws(Failure) -> JSONValue {
        i += 1
        var fields: [(key: String, value: JSONValue)] = []
        if build { fields.reserveCapacity(12) }
        skipSpace()
        if i < n, p[i] == UInt8(ascii: "}") { i += 1; return .object(fields) }
        while true {
            skipSpace()
            guard i < n, p[i] == UInt8(ascii: "\"") else { throw fail("veldnaam verwacht") }
            let keyStart = i
            let name = try string()
            var key = ""
            if build, case .string(let k) = name { key = k }
            if build {
                if keysBefore.contains(key) || fields.contains(where: { $0.key == key }) { i = keyStart; throw fail("dubbele sleutel '\(key)'") }
            }
            skipSpace()
            guard i < n, p[i] == UInt8(ascii: ":") else { throw fail("':' verwacht") }
            i += 1
            skipSpace()
            let v = try value(depth: depth)
            if build { fields.append((key, v)) }
            skipSpace()
            guard i < n else { throw fail("object niet afgesloten") }
            if p[i] == UInt8(ascii: ",") { i += 1; continue }
            guard p[i] == UInt8(ascii: "}") else { throw fail("',' of '}' verwacht") }
            i += 1
            return .object(fields)
        }
    }

    private mutating func array(depth: Int) throws(Failure) -> JSONValue {
        i += 1
        var items: [JSONValue] = []
        skipSpace()
        if i < n, p[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
        while true {
            skipSpace()
            let v = try value(depth: depth)
            if build { items.append(v) }
            skipSpace()
            guard i < n else { throw fail("lijst niet afgesloten") }
            if p[i] == UInt8(ascii: ",") { i += 1; continue }
            guard p[i] == UInt8(ascii: "]") else { throw fail("',' of ']' verwacht") }
            i += 1
            return .array(items)
        }
    }

    private mutating func number() throws(Failure) -> JSONValue {
        let start = i
        if p[i] == UInt8(ascii: "-") { i += 1 }
        guard i < n, isDigit(p[i]) else { throw fail("ongeldig getal") }
        if p[i] == UInt8(ascii: "0") {
            i += 1
        } else {
            while i < n, isDigit(p[i]) { i += 1 }
        }
        if i < n, p[i] == UInt8(ascii: ".") {
            i += 1
            guard i < n, isDigit(p[i]) else { throw fail("ongeldig getal") }
            while i < n, isDigit(p[i]) { i += 1 }
        }
        if i < n, p[i] == UInt8(ascii: "e") || p[i] == UInt8(ascii: "E") {
            i += 1
            if i < n, p[i] == UInt8(ascii: "+") || p[i] == UInt8(ascii: "-") { i += 1 }
            guard i < n, isDigit(p[i]) else { throw fail("ongeldig getal") }
            while i < n, isDigit(p[i]) { i += 1 }
        }
        guard build else { return .null }
        return .number(String(decoding: UnsafeBufferPointer(start: p + start, count: i - start), as: UTF8.self))
    }

    private func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }

    /// A string; the common case (no escapes) is one validated copy of the bytes.
    private mutating func string() throws(Failure) -> JSONValue {
        i += 1
        let start = i
        var plain = true
        while i < n {
            let c = p[i]
            if c == UInt8(ascii: "\"") { break }
            if c < 0x20 { throw fail("stuurteken in tekst") }
            if c == UInt8(ascii: "\\") { plain = false; break }
            i += 1
        }
        if plain {
            guard i < n else { throw fail("tekst niet afgesloten") }
            let raw = UnsafeBufferPointer(start: p + start, count: i - start)
            i += 1
            guard Self.isValidUTF8(raw) else { throw fail("geen geldige UTF-8") }
            // Checked just above, so this only copies (`String(validating:)` is generic and slower).
            return build ? .string(String(decoding: raw, as: UTF8.self)) : .null
        }
        // With escapes: copy into a buffer, replacing each escape by its bytes.
        var out = [UInt8](UnsafeBufferPointer(start: p + start, count: i - start))
        while true {
            guard i < n else { throw fail("tekst niet afgesloten") }
            let c = p[i]
            if c == UInt8(ascii: "\"") { i += 1; break }
            if c < 0x20 { throw fail("stuurteken in tekst") }
            if c != UInt8(ascii: "\\") { out.append(c); i += 1; continue }
            i += 1
            guard i < n else { throw fail("tekst niet afgesloten") }
            let e = p[i]
            i += 1
            switch e {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if scalar >= 0xD800 && scalar < 0xDC00 {
                    // A high surrogate must be followed by an escaped low one.
                    guard i + 1 < n, p[i] == UInt8(ascii: "\\"), p[i + 1] == UInt8(ascii: "u") else { throw fail("losse surrogaat in \\u") }
                    i += 2
                    let low = try hex4()
                    guard low >= 0xDC00 && low < 0xE000 else { throw fail("losse surrogaat in \\u") }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if scalar >= 0xDC00 && scalar < 0xE000 {
                    throw fail("losse surrogaat in \\u")
                }
                out.append(contentsOf: Array(String(Character(Unicode.Scalar(scalar)!)).utf8))
            default:
                throw fail("ongeldige escape")
            }
        }
        guard let s = String(validating: out, as: UTF8.self) else { throw fail("geen geldige UTF-8") }
        return build ? .string(s) : .null
    }

    private mutating func hex4() throws(Failure) -> UInt32 {
        guard i + 4 <= n else { throw fail("ongeldige \\u-escape") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = p[i]
            let d: UInt8
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = c - UInt8(ascii: "A") + 10
            default: throw fail("ongeldige \\u-escape")
            }
            v = v << 4 | UInt32(d)
            i += 1
        }
        return v
    }

    /// UTF-8 check without building a String (shortest forms only, no surrogates, at most U+10FFFF).
    static func isValidUTF8(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var k = 0
        let count = b.count
        guard let base = b.baseAddress else { return true }
        // Eight ASCII bytes at a time: most text is ASCII.
        while k + 8 <= count, UnsafeRawPointer(base + k).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { k += 8 }
        while k < count {
            let c = b[k]
            if c < 0x80 { k += 1; continue }
            func cont(_ j: Int) -> Bool { j < count && b[j] & 0xC0 == 0x80 }
            if c >= 0xC2 && c <= 0xDF {
                guard cont(k + 1) else { return false }
                k += 2
            } else if c >= 0xE0 && c <= 0xEF {
                guard cont(k + 1), cont(k + 2) else { return false }
                let c1 = b[k + 1]
                if c == 0xE0 && c1 < 0xA0 { return false }   // overlong
                if c == 0xED && c1 >= 0xA0 { return false }   // surrogate
                k += 3
            } else if c >= 0xF0 && c <= 0xF4 {
                guard cont(k + 1), cont(k + 2), cont(k + 3) else { return false }
                let c1 = b[k + 1]
                if c == 0xF0 && c1 < 0x90 { return false }    // overlong
                if c == 0xF4 && c1 >= 0x90 { return false }   // above U+10FFFF
                k += 4
            } else {
                return false
            }
        }
        return true
    }
}
