import Foundation
import XCTest
import KernteamDomain
@testable import KernteamTUI
@testable import KernteamApp

/// The quick-entry line on the real program loop: `:` opens it, Enter shows what will be saved (or
/// what is missing, or asks which name is meant), a second Enter saves through the session, Esc goes
/// back to the line. Each kind: valid, invalid, ambiguous.
final class QuickEntryTests: XCTestCase {
    private let v1 = RecordID(.meeting, 1)
    private func id(_ s: String) -> RecordID { RecordID(s)! }

    /// The meeting of `Fixture.meetingUnderWay`: AP-1 (Emerald, about S-1), or AP-2 (the whole kern).
    private func meeting(wholeKern: Bool = false) -> KernteamState {
        Fixture.meetingUnderWay(secondItem: wholeKern)
    }

    private func line(_ d: Driver, file: StaticString = #filePath, line: UInt = #line) -> QuickLine? {
        guard case .quickEntry(let q)? = d.model.overlay else {
            XCTFail("the quick-entry line is not open: \(String(describing: d.model.overlay))", file: file, line: line)
            return nil
        }
        return q
    }

    private func isPreview(_ q: QuickLine?) -> Bool { if case .preview? = q?.stage { true } else { false } }

    func testAnActionFromOneLine() throws {
        let d = Driver(state: meeting(), cols: 80, rows: 24)
        let seq = d.state.lastSeq
        d.resetCount()
        d.type(":a Emerald politie 15-01 Drempels plaatsen")
        d.press(.enter)
        let q = line(d)
        XCTAssertTrue(isPreview(q), "Enter shows what will be saved: \(String(describing: q))")
        XCTAssertEqual(d.state.lastSeq, seq, "nothing saved before the second Enter")
        let screen = d.render().text
        for expected in ["Nieuwe actie", "Politie", "15-01-2010", "Drempels plaatsen", "Emerald", "S-1", "Bij agendapunt AP-1"] {
            XCTAssertTrue(screen.contains(expected), "preview shows \(expected):\n\(screen)")
        }
        d.press(.enter)
        XCTAssertEqual(d.keyCount, 2, "no keys beyond the line's text and two Enters")
        XCTAssertNil(d.model.overlay, "the line closes after saving")
        let action = try XCTUnwrap(d.state.actions.items.last?.value.created)
        XCTAssertEqual(action.title, "Drempels plaatsen")
        XCTAssertEqual(action.owner, "Politie")
        XCTAssertEqual(action.wijk, "Emerald")
        XCTAssertEqual(action.due, Day("2010-01-15"))
        XCTAssertEqual(action.meeting, v1)
        XCTAssertEqual(action.item, id("AP-1"))
        XCTAssertEqual(action.serves, [id("S-1")], "an action serves what the item is about, as in the form")
        XCTAssertEqual(d.model.selected[.actions], action.id, "shown in its list")
    }

    func testADecisionAndASignalAndAnInitiative() throws {
        let d = Driver(state: meeting(), cols: 80, rows: 24)
        d.type(":b Emerald Het kernteam besluit een verkeersplan te laten maken"); d.press(.enter, .enter)
        let decision = try XCTUnwrap(d.state.decisions.items.last?.value)
        XCTAssertEqual(decision.text, "Het kernteam besluit een verkeersplan te laten maken")
        XCTAssertEqual(decision.wijk, "Emerald")
        XCTAssertEqual(decision.item, id("AP-1"))

        // The wijk may be left out during an item that has one; a text starting with "De" is no place.
        d.type(":b De bewoners krijgen antwoord"); d.press(.enter, .enter)
        XCTAssertEqual(d.state.decisions.items.last?.value.text, "De bewoners krijgen antwoord")
        XCTAssertEqual(d.state.decisions.items.last?.value.wijk, "Emerald")

        d.type(":s Emerald verkeer bewoner Te hard gereden op de Emeraldlaan"); d.press(.enter, .enter)
        let signal = try XCTUnwrap(d.state.signals.items.last?.value)
        XCTAssertEqual(signal.text, "Te hard gereden op de Emeraldlaan")
        XCTAssertEqual(signal.theme, .verkeer)
        XCTAssertEqual(signal.source, .bewoner)
        XCTAssertEqual(signal.wijk, "Emerald")
        XCTAssertEqual(signal.item, id("AP-1"))

        // Names as the forms' typeahead takes them: the start of a name, of one of its words, any case.
        d.type(":s oud spel schouw Speeltoestel kapot"); d.press(.enter, .enter)
        let second = try XCTUnwrap(d.state.signals.items.last?.value)
        XCTAssertEqual(second.wijk, "Oud Delfgauw")
        XCTAssertEqual(second.theme, .spelen)
        XCTAssertEqual(second.source, .schouw)

        d.type(":i Emerald Bewoners willen een moestuin"); d.press(.enter, .enter)
        XCTAssertEqual(d.state.initiatives.items.last?.value.recorded.text, "Bewoners willen een moestuin")
    }

