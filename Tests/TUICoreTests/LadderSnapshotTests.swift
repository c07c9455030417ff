import XCTest
import KernteamDomain
@testable import KernteamTUI
@testable import KernteamApp

/// The Participatie pane with the ladder of the selected topic, at projector size, in colour and
/// in monochrome (where the range and the choice must read from symbols and words alone).
final class LadderSnapshotTests: XCTestCase {
    private static let meeting = RecordID(.meeting, 1)

    /// Three topics: one inside the plan's range, one a deliberate deviation with representatives and
    /// a feedback plan, one without kind of work.
    private func state() -> KernteamState {
        Fixture.state([
            .meetingHeld(MeetingHeld(id: Self.meeting, kern: "Delfgauw", date: Day("2009-07-07")!)),
            .prioritySet(PrioritySet(id: RecordID(.priority, 1), kern: "Delfgauw", wijk: "Emerald", theme: .spelen,
                                     text: "Speelplekken voor kleuters in Emerald-Zuid", period: "2009–2010", meeting: Self.meeting)),
            .participationSet(ParticipationSet(id: RecordID(.participation, 1), kern: "Delfgauw", wijk: "Emerald",
                                               topic: "Speelplek Emerald-Zuid: ontwerp", work: .leefbaarheidsplan, phase: .planvorming,
                                               level: .coproduceren, controversial: false, meeting: Self.meeting,
                                               about: RecordID(.priority, 1))),
            .participationSet(ParticipationSet(id: RecordID(.participation, 2), kern: "Delfgauw", wijk: "Oud Delfgauw",
                                               topic: "Ontmoetingsplek jongeren dorpscentrum", work: .leefbaarheidsplan,
                                               phase: .uitvoering, level: .zelfbeheer, controversial: true,
                                               reason: "De jongeren beheren de plek zelf; omwonenden stemden in op de buurtavond",
                                               meeting: Self.meeting, override: true,
                                               representatives: "Vijf jongeren en twee omwonenden van de Oude Laan",
                                               feedbackPlan: "Brief aan alle adressen rond het dorpscentrum en een stukje in de kernkrant")),
            .participationSet(ParticipationSet(id: RecordID(.participation, 3), kern: "Delfgauw", wijk: nil,
                                               topic: "Wijkschouw najaar", work: nil, phase: nil, level: .consulteren)),
        ])
    }

    /// Focus on pane 4, the given row of the Participatie list selected.
    private func driver(selectingRow row: Int) -> Driver {
        let d = Driver(state: state(), cols: 160, rows: 45)
        d.press(.char("4"))
        for _ in 0..<row { d.press(.down) }
        return d
    }

    func testLadderWithADeliberateDeviationAt160x45() throws {
        let d = driver(selectingRow: 1)
        XCTAssertEqual(d.model.focus, .participation)
        XCTAssertEqual(d.model.list(.participation), .participation)
        XCTAssertEqual(d.model.selected[.participation], RecordID(.participation, 2))
        XCTAssertGreaterThan(Layout(cols: 160, rows: 45).drawingHeight(for: .participation), 0, "the ladder fits at 160x45")
        let buffer = d.render()
        let text = buffer.text
        for expected in ["Ladder: Ontmoetingsplek jongeren dorpscentrum",
                         "leefbaarheidsplan, uitvoering, omstreden · toegestaan: niet … delegeren",
                         "5 zelfbeheer", "◀ bewuste afwijking: De jongeren beheren de plek",
                         "Bewoners vertegenwoordigd door: Vijf jongeren en twee omwonenden",
                         "Terugkoppeling aan overige bewoners: Brief aan alle adressen"] {
            XCTAssertTrue(text.contains(expected), "missing '\(expected)' in:\n\(text)")
        }
        // Texts too long for the pane end in an ellipsis, never silently cut off.
        let pane = Layout(cols: 160, rows: 45).pane(.participation)
        for start in ["Bewoners vertegenwoordigd door:", "Terugkoppeling aan overige bewoners:", "◀ bewuste afwijking:"] {
            let (x, y) = try XCTUnwrap(cell(startingWith: start, in: buffer), start)
            var line = ""
            for cx in x..<(pane.maxX - 1) { line += buffer[cx, y].symbol }
            XCTAssertTrue(line.trimmingCharacters(in: .whitespaces).hasSuffix("…"), "cut without ellipsis: \(line)")
            XCTAssertEqual(buffer[pane.maxX - 1, y].symbol, "│", "border intact")
        }
        XCTAssertFalse(text.contains("◀ gekozen"), "a deviation is not shown as an ordinary choice")
        assertLadderRangeMarks(buffer, inRange: [.niet, .consulteren, .participeren, .coproduceren, .delegeren])
        assertGolden(buffer, "ladder-override-160x45")
    }

