import Foundation
import XCTest
import KernteamTUI
import KernteamSession

/// A log of 30,000 entries (10 MB) through the real binary and the app: the quick ways of reading it give what
/// the line-by-line way gives, and long operations show progress on a terminal but never in a pipe.
final class LargeLogTests: XCTestCase {
    override func setUpWithError() throws { try Tmux.requireTools() }

    /// One generated log for the tests of this class (generating it is most of their time); each test
    /// works on its own copy.
    private static let shared: (scratch: Scratch, log: String)? = {
        guard let scratch = try? Scratch() else { return nil }
        let log = scratch.dir + "/groot.jsonl"
        let r = HostileCLI.run(["demo", "--generate", "30000", "--out", log, "--seed", "3"])
        return r.status == 0 ? (scratch, log) : nil
    }()

    override class func tearDown() {
        shared?.scratch.remove()
        super.tearDown()
    }

    private func generated(_ scratch: Scratch) throws -> String {
        let source = try XCTUnwrap(Self.shared?.log, "the generator failed")
        let log = scratch.dir + "/groot.jsonl"
        try FileManager.default.copyItem(atPath: source, toPath: log)
        return log
    }

    func testProgressOnATerminalOnlyAndTheSameAnswersEitherWay() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let log = try generated(scratch)

        // Piped: clean output, nothing on stderr.
        let piped = HostileCLI.run(["list", "meetings", "--log", log, "--wijk", "Delfgauw"])
        XCTAssertEqual(piped.status, 0, piped.err)
        XCTAssertEqual(piped.err, "", "no progress line in a pipe")
        XCTAssertFalse(piped.out.contains("\r"))
        let verify = HostileCLI.run(["verify", "--log", log])
        XCTAssertEqual(verify.err, "")
        XCTAssertTrue(verify.out.hasPrefix("Log in orde: 30"), verify.out)

        // On a terminal (a pseudo-terminal from `script`): the progress line, then wiped.
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { throw XCTSkip("script(1) missing") }
        let command = [Tmux.binary, "list", "meetings", "--log", log, "--wijk", "Delfgauw"].map(Tmux.quote).joined(separator: " ")
        let onTerminal = Tmux.run("/usr/bin/script", ["-q", "-e", "-c", command + " >/dev/null", "/dev/null"])
        XCTAssertEqual(onTerminal.status, 0, onTerminal.output)
        XCTAssertTrue(onTerminal.output.contains("inlezen: "), onTerminal.output)
        XCTAssertTrue(onTerminal.output.contains("100%"), onTerminal.output)
        XCTAssertTrue(onTerminal.output.hasSuffix("\r\u{1B}[K"), "the line is wiped: \(onTerminal.output.debugDescription.suffix(40))")

        // `list decisions` for a wijk reads only what it needs; the JSON equals the full history's decisions.
        let quick = HostileCLI.run(["list", "decisions", "--log", log, "--wijk", "Emerald", "--format", "json"])
        XCTAssertEqual(quick.status, 0, quick.err)
        let listed = try XCTUnwrap(try JSONSerialization.jsonObject(with: quick.stdout) as? [[String: Any]])
        let history = HostileCLI.run(["history", "--log", log, "--wijk", "Emerald", "--kind", "besluit", "--format", "json"])
        XCTAssertEqual(history.status, 0, history.err)
        let fromHistory = try XCTUnwrap(try JSONSerialization.jsonObject(with: history.stdout) as? [[String: Any]])
        XCTAssertGreaterThan(listed.count, 100)
        XCTAssertEqual(Set(listed.compactMap { $0["id"] as? String }), Set(fromHistory.compactMap { $0["id"] as? String }))
        XCTAssertTrue(FileManager.default.fileExists(atPath: log + ".checked"), "the checked prefix was recorded")
    }

    /// The app reads it off the input loop, showing how far it is, then shows the head; moving and
    /// switching panes work. (In process on a TestTerminal: the same program as on a real terminal.)
    func testTheAppOpensItAt80x24() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let log = try generated(scratch)
        let terminal = TestTerminal(cols: 80, rows: 24)
        terminal.keepsFrames = true
        let app = InProcessApp(log: log, terminal: terminal)
        let progress = terminal.frames.map(\.text).filter { $0.contains("Log lezen…") }
        XCTAssertFalse(progress.isEmpty, "the screen showed that the log was being read")
        XCTAssertTrue(progress.contains { $0.contains("%") && $0.contains("groot.jsonl") }, progress.last ?? "")
        terminal.keepsFrames = false
        let screen = app.expect("opgeslagen #30")
        XCTAssertTrue(screen.contains("Signalen ("), screen)
        app.keys("2")
        let focused = app.expect("▶S-")
        let firstRow = focused.split(separator: "\n").firstIndex { $0.contains("▶S-") }
        app.keys("j", "j")
        let moved = app.screen
        let movedRow = moved.split(separator: "\n").firstIndex { $0.contains("▶S-") }
        XCTAssertEqual(movedRow, firstRow.map { $0 + 2 }, moved)
        app.quit()
    }

    /// Opening a large log keeps a snapshot beside it (in the background after the first frame; the
    /// quit waits for it); the next open reads it and folds only what was appended since, and shows
    /// the same as a fold of the whole log.
    func testTheAppKeepsASnapshotAndTheNextOpenUsesIt() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let log = try generated(scratch)
        let snapshot = Snapshot.path(forLog: log)
        let first = InProcessApp(log: log, cols: 160, rows: 45)
        _ = first.expect("opgeslagen #30000")
        first.quit()
        XCTAssertTrue(FileManager.default.fileExists(atPath: snapshot), "a log of 30,000 lines gets a snapshot")
        // Another process appends (the CLI); the app opens from the snapshot plus that line.
        let added = HostileCLI.run(["add", "decision", "--log", log, "--wijk", "Emerald", "--text", "Na de snapshot genomen"])
        XCTAssertEqual(added.status, 0, added.err)
        let reopened = try Session.open(path: log, reference: nil, role: .cli, readOnly: true)
        XCTAssertTrue(reopened.openedFromSnapshot)
        XCTAssertEqual(reopened.state, try Session.open(path: log, reference: nil, role: .cli, readOnly: true, useSnapshot: false).state)
        let second = InProcessApp(log: log, cols: 160, rows: 45)
        _ = second.expect("opgeslagen #30001")
        second.quit()
    }
}