    func testWhatIsMissingOrUnknownIsSaidAndNothingIsSaved() throws {
        let d = Driver(state: meeting(wholeKern: true), cols: 80, rows: 24)
        let seq = d.state.lastSeq
        let cases: [(String, String)] = [
            ("x Emerald iets", Text.quickUnknownKind("x").text),
            ("b Het kernteam besluit", Text.quickNoWijk.text),          // no wijk, and the item has none
            ("a Emerald", Text.quickMissing(Text.fieldLabel(.owner).text).text),
            ("a Emerald brandweer Iets", Text.unknownOrganisation("brandweer", known: d.state.reference.organisations.map(\.name)).text),
            ("a Emerald politie 15-01", Text.quickMissing(Text.fieldLabel(.title).text).text),
            ("s Emerald vrkeer bewoner Iets", Text.quickUnknown(Text.fieldLabel(.theme).text, "vrkeer", Theme.allCases.map(\.rawValue)).text),
        ]
        for (typed, said) in cases {
            d.press(.char(":"))
            d.press(.ctrl("u"))
            d.type(typed)
            d.press(.enter)
            let q = line(d)
            XCTAssertFalse(isPreview(q), typed)
            XCTAssertEqual(q?.problem, [said], typed)
            XCTAssertEqual(q?.line.value, typed, "the line stays as typed")
            XCTAssertTrue(d.render().text.contains(String(said.prefix(30))), "\(typed): shown above the line\n\(d.render().text)")
            d.press(.escape)
            XCTAssertNil(d.model.overlay)
        }
        // A word that is no date is the start of the title.
        d.press(.char(":"), .ctrl("u")); d.type("a Emerald politie 31-02 Iets"); d.press(.enter)
        XCTAssertTrue(isPreview(line(d)), "31-02 is no date, so it is part of the title")
        d.press(.escape)
        XCTAssertEqual(line(d)?.line.value, "a Emerald politie 31-02 Iets", "Esc from the preview goes back to the line")
        d.press(.escape)
        XCTAssertEqual(d.state.lastSeq, seq, "nothing was saved")

        // The text typed is kept for the next `:`, marked: typing replaces it, an editing key edits it.
        d.press(.char(":"))
        XCTAssertEqual(line(d)?.line.value, "a Emerald politie 31-02 Iets")
        XCTAssertEqual(line(d)?.line.marked, true)
        d.type("b")
        XCTAssertEqual(line(d)?.line.value, "b")
    }

