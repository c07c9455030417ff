import Foundation
import XCTest

/// `kernteam attend --name` (beleidsplan 1.2: others join the kernteam "op ad hoc basis"): an ad-hoc member
/// by name and organisation, also from outside the list, printed so in the minutes; an organisation outside
/// the list without a name is refused with exit 1 and nothing appended.
final class AdHocAttendanceFromTheCLITests: XCTestCase {
    func testAnAdHocMemberByNameAndOrganisationInTheMinutes() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let log = scratch.dir + "/log.jsonl"
        func run(_ args: [String]) -> (status: Int32, output: String) { scratch.cli(args + ["--log", log]) }
        XCTAssertEqual(run(["meeting", "prepare", "--kern", "Delfgauw", "--date", "2030-01-15", "--length", "60"]).status, 0)
        XCTAssertEqual(run(["attend", "--meeting", "V-1", "--org", "Politie", "--status", "aanwezig"]).status, 0)
        let named = run(["attend", "--meeting", "V-1", "--org", "School De Kameleon", "--name", "J. de Vries", "--status", "aanwezig"])
        XCTAssertEqual(named.status, 0, named.output)

        let lines = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n").count
        let refused = run(["attend", "--meeting", "V-1", "--org", "School De Kameleon", "--status", "aanwezig"])
        XCTAssertEqual(refused.status, 1, refused.output)
        XCTAssertTrue(refused.output.contains("met naam en organisatie"), refused.output)
        XCTAssertEqual(try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n").count, lines, "a refusal appends nothing")

        let last = try XCTUnwrap(String(contentsOfFile: log, encoding: .utf8).split(separator: "\n").last { $0.contains("attendance.recorded") })
        XCTAssertTrue(last.contains(#""name":"J. de Vries""#), String(last))

        let md = scratch.dir + "/notulen.md"
        XCTAssertEqual(run(["export", "minutes", "--meeting", "V-1", "--format", "md", "--out", md]).status, 0)
        let minutes = try String(contentsOfFile: md, encoding: .utf8)
        XCTAssertTrue(minutes.contains("Politie, School De Kameleon (J. de Vries)"), minutes)
    }
}
