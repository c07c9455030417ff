import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest
import KernteamDomain
import KernteamSession
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

    // MARK: - Series told apart, labels that fit, the whole period

    /// What a text element of the SVG takes: where it starts and ends at its font size (measured with
    /// the chart font's width table), on which baseline.
    struct Placed { var text: String; var left: Double; var right: Double; var y: Double; var size: Double }

    func placedTexts(_ xml: Collector) -> [Placed] {
        var out: [Placed] = []
        var i = 0
        for (name, attributes) in xml.elements where name == "text" {
            // The element's own text is the i-th "text" entry of the collector.
            while i < xml.texts.count && xml.texts[i].element != "text" { i += 1 }
            let content = xml.texts[i].text.trimmingCharacters(in: .whitespacesAndNewlines)
            i += 1
            let x = Double(attributes["x"] ?? "") ?? .nan, y = Double(attributes["y"] ?? "") ?? .nan
            let size = Double(attributes["font-size"] ?? "") ?? .nan
            let w = TextWidth.of(content, size: size)
            let end = attributes["text-anchor"] == "end"
            out.append(Placed(text: content, left: end ? x - w : x, right: end ? x : x + w, y: y, size: size))
        }
        return out
    }

    /// Every label inside the drawing, none running into another on its line, row labels left of the
    /// bars. Returns the texts, for more checks.
    @discardableResult
    func assertLabelsFit(_ svg: String, _ what: String, file: StaticString = #filePath, line: UInt = #line) -> [Placed] {
        let xml = parse(svg, file: file, line: line)
        let width = Double(xml.elements.first?.attributes["width"] ?? "") ?? 0
        let texts = placedTexts(xml)
        XCTAssertFalse(texts.isEmpty, file: file, line: line)
        for t in texts {
            XCTAssertFalse(t.left.isNaN || t.y.isNaN || t.size.isNaN, "\(what): unplaced text \(t.text)", file: file, line: line)
            XCTAssertGreaterThanOrEqual(t.left, 0, "\(what): '\(t.text)' starts left of the chart", file: file, line: line)
            XCTAssertLessThanOrEqual(t.right, width, "\(what): '\(t.text)' runs past the right edge", file: file, line: line)
        }
        for (a, b) in texts.enumerated().flatMap({ i, a in texts.dropFirst(i + 1).map { (a, $0) } }) where abs(a.y - b.y) < min(a.size, b.size) {
            XCTAssertTrue(a.right <= b.left || b.right <= a.left, "\(what): '\(a.text)' and '\(b.text)' overlap", file: file, line: line)
        }
        let barsStart = xml.elements.filter { $0.name == "rect" && $0.attributes["class"] == "bar" }
            .compactMap { Double($0.attributes["x"] ?? "") }.min() ?? .infinity
        for t in texts where t.right <= barsStart {
            XCTAssertLessThanOrEqual(t.right, barsStart, file: file, line: line)
        }
        return texts
    }

    /// Each series one fill (a pattern of its own colour and shape), the same in the legend, and no two alike.
    func assertOwnFills(_ svg: String, series: Int, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        let xml = parse(svg, file: file, line: line)
        var fills: [Int: Set<String>] = [:]
        for (name, a) in xml.elements where name == "rect" && (a["class"] == "bar" || a["class"] == "key") {
            guard let s = Int(a["data-series"] ?? ""), let f = a["fill"] else { XCTFail("\(what): a bar without series or fill", file: file, line: line); continue }
            fills[s, default: []].insert(f)
        }
        let used = fills.keys.sorted()
        XCTAssertTrue(fills.values.allSatisfy { $0.count == 1 }, "\(what): one fill per series: \(fills)", file: file, line: line)
        XCTAssertEqual(Set(fills.values.compactMap(\.first)).count, used.count, "\(what): every series its own fill: \(fills)", file: file, line: line)
        // The patterns differ in what they draw, not only in their names.
        let patterns = svg.components(separatedBy: "<pattern ").dropFirst().map { p -> String in
            let inner = p.components(separatedBy: "</pattern>")[0]
            return String(inner[inner.range(of: ">")!.upperBound...])
        }
        XCTAssertEqual(patterns.count, series, what, file: file, line: line)
        XCTAssertEqual(Set(patterns).count, series, "\(what): patterns alike: \(patterns)", file: file, line: line)
    }

    func testEverySeriesHasItsOwnFillAndAPattern() throws {
        assertOwnFills(try XCTUnwrap(SVGChart.svg(sample, id: "g1")), series: 4, "actions")
        let eight = ChartData(title: "acht", labelColumn: "Thema", series: (1...8).map { .init("K\($0)", .current) },
                              rows: [.init("verkeer", Array(1...8)), .init("spelen", Array((1...8).reversed()))], empty: "-")
        assertOwnFills(try XCTUnwrap(SVGChart.svg(eight, id: "g2")), series: 8, "eight series")
        let eleven = ChartData(title: "elf", labelColumn: "Jaar", series: (2000...2010).map { .init(String($0), .current) },
                               rows: [.init("verkeer", Array(1...11))], empty: "-")
        assertOwnFills(try XCTUnwrap(SVGChart.svg(eleven, id: "g3")), series: 11, "more series than colours")
        // The quarterly signals chart that drew four series in one colour.
        let signals = Dashboard.signals(state: Fixture.demo.state, kern: "Delfgauw", wijk: nil, from: Day("2009-01-01")!, to: Day("2009-12-31")!)
        XCTAssertEqual(signals.series.count, 4)
        assertOwnFills(try XCTUnwrap(SVGChart.svg(signals, id: "g4")), series: 4, "signals per quarter")
    }

    func testNoLabelIsWiderThanItsArea() throws {
        let long = "Vrouwtjeslant/Nieuweveen en de hele Nootdorpse polder tot aan de rijksweg A12 bij Ypenburg"
        let places = ChartData(title: "wijken", labelColumn: "Wijk",
                               series: [.init("○ open", .open), .init("! te laat", .late), .init("● gereed", .done), .init("✕ vervallen", .dropped)],
                               rows: [.init("Vrouwtjeslant/Nieuweveen", [3, 1, 12, 0]), .init(long, [1, 0, 2, 1]),
                                      .init("Zuidpolder/Noordpolder", [120, 4, 3, 2]), .init("Wwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwww", [1, 1, 1, 1])],
                               empty: "-")
        let svg = try XCTUnwrap(SVGChart.svg(places, id: "g1"))
        let texts = assertLabelsFit(svg, "long wijk names")
        // Nothing clipped: a name that fits is shown whole; one that does not is wrapped or shortened
        // with its full name in a <title>.
        XCTAssertTrue(texts.contains { $0.text == "Vrouwtjeslant/Nieuweveen" }, texts.map(\.text).description)
        XCTAssertTrue(svg.contains("<title>\(Markup.html(long))</title>"), "the full name of a shortened label")
        XCTAssertTrue(texts.contains { $0.text.hasSuffix("…") })
        // Long series names and money: the numbers beside the bars still fit.
        let money = ChartData(title: "geld", labelColumn: "Wijk",
                              series: [.init("toegekend door het college van burgemeester en wethouders", .previous), .init("besteed", .current)],
                              rows: [.init("Emerald", [1_500_000_00, 1_325_050]), .init("Oud Delfgauw", [10_000_00, 0])], unit: .money, empty: "-")
        assertLabelsFit(try XCTUnwrap(SVGChart.svg(money, id: "g2")), "long series name")
        let eight = ChartData(title: "acht", labelColumn: "Thema", series: (1...8).map { .init(Text.dashboardQuarter(($0 - 1) % 4 + 1, 2009 + ($0 - 1) / 4).text, .current) },
                              rows: Theme.allCases.map { .init($0.rawValue, (1...8).map { $0 * 7 }) }, empty: "-")
        assertLabelsFit(try XCTUnwrap(SVGChart.svg(eight, id: "g3")), "eight quarters, every theme")
        // Every chart of the demo's report and minutes.
        let report = ProgressReport.document([Fixture.source(Fixture.enriched)], from: Day("2009-01-01")!, to: Day("2009-12-31")!,
                                             today: Fixture.today, charts: true)
        for case .svgChart(let chart) in report.blocks { if let svg = SVGChart.svg(chart, id: "r") { assertLabelsFit(svg, chart.title) } }
    }

    func testTheMeasuringIsConservative() {
        // The table is DejaVu Sans at 11 px (plus the margin): "Vrouwtjeslant/Nieuweveen" is about 165 px there.
        let w = TextWidth.of("Vrouwtjeslant/Nieuweveen", size: 11)
        XCTAssertGreaterThan(w, 150)
        XCTAssertLessThan(w, 190)
        XCTAssertEqual(TextWidth.of("", size: 11), 0)
        XCTAssertGreaterThan(TextWidth.of("W", size: 11), TextWidth.of("i", size: 11))
        // A character outside the table counts as a full em: never narrower than it is.
        XCTAssertGreaterThanOrEqual(TextWidth.of("漢", size: 10), 10)
    }

    /// The report over 2009–2012 charts all four years; a half year by month; a year by quarter.
    func testTheSignalsChartCoversThePeriodAsked() throws {
        let dir = Fixture.temporaryDirectory("chart-period")
        let s = try Session.open(path: dir.appendingPathComponent("log.jsonl").path, reference: Fixture.reference, clock: { Fixture.stamp })
        var counts: [Int: Int] = [:]
        var n = 0
        for year in 2009...2012 {
            for month in stride(from: 1, through: 12, by: year == 2011 ? 5 : 2) {
                n += 1
                counts[year, default: 0] += 1
                try s.append(.signalRecorded(SignalRecorded(id: RecordID(.signal, n), kern: "Nootdorp", wijk: "Vrouwtjeslant/Nieuweveen",
                                                            theme: n % 2 == 0 ? .verkeer : .groen, source: .bewoner, text: "signaal \(n)",
                                                            date: Day(year: year, month: month, day: 15)!)))
            }
        }
        let whole = Dashboard.signals(state: s.state, kern: "Nootdorp", wijk: nil, from: Day("2009-01-01")!, to: Day("2012-12-31")!)
        XCTAssertEqual(whole.series.map(\.name), ["2009", "2010", "2011", "2012"])
        XCTAssertFalse(whole.isEmpty)
        for (i, year) in (2009...2012).enumerated() {
            XCTAssertEqual(whole.rows.map { $0.values[i] ?? 0 }.reduce(0, +), counts[year], "\(year)")
        }
        XCTAssertTrue(whole.title.contains("per jaar"), whole.title)
        let half = Dashboard.signals(state: s.state, kern: "Nootdorp", wijk: nil, from: Day("2010-01-01")!, to: Day("2010-06-30")!)
        XCTAssertEqual(half.series.map(\.name), ["jan '10", "feb '10", "mrt '10", "apr '10", "mei '10", "jun '10"])
        let year = Dashboard.signals(state: s.state, kern: "Nootdorp", wijk: nil, from: Day("2011-01-01")!, to: Day("2011-12-31")!)
        XCTAssertEqual(year.series.map(\.name), ["K1 '11", "K2 '11", "K3 '11", "K4 '11"])
        let decade = Dashboard.signals(state: s.state, kern: "Nootdorp", wijk: nil, from: Day("2005-03-01")!, to: Day("2016-02-29")!)
        XCTAssertLessThanOrEqual(decade.series.count, ChartBucket.maxBuckets)
        XCTAssertEqual(decade.rows.flatMap { $0.values.compactMap { $0 } }.reduce(0, +), n, "every signal in some bucket")
        // The report's chart over the four years: drawn, with every year.
        let report = ProgressReport.document([Fixture.source(s)], from: Day("2009-01-01")!, to: Day("2012-12-31")!,
                                             kern: "Nootdorp", today: Fixture.today, charts: true)
        let html = report.html
        XCTAssertTrue(html.contains(whole.title))
        let first = try XCTUnwrap(report.blocks.lazy.compactMap { if case .svgChart(let c) = $0 { c } else { nil } }.first)
        XCTAssertEqual(first.series.map(\.name), ["2009", "2010", "2011", "2012"])
        assertLabelsFit(try XCTUnwrap(SVGChart.svg(first, id: "p")), "four years")
    }

    func testBucketsCoverThePeriodWithoutGapsOrOverlap() {
        for (from, to) in [("2009-01-01", "2009-06-30"), ("2009-02-15", "2010-11-03"), ("2009-01-01", "2012-12-31"),
                           ("2001-07-01", "2020-06-30"), ("2009-12-31", "2009-12-31")] {
            let f = Day(from)!, t = Day(to)!
            let buckets = ChartBucket.choose(from: f, to: t).buckets(from: f, to: t)
            XCTAssertLessThanOrEqual(buckets.count, ChartBucket.maxBuckets, "\(from)…\(to)")
            XCTAssertEqual(buckets.first?.first, f)
            XCTAssertEqual(buckets.last?.last, t)
            for (a, b) in zip(buckets, buckets.dropFirst()) { XCTAssertEqual(a.last.ordinal + 1, b.first.ordinal, "\(from)…\(to): \(a.label) → \(b.label)") }
        }
    }
}
