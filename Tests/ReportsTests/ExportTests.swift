import Foundation
import XCTest
import KernteamDomain
import KernteamReports
import KernteamSession

/// Golden files: every export of the demo log, byte for byte.
final class GoldenExportTests: XCTestCase {
    var demo: KernteamState { Fixture.demo.state }

    func testMinutesGolden() throws {
        let doc = try XCTUnwrap(MinutesExport.document(meeting: RecordID(.meeting, 3), state: demo, today: Fixture.today))
        assertGolden(doc.markdown, "minutes-V-3.md")
        // The HTML carries the dashboard's charts (inline SVG with a table); the Markdown stays as it was.
        let withCharts = try XCTUnwrap(MinutesExport.document(meeting: RecordID(.meeting, 3), state: demo, today: Fixture.today, charts: true))
        assertGolden(withCharts.html, "minutes-V-3.html")
    }

    func testActionListGolden() {
        let rows = ActionListExport.rows([Fixture.source(Fixture.demo)], today: Fixture.today)
        assertGolden(ActionListExport.csv(rows), "actions.csv")
        assertGolden(try! rowsJSON(rows), "actions.json")
    }

    /// The stuurgroep report for the first half of 2009, as it would have read at the end of June 2009:
    /// the log folded as of 30-06-2009, with that day as today (what `kernteam export report` does).
    func testReportGolden() throws {
        let end = Day("2009-06-30")!
        let asOf = try Session.open(path: Fixture.demoPath, reference: nil, readOnly: true, asOf: AsOf(end))
        let doc = ProgressReport.document([Fixture.source(asOf)], from: Day("2009-01-01")!, to: end, kern: "Delfgauw", today: end,
                                          generated: Fixture.today)
        assertGolden(doc.markdown, "report-2009-h1.md")
        let withCharts = ProgressReport.document([Fixture.source(asOf)], from: Day("2009-01-01")!, to: end, kern: "Delfgauw", today: end,
                                                 charts: true, generated: Fixture.today)
        assertGolden(withCharts.html, "report-2009-h1.html")
        XCTAssertTrue(doc.markdown.contains("Stand per 30-06-2009"), "the header says as of when")
        // Nothing of July or later: the decision of the July meeting is not in it, no wait runs past June.
        XCTAssertFalse(doc.markdown.contains("B-11") || doc.markdown.contains("B-12") || doc.markdown.contains("B-13"), "the July decisions")
        let waits = doc.markdown.matches(of: /(\d+) dagen\)/).compactMap { Int($0.1) }
        XCTAssertFalse(waits.isEmpty)
        XCTAssertLessThanOrEqual(waits.max() ?? 0, 181, "no wait longer than the half year: \(waits)")
        // An action due in September 2009 is not late at the end of June.
        let late = asOf.state.actions.items.filter { $0.value.isOverdue(today: end) }.map(\.value.created)
        XCTAssertFalse(late.contains { ($0.due ?? end) > end })
    }

    func testCalendarGolden() {
        assertGolden(CalendarExport.ics(state: demo, identity: Fixture.demo.logIdentity, stamp: Fixture.stamp), "calendar.ics")
    }

    func testNewsletterGolden() throws {
        let doc = try XCTUnwrap(NewsletterExport.document(meeting: RecordID(.meeting, 5), state: demo, today: Fixture.today))
        assertGolden(doc.markdown, "newsletter-V-5.md")
        assertGolden(doc.html, "newsletter-V-5.html")
    }

    /// The enriched copy (attendance, closed meeting, Lemon, hostile text) and a second kern's log.
    func testCombinedAndEnrichedGolden() throws {
        let m = Fixture.enriched.state.latestMeeting(kern: "Delfgauw")!.id
        let minutes = try XCTUnwrap(MinutesExport.document(meeting: m, state: Fixture.enriched.state, today: Fixture.today))
        assertGolden(minutes.markdown, "minutes-enriched.md")
        let report = ProgressReport.document([Fixture.source(Fixture.enriched), Fixture.source(Fixture.nootdorp)],
                                             from: Day("2009-01-01")!, to: Day("2009-12-31")!, today: Fixture.today)
        assertGolden(report.markdown, "report-combined.md")
    }

    func testExportsDoNotDependOnTheClock() throws {
        let a = try XCTUnwrap(MinutesExport.document(meeting: RecordID(.meeting, 2), state: demo, today: Fixture.today)).html
        let b = try XCTUnwrap(MinutesExport.document(meeting: RecordID(.meeting, 2), state: demo, today: Fixture.today)).html
        XCTAssertEqual(a, b)
        XCTAssertEqual(CalendarExport.ics(state: demo, identity: Fixture.demo.logIdentity, stamp: Fixture.stamp), CalendarExport.ics(state: demo, identity: Fixture.demo.logIdentity, stamp: Fixture.stamp))
    }
}

