import Foundation

/// A list of a state image's elements left in the mapped snapshot and read only when asked for: the
/// records of a table, the entries that changed records. Opening from a snapshot then costs a few
/// bytes an element (its place and its key) instead of building every record with its texts, and
/// the memory is the snapshot's pages the screen actually touched (decision 84).
///
/// In the image such a list is a *section*: the count, the length of the elements' bytes, the
/// elements as `ImageWriter` wrote them, then per element its offset (4 bytes) and its key (8 bytes:
/// a record's id number, or an entry's sequence number and kind). The offsets are checked when the
/// section is read; the snapshot's checksum (checked on load) covers every byte.
public final class StoredElements<Element>: @unchecked Sendable {
    /// Whatever keeps the bytes mapped (the snapshot file); released when the last element list goes.
    private let owner: AnyObject?
    private let bytes: UnsafeRawBufferPointer
    private let elementsStart: Int
    @usableFromInline let table: UnsafeRawPointer
    /// Per element its facts (32 bytes, `RawFacts`), for tables whose records have them.
    @usableFromInline let factsTable: UnsafeRawPointer?
    public let count: Int
    @usableFromInline let names: [String]
    private let read: (inout ImageReader) throws(ImageDamaged) -> Element

    init(owner: AnyObject?, bytes: UnsafeRawBufferPointer, elementsStart: Int, table: UnsafeRawPointer,
         factsTable: UnsafeRawPointer?, count: Int, names: [String],
         read: @escaping (inout ImageReader) throws(ImageDamaged) -> Element) {
        self.owner = owner; self.bytes = bytes; self.elementsStart = elementsStart; self.table = table
        self.factsTable = factsTable; self.count = count; self.names = names; self.read = read
    }

    /// The facts kept beside element `i` (nil when the section has none), with its id of `kind`.
    @inlinable
    func facts(_ i: Int, kind: RecordID.Kind) -> RecordFacts? {
        guard let f = factsTable?.advanced(by: i * RawFacts.size) else { return nil }
        let kern = Int(UInt32(littleEndian: f.loadUnaligned(fromByteOffset: 0, as: UInt32.self)))
        let wijk = Int(UInt32(littleEndian: f.loadUnaligned(fromByteOffset: 4, as: UInt32.self)))
        let day = Int32(littleEndian: f.loadUnaligned(fromByteOffset: 8, as: Int32.self))
        let recorded = Int32(littleEndian: f.loadUnaligned(fromByteOffset: 12, as: Int32.self))
        let meeting = UInt32(littleEndian: f.loadUnaligned(fromByteOffset: 16, as: UInt32.self))
        return RecordFacts(id: RecordID(kind, Int(key(i))), kern: kern < names.count ? names[kern] : "",
                           wijk: wijk < names.count ? names[wijk] : nil, day: day == Int32.min ? nil : Day(ordinal: Int(day)),
                           status: f.load(fromByteOffset: 20, as: UInt8.self), isWithdrawn: f.load(fromByteOffset: 21, as: UInt8.self) != 0,
                           seq: Int(Int64(littleEndian: f.loadUnaligned(fromByteOffset: 24, as: Int64.self))),
                           meeting: meeting == UInt32.max ? nil : RecordID(.meeting, Int(meeting)),
                           recordedOn: Day(ordinal: Int(recorded)))
    }

    /// Element `i`'s facts as stored (name numbers, not names), for a scan over many records.
    @inlinable
    func rawFacts(_ i: Int) -> RawFactRow? {
        guard let f = factsTable?.advanced(by: i * RawFacts.size) else { return nil }
        return RawFactRow(kern: UInt32(littleEndian: f.loadUnaligned(fromByteOffset: 0, as: UInt32.self)),
                          wijk: UInt32(littleEndian: f.loadUnaligned(fromByteOffset: 4, as: UInt32.self)),
                          day: Int32(littleEndian: f.loadUnaligned(fromByteOffset: 8, as: Int32.self)),
                          recordedOn: Int32(littleEndian: f.loadUnaligned(fromByteOffset: 12, as: Int32.self)),
                          meeting: UInt32(littleEndian: f.loadUnaligned(fromByteOffset: 16, as: UInt32.self)),
                          isWithdrawn: f.load(fromByteOffset: 21, as: UInt8.self) != 0,
                          seq: Int(Int64(littleEndian: f.loadUnaligned(fromByteOffset: 24, as: Int64.self))))
    }

    /// The number of a name in the image's name table (nil: no record names it).
    func nameNumber(_ name: String) -> UInt32? { names.firstIndex(of: name).map { UInt32($0) } }

    var hasFacts: Bool { factsTable != nil }

    /// The key stored beside element `i`.
    @inlinable
    public func key(_ i: Int) -> Int64 {
        precondition(i >= 0 && i < count, "element outside the list")
        return Int64(littleEndian: table.loadUnaligned(fromByteOffset: count * 4 + i * 8, as: Int64.self))
    }

    @inline(__always)
    private func offset(_ i: Int) -> Int { Int(UInt32(littleEndian: table.loadUnaligned(fromByteOffset: i * 4, as: UInt32.self))) }

