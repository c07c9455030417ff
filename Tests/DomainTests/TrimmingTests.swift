import Foundation
import XCTest
@testable import KernteamDomain

/// Draft fields and place names are trimmed without Foundation (it was most of checking a draft on a
/// large log); the result must be Foundation's, scalar for scalar, for every kind of edge.
final class TrimmingTests: XCTestCase {
    func testTrimmingIsFoundationsForEveryEdge() {
        let samples = [
            "", " ", "\t\n \r", "Emerald", "  Oud Delfgauw  ", "\u{00A0}Tolhek\u{3000}", "\u{2028}regel\u{2029}",
            "privégebruik  en tag \u{E0041}", "e \u{0301}", " \u{0301}", "\u{200B}nul breed\u{200B}", "\u{FEFF}bom",
            "a\u{85}", "\u{1F1F3}\u{1F1F1} ", "  \u{1B}[31m rood \u{1B}[0m  ",
        ]
        for s in samples {
            XCTAssertEqual(String.trimmedOfWhitespace(s).unicodeScalars.map(\.value),
                           s.trimmingCharacters(in: .whitespacesAndNewlines).unicodeScalars.map(\.value), s.debugDescription)
        }
        // Every scalar of the basic plane before and after a letter: trimmed exactly when Foundation trims it.
        for v in 0...0xFFFF {
            guard let c = Unicode.Scalar(v) else { continue }
            let s = String(Character(c)) + "a" + String(Character(c))
            XCTAssertEqual(String.trimmedOfWhitespace(s), s.trimmingCharacters(in: .whitespacesAndNewlines), String(format: "U+%04X", v))
        }
        XCTAssertEqual(Draft([.text: "  S-34 \u{E0041}"])[.text]?.unicodeScalars.last, "\u{E0041}", "a tag after a space is kept")
        XCTAssertNil(Draft([.text: " \n\t "])[.text])
    }
}
