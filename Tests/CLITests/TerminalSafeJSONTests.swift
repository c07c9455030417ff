import Foundation
import XCTest
import KernteamTUI
@testable import kernteam

/// `TerminalSafeJSON` must print what the CLI printed before it (JSONSerialization, pretty, sorted
/// keys, unescaped slashes, then every unsafe character as `\uXXXX`), byte for byte.
final class TerminalSafeJSONTests: XCTestCase {
    /// The earlier way, kept here as the reference.
    private func reference(_ value: Any) throws -> String {
        let data = try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted])
        var out = ""
        for u in String(decoding: data, as: UTF8.self).unicodeScalars {
            if u == "\n" || TerminalSafe.isSafe(u) {
                out.unicodeScalars.append(u)
            } else {
                for unit in String(u).utf16 { out += String(format: "\\u%04x", unit) }
            }
        }
        return out
    }

    func testSameBytesAsBefore() throws {
        let texts = ["gewoon", "met \"aanhalingstekens\" en \\ en / slash", "tab\tregel\nterug\r", "\u{1B}[2J\u{1B}]0;titel\u{07}",
                     "\u{9B}31m C1", "\u{202E}omgekeerd\u{2066}", "nul\u{0}byte\u{1F}", "emoji 🎉 é ø ß 中文", "\u{200B}\u{FEFF}\u{AD}",
                     "\u{E000}privé", "", "\u{7F}del"]
        var records: [[String: Any]] = []
        for (i, t) in texts.enumerated() {
            records.append(["id": "B-\(i)", "text": t, "seq": i * 1_000, "wijk": i % 2 == 0 ? "Emerald" : NSNull(),
                            "overdue": i % 3 == 0, "serves": i % 2 == 0 ? ["S-1", "S-22"] : [String](),
                            "allowed": [["informeren", "raadplegen"]], "cost_cents": -12_345, "status_reason": t,
                            "status": "open", "nested": ["b": 1, "a": [String: Any]()]])
        }
        XCTAssertEqual(TerminalSafeJSON.format(records), try reference(records))
        XCTAssertEqual(TerminalSafeJSON.format([Any]()), try reference([Any]()))
        XCTAssertEqual(TerminalSafeJSON.format(["leeg": [String: Any](), "lijst": [Any]()]), try reference(["leeg": [String: Any](), "lijst": [Any]()]))
        // Nothing unsafe is left in the output.
        let out = TerminalSafeJSON.format(records)
        XCTAssertTrue(out.unicodeScalars.allSatisfy { $0 == "\n" || TerminalSafe.isSafe($0) })
    }
}
