import Foundation
import XCTest
import KernteamDomain
import KernteamLog
import KernteamSession

final class VerifyAndDamageTests: LogTestCase {
    /// Writes the 7-line log and closes it.
    private func writeLog() throws {
        var s: Session? = try open()
        try populate(s!)
        s = nil
    }

    /// Changes one byte inside `word` on line `lineNumber` (1-based), as someone editing the file would.
    private func editByte(line lineNumber: Int, in word: String) throws {
        var all = try bytes()
        var start = 0
        for _ in 1..<lineNumber { start = all[start...].firstIndex(of: 0x0A)! + 1 }
        let end = all[start...].firstIndex(of: 0x0A)!
        let line = Array(all[start..<end])
        let w = Array(word.utf8)
        let at = try XCTUnwrap((0...(line.count - w.count)).first { Array(line[$0..<$0 + w.count]) == w },
                               "'\(word)' not on line \(lineNumber)")
        all[start + at] ^= 0x01   // "Losliggende" → "Mosliggende": still valid JSON, different hash
        try write(all)
    }

    func testIntactLogVerifies() throws {
        try writeLog()
        let report = try Verifier.verify(path: logPath)
        XCTAssertTrue(report.isIntact, "\(report.issues)")
        XCTAssertEqual(report.entries, 7)
        XCTAssertEqual(report.headSeq, 7)
        XCTAssertEqual(report.headHash, try externalSHA256(try lines().last!))
    }

    func testVerifyCatchesAnEditedMiddleLine() throws {
        try writeLog()
        try editByte(line: 3, in: "Losliggende")
        let report = try Verifier.verify(path: logPath)
        XCTAssertFalse(report.isIntact)
        // Line 3's own header is untouched; line 4's `prev` no longer matches the hash of line 3 while
        // its number follows on, so line 3 is named as edited. Lines 5–7 chain on correctly.
        XCTAssertEqual(report.issues, [LineIssue(line: 3, problem: .editedAfterWriting(confirmedBy: 4))])
        XCTAssertEqual(report.entries, 2, "only lines before the edited one count as good")
        XCTAssertTrue(report.issues[0].description.hasPrefix("regel 3:"), report.issues[0].description)
    }

    func testVerifyNamesAnEditedHeader() throws {
        try writeLog()
        try editByte(line: 5, in: "\"seq\":5")   // the digit is not touched, the quote is: header unreadable
        let report = try Verifier.verify(path: logPath)
        XCTAssertFalse(report.isIntact)
        XCTAssertEqual(report.issues.first?.line, 5)
        guard case .badHeader = report.issues.first?.problem else { return XCTFail("\(report.issues)") }
    }

    func testVerifyReportsAnUndecodableEventOnItsLine() throws {
        // A well-chained line whose event is of an unknown type (e.g. written by a newer version).
        let s = try open()
        try s.log.append(role: "secretaris", timestamp: fixedTimestamp) { _ in Array("{\"type\":\"toekomst.iets\"}".utf8) }
        let report = try Verifier.verify(path: logPath)
        XCTAssertEqual(report.entries, 2)
        XCTAssertEqual(report.issues.map(\.line), [2])
        guard case .notParsable(let why) = report.issues.first?.problem else { return XCTFail("\(report.issues)") }
        XCTAssertTrue(why.contains("toekomst.iets"), why)
        let reopened = try open()
        XCTAssertEqual(reopened.undecodable.map(\.line), [2])
    }

    func testDamageInTheMiddleOpensReadOnlyAndRefusesAppends() throws {
        try writeLog()
        try editByte(line: 3, in: "Losliggende")
        let before = try bytes()

        let s = try open()
        XCTAssertTrue(s.log.isReadOnly)
        XCTAssertEqual(s.log.readOnlyReason, .damaged(LineIssue(line: 3, problem: .editedAfterWriting(confirmedBy: 4))))
        XCTAssertNil(s.log.recoveredTailPath, "damage in the middle is never cut off as a torn tail")

        XCTAssertThrowsError(try s.append(.entryWithdrawn(EntryWithdrawn(ref: RecordID(.signal, 1), reason: "x")))) { error in
            XCTAssertEqual(error as? LogError, .damaged(LineIssue(line: 3, problem: .editedAfterWriting(confirmedBy: 4))))
        }
        let result = s.record(.signal, Draft([.wijk: "Tolhek", .theme: "verkeer", .source: "meldpunt", .text: "x"]))
        XCTAssertEqual(result.failureValue, .log(.damaged(LineIssue(line: 3, problem: .editedAfterWriting(confirmedBy: 4)))))
        XCTAssertTrue(result.failureValue?.lines.first?.contains("regel 3") ?? false, "\(String(describing: result.failureValue?.lines))")

        XCTAssertTrue(try sameBytes(before), "a damaged log is left exactly as it was")
        XCTAssertFalse(FileManager.default.fileExists(atPath: logPath + ".torn-1"))
    }

    func testGarbageLineInsertedInTheMiddleIsDamageNotATornTail() throws {
        try writeLog()
        var all = try bytes()
        var offset = 0
        for _ in 1...4 { offset = all[offset...].firstIndex(of: 0x0A)! + 1 }
        all.insert(contentsOf: Array(repeating: 0, count: 40) + [0x0A], at: offset)
        try write(all)

        let s = try open()
        XCTAssertTrue(s.log.isReadOnly)
        guard case .damaged(let issue) = s.log.readOnlyReason else { return XCTFail("\(String(describing: s.log.readOnlyReason))") }
        XCTAssertEqual(issue.line, 5)
        XCTAssertTrue(try sameBytes(all))
        XCTAssertFalse(try Verifier.verify(path: logPath).isIntact)
    }

    func testEditedSecondToLastLineIsDamageNotATornTail() throws {
        // Only one good line follows the edit. That last line is a complete, well-formed record, not
        // the remains of an interrupted append: it must not be cut off, and the edit must not be
        // accepted as the new head of the chain.
        try writeLog()
        try editByte(line: 6, in: "Wijkschouw")
        let before = try bytes()

        let s = try open()
        XCTAssertTrue(s.log.isReadOnly)
        XCTAssertEqual(s.log.readOnlyReason, .damaged(LineIssue(line: 6, problem: .editedAfterWriting(confirmedBy: 7))))
        XCTAssertNil(s.log.recoveredTailPath)
        XCTAssertTrue(try sameBytes(before))
        XCTAssertFalse(FileManager.default.fileExists(atPath: logPath + ".torn-1"))
        XCTAssertFalse(try Verifier.verify(path: logPath).isIntact)
    }
}
