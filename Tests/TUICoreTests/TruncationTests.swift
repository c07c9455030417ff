import XCTest
import KernteamDomain
@testable import KernteamTUI
@testable import KernteamApp

final class TruncationTests: XCTestCase {
    func testWidthOfWideAndCombiningCharacters() {
        XCTAssertEqual(DisplayWidth.of("'s-Gravenhout"), 13)
        XCTAssertEqual(DisplayWidth.of("Zoë"), 3)
        XCTAssertEqual(DisplayWidth.of("Zoe\u{0308}"), 3, "e + combining diaeresis is one column")
        XCTAssertEqual(DisplayWidth.of("日本"), 4)
        XCTAssertEqual(DisplayWidth.of("🚲"), 2)
    }

    func testTruncateCountsColumnsNotBytes() {
        XCTAssertEqual(DisplayWidth.truncate("Speeltoestel 日本語テキスト", to: 16), "Speeltoestel 日…")
        XCTAssertEqual(DisplayWidth.of(DisplayWidth.truncate("ëëëëëëëëëë", to: 5)), 5)
        XCTAssertEqual(DisplayWidth.pad("é", to: 3), "é  ")
    }

    /// A pane with long Dutch text and wide characters stays inside its border.
    func testSignalPaneTruncatesLongWideTextInsideBorder() {
        let long = "Bewoners van de Delftsestraatweg melden dat de speelplek bij 's-Gravenhout al weken vernield is; 日本語 中文 テキスト 🚲🚲 en de hekken zijn kapot — graag snel actie van de gemeente"
        let state = Fixture.state([
            .meetingHeld(MeetingHeld(id: RecordID(.meeting, 1), kern: "Delfgauw", date: Day("2009-03-10")!)),
            .signalRecorded(SignalRecorded(id: RecordID(.signal, 1), kern: "Delfgauw", wijk: "Oud Delfgauw", theme: .spelen,
                                           source: .bewoner, text: long, date: Day("2009-03-09")!)),
        ])
        for (cols, rows) in [(80, 24), (160, 45), (67, 17)] {
            let buffer = Driver(state: state, cols: cols, rows: rows).render()
            let pane = Layout(cols: cols, rows: rows).pane(.signals)
            let row = pane.y + 1
            // The right border is intact and every row has exactly `cols` columns of cells.
            XCTAssertEqual(buffer[pane.maxX - 1, row].symbol, "│", "border overwritten at \(cols)x\(rows)")
            var line = ""
            for x in pane.x..<pane.maxX { line += buffer[x, row].symbol }
            XCTAssertTrue(line.contains("…"), "long text should end in an ellipsis at \(cols)x\(rows): \(line)")
            XCTAssertLessThanOrEqual(DisplayWidth.of(line), pane.width)
        }
    }

    func testHostileTextIsShownAsVisiblePlaceholders() {
        let hostile = "Titel\u{1B}]0;gehackt\u{07}\u{1B}[31mrood\u{9B}2J\u{202E}omgekeerd\u{200B}\nnieuwe regel"
        var buffer = Buffer(width: 80, height: 2)
        buffer.put(hostile, x: 0, y: 0)
        let row = buffer.textRows[0]
        for scalar in row.unicodeScalars {
            XCTAssertTrue(TerminalSafe.isSafe(scalar), "unsafe scalar U+\(String(scalar.value, radix: 16)) reached the buffer")
        }
        XCTAssertTrue(row.contains("␛]0;gehackt"), row)
        XCTAssertTrue(row.contains("␤nieuwe regel") || row.contains("␊nieuwe regel"), row)
        XCTAssertEqual(buffer.textRows[1].trimmingCharacters(in: .whitespaces), "", "a newline never makes a new screen line")
    }
}
