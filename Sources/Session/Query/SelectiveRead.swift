import Foundation
import KernteamDomain
import KernteamLog
import KernteamCodec

/// Which lines a query needs decoded. Everything else is skipped on its type, read from the bytes.
public struct LogSelection: Sendable {
    /// Types decoded wherever they are (reference data, meetings, corrections: few, and others depend on them).
    public var always: Set<String>
    /// Types decoded only when the line mentions `place` (the records the query lists).
    public var placed: Set<String>
    /// A wijk or kern name; nil decodes every `placed` line.
    public var place: String?

    public init(always: Set<String>, placed: Set<String>, place: String?) {
        self.always = always
        self.placed = placed
        self.place = place
    }

    /// What every record list needs besides its own records: places, meeting dates, corrections
    /// and withdrawals (a correction may move a record to another wijk, see `SelectiveRead`).
    public static let context: Set<String> = ["reference.set", "wijk.kind_changed", "meeting.held",
                                              "entry.corrected", "entry.withdrawn", "person.erased"]
}

/// Folds only the lines a query needs, straight from the mapped log: the chain is checked and every
/// event read in full (only the part after the last full check, see `CheckedPrefix`), each line's
/// type is read from its bytes, and only the selected lines are decoded into the state, on all cores. This is what makes `list` on a million-line log
/// take about as long as a `grep` over it.
///
/// Returns nil whenever the quick way cannot vouch for the result (damage, a torn tail, a line that
/// does not decode): the caller then opens the log the normal way, which reports what is wrong.
public enum SelectiveRead {
    public static func fold(path: String, selection: LogSelection) -> KernteamState? {
        guard let file = try? MappedFile(path: path) else { return nil }
        let prefix = CheckedPrefix.load(logPath: path).flatMap { $0.confirms(file) ? $0 : nil }
        // Every line after the checked prefix is read in full, not only the selected ones: a line of
        // a type this program cannot read (or with a field out of range) anywhere in the log makes
        // `list` take the careful way, which reports it (exit 2), instead of skipping it.
        guard let good = FastChainCheck.check(file, after: prefix, eachLine: { line, header in
            (try? EventCoding.logged(from: line, header: header)) != nil
        }) else { return nil }
        guard let base = file.bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return KernteamState() }

        // 1. Find the lines to decode, per range of the file on its own core.
        let always = selection.always.map { Array($0.utf8) }
        let placed = selection.placed.map { Array($0.utf8) }
        // The place as the log spells it (the user may type `emerald`), from the reference data in line 1.
        var canonical: String?
        var needle: [UInt8]?
        if let asked = selection.place {
            guard let reference = firstReference(base, count: file.bytes.count) else { return nil }
            canonical = reference.place(named: asked).map { $0.wijk ?? $0.kern }
            // An unknown place matches nothing; the caller reports it.
            needle = canonical.flatMap { try? EventCoding.sharedEncoder.encode($0) }.map(Array.init) ?? []
        }
        let ranges = file.lineAlignedRanges(parts: ProcessInfo.processInfo.activeProcessorCount * 4)
        let placeBytes = needle
        nonisolated(unsafe) let start = base
        let found = Parallel.map(ranges.count) { select(start, ranges[$0], always: always, placed: placed, needle: placeBytes) }
        // A correction can move a record into the place; with any correction in the log, every
        // record of the listed kinds is decoded and the place is left to the query itself.
        let anyCorrection = found.contains { $0.corrections }
        let lines = found.flatMap { anyCorrection ? merge($0.always, $0.placedHit + $0.placedMiss) : merge($0.always, $0.placedHit) }

