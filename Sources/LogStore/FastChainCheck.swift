import Crypto
import Foundation

/// Checks a whole log's chain on all cores: every line's header, gapless sequence and `prev` hash.
/// It answers only "all good, and here is the head" or "something is wrong". When something is wrong
/// the caller runs `LogScanner.scan`, which names the problem exactly (torn tail, edited line, gap);
/// so the fast path never has to get those subtle cases right, only never call a bad log good.
public enum FastChainCheck {
    public struct Good: Sendable {
        public var lines: Int
        public var headSeq: Int
        public var headHash: String
        /// The last line's timestamp (nil when only a checked prefix was confirmed).
        public var headTimestamp: String? = nil
        /// The hash of the line with the sequence number asked for (a checkpoint), if present.
        public var hashAtSeq: String?
    }

    /// Per chunk: the first line's `seq` and `prev`, and the last line's `seq` and hash.
    private struct Chunk {
        var ok = true
        var lines = 0
        var firstSeq = 0
        var firstPrev = [UInt8]()
        var lastSeq = 0
        var lastHash = [UInt8]()
        var lastTimestamp: Range<Int>?
        var hashAtSeq: String?
    }

    /// `eachLine` sees every line (without its newline) and its checked header on a worker thread and
    /// may refuse it, e.g. `verify` reads every event. Nil when anything is wrong or the file does not
    /// end with a newline.
    /// With `after`, only the bytes after that checked prefix are checked, continuing its chain.
    public static func check(_ file: MappedFile, after prefix: CheckedPrefix? = nil, wantSeq: Int? = nil,
                             eachLine: (@Sendable (UnsafeBufferPointer<UInt8>, HeaderParser.Layout) -> Bool)? = nil,
                             progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil) -> Good? {
        let bytes = file.bytes
        let from = prefix?.offset ?? 0
        // An incomplete last line is a torn tail or a line being written: the careful path decides.
        guard !file.hasIncompleteTail, from <= bytes.count else { return nil }
        if from == bytes.count {
            return Good(lines: prefix?.lines ?? 0, headSeq: prefix?.seq ?? 0, headHash: prefix?.hash ?? LogFormat.genesisPrev)
        }
        guard let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), base[bytes.count - 1] == 0x0A else { return nil }
        let ranges = file.lineAlignedRanges(parts: ProcessInfo.processInfo.activeProcessorCount * 4, from: from)
        let done = DoneCounter()
        let total = bytes.count - from
        nonisolated(unsafe) let start = base
        let chunks = Parallel.map(ranges.count) { k in
            let chunk = checkChunk(start, ranges[k], wantSeq: wantSeq, eachLine: eachLine)
            if let progress { progress(done.add(ranges[k].count), total) }
            return chunk
        }
        var expectedPrev = Array((prefix?.hash ?? LogFormat.genesisPrev).utf8)
        var seq = prefix?.seq ?? 0
        var lines = prefix?.lines ?? 0
        var atSeq: String?
        var lastTimestamp: Range<Int>?
        for c in chunks {
            guard c.ok, c.lines > 0, c.firstSeq == seq + 1, c.firstPrev == expectedPrev else { return nil }
            expectedPrev = c.lastHash
            seq = c.lastSeq
            lines += c.lines
            atSeq = atSeq ?? c.hashAtSeq
            lastTimestamp = c.lastTimestamp ?? lastTimestamp
        }
        let headTimestamp = lastTimestamp.map { String(decoding: UnsafeRawBufferPointer(rebasing: bytes[$0]), as: UTF8.self) }
        return Good(lines: lines, headSeq: seq, headHash: String(decoding: expectedPrev, as: UTF8.self), headTimestamp: headTimestamp,
                    hashAtSeq: atSeq)
    }

    /// Bytes checked so far, added to by the workers as they finish their ranges.
    private final class DoneCounter: @unchecked Sendable {
        private let lock = NSLock()
        private var total = 0
        func add(_ n: Int) -> Int { lock.lock(); defer { lock.unlock() }; total += n; return total }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    private static func checkChunk(_ base: UnsafePointer<UInt8>, _ range: Range<Int>, wantSeq: Int?,
                                   eachLine: ((UnsafeBufferPointer<UInt8>, HeaderParser.Layout) -> Bool)?) -> Chunk {
        var chunk = Chunk()
        var hex = [UInt8](repeating: 0, count: 64)
        var previous = [UInt8](repeating: 0, count: 64)
        var start = range.lowerBound
        while start < range.upperBound {
            guard let nl = memchr(base + start, 0x0A, range.upperBound - start) else { chunk.ok = false; return chunk }
            let end = UnsafePointer(nl.assumingMemoryBound(to: UInt8.self)) - base
            let line = UnsafeBufferPointer(start: base + start, count: end - start)
            guard let header = HeaderParser.quickCheck(line) else { chunk.ok = false; return chunk }
            let prev = UnsafeBufferPointer(rebasing: line[header.prevStart..<header.prevStart + 64])
            if chunk.lines == 0 {
                chunk.firstSeq = header.seq
                chunk.firstPrev = Array(prev)
            } else {
                guard header.seq == chunk.lastSeq + 1, memcmp(prev.baseAddress!, previous, 64) == 0 else { chunk.ok = false; return chunk }
            }
            if let eachLine, !eachLine(line, header) { chunk.ok = false; return chunk }
            let digest = SHA256.hash(data: UnsafeRawBufferPointer(line))
            var k = 0
            digest.withUnsafeBytes { d in
                for b in d {
                    hex[k] = hexDigits[Int(b >> 4)]
                    hex[k + 1] = hexDigits[Int(b & 0x0f)]
                    k += 2
                }
            }
            swap(&hex, &previous)
            if header.seq == wantSeq { chunk.hashAtSeq = String(decoding: previous, as: UTF8.self) }
            chunk.lastSeq = header.seq
            chunk.lastTimestamp = start + header.ts.lowerBound..<start + header.ts.upperBound
            chunk.lines += 1
            start = end + 1
        }
        chunk.lastHash = previous
        return chunk
    }
}
