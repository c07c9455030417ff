import Foundation
import XCTest
import KernteamDomain

final class RecordIDTests: XCTestCase {
    func testParsesCanonicalAndTypedForms() {
        XCTAssertEqual(RecordID("S-12"), RecordID(.signal, 12))
        XCTAssertEqual(RecordID("s12"), RecordID(.signal, 12))
        XCTAssertEqual(RecordID("s 12"), RecordID(.signal, 12))
        XCTAssertEqual(RecordID(" S-12 "), RecordID(.signal, 12))
        XCTAssertEqual(RecordID("A-7"), RecordID(.action, 7))
        XCTAssertEqual(RecordID("b3"), RecordID(.decision, 3))
        XCTAssertEqual(RecordID("V-1"), RecordID(.meeting, 1))
        XCTAssertEqual(RecordID("ap-4"), RecordID(.agendaItem, 4))
        XCTAssertEqual(RecordID("P-2"), RecordID(.priority, 2))
        XCTAssertEqual(RecordID("d-5"), RecordID(.participation, 5))
    }

    func testRefusesBadIDs() {
        for text in ["", "S", "S-", "12", "-12", "S-0", "X-1", "Q12", "SS-1", "S-1a", "S-1.5", "S-abc", "signaal-1", "1-S"] {
            XCTAssertNil(RecordID(text), "'\(text)' should be refused")
        }
    }

    func testDescriptionIsCanonicalAndParsesBack() {
        for kind in RecordID.Kind.allCases {
            let original = RecordID(kind, 42)
            XCTAssertEqual(original.description, "\(kind.rawValue)-42")
            XCTAssertEqual(RecordID(original.description), original)
            XCTAssertEqual(RecordID(original.description.lowercased()), original)
        }
        XCTAssertEqual(RecordID(.signal, 12).description, "S-12")
    }

    func testOrderingByKindThenNumber() {
        XCTAssertLessThan(RecordID(.signal, 2), RecordID(.signal, 10), "numeric, not textual order")
        XCTAssertLessThan(RecordID(.action, 99), RecordID(.signal, 1))
    }

    func testCodableAsString() throws {
        let data = try JSONEncoder().encode([RecordID(.action, 7)])
        XCTAssertEqual(String(decoding: data, as: UTF8.self), "[\"A-7\"]")
        XCTAssertEqual(try JSONDecoder().decode([RecordID].self, from: data), [RecordID(.action, 7)])
        XCTAssertThrowsError(try JSONDecoder().decode([RecordID].self, from: Data("[\"Z-1\"]".utf8)))
    }

    /// The log's own form is read by a quick path; everything else by the lenient one. Both agree.
    func testQuickAndLenientParsingAgree() {
        let cases: [(String, RecordID?)] = [
            ("S-12", RecordID(.signal, 12)), ("AP-3", RecordID(.agendaItem, 3)), ("BU-2", RecordID(.budget, 2)),
            ("V-1", RecordID(.meeting, 1)), ("D-9", RecordID(.participation, 9)), ("I-4", RecordID(.initiative, 4)),
            ("P-5", RecordID(.priority, 5)), ("B-77", RecordID(.decision, 77)), ("A-100000", RecordID(.action, 100_000)),
            ("s-12", RecordID(.signal, 12)), ("ap 3", RecordID(.agendaItem, 3)), ("S-0", nil), ("S-", nil), ("-12", nil),
            ("X-1", nil), ("SS-1", nil), ("S-12a", nil), ("S--12", RecordID(.signal, 12)), ("ABC-1", nil), ("", nil),
        ]
        for (text, expected) in cases { XCTAssertEqual(RecordID(text), expected, text) }
    }
}
