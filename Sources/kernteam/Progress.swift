import Foundation
import KernteamDomain
import KernteamSession

/// A progress line on a terminal for long operations (stderr, redrawn in place); silent when stderr
/// is not a terminal, so scripts and pipes get clean output. Safe to update from worker threads.
final class Progress: @unchecked Sendable {
    let label: String
    let total: Int
    private let enabled = isatty(STDERR_FILENO) != 0
    private var last = Date.distantPast
    private let lock = NSLock()

    init(label: String, total: Int) {
        self.label = label
        self.total = total
    }

    func update(_ done: Int) {
        lock.lock()
        defer { lock.unlock() }
        guard enabled, Date().timeIntervalSince(last) > 0.1 || done == total else { return }
        last = Date()
        let percent = total > 0 ? done * 100 / total : 100
        FileHandle.standardError.write(Data("\r\(label): \(done)/\(total) (\(percent)%)".utf8))
    }

    /// Opens a log read-only with a progress line while a large one is read.
    static func openReadOnly(_ path: String) throws -> Session {
        let progress = Progress(label: Text.cliReading.text, total: 100)
        defer { progress.finish() }
        return try Session.open(path: path, reference: nil, role: .cli, readOnly: true, progress: { done, total in
            progress.update(total > 0 ? done * 100 / total : 100)
        })
    }

    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
