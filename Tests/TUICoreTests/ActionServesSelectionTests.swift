import Foundation
import XCTest
import KernteamDomain
@testable import KernteamTUI
@testable import KernteamApp

/// A new action is for ("hoort bij") the signal or initiative selected in the pane the secretary came
/// from, or the decision she just recorded; otherwise for what the agenda item is about.
final class ActionServesSelectionTests: XCTestCase {
    private let v1 = RecordID(.meeting, 1)
    private func id(_ s: String) -> RecordID { RecordID(s)! }

    private func meeting() -> KernteamState {
        Fixture.state([
            .signalRecorded(SignalRecorded(id: id("S-1"), kern: "Delfgauw", wijk: "Emerald", theme: .verkeer, source: .bewoner, text: "Te hard gereden", date: Day("2009-07-01")!)),
            .signalRecorded(SignalRecorded(id: id("S-2"), kern: "Delfgauw", wijk: "Emerald", theme: .spelen, source: .bewoner, text: "Speeltuin kapot", date: Day("2009-07-02")!)),
            .meetingHeld(MeetingHeld(id: v1, kern: "Delfgauw", date: Day("2009-07-20")!, length: 120)),
            .agendaItemAdded(AgendaItemAdded(id: id("AP-1"), meeting: v1, title: "Emerald", kern: "Delfgauw", wijk: "Emerald", minutes: 15)),
            .meetingOpened(MeetingOpened(ref: v1)),
            .agendaItemStarted(AgendaItemStarted(ref: id("AP-1"))),
        ])
    }

    private func serves(_ d: Driver) -> String? {
        guard case .form(let f) = d.model.overlay else { return nil }
        return f.fields.first { $0.field == .serves }?.value
    }

    func testTheSignalSelectedInThePaneSheCameFrom() throws {
        let d = Driver(state: meeting())
        d.press(.char("2"))
        let rows = PaneContent(d.world, kern: d.model.kern, filter: nil).rows(.signals)
        let chosen = try XCTUnwrap(rows.ids.first { $0 == id("S-1") })
        while Reducer.selectedID(d.model, .signals, PaneContent(d.world, kern: d.model.kern, filter: nil)) != chosen { d.press(.down) }
        d.press(.char("3"), .char("n"))
        XCTAssertEqual(serves(d), "S-1")
        d.type("Snelheid meten"); d.press(.tab); d.keys("p"); d.press(.enter)
        XCTAssertEqual(d.state.actions.items.last?.value.created.serves, [id("S-1")])
    }

    func testTheDecisionJustRecorded() throws {
        let d = Driver(state: meeting())
        d.press(.char("2"), .char("3"))          // through the signals pane, then a decision is taken
        d.press(.char("b")); d.type("Speeltuin wordt hersteld"); d.press(.enter)
        let decision = try XCTUnwrap(d.state.decisions.items.last?.value.id)
        d.press(.char("n"))
        XCTAssertEqual(serves(d), decision.description, "the decision just taken, not the signal passed earlier")
    }

    func testOtherwiseNothingSelectedIsGuessed() {
        let d = Driver(state: meeting())
        d.press(.char("3"), .char("n"))           // from the agenda pane: an agenda item is not served
        XCTAssertEqual(serves(d), "")
    }
}
