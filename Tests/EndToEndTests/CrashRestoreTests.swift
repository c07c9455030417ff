import Foundation
import XCTest

/// The terminal is restored on every exit, a crash included: a trap in Swift (SIGILL or SIGTRAP), a
/// bad pointer (SIGSEGV) or abort (SIGABRT) leaves the alternate screen and shows the cursor again.
/// And a log with a line at the edge of 64 bits opens read-only; the dashboard key draws without
/// trapping (before, it crashed and left the terminal in the alternate screen).
final class CrashRestoreTests: XCTestCase {
    override func setUpWithError() throws { try Tmux.requireTools() }

    func testACrashSignalRestoresTheTerminal() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let log = try scratch.demoCopy()
        for signal in [SIGSEGV, SIGILL, SIGTRAP, SIGABRT] {
            let app = try Tmux(["--log", log], cols: 100, rows: 30)
            app.waitFor("Agenda")
            XCTAssertEqual(app.paneFormat("#{alternate_on}"), "1", "full-screen mode while running")
            XCTAssertEqual(app.paneFormat("#{cursor_flag}"), "0", "cursor hidden while running")
            let pid = try XCTUnwrap(app.programPID())
            kill(pid, signal)
            let screen = app.waitFor("[exit")
            XCTAssertTrue(screen.contains("[exit \(128 + signal)]"), "the signal still ends the process as it would: \(screen.suffix(200))")
            XCTAssertEqual(app.paneFormat("#{alternate_on}"), "0", "signal \(signal): alternate screen left")
            XCTAssertEqual(app.paneFormat("#{cursor_flag}"), "1", "signal \(signal): cursor visible again")
        }
        // Control: SIGKILL cannot be caught, so nothing restores the terminal: the checks above would see it.
        let app = try Tmux(["--log", log], cols: 100, rows: 30)
        app.waitFor("Agenda")
        kill(try XCTUnwrap(app.programPID()), SIGKILL)
        app.waitFor("[exit")
        XCTAssertEqual(app.paneFormat("#{alternate_on}"), "1", "control run: a killed process leaves the alternate screen on")
    }

    func testAnAmountAtTheEdgeOfSixtyFourBitsOpensReadOnlyAndTheDashboardDraws() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let source = try scratch.demoCopy("bron.jsonl")
        let log = scratch.dir + "/demo.jsonl"
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: source)))
        let edge = HostileFilesTests.chained(bytes, body: "\"type\":\"budget.allocated\",\"amount\":9223372036854775807,\"id\":\"BU-9\",\"kern\":\"Delfgauw\",\"wijk\":\"Emerald\",\"year\":2009}")
        try Data(edge).write(to: URL(fileURLWithPath: log))
        let app = try Tmux(["--log", log], cols: 100, rows: 30)
        let first = app.waitFor("Agenda")
        XCTAssertTrue(first.contains("ALLEEN LEZEN") || first.contains("buiten bereik"), first)
        app.keys("D")
        let dashboard = app.waitFor("Dashboard")
        XCTAssertFalse(dashboard.contains("[exit"), dashboard)
        app.keys("Escape", "q")
        app.waitFor("[exit 0]")
        XCTAssertEqual(app.paneFormat("#{alternate_on}"), "0")
        XCTAssertEqual(Array(try Data(contentsOf: URL(fileURLWithPath: log))), edge, "the log is byte-identical")
    }
}
