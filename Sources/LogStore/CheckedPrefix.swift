import Crypto
import Foundation

/// How far a log was last checked in full (header, sequence and hash chain of every line, and every
/// line's event read without error), kept
/// beside it in `<log>.checked` so a later read only has to check what was appended since.
///
/// Derived and never trusted over the log: it is used only when the log still holds, at the recorded
/// place, a line with the recorded sequence number and hash; otherwise the whole log is checked again
/// and the file rewritten. Deleting it is always safe. `verify` never uses it (it always checks all).
public struct CheckedPrefix: Sendable, Equatable {
    /// Bytes checked: just past the newline of the last checked line.
    public var offset: Int
    public var lines: Int
    public var seq: Int
    public var hash: String

    public init(offset: Int, lines: Int, seq: Int, hash: String) {
        self.offset = offset
        self.lines = lines
        self.seq = seq
        self.hash = hash
    }

    public static func path(forLog log: String) -> String { log + ".checked" }

    /// Version 2: the prefix was also read in full (version 1 files, which vouched for the chain only,
    /// are ignored and the log checked again).
    private static let magic = "kernteam-checked 2"

    public static func load(logPath: String) -> CheckedPrefix? {
        guard let bytes = try? OpeningRules.readRegularFile(path(forLog: logPath), limit: 4096) else { return nil }
        let text = String(decoding: bytes, as: UTF8.self)
        let fields = text.split(whereSeparator: \.isWhitespace).map(String.init)
        guard fields.count == 6, "\(fields[0]) \(fields[1])" == magic,
              let offset = Int(fields[2]), let lines = Int(fields[3]), let seq = Int(fields[4]),
              offset > 0, lines > 0, seq > 0, fields[5].utf8.count == 64 else { return nil }
        return CheckedPrefix(offset: offset, lines: lines, seq: seq, hash: fields[5])
    }

    /// Writes the file (to a temporary name, then renamed over the old one). Best effort: a folder
    /// that cannot be written only means the next read checks everything again.
    public func save(logPath: String) {
        let target = Self.path(forLog: logPath)
        let temp = target + ".tmp-\(getpid())"
        let text = "\(Self.magic) \(offset) \(lines) \(seq) \(hash)\n"
        let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return }
        let written = (try? LogFile.writeAll(fd, Array(text.utf8))) != nil
        close(fd)
        if !written || rename(temp, target) != 0 { unlink(temp) }
    }

    /// Whether `file` still holds the recorded last line, unchanged, ending at the recorded offset.
    public func confirms(_ file: MappedFile) -> Bool {
        let bytes = file.bytes
        guard offset <= bytes.count, offset >= 2, let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self),
              base[offset - 1] == 0x0A else { return false }
        var start = offset - 2
        while start > 0, base[start - 1] != 0x0A { start -= 1 }
        let line = UnsafeBufferPointer(start: base + start, count: offset - 1 - start)
        guard let header = HeaderParser.quickCheck(line), header.seq == seq else { return false }
        return Hashing.sha256Hex(UnsafeRawBufferPointer(line)) == hash
    }
}
