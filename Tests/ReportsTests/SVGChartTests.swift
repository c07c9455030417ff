import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest
import KernteamDomain
@testable import KernteamReports

/// The charts in the HTML documents: well-formed SVG (parsed as XML), one `<rect class="bar">` per
/// value above zero, and a table beside it with the same numbers; Markdown shows only the table.
final class SVGChartTests: XCTestCase {
    /// Collects what the XML parser saw: elements with attributes, text per element, errors.
    final class Collector: NSObject, XMLParserDelegate {
        var elements: [(name: String, attributes: [String: String])] = []
        var texts: [(element: String, text: String)] = []
        var stack: [String] = []
        var error: Error?
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            elements.append((name, attributes))
            stack.append(name)
            texts.append((name, ""))
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if !texts.isEmpty { texts[texts.count - 1].text += string }
        }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) { stack.removeLast() }
        func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) { error = parseError }
    }

    /// Parses `xml`; fails the test when it is not well-formed.
    func parse(_ xml: String, file: StaticString = #filePath, line: UInt = #line) -> Collector {
        let collector = Collector()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = collector
        let ok = parser.parse()
        XCTAssertTrue(ok, "not well-formed: \(String(describing: collector.error ?? parser.parserError))\n\(xml)", file: file, line: line)
        XCTAssertTrue(collector.stack.isEmpty, file: file, line: line)
        return collector
    }

    private var sample: ChartData {
        ChartData(title: "Acties <per> status & \"wijk\"", labelColumn: "Wijk",
                  series: [.init("○ open", .open), .init("! te laat", .late), .init("● gereed", .done), .init("✕ vervallen", .dropped)],
                  rows: [.init("Emerald", [3, 0, 4, 0], note: "totaal 7"), .init("Oud <b>Delfgauw</b>", [1, 1, 3, nil], note: "totaal 5")],
                  empty: "geen gegevens")
    }

    func testSVGIsWellFormedWithABarPerValue() throws {
        let svg = try XCTUnwrap(SVGChart.svg(sample, id: "g1"))
        let xml = parse(svg)
        XCTAssertEqual(xml.elements.first?.name, "svg")
        XCTAssertEqual(xml.elements.first?.attributes["xmlns"], "http://www.w3.org/2000/svg")
        let bars = xml.elements.filter { $0.name == "rect" && $0.attributes["class"] == "bar" }
        XCTAssertEqual(bars.count, 5, "3, 4, 1, 1, 3: values above zero")
        XCTAssertEqual(xml.elements.filter { $0.name == "rect" && $0.attributes["class"] == "key" }.count, 4, "a legend entry per series")
        // Longer values get longer bars: 4 is the longest.
        let widths = bars.compactMap { Int($0.attributes["width"] ?? "") }
        XCTAssertEqual(widths.max(), widths[1])
        XCTAssertFalse(svg.contains("<script"), "no scripts")
        XCTAssertFalse(svg.contains("href"), "nothing from elsewhere")
        // Every number is written beside its bar (with the series name).
        let texts = xml.texts.filter { $0.element == "text" }.map { $0.text.trimmingCharacters(in: .whitespacesAndNewlines) }
        for expected in ["○ open: 3", "! te laat: 0", "● gereed: 4", "✕ vervallen: 0", "○ open: 1", "✕ vervallen: –"] {
            XCTAssertTrue(texts.contains(expected), "\(expected) in \(texts)")
        }
        XCTAssertTrue(texts.contains("Oud <b>Delfgauw</b>"), "labels are escaped text, not markup")
        XCTAssertNil(SVGChart.svg(ChartData(title: "x", labelColumn: "y", series: [], rows: [], empty: "leeg"), id: "g2"))
    }

    /// The table beside the chart has the numbers the bars stand for.
    func testTableBesideTheChartHasTheSameNumbers() throws {
        let doc = Document(title: "t", blocks: [.svgChart(sample)])
        let html = doc.html
        let figure = try XCTUnwrap(html.range(of: "<figure").map { String(html[$0.lowerBound...]) }
            .flatMap { s in s.range(of: "</figure>").map { String(s[..<$0.upperBound]) } })
        let xml = parse(figure)
        let cells = xml.texts.filter { $0.element == "td" }.map { $0.text.trimmingCharacters(in: .whitespacesAndNewlines) }
        XCTAssertEqual(cells, ["Emerald", "3", "0", "4", "0", "totaal 7", "Oud <b>Delfgauw</b>", "1", "1", "3", "–", "totaal 5"])
        let headers = xml.texts.filter { $0.element == "th" }.map { $0.text.trimmingCharacters(in: .whitespacesAndNewlines) }
        XCTAssertEqual(headers, ["Wijk", "○ open", "! te laat", "● gereed", "✕ vervallen", "Toelichting"])
        let barCount = xml.elements.filter { $0.name == "rect" && $0.attributes["class"] == "bar" }.count
        XCTAssertEqual(barCount, sample.rows.flatMap(\.values).filter { ($0 ?? 0) > 0 }.count)
        XCTAssertEqual(HTMLCheck.problems(html), [])
        // Markdown: the title and the table only.
        let md = doc.markdown
        XCTAssertFalse(md.contains("<svg") || md.contains("rect"))
        XCTAssertTrue(md.contains("| Emerald | 3 | 0 | 4 | 0 | totaal 7 |"), md)
    }

    /// The stuurgroep report and the minutes in HTML carry the charts; each chart is well-formed XML
    /// with as many bars as its table has numbers above zero.
    func testReportAndMinutesCarryCharts() throws {
        let demo = Fixture.demo.state
        let report = ProgressReport.document([Fixture.source(Fixture.demo)], from: Day("2009-01-01")!, to: Day("2009-06-30")!,
                                             kern: "Delfgauw", today: Fixture.today, charts: true)
        let minutes = try XCTUnwrap(MinutesExport.document(meeting: RecordID(.meeting, 3), state: demo, today: Fixture.today, charts: true))
        for doc in [report, minutes] {
            let charts = doc.blocks.compactMap { if case .svgChart(let c) = $0 { c } else { nil } }
            XCTAssertEqual(charts.count, 5, doc.title)
            let html = doc.html
            XCTAssertEqual(HTMLCheck.problems(html), [], doc.title)
            XCTAssertFalse(html.contains("<script"))
            var rest = Substring(html)
            var svgs: [String] = []
            while let start = rest.range(of: "<svg"), let end = rest.range(of: "</svg>", range: start.upperBound..<rest.endIndex) {
                svgs.append(String(rest[start.lowerBound..<end.upperBound]))
                rest = rest[end.upperBound...]
            }
            let drawn = charts.filter { !$0.isEmpty }
            XCTAssertEqual(svgs.count, drawn.count)
            for (svg, chart) in zip(svgs, drawn) {
                let xml = parse(svg)
                let bars = xml.elements.filter { $0.name == "rect" && $0.attributes["class"] == "bar" }.count
                XCTAssertEqual(bars, chart.tableRows.flatMap { $0.dropFirst().prefix(chart.series.count) }
                    .filter { $0 != "0" && $0 != "–" && $0 != "€ 0" }.count, chart.title)
            }
            // Without charts the document is as before.
            XCTAssertFalse(doc.markdown.contains("<svg"))
        }
        XCTAssertFalse(ProgressReport.document([Fixture.source(Fixture.demo)], from: Day("2009-01-01")!, to: Day("2009-06-30")!,
                                               kern: "Delfgauw", today: Fixture.today).html.contains("<svg"))
    }
}
