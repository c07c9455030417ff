import Foundation

/// A place in a log to go on reading from: the line with sequence number `seq`, its bytes at
/// `start..<end` (`end` just past its newline) and their SHA-256 `hash`. A snapshot of the folded
/// state is keyed by it. It is used only when the log still holds exactly that line there;
/// a log that was replaced, cut or changed at that line is read from its start.
public struct ResumePoint: Sendable, Equatable {
    public var seq: Int
    public var start: Int
    public var end: Int
    public var hash: String

    public init(seq: Int, start: Int, end: Int, hash: String) {
        self.seq = seq
        self.start = start
        self.end = end
        self.hash = hash
    }

    /// Lines longer than this are not a place to resume from (nor a line the log writes).
    static let longestLine = 1 << 24

    /// The line's timestamp when the file `fd` still holds this line, unchanged and whole, at this
    /// place (a newline before it, or the file's start); nil otherwise.
    public func confirmed(fd: Int32) -> String? {
        guard seq > 0, start >= 0, end > start + 1, end - start <= Self.longestLine else { return nil }
        let from = max(0, start - 1)
        var bytes = [UInt8](repeating: 0, count: end - from)
        var got = 0
        while got < bytes.count {
            let n = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + got, $0.count - got, off_t(from + got)) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return nil }
            got += n
        }
        guard bytes.last == 0x0A, start == 0 || bytes[0] == 0x0A else { return nil }
        let lineStart = start - from
        return bytes.withUnsafeBufferPointer { all -> String? in
            let line = UnsafeBufferPointer(rebasing: all[lineStart..<(all.count - 1)])
            guard let header = HeaderParser.quickCheck(line), header.seq == seq,
                  Hashing.sha256Hex(UnsafeRawBufferPointer(line)) == hash else { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: line[header.ts]), as: UTF8.self)
        }
    }

    /// The place of the line that ends at `end` in the file `fd` (the log's last line read), found
    /// by reading back from there; nil when there is no such line.
    public static func lineEnding(at end: Int, fd: Int32, seq: Int, hash: String) -> ResumePoint? {
        guard end >= 2 else { return nil }
        var start = end - 1
        var chunk = [UInt8](repeating: 0, count: 65_536)
        var looked = 0
        // Back from the newline that ends it to the newline before it (or the file's start).
        scan: while start > 0 && looked <= longestLine {
            let from = max(0, start - chunk.count)
            let want = start - from
            let n = chunk.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, want, off_t(from)) }
            guard n == want else { return nil }
            if let k = chunk[0..<want].lastIndex(of: 0x0A) { start = from + k + 1; break scan }
            start = from
            looked += want
        }
        let point = ResumePoint(seq: seq, start: start, end: end, hash: hash)
        return point.confirmed(fd: fd) != nil ? point : nil
    }
}
