import Foundation

/// What a file turned out to be when it is not a kernteam log the program may use.
public enum NotALog: Sendable, Equatable {
    /// Text; the start of its first line.
    case text(String)
    /// Bytes that are not text (NUL bytes, invalid UTF-8).
    case binary
    /// JSON, but without the kernteam header.
    case json
    /// A kernteam log of a newer format version.
    case newerVersion(Int)
    /// A kernteam log whose line ends were turned into CR LF (an editor, a mail program, git).
    case windowsLineEnds
}

/// What a path names when it is not a regular file.
public enum FileKind: Sendable, Equatable {
    case fifo, characterDevice, blockDevice, socket, folder, brokenLink, other
}

/// The rules for what the program may open, append to, and cut a torn tail from. One place, so that
/// every way in (the app, the CLI, verify, list, a second storage backend) follows the same rules:
///
/// - Only a regular file is opened; a symbolic link is followed, and its target is judged the same
///   way. A FIFO, device, socket or folder is refused before anything is read from it (no hang).
/// - A file is used as a log only when its first line is a valid kernteam header, or the file is
///   empty (a log whose creation never finished). Anything else is refused, and left byte-identical.
/// - A torn tail (moved to `<log>.torn-N`) is at most one partial line — bytes without a newline —
///   after the last complete, valid line. Anything more is damage: reported, never moved.
public enum OpeningRules {
    /// What the start of a file says it is.
    public enum Verdict: Sendable, Equatable {
        case empty
        case log
        case notALog(NotALog)
    }

    /// How much of the start is read to judge it; the header is in its first 200 bytes.
    static let sampleSize = 64 << 10

    /// What `path` names, following links; nil for a regular file or nothing at all.
    public static func nonRegularKind(at path: String) -> FileKind? {
        var st = stat()
        if stat(path, &st) != 0 {
            var link = stat()
            return lstat(path, &link) == 0 ? .brokenLink : nil
        }
        return kind(st.st_mode)
    }

    static func kind(_ mode: mode_t) -> FileKind? {
        switch mode & S_IFMT {
        case S_IFREG: nil
        case S_IFIFO: .fifo
        case S_IFCHR: .characterDevice
        case S_IFBLK: .blockDevice
        case S_IFSOCK: .socket
        case S_IFDIR: .folder
        default: .other
        }
    }

    /// Opens `path` only if it is a regular file (following links). Never blocks on a FIFO: it is
    /// refused before it is opened, and checked again on the open descriptor (it may have been
    /// swapped in between). New files get `mode` (owner only by default), whatever the umask.
    public static func openRegularFile(_ path: String, flags: Int32, mode: mode_t = 0o600) throws -> Int32 {
        if let kind = nonRegularKind(at: path) { throw LogError.notARegularFile(kind) }
        let fd = open(path, flags | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, mode)
        guard fd >= 0 else {
            let code = errno
            if code == EISDIR { throw LogError.notARegularFile(.folder) }
            if code == ENXIO, let kind = nonRegularKind(at: path) { throw LogError.notARegularFile(kind) }
            throw LogError.io(operation: flags & (O_WRONLY | O_RDWR) == 0 ? "read" : "open", code: code)
        }
        var st = stat()
        guard fstat(fd, &st) == 0 else { let code = errno; close(fd); throw LogError.io(operation: "read", code: code) }
        if let kind = kind(st.st_mode) { close(fd); throw LogError.notARegularFile(kind) }
        // Back to ordinary blocking reads and writes (a regular file never blocks anyway).
        let status = fcntl(fd, F_GETFL)
        if status >= 0 { _ = fcntl(fd, F_SETFL, status & ~O_NONBLOCK) }
        return fd
    }

