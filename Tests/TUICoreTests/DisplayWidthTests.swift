import Foundation
import XCTest
import KernteamTerminal
@testable import KernteamTUI

/// The buffer counts columns as ncurses places them: what the buffer hands the terminal for a line
/// (its cells' symbols) must end where ncurses ends it, for wide, combining and zero-width characters.
final class DisplayWidthTests: XCTestCase {
    static let samples: [String] = [
        "plain ASCII",
        "CJK 漢字テスト",
        "한국어 텍스트",
        "fullwidth ＡＢＣ and ideographic　space",
        "emoji 🎉 party",
        "thumbs 👍🏽 with a skin tone",
        "flag 🇳🇱 of the Netherlands",
        "family 👨‍👩‍👧 joined by zero width joiners",
        "heart ❤️ with VS16 and ❤ without",
        "café with é precomposed and e\u{0301} combining",
        "Z\u{0337}\u{0322}a\u{0334}l\u{0335}g\u{0336}o",
        "\u{0301}a stray combining mark first",
        "zero\u{200B}width\u{200C}non\u{200D}joiner\u{2060}wj\u{FEFF}bom",
        "soft\u{00AD}hyphen",
        "tag \u{E0041} and private \u{E000} use",
        "bidi \u{202E}gnirts\u{202C} end",
        "'s-Gravenhout, café Zoë — “quotes” ĳ ß",
        "box ┌─┐ │▶│ └─┘ ◐ ⍰ ␛ …",
    ]

    /// What `NcursesTerminal.present` hands ncurses for one line: the cells' symbols, continuation cells left out.
    private func presented(_ buffer: Buffer, row: Int, columns: Int) -> String {
        (0..<columns).map { buffer[$0, row] }.filter { !$0.isContinuation }.map(\.symbol).joined()
    }

    func testBufferColumnsAreWhereNcursesPlacesTheText() throws {
        var lines: [(text: String, columns: Int, sent: String)] = []
        for text in Self.samples {
            var buffer = Buffer(width: 120, height: 1)
            let used = buffer.put(text, x: 0, y: 0)
            lines.append((text, used, presented(buffer, row: 0, columns: used)))
            XCTAssertEqual(used, DisplayWidth.of(TerminalSafe.sanitize(text).map { DisplayWidth.of($0) == 0 ? String(TerminalSafe.placeholder) : String($0) }.joined()),
                           "put and DisplayWidth agree for \(text.debugDescription)")
        }
        guard let placed = NcursesColumns.placed(lines.map(\.sent)) else { throw XCTSkip("no ncurses screen (terminfo for xterm missing)") }
        for (line, ncurses) in zip(lines, placed) {
            XCTAssertEqual(line.columns, ncurses, "\(line.text.debugDescription): the buffer used \(line.columns) columns, ncurses \(ncurses)")
        }
    }

    func testWideAndZeroWidthCounts() {
        XCTAssertEqual(DisplayWidth.of("漢字"), 4)
        XCTAssertEqual(DisplayWidth.of("e\u{0301}"), 1, "a combining mark takes no column")
        XCTAssertEqual(DisplayWidth.of(Character("👍🏽")), 4, "two wide code points, as ncurses places them")
        XCTAssertEqual(DisplayWidth.of("abc"), 3)
        XCTAssertEqual(DisplayWidth.truncate("漢字テスト", to: 5), "漢字…")
    }

    func testOverwritingPartOfAWideGraphemeBlanksAllOfIt() {
        var buffer = Buffer(width: 10, height: 1)
        buffer.put("👍🏽x", x: 0, y: 0)
        XCTAssertEqual(buffer.textRows[0], "👍🏽x     ")
        buffer.put("a", x: 2, y: 0)
        XCTAssertEqual(buffer.textRows[0], "  a x     ", "no part of the emoji is left behind")
    }
}
