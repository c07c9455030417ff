import Foundation

/// A file's complete lines mapped read-only into memory: large logs are scanned in place, without
/// copying them into the process first. Pages come from the file cache and cost no private memory.
///
/// Only the bytes up to the last newline are mapped. Bytes after it (a line being written, or a torn
/// tail) may be cut off by a writer at any moment, and touching a mapped page past the end of a file
/// that was made shorter kills the process (SIGBUS); complete lines are never cut. A file with such
/// bytes reports `hasIncompleteTail`, and callers then read it the careful way.
public final class MappedFile: @unchecked Sendable {
    /// The complete lines (everything up to and including the last newline).
    public let bytes: UnsafeRawBufferPointer
    /// The file's size when it was opened; more than `bytes.count` when it ends in an incomplete line.
    public let fileSize: Int
    private let mapped: Bool
    /// Set when the bytes were copied into memory (a log read from a database) instead of mapped.
    private let owned: Bool

    /// Lines already in memory (each ending in a newline), to be checked and folded like a file.
    public init(copying lines: [UInt8]) {
        let p = UnsafeMutableRawPointer.allocate(byteCount: max(lines.count, 1), alignment: 16)
        lines.withUnsafeBytes { p.copyMemory(from: $0.baseAddress ?? UnsafeRawPointer(p), byteCount: lines.count) }
        bytes = UnsafeRawBufferPointer(start: p, count: lines.count)
        fileSize = lines.count
        mapped = false
        owned = true
    }

    public var hasIncompleteTail: Bool { bytes.count < fileSize }

    public init(path: String) throws {
        // Only a regular file: a FIFO or device would block or never end (see `OpeningRules`).
        let fd = try OpeningRules.openRegularFile(path, flags: O_RDONLY)
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw LogError.io(operation: "stat", code: errno) }
        fileSize = Int(st.st_size)
        let complete = try Self.endOfLastLine(fd, size: fileSize)
        if complete == 0 {
            bytes = UnsafeRawBufferPointer(start: nil, count: 0)
            mapped = false
            owned = false
            return
        }
        // MAP_POPULATE: map every page now, in one go, instead of one page fault per 4 KiB later.
        let p = mmap(nil, complete, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0)
        guard let p, p != MAP_FAILED else { throw LogError.io(operation: "mmap", code: errno) }
        bytes = UnsafeRawBufferPointer(start: p, count: complete)
        mapped = true
        owned = false
    }

    /// Offset just past the last newline, read with `pread` from the end backwards (0 if none).
    private static func endOfLastLine(_ fd: Int32, size: Int) throws -> Int {
        var end = size
        // Read back from the end a megabyte at a time, or the whole of a smaller file at once.
        var buffer = [UInt8](repeating: 0, count: max(1, min(1 << 20, size)))
        while end > 0 {
            let start = max(0, end - buffer.count)
            let want = end - start
            let got = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, want, off_t(start)) }
            guard got == want else { throw LogError.io(operation: "read", code: got < 0 ? errno : EIO) }
            if let k = buffer[0..<want].lastIndex(of: 0x0A) { return start + k + 1 }
            end = start
        }
        return 0
    }

    deinit {
        if mapped, let base = bytes.baseAddress { munmap(UnsafeMutableRawPointer(mutating: base), bytes.count) }
        if owned, let base = bytes.baseAddress { base.deallocate() }
    }

    /// Lets the system drop the pages before `offset` from this process's memory (they stay in the
    /// file cache and come back if read again): once a part of the log is folded, it costs no memory.
    public func release(upTo offset: Int) {
        guard mapped, let base = bytes.baseAddress else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let length = min(offset, bytes.count) / page * page
        if length > 0 { madvise(UnsafeMutableRawPointer(mutating: base), length, MADV_DONTNEED) }
    }

    /// Splits the file into about `parts` ranges that each end just after a newline (the last may
    /// end without one), so each range can be scanned on its own core.
    public func lineAlignedRanges(parts: Int, from: Int = 0) -> [Range<Int>] {
        let count = bytes.count
        guard let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), count > from else { return [] }
        let parts = max(1, min(parts, (count - from) / 65_536 + 1))
        var ranges: [Range<Int>] = []
        var start = from
        for k in 1...parts {
            guard start < count else { break }
            var end = k == parts ? count : max(start, from + (count - from) * k / parts)
            if end < count {
                guard let nl = memchr(base + end, 0x0A, count - end) else { end = count; ranges.append(start..<end); break }
                end = (UnsafePointer(nl.assumingMemoryBound(to: UInt8.self)) - base) + 1
            }
            ranges.append(start..<end)
            start = end
        }
        return ranges
    }
}
