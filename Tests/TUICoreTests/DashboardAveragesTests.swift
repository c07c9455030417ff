import Foundation
import XCTest
import KernteamDomain
@testable import KernteamTUI

/// The dashboard's Lemon chart with the Haaglanden and Dutch averages of the settings beside the scores
/// (beleidsplan 1.1), at 80 and 160 columns; without them the chart is as its goldens hold.
final class DashboardAveragesTests: XCTestCase {
    private func lines(_ averages: LemonAverages, width: Int) -> [String] {
        var settings = Settings()
        settings.lemonAverages = averages
        let world = World(domain: Fixture.demo, today: Fixture.today, settings: settings)
        return DashboardView.lines(world: world, kern: "Delfgauw", place: "Emerald", width: width, ascii: false).map(\.text)
    }

    func testTheAveragesStandBesideTheLemonScores_beleidsplan_1_1() {
        let averages = LemonAverages(averages: [
            LemonAverage(theme: .verkeer, year: 2008, haaglanden: 680, nederland: 700),
            LemonAverage(theme: .wonen, year: 2008, haaglanden: 720, nederland: 740),
        ])
        for width in [76, 156] {
            let shown = lines(averages, width: width)
            let verkeer = shown.first { $0.hasPrefix("  verkeer") && $0.contains("5,80") }
            XCTAssertTrue(verkeer?.hasSuffix("Haaglanden 6,80 · Nederland 7,00") ?? false, "\(width): \(shown.joined(separator: "\n"))")
            XCTAssertTrue(shown.contains { $0.hasPrefix("  wonen") && $0.hasSuffix("Haaglanden 7,20 · Nederland 7,40") })
            XCTAssertFalse(shown.contains { $0.hasPrefix("  spelen") && $0.contains("Haaglanden") }, "no averages for spelen")
        }
        XCTAssertEqual(lines(.none, width: 76), lines(LemonAverages(averages: [LemonAverage(theme: .groen, year: 2001, haaglanden: 700, nederland: nil)]), width: 76),
                       "averages for scores not shown change nothing")
        XCTAssertFalse(lines(.none, width: 76).joined().contains("Haaglanden"))
    }
}
