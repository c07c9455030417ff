import Foundation
import XCTest

/// The real binary under tmux with LANG=C.UTF-8: what a person sees and types.
final class AppEndToEndTests: XCTestCase {
    override func setUpWithError() throws { try Tmux.requireTools() }

    func testAddActionThroughKeysSurvivesRestartAndListShowsIt() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let log = try scratch.demoCopy()
        do {
            let app = try Tmux(["--log", log], cols: 100, rows: 30)
            app.waitFor("Acties")
            app.keys("3", "n")
            app.waitFor("Nieuwe actie")
            app.type("Bankje plaatsen bij 's-Gravenhout, café Zoë")
            app.keys("Tab"); app.type("Emer")
            app.keys("Tab"); app.type("SWOP")
            app.keys("Tab", "Tab"); app.type("2009-09-01")
            app.keys("Enter")
            let screen = app.waitFor("Opgeslagen: A-15")
            XCTAssertTrue(screen.contains("Bankje plaatsen"), screen)
            app.keys("q")
            app.waitFor("[exit 0]")
        }
        // Reopen: the action is still there.
        do {
            let app = try Tmux(["--log", log], cols: 160, rows: 45)
            app.waitFor("Acties")
            let list = app.waitFor("A-15")
            XCTAssertTrue(list.contains("Bankje plaatsen"), list)
            app.keys("3")
            let detail = app.openDetail(of: "A-15")
            XCTAssertTrue(detail.contains("Bankje plaatsen bij 's-Gravenhout, café Zoë"), detail)
            XCTAssertTrue(detail.contains("SWOP"), detail)
            XCTAssertTrue(detail.contains("01-09-2009"), detail)
            app.keys("Escape", "q")
            app.waitFor("[exit 0]")
        }
        // The CLI lists what the screen showed.
        let list = scratch.cli(["list", "actions", "--log", log, "--format", "json", "--wijk", "emerald"])
        XCTAssertEqual(list.status, 0, list.output)
        let json = try JSONSerialization.jsonObject(with: Data(list.output.utf8)) as! [[String: Any]]
        let added = try XCTUnwrap(json.first { $0["id"] as? String == "A-15" })
        XCTAssertEqual(added["title"] as? String, "Bankje plaatsen bij 's-Gravenhout, café Zoë")
        XCTAssertEqual(added["owner"] as? String, "SWOP")
        XCTAssertEqual(added["due"] as? String, "2009-09-01")
        XCTAssertEqual(added["status"] as? String, "open")
        XCTAssertEqual(scratch.cli(["verify", "--log", log]).status, 0)
    }

    func testResizeDownToTinyAndBackWithoutCrash() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let log = try scratch.demoCopy()
        let app = try Tmux(["--log", log], cols: 120, rows: 40)
        app.waitFor("Participatie")
        for (c, r) in [(100, 30), (80, 24), (64, 16), (60, 15), (40, 10), (20, 5), (40, 10), (80, 24), (120, 40)] {
            app.resize(c, r)
            if c < 64 || r < 16 {
                if c >= 30 { app.waitFor("te klein") }
                else { usleep(300_000) }
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

    func testQuitAsksFirstWhenAFormHoldsText() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let log = try scratch.demoCopy()
        let before = try Data(contentsOf: URL(fileURLWithPath: log))
        let app = try Tmux(["--log", log], cols: 100, rows: 30)
        app.waitFor("Agenda")
        app.keys("b")
        app.waitFor("Nieuw besluit")
        app.keys("Tab"); app.type("half getypt besluit")
        app.keys("C-c")
        app.waitFor("Stoppen?")
        app.keys("n")
        let back = app.waitFor("half getypt besluit")
        XCTAssertTrue(back.contains("Nieuw besluit"), back)
        app.keys("C-c"); app.waitFor("Stoppen?"); app.keys("j")
        app.waitFor("[exit 0]")
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: log)), before, "nothing appended")
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

