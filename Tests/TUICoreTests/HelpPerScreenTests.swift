import Foundation
import XCTest
import KernteamDomain
@testable import KernteamTUI
@testable import KernteamApp

/// Help per screen on the real loop: each screen shows its own keys from its key table, paired keys
/// each with their own words, wrapped rather than cut, searchable with `/`, closed back to the screen.
final class HelpPerScreenTests: XCTestCase {
    private func text(_ d: Driver) -> String { d.render().text }

    func testEachScreenHasItsOwnHelpAndClosingGoesBackThere() {
        let d = Driver(state: Fixture.demo, cols: 80, rows: 24)
        d.press(.char("?"))
        XCTAssertEqual(d.model.helpScreen, .main)
        XCTAssertTrue(text(d).contains("Toetsen · Hoofdscherm"), text(d))
        d.press(.escape)
        XCTAssertNil(d.model.overlay)

        d.press(.char("h"), .char("?"))
        XCTAssertEqual(d.model.helpScreen, .history)
        XCTAssertTrue(text(d).contains("Toetsen · Geschiedenis"), text(d))
        XCTAssertTrue(text(d).contains("document maken"), text(d))
        XCTAssertFalse(text(d).contains("nieuw item in dit paneel"), "not the main screen's keys")
        d.press(.char("q"))
        guard case .history = d.model.overlay else { return XCTFail("closing the help goes back to the history") }
        d.press(.enter, .char("?"))
        XCTAssertEqual(d.model.helpScreen, .chain)
        d.press(.escape, .escape, .escape)

        d.press(.char("D"), .char("?"))
        XCTAssertEqual(d.model.helpScreen, .dashboard)
        XCTAssertTrue(text(d).contains("volgende wijk"), text(d))
        d.press(.escape)
        guard case .dashboard = d.model.overlay else { return XCTFail("back to the dashboard") }
        d.press(.escape)

        d.press(.char("c"), .char("?"))
        XCTAssertEqual(d.model.helpScreen, .minutes)
        XCTAssertTrue(text(d).contains("notulen vaststellen"), text(d))
        d.press(.escape)
        guard case .minutes = d.model.overlay else { return XCTFail("back to the minutes") }
        d.press(.escape)

        // In a form `?` is typed text: F1 asks for help, and the form comes back as it was.
        d.press(.char("b"), .tab)
        d.type("Wat? Dit")
        d.press(.function(1))
        XCTAssertEqual(d.model.helpScreen, .form)
        XCTAssertTrue(text(d).contains("Toetsen · In een formulier"), text(d))
        d.press(.escape)
        guard case .form(let form) = d.model.overlay else { return XCTFail("back to the form") }
        XCTAssertTrue(form.fields.contains { $0.value == "Wat? Dit" }, "what was typed is still there")
        d.press(.escape, .char("j"))

        d.press(.char(":"), .function(1))
        XCTAssertEqual(d.model.helpScreen, .quickEntry)
        XCTAssertTrue(text(d).contains("a wijk eigenaar datum titel"), text(d))
        d.press(.escape)
        guard case .quickEntry = d.model.overlay else { return XCTFail("back to the line") }
        d.press(.escape)

        d.press(.char("a"), .char("?"))
        XCTAssertEqual(d.model.helpScreen, .attendance)
        XCTAssertTrue(text(d).contains("afgemeld, door naar de volgende"), text(d))
        d.press(.escape)
        guard case .attendance = d.model.overlay else { return XCTFail("back to the attendance") }
    }

    func testPairedKeysAreDescribedApart() {
        let main = KeyMap.help(for: .main)[0].keys
        func help(_ label: String) -> String? { main.first { $0.label == label }?.help.text }
        XCTAssertEqual(help("↑ / k"), "regel omhoog")
        XCTAssertEqual(help("↓ / j"), "regel omlaag")
        XCTAssertEqual(help("Home / g"), "eerste regel")
        XCTAssertEqual(help("End / G"), "laatste regel")
        XCTAssertNotEqual(help("K"), help("J"))
        XCTAssertNotEqual(help("+"), help("-"))
        XCTAssertNotEqual(help("PgUp"), help("PgDn"))
        // No two rows of one screen share a description.
        for screen in [HelpScreen.main, .form, .quickEntry, .attendance, .history, .chain, .dashboard, .minutes] {
            let texts = KeyMap.help(for: screen)[0].keys.map(\.help.text)
            XCTAssertEqual(Set(texts).count, texts.count, "\(screen): \(texts)")
        }
    }

    func testLongLinesWrapAt80Columns() {
        let d = Driver(state: Fixture.demo, cols: 80, rows: 24)
        d.press(.char("h"), .char("?"))
        let rows = d.render().textRows
        // "filteren op wijk of kern, periode, thema, soort en zoekwoorden" and the export line are longer
        // than the room beside the keys: their ends are on the next line, nothing ends in "…".
        let screen = rows.joined(separator: "\n")
        XCTAssertTrue(screen.contains("nieuwsbrief"), screen)
        XCTAssertTrue(screen.contains("zoekwoorden"), screen)
        XCTAssertFalse(rows.contains { $0.contains("…") && $0.contains("│") && ($0.contains("document") || $0.contains("filteren")) }, screen)
        for row in rows { XCTAssertLessThanOrEqual(DisplayWidth.of(row), 80) }
    }

    func testSearchWithSlash() {
        let d = Driver(state: Fixture.demo, cols: 80, rows: 24)
        d.press(.char("?"), .char("/"))
        d.type("beamer")
        let screen = text(d)
        XCTAssertTrue(screen.contains("Zoeken: beamer"), screen)
        XCTAssertTrue(screen.contains("beamermodus"), screen)
        XCTAssertFalse(screen.contains("regel omhoog"), "only matching keys: \(screen)")
        d.press(.enter)
        XCTAssertFalse(d.model.helpTyping)
        d.press(.escape)
        XCTAssertEqual(d.model.helpSearch, "", "Esc first clears the search")
        guard case .help = d.model.overlay else { return XCTFail("still in the help") }
        d.press(.char("/")); d.type("xyzzy")
        XCTAssertTrue(text(d).contains("Geen toets gevonden met 'xyzzy'"), text(d))
        d.press(.escape, .escape)
        XCTAssertNil(d.model.overlay)
    }
}
