import Foundation
import KernteamDomain
import KernteamLog
import KernteamSession
import XCTest

/// Logs written by earlier versions of the program must stay readable. The fixture is the demo log as
/// first committed: version 1 lines before meetings had a length, records an agenda item, budgets,
/// initiatives or triage existed, and with the reporter's name still inside the signal (before the
/// personal-data side store). Newer readers ignore fields they no longer use.
final class OldFormatTests: XCTestCase {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/demo-log-2026-11-29-early.jsonl").path

    func testEarlyLogVerifiesAndFoldsToTheSameRecords() throws {
        let report = try Verifier.verify(path: Self.fixture)
        XCTAssertTrue(report.isIntact, "\(report.issues)")
        XCTAssertEqual(report.entries, 105)

        let session = try Session.open(path: Self.fixture, reference: nil, readOnly: true)
        let s = session.state
        XCTAssertTrue(session.undecodable.isEmpty, "\(session.undecodable)")
        XCTAssertEqual(s.meetings.count, 6)
        XCTAssertEqual(s.signals.count, 22)
        XCTAssertEqual(s.actions.count, 14)
        XCTAssertEqual(s.decisions.count, 8)
        XCTAssertEqual(s.actions.items.filter { $0.value.status == .gereed }.count, 8)
        XCTAssertNotNil(s.signals.items.first { $0.isWithdrawn }, "the withdrawal is still folded")
        // Meetings of that time were never opened or closed in the program: they read as prepared.
        XCTAssertEqual(s.phase(of: RecordID(.meeting, 6)), .prepared)
        // Fields that later versions added are simply absent.
        XCTAssertNil(s.meetings[RecordID(.meeting, 1)]?.value.length)
        XCTAssertNil(s.signals.items.first?.value.person)
    }

    func testEarlyLogOpensForWritingAndContinuesTheChain() throws {
        let dir = NSTemporaryDirectory() + "oldformat-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let copy = dir + "/old.jsonl"
        try FileManager.default.copyItem(atPath: Self.fixture, toPath: copy)
        let session = try Session.open(path: copy, reference: nil, role: .secretaris)
        XCTAssertFalse(session.log.isReadOnly)
        guard case .success(let logged) = session.record(.decision, Draft([.wijk: "Emerald", .text: "Nieuw besluit in een oud log"])) else {
            return XCTFail("append to an old log failed")
        }
        XCTAssertEqual(logged.seq, 106)
        XCTAssertEqual(logged.event.createdID, RecordID(.decision, 9))
        XCTAssertTrue(try Verifier.verify(path: copy).isIntact)
    }
}
