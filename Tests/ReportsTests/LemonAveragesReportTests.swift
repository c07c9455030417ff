import Foundation
import XCTest
import KernteamDomain
import KernteamReports
import KernteamSession

/// The stuurgroep report with the Haaglanden and Dutch averages beside the Lemon scores (beleidsplan 1.1
/// measures liveability against them). With none filled in, the report is the one its golden holds.
final class LemonAveragesReportTests: XCTestCase {
    private let averages = LemonAverages(averages: [
        LemonAverage(theme: .verkeer, year: 2008, haaglanden: 680, nederland: 700),
        LemonAverage(theme: .wonen, year: 2008, haaglanden: 720, nederland: nil),
    ])

    private func report(_ averages: LemonAverages, charts: Bool = false) throws -> Document {
        let end = Day("2009-06-30")!
        let asOf = try Session.open(path: Fixture.demoPath, reference: nil, readOnly: true, asOf: AsOf(end))
        return ProgressReport.document([Fixture.source(asOf)], from: Day("2009-01-01")!, to: end, kern: "Delfgauw", today: end,
                                       charts: charts, generated: Fixture.today, averages: averages)
    }

    func testTheAveragesStandBesideTheScores_beleidsplan_1_1() throws {
        let md = try report(averages).markdown
        XCTAssertTrue(md.contains("| Wijk | Thema | Jaar | Score | Haaglanden | Nederland | Ontwikkeling |"), md)
        XCTAssertTrue(md.contains("| Emerald | verkeer | 2008 | 5,80 | 6,80 | 7,00 | gedaald |"), md)
        XCTAssertTrue(md.contains("| Emerald | wonen | 2008 | 6,30 | 7,20 | — | gedaald |"), "a missing figure is a dash: \(md)")
        XCTAssertTrue(md.contains("| Emerald | verkeer | 2006 | 6,50 | — | — | eerste meting |"), "no averages for 2006: \(md)")

        let html = try report(averages, charts: true).html
        XCTAssertTrue(html.contains("Haaglanden 6,80 · Nederland 7,00"), "the chart notes them beside the latest score")
        XCTAssertTrue(html.contains("Haaglanden 7,20"))
    }

    /// The shipped file is empty: the report is exactly as without averages (its golden stays), and so is
    /// a file whose averages are for years the report does not show.
    func testWithoutAveragesForTheShownScoresTheReportIsUnchanged() throws {
        let plain = try report(.none)
        let other = LemonAverages(averages: [LemonAverage(theme: .verkeer, year: 2012, haaglanden: 680, nederland: 700)])
        XCTAssertEqual(try report(other).markdown, plain.markdown)
        XCTAssertFalse(plain.markdown.contains("Haaglanden"))
        assertGolden(plain.markdown, "report-2009-h1.md")
    }
}