    /// The whole of a small regular file (a side file beside the log); refuses a FIFO or device, and
    /// a file longer than `limit`.
    public static func readRegularFile(_ path: String, limit: Int) throws -> [UInt8] {
        let fd = try openRegularFile(path, flags: O_RDONLY)
        defer { close(fd) }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if n < 0 { if errno == EINTR { continue }; throw LogError.io(operation: "read", code: errno) }
            if n == 0 { return out }
            out += chunk[0..<n]
            if out.count > limit { throw LogError.io(operation: "read", code: EFBIG) }
        }
    }

    /// Reads the start of an open file and judges it.
    public static func judge(fd: Int32) throws -> Verdict {
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw LogError.io(operation: "read", code: errno) }
        let size = Int(st.st_size)
        if size == 0 { return .empty }
        var sample = [UInt8](repeating: 0, count: min(size, sampleSize))
        var got = 0
        while got < sample.count {
            let n = sample.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + got, $0.count - got, off_t(got)) }
            if n < 0 { if errno == EINTR { continue }; throw LogError.io(operation: "read", code: errno) }
            if n == 0 { break }
            got += n
        }
        sample.removeSubrange(got...)
        return sample.withUnsafeBytes { judge(start: $0, isWholeFile: got >= size) }
    }

    /// Judges the first bytes of a file (`isWholeFile` when nothing follows them).
    public static func judge(start: UnsafeRawBufferPointer, isWholeFile: Bool) -> Verdict {
        guard let base = start.baseAddress?.assumingMemoryBound(to: UInt8.self), start.count > 0 else { return .empty }
        if let nl = memchr(base, 0x0A, start.count) {
            let end = UnsafePointer(nl.assumingMemoryBound(to: UInt8.self)) - base
            let line = UnsafeBufferPointer(start: base, count: end)
            if let header = try? HeaderParser.parse(line) {
                return header.version == LogFormat.version ? .log : .notALog(.newerVersion(header.version))
            }
            if end > 0, line[end - 1] == 0x0D, (try? HeaderParser.parse(UnsafeBufferPointer(rebasing: line[0..<end - 1]))) != nil {
                return .notALog(.windowsLineEnds)
            }
            return .notALog(describe(UnsafeBufferPointer(start: base, count: start.count), firstLineEnd: end))
        }
        // No complete first line. A log whose first append was cut off by a crash, if the bytes are
        // a header as far as they go; or (more than the sample) a first line too long to judge whole.
        let bytes = UnsafeBufferPointer(start: base, count: start.count)
        if HeaderParser.couldStartHeader(bytes) { return .log }
        return .notALog(describe(bytes, firstLineEnd: isWholeFile ? start.count : min(start.count, 200)))
    }

    /// A short description of what a file holds instead of a log.
    static func describe(_ bytes: UnsafeBufferPointer<UInt8>, firstLineEnd: Int) -> NotALog {
        let sample = UnsafeBufferPointer(rebasing: bytes[0..<min(bytes.count, 4096)])
        let isText = String(validating: sample, as: UTF8.self) != nil || endsInCutCharacter(sample)
        if sample.contains(0) || !isText { return .binary }
        let first = String(decoding: UnsafeBufferPointer(rebasing: bytes[0..<min(firstLineEnd, bytes.count)]), as: UTF8.self)
        let trimmed = first.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("{") || trimmed.hasPrefix("[") { return .json }
        return .text(trimmed.count > 40 ? String(trimmed.prefix(40)) + "…" : trimmed)
    }

    /// Whether the only invalid UTF-8 is a character cut off at the end of the sample.
    private static func endsInCutCharacter(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        for cut in 1...3 where b.count > cut {
            if String(validating: UnsafeBufferPointer(rebasing: b[0..<b.count - cut]), as: UTF8.self) != nil { return true }
        }
        return false
    }

    /// Whether the bytes after the last complete, valid line may be moved aside as a torn tail: one
    /// partial line (no newline in it), the most an interrupted append can leave.
    public static func mayMoveTornTail(_ tail: UnsafeRawBufferPointer) -> Bool {
        guard let base = tail.baseAddress, tail.count > 0 else { return false }
        return memchr(base, 0x0A, tail.count) == nil
    }
}
