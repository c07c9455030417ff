import Foundation
import XCTest
@testable import KernteamTUI

/// The app through its keys, in this process on the real log: what a person types is saved, survives a
/// restart, and is what the command line lists.
final class AppThroughKeysTests: XCTestCase {
    func testAddActionThroughKeysSurvivesRestartAndListShowsIt() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let log = try scratch.demoCopy()
        do {
            let app = InProcessApp(log: log, cols: 100, rows: 30)
            app.expect("Acties")
            app.keys("3", "n")
            app.expect("Nieuwe actie")
            app.type("Bankje plaatsen bij 's-Gravenhout, café Zoë")
            app.keys("Tab"); app.type("SWOP")
            app.keys("Tab"); app.type("2009-09-01")
            app.keys("Tab"); app.type("Emer")
            app.keys("Enter")
            let screen = app.expect("Actie A-15 opgeslagen")
            XCTAssertTrue(screen.contains("Bankje plaatsen"), screen)
            app.quit()
        }
        // Reopen: the action is still there.
        do {
            let app = InProcessApp(log: log, cols: 160, rows: 45)
            let list = app.expect("A-15")
            XCTAssertTrue(list.contains("Bankje plaatsen"), list)
            app.keys("3")
            let detail = app.openDetail(of: "A-15")
            XCTAssertTrue(detail.contains("Bankje plaatsen bij 's-Gravenhout, café Zoë"), detail)
            XCTAssertTrue(detail.contains("SWOP"), detail)
            XCTAssertTrue(detail.contains("01-09-2009"), detail)
            app.keys("Escape")
            app.quit()
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

    func testQuitAsksFirstWhenAFormHoldsText() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let log = try scratch.demoCopy()
        let before = try Data(contentsOf: URL(fileURLWithPath: log))
        let app = InProcessApp(log: log, cols: 100, rows: 30)
        app.expect("Agenda")
        app.keys("b")
        app.expect("Nieuw besluit")
        app.keys("Tab"); app.type("half getypt besluit")
        app.keys("C-c")
        app.expect("Stoppen?")
        app.keys("n")
        let back = app.expect("half getypt besluit")
        XCTAssertTrue(back.contains("Nieuw besluit"), back)
        XCTAssertFalse(app.program.isFinished)
        app.keys("C-c"); app.expect("Stoppen?"); app.keys("j")
        XCTAssertTrue(app.program.isFinished)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: log)), before, "nothing appended")
    }

    /// Keys typed while an entry is being saved wait their turn: nothing typed ahead is lost.
    func testKeysTypedWhileSavingAreHandledAfterTheAnswer() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let log = try scratch.demoCopy()
        let app = InProcessApp(log: log, cols: 100, rows: 30)
        // A decision, and at once (before the save is answered) the keys of a second one.
        app.terminal.press(.char("b"))
        app.terminal.type("Emer")
        app.terminal.press(.tab)
        app.terminal.type("Eerste besluit")
        app.terminal.press(.enter, .char("b"))
        app.terminal.type("Oud")
        app.terminal.press(.tab)
        app.terminal.type("Tweede besluit")
        app.terminal.press(.enter)
        app.program.settle()
        let list = scratch.cli(["list", "decisions", "--log", log, "--format", "json"])
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(list.output.utf8)) as? [[String: Any]])
        let texts = json.compactMap { $0["text"] as? String }
        XCTAssertEqual(Array(texts.suffix(2)), ["Eerste besluit", "Tweede besluit"], list.output)
        app.expect("opgeslagen")
    }
}