    /// Element `i`, read from the image. The bytes were checked whole (checksum) and laid out by this
    /// program's own writer, so a failure here is a fault in the program, not in the file.
    @usableFromInline
    func element(_ i: Int) -> Element {
        precondition(i >= 0 && i < count, "element outside the list")
        var r = ImageReader(bytes, from: elementsStart + offset(i))
        r.names = names
        do {
            return try read(&r)
        } catch {
            fatalError("snapshot: element \(i) van \(count) niet leesbaar (\(error)); verwijder het .snapshot-bestand")
        }
    }
}

extension ImageWriter {
    /// Writes `elements` as a section (see `StoredElements`), each with its key.
    mutating func section<C: Collection>(_ elements: C, key: (C.Element) -> Int64, facts: ((C.Element) -> RecordFacts)? = nil,
                                         _ write: (inout ImageWriter, C.Element) -> Void) {
        int(elements.count)
        let lengthAt = bytes.count
        fixed64(0)
        let start = bytes.count
        var offsets: [UInt32] = []
        var keys: [Int64] = []
        offsets.reserveCapacity(elements.count)
        keys.reserveCapacity(elements.count)
        for e in elements {
            // A section of 4 GiB or more cannot be laid out: the image is marked and not written.
            if bytes.count - start >= Int(UInt32.max) { tooLarge = true }
            offsets.append(UInt32(truncatingIfNeeded: bytes.count - start))
            keys.append(key(e))
            write(&self, e)
        }
        patch64(at: lengthAt, Int64(bytes.count - start))
        for o in offsets { fixed32(o) }
        for k in keys { fixed64(k) }
        // Facts only when every record's fit the layout (a hand-made log can name a meeting by a number
        // beyond 32 bits, or a meeting by another kind of id): else the records are read to judge them.
        let all = facts.map { f in elements.map(f) } ?? []
        guard facts != nil, all.allSatisfy({ f in
            f.meeting.map { $0.kind == .meeting && $0.number >= 0 && $0.number < Int(UInt32.max) } ?? true
        }) else { byte(0); return }
        byte(1)
        for f in all {
            fixed32(UInt32(nameNumber(f.kern)))
            fixed32(f.wijk.map { UInt32(nameNumber($0)) } ?? UInt32.max)
            fixed32(UInt32(bitPattern: f.day.map { Int32(clamping: $0.ordinal) } ?? Int32.min))
            fixed32(UInt32(bitPattern: Int32(clamping: f.recordedOn.ordinal)))
            fixed32(f.meeting.map { UInt32($0.number) } ?? UInt32.max)
            byte(f.status); byte(f.isWithdrawn ? 1 : 0); byte(0); byte(0)
            fixed64(Int64(f.seq))
        }
    }
}

/// A record's facts as a section keeps them, for scans over many records (`RecordTable.scanFacts`).
@frozen public struct RawFactRow: Sendable {
    /// Numbers in the image's name table (all ones: no wijk).
    public var kern: UInt32
    public var wijk: UInt32
    /// Int32.min: none.
    public var day: Int32
    public var recordedOn: Int32
    /// A meeting's number (all ones: none).
    public var meeting: UInt32
    public var isWithdrawn: Bool
    public var seq: Int

    @inlinable
    init(kern: UInt32, wijk: UInt32, day: Int32, recordedOn: Int32, meeting: UInt32, isWithdrawn: Bool, seq: Int) {
        self.kern = kern; self.wijk = wijk; self.day = day; self.recordedOn = recordedOn; self.meeting = meeting
        self.isWithdrawn = isWithdrawn; self.seq = seq
    }
}

/// The fixed layout of a record's facts in a section: kern and wijk as numbers in the name table
/// (all ones: no wijk), the day (Int32.min: none), the day it was recorded, its meeting's number (all
/// ones: none), the status, withdrawn, two spare bytes, the seq.
@usableFromInline enum RawFacts {
    @usableFromInline static let size = 32
}

extension ImageReader {
    /// Reads a section's frame (not its elements): they stay in the mapped bytes, read one by one
    /// when asked for (the reader's `owner` keeps them mapped).
    mutating func section<E>(_ read: @escaping (inout ImageReader) throws(ImageDamaged) -> E) throws(ImageDamaged) -> StoredElements<E> {
        let n = try int()
        guard n >= 0, n < Int(UInt32.max) else { throw ImageDamaged("aantal in een deel") }
        let length = Int(try fixed64())
        let start = position
        guard length >= 0, length <= remaining, n <= (remaining - length) / 12, length < Int(UInt32.max) else {
            throw ImageDamaged("deel buiten het bestand")
        }
        try skip(length)
        let table = buffer.baseAddress! + position
        try skip(n * 12)
        var factsTable: UnsafeRawPointer?
        if try bool() {
            factsTable = buffer.baseAddress! + position
            guard n <= remaining / RawFacts.size else { throw ImageDamaged("feiten buiten het bestand") }
            try skip(n * RawFacts.size)
        }
        // Every offset inside the elements' bytes, in order: a read can never start outside them.
        var previous = -1
        for i in 0..<n {
            let o = Int(table.loadUnaligned(fromByteOffset: i * 4, as: UInt32.self))
            guard o > previous, o < length else { throw ImageDamaged("plaats van een element") }
            previous = o
        }
        return StoredElements(owner: owner, bytes: buffer, elementsStart: start, table: table, factsTable: factsTable, count: n, names: names, read: read)
    }
}
