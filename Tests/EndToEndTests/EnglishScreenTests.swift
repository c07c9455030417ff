import Foundation
import XCTest

/// `--lang en` (and LANG=en_…): the real binary speaks English on the screen, in its help and in
/// its errors. Data stays as recorded (Dutch texts, place names, ids), so the checks look for
/// Dutch words of the program itself, not of the log.
final class EnglishScreenTests: XCTestCase {
    override func setUpWithError() throws { try Tmux.requireTools() }

    /// Words of the Dutch UI that the demo log's own texts do not contain.
    static let dutchScreenWords = ["Signalen", "Acties", "Participatie", "? hulp", "q stop", "paneel", "Toetsen",
                                   "opgeslagen", "Vergadering", "nieuwe", "kies", "te beoordelen", "ALLEEN LEZEN", "Hoofdscherm"]
    /// Words of the Dutch CLI help and messages.
    static let dutchCLIWords = ["onbekende", "Onbekende", "Toont", "verplicht", "Opent", "Legt", "Bekend", "Kies uit",
                                "Het logbestand", "standaard", "vergadering", "Wijzigt", "Maakt", "Zonder", "Wie vastlegt"]

    func testDemoScreenAndHelpAreEnglish() throws {
        let app = try Tmux(["--lang", "en", "demo"], cols: 140, rows: 40)
        let main = app.waitFor("Participation")
        for word in ["Agenda", "Signals", "Actions", "Participation", "? help", "q quit"] {
            XCTAssertTrue(main.contains(word), "missing '\(word)' on the English screen:\n\(main)")
        }
        for word in Self.dutchScreenWords {
            XCTAssertFalse(main.contains(word), "Dutch UI word '\(word)' on the English screen:\n\(main)")
        }
        app.keys("?")
        let help = app.waitFor("Keys")
        for word in ["next pane", "Keys · Main screen", "open details", "line up", "line down", "Esc: close · /: search"] {
            XCTAssertTrue(help.contains(word), "missing '\(word)' in the English help:\n\(help)")
        }
        for word in Self.dutchScreenWords + ["volgend paneel", "details openen", "sluiten"] {
            XCTAssertFalse(help.contains(word), "Dutch UI word '\(word)' in the English help:\n\(help)")
        }
        app.keys("Escape", "q")
        app.waitFor("[exit 0]")
    }

    func testEnglishFromTheEnvironmentAndDutchByDefault() throws {
        let english = try Tmux(["demo"], cols: 120, rows: 30, env: ["LC_ALL": "", "LANG": "en_GB.UTF-8"])
        english.waitFor("Signals")
        english.keys("q")
        english.waitFor("[exit 0]")
        let dutch = try Tmux(["demo"], cols: 120, rows: 30)
        let screen = dutch.waitFor("Signalen")
        XCTAssertTrue(screen.contains("Participatie"), screen)
        dutch.keys("q")
        dutch.waitFor("[exit 0]")
    }

    func testCLIHelpAndErrorsAreEnglish() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let log = try scratch.demoCopy()
        let outputs = [
            scratch.cli(["--lang", "en", "--help"]),
            scratch.cli(["--help", "--lang", "en"]),
            scratch.cli(["--lang", "en", "add", "signal", "--help"]),
            scratch.cli(["--lang", "en", "export", "report", "--help"]),
            scratch.cli(["list", "signals", "--wijk", "Nergens", "--log", log, "--lang", "en"]),
            scratch.cli(["--lang=en", "set", "status", "A-999", "--to", "gereed", "--log", log]),
        ]
        XCTAssertTrue(outputs[0].output.contains("Opens the full screen"), outputs[0].output)
        XCTAssertTrue(outputs[2].output.contains("District (wijk)"), outputs[2].output)
        XCTAssertEqual(outputs[4].status, 1)
        XCTAssertTrue(outputs[4].output.contains("unknown district (wijk) 'Nergens'"), outputs[4].output)
        for out in outputs {
            for word in Self.dutchCLIWords {
                XCTAssertFalse(out.output.contains(word), "Dutch word '\(word)' in English CLI output:\n\(out.output)")
            }
        }
        // Dutch stays the default.
        let dutch = scratch.cli(["list", "signals", "--wijk", "Nergens", "--log", log])
        XCTAssertTrue(dutch.output.contains("onbekende wijk 'Nergens'"), dutch.output)
        XCTAssertTrue(scratch.cli(["--help"]).output.contains("Opent het volledige scherm"))
        // An unknown language is refused before anything runs.
        let bad = scratch.cli(["--lang", "fr", "list", "signals", "--log", log])
        XCTAssertNotEqual(bad.status, 0)
        XCTAssertTrue(bad.output.contains("--lang"), bad.output)
    }
}
