import Foundation
import XCTest
import KernteamDomain
@testable import KernteamTUI
@testable import KernteamApp

/// The attendance form on the real loop: every member organisation of the kern in one form, one key
/// per organisation, guests, residents, and saving as one entry per change.
final class AttendanceFormTests: XCTestCase {
    private let v1 = RecordID(.meeting, 1)
    private func id(_ s: String) -> RecordID { RecordID(s)! }

    /// An open Delfgauw meeting (nine member organisations: Rondom Wonen takes part in Pijnacker only).
    private func meetingUnderWay(_ more: [Event] = []) -> KernteamState {
        Fixture.state([
            .meetingHeld(MeetingHeld(id: v1, kern: "Delfgauw", date: Day("2009-07-20")!, length: 120)),
            .agendaItemAdded(AgendaItemAdded(id: id("AP-1"), meeting: v1, title: "Verkeer Emerald", kern: "Delfgauw", wijk: "Emerald", minutes: 15)),
            .meetingOpened(MeetingOpened(ref: v1)),
        ] + more)
    }

    private func screenText(_ d: Driver) -> String { d.render().textRows.joined(separator: "\n") }

    func testOneFormListsEveryMemberOrganisationOfTheKernAndTheHeaderSaysWhoIsPresent() throws {
        let d = Driver(state: meetingUnderWay([.attendanceRecorded(AttendanceRecorded(meeting: v1, org: "Politie", status: .aanwezig))]))
        d.press(.char("a"))
        guard case .attendance(let sheet) = d.model.overlay else { return XCTFail("no attendance form") }
        XCTAssertEqual(sheet.rows.map(\.org), ["Wijkmanager", "Politie", "Jongerenwerk", "Vestia", "Opbouwwerk", "SWOP",
                                               "Gemeente beheer", "Gemeente beleid", "Bewonersvereniging"])
        XCTAssertEqual(sheet.rows[1].status, .aanwezig, "what the log has is shown")
        let screen = screenText(d)
        XCTAssertTrue(screen.contains("Aanwezig (1): Politie"), screen)
        XCTAssertTrue(screen.contains("Bewonersvereniging"), screen)
        XCTAssertTrue(screen.contains("Bewoners (aantal)"), screen)
        XCTAssertFalse(screen.contains("Rondom Wonen"), "not a member in Delfgauw")
        // Marking updates the header before anything is saved.
        d.press(.char("a"))
        XCTAssertTrue(screenText(d).contains("Aanwezig (2): Wijkmanager, Politie"), screenText(d))
    }

    func testAttendanceForSixOrganisationsInAtMost12Keys() throws {
        let d = Driver(state: meetingUnderWay(), cols: 80, rows: 24)
        let before = d.state.attendance[v1] ?? [:]
        XCTAssertTrue(before.isEmpty)
        d.resetCount()
        d.press(.char("a"))                                          // the attendance form
        d.press(.char("a"), .char("a"), .char("f"), .char("a"), .char("w"), .char("a"))   // six organisations
        d.press(.enter)
        XCTAssertNil(d.model.overlay)
        XCTAssertEqual(d.state.attendance[v1], ["Wijkmanager": .aanwezig, "Politie": .aanwezig, "Jongerenwerk": .afgemeld,
                                                 "Vestia": .aanwezig, "Opbouwwerk": .afwezig, "SWOP": .aanwezig])
        XCTAssertLessThanOrEqual(d.keyCount, 12)
        XCTAssertEqual(d.keyCount, 8, "a, six keys, Enter")
        XCTAssertEqual(d.model.message?.text, "Aanwezigheid V-1 opgeslagen: 4 aanwezig, 2 afgemeld of afwezig")
    }

    func testEveryoneElsePresentGuestsAndResidentsInOneSave() throws {
        let d = Driver(state: meetingUnderWay(), cols: 80, rows: 24)
        d.press(.char("a"))
        d.press(.char("f"))                  // Wijkmanager sent apologies
        d.press(.char("A"))                  // everyone else came
        d.press(.char("g")); d.keys("ron")   // a guest from Rondom Wonen
        XCTAssertTrue(screenText(d).contains("Rondom Wonen"), screenText(d))
        d.press(.enter, .enter)              // the organisation, then no name: its seat
        d.press(.end); d.keys("12")           // twelve residents
        d.press(.enter)
        let attendance = try XCTUnwrap(d.state.attendance[v1])
        XCTAssertEqual(attendance.count, 10)
        XCTAssertEqual(attendance["Wijkmanager"], .afgemeld)
        XCTAssertEqual(attendance["Rondom Wonen"], .aanwezig)
        XCTAssertEqual(attendance.values.filter { $0 == .aanwezig }.count, 9)
        XCTAssertEqual(d.state.residentsPresent[v1], 12)
        XCTAssertEqual(d.model.message?.text, "Aanwezigheid V-1 opgeslagen: 9 aanwezig, 1 afgemeld of afwezig, 12 bewoners")

        // Opened again: the guest is on the sheet, nothing changed saves nothing.
        let entries = d.state.lastSeq
        d.press(.char("a"))
        guard case .attendance(let sheet) = d.model.overlay else { return XCTFail("no attendance form") }
        XCTAssertTrue(sheet.rows.contains { $0.org == "Rondom Wonen" && $0.guest })
        d.press(.enter)
        XCTAssertEqual(d.state.lastSeq, entries)
        XCTAssertEqual(d.model.message?.text, "Aanwezigheid ongewijzigd; niets opgeslagen")

        // One change saves one entry.
        d.press(.char("a"), .char("a"))
        d.press(.enter)
        XCTAssertEqual(d.state.lastSeq, entries + 1)
        XCTAssertEqual(d.state.attendance[v1]?["Wijkmanager"], .aanwezig)
    }

    func testARefusalStopsTheSaveAndKeepsTheSheetAsTyped() throws {
        let d = Driver(state: meetingUnderWay(), cols: 80, rows: 24)
        d.press(.char("a"))
        d.press(.char("a"), .char("a"))
        d.press(.end); d.keys("99999")       // more residents than the rules allow
        d.press(.enter)
        guard case .attendance(let sheet) = d.model.overlay else { return XCTFail("the form closed on a refusal") }
        XCTAssertEqual(sheet.residents.value, "99999", "what was typed is kept")
        XCTAssertFalse(sheet.problem.isEmpty)
        XCTAssertTrue(screenText(d).contains("99999"))
        // The two statuses were saved; the count was not.
        XCTAssertEqual(d.state.attendance[v1]?.count, 2)
        XCTAssertNil(d.state.residentsPresent[v1])
        d.press(.backspace, .enter)
        XCTAssertNil(d.model.overlay)
        XCTAssertEqual(d.state.residentsPresent[v1], 9999)
    }

    func testEscapeWithChangesAsksFirst() throws {
        let d = Driver(state: meetingUnderWay(), cols: 80, rows: 24)
        d.press(.char("a"), .char("a"), .escape)
        guard case .confirm = d.model.overlay else { return XCTFail("closing with changes should ask") }
        d.press(.char("n"))
        guard case .attendance = d.model.overlay else { return XCTFail("n goes back to the form") }
        d.press(.escape, .char("j"))
        XCTAssertNil(d.model.overlay)
        XCTAssertNil(d.state.attendance[v1])
    }
}
