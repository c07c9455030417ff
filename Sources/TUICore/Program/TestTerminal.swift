/// A terminal in memory, for tests: keys are queued by the test, every presented buffer is kept, and a
/// timeout is immediate (nothing typed means nothing will be). Like a real terminal it reports a new
/// size as a `.resize` key.
public final class TestTerminal: TerminalBackend {
    public private(set) var size: (cols: Int, rows: Int)
    /// The last buffer presented.
    public private(set) var frame: Buffer?
    /// How many buffers were presented.
    public private(set) var framesPresented = 0
    public private(set) var isSuspended = true
    public var pendingSignal: Int32 = 0
    /// Keep every presented buffer in `frames` (to see what showed on the way, e.g. progress).
    public var keepsFrames = false
    public private(set) var frames: [Buffer] = []
    private var input: [Key] = []

    public init(cols: Int = 80, rows: Int = 24) {
        size = (cols, rows)
    }

    /// Keys still waiting to be read.
    public var pendingInput: Int { input.count }
    public var hasPendingInput: Bool { !input.isEmpty }

    public func press(_ keys: Key...) { input += keys }
    public func press(_ keys: [Key]) { input += keys }

    /// Each character as a key press.
    public func type(_ text: String) { input += text.map { Key.char($0) } }

    /// The window changes size; the program hears it as a key, as from ncurses.
    public func resize(cols: Int, rows: Int) {
        size = (cols, rows)
        input.append(.resize(cols: cols, rows: rows))
    }

    public func readKey(timeoutMs: Int32) -> Key? {
        input.isEmpty ? nil : input.removeFirst()
    }

    public func present(_ buffer: Buffer) {
        frame = buffer
        framesPresented += 1
        if keepsFrames { frames.append(buffer) }
    }

    public func suspend() { isSuspended = true }
    public func resume() { isSuspended = false }

    /// The last frame as lines of text (wide characters once, no trailing padding kept).
    public var screen: String {
        frame?.textRows.joined(separator: "\n") ?? ""
    }
}
