import Foundation
import XCTest
import KernteamDomain
import KernteamSession
@testable import KernteamApp
@testable import KernteamTUI
@testable import kernteam

/// The app in this process, as a person uses it: the real program loop (`Program`) on a `TestTerminal`,
/// opening its log the way `kernteam --log …` does (`Open.opener`), so entries go through the real
/// session into a real file. Keys are named as tmux names them ("Tab", "Enter", "C-c" …).
final class InProcessApp {
    let terminal: TestTerminal
    let program: Program

    init(log: String, cols: Int = 100, rows: Int = 30, role: String = "secretaris", projector: Bool = false,
         kern: String? = nil, historyLogs: [String] = [], terminal: TestTerminal? = nil, env: [String: String] = [:],
         clock: @escaping @Sendable () -> Date = { Date() }) {
        self.terminal = terminal ?? TestTerminal(cols: cols, rows: rows)
        let now = clock()
        var options = AppOptions(logPath: AppRuntime.displayPath(log), kern: kern, projector: projector,
                                 today: Session.today(now), now: now)
        options.exportFolder = AppRuntime.displayPath(FileManager.default.currentDirectoryPath)
        program = Program(options: options, terminal: self.terminal, clock: clock,
                          open: Open.opener(log: log, role: role, projector: projector, kern: kern, historyLogs: historyLogs))
        // The environment the log is opened with (e.g. KERNTEAM_DATA), as for a process started with it.
        let saved = env.keys.map { ($0, getenv($0).map { String(cString: $0) }) }
        for (k, v) in env { setenv(k, v, 1) }
        program.settle()
        for (k, v) in saved { if let v { setenv(k, v, 1) } else { unsetenv(k) } }
    }

    /// Key presses, by tmux name or as a single character; then the loop runs until all is handled.
    func keys(_ names: String...) {
        terminal.press(names.map(Self.key))
        program.settle()
    }

    /// Text typed character by character.
    func type(_ text: String) {
        terminal.type(text)
        program.settle()
    }

    func press(_ keys: Key...) {
        terminal.press(keys)
        program.settle()
    }

    func resize(_ cols: Int, _ rows: Int) {
        terminal.resize(cols: cols, rows: rows)
        program.settle()
    }

    /// The screen as text, one line per row.
    var screen: String { terminal.screen }

    /// The screen, which must show `text`; fails the test with the screen when it does not.
    @discardableResult
    func expect(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        let s = screen
        if !s.contains(text) { XCTFail("screen does not show '\(text)':\n\(s)", file: file, line: line) }
        return s
    }

    /// Runs the loop in real time (the clock ticks, others' entries are read) until the screen shows
    /// `text`, or fails after `timeout` seconds with the last screen.
    @discardableResult
    func waitFor(_ text: String, timeout: Double = 5, file: StaticString = #filePath, line: UInt = #line) -> String {
        let s = waitUntil(timeout: timeout) { $0.contains(text) }
        if !s.contains(text) { XCTFail("screen never showed '\(text)':\n\(s)", file: file, line: line) }
        return s
    }

    /// Runs the loop in real time until `done` holds for the screen (or `timeout` passes); the last screen.
    func waitUntil(timeout: Double = 5, _ done: (String) -> Bool) -> String {
        let deadline = Date().addingTimeInterval(timeout)
        while !done(screen) && Date() < deadline {
            program.step(timeoutMs: 0)
            program.settle()
            if !done(screen) { usleep(10_000) }
        }
        return screen
    }

    /// Walks down the focused pane, opening each row's details, until those of `id` show.
    func openDetail(of id: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        for _ in 0..<60 {
            keys("Enter")
            let s = screen
            if s.contains("Details \(id) ") { return s }
            keys("Escape", "j")
        }
        XCTFail("never reached \(id)", file: file, line: line)
        return screen
    }

    /// Quits with `q`; the program must then be done.
    func quit(file: StaticString = #filePath, line: UInt = #line) {
        keys("q")
        XCTAssertTrue(program.isFinished, "still running after q:\n\(screen)", file: file, line: line)
        program.finish()
    }

    static func key(_ name: String) -> Key {
        switch name {
        case "Tab": .tab
        case "BTab": .backTab
        case "Enter": .enter
        case "Escape": .escape
        case "Up": .up
        case "Down": .down
        case "Left": .left
        case "Right": .right
        case "Home": .home
        case "End": .end
        case "PPage": .pageUp
        case "NPage": .pageDown
        case "BSpace": .backspace
        case "DC": .delete
        case "Space": .char(" ")
        case "F1": .function(1)
        default:
            if name.hasPrefix("C-"), let c = name.dropFirst(2).first { .ctrl(c) } else { .char(name.first!) }
        }
    }
}
