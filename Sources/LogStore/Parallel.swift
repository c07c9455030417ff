import Foundation

/// Work spread over all cores with its results in order: opening, `list` and `verify` go through
/// large logs this way.
public enum Parallel {
    /// `body(i)` for every `i` in `0..<count`, in ranges run on all cores when there are at least
    /// `minimum` (else on this thread). `body` must only read shared data.
    public static func map<T>(_ count: Int, minimum: Int = 1, _ body: (Int) -> T) -> [T] {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        guard count >= max(minimum, 2), cores > 1 else { return (0..<count).map(body) }
        let chunks = min(count, cores * 4)
        let size = (count + chunks - 1) / chunks
        var results = [T?](repeating: nil, count: count)
        withoutActuallyEscaping(body) { work in
            results.withUnsafeMutableBufferPointer { out in
                // Each index is written by exactly one worker.
                nonisolated(unsafe) let slots = out
                nonisolated(unsafe) let run = work
                DispatchQueue.concurrentPerform(iterations: chunks) { c in
                    for i in min(count, c * size)..<min(count, (c + 1) * size) { slots[i] = run(i) }
                }
            }
        }
        return results.map { $0! }
    }
}
