import Foundation

/// Finding bytes in bytes (glibc's `memmem` is not visible from Swift): memchr to the next candidate
/// first byte, then compare the rest.
public enum ByteSearch {
    public static func firstIndex(of needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
        guard let base = haystack.baseAddress, let first = needle.first else { return nil }
        let n = haystack.count, k = needle.count
        var i = start
        return needle.withUnsafeBufferPointer { nb -> Int? in
            while i + k <= n {
                guard let hit = memchr(base + i, Int32(first), n - k + 1 - i) else { return nil }
                let at = UnsafePointer(hit.assumingMemoryBound(to: UInt8.self)) - base
                if memcmp(base + at, nb.baseAddress!, k) == 0 { return at }
                i = at + 1
            }
            return nil
        }
    }

    public static func contains(_ needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>) -> Bool {
        firstIndex(of: needle, in: haystack) != nil
    }
}
