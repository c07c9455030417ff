import Foundation
import XCTest
import KernteamDomain
@testable import KernteamTUI
@testable import KernteamApp

/// The targets, counted on the real program loop as a secretary types during a meeting, from
/// the main screen with the agenda in focus: every key pressed counts, the text of a title or decision
/// does not (`Driver.type`), letters typed to choose an owner or a date do (`Driver.keys`).
/// Before: an action with owner and due date took 24 keys plus its title, a decision 7 plus its text,
/// attendance for six organisations about 45.
final class KeyCountTests: XCTestCase {
    private let v1 = RecordID(.meeting, 1)
    private func id(_ s: String) -> RecordID { RecordID(s)! }

    /// An open Delfgauw meeting with the Emerald item AP-1 under discussion.
    private func meetingUnderWay() -> KernteamState {
        Fixture.state([
            .meetingHeld(MeetingHeld(id: v1, kern: "Delfgauw", date: Day("2009-07-20")!, length: 120)),
            .agendaItemAdded(AgendaItemAdded(id: id("AP-1"), meeting: v1, title: "Verkeer Emerald", kern: "Delfgauw", wijk: "Emerald", minutes: 15)),
            .agendaItemAdded(AgendaItemAdded(id: id("AP-2"), meeting: v1, title: "Rondvraag", kern: "Delfgauw", wijk: nil, minutes: 10)),
            .meetingOpened(MeetingOpened(ref: v1)),
            .agendaItemStarted(AgendaItemStarted(ref: id("AP-1"))),
        ])
    }

    func testAnActionWithOwnerAndDueDateThroughTheFormInAtMost15KeysPlusItsTitle() throws {
        let d = Driver(state: meetingUnderWay(), cols: 80, rows: 24)
        d.resetCount()
        d.press(.char("3"), .char("n"))             // the actions pane, a new action
        d.type("Drempels plaatsen")                  // the title (not counted)
        d.press(.tab); d.keys("p")                   // owner: Politie
        d.press(.tab); d.keys("15-01")               // deadline: the next 15 January
        d.press(.enter)
        let action = try XCTUnwrap(d.state.actions.items.last?.value.created)
        XCTAssertEqual(action.title, "Drempels plaatsen")
        XCTAssertEqual(action.owner, "Politie")
        XCTAssertEqual(action.due, Day("2010-01-15"))
        XCTAssertEqual(action.wijk, "Emerald")
        XCTAssertEqual(action.meeting, v1)
        XCTAssertEqual(action.item, id("AP-1"))
        XCTAssertLessThanOrEqual(d.keyCount, 15)
        XCTAssertEqual(d.keyCount, 11, "3 n, Tab p, Tab 15-01, Enter")
    }

    func testADecisionInAtMost5KeysPlusItsText() throws {
        let d = Driver(state: meetingUnderWay(), cols: 80, rows: 24)
        d.resetCount()
        d.press(.char("b"))
        d.type("Het kernteam laat snelheidsmetingen doen")
        d.press(.enter)
        let decision = try XCTUnwrap(d.state.decisions.items.last?.value)
        XCTAssertEqual(decision.text, "Het kernteam laat snelheidsmetingen doen")
        XCTAssertEqual(decision.wijk, "Emerald")
        XCTAssertEqual(decision.item, id("AP-1"))
        XCTAssertEqual(d.keyCount, 2, "b, Enter")

        // Under an item about the whole kern, the wijk is chosen: still within the target.
        d.press(.char(">"))
        XCTAssertEqual(d.state.currentItem(v1)?.id, id("AP-2"))
        d.resetCount()
        d.press(.char("b")); d.keys("o"); d.press(.tab)
        d.type("Oud Delfgauw krijgt een AED")
        d.press(.enter)
        XCTAssertEqual(d.state.decisions.items.last?.value.wijk, "Oud Delfgauw")
        XCTAssertLessThanOrEqual(d.keyCount, 5)
    }
}
