import Foundation
import XCTest
import KernteamDomain

/// The Haaglanden and Dutch averages beside the Lemon scores (beleidsplan 1.1, "Excellente
/// leefgemeenschappen": "de leefbaarheidsscore hoger dan het Nederlands gemiddelde en van Haaglanden").
/// The plan gives no figures, so `Data/averages.json` ships empty; a file that cannot be used says where.
final class LemonAveragesTests: XCTestCase {
    private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func testTheShippedFileIsEmpty_beleidsplan_1_1() throws {
        let data = try Data(contentsOf: root.appendingPathComponent("Data/averages.json"))
        XCTAssertTrue(try LemonAverages.parse(data).isEmpty, "the plan gives no figures: the shipped file has none")
    }

    func testAFilledFileIsReadAsPeopleWriteScores_beleidsplan_1_1() throws {
        let text = #"{"averages": [{"theme": "verkeer", "year": 2008, "haaglanden": "6,8", "nederland": "7.0"}, {"theme": "wonen", "year": 2008, "nederland": "7,25"}]}"#
        let file = try LemonAverages.parse(Data(text.utf8))
        XCTAssertEqual(file.average(theme: .verkeer, year: 2008), LemonAverage(theme: .verkeer, year: 2008, haaglanden: 680, nederland: 700))
        XCTAssertEqual(file.average(theme: .wonen, year: 2008)?.haaglanden, nil)
        XCTAssertNil(file.average(theme: .verkeer, year: 2006))
        XCTAssertEqual(file.note(theme: .verkeer, year: 2008), "Haaglanden 6,80 · Nederland 7,00")
        XCTAssertEqual(file.note(theme: .wonen, year: 2008, namingYear: true), "Nederland 7,25 (2008)")
        XCTAssertNil(file.note(theme: .spelen, year: 2008))
    }

    /// Every way a hand-filled file goes wrong is named, with where it is.
    func testAFileThatCannotBeUsedSaysWhatToFix() {
        let table: [(text: String, says: String)] = [
            ("nee", "geen JSON"),
            (#"{"averages": [{"theme": "verkeer"}]}"#, #"bij averages [1] ontbreekt "year""#),
            (#"{"averages": [{"theme": "verkeer", "year": 2008}, {"theme": "vekeer", "year": 2008}]}"#, "bij averages [2] theme staat geen thema; kies uit wonen"),
            (#"{"averages": [{"theme": "verkeer", "year": 2008, "haaglanden": "zeven"}]}"#, "averages [1] haaglanden: 'zeven' is geen score"),
            (#"{"averages": [{"theme": "verkeer", "year": 2008, "nederland": "11"}]}"#, "'11' is geen score"),
            (#"{"averages": [{"theme": "verkeer", "year": 2008, "haaglanden": 6.8}]}"#, "bij averages [1] haaglanden staat de verkeerde soort waarde"),
            (#"{"averages": [{"theme": "verkeer", "year": "2008"}]}"#, "bij averages [1] year staat de verkeerde soort waarde"),
            (#"{"averages": [{"theme": "spelen", "year": 2008}, {"theme": "spelen", "year": 2008}]}"#, "spelen in 2008 staat er twee keer in"),
        ]
        for row in table {
            XCTAssertThrowsError(try LemonAverages.parse(Data(row.text.utf8)), row.text) { error in
                XCTAssertTrue("\(error)".contains(row.says), "\(row.text): \(error)")
            }
        }
    }

    /// The dashboard's Lemon chart: the averages of a theme's latest year beside its row, the year named
    /// when it is not the chart's latest; without averages the chart is as it was.
    func testTheLemonChartNotesTheAveragesBesideTheLatestScore_beleidsplan_1_1() throws {
        let reference = try shippedReference()
        var s = KernteamState()
        let events: [Event] = [
            .referenceSet(reference),
            .lemonScored(LemonScored(kern: "Delfgauw", wijk: "Emerald", theme: .verkeer, year: 2006, score: 650)),
            .lemonScored(LemonScored(kern: "Delfgauw", wijk: "Emerald", theme: .verkeer, year: 2008, score: 580)),
            .lemonScored(LemonScored(kern: "Delfgauw", wijk: "Emerald", theme: .spelen, year: 2006, score: 690)),
            .lemonScored(LemonScored(kern: "Delfgauw", wijk: "Emerald", theme: .wonen, year: 2008, score: 630)),
        ]
        for (i, e) in events.enumerated() { s.apply(LoggedEvent(seq: i + 1, timestamp: "2009-03-10T19:00:00Z", role: .secretaris, event: e)) }
        let averages = LemonAverages(averages: [
            LemonAverage(theme: .verkeer, year: 2008, haaglanden: 680, nederland: 700),
            LemonAverage(theme: .verkeer, year: 2006, haaglanden: 600, nederland: 610),
            LemonAverage(theme: .spelen, year: 2006, haaglanden: nil, nederland: 660),
        ])
        let chart = Dashboard.lemon(state: s, kern: "Delfgauw", wijk: "Emerald", upTo: 2009, averages: averages)
        let notes = Dictionary(uniqueKeysWithValues: chart.rows.map { ($0.label, $0.note) })
        XCTAssertEqual(notes["verkeer"], "Haaglanden 6,80 · Nederland 7,00", "beside the latest score, that year's averages")
        XCTAssertEqual(notes["spelen"], "Nederland 6,60 (2006)", "a theme last measured earlier names its year")
        XCTAssertEqual(notes["wonen"], .some(nil), "no averages for wonen 2008: nothing beside it")
        XCTAssertTrue(chart.tableHeader.contains(Text.dashboardNoteColumn.text))

        let plain = Dashboard.lemon(state: s, kern: "Delfgauw", wijk: "Emerald", upTo: 2009)
        XCTAssertEqual(plain, Dashboard.lemon(state: s, kern: "Delfgauw", wijk: "Emerald", upTo: 2009, averages: .none))
        XCTAssertFalse(plain.hasNotes, "without averages the chart has no notes, as before")
    }
}
