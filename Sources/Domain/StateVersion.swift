import Foundation

/// Every change to a `KernteamState` gets a new, process-wide unique version, so derived views
/// (pane rows, history) can be cached safely: two states never share a version unless one is an
/// unchanged copy of the other.
enum StateVersion {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var counter: UInt64 = 0

    static func next() -> UInt64 {
        lock.lock()
        defer { lock.unlock() }
        counter += 1
        return counter
    }
}
