import Foundation
import XCTest
import KernteamDomain

/// Ad-hoc members by name and organisation (beleidsplan 1.2 "Kernteams": others join "op ad hoc basis"),
/// through the Validator and the fold: a name makes a separate line, lets the organisation be one outside
/// the reference data, and is what the minutes print; without a name the organisation must be known.
final class AdHocAttendanceRuleTests: XCTestCase {
    private var reference: ReferenceData!
    private let v1 = RecordID(.meeting, 1)

    override func setUpWithError() throws { reference = try shippedReference() }

    private func state(_ events: [Event]) -> KernteamState {
        var s = KernteamState()
        let all: [Event] = [.referenceSet(reference),
                            .meetingHeld(MeetingHeld(id: v1, kern: "Delfgauw", date: Day("2009-07-20")!, length: 120))] + events
        for (i, e) in all.enumerated() { s.apply(LoggedEvent(seq: i + 1, timestamp: "2009-07-20T19:00:00Z", role: .secretaris, event: e)) }
        return s
    }

    private func validate(_ s: KernteamState, _ values: [DraftField: String]) -> Result<Event, Refusal> {
        Validator(state: s, today: Day("2009-07-20")!).validate(.attendance, Draft(values), meeting: nil, target: v1)
    }

    func testAdHocMembersByNameAndOrganisation_beleidsplan_1_2() {
        let s = state([])
        let long = String(repeating: "x", count: 81)
        let table: [(org: String, name: String?, org_: String?, who: String?)] = [
            ("Politie", nil, "Politie", "Politie"),                                          // a seat, as before
            ("politie", "wijkagent K. Bos", "Politie", "Politie (wijkagent K. Bos)"),        // a member's person, spelled as the reference data
            ("School De Kameleon", "J. de Vries", "School De Kameleon", "School De Kameleon (J. de Vries)"), // outside the list, with a name
            ("School De Kameleon", nil, nil, nil),                                           // outside the list without a name: refused
            ("School De Kameleon", long, nil, nil),                                          // a name is a line, not a story
            (long, "J. de Vries", nil, nil),
        ]
        for row in table {
            var values: [DraftField: String] = [.org: row.org, .attendance: "aanwezig"]
            values[.name] = row.name
            let r = validate(s, values)
            if let org = row.org_ {
                guard case .success(.attendanceRecorded(let a)) = r else { return XCTFail("\(row.org) \(row.name ?? "-"): \(r)") }
                XCTAssertEqual(a.org, org)
                XCTAssertEqual(a.name, row.name)
                XCTAssertEqual(a.who, row.who)
            } else {
                guard case .failure(let f) = r else { return XCTFail("\(row.org) \(row.name ?? "-") accepted") }
                XCTAssertFalse(f.problems.isEmpty)
                if row.name == nil {
                    XCTAssertTrue(f.problems.contains { $0.message.text.contains("met naam en organisatie") }, "\(f.problems)")
                }
            }
        }
    }

    /// The fold keeps attendance per who: the seat and a named person are separate lines, a later entry for
    /// the same person changes that line; the minutes print the name beside the organisation.
    func testAttendanceIsKeptPerWhoAndTheMinutesNameThem_beleidsplan_1_2() throws {
        let s = state([
            .attendanceRecorded(AttendanceRecorded(meeting: v1, org: "Politie", status: .aanwezig)),
            .attendanceRecorded(AttendanceRecorded(meeting: v1, org: "Politie", status: .aanwezig, name: "wijkagent K. Bos")),
            .attendanceRecorded(AttendanceRecorded(meeting: v1, org: "School De Kameleon", status: .afgemeld, name: "J. de Vries")),
            .attendanceRecorded(AttendanceRecorded(meeting: v1, org: "School De Kameleon", status: .aanwezig, name: "J. de Vries")),
        ])
        XCTAssertEqual(s.attendance[v1], ["Politie": .aanwezig, "Politie (wijkagent K. Bos)": .aanwezig, "School De Kameleon (J. de Vries)": .aanwezig])
        let minutes = try XCTUnwrap(MinutesContent(meeting: v1, state: s, now: Date()))
        let present = try XCTUnwrap(minutes.attendance.first { $0.status == .aanwezig })
        XCTAssertEqual(present.orgs, ["Politie", "Politie (wijkagent K. Bos)", "School De Kameleon (J. de Vries)"])
    }

    /// An entry without a name is what older logs hold: read as the organisation's seat, as before.
    func testALineWithoutNameReadsAsBefore() throws {
        let line = #"{"meeting":"V-1","org":"Politie","status":"aanwezig"}"#
        let a = try JSONDecoder().decode(AttendanceRecorded.self, from: Data(line.utf8))
        XCTAssertNil(a.name)
        XCTAssertEqual(a.who, "Politie")
        let named = try JSONEncoder().encode(AttendanceRecorded(meeting: v1, org: "School De Kameleon", status: .aanwezig, name: "J. de Vries"))
        XCTAssertTrue(String(decoding: named, as: UTF8.self).contains(#""name":"J. de Vries""#))
        XCTAssertFalse(String(decoding: try JSONEncoder().encode(a), as: UTF8.self).contains("name"), "no name, no field")
    }
}
