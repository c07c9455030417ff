import Foundation
import XCTest
import KernteamDomain
import KernteamLog
@testable import KernteamReports
import KernteamSession

/// Exports safe in every cell: no spreadsheet formula in any CSV column, also behind an invisible,
/// format or combining character; no control byte (ESC, OSC, CSI, DEL, NUL …) in any document.
final class ExportSafetyTests: XCTestCase {
    /// Characters a formula may hide behind.
    static let hiders = ["", "\u{0301}", "\u{200D}", "\u{FE0F}", "\u{00A0}", "\u{200D}\u{0301} "]
    /// What starts a formula, as a spreadsheet reads the cell.
    static let starters = ["=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠"]

    /// Whether a spreadsheet would take `cell` as a formula: its first scalar that is not invisible.
    static func startsFormula(_ cell: String) -> Bool {
        for u in cell.unicodeScalars {
            if CSV.formulaStarts.contains(u.value) { return true }
            switch u.properties.generalCategory {
            case .format, .nonspacingMark, .spacingMark, .enclosingMark, .spaceSeparator, .control: continue
            default: return false
            }
        }
        return false
    }

    func row(_ column: Int, _ value: String) -> ActionRow {
        var head = RecordHead(kind: "actie", id: "A-1", kern: "Delfgauw", wijk: "Emerald", date: Day("2009-07-01")!, seq: 5, changes: [], withdrawn: nil)
        switch column {
        case 0: head.id = value
        case 1: head.wijk = value
        case 2: head.kern = value
        default: break
        }
        var r = ActionRow(head: head, title: "t", owner: "Politie", person: "p", due: Day("2009-07-15"), serves: [], status: .open, overdue: false,
                          result: "r", cost: Money(cents: 100), inform: "i", meeting: "V-1", statusReason: nil)
        switch column {
        case 0, 1, 2: break
        case 3: r.title = value
        case 4: r.owner = value
        case 5: r.person = value
        case 10: r.result = value
        case 11: r.inform = value
        default: r.meeting = value
        }
        return r
    }

    func testAFormulaInEveryColumnIsNeutralisedAlsoBehindInvisibleCharacters() throws {
        var checked = 0
        for column in [0, 1, 2, 3, 4, 5, 10, 11, 12] {
            for hider in Self.hiders {
                for starter in Self.starters {
                    let value = hider + starter + "HYPERLINK(\"http://x\";\"klik\")"
                    let text = String(decoding: ActionListExport.csv([row(column, value)]).dropFirst(3), as: UTF8.self)
                    let records: [[String]]
                    do { records = try CSVReader.parse(text) } catch { XCTFail("\(error): \(text.debugDescription)"); continue }
                    XCTAssertEqual(records.count, 2)
                    let cell = records[1][column]
                    XCTAssertFalse(Self.startsFormula(cell), "column \(column), \(hider.unicodeScalars.map { String($0.value, radix: 16) }) \(starter.debugDescription): \(cell.debugDescription)")
                    XCTAssertTrue(cell.hasSuffix("HYPERLINK(\"http://x\";\"klik\")"), "the text itself is kept: \(cell.debugDescription)")
                    checked += 1
                }
            }
        }
        // Control run: without the guard, the same cells would be formulas.
        XCTAssertTrue(Self.startsFormula("\u{200D}=1+1") && Self.startsFormula("\u{00A0}\u{0301}@SUM(A1)"))
        XCTAssertEqual(checked, 9 * Self.hiders.count * Self.starters.count)
        // Ordinary values stay as they are.
        let plain = try CSVReader.parse(String(decoding: ActionListExport.csv([row(3, "Drempel plaatsen")]).dropFirst(3), as: UTF8.self))
        XCTAssertEqual(plain[1][3], "Drempel plaatsen")
        XCTAssertEqual(plain[1][9], "1,00")
    }

    /// Escape sequences and other controls in every text field of every record kind an export shows.
    static let controls = ["\u{1B}[2J\u{1B}[H", "\u{1B}]0;gekaapt\u{07}", "\u{9B}31m", "\u{7F}", "\u{0}", "\u{1B}]52;c;aGFsbG8=\u{07}", "\u{8}\u{8}\r"]

