import Foundation
import XCTest
import KernteamDomain
@testable import KernteamLog
@testable import KernteamSession
import KernteamFixtures
@testable import KernteamCodec

/// The fast reader (`JSONReader` + `ValueDecoder`) must decode every event exactly as Foundation's
/// JSONDecoder does, and refuse whatever JSONDecoder refuses. It is stricter in a few places on
/// purpose (trailing commas, nesting deeper than 64, integers written as `15.0`): no writer of ours
/// makes those, and a line needs a recomputed chain to carry them.
final class FastJSONTests: LogTestCase {
    private func lines(of path: String) throws -> [LogLine] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let scan = data.withUnsafeBytes { LogScanner.scan($0) }
        XCTAssertTrue(scan.issues.isEmpty, "\(scan.issues)")
        return scan.lines
    }

    private func assertSameAsFoundation(_ lines: [LogLine], file: StaticString = #filePath, line: UInt = #line) {
        let foundation = JSONDecoder()
        for l in lines {
            let fast = try? EventCoding.decode(l)
            let slow = try? EventCoding.decode(l, using: foundation)
            XCTAssertNotNil(fast, "line \(l.number)", file: file, line: line)
            XCTAssertEqual(fast?.event, slow?.event, "line \(l.number)", file: file, line: line)
        }
    }

    /// Reading a whole line with its header in place gives what the line-by-line reader and decoder give.
    func testLoggedFromBytesMatchesTheScannerAndDecoder() throws {
        try LogGenerator.generate(count: 2_000, to: logPath, seed: 17, reference: reference)
        let demo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Data/demo-log.jsonl").path
        for path in [logPath, demo] {
            for line in try lines(of: path) {
                let expected = try EventCoding.decode(line, using: JSONDecoder())
                let fast = try line.bytes.withUnsafeBufferPointer { try EventCoding.logged(from: $0) }
                XCTAssertEqual(fast, expected, "line \(line.number) of \(path)")
            }
        }
    }

    func testDemoLogDecodesAsWithFoundation() throws {
        let demo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Data/demo-log.jsonl").path
        let all = try lines(of: demo)
        XCTAssertGreaterThan(all.count, 100)
        assertSameAsFoundation(all)
    }

    func testGeneratedLogDecodesAsWithFoundation() throws {
        try LogGenerator.generate(count: 3_000, to: logPath, seed: 7, reference: reference)
        let all = try lines(of: logPath)
        XCTAssertEqual(all.count, 3_000)
        assertSameAsFoundation(all)
        // Every event type the generator writes is among them.
        let types = Set(all.compactMap { try? EventCoding.decode($0).event.typeName })
        XCTAssertGreaterThanOrEqual(types.count, 12, "\(types)")
    }

    /// Texts with escapes, quotes, control characters, emoji (surrogate pairs when escaped) and right-to-left marks
    /// survive the round trip through the log's encoder and the fast reader.
    func testHostileTextsRoundTrip() throws {
        let texts = ["\"quoted\" \\ back/slash", "tab\tnew\nline\r", "\u{1B}[2J\u{1B}]0;title\u{07}", "emoji 🎉 en é à ø",
                     "\u{202E}omgekeerd", "nul\u{0}byte", "\u{FEFF}bom", String(repeating: "x", count: 5_000), ""]
        for text in texts {
            let event = Event.decisionTaken(DecisionTaken(id: RecordID(.decision, 1), kern: "Delfgauw", wijk: "Emerald", text: text))
            let body = try EventCoding.body(of: event)
            let decoded = try body.withUnsafeBufferPointer { try EventCoding.event(from: $0) }
            XCTAssertEqual(decoded, event, text)
        }
        // Escaped forms JSONEncoder does not write but other tools may.
        let escaped = #"{"type":"decision.taken","id":"B-1","kern":"Delfgauw","text":"\u00e9\ud83c\udf89\/\b\f"}"#
        let event = try Array(escaped.utf8).withUnsafeBufferPointer { try EventCoding.event(from: $0) }
        guard case .decisionTaken(let d) = event else { return XCTFail("\(event)") }
        XCTAssertEqual(d.text, "é🎉/\u{8}\u{C}")
    }

    /// Malformed JSON: refused by both readers; the validator refuses it too.
    func testMalformedJSONIsRefusedLikeFoundation() {
        let good = #"{"type":"decision.taken","id":"B-1","kern":"Delfgauw","text":"ok"}"#
        let bad = [
            #"{"type":"decision.taken","id":"B-1","kern":"Delfgauw","text":"ok"}x"#,
            #"{"type":"decision.taken","id":"B-1","kern":"Delfgauw","text":"ok""#,
            #"{"type":"decision.taken","id":"B-1","kern":"Delfgauw","text":"o"#,
            #"{"type":"decision.taken" "id":"B-1"}"#,
            #"{"type":"decision.taken","id":"B-1","kern":"Delfgauw","text":"\x"}"#,
            #"{"type":"decision.taken","id":"B-1","kern":"Delfgauw","text":"\ud83c"}"#,
            #"{"type":"decision.taken","id":"B-1","kern":"Delfgauw","text":"\udf89"}"#,
            #"{"type":"decision.taken","id":"B-1","kern":"Delfgauw","text":"\u12"}"#,
            "{\"type\":\"decision.taken\",\"id\":\"B-1\",\"kern\":\"Delfgauw\",\"text\":\"a\u{1}b\"}",
            #"{"type":"meeting.held","id":"V-1","kern":"Delfgauw","date":"2009-01-01","length":012}"#,
            #"{"type":"meeting.held","id":"V-1","kern":"Delfgauw","date":"2009-01-01","length":-}"#,
            #"{"type":"meeting.held","id":"V-1","kern":"Delfgauw","date":"2009-01-01","length":1.}"#,
            #"{"type":"meeting.held","id":"V-1","kern":"Delfgauw","date":"2009-01-01","length":tru}"#,
            #"{"type":"decision.taken",,"id":"B-1"}"#,
            "[", "", "{", "{\"a\":[1,2}", String(repeating: "[", count: 200) + String(repeating: "]", count: 200),
        ]
        let foundation = JSONDecoder()
        XCTAssertNoThrow(try Array(good.utf8).withUnsafeBufferPointer { try EventCoding.event(from: $0) })
        for text in bad {
            let bytes = Array(text.utf8)
            XCTAssertThrowsError(try bytes.withUnsafeBufferPointer { try EventCoding.event(from: $0) }, text)
            XCTAssertThrowsError(try foundation.decode(Event.self, from: Data(bytes)), text)
            if !text.hasPrefix("[[[[") {
                XCTAssertThrowsError(try bytes.withUnsafeBufferPointer { try JSONReader.validate($0) }, text)
            }
        }
        // A trailing comma: Foundation lets it pass, the log's reader is strict (no writer of ours makes one).
        let trailing = Array(#"{"type":"decision.taken","id":"B-1","kern":"Delfgauw","text":"ok",}"#.utf8)
        XCTAssertThrowsError(try trailing.withUnsafeBufferPointer { try EventCoding.event(from: $0) })
        // Invalid UTF-8 inside a string.
        var invalid = Array(#"{"type":"decision.taken","id":"B-1","kern":"Delfgauw","text":"#.utf8)
        invalid += [0x22, 0xC3, 0x28, 0x22, 0x7D]
        XCTAssertThrowsError(try invalid.withUnsafeBufferPointer { try EventCoding.event(from: $0) })
        XCTAssertThrowsError(try invalid.withUnsafeBufferPointer { try JSONReader.validate($0) })
        for bytes: [UInt8] in [[0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0xAF], [0xFF]] {
            XCTAssertFalse(bytes.withUnsafeBufferPointer { JSONReader.isValidUTF8($0) }, "\(bytes)")
        }
        XCTAssertTrue(Array("é€🎉".utf8).withUnsafeBufferPointer { JSONReader.isValidUTF8($0) })
    }

    /// Well-formed JSON with the wrong fields: the same reason as with JSONDecoder.
    func testSchemaErrorsGiveTheSameReasons() {
        let cases = [
            #"{"type":"decision.taken","kern":"Delfgauw","text":"ok"}"#,             // id missing
            #"{"type":"decision.taken","id":5,"kern":"Delfgauw","text":"ok"}"#,      // id of the wrong type
            #"{"type":"decision.taken","id":"B-1","kern":null,"text":"ok"}"#,        // null
            #"{"type":"meeting.held","id":"V-1","kern":"Delfgauw","date":"2009-13-01","length":60}"#,
            #"{"type":"meeting.held","id":"V-1","kern":"Delfgauw","date":"2009-01-01","length":"60"}"#,
            #"{"type":"no.such.type"}"#,
            #"{"id":"B-1"}"#,
        ]
        let foundation = JSONDecoder()
        for text in cases {
            let bytes = Array(text.utf8)
            let line = LogLine(number: 1, seq: 1, timestamp: "", role: "secretaris", prev: "", bytes: bytes, hash: "")
            var fastReason = "", slowReason = ""
            XCTAssertThrowsError(try EventCoding.decode(line)) { fastReason = ($0 as? EventCoding.Undecodable)?.reason ?? "" }
            XCTAssertThrowsError(try EventCoding.decode(line, using: foundation)) { slowReason = ($0 as? EventCoding.Undecodable)?.reason ?? "" }
            XCTAssertEqual(fastReason, slowReason, text)
            XCTAssertFalse(fastReason.isEmpty, text)
        }
    }

    /// The common types are built directly (no Codable); the result equals Codable's, and anything
    /// unexpected goes the Codable way.
    func testDirectEventsMatchCodable() throws {
        try LogGenerator.generate(count: 3_000, to: logPath, seed: 21, reference: reference)
        let demo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Data/demo-log.jsonl").path
        var direct = 0
        var directTypes = Set<String>()
        for path in [logPath, demo] {
            for line in try lines(of: path) {
                guard case .object(let fields) = try line.bytes.withUnsafeBufferPointer({ try JSONReader.parse($0) }) else { return XCTFail() }
                let codable = try Event(from: ValueDecoder(.object(fields)))
                if let built = DirectEvents.event(fields) {
                    XCTAssertEqual(built, codable, "line \(line.number) of \(path)")
                    direct += 1
                    directTypes.insert(built.typeName)
                }
            }
        }
        XCTAssertEqual(directTypes.count, 7, "\(directTypes)")
        XCTAssertGreaterThan(direct, 2_000)

        // An unknown field, a wrong type, a missing field, a duplicate: not built directly, Codable decides.
        let odd = [
            #"{"type":"decision.taken","id":"B-1","kern":"Delfgauw","text":"ok","nieuw":1}"#,
            #"{"type":"decision.taken","id":"B-1","kern":"Delfgauw","text":5}"#,
            #"{"type":"decision.taken","id":"B-1","text":"ok"}"#,
            #"{"type":"action.status_changed","ref":"A-1","status":"misschien"}"#,
        ]
        // A key given twice is not even valid input: two readers could pick different values.
        XCTAssertThrowsError(try Array(#"{"type":"decision.taken","id":"B-1","kern":"Delfgauw","text":"ok","text":"twee"}"#.utf8)
            .withUnsafeBufferPointer { try JSONReader.parse($0) })
        for text in odd {
            guard case .object(let fields) = try Array(text.utf8).withUnsafeBufferPointer({ try JSONReader.parse($0) }) else { return XCTFail() }
            XCTAssertNil(DirectEvents.event(fields), text)
        }
        // The unknown field is ignored by Codable, as before.
        let withNew = try Array(odd[0].utf8).withUnsafeBufferPointer { try EventCoding.event(from: $0) }
        XCTAssertEqual(withNew.typeName, "decision.taken")
    }
}
