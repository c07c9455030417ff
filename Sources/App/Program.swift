import Foundation
import KernteamDomain
import KernteamTUI

/// The program loop: a key (or the clock, or an answer from the session) becomes a message, the
/// reducer updates the model and may ask for effects, the worker carries those out off the loop and
/// sends their results back as messages, and each turn the model is rendered and shown.
///
/// The loop itself never waits on the log: while the session works, the screen keeps drawing (timers,
/// resize, what it is busy with) and keys wait in the model's type-ahead.
public final class Program {
    public internal(set) var model: AppModel
    public let terminal: any TerminalBackend
    private let options: AppOptions
    private let worker: Worker
    private let clock: @Sendable () -> Date
    private var lastTick: Date
    private var started = false
    /// A message changed the model since the screen was last drawn.
    private var needsDraw = true

    /// How often the clock ticks (timers on screen, a look for others' entries).
    public static let tickInterval: TimeInterval = 0.25

    /// `open` reads the log (off the loop, reporting progress) and returns the session the screen works on.
    public init(options: AppOptions, terminal: any TerminalBackend, clock: @escaping @Sendable () -> Date = { Date() },
                open: @escaping @Sendable (_ progress: @escaping @Sendable (_ done: Int, _ total: Int) -> Void) throws -> any SessionPort) {
        self.options = options
        self.terminal = terminal
        self.clock = clock
        self.worker = Worker(open: open)
        self.lastTick = clock()
        self.model = AppModel(options: options, cols: 0, rows: 0)
    }

    /// A program on a session that is already open (tests, tools).
    public convenience init(options: AppOptions, terminal: any TerminalBackend, clock: @escaping @Sendable () -> Date = { Date() },
                            session: any SessionPort) {
        self.init(options: options, terminal: terminal, clock: clock, open: { _ in session })
    }

    /// Runs until the user quits or a termination signal arrives, then gives the terminal back. Throws
    /// why the log could not be opened, if it could not.
    public func run() throws {
        terminal.resume()
        defer { terminal.suspend() }
        start()
        while !isFinished {
            step(timeoutMs: worker.isBusy ? 20 : 250)
        }
        finish()
        if let failure = worker.failure { throw failure }
    }

    /// After the last turn: the last frame, and the session keeps what is worth keeping (a snapshot
    /// beside the log) before the program stops.
    public func finish() {
        terminal.present(Screen(model: model).render())
        worker.stop()
    }

    /// Builds the first model at the terminal's size and starts reading the log.
    public func start() {
        guard !started else { return }
        started = true
        let size = terminal.size
        model = AppModel(options: options, cols: size.cols, rows: size.rows)
        needsDraw = true
        worker.submit(.open)
    }

    /// The user is done and nothing the session was asked to do is still under way. A log still being
    /// read at start is not waited for: `q` stops the program while a large log is folded.
    public var isFinished: Bool { model.quit && (!worker.isBusy || worker.isOnlyOpening) }

    /// One turn of the loop: show the screen, take a key (waiting at most `timeoutMs`), take the
    /// session's answers, and let the clock tick.
    public func step(timeoutMs: Int32) {
        // Draw only what changed (every tick redraws the timers), and not while typed keys still wait.
        if needsDraw && !terminal.hasPendingInput {
            terminal.present(Screen(model: model).render())
            needsDraw = false
        }
        if terminal.pendingSignal != 0 && !model.quit { send(.terminate) }
        if let key = terminal.readKey(timeoutMs: timeoutMs) { send(.key(key)) }
        for message in worker.takeMessages() { send(message) }
        let now = clock()
        if now.timeIntervalSince(lastTick) >= Self.tickInterval {
            lastTick = now
            send(.tick(now))
        }
    }

    /// Runs the loop until every key given to a `TestTerminal` is handled and the session has answered
    /// everything it was asked (or `timeout` seconds pass). For tests: the same turns as `run`.
    public func settle(timeout: TimeInterval = 30) {
        start()
        let deadline = Date().addingTimeInterval(timeout)
        repeat {
            step(timeoutMs: 0)
            let input = (terminal as? TestTerminal)?.pendingInput ?? 0
            if input == 0 && !worker.isBusy { break }
            if input == 0 { worker.waitForMessage(timeout: 1) }
        } while Date() < deadline
        terminal.present(Screen(model: model).render())
    }

    private func send(_ message: Msg) {
        needsDraw = true
        for effect in Reducer.reduce(&model, message) { worker.submit(effect) }
    }
}
