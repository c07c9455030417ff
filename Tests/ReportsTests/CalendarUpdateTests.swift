import Foundation
import XCTest
import KernteamDomain
import KernteamReports
import KernteamSession

/// The calendar as an agenda program sees it, read by a real iCalendar parser (Python `icalendar`):
/// one UID per record through all its changes, SEQUENCE rising with each, STATUS:CANCELLED at the
/// end, and no UID shared by two logs.
final class CalendarUpdateTests: XCTestCase {
    let v1 = RecordID(.meeting, 1), a1 = RecordID(.action, 1), a2 = RecordID(.action, 2)

    /// A new log with one meeting (with an agenda item) and two actions with deadlines.
    func newLog(_ dir: URL, _ name: String) throws -> Session {
        let s = try Session.open(path: dir.appendingPathComponent(name).path, reference: Fixture.reference, clock: { Fixture.stamp })
        try s.append(.meetingHeld(MeetingHeld(id: v1, kern: "Delfgauw", date: Day("2009-09-01")!)))
        try s.append(.agendaItemAdded(AgendaItemAdded(id: RecordID(.agendaItem, 1), meeting: v1, title: "Schouw Emerald",
                                                      kern: "Delfgauw", wijk: "Emerald", minutes: 20)))
        try s.append(.actionCreated(ActionCreated(id: a1, kern: "Delfgauw", wijk: "Emerald", title: "Schouw plannen",
                                                  owner: "Wijkmanager", due: Day("2009-09-15")!, meeting: v1)))
        try s.append(.actionCreated(ActionCreated(id: a2, kern: "Delfgauw", wijk: "Emerald", title: "Bewoners uitnodigen",
                                                  owner: "Opbouwwerk", due: Day("2009-09-20")!, meeting: v1)))
        return s
    }

