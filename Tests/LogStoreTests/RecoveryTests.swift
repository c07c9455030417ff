import Foundation
import XCTest
import KernteamDomain
import KernteamLog
import KernteamSession

final class RecoveryTests: LogTestCase {
    private let nextSignal = Draft([.wijk: "De Venen", .theme: "spelen", .source: "bewoner", .text: "Schommel kapot"])

    /// Writes the 7-line log, closes it, and returns its bytes.
    private func writeLog() throws -> [UInt8] {
        var s: Session? = try open()
        try populate(s!)
        s = nil
        return try bytes()
    }

    /// Opens the log with `garbage` after its last record and checks the recovery end to end.
    private func assertRecovers(garbage: [UInt8], file: StaticString = #filePath, line: UInt = #line) throws {
        let good = try writeLog()
        try appendRaw(garbage)

        let s = try open()
        XCTAssertFalse(s.log.isReadOnly, "\(String(describing: s.log.readOnlyReason))", file: file, line: line)
        XCTAssertEqual(s.log.recoveredTailPath, logPath + ".torn-1", file: file, line: line)
        XCTAssertTrue(try sameBytes(garbage, logPath + ".torn-1"), "the torn bytes are kept, not thrown away", file: file, line: line)
        XCTAssertTrue(try sameBytes(good), "the log is cut back to its last good line", file: file, line: line)
        XCTAssertEqual(s.log.headSeq, 7, file: file, line: line)
        XCTAssertEqual(s.state.signals.count, 1, file: file, line: line)

        let logged = try XCTUnwrap(expectRecorded(s.record(.signal, nextSignal), file: file, line: line), file: file, line: line)
        XCTAssertEqual(logged.seq, 8, file: file, line: line)
        XCTAssertEqual(logged.event.createdID, RecordID(.signal, 2), file: file, line: line)

        let report = try Verifier.verify(path: logPath)
        XCTAssertTrue(report.isIntact, "\(report.issues)", file: file, line: line)
        XCTAssertEqual(report.entries, 8, file: file, line: line)
        XCTAssertTrue(Array(try bytes().prefix(good.count)) == good, "earlier lines untouched", file: file, line: line)

        let reopened = try open()
        XCTAssertNil(reopened.log.recoveredTailPath, "nothing left to recover", file: file, line: line)
        XCTAssertEqual(reopened.state.signals.items.map(\.value.text), ["Losliggende stoeptegels", "Schommel kapot"],
                       file: file, line: line)
    }

    func testTornHalfLineIsMovedAsideAndTheLogContinues() throws {
        let half = Array("{\"v\":1,\"seq\":8,\"ts\":\"\(fixedTimestamp)\",\"role\":\"secretaris\",\"prev\":\"ab12".utf8)
        try assertRecovers(garbage: half)
    }

    func testZerosWithoutANewlineAreRecovered() throws {
        try assertRecovers(garbage: Array(repeating: 0, count: 512))
    }

    func testRandomBytesWithoutANewlineAreRecovered() throws {
        var gen = SeededBytes(state: 0x5EED_2009)
        try assertRecovers(garbage: gen.next(777).map { $0 == 0x0A ? 0x0B : $0 })
    }

    /// More than one partial line is more than an interrupted append leaves: damage, never moved.
    private func assertKeptAsDamage(garbage: [UInt8], file: StaticString = #filePath, line: UInt = #line) throws {
        let good = try writeLog()
        try appendRaw(garbage)
        let s = try open()
        guard case .damaged(let issue)? = s.log.readOnlyReason else {
            return XCTFail("expected damage, got \(String(describing: s.log.readOnlyReason))", file: file, line: line)
        }
        XCTAssertEqual(issue.line, 8, file: file, line: line)
        XCTAssertNil(s.log.recoveredTailPath, file: file, line: line)
        XCTAssertFalse(FileManager.default.fileExists(atPath: logPath + ".torn-1"), file: file, line: line)
        if case .success = s.record(.signal, nextSignal) { XCTFail("appended after damage", file: file, line: line) }
        XCTAssertTrue(try sameBytes(good + garbage), "the file is byte-identical", file: file, line: line)
        XCTAssertFalse(try Verifier.verify(path: logPath).isIntact, file: file, line: line)
    }

    func testZerosEndingInANewlineAreDamageLeftInPlace() throws {
        try assertKeptAsDamage(garbage: Array(repeating: 0, count: 512) + [0x0A])
    }

    func testSeveralLinesOfGarbageAreDamageLeftInPlace() throws {
        var gen = SeededBytes(state: 42)
        try assertKeptAsDamage(garbage: Array(repeating: 0, count: 100) + [0x0A] + gen.next(300) + [0x0A] + gen.next(50))
    }

    func testASecondTornTailGetsItsOwnSideFile() throws {
        _ = try writeLog()
        try appendRaw(Array("{\"v\":1,\"seq\":8,".utf8))
        var s: Session? = try open()
        XCTAssertEqual(s!.log.recoveredTailPath, logPath + ".torn-1")
        expectRecorded(s!.record(.signal, nextSignal))
        s = nil

        try appendRaw(Array("{\"v\":1,\"seq\":9,\"ts\"".utf8))
        let again = try open()
        XCTAssertEqual(again.log.recoveredTailPath, logPath + ".torn-2")
        XCTAssertEqual(try bytes(logPath + ".torn-1"), Array("{\"v\":1,\"seq\":8,".utf8), "the first side file is not overwritten")
        XCTAssertEqual(try bytes(logPath + ".torn-2"), Array("{\"v\":1,\"seq\":9,\"ts\"".utf8))
        XCTAssertEqual(again.log.headSeq, 8)
        XCTAssertTrue(try Verifier.verify(path: logPath).isIntact)
    }

    func testTornTailWrittenWhileOpenBlocksAppendInsteadOfWritingAfterIt() throws {
        let s = try open()
        try populate(s)
        let torn = Array("{\"v\":1,\"seq\":8,\"ts\":".utf8)
        try appendRaw(torn)
        let before = try bytes()
        let result = s.record(.signal, nextSignal)
        guard case .log(.damaged(let issue))? = result.failureValue else { return XCTFail("\(result)") }
        XCTAssertEqual(issue, LineIssue(line: 8, problem: .tornTail(bytes: torn.count)))
        XCTAssertTrue(try sameBytes(before), "never append after a torn line")
    }

    func testVerifyReportsATornTailWithoutChangingTheFile() throws {
        let good = try writeLog()
        try appendRaw(Array("{\"v\":1,\"seq\":".utf8))
        let report = try Verifier.verify(path: logPath)
        XCTAssertFalse(report.isIntact)
        XCTAssertEqual(report.issues, [LineIssue(line: 8, problem: .tornTail(bytes: 13))])
        XCTAssertEqual(report.entries, 7)
        XCTAssertEqual(try bytes().count, good.count + 13, "verify only reads")
    }
}