        // 2. Decode them on all cores, then fold in log order.
        let total = file.bytes.count
        let events = Parallel.map(lines.count) { i -> LoggedEvent? in
            let r = lines[i]
            let line = UnsafeBufferPointer(start: start + r.lowerBound, count: r.count)
            // The checked prefix vouches for its last line only; each line shown is also checked
            // against the line after it (its hash is that line's `prev`, its number one less).
            guard let header = HeaderParser.quickCheck(line), chainedToNext(start, total, r, line, seq: header.seq) else { return nil }
            return try? EventCoding.logged(from: line, header: header)
        }
        let logged = events.compactMap { $0 }
        guard logged.count == events.count else { return nil }
        var state = KernteamState()
        for e in logged {
            if Session.foldProblem(e.event, state) != nil { return nil }
            state.apply(e)
        }
        // Reference data replaced later in the log could spell the place differently: then read it all.
        if let asked = selection.place, state.reference.place(named: asked).map({ $0.wijk ?? $0.kern }) != canonical { return nil }
        // Only now that everything read is good: remember how far the log was checked.
        if good.lines > 0, prefix?.offset != file.bytes.count {
            CheckedPrefix(offset: file.bytes.count, lines: good.lines, seq: good.headSeq, hash: good.headHash).save(logPath: path)
        }
        return state
    }

    /// The reference data of the first line (every log starts with it), or nil.
    private static func firstReference(_ base: UnsafePointer<UInt8>, count: Int) -> ReferenceData? {
        guard let nl = memchr(base, 0x0A, count) else { return nil }
        let line = UnsafeBufferPointer(start: base, count: UnsafePointer(nl.assumingMemoryBound(to: UInt8.self)) - base)
        guard case .referenceSet(let reference)? = try? EventCoding.event(from: line) else { return nil }
        return reference
    }

    /// Selected lines of one range, as byte ranges without the newline, in file order.
    private struct Found {
        var always: [Range<Int>] = []
        var placedHit: [Range<Int>] = []
        var placedMiss: [Range<Int>] = []
        var corrections = false
    }

    private static let correctionType = Array("entry.corrected".utf8)
    private static let typeKey = Array("\"type\":\"".utf8)

    private static func select(_ base: UnsafePointer<UInt8>, _ range: Range<Int>, always: [[UInt8]], placed: [[UInt8]],
                               needle: [UInt8]?) -> Found {
        var f = Found()
        var start = range.lowerBound
        while start < range.upperBound {
            guard let nl = memchr(base + start, 0x0A, range.upperBound - start) else { break }
            let end = UnsafePointer(nl.assumingMemoryBound(to: UInt8.self)) - base
            let line = UnsafeBufferPointer(start: base + start, count: end - start)
            defer { start = end + 1 }
            guard let type = typeName(line) else {
                // Not where the log writes it (an older format): decode it to be sure.
                f.always.append(start..<end)
                continue
            }
            if always.contains(where: { $0.count == type.count && memcmp(type.baseAddress!, $0, type.count) == 0 }) {
                f.always.append(start..<end)
                if type.count == correctionType.count, memcmp(type.baseAddress!, correctionType, type.count) == 0 { f.corrections = true }
            } else if placed.contains(where: { $0.count == type.count && memcmp(type.baseAddress!, $0, type.count) == 0 }) {
                if let needle, !ByteSearch.contains(needle, in: line) {
                    f.placedMiss.append(start..<end)
                } else {
                    f.placedHit.append(start..<end)
                }
            }
        }
        return f
    }

    /// Whether the line after `r` names this line's hash as its `prev` and follows its number. The
    /// last line of the file has no line after it (the chain check vouched for it as the head).
    static func chainedToNext(_ base: UnsafePointer<UInt8>, _ count: Int, _ r: Range<Int>, _ line: UnsafeBufferPointer<UInt8>,
                              seq: Int) -> Bool {
        let nextStart = r.upperBound + 1
        guard nextStart < count else { return true }
        guard let nl = memchr(base + nextStart, 0x0A, count - nextStart) else { return false }
        let next = UnsafeBufferPointer(start: base + nextStart, count: UnsafePointer(nl.assumingMemoryBound(to: UInt8.self)) - (base + nextStart))
        guard let header = HeaderParser.quickCheck(next), header.seq == seq + 1 else { return false }
        let hash = Hashing.sha256Hex(UnsafeRawBufferPointer(line))
        return hash.utf8.elementsEqual(UnsafeBufferPointer(rebasing: next[header.prevStart..<header.prevStart + 64]))
    }

    /// The bytes of the `"type":"…"` value right after the header, or nil.
    static func typeName(_ line: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8>? {
        guard let header = HeaderParser.quickCheck(line) else { return nil }
        let at = header.body + 8   // past `"type":"`
        guard at < line.count, memcmp(line.baseAddress! + at - 8, typeKey, 8) == 0,
              let q = memchr(line.baseAddress! + at, 0x22, line.count - at) else { return nil }
        let length = UnsafePointer(q.assumingMemoryBound(to: UInt8.self)) - (line.baseAddress! + at)
        return UnsafeBufferPointer(start: line.baseAddress! + at, count: length)
    }

    /// Two sorted lists of ranges as one sorted list.
    private static func merge(_ a: [Range<Int>], _ b: [Range<Int>]) -> [Range<Int>] {
        (a + b).sorted { $0.lowerBound < $1.lowerBound }
    }
}
