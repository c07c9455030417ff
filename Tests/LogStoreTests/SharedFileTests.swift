import Foundation
import XCTest
import KernteamDomain
import KernteamLog
import KernteamSession

/// Two sessions on one file in one process, as the TUI and a CLI command (or two windows) would be.
final class SharedFileTests: LogTestCase {
    private func signal(_ text: String) -> Draft {
        Draft([.wijk: "Klapwijk", .theme: "groen", .source: "bewoner", .text: text])
    }

    func testAppendThroughOneIsSeenByTheOtherAfterRefresh() throws {
        let a = try open(), b = try open(role: .voorzitter)
        XCTAssertFalse(try b.refresh(), "nothing new yet")

        expectRecorded(a.record(.meeting, Draft([.kern: "Pijnacker", .date: "2009-03-17"])))
        XCTAssertEqual(b.state.meetings.count, 0, "b has not looked yet")
        XCTAssertTrue(try b.refresh())
        XCTAssertEqual(b.state.meetings[RecordID(.meeting, 1)]?.value.kern, "Pijnacker")
        XCTAssertEqual(b.log.headSeq, 2)
        XCTAssertFalse(try b.refresh())
    }

    func testAlternatingAppendsGetDistinctIDsAndAGaplessSequence() throws {
        let a = try open(), b = try open(role: .voorzitter)
        var ids: [RecordID] = []
        for round in 1...4 {
            // Neither session refreshes by hand: each append must read the other's lines first.
            ids.append(try XCTUnwrap(expectRecorded(a.record(.signal, signal("a\(round)")))?.event.createdID))
            ids.append(try XCTUnwrap(expectRecorded(b.record(.signal, signal("b\(round)")))?.event.createdID))
        }
        XCTAssertEqual(ids, (1...8).map { RecordID(.signal, $0) })
        XCTAssertEqual(Set(ids).count, 8)

        let seqs = try lines().map { line -> Int in
            let object = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any]
            return object?["seq"] as? Int ?? -1
        }
        XCTAssertEqual(seqs, Array(1...9))
        let report = try Verifier.verify(path: logPath)
        XCTAssertTrue(report.isIntact, "\(report.issues)")
        XCTAssertEqual(report.entries, 9)

        try a.refresh()
        XCTAssertEqual(a.state.signals.items.map(\.value.text), ["a1", "b1", "a2", "b2", "a3", "b3", "a4", "b4"])
        XCTAssertEqual(b.state.signals.items.map(\.value.text), a.state.signals.items.map(\.value.text))
        XCTAssertEqual(a.log.headHash, b.log.headHash)
        let roles = try lines().dropFirst().map { String(decoding: $0, as: UTF8.self).contains("\"role\":\"voorzitter\"") }
        XCTAssertEqual(roles, [false, true, false, true, false, true, false, true])
    }

    func testAppendedEventsAreNotDuplicatedInTheOtherSession() throws {
        let a = try open(), b = try open()
        expectRecorded(a.record(.signal, signal("een")))
        expectRecorded(b.record(.signal, signal("twee")))   // folds "een" while holding the lock
        try b.refresh()                                      // must not fold "een" or "twee" again
        XCTAssertEqual(b.state.signals.items.map(\.value.text), ["een", "twee"])
        XCTAssertEqual(b.state.lastSeq, 3)
    }

    func testRuleCheckedAgainstTheOtherSessionsLatestAppend() throws {
        let a = try open(), b = try open()
        expectRecorded(a.record(.action, Draft([.title: "Bankje", .wijk: "Tolhek", .owner: "Gemeente beheer"])))
        try b.refresh()
        expectRecorded(a.record(.status, Draft([.status: "gereed"]), target: RecordID(.action, 1)))
        let before = try bytes()
        // b still thinks A-1 is open; under the lock it learns it is done already.
        let result = b.record(.status, Draft([.status: "gereed"]), target: RecordID(.action, 1))
        XCTAssertEqual(result.failureValue, .refused(Refusal(.status, .statusUnchanged("gereed"))))
        XCTAssertTrue(try sameBytes(before))
        XCTAssertEqual(b.state.actions[RecordID(.action, 1)]?.value.status, .gereed)
    }
}

final class RefusalTests: LogTestCase {
    func testRefusedEntryAppendsNothing() throws {
        let s = try open()
        try populate(s)
        let before = try bytes()
        let headSeq = s.log.headSeq

        let result = s.record(.signal, Draft([.wijk: "Atlantis", .theme: "groen", .source: "bewoner", .text: "x"]))
        guard case .refused(let r)? = result.failureValue else { return XCTFail("expected a refusal, got \(result)") }
        XCTAssertEqual(r.problems.map(\.field), [.wijk])
        XCTAssertTrue(try sameBytes(before), "the file is byte for byte the same")
        XCTAssertEqual(s.log.headSeq, headSeq)
        XCTAssertEqual(s.state.signals.count, 1)

        let drop = s.record(.status, Draft([.status: "vervallen"]), target: RecordID(.action, 1))
        XCTAssertEqual(drop.failureValue, .refused(Refusal(.reason, .reasonRequiredToDrop)))
        XCTAssertTrue(try sameBytes(before))
        XCTAssertEqual(s.state.actions[RecordID(.action, 1)]?.value.status, .bezig)
    }
}
