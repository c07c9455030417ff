import Foundation

/// The write and fsync calls of a durable append. Real system calls by default; the I/O fault tests
/// swap in versions that fail (disk full after N bytes, EIO on fsync) and set errno like the kernel.
public struct IOCalls: @unchecked Sendable {
    public var write: (Int32, UnsafeRawPointer, Int) -> Int
    public var fsync: (Int32) -> Int32

    public init(write: @escaping (Int32, UnsafeRawPointer, Int) -> Int = { Foundation.write($0, $1, $2) },
                fsync: @escaping (Int32) -> Int32 = { Foundation.fsync($0) }) {
        self.write = write
        self.fsync = fsync
    }
}
