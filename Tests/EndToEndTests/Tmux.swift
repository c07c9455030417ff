import Foundation
import XCTest

/// Drives the real `kernteam` binary in a private tmux server, the way a person would use it.
final class Tmux {
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The binary under test: $KERNTEAM_BIN, else the debug build of this checkout.
    static var binary: String {
        if let b = ProcessInfo.processInfo.environment["KERNTEAM_BIN"], !b.isEmpty { return b }
        return repoRoot.appendingPathComponent(".build/debug/kernteam").path
    }

    static func requireTools() throws {
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            throw XCTSkip("kernteam binary missing at \(binary): run `swift build` first (the README's test command does)")
        }
        guard run("/usr/bin/env", ["tmux", "-V"]).status == 0 else {
            throw XCTSkip("tmux is not installed (.ci/run installs it)")
        }
    }

    let socket: String
    let session = "e2e"
    let home: String

    /// Starts `kernteam ARGS` in a window of the given size with a UTF-8 locale.
    init(_ args: [String], cols: Int = 100, rows: Int = 30, env: [String: String] = [:]) throws {
        socket = NSTemporaryDirectory() + "kt-tmux-\(UUID().uuidString.prefix(8)).sock"
        home = NSTemporaryDirectory() + "kt-home-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        let command = ([Tmux.binary] + args).map(Tmux.quote).joined(separator: " ")
        var envArgs: [String] = []
        let base = ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TERM": "xterm-256color", "HOME": home,
                    "XDG_DATA_HOME": home + "/data", "KERNTEAM_LOG": ""]
        for (k, v) in base.merging(env, uniquingKeysWith: { $1 }) { envArgs += ["-e", "\(k)=\(v)"] }
        let shell = "\(command); echo \"[exit $?]\"; sleep 60"
        // The tmux server forks off and would hold a captured pipe open for ever: no capture here.
        let r = Tmux.run("/usr/bin/env", ["tmux", "-S", socket, "-f", "/dev/null", "new-session", "-d", "-s", session,
                                          "-x", "\(cols)", "-y", "\(rows)"] + envArgs + [shell], capture: false)
        guard r.status == 0 else { throw NSError(domain: "tmux", code: Int(r.status), userInfo: [NSLocalizedDescriptionKey: r.output]) }
    }

    deinit {
        _ = tmux(["kill-server"])
        try? FileManager.default.removeItem(atPath: socket)
        try? FileManager.default.removeItem(atPath: home)
    }

    static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    @discardableResult
    func tmux(_ args: [String]) -> (status: Int32, output: String) {
        Tmux.run("/usr/bin/env", ["tmux", "-S", socket, "-f", "/dev/null"] + args)
    }

    /// Runs a program and waits for it with posix_spawn + waitpid. (Foundation's Process left the
    /// forking tmux client as an unreaped zombie and waited for ever.) Output goes through a file.
    static func run(_ tool: String, _ args: [String], env: [String: String]? = nil, capture: Bool = true) -> (status: Int32, output: String) {
        let outPath = NSTemporaryDirectory() + "kt-run-\(UUID().uuidString.prefix(8)).out"
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        let target = capture ? outPath : "/dev/null"
        posix_spawn_file_actions_addopen(&actions, 1, target, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        let argv = ([tool] + args).map { strdup($0) } + [nil]
        let environment = (env ?? ProcessInfo.processInfo.environment).map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { argv.forEach { free($0) }; environment.forEach { free($0) } }
        var pid = pid_t()
        guard posix_spawn(&pid, tool, &actions, nil, argv, environment) == 0 else { return (-1, "spawn failed") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let output = capture ? ((try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "") : ""
        try? FileManager.default.removeItem(atPath: outPath)
        let exited = (status & 0x7f) == 0
        return (exited ? (status >> 8) & 0xff : 128 + (status & 0x7f), output)
    }

    /// The screen as text.
    func screen() -> String { tmux(["capture-pane", "-t", session, "-p"]).output }

    /// The screen with colour and attribute escapes, to check what reaches the terminal.
    func screenWithEscapes() -> String { tmux(["capture-pane", "-t", session, "-p", "-e"]).output }

    /// Waits until the screen contains `text`; fails the test with the last screen if it never does.
    @discardableResult
    func waitFor(_ text: String, timeout: Double = 10, file: StaticString = #filePath, line: UInt = #line) -> String {
        waitUntil("screen never showed '\(text)'", timeout: timeout, file: file, line: line) { $0.contains(text) }
    }

    /// Waits until `done` holds for the screen, and the screen has settled; fails the test with the
    /// last screen (saying `what` was awaited) if it never does.
    @discardableResult
    func waitUntil(_ what: String, timeout: Double = 10, file: StaticString = #filePath, line: UInt = #line,
                   _ done: (String) -> Bool) -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = screen()
            if done(last) {
                // The text can show before the rest of the frame is drawn (a loaded machine): wait until
                // two captures in a row agree, so callers read a whole frame.
                var previous = last
                for _ in 0..<40 {
                    usleep(40_000)
                    let now = screen()
                    if now == previous { return now }
                    previous = now
                }
                return previous
            }
            usleep(50_000)
        }
        XCTFail("\(what). Last screen:\n\(last)", file: file, line: line)
        return last
    }

    /// Named keys (tmux names: Tab, BTab, Enter, Escape, Up, C-c …), one after another.
    func keys(_ names: String...) {
        for k in names { tmux(["send-keys", "-t", session, k]) }
    }

    /// Literal text, typed as is (UTF-8).
    func type(_ text: String) {
        tmux(["send-keys", "-t", session, "-l", text])
    }

    /// Walks down the focused pane, opening each row's details, until those of `id` show.
    func openDetail(of id: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        for _ in 0..<40 {
            keys("Enter")
            let s = waitFor("Details ", file: file, line: line)
            if s.contains("Details \(id) ") { return s }
            // Let the box close before moving on: an Escape and a letter sent together can merge.
            keys("Escape")
            waitUntil("the detail box never closed", file: file, line: line) { !$0.contains("Details ") }
            keys("j")
        }
        XCTFail("never reached \(id)", file: file, line: line)
        return screen()
    }

    func resize(_ cols: Int, _ rows: Int) {
        tmux(["resize-window", "-t", session, "-x", "\(cols)", "-y", "\(rows)"])
    }

    /// A tmux format value for the pane, e.g. `#{alternate_on}` or `#{pane_title}`.
    func paneFormat(_ format: String) -> String {
        tmux(["display-message", "-t", session, "-p", format]).output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// PID of the program running in the pane's shell (the kernteam process).
    func programPID() -> Int32? {
        let shellPID = paneFormat("#{pane_pid}")
        let r = Tmux.run("/usr/bin/env", ["pgrep", "-P", shellPID])
        return r.output.split(separator: "\n").compactMap { Int32($0) }.first
    }
}

/// A scratch folder with a copy of the demo log.
struct Scratch {
    let dir: String
    init() throws {
        dir = NSTemporaryDirectory() + "kt-e2e-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }

    func demoCopy(_ name: String = "demo.jsonl") throws -> String {
        let path = dir + "/" + name
        try FileManager.default.copyItem(atPath: Tmux.repoRoot.appendingPathComponent("Data/demo-log.jsonl").path, toPath: path)
        return path
    }

    /// Runs the CLI and returns stdout (and the exit status).
    func cli(_ args: [String]) -> (status: Int32, output: String) {
        var env = ProcessInfo.processInfo.environment
        env["LANG"] = "C.UTF-8"
        env["KERNTEAM_LOG"] = ""
        return Tmux.run(Tmux.binary, args, env: env)
    }

    func remove() { try? FileManager.default.removeItem(atPath: dir) }
}

/// A log's entries as JSON objects, in order (what the tests read back after the keys were typed).
func logEntries(_ log: String) throws -> [[String: Any]] {
    try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n").map {
        try XCTUnwrap(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
    }
}
