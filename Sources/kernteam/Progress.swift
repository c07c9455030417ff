import Foundation
import KernteamDomain
import KernteamSession

/// A progress line on a terminal for long operations (stderr, redrawn in place); silent when stderr
/// is not a terminal, so scripts and pipes get clean output. Safe to update from worker threads.
final class Progress: @unchecked Sendable {
    let label: String
    let total: Int
    /// Only the percentage (for bytes, where "12345678/334415959" says nothing).
    let percentOnly: Bool
    private let enabled = isatty(STDERR_FILENO) != 0
    private var last = Date.distantPast
    private let lock = NSLock()

    init(label: String, total: Int, percentOnly: Bool = false) {
        self.label = label
        self.total = total
        self.percentOnly = percentOnly
    }

    /// A progress line that shows a percentage only.
    static func percent(_ label: String) -> Progress { Progress(label: label, total: 100, percentOnly: true) }

    /// Reports `done` of `total` (bytes, say) as a percentage.
    func report(_ done: Int, _ total: Int) { update(total > 0 ? done * 100 / total : 100) }

    func update(_ done: Int) {
        lock.lock()
        defer { lock.unlock() }
        guard enabled, Date().timeIntervalSince(last) > 0.1 || done == total else { return }
        last = Date()
        let percent = total > 0 ? done * 100 / total : 100
        let text = percentOnly ? "\r\(label): \(percent)%" : "\r\(label): \(done)/\(total) (\(percent)%)"
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Opens a log read-only with a progress line while a large one is read.
    static func openReadOnly(_ path: String, asOf: AsOf? = nil) throws -> Session {
        let progress = Progress.percent(Text.cliReading.text)
        defer { progress.finish() }
        return try Session.open(path: path, reference: nil, role: .cli, readOnly: true, asOf: asOf, progress: progress.report)
    }

    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
