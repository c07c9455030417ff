import Foundation
import XCTest
import KernteamDomain
import KernteamReports
import KernteamSession
@testable import kernteam

/// The rows of every kind, written by the CLI's one JSON writer (`JSONTree` into `TerminalSafeJSON`),
/// are what Foundation's JSONEncoder writes for them: the tree loses or changes nothing.
final class JSONTreeTests: XCTestCase {
    static let demo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Data/demo-log.jsonl").path

    func encoded<T: Encodable>(_ rows: [T]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(rows), as: UTF8.self)
    }

    func testEveryKindWritesWhatJSONEncoderWrites() throws {
        let session = try Session.open(path: Self.demo, reference: nil, readOnly: true)
        let s = session.state
        let build = RowBuilder(state: s, today: Day("2009-07-20")!, settings: Settings(), persons: session.persons)
        var rows: [RecordRow] = []
        rows += s.signals.items.map { .signal(build.signal($0)) }
        rows += s.actions.items.map { .action(build.action($0)) }
        rows += s.decisions.items.map { .decision(build.decision($0)) }
        rows += s.meetings.items.map { .meeting(build.meeting($0)) }
        rows += s.agenda.items.map { .agendaItem(build.agendaItem($0)) }
        rows += s.participation.items.map { .participation(build.participation($0)) }
        rows += s.initiatives.items.map { .initiative(build.initiative($0)) }
        rows += s.priorities.items.map { .priority(build.priority($0)) }
        rows += s.budgets.items.map { .budget(build.budget($0)) }
        rows += s.lemonRecords.map { .lemon(build.lemon($0)) }
        rows += s.feedbackOwed().map { .feedbackOwed(build.feedbackOwed($0)) }
        rows += s.recurrenceProposals(settings: Settings()).map { .proposal(build.proposal($0)) }
        XCTAssertGreaterThan(rows.count, 100)
        XCTAssertEqual(try JSONTree.text(rows), try encoded(rows))
        // Personal fields appear when persons are given, and not otherwise.
        let withPersons = try JSONTree.text(s.signals.items.map(build.signal))
        XCTAssertTrue(withPersons.contains("\"reporter\""))
        let without = RowBuilder(state: s, today: Day("2009-07-20")!)
        XCTAssertFalse(try JSONTree.text(s.signals.items.map(without.signal)).contains("\"reporter\""))
    }

    func testNestedValuesAndNull() throws {
        struct Inner: Encodable { let a: Int; let b: [String] }
        struct Outer: Encodable {
            let x: Inner?; let y: Double; let z: [Inner]; let w: Bool
            func encode(to encoder: Encoder) throws {
                enum K: String, CodingKey { case x, y, z, w }
                var c = encoder.container(keyedBy: K.self)
                if let x { try c.encode(x, forKey: .x) } else { try c.encodeNil(forKey: .x) }
                try c.encode(y, forKey: .y); try c.encode(z, forKey: .z); try c.encode(w, forKey: .w)
            }
        }
        let value = [Outer(x: nil, y: 7.25, z: [Inner(a: 1, b: ["p", "q"]), Inner(a: -2, b: [])], w: true),
                     Outer(x: Inner(a: 3, b: ["é\u{1B}"]), y: 6, z: [], w: false)]
        let tree = try JSONTree.value(value)
        let back = try JSONSerialization.jsonObject(with: Data(TerminalSafeJSON.format(tree).utf8)) as? [[String: Any]]
        XCTAssertEqual(back?.count, 2)
        XCTAssertTrue(back?[0]["x"] is NSNull)
        XCTAssertEqual(back?[0]["y"] as? Double, 7.25)
        XCTAssertEqual(((back?[0]["z"] as? [[String: Any]])?[0]["b"] as? [String]), ["p", "q"])
        XCTAssertEqual(((back?[1]["x"] as? [String: Any])?["b"] as? [String]), ["é\u{1B}"], "escaped, and the same after reading back")
        XCTAssertFalse(TerminalSafeJSON.format(tree).contains("\u{1B}"), "no raw ESC in the written JSON")
    }
}
