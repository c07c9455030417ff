import Foundation
import XCTest
import KernteamDomain
import KernteamReports
import KernteamSession

/// The HTML documents printed to A4 by a real browser (headless Chromium, `--print-to-pdf`) and read
/// back with poppler: content on page 1 beyond the title, the header line and page numbers, ids and
/// dates never broken at the end of a line.
final class PrintTests: XCTestCase {
    /// Prints an HTML file to PDF; returns the text of each page (`pdftotext -layout`).
    func printed(_ html: String, _ name: String) throws -> [String] {
        let chromium = try ExternalTools.chromium()
        let pdftotext = try ExternalTools.poppler("pdftotext")
        let dir = Fixture.temporaryDirectory("print-\(name)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let htmlPath = dir.appendingPathComponent("\(name).html").path, pdfPath = dir.appendingPathComponent("\(name).pdf").path
        try html.write(toFile: htmlPath, atomically: true, encoding: .utf8)
        // A profile of its own: other browsers on the machine (or another test) keep theirs.
        let r = ExternalTools.run(chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                                             "--user-data-dir=\(dir.appendingPathComponent("profile").path)",
                                             "--print-to-pdf=\(pdfPath)", URL(fileURLWithPath: htmlPath).absoluteString])
        XCTAssertTrue(FileManager.default.fileExists(atPath: pdfPath), "no PDF: \(r.status) \(r.err.suffix(500))")
        let text = ExternalTools.run(pdftotext, ["-layout", pdfPath, "-"])
        XCTAssertEqual(text.status, 0, text.err)
        var pages = text.out.components(separatedBy: "\u{0C}")
        if pages.last?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == true { pages.removeLast() }
        return pages
    }

    func lines(_ page: String) -> [String] {
        page.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Lines (of a column: the layout puts columns side by side, two or more spaces apart) that end
    /// in the first half of an id or a date (`A-`, `31-01-`, `2010-02-`): where one was broken.
    func brokenAtHyphen(_ pages: [String]) -> [String] {
        let broken = try! NSRegularExpression(pattern: #"(?:(?:^|[\s(/])(?:AP|BU|[VSABPDI])-|[0-9]{2}-|[0-9]{4}-)$"#)
        let segments = pages.flatMap(lines).flatMap { $0.components(separatedBy: "  ").map { $0.trimmingCharacters(in: .whitespaces) } }
        return segments.filter { broken.firstMatch(in: $0, range: NSRange($0.startIndex..., in: $0)) != nil }
    }

    /// Narrow table cells full of ids and dates: a browser breaks them at their hyphens unless told
    /// not to. The same page without the rule that keeps them whole shows the check can fail.
    func testIdsAndDatesInNarrowCellsAreNeverBroken() throws {
        let text = (10..<30).map { "A-\($0) op 31-01-2010, Delfgauw/B-\($0) op 2010-02-\($0) voor € 1.250,50" }.joined(separator: " ")
        let doc = Document(title: "Smalle kolommen", blocks: [.table(header: ["a", "b", "c", "d", "e"], rows: Array(repeating: [text, "x", text, "y", text], count: 2))])
        XCTAssertEqual(brokenAtHyphen(try printed(doc.html, "narrow")), [])
        let withoutRule = doc.html.replacingOccurrences(of: "span.nb { white-space: nowrap; }", with: "")
        XCTAssertNotEqual(withoutRule, doc.html)
        XCTAssertFalse(brokenAtHyphen(try printed(withoutRule, "narrow-control")).isEmpty, "the control page breaks ids or dates")
    }

    func testDemoReportStartsWithContentOnPageOne() throws {
        let doc = ProgressReport.document([Fixture.source(Fixture.demo)], from: Day("2009-01-01")!, to: Day("2009-12-31")!,
                                          today: Fixture.today, charts: true)
        let pages = try printed(doc.html, "report")
        XCTAssertGreaterThan(pages.count, 1)
        let first = lines(pages[0])
        // Beyond the title and the three meta lines: the kern's section and its first chart.
        XCTAssertTrue(first.contains("Kern Delfgauw"), "page 1: \(first)")
        XCTAssertTrue(first.contains { $0.hasPrefix(Text.dashboardSignals(2009).nl.components(separatedBy: " (").first!) }, "page 1: \(first)")
        XCTAssertGreaterThan(first.count, 12, "page 1 holds more than the title: \(first)")
        // Page numbers in the footer of every page; the header line from page 2 on.
        for (n, page) in pages.enumerated() {
            XCTAssertTrue(page.contains("pagina \(n + 1) van \(pages.count)"), "page \(n + 1) has its number")
            XCTAssertEqual(page.contains("Voortgangsrapportage · Kernen: alle · Periode: 01-01-2009 t/m 31-12-2009"), n > 0,
                           "header line on page \(n + 1)")
        }
        XCTAssertEqual(brokenAtHyphen(pages), [], "ids and dates are never broken")
    }

    func testMinutesAndNewsletterPrintWithHeaderAndNumbers() throws {
        let state = Fixture.enriched.state
        let m = state.latestMeeting(kern: "Delfgauw")!.id
        let minutes = try XCTUnwrap(MinutesExport.document(meeting: m, state: state, today: Fixture.today, charts: true))
        let newsletter = try XCTUnwrap(NewsletterExport.document(meeting: m, state: state, today: Fixture.today))
        for (doc, name) in [(minutes, "minutes"), (newsletter, "newsletter")] {
            let pages = try printed(doc.html, name)
            XCTAssertGreaterThan(lines(pages[0]).count, 6, "\(name) page 1: \(lines(pages[0]))")
            XCTAssertTrue(pages[0].contains("pagina 1 van \(pages.count)"), name)
            XCTAssertEqual(brokenAtHyphen(pages), [], name)
        }
    }

    func testEnglishReportPrintsInEnglish() throws {
        Language.current = .en
        defer { Language.current = .nl }
        let doc = ProgressReport.document([Fixture.source(Fixture.demo)], from: Day("2009-01-01")!, to: Day("2009-06-30")!,
                                          kern: "Delfgauw", today: Fixture.today, charts: true)
        XCTAssertTrue(doc.html.contains("<html lang=\"en\">"))
        let pages = try printed(doc.html, "report-en")
        XCTAssertTrue(pages[0].contains("Period: 1 Jan 2009 to 30 Jun 2009 inclusive"), pages[0])
        XCTAssertTrue(pages[0].contains("page 1 of \(pages.count)"))
        XCTAssertFalse(pages.joined().contains("pagina"))
    }
}