    func testLadderInsideTheRangeAt160x45() throws {
        let d = driver(selectingRow: 0)
        XCTAssertEqual(d.model.selected[.participation] ?? RecordID(.participation, 1), RecordID(.participation, 1))
        let buffer = d.render()
        let text = buffer.text
        XCTAssertTrue(text.contains("Ladder: Speelplek Emerald-Zuid: ontwerp"), text)
        XCTAssertTrue(text.contains("leefbaarheidsplan, planvorming · toegestaan: consulteren … coproduceren"), text)
        XCTAssertTrue(text.contains("◀ gekozen"), text)
        XCTAssertFalse(text.contains("bewuste afwijking"), text)
        assertLadderRangeMarks(buffer, inRange: [.consulteren, .participeren, .coproduceren])
        assertGolden(buffer, "ladder-in-range-160x45")
    }

    func testLadderInMonochromeCarriesNoColourAndTheSameText() throws {
        let d = driver(selectingRow: 1)
        let colour = d.render(palette: .standard)
        let mono = d.render(palette: .monochrome)
        XCTAssertEqual(mono.textRows, colour.textRows, "monochrome changes styles only, never the text")
        var coloured: [String] = []
        for y in 0..<mono.height {
            for x in 0..<mono.width {
                let style = mono[x, y].style
                if style.fg != .standard || style.bg != .standard { coloured.append("(\(x),\(y)) '\(mono[x, y].symbol)' \(style)") }
            }
        }
        XCTAssertEqual(coloured, [], "monochrome cells with a colour: \(coloured.prefix(10))")
        // The colour version does use colour for the ladder, so the check above is not vacuous.
        XCTAssertTrue((0..<colour.height).contains { y in (0..<colour.width).contains { colour[$0, y].style.bg != .standard || colour[$0, y].style.fg != .standard } })
        // Without colour, the choice still stands out: bold and reverse on the chosen step.
        let (x, y) = try XCTUnwrap(cell(startingWith: "5 zelfbeheer", in: mono))
        XCTAssertTrue(mono[x, y].style.reverse && mono[x, y].style.bold, "\(mono[x, y].style)")
        assertLadderRangeMarks(mono, inRange: [.niet, .consulteren, .participeren, .coproduceren, .delegeren])
        assertGolden(mono, "ladder-override-160x45-monochrome")
    }

    /// The cell where `text` starts, matching cell symbols (not string offsets).
    private func cell(startingWith text: String, in buffer: Buffer) -> (x: Int, y: Int)? {
        let wanted = text.map(String.init)
        for y in 0..<buffer.height {
            for x in 0...(buffer.width - wanted.count) where (0..<wanted.count).allSatisfy({ buffer[x + $0, y].symbol == wanted[$0] }) {
                return (x, y)
            }
        }
        return nil
    }

    /// Each step of the ladder has the ▐ mark exactly when it lies inside the plan's range.
    private func assertLadderRangeMarks(_ buffer: Buffer, inRange: Set<ParticipationLevel>, file: StaticString = #filePath, line: UInt = #line) {
        let rows = buffer.textRows
        for level in ParticipationLevel.allCases {
            let label = "\(level.rank) \(level.rawValue) "
            guard let y = rows.lastIndex(where: { $0.contains(label) && $0.contains("█") }) else {
                XCTFail("no ladder step for \(level.rawValue)", file: file, line: line); continue
            }
            let marked = rows[y].contains("▐" + String(repeating: "█", count: level.rank + 1))
            XCTAssertEqual(marked, inRange.contains(level), "\(level.rawValue): \(rows[y])", file: file, line: line)
        }
    }
}
