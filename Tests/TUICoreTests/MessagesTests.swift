import Foundation
import XCTest
import KernteamDomain
@testable import KernteamTUI
@testable import KernteamApp

/// Messages that say what happened, on the real loop: what was saved in words, `q` going back from a
/// sub-screen, singulars, and a meeting dated in the future asked about before it opens.
final class MessagesTests: XCTestCase {
    private let v1 = RecordID(.meeting, 1)
    private func id(_ s: String) -> RecordID { RecordID(s)! }

    private func meeting(on date: String, open: Bool) -> KernteamState {
        Fixture.state([
            .meetingHeld(MeetingHeld(id: v1, kern: "Delfgauw", date: Day(date)!, length: 120)),
            .agendaItemAdded(AgendaItemAdded(id: id("AP-1"), meeting: v1, title: "Verkeer Emerald", kern: "Delfgauw", wijk: "Emerald", minutes: 15)),
            .agendaItemAdded(AgendaItemAdded(id: id("AP-2"), meeting: v1, title: "Rondvraag", kern: "Delfgauw", wijk: nil, minutes: 10)),
        ] + (open ? [.meetingOpened(MeetingOpened(ref: v1)), .agendaItemStarted(AgendaItemStarted(ref: id("AP-1")))] : []))
    }

    func testEveryConfirmationSaysWhatWasSaved() throws {
        let d = Driver(state: meeting(on: "2009-07-20", open: true))
        d.press(.char("b"))
        d.type("Snelheidsmetingen in Emerald")
        d.press(.enter)
        let decision = try XCTUnwrap(d.state.decisions.items.last?.value.id)
        XCTAssertEqual(d.model.message?.text, "Besluit \(decision) opgeslagen")
        XCTAssertTrue(d.render().text.contains("✓ Besluit \(decision) opgeslagen"), d.render().text)

        d.press(.char("3"), .char("n"))
        d.type("Drempels plaatsen")
        d.press(.tab); d.keys("p")
        d.press(.enter)
        let action = try XCTUnwrap(d.state.actions.items.last?.value.created.id)
        XCTAssertEqual(d.model.message?.text, "Actie \(action) opgeslagen")

        // An entry without an id of its own is named by what it is about.
        d.press(.char("s"), .enter)
        XCTAssertEqual(d.model.message?.text, "Status van actie \(action) opgeslagen: bezig")
        d.press(.char(">"))
        XCTAssertEqual(d.model.message?.text, "Nu aan de orde: AP-2 Rondvraag")
        XCTAssertFalse(d.model.message?.text.contains("regel") ?? true)
    }

    func testAMeetingDatedInTheFutureAsksBeforeItOpens() {
        let d = Driver(state: meeting(on: "2009-09-01", open: false))
        d.press(.char("o"))
        guard case .confirm(let c)? = d.model.overlay else { return XCTFail("opening a meeting planned for later asks first") }
        XCTAssertTrue(c.question.contains("01-09-2009"), c.question)
        XCTAssertTrue(d.render().text.contains("Toch nu openen?"), d.render().text)
        d.press(.char("n"))
        XCTAssertEqual(d.state.phase(of: v1), .prepared, "no: nothing opened")
        d.press(.char("o"), .char("j"))
        XCTAssertEqual(d.state.phase(of: v1), .open)
        XCTAssertEqual(d.model.message?.text, "Vergadering V-1 geopend")

        // A meeting of today opens at once.
        let today = Driver(state: meeting(on: "2009-07-20", open: false))
        today.press(.char("o"))
        XCTAssertEqual(today.state.phase(of: v1), .open)
    }

    func testQInASubScreenGoesBackAndCtrlCQuits() {
        let d = Driver(state: Fixture.demo)
        for (open, name) in [(Key.char("h"), "history"), (.char("D"), "dashboard"), (.char("?"), "help"), (.char("f"), "filter")] {
            d.press(open)
            XCTAssertNotNil(d.model.overlay, name)
            d.press(.char("q"))
            XCTAssertNil(d.model.overlay, "q in the \(name) goes back to the main screen")
            XCTAssertFalse(d.model.quit, "q in the \(name) does not quit")
        }
        d.press(.char("h"), .ctrl("c"))
        XCTAssertTrue(d.model.quit, "Ctrl-C quits from the history")
    }

    func testSingularsAreSingular() {
        XCTAssertEqual(Text.historyCount(1).nl, "1 item")
        XCTAssertEqual(Text.historyCount(2).nl, "2 items")
        XCTAssertEqual(Text.signalsCount(1).nl, "1 signaal")
        XCTAssertEqual(Text.meetingPrepared("V-2", 1).nl.contains("1 voorgesteld agendapunt"), true)
        XCTAssertEqual(Text.chainResidents(1).nl, "1 bewoner aanwezig")
        XCTAssertEqual(Text.verifyFailed(count: 1).nl, "Log NIET in orde: 1 probleem")
        // On screen: a history filtered down to one entry says "(1 item)".
        let d = Driver(state: meeting(on: "2009-07-20", open: true), cols: 120, rows: 30)
        d.press(.char("b"))
        d.type("Het enige besluit")
        d.press(.enter)
        d.press(.char("h"), .char("/"))
        d.type("enige")
        d.press(.enter)
        XCTAssertTrue(d.render().text.contains("(1 item)"), d.render().text)
    }
}
