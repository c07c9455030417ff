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
}