final class ActionListTests: XCTestCase {
    let expectedHeader = ["id", "wijk", "kern", "wat", "eigenaar", "persoon", "deadline", "status", "te laat", "kosten",
                          "resultaat", "informeren", "vergadering"]

    func records(_ bytes: [UInt8]) throws -> [[String]] {
        XCTAssertEqual(Array(bytes.prefix(3)), [0xEF, 0xBB, 0xBF], "UTF-8 byte order mark first")
        let text = try XCTUnwrap(String(bytes: bytes.dropFirst(3), encoding: .utf8))
        return try CSVReader.parse(text)
    }

    func testCSVReadsBackWithDutchConventions() throws {
        let state = Fixture.demo.state
        let rows = ActionListExport.rows([Fixture.source(Fixture.demo)], today: Fixture.today)
        let csv = try records(ActionListExport.csv(rows))
        XCTAssertEqual(csv.first, expectedHeader)
        let standing = state.actions.items.filter { !$0.isWithdrawn }
        XCTAssertEqual(csv.count - 1, standing.count)
        for record in csv.dropFirst() {
            XCTAssertEqual(record.count, 13)
            let id = try XCTUnwrap(RecordID(record[0]))
            let t = try XCTUnwrap(state.actions[id])
            let a = t.value.created
            XCTAssertEqual(record[1], a.wijk ?? "")
            XCTAssertEqual(record[2], a.kern)
            XCTAssertEqual(record[3], a.title)
            XCTAssertEqual(record[4], a.owner)
            XCTAssertEqual(record[5], a.person ?? "")
            if let due = a.due {
                XCTAssertEqual(record[6], due.dutch)
                XCTAssertNotNil(record[6].range(of: #"^\d\d-\d\d-\d{4}$"#, options: .regularExpression))
            }
            XCTAssertEqual(record[7], t.value.status.rawValue)
            XCTAssertEqual(record[8], t.value.isOverdue(today: Fixture.today) ? "ja" : "nee")
            if let cost = a.cost {
                XCTAssertNotNil(record[9].range(of: #"^\d+,\d\d$"#, options: .regularExpression), record[9])
                XCTAssertEqual(Money(record[9]), cost, "the decimal comma reads back as the same amount")
            } else {
                XCTAssertEqual(record[9], "")
            }
            XCTAssertEqual(record[12], a.meeting?.description ?? "")
        }
        // A known row: A-6 costs € 3.850 in the demo.
        let a6 = try XCTUnwrap(csv.first { $0[0] == "A-6" })
        XCTAssertEqual(a6[9], "3850,00")
        XCTAssertEqual(a6[6], "15-05-2009")
    }

    func testCSVQuotingOfHostileText() throws {
        let rows = ActionListExport.rows([Fixture.source(Fixture.enriched)], filter: ActionFilter(wijk: "emerald"), today: Fixture.today)
        let bytes = ActionListExport.csv(rows)
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        let csv = try records(bytes)
        let hostile = try XCTUnwrap(csv.first { $0[3].contains("HYPERLINK") })
        XCTAssertEqual(hostile[3], "'" + Fixture.hostile, "formula neutralised, rest kept exactly (quotes, ; and the line break)")
        XCTAssertEqual(hostile[5], "wijkagent; \"Ruud\"")
        XCTAssertEqual(hostile[9], "1250,50")
        XCTAssertEqual(hostile[8], "ja", "due 15-07-2009, open on 20-07-2009")
        XCTAssertEqual(hostile[11], "Brief, website; en \"kernkrant\"")
        XCTAssertTrue(text.contains("\"wijkagent; \"\"Ruud\"\"\""), "doubled quotes inside a quoted field")
        XCTAssertTrue(csv.dropFirst().allSatisfy { $0[1] == "Emerald" })
    }

    /// The JSON rows of the action list: the keys of `list actions` (docs/json.md), ISO dates, cents, null.
    func testJSONHasTheSameDataWithISODatesAndCents() throws {
        let rows = ActionListExport.rows([Fixture.source(Fixture.enriched)], today: Fixture.today)
        let json = try rowsJSON(rows)
        let array = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        XCTAssertEqual(array.count, rows.count)
        XCTAssertEqual(Set(array[0].keys), ["kind", "id", "kern", "wijk", "date", "seq", "changes", "withdrawn", "title", "owner", "person",
                                            "due", "serves", "status", "overdue", "result", "cost_cents", "inform", "meeting", "status_reason",
                                            "wijkbudget", "reason"])
        let hostile = try XCTUnwrap(array.first { ($0["title"] as? String) == Fixture.hostile })
        XCTAssertEqual(hostile["cost_cents"] as? Int, 125_050)
        XCTAssertEqual(hostile["due"] as? String, "2009-07-15")
        XCTAssertEqual(hostile["overdue"] as? Bool, true)
        XCTAssertEqual(hostile["kind"] as? String, "actie")
        let a1 = try XCTUnwrap(array.first { ($0["id"] as? String) == "A-1" })
        XCTAssertTrue(a1["cost_cents"] is NSNull)
        XCTAssertTrue(a1["withdrawn"] is NSNull)
    }

    func testFiltersOnKernAndWijk() {
        let sources = [Fixture.source(Fixture.demo), Fixture.source(Fixture.nootdorp)]
        let noot = ActionListExport.rows(sources, filter: ActionFilter(kern: "nootdorp"), today: Fixture.today)
        XCTAssertEqual(noot.map(\.id), ["Nootdorp/A-1", "Nootdorp/A-2"])
        let gravenhout = ActionListExport.rows(sources, filter: ActionFilter(wijk: "'S-GRAVENHOUT"), today: Fixture.today)
        XCTAssertEqual(gravenhout.map(\.id), ["Nootdorp/A-1"])
        XCTAssertEqual(gravenhout.first?.cost, Money(cents: 99_995))
    }

    func testTwoLogsCombinedWithPrefixedIDs() throws {
        let sources = [Fixture.source(Fixture.demo), Fixture.source(Fixture.nootdorp)]
        XCTAssertEqual(sources.map(\.label), ["Delfgauw", "Nootdorp"])
        let rows = ActionListExport.rows(sources, today: Fixture.today)
        let demoCount = Fixture.demo.state.actions.items.filter { !$0.isWithdrawn }.count
        XCTAssertEqual(rows.count, demoCount + 2)
        XCTAssertEqual(Set(rows.map(\.id)).count, rows.count, "no id twice after combining")
        XCTAssertTrue(rows.contains { $0.id == "Delfgauw/A-1" })
        XCTAssertTrue(rows.contains { $0.id == "Nootdorp/A-1" && $0.meeting == "Nootdorp/V-1" })
        let csv = try records(ActionListExport.csv(rows))
        XCTAssertEqual(csv.count, rows.count + 1)
        // One log alone keeps its plain ids.
        XCTAssertEqual(ActionListExport.rows([Fixture.source(Fixture.nootdorp)], today: Fixture.today).first?.id, "A-1")
    }

    func testSameKernTwiceGetsDistinctLabels() {
        XCTAssertEqual(ReportSource.uniqueLabels(["Delfgauw", "Delfgauw", "Nootdorp"]), ["Delfgauw", "Delfgauw (2)", "Nootdorp"])
    }
}

final class CalendarTests: XCTestCase {
    func lines(_ ics: String) -> [String] {
        var out = ics.components(separatedBy: "\r\n")
        XCTAssertEqual(out.last, "", "the file ends with CRLF")
        out.removeLast()
        return out
    }

    func check(_ ics: String, file: StaticString = #filePath, line: UInt = #line) {
        let bytes = Array(ics.utf8)
        // Every line ends in CRLF: no CR or LF on its own.
        for (i, b) in bytes.enumerated() {
            if b == 0x0A { XCTAssertTrue(i > 0 && bytes[i - 1] == 0x0D, "bare LF at \(i)", file: file, line: line) }
            if b == 0x0D { XCTAssertTrue(i + 1 < bytes.count && bytes[i + 1] == 0x0A, "bare CR at \(i)", file: file, line: line) }
        }
        var stack: [String] = []
        for l in lines(ics) {
            XCTAssertLessThanOrEqual(l.utf8.count, 75, "line longer than 75 octets: \(l)", file: file, line: line)
            if l.hasPrefix("BEGIN:") { stack.append(String(l.dropFirst(6))) }
            if l.hasPrefix("END:") { XCTAssertEqual(stack.popLast(), String(l.dropFirst(4)), file: file, line: line) }
        }
        XCTAssertTrue(stack.isEmpty, "BEGIN/END balanced", file: file, line: line)
        // Each physical line is valid UTF-8 on its own: folding never splits a character.
        var start = 0
        for i in 0..<bytes.count where bytes[i] == 0x0D {
            XCTAssertNotNil(String(bytes: bytes[start..<i], encoding: .utf8), "folded inside a UTF-8 sequence", file: file, line: line)
            start = i + 2
        }
        let logical = lines(CalendarExport.unfold(ics))
        XCTAssertEqual(logical.first, "BEGIN:VCALENDAR", file: file, line: line)
        XCTAssertEqual(logical.last, "END:VCALENDAR", file: file, line: line)
        XCTAssertTrue(logical.contains("VERSION:2.0"), file: file, line: line)
        XCTAssertTrue(logical.contains { $0.hasPrefix("PRODID:") }, file: file, line: line)
        let events = logical.filter { $0 == "BEGIN:VEVENT" }.count
        XCTAssertEqual(logical.filter { $0 == "DTSTAMP:20090720T120000Z" }.count, events, file: file, line: line)
        let uids = logical.filter { $0.hasPrefix("UID:") }
        XCTAssertEqual(uids.count, events, file: file, line: line)
        XCTAssertEqual(Set(uids).count, uids.count, "UIDs unique", file: file, line: line)
    }

    func testDemoCalendarStructure() {
        let ics = CalendarExport.ics(state: Fixture.demo.state, identity: Fixture.demo.logIdentity, stamp: Fixture.stamp)
        check(ics)
        let logical = lines(CalendarExport.unfold(ics))
        let identity = Fixture.demo.logIdentity
        XCTAssertTrue(logical.contains("UID:V-1.\(identity)@kernteam"))
        XCTAssertTrue(logical.contains("DTSTART;TZID=Europe/Amsterdam:20090210T193000"))
        XCTAssertTrue(logical.contains("DTEND;TZID=Europe/Amsterdam:20090210T213000"))
        XCTAssertTrue(logical.contains("UID:A-1.\(identity)@kernteam"))
        XCTAssertTrue(logical.contains("DTSTART;VALUE=DATE:20090315"))
        XCTAssertTrue(logical.contains("DTEND;VALUE=DATE:20090316"))
        // Dropped and withdrawn actions stay in the file, cancelled, so a calendar that has them removes them.
        let blocks = CalendarExport.unfold(ics).components(separatedBy: "BEGIN:VEVENT").dropFirst()
        for t in Fixture.demo.state.actions.items where t.value.created.due != nil {
            let block = blocks.first { $0.contains("UID:\(t.value.created.id).\(identity)@kernteam\r\n") }
            XCTAssertNotNil(block, "\(t.value.created.id) in the calendar")
            let cancelled = t.value.status == .vervallen || t.isWithdrawn
            XCTAssertEqual(block?.contains("STATUS:CANCELLED\r\n"), cancelled, "\(t.value.created.id)")
            XCTAssertEqual(block?.contains("SEQUENCE:\(t.changes.count)\r\n"), true)
        }
        XCTAssertTrue(Fixture.demo.state.actions.items.contains { $0.value.status == .vervallen }, "the demo has a dropped action")
        let meetings = Fixture.demo.state.meetings.items.count
        XCTAssertEqual(logical.filter { $0.hasPrefix("DTSTART;TZID=") }.count, meetings)
    }

    func testHostileTextIsEscapedFoldedAndRoundTrips() throws {
        let ics = CalendarExport.ics(state: Fixture.enriched.state, identity: Fixture.enriched.logIdentity, stamp: Fixture.stamp)
        check(ics)
        let logical = lines(CalendarExport.unfold(ics))
        let summary = try XCTUnwrap(logical.first { $0.hasPrefix("SUMMARY:Deadline") && $0.contains("HYPERLINK") })
        XCTAssertFalse(summary.contains("\n"))
        XCTAssertEqual(unescape(String(summary.dropFirst("SUMMARY:".count))),
                       "Deadline \(Fixture.enriched.state.actions.items.last!.value.created.id): \(Fixture.hostile)")
        XCTAssertTrue(summary.contains("\\;") && summary.contains("\\,") && summary.contains("\\\\") && summary.contains("\\n"))
    }

    func testEscapeAndFoldUnits() {
        XCTAssertEqual(CalendarExport.escape("a,b;c\\d\ne\r\nf"), "a\\,b\\;c\\\\d\\ne\\nf")
        let long = "DESCRIPTION:" + String(repeating: "é", count: 100) + String(repeating: "x", count: 50) + "€😀"
        let folded = CalendarExport.fold(long)
        for part in folded.components(separatedBy: "\r\n") { XCTAssertLessThanOrEqual(part.utf8.count, 75) }
        XCTAssertTrue(folded.components(separatedBy: "\r\n").dropFirst().allSatisfy { $0.hasPrefix(" ") })
        XCTAssertEqual(CalendarExport.unfold(folded), long)
        XCTAssertEqual(CalendarExport.fold("kort"), "kort")
        XCTAssertEqual(CalendarExport.uid(RecordID(.meeting, 7), identity: "3f9a0c1d2e4b5a69"), "V-7.3f9a0c1d2e4b5a69@kernteam")
    }

    /// RFC 5545 TEXT unescaping, for the round trip.
    func unescape(_ s: String) -> String {
        var out = ""
        var escaped = false
        for c in s {
            if escaped {
                out.append(c == "n" || c == "N" ? "\n" : c)
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else {
                out.append(c)
            }
        }
        return out
    }
}

final class DocumentSafetyTests: XCTestCase {
    /// Every HTML and Markdown document made from the enriched log (hostile text in a signal, an
    /// action, a decision and a reporter's name).
    func documents(personal: Bool) throws -> [Document] {
        let s = Fixture.enriched
        let m = s.state.latestMeeting(kern: "Delfgauw")!.id
        return [
            try XCTUnwrap(MinutesExport.document(meeting: m, state: s.state, today: Fixture.today, persons: personal ? s.persons : nil)),
            ProgressReport.document([Fixture.source(s, personal: personal)], from: Day("2009-01-01")!, to: Day("2009-12-31")!,
                                    kern: "Delfgauw", today: Fixture.today),
            try XCTUnwrap(NewsletterExport.document(meeting: m, state: s.state, today: Fixture.today)),
        ]
    }

    func testHTMLEscapesDataAndBalancesTags() throws {
        for personal in [false, true] {
            for doc in try documents(personal: personal) {
                let html = doc.html
                XCTAssertEqual(HTMLCheck.problems(html), [], doc.title)
                XCTAssertFalse(html.lowercased().contains("<script"))
                XCTAssertFalse(html.contains("<b>"))
                XCTAssertTrue(html.contains("@media print"))
                XCTAssertFalse(html.contains("src=") || html.contains("href=") || html.contains("url("), "no external files")
                XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"nl\">"))
            }
        }
        let minutes = try documents(personal: true)[0].html
        XCTAssertTrue(minutes.contains("&lt;script&gt;alert(&#39;x&amp;y&#39;)&lt;/script&gt;, &quot;quoted&quot;"))
        XCTAssertTrue(minutes.contains("Piet &lt;b&gt;de&lt;/b&gt; Boer &amp; Zn"))
    }

    func testMarkdownEscapesData() throws {
        for doc in try documents(personal: true) {
            let md = doc.markdown
            XCTAssertEqual(unescapedAngles(md), 0, doc.title)
            if md.contains("HYPERLINK") { XCTAssertTrue(md.contains("\\<script\\>")) }
        }
        XCTAssertEqual(Markup.markdown("# kop | cel *vet* [link](x) <b> a&amp; b & c"), "\\# kop \\| cel \\*vet\\* \\[link\\](x) \\<b\\> a\\&amp; b & c")
        XCTAssertEqual(Markup.markdown("- geen lijst"), "\\- geen lijst")
        XCTAssertEqual(Markup.markdown("12. geen lijst"), "12\\. geen lijst")
        XCTAssertEqual(Markup.markdown("regel\nregel"), "regel regel")
        XCTAssertEqual(Markup.html("<a href=\"x\">'&'</a>"), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
    }

    /// "<" or ">" not preceded by an escaping backslash: raw HTML in Markdown. (The renderer emits "> "
    /// itself only at the start of a note line.)
    func unescapedAngles(_ md: String) -> Int {
        var count = 0
        for line in md.split(separator: "\n") {
            var escaped = false
            for (i, c) in line.enumerated() {
                if escaped { escaped = false; continue }
                if c == "\\" { escaped = true; continue }
                if c == ">" && i == 0 { continue }
                if c == "<" || c == ">" { count += 1 }
            }
        }
        return count
    }

    func testMarkdownTablesKeepTheirColumns() throws {
        let md = try documents(personal: false)[0].markdown
        let table = md.split(separator: "\n").filter { $0.hasPrefix("| ") }
        XCTAssertFalse(table.isEmpty)
        for row in table {
            // Unescaped "|" only as cell borders.
            let borders = row.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count
            XCTAssertTrue([7, 8, 9].contains(borders), String(row))
        }
    }
}

final class PersonalDataTests: XCTestCase {
    /// Names and contacts of residents in a log's side store.
    func secrets(_ s: Session) -> [String] {
        s.persons.values.flatMap { [$0.name, $0.contact].compactMap { $0 } }.filter { !$0.isEmpty }
    }

    func everyExport(_ s: Session, personal: Bool) -> [String] {
        var out: [String] = []
        let persons = personal ? s.persons : nil
        for t in s.state.meetings.items {
            let id = t.value.id
            if let d = MinutesExport.document(meeting: id, state: s.state, today: Fixture.today, persons: persons) { out += [d.markdown, d.html] }
            if let d = NewsletterExport.document(meeting: id, state: s.state, today: Fixture.today) { out += [d.markdown, d.html] }
        }
        let report = ProgressReport.document([Fixture.source(s, personal: personal)], from: Day("2009-01-01")!, to: Day("2009-12-31")!,
                                             today: Fixture.today)
        out += [report.markdown, report.html]
        let rows = ActionListExport.rows([Fixture.source(s, personal: personal)], today: Fixture.today)
        out += [String(decoding: ActionListExport.csv(rows), as: UTF8.self), try! rowsJSON(rows)]
        out.append(CalendarExport.ics(state: s.state, identity: s.logIdentity, stamp: Fixture.stamp))
        return out
    }

    func testPersonalDataAbsentByDefault() {
        for s in [Fixture.demo, Fixture.enriched] {
            let secrets = secrets(s)
            XCTAssertFalse(secrets.isEmpty, "the fixture has residents' data to leak")
            for text in everyExport(s, personal: false) {
                let plain = CalendarExport.unfold(text)
                for secret in secrets {
                    XCTAssertFalse(plain.contains(secret), "'\(secret)' leaked")
                    XCTAssertFalse(plain.contains(Markup.html(secret)), "'\(secret)' leaked (escaped)")
                    XCTAssertFalse(plain.contains(Markup.markdown(secret)), "'\(secret)' leaked (escaped)")
                }
            }
        }
    }

    func testPersonalDataPresentWhenAsked() throws {
        let s = Fixture.enriched
        let m = s.state.latestMeeting(kern: "Delfgauw")!.id
        let minutes = try XCTUnwrap(MinutesExport.document(meeting: m, state: s.state, today: Fixture.today, persons: s.persons))
        XCTAssertTrue(minutes.markdown.contains(Markup.markdown(Fixture.hostileName)))
        XCTAssertTrue(minutes.html.contains(Markup.html(Fixture.hostileContact)))
        XCTAssertTrue(minutes.markdown.contains(Text.exportPersonalNote.nl), "the document says it holds personal data")
        let report = ProgressReport.document([Fixture.source(s, personal: true)], from: Day("2009-01-01")!, to: Day("2009-12-31")!,
                                             kern: "Delfgauw", today: Fixture.today).markdown
        XCTAssertTrue(report.contains(Markup.markdown(Fixture.hostileName)))
        // A resident of the demo itself, owed feedback, shows up by name too.
        let named = secrets(Fixture.demo)
        XCTAssertTrue(named.contains { report.contains(Markup.markdown($0)) })
    }

    func testErasedPersonIsMarkedNotShown() throws {
        var persons = Fixture.enriched.persons
        persons["pd-hostile"] = nil
        let m = Fixture.enriched.state.latestMeeting(kern: "Delfgauw")!.id
        let md = try XCTUnwrap(MinutesExport.document(meeting: m, state: Fixture.enriched.state, today: Fixture.today, persons: persons)).markdown
        XCTAssertFalse(md.contains("Piet"))
        XCTAssertTrue(md.contains(Text.personErasedMark.nl))
    }
}

final class ReportContentTests: XCTestCase {
    func testCombinedReportNamesBothKernenAndSaysHowIdsAreWritten() {
        let doc = ProgressReport.document([Fixture.source(Fixture.enriched), Fixture.source(Fixture.nootdorp)],
                                          from: Day("2009-01-01")!, to: Day("2009-12-31")!, today: Fixture.today)
        let md = doc.markdown
        XCTAssertTrue(md.contains(Markup.markdown(Text.exportCombined(["Delfgauw", "Nootdorp"]).nl)))
        XCTAssertTrue(md.contains("## Kern Delfgauw"))
        XCTAssertTrue(md.contains("## Kern Nootdorp"))
        XCTAssertTrue(md.contains("### 's-Gravenhout"))
        XCTAssertTrue(md.contains("Nootdorp/B-1 (03-03-2009)"))
        XCTAssertTrue(md.contains("Delfgauw/B-1 (10-02-2009)"))
        XCTAssertTrue(md.contains(Markup.markdown(Text.exportNoDataFor(["Pijnacker"]).nl)))
        XCTAssertTrue(md.contains("direct: 1 (mediane doorlooptijd 11 dagen)"), "Nootdorp's initiative: 20-02 → 03-03")
    }

    func testIndicatorsShowLemonWithTrend() {
        let md = ProgressReport.document([Fixture.source(Fixture.enriched)], from: Day("2009-01-01")!, to: Day("2009-12-31")!,
                                         kern: "Delfgauw", today: Fixture.today).markdown
        XCTAssertTrue(md.contains("| Emerald | verkeer | 2006 | 6,40 | eerste meting |"))
        XCTAssertTrue(md.contains("| Emerald | verkeer | 2008 | 6,10 | gedaald |"))
        XCTAssertTrue(md.contains("| Oud Delfgauw | spelen | 2008 | 7,00 | gelijk |"))
        let initiatives = Fixture.enriched.state.initiatives.items.filter { !$0.isWithdrawn && $0.value.recorded.kern == "Delfgauw" }.count
        XCTAssertTrue(md.contains(Text.exportInitiativeIndicator(inPeriod: initiatives, total: initiatives).nl))
    }

    func testPeriodLimitsDecisions() {
        let md = ProgressReport.document([Fixture.source(Fixture.demo)], from: Day("2009-03-01")!, to: Day("2009-03-31")!,
                                         kern: "Delfgauw", today: Fixture.today).markdown
        for t in Fixture.demo.state.decisions.items where !t.isWithdrawn {
            let day = Fixture.demo.state.decisionDay(t)
            let listed = md.contains("- \(t.value.id) (")
            XCTAssertEqual(listed, day.month == 3, "\(t.value.id) on \(day)")
        }
    }

    func testMedian() {
        func median(_ days: [Int]) -> String? {
            var s = KernteamState()
            var seq = 0
            func add(_ e: Event) { seq += 1; s.apply(LoggedEvent(seq: seq, timestamp: "2009-01-01T10:00:00Z", role: .cli, event: e)) }
            add(.referenceSet(Fixture.reference))
            for (n, d) in days.enumerated() {
                let id = RecordID(.initiative, n + 1)
                add(.initiativeRecorded(InitiativeRecorded(id: id, kern: "Pijnacker", wijk: "Tolhek", text: "x", date: Day("2009-01-01")!)))
                add(.initiativeTriaged(InitiativeTriaged(ref: id, outcome: .inplannen, reason: nil, date: Day(ordinal: Day("2009-01-01")!.ordinal + d))))
            }
            let md = ProgressReport.document([ReportSource(state: s, label: "x")], from: Day("2009-01-01")!, to: Day("2009-12-31")!,
                                             kern: "Pijnacker", today: Fixture.today).markdown
            return md.range(of: #"inplannen: \d+ \(mediane doorlooptijd ([0-9,]+) dagen\)"#, options: .regularExpression)
                .map { String(md[$0]) }
        }
        XCTAssertEqual(median([3, 9, 4]), "inplannen: 3 (mediane doorlooptijd 4 dagen)")
        XCTAssertEqual(median([3, 4]), "inplannen: 2 (mediane doorlooptijd 3,5 dagen)")
    }
}
