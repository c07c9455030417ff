import Foundation
import XCTest
import KernteamDomain
@testable import KernteamTUI
@testable import KernteamApp

/// Ad-hoc members in the attendance form (beleidsplan 1.2: others join "op ad hoc basis"): `g` asks the
/// organisation, then a name; a name is needed for an organisation outside the list, optional otherwise.
final class AdHocAttendanceFormTests: XCTestCase {
    private let v1 = RecordID(.meeting, 1)

    private func meetingUnderWay() -> KernteamState {
        Fixture.state([
            .meetingHeld(MeetingHeld(id: v1, kern: "Delfgauw", date: Day("2009-07-20")!, length: 120)),
            .agendaItemAdded(AgendaItemAdded(id: RecordID("AP-1")!, meeting: v1, title: "Verkeer Emerald", kern: "Delfgauw", wijk: "Emerald", minutes: 15)),
            .meetingOpened(MeetingOpened(ref: v1)),
        ])
    }

    private func screenText(_ d: Driver) -> String { d.render().textRows.joined(separator: "\n") }

    func testAGuestFromOutsideTheListNeedsANameAndIsSavedWithIt() throws {
        let d = Driver(state: meetingUnderWay(), cols: 100, rows: 30)
        d.press(.char("a"))
        d.press(.char("g")); d.keys("School De Kameleon")
        d.press(.enter)
        XCTAssertTrue(screenText(d).contains("Naam bij School De Kameleon"), screenText(d))
        d.press(.enter)                          // no name: refused on the form, nothing added
        XCTAssertTrue(screenText(d).contains("met naam en organisatie"), screenText(d))
        guard case .attendance(let waiting) = d.model.overlay else { return XCTFail("the form closed") }
        XCTAssertFalse(waiting.rows.contains { $0.org == "School De Kameleon" })
        d.keys("J. de Vries"); d.press(.enter)
        XCTAssertTrue(screenText(d).contains("School De Kameleon (J. de Vries)"), screenText(d))
        XCTAssertTrue(screenText(d).contains("Aanwezig (1): School De Kameleon (J. de Vries)"), screenText(d))
        d.press(.enter)                          // save
        XCTAssertNil(d.model.overlay, screenText(d))
        XCTAssertEqual(d.state.attendance[v1], ["School De Kameleon (J. de Vries)": .aanwezig])

        // Opened again: the row is there with its organisation and name; a change saves it under the same who.
        d.press(.char("a"))
        guard case .attendance(let sheet) = d.model.overlay else { return XCTFail("no attendance form") }
        let row = try XCTUnwrap(sheet.rows.first { $0.guest })
        XCTAssertEqual(row.org, "School De Kameleon")
        XCTAssertEqual(row.name, "J. de Vries")
        d.press(.end, .up)                       // the guest's row, just above the residents
        d.press(.char("f")); d.press(.enter)
        XCTAssertEqual(d.state.attendance[v1], ["School De Kameleon (J. de Vries)": .afgemeld])
    }

    func testAKnownOrganisationTakesANameOrNone() throws {
        let d = Driver(state: meetingUnderWay(), cols: 100, rows: 30)
        d.press(.char("a"))
        d.press(.char("g")); d.keys("ron"); d.press(.enter)   // Rondom Wonen, not a member in Delfgauw
        d.press(.enter)                                        // no name: the organisation's seat
        d.press(.char("g")); d.keys("poli"); d.press(.enter)  // Politie is a member: a named officer beside the seat
        d.keys("wijkagent K. Bos"); d.press(.enter)
        d.press(.enter)
        XCTAssertNil(d.model.overlay, screenText(d))
        XCTAssertEqual(d.state.attendance[v1], ["Rondom Wonen": .aanwezig, "Politie (wijkagent K. Bos)": .aanwezig])
    }
}
