import Foundation
import XCTest
import KernteamDomain
import KernteamLog
import KernteamSession

final class RoundTripTests: LogTestCase {
    func testNewLogStartsWithTheReferenceData() throws {
        let s = try open()
        XCTAssertEqual(s.state.reference, reference)
        XCTAssertEqual(s.log.headSeq, 1)
        XCTAssertEqual(s.log.lineCount, 1)
        XCTAssertFalse(s.log.isReadOnly)
        XCTAssertTrue(FileManager.default.fileExists(atPath: logPath))
    }

    func testAppendAndReopenGivesTheSameState() throws {
        var first: Session? = try open()
        try populate(first!)
        let before = first!.state
        let headSeq = first!.log.headSeq, headHash = first!.log.headHash
        XCTAssertEqual(headSeq, 7)
        first = nil   // closes the file, as quitting the program does

        let again = try open()
        assertSameState(before, again.state)
        XCTAssertEqual(again.log.headSeq, headSeq)
        XCTAssertEqual(again.log.headHash, headHash)
        XCTAssertTrue(again.undecodable.isEmpty)
        XCTAssertNil(again.log.recoveredTailPath)

        // Spot-check that what came back is what was typed, not just "the same as before".
        let signal = try XCTUnwrap(again.state.signals[RecordID(.signal, 1)])
        XCTAssertEqual(signal.value.wijk, "Oud Delfgauw", "correction applied after reopen")
        XCTAssertEqual(signal.value.buurt, "Emerald-Zuid")
        XCTAssertEqual(signal.changes, [7])
        let action = try XCTUnwrap(again.state.actions[RecordID(.action, 1)])
        XCTAssertEqual(action.value.status, .bezig)
        XCTAssertEqual(action.value.created.cost, Money(cents: 125_050))
        XCTAssertEqual(action.value.created.owner, "Gemeente beheer")
        XCTAssertEqual(action.timestamp, fixedTimestamp)
        XCTAssertEqual(again.state.decisions[RecordID(.decision, 1)]?.value.wijk, "'s-Gravenhout")
    }

    func testIDsSurviveARestart() throws {
        var first: Session? = try open()
        try populate(first!)
        let idsBefore = first!.state.signals.items.map(\.value.id) + first!.state.actions.items.map(\.value.created.id)
        XCTAssertEqual(idsBefore, [RecordID(.signal, 1), RecordID(.action, 1)])
        first = nil

        let again = try open()
        XCTAssertEqual(again.state.signals.items.map(\.value.id) + again.state.actions.items.map(\.value.created.id), idsBefore)
        let next = try XCTUnwrap(expectRecorded(again.record(.signal, Draft([.wijk: "Tolhek", .theme: "verkeer",
                                                                              .source: "meldpunt", .text: "Fout geparkeerd"]))))
        XCTAssertEqual(next.event.createdID, RecordID(.signal, 2), "numbering continues after a restart")
        XCTAssertEqual(next.seq, 8)

        let third = try open()
        XCTAssertEqual(third.state.signals.items.map(\.value.id), [RecordID(.signal, 1), RecordID(.signal, 2)])
        XCTAssertEqual(third.state.signals[RecordID(.signal, 2)]?.value.text, "Fout geparkeerd")
    }

    func testReadOnlySessionRefusesToAppend() throws {
        var first: Session? = try open()
        try populate(first!)
        first = nil
        let before = try bytes()
        let ro = try Session.open(path: logPath, reference: nil, readOnly: true, clock: fixedClock)
        XCTAssertTrue(ro.log.isReadOnly)
        XCTAssertEqual(ro.state.signals.count, 1)
        let result = ro.record(.signal, Draft([.wijk: "Tolhek", .theme: "verkeer", .source: "meldpunt", .text: "x"]))
        XCTAssertEqual(result.failureValue, .log(.readOnly))
        XCTAssertTrue(try sameBytes(before))
    }

    func testOpeningAMissingLogWithoutReferenceFails() {
        XCTAssertThrowsError(try Session.open(path: logPath, reference: nil, clock: fixedClock)) { error in
            XCTAssertEqual(error as? LogError, .io(operation: "read", code: ENOENT), "a log that is not there cannot be read")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: logPath))
    }

    func testAShortenedFileIsNoticed() throws {
        let s = try open()
        try populate(s)
        var shorter = try bytes()
        shorter.removeLast(200)
        try write(shorter)
        XCTAssertThrowsError(try s.refresh()) { error in
            XCTAssertEqual(error as? LogError, .changedUnderneath)
        }
    }
}

extension Result {
    var failureValue: Failure? {
        if case .failure(let f) = self { return f }
        return nil
    }
}
