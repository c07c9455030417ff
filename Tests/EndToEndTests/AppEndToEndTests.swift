import Foundation
import XCTest

/// The real binary under tmux with LANG=C.UTF-8, for what only a real terminal shows: resizing the
/// window, signals restoring the terminal, bracketed paste. The rest runs in process (`Tests/AppTests`).
final class AppEndToEndTests: XCTestCase {
    override func setUpWithError() throws { try Tmux.requireTools() }

    func testResizeDownToTinyAndBackWithoutCrash() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let log = try scratch.demoCopy()
        let app = try Tmux(["--log", log], cols: 120, rows: 40)
        app.waitFor("Participatie")
        for (c, r) in [(100, 30), (80, 24), (64, 16), (60, 15), (40, 10), (20, 5), (40, 10), (80, 24), (120, 40)] {
            app.resize(c, r)
            if c < 64 || r < 16 {
                // Even at 20x5 the first line ("Venster te klein:") fits.
                app.waitFor("te klein")
            } else {
                let s = app.waitFor("Participatie")
                XCTAssertFalse(s.contains("te klein"), "at \(c)x\(r):\n\(s)")
                // No line of the capture is wider than the window.
                for line in s.split(separator: "\n") {
                    XCTAssertLessThanOrEqual(line.count, c, "line wider than \(c): \(line)")
                }
            }
            XCTAssertFalse(app.screen().contains("[exit"), "the app ended at \(c)x\(r)")
        }
        let final = app.waitFor("Signalen")
        XCTAssertTrue(final.contains("Acties"), final)
        app.keys("q")
        app.waitFor("[exit 0]")
    }

    func testCtrlCAndSIGTERMRestoreTheTerminal() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let log = try scratch.demoCopy()
        do {
            let app = try Tmux(["--log", log], cols: 100, rows: 30)
            app.waitFor("Agenda")
            XCTAssertEqual(app.paneFormat("#{alternate_on}"), "1", "full-screen mode while running")
            app.keys("C-c")
            app.waitFor("[exit 0]")
            XCTAssertEqual(app.paneFormat("#{alternate_on}"), "0", "terminal restored after Ctrl-C")
        }
        do {
            let app = try Tmux(["--log", log], cols: 100, rows: 30)
            app.waitFor("Agenda")
            let pid = try XCTUnwrap(app.programPID())
            kill(pid, SIGTERM)
            app.waitFor("[exit")
            XCTAssertEqual(app.paneFormat("#{alternate_on}"), "0", "terminal restored after SIGTERM")
            XCTAssertEqual(app.paneFormat("#{cursor_flag}"), "1", "cursor visible again")
        }
    }

    /// Several lines pasted into a form (bracketed paste, as from an e-mail) arrive as one line of
    /// text in the field; the pasted line breaks do not save the form.
    func testPastedLinesDoNotSaveTheForm() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let log = try scratch.demoCopy()
        let before = try Data(contentsOf: URL(fileURLWithPath: log))
        let app = try Tmux(["--log", log], cols: 100, rows: 30)
        app.waitFor("Agenda")
        app.keys("b")
        app.waitFor("Nieuw besluit")
        app.keys("Tab"); app.type("Besluit: ")
        _ = app.tmux(["set-buffer", "-t", app.session, "bankjes plaatsen\nlangs de vijver\n"])
        _ = app.tmux(["paste-buffer", "-p", "-t", app.session])
        let pasted = app.waitFor("Besluit: bankjes plaatsen langs de vijver")
        XCTAssertTrue(pasted.contains("Nieuw besluit"), "the form is still open: \(pasted)")
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: log)), before, "nothing saved by the pasted line breaks")
        // Esc still works as a key after a paste, and the form asks before dropping the text.
        app.keys("Escape")
        app.waitFor("Formulier sluiten?")
    }
}