    func export(_ s: Session, _ dir: URL, _ name: String, places: [String: String] = [:]) throws -> String {
        let path = dir.appendingPathComponent(name).path
        try CalendarExport.ics(state: s.state, identity: s.logIdentity, stamp: Fixture.stamp, places: places)
            .write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func testCreatedCorrectedCancelledWithdrawnKeepsOneUIDWithRisingSequence() throws {
        let dir = Fixture.temporaryDirectory("ics-updates")
        let s = try newLog(dir, "log.jsonl")
        var files = [try export(s, dir, "1-created.ics", places: ["delfgauw": "Dorpshuis Delfgauw"])]
        try s.append(.entryCorrected(EntryCorrected(ref: a1, fields: ["due": "2009-09-30"], reason: "later")))
        try s.append(.entryCorrected(EntryCorrected(ref: v1, fields: ["date": "2009-09-08"], reason: "zaal bezet")))
        files.append(try export(s, dir, "2-corrected.ics"))
        try s.append(.actionStatusChanged(ActionStatusChanged(ref: a1, status: .vervallen, reason: "niet meer nodig")))
        files.append(try export(s, dir, "3-cancelled.ics"))
        try s.append(.entryWithdrawn(EntryWithdrawn(ref: a1, reason: "dubbel ingevoerd")))
        try s.append(.entryWithdrawn(EntryWithdrawn(ref: v1, reason: "vergadering gaat niet door")))
        files.append(try export(s, dir, "4-withdrawn.ics"))

        let parsed = try files.map(ICalendarParser.events)
        func action(_ n: Int) throws -> ParsedEvent { try XCTUnwrap(parsed[n].first { $0.summary.contains("A-1:") }, "A-1 in file \(n + 1)") }
        func meeting(_ n: Int) throws -> ParsedEvent { try XCTUnwrap(parsed[n].first { $0.summary.contains("(V-1)") }, "V-1 in file \(n + 1)") }

        // The action: one UID throughout, a sequence that rises with each change, cancelled at the end.
        let actions = try (0..<4).map(action)
        XCTAssertEqual(Set(actions.map(\.uid)).count, 1, "one UID for A-1: \(actions.map(\.uid))")
        XCTAssertEqual(actions.map(\.sequence), [0, 1, 2, 3])
        XCTAssertEqual(actions.map(\.status), ["CONFIRMED", "CONFIRMED", "CANCELLED", "CANCELLED"])
        XCTAssertEqual(actions[0].start, "2009-09-15")
        XCTAssertEqual(actions[1].start, "2009-09-30", "the moved deadline keeps its UID")
        XCTAssertTrue(actions[3].description?.contains("dubbel ingevoerd") == true)

        // The meeting: moved, then withdrawn; its agenda is the description, its place the location.
        let meetings = try (0..<4).map(meeting)
        XCTAssertEqual(Set(meetings.map(\.uid)).count, 1)
        XCTAssertTrue(zip(meetings, meetings.dropFirst()).allSatisfy { $0.sequence <= $1.sequence })
        XCTAssertLessThan(meetings[0].sequence, meetings[1].sequence)
        XCTAssertLessThan(meetings[2].sequence, meetings[3].sequence)
        XCTAssertTrue(meetings[0].start.hasPrefix("2009-09-01T19:30:00"), meetings[0].start)
        XCTAssertTrue(meetings[1].start.hasPrefix("2009-09-08T19:30:00"), meetings[1].start)
        XCTAssertEqual(meetings.map(\.status), ["CONFIRMED", "CONFIRMED", "CONFIRMED", "CANCELLED"])
        XCTAssertEqual(meetings[0].location, "Dorpshuis Delfgauw")
        XCTAssertNil(meetings[1].location, "no place known, no LOCATION")
        XCTAssertTrue(meetings[0].description?.contains("1. Schouw Emerald (Emerald)") == true, meetings[0].description ?? "")

        // The other action is untouched: the same UID and sequence in every file.
        let other = parsed.map { $0.first { $0.summary.contains("A-2:") } }
        XCTAssertEqual(Set(other.map { $0?.uid }).count, 1)
        XCTAssertEqual(other.map { $0?.sequence }, [0, 0, 0, 0])
    }

    /// Done when: the chair imports the calendar, an action is cancelled, and importing again removes it.
    func testReimportRemovesACancelledAction() throws {
        let dir = Fixture.temporaryDirectory("ics-reimport")
        let s = try newLog(dir, "log.jsonl")
        let first = try export(s, dir, "before.ics")
        let imported = try ICalendarParser.importInOrder([first])
        XCTAssertEqual(imported.count, 3, "a meeting and two deadlines")
        try s.append(.actionStatusChanged(ActionStatusChanged(ref: a1, status: .vervallen, reason: "niet meer nodig")))
        let second = try export(s, dir, "after.ics")
        let after = try ICalendarParser.importInOrder([first, second])
        XCTAssertEqual(after.count, 2)
        XCTAssertFalse(after.values.contains { $0.summary.contains("A-1:") }, "the cancelled action is gone")
        XCTAssertTrue(after.values.contains { $0.summary.contains("A-2:") })
        // Importing the older file again does not bring it back: its SEQUENCE is lower.
        XCTAssertEqual(try ICalendarParser.importInOrder([first, second, first]).count, 2)
    }

    func testTwoLogsNeverShareAUID() throws {
        let dir = Fixture.temporaryDirectory("ics-two-logs")
        // Made the same way at the same moment: only their identity tells them apart.
        let test = try newLog(dir, "test.jsonl"), real = try newLog(dir, "real.jsonl")
        XCTAssertNotEqual(test.logIdentity, real.logIdentity)
        let a = try ICalendarParser.events(try export(test, dir, "test.ics"))
        let b = try ICalendarParser.events(try export(real, dir, "real.ics"))
        XCTAssertEqual(a.count, 3)
        XCTAssertTrue(Set(a.map(\.uid)).isDisjoint(with: b.map(\.uid)), "\(a.map(\.uid)) vs \(b.map(\.uid))")
        // An older log (no identity in its first line, like the demo) is told apart by its first line's hash.
        let demo = try ICalendarParser.events(try export(Fixture.demo, dir, "demo.ics"))
        XCTAssertTrue(Set(a.map(\.uid)).isDisjoint(with: demo.map(\.uid)))
        XCTAssertTrue(demo.contains { $0.uid.hasPrefix("V-1.") })
    }

    func testIdentityIsInTheFirstLineOfANewLogAndStableOnReopening() throws {
        let dir = Fixture.temporaryDirectory("ics-identity")
        let s = try newLog(dir, "log.jsonl")
        let firstLine = try String(contentsOfFile: s.path, encoding: .utf8).split(separator: "\n")[0]
        XCTAssertTrue(firstLine.contains("\"log_id\":\"\(s.logIdentity)\""), String(firstLine))
        XCTAssertEqual(s.logIdentity.count, 16)
        let again = try Session.open(path: s.path, reference: nil, readOnly: true)
        XCTAssertEqual(again.logIdentity, s.logIdentity)
        XCTAssertNil(again.state.reference.logID, "the identity is the log's, not part of the reference data")
        XCTAssertEqual(again.state.reference, Fixture.reference)
        // The demo log predates identities: the hash of its first line, the same on every opening.
        XCTAssertNil(Fixture.demo.state.logIdentity)
        let demoAgain = try Session.open(path: Fixture.demoPath, reference: nil, readOnly: true)
        XCTAssertEqual(demoAgain.logIdentity, Fixture.demo.logIdentity)
    }

    /// The same through the commands a secretary types: `add`, `export calendar`, `correct`, `set status`,
    /// `withdraw`, with a new calendar after each; the agenda program keeps one appointment per record,
    /// moves it, and removes it once it is cancelled.
    func testThroughTheCommandLine() throws {
        let binary = Fixture.repoRoot.appendingPathComponent(".build/debug/kernteam").path
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            throw XCTSkip("kernteam binary missing at \(binary): run `swift build` first")
        }
        let dir = Fixture.temporaryDirectory("ics-cli")
        let log = dir.appendingPathComponent("log.jsonl").path
        func cli(_ args: [String]) -> String {
            let r = ExternalTools.run(binary, args + ["--log", log])
            XCTAssertEqual(r.status, 0, "\(args): \(r.err)")
            return r.out.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        var n = 0
        func calendar() -> String {
            n += 1
            let out = dir.appendingPathComponent("k\(n).ics").path
            _ = cli(["export", "calendar", "--out", out])
            return out
        }
        XCTAssertEqual(cli(["add", "meeting", "--kern", "Delfgauw", "--date", "2030-09-03"]), "V-1")
        XCTAssertEqual(cli(["add", "action", "--wijk", "Emerald", "--title", "Schouw plannen", "--owner", "Wijkmanager",
                            "--due", "2030-09-15", "--meeting", "V-1"]), "A-1")
        var files = [calendar()]
        _ = cli(["correct", "A-1", "--due", "2030-09-30", "--reason", "later"])
        _ = cli(["correct", "V-1", "--date", "2030-09-10", "--reason", "zaal bezet"])
        files.append(calendar())
        _ = cli(["set", "status", "A-1", "--to", "vervallen", "--reason", "niet meer nodig"])
        files.append(calendar())
        _ = cli(["withdraw", "A-1", "--reason", "dubbel ingevoerd"])
        _ = cli(["withdraw", "V-1", "--reason", "gaat niet door"])
        files.append(calendar())

        let parsed = try files.map(ICalendarParser.events)
        let actions = try parsed.map { try XCTUnwrap($0.first { $0.summary.contains("A-1:") }) }
        XCTAssertEqual(Set(actions.map(\.uid)).count, 1)
        XCTAssertEqual(actions.map(\.sequence), [0, 1, 2, 3])
        XCTAssertEqual(actions.map(\.status), ["CONFIRMED", "CONFIRMED", "CANCELLED", "CANCELLED"])
        XCTAssertEqual(actions.map(\.start), ["2030-09-15", "2030-09-30", "2030-09-30", "2030-09-30"])
        let meetings = try parsed.map { try XCTUnwrap($0.first { $0.summary.contains("(V-1)") }) }
        XCTAssertEqual(Set(meetings.map(\.uid)).count, 1)
        XCTAssertTrue(meetings[1].start.hasPrefix("2030-09-10T19:30:00"), meetings[1].start)
        XCTAssertEqual(meetings.last?.status, "CANCELLED")
        XCTAssertLessThan(meetings[2].sequence, meetings[3].sequence)
        // Imported one after another, the agenda ends with neither.
        XCTAssertEqual(try ICalendarParser.importInOrder(files).count, 0)
        XCTAssertEqual(try ICalendarParser.importInOrder(Array(files.prefix(2))).count, 2)
    }
}
