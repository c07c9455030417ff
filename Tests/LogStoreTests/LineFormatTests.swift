import Foundation
import XCTest
import KernteamDomain
import KernteamLog
import KernteamSession

final class LineFormatTests: LogTestCase {
    private let hexDigits = Set("0123456789abcdef".utf8)

    func testEveryLineStartsWithTheFixedHeader() throws {
        let s = try open()
        try populate(s)
        let all = try lines()
        XCTAssertEqual(all.count, 7)
        let types = ["reference.set", "meeting.held", "signal.recorded", "action.created", "action.status_changed",
                     "decision.taken", "entry.corrected"]
        for (i, line) in all.enumerated() {
            let n = i + 1
            let text = String(decoding: line, as: UTF8.self)
            let role = n == 1 ? "systeem" : "secretaris"
            let head = "{\"v\":1,\"seq\":\(n),\"ts\":\"\(fixedTimestamp)\",\"role\":\"\(role)\",\"prev\":\""
            XCTAssertTrue(text.hasPrefix(head), "line \(n): \(text.prefix(120))")
            let afterHead = text.dropFirst(head.count)
            let prev = afterHead.prefix(64)
            XCTAssertEqual(prev.utf8.count, 64)
            XCTAssertTrue(prev.utf8.allSatisfy(hexDigits.contains), "line \(n) prev is lowercase hex: \(prev)")
            XCTAssertTrue(afterHead.dropFirst(64).hasPrefix("\",\"type\":\"\(types[i])\""), "line \(n): \(text.prefix(200))")
            XCTAssertEqual(line.last, UInt8(ascii: "}"))
            XCTAssertFalse(line.contains(0x0D))
            // And the whole line is one JSON object.
            XCTAssertNotNil(try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any], "line \(n)")
        }
    }

    func testFirstLinePrevIsAllZeros() throws {
        _ = try open()
        let first = try XCTUnwrap(try lines().first)
        let text = String(decoding: first, as: UTF8.self)
        XCTAssertTrue(text.contains("\"prev\":\"\(String(repeating: "0", count: 64))\""), text)
        XCTAssertEqual(LogFormat.genesisPrev, String(repeating: "0", count: 64))
    }

    func testPrevIsSHA256OfThePreviousLineBytes() throws {
        let s = try open()
        try populate(s)
        let all = try lines()
        XCTAssertGreaterThan(all.count, 2)
        var expected = String(repeating: "0", count: 64)
        for (i, line) in all.enumerated() {
            let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line)) as? [String: Any])
            XCTAssertEqual(object["prev"] as? String, expected, "line \(i + 1)")
            expected = try externalSHA256(line)
        }
        XCTAssertEqual(s.log.headHash, expected, "the head is the hash of the last line")
    }

    func testLine2PrevMatchesSha256sumOfLine1() throws {
        let s = try open()
        expectRecorded(s.record(.meeting, Draft([.kern: "Pijnacker", .date: "2009-03-17"])))
        let all = try lines()
        XCTAssertEqual(all.count, 2)
        let line2 = String(decoding: all[1], as: UTF8.self)
        let sum = try externalSHA256(all[0])
        XCTAssertEqual(sum.count, 64)
        XCTAssertTrue(line2.contains("\"prev\":\"\(sum)\""), "line 2 should chain to \(sum): \(line2)")
    }

    func testPayloadFieldsAreStoredFlatWithTheirDomainWords() throws {
        let s = try open()
        try populate(s)
        let action = try lines()[3]
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(action)) as? [String: Any])
        XCTAssertEqual(object["id"] as? String, "A-1")
        XCTAssertEqual(object["kern"] as? String, "Delfgauw")
        XCTAssertEqual(object["wijk"] as? String, "Emerald")
        XCTAssertEqual(object["owner"] as? String, "Gemeente beheer")
        XCTAssertEqual(object["due"] as? String, "2009-04-01")
        XCTAssertEqual(object["cost"] as? Int, 125_050)
        XCTAssertEqual(object["meeting"] as? String, "V-1")
    }

    func testBodyThatIsNotOneObjectLineIsRefusedAndNothingWritten() throws {
        let s = try open()
        let before = try bytes()
        for body in ["{\"type\":\"x\"}\n{\"type\":\"y\"}", "[1,2]", "{}", "{\"type\":\"x\"\r}"] {
            XCTAssertThrowsError(try s.log.append(role: "cli", timestamp: fixedTimestamp) { _ in Array(body.utf8) }) { error in
                guard case .badEntry = error as? LogError else { return XCTFail("\(error)") }
            }
        }
        XCTAssertThrowsError(try s.log.append(role: "ro\"le", timestamp: fixedTimestamp) { _ in Array("{\"type\":\"x\"}".utf8) })
        XCTAssertTrue(try sameBytes(before))
        XCTAssertEqual(s.log.headSeq, 1)
    }
}
