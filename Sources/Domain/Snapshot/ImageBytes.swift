import Foundation

/// The bytes of a state image (see `StateImage`): numbers as variable-length integers, texts as a
/// length and their UTF-8 bytes, names (kern, wijk, owner, organisation …) once in a table and then
/// by number, so that reading gives every record the same shared text instead of a copy of its own.
public struct ImageWriter {
    public private(set) var bytes: [UInt8] = []
    private var nameIndex: [String: Int] = [:]
    /// The names in the order they were first written.
    public private(set) var names: [String] = []
    /// A section grew past what its 4-byte offsets can say: these bytes must not be used.
    public internal(set) var tooLarge = false

    public init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    public mutating func byte(_ b: UInt8) { bytes.append(b) }

    /// Zigzag, then 7 bits a byte: small numbers of either sign take one byte.
    public mutating func int(_ v: Int) {
        var u = UInt64(bitPattern: (Int64(v) << 1) ^ (Int64(v) >> 63))
        while u >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: u) | 0x80)
            u >>= 7
        }
        bytes.append(UInt8(u))
    }

    public mutating func bool(_ b: Bool) { bytes.append(b ? 1 : 0) }

    /// Fixed width, little-endian: read in place from the mapped image (`StoredElements`).
    mutating func fixed32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func fixed64(_ v: Int64) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func patch64(at i: Int, _ v: Int64) {
        withUnsafeBytes(of: v.littleEndian) { for k in 0..<8 { bytes[i + k] = $0[k] } }
    }

    public mutating func text(_ s: String) {
        var s = s
        s.withUTF8 { utf8 in
            int(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    public mutating func raw(_ b: [UInt8]) {
        int(b.count)
        bytes.append(contentsOf: b)
    }

    /// A text that recurs (a place, an owner): written once in the name table, here by its number.
    public mutating func name(_ s: String) { int(nameNumber(s)) }

    /// The number of a name in the name table (added when new).
    mutating func nameNumber(_ s: String) -> Int {
        if let k = nameIndex[s] { return k }
        nameIndex[s] = names.count
        names.append(s)
        return names.count - 1
    }

    public mutating func day(_ d: Day) { int(d.ordinal) }

    public mutating func id(_ id: RecordID) {
        bytes.append(UInt8(RecordID.Kind.allCases.firstIndex(of: id.kind)!))
        int(id.number)
    }

    public mutating func pick<E: CaseIterable & Equatable>(_ e: E) where E.AllCases.Index == Int {
        bytes.append(UInt8(E.allCases.firstIndex(of: e)!))
    }

    // Optionals: a presence byte, then the value.
    public mutating func optText(_ s: String?) { if let s { byte(1); text(s) } else { byte(0) } }
    public mutating func optName(_ s: String?) { if let s { byte(1); name(s) } else { byte(0) } }
    public mutating func optInt(_ v: Int?) { if let v { byte(1); int(v) } else { byte(0) } }
    public mutating func optBool(_ v: Bool?) { byte(v == nil ? 0 : (v! ? 2 : 1)) }
    public mutating func optDay(_ d: Day?) { if let d { byte(1); day(d) } else { byte(0) } }
    public mutating func optID(_ v: RecordID?) { if let v { byte(1); id(v) } else { byte(0) } }
    public mutating func optPick<E: CaseIterable & Equatable>(_ e: E?) where E.AllCases.Index == Int {
        if let e { byte(1); pick(e) } else { byte(0) }
    }
    public mutating func ids(_ v: [RecordID]) { int(v.count); for x in v { id(x) } }
    public mutating func optIDs(_ v: [RecordID]?) { if let v { byte(1); ids(v) } else { byte(0) } }
    public mutating func ints(_ v: [Int]) { int(v.count); for x in v { int(x) } }
}

/// Something about the image's bytes is not as written: the image is not used.
public struct ImageDamaged: Error, Sendable, CustomStringConvertible {
    public let why: String
    public init(_ why: String) { self.why = why }
    public var description: String { why }
}

/// Reads what `ImageWriter` wrote. Every read is bounds-checked: damaged bytes throw, never crash.
public struct ImageReader {
    private let base: UnsafePointer<UInt8>
    private let end: Int
    public private(set) var position: Int
    /// The name table, once read.
    public var names: [String] = []
    /// What keeps the bytes mapped, for the element lists left in them (`StoredElements`).
    public var owner: AnyObject?
    /// The bytes this reader reads (up to its end).
    var buffer: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: end) }
    var remaining: Int { end - position }

    public init(_ bytes: UnsafeRawBufferPointer, from start: Int = 0) {
        base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) ?? UnsafePointer(bitPattern: 1)!
        end = bytes.count
        position = start
    }

    public var atEnd: Bool { position == end }

    public mutating func byte() throws(ImageDamaged) -> UInt8 {
        guard position < end else { throw ImageDamaged("te kort") }
        defer { position += 1 }
        return base[position]
    }

    public mutating func int() throws(ImageDamaged) -> Int {
        var u: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < end else { throw ImageDamaged("te kort") }
            let b = base[position]
            position += 1
            u |= UInt64(b & 0x7F) << shift
            if b < 0x80 { break }
            shift += 7
            guard shift < 64 else { throw ImageDamaged("getal te lang") }
        }
        return Int(Int64(bitPattern: (u >> 1) ^ (0 &- (u & 1))))
    }

    mutating func fixed64() throws(ImageDamaged) -> Int64 {
        guard end - position >= 8 else { throw ImageDamaged("te kort") }
        defer { position += 8 }
        return Int64(littleEndian: UnsafeRawPointer(base + position).loadUnaligned(as: Int64.self))
    }

    mutating func skip(_ n: Int) throws(ImageDamaged) {
        guard n >= 0, n <= end - position else { throw ImageDamaged("te kort") }
        position += n
    }

    public mutating func count() throws(ImageDamaged) -> Int {
        let n = try int()
        guard n >= 0, n <= end - position else { throw ImageDamaged("aantal buiten het bestand") }
        return n
    }

    public mutating func bool() throws(ImageDamaged) -> Bool {
        switch try byte() {
        case 0: false
        case 1: true
        default: throw ImageDamaged("geen ja/nee")
        }
    }

    public mutating func text() throws(ImageDamaged) -> String {
        let n = try count()
        defer { position += n }
        return String(decoding: UnsafeBufferPointer(start: base + position, count: n), as: UTF8.self)
    }

    public mutating func raw() throws(ImageDamaged) -> [UInt8] {
        let n = try count()
        defer { position += n }
        return Array(UnsafeBufferPointer(start: base + position, count: n))
    }

    public mutating func name() throws(ImageDamaged) -> String {
        let k = try int()
        guard k >= 0, k < names.count else { throw ImageDamaged("onbekende naam") }
        return names[k]
    }

    public mutating func day() throws(ImageDamaged) -> Day {
        let n = try int()
        guard abs(n) < 10_000_000 else { throw ImageDamaged("datum") }
        return Day(ordinal: n)
    }

    public mutating func id() throws(ImageDamaged) -> RecordID {
        let k = Int(try byte())
        guard k < RecordID.Kind.allCases.count else { throw ImageDamaged("soort id") }
        return RecordID(RecordID.Kind.allCases[k], try int())
    }

    public mutating func pick<E: CaseIterable>(_: E.Type = E.self) throws(ImageDamaged) -> E where E.AllCases.Index == Int {
        let k = Int(try byte())
        guard k < E.allCases.count else { throw ImageDamaged("waarde buiten de lijst") }
        return E.allCases[k]
    }

    private mutating func present() throws(ImageDamaged) -> Bool { try bool() }
    public mutating func optText() throws(ImageDamaged) -> String? { try present() ? try text() : nil }
    public mutating func optName() throws(ImageDamaged) -> String? { try present() ? try name() : nil }
    public mutating func optInt() throws(ImageDamaged) -> Int? { try present() ? try int() : nil }
    public mutating func optBool() throws(ImageDamaged) -> Bool? {
        switch try byte() {
        case 0: nil
        case 1: false
        case 2: true
        default: throw ImageDamaged("geen ja/nee")
        }
    }
    public mutating func optDay() throws(ImageDamaged) -> Day? { try present() ? try day() : nil }
    public mutating func optID() throws(ImageDamaged) -> RecordID? { try present() ? try id() : nil }
    public mutating func optPick<E: CaseIterable>(_: E.Type = E.self) throws(ImageDamaged) -> E? where E.AllCases.Index == Int {
        try present() ? try pick(E.self) : nil
    }
    public mutating func ids() throws(ImageDamaged) -> [RecordID] {
        let n = try count()
        var out: [RecordID] = []
        out.reserveCapacity(n)
        for _ in 0..<n { out.append(try id()) }
        return out
    }
    public mutating func optIDs() throws(ImageDamaged) -> [RecordID]? { try present() ? try ids() : nil }
    public mutating func ints() throws(ImageDamaged) -> [Int] {
        let n = try count()
        var out: [Int] = []
        out.reserveCapacity(n)
        for _ in 0..<n { out.append(try int()) }
        return out
    }
}
