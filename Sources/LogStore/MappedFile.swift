import Foundation

/// A whole file mapped read-only into memory: large logs are scanned in place, without copying them
/// into the process first. Pages come from the file cache and cost no private memory.
public final class MappedFile: @unchecked Sendable {
    public let bytes: UnsafeRawBufferPointer
    private let mapped: Bool

    public init(path: String) throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw LogError.io(operation: "open", code: errno) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw LogError.io(operation: "stat", code: errno) }
        let size = Int(st.st_size)
        if size == 0 {
            bytes = UnsafeRawBufferPointer(start: nil, count: 0)
            mapped = false
            return
        }
        // MAP_POPULATE: map every page now, in one go, instead of one page fault per 4 KiB later.
        let p = mmap(nil, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0)
        guard let p, p != MAP_FAILED else { throw LogError.io(operation: "mmap", code: errno) }
        bytes = UnsafeRawBufferPointer(start: p, count: size)
        mapped = true
    }

    deinit {
        if mapped, let base = bytes.baseAddress { munmap(UnsafeMutableRawPointer(mutating: base), bytes.count) }
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
