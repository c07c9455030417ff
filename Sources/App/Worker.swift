import Foundation
import KernteamDomain
import KernteamTUI

/// Carries out effects off the input loop, one at a time and in the order asked, and keeps each
/// result as a message for the loop to pick up. This is the one interpreter of effects: every effect
/// becomes a message (or, for `quit`, nothing).
final class Worker: @unchecked Sendable {
    typealias Opener = @Sendable (_ progress: @escaping @Sendable (_ done: Int, _ total: Int) -> Void) throws -> any SessionPort

    private let queue = DispatchQueue(label: "kernteam.session")
    private let condition = NSCondition()
    private var replies: [Msg] = []
    private var pending = 0
    private let open: Opener
    /// Set once the log is open; touched only on `queue`.
    private var port: (any SessionPort)?
    /// Why the log could not be opened (read by the loop after the worker is idle).
    private var openFailure: Error?
    /// Reading the log at start is under way (it only reads: quitting need not wait for it).
    private var opening = false

    init(open: @escaping Opener) { self.open = open }

    func submit(_ effect: Effect) {
        // Quitting needs nothing carried out: the loop stops once the work before it is done.
        if case .quit = effect { return }
        condition.lock(); pending += 1; condition.unlock()
        queue.async {
            let message = self.interpret(effect)
            self.condition.lock()
            if let message { self.replies.append(message) }
            self.pending -= 1
            self.condition.broadcast()
            self.condition.unlock()
        }
    }

    /// Effects not yet carried out (or carried out, with their message not yet picked up).
    var isBusy: Bool {
        condition.lock(); defer { condition.unlock() }
        return pending > 0 || !replies.isEmpty
    }

    /// The messages that came in since the last call, in order.
    func takeMessages() -> [Msg] {
        condition.lock(); defer { condition.unlock() }
        let out = replies
        replies = []
        return out
    }

    /// Waits until a message comes in or nothing is pending (at most `timeout` seconds).
    func waitForMessage(timeout: TimeInterval) {
        let deadline = Date().addingTimeInterval(timeout)
        condition.lock()
        while replies.isEmpty && pending > 0 && condition.wait(until: deadline) {}
        condition.unlock()
    }

    /// The only work under way is reading the log at start, and nothing else was asked: a quit then
    /// need not wait for it. (Opening only reads; what it might write — a new log's first line, a torn
    /// tail moved aside — is written so that stopping at any point leaves the log whole.)
    var isOnlyOpening: Bool {
        condition.lock(); defer { condition.unlock() }
        return opening && pending == 1
    }

    /// Before the program stops: the session keeps what is worth keeping (unless the log was never
    /// opened, or is still being read).
    func stop() {
        if isOnlyOpening { return }
        queue.sync { port?.willStop() }
    }

    var failure: Error? {
        condition.lock(); defer { condition.unlock() }
        return openFailure
    }

    private func post(_ message: Msg) {
        condition.lock()
        replies.append(message)
        condition.broadcast()
        condition.unlock()
    }

    private func interpret(_ effect: Effect) -> Msg? {
        switch effect {
        case .open:
            condition.lock(); opening = true; condition.unlock()
            defer { condition.lock(); opening = false; condition.unlock() }
            do {
                let port = try open { [weak self] done, total in self?.post(.progress(done: done, total: total)) }
                self.port = port
                // The first full frame first; then, in the background, what makes the next open quicker.
                post(.opened(.success(port.view()), warning: port.openWarning))
                port.didOpen()
                return nil
            } catch {
                condition.lock(); openFailure = error; condition.unlock()
                return .opened(.failure(.message("\(error)")), warning: nil)
            }
        case .session(let command):
            guard let port else { return nil }
            let reply = port.perform(command)
            return .replied(reply, port.view())
        case .refresh:
            guard let port else { return nil }
            do {
                let changed = try port.refresh()
                return .refreshed(port.view(), changed: changed, error: nil)
            } catch {
                return .refreshed(port.view(), changed: false, error: port.describe(error))
            }
        case .quit:
            return nil
        }
    }
}