    func hostileSession() throws -> Session {
        let dir = Fixture.temporaryDirectory("controls")
        let path = dir.appendingPathComponent("log.jsonl").path
        let s = try Session.open(path: path, reference: Fixture.reference, role: .secretaris, clock: { Fixture.stamp })
        s.makePersonRef = { "pd-control1" }
        let bad = Self.controls.joined(separator: " x ")
        let ts = Fixture.at("2009-07-07T19:40:00Z")
        let m = RecordID(.meeting, 1)
        try s.append(.meetingHeld(MeetingHeld(id: m, kern: "Delfgauw", date: Day("2009-07-07")!)), timestamp: ts)
        try s.append(.agendaItemAdded(AgendaItemAdded(id: RecordID(.agendaItem, 1), meeting: m, title: bad, kern: "Delfgauw", wijk: "Emerald", minutes: 20)), timestamp: ts)
        try s.append(.signalRecorded(SignalRecorded(id: RecordID(.signal, 1), kern: "Delfgauw", wijk: "Emerald", theme: .verkeer, source: .bewoner,
                                                    text: bad, date: Day("2009-07-06")!, buurt: bad, meeting: m)), timestamp: ts, person: (bad, bad))
        try s.append(.actionCreated(ActionCreated(id: RecordID(.action, 1), kern: "Delfgauw", wijk: "Emerald", title: bad, owner: bad, person: bad,
                                                  due: Day("2009-07-15")!, result: bad, cost: Money(cents: 100), inform: bad, meeting: m)), timestamp: ts)
        try s.append(.decisionTaken(DecisionTaken(id: RecordID(.decision, 1), kern: "Delfgauw", wijk: "Emerald", text: bad, meeting: m)), timestamp: ts)
        try s.append(.initiativeRecorded(InitiativeRecorded(id: RecordID(.initiative, 1), kern: "Delfgauw", wijk: "Emerald", text: bad,
                                                            date: Day("2009-07-06")!, meeting: m)), timestamp: ts)
        try s.append(.feedbackGiven(FeedbackGiven(ref: RecordID(.signal, 1), how: bad, date: Day("2009-07-08")!)), timestamp: ts)
        return s
    }

    func testNoControlByteInAnyExport() throws {
        let s = try hostileSession()
        let source = ReportSource(state: s.state, persons: s.persons, label: "Delfgauw")
        let m = RecordID(.meeting, 1)
        var documents: [(String, String)] = []
        let minutes = try XCTUnwrap(MinutesExport.document(meeting: m, state: s.state, today: Fixture.today, persons: s.persons, charts: true))
        let newsletter = try XCTUnwrap(NewsletterExport.document(meeting: m, state: s.state, today: Fixture.today))
        let report = ProgressReport.document([source], from: Day("2009-01-01")!, to: Day("2009-12-31")!, kern: nil, today: Fixture.today, charts: true)
        for (name, doc) in [("minutes", minutes), ("newsletter", newsletter), ("report", report)] {
            documents.append(("\(name).md", doc.rendered(.markdown)))
            documents.append(("\(name).html", doc.rendered(.html)))
        }
        let rows = ActionListExport.rows([source], today: Fixture.today)
        documents.append(("actions.csv", String(decoding: ActionListExport.csv(rows), as: UTF8.self)))
        documents.append(("calendar.ics", CalendarExport.ics(state: s.state, identity: s.logIdentity, stamp: Fixture.stamp, kern: nil, places: [:])))
        for (name, text) in documents {
            let scalars = Array(text.unicodeScalars)
            for (i, u) in scalars.enumerated() where ControlPictures.isControl(u) {
                let allowed = u == "\n" || u == "\t" || (u == "\r" && i + 1 < scalars.count && scalars[i + 1] == "\n")
                XCTAssertTrue(allowed, "\(name): U+\(String(u.value, radix: 16)) at \(i)")
                if !allowed { break }
            }
            // Shown, not dropped: the same picture as on screen. (JSON is written by the CLI's one JSON
            // writer, escaped as data: DocumentOutTests.)
            XCTAssertTrue(text.contains("␛"), "\(name) shows ESC as ␛")
        }
        XCTAssertEqual(documents.count, 8)
    }
}