    func testAStartThatFitsSeveralNamesIsAsked() throws {
        let d = Driver(state: meeting(), cols: 80, rows: 24)
        d.type(":a gem 15-01 Bankjes plaatsen")
        d.press(.enter)
        guard case .asking(let a, _)? = line(d)?.stage else { return XCTFail("asked which owner: \(String(describing: line(d)))") }
        XCTAssertEqual(a.slot, .owner)
        XCTAssertEqual(a.options, ["Gemeente beheer", "Gemeente beleid"])
        let screen = d.render().text
        XCTAssertTrue(screen.contains(Text.quickWhich("Eigenaar", "gem").text), screen)
        XCTAssertTrue(screen.contains("2  Gemeente beleid"), screen)
        // Esc goes back to the line unchanged; 2 chooses the second and the line is read again.
        d.press(.escape)
        XCTAssertEqual(line(d)?.stage, .typing)
        d.press(.enter, .char("2"))
        XCTAssertEqual(line(d)?.line.value, "a Gemeente beleid 15-01 Bankjes plaatsen", "the name chosen is written into the line")
        XCTAssertTrue(isPreview(line(d)))
        d.press(.enter)
        XCTAssertEqual(d.state.actions.items.last?.value.created.owner, "Gemeente beleid")

        // A wijk by the start of one of its words: Zuidpolder/Noordpolder.
        d.type(":b Zuidpolder Dijk versterken"); d.press(.enter, .enter)
        XCTAssertEqual(d.state.decisions.items.last?.value.wijk, "Zuidpolder/Noordpolder")
        // A source: "s" fits several (swop, schouw, sociaal-platform) and is asked, ↓ Enter chooses.
        d.type(":s Emerald verkeer s Iets"); d.press(.enter)
        guard case .asking(let b, _)? = line(d)?.stage else { return XCTFail("asked which source") }
        XCTAssertEqual(b.slot, .source)
        XCTAssertEqual(Set(b.options), ["swop", "schouw", "sociaal-platform"])
        d.press(.down, .enter)
        XCTAssertTrue(isPreview(line(d)))
        d.press(.enter)
        XCTAssertEqual(d.state.signals.items.last?.value.source.rawValue, b.options[1])
    }

    func testTypeaheadShowsWhatFitsAndTabCompletes() throws {
        let d = Driver(state: meeting(wholeKern: true), cols: 80, rows: 24)
        d.type(":a ")
        var footer = d.render().textRows[23]
        XCTAssertTrue(footer.contains("Wijk:") && footer.contains("Emerald") && footer.contains("Oud Delfgauw"), footer)
        d.type("Emer")
        footer = d.render().textRows[23]
        XCTAssertTrue(footer.contains("Wijk: Emerald") && footer.contains("Tab"), footer)
        d.press(.tab)
        XCTAssertEqual(line(d)?.line.value, "a Emerald ")
        d.type("xyz")
        XCTAssertTrue(d.render().textRows[23].contains(Text.quickNoneFits("Eigenaar").text), d.render().textRows[23])
        d.press(.ctrl("w"))
        d.type("po")
        XCTAssertTrue(d.render().textRows[23].contains("Eigenaar: Politie"), d.render().textRows[23])
        d.press(.tab)
        XCTAssertEqual(line(d)?.line.value, "a Emerald Politie ")
    }

    func testARefusalOfTheSessionKeepsTheLine() throws {
        let d = Driver(state: meeting(), cols: 80, rows: 24)
        d.type(":b Emerald Verkeersplan laten maken")
        d.press(.enter)
        XCTAssertTrue(isPreview(line(d)))
        // The disk is full when the second Enter saves.
        d.session.failure = .ioFailure("schijf vol")
        d.press(.enter)
        let q = line(d)
        XCTAssertEqual(q?.stage, .typing, "back to the line")
        XCTAssertEqual(q?.line.value, "b Emerald Verkeersplan laten maken")
        XCTAssertEqual(q?.problem, ["schijf vol"], "with why it was not saved")
        XCTAssertEqual(d.model.writeFailure, "schijf vol")
        // Once the disk has room, Enter reads the line again and a second Enter saves it.
        d.session.failure = nil
        d.press(.enter, .enter)
        XCTAssertNil(d.model.overlay)
        XCTAssertEqual(d.state.decisions.items.last?.value.text, "Verkeersplan laten maken")
    }

    func testOnTheProjectorTheLineDoesNotOpen() {
        let d = Driver(state: meeting(), cols: 80, rows: 24)
        d.press(.char("p"), .char(":"))
        XCTAssertNil(d.model.overlay)
        XCTAssertEqual(d.model.message?.text, Text.projectorReadOnly.text)
    }
}
