import Foundation
import XCTest

/// Data/averages.json as a municipality fills it in (beleidsplan 1.1: the Lemon score measured against the
/// Haaglanden and Dutch averages): `kernteam export report` puts them beside the scores, the dashboard
/// (D) beside each theme's latest score; a file that cannot be used stops the report with what to fix and
/// costs the app only the averages.
final class LemonAveragesThroughCLIAndKeysTests: XCTestCase {
    private let filled = #"""
    {
      "averages": [
        { "theme": "verkeer", "year": 2008, "haaglanden": "6,8", "nederland": "7,0" },
        { "theme": "wonen", "year": 2008, "haaglanden": "7,2", "nederland": "7,4" }
      ]
    }
    """#

    /// A data folder with the shipped reference data and the given averages file (none: no file).
    private func dataFolder(_ scratch: Scratch, averages: String?) throws -> [String: String] {
        let data = scratch.dir + "/Data"
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Tmux.repoRoot.appendingPathComponent("Data/reference.json").path, toPath: data + "/reference.json")
        if let averages { try Data(averages.utf8).write(to: URL(fileURLWithPath: data + "/averages.json")) }
        return ["KERNTEAM_DATA": data]
    }

    private func report(_ log: String, env: [String: String], out: String, format: String = "md") -> HostileCLI.Result {
        HostileCLI.run(["export", "report", "--log", log, "--from", "2009-01-01", "--to", "2009-06-30", "--kern", "Delfgauw",
                        "--format", format, "--out", out, "--force"], env: env)
    }

    func testTheReportShowsFilledAveragesBesideTheScores() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let log = try scratch.demoCopy()
        let env = try dataFolder(scratch, averages: filled)
        let r = report(log, env: env, out: scratch.dir + "/r.md")
        XCTAssertEqual(r.status, 0, r.err)
        let md = try String(contentsOfFile: scratch.dir + "/r.md", encoding: .utf8)
        XCTAssertTrue(md.contains("| Emerald | verkeer | 2008 | 5,80 | 6,80 | 7,00 | gedaald |"), md)
        let h = report(log, env: env, out: scratch.dir + "/r.html", format: "html")
        XCTAssertEqual(h.status, 0, h.err)
        XCTAssertTrue(try String(contentsOfFile: scratch.dir + "/r.html", encoding: .utf8).contains("Haaglanden 6,80 · Nederland 7,00"))
    }

    /// The shipped (empty) file and no file at all give the same report as before averages existed.
    func testTheShippedEmptyFileChangesNothing() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let log = try scratch.demoCopy()
        let shipped = try String(contentsOfFile: Tmux.repoRoot.appendingPathComponent("Data/averages.json").path, encoding: .utf8)
        let a = report(log, env: try dataFolder(scratch, averages: shipped), out: scratch.dir + "/a.md")
        XCTAssertEqual(a.status, 0, a.err)
        try FileManager.default.removeItem(atPath: scratch.dir + "/Data/averages.json")
        let b = report(log, env: ["KERNTEAM_DATA": scratch.dir + "/Data"], out: scratch.dir + "/b.md")
        XCTAssertEqual(b.status, 0, b.err)
        let withShipped = try String(contentsOfFile: scratch.dir + "/a.md", encoding: .utf8)
        XCTAssertEqual(withShipped, try String(contentsOfFile: scratch.dir + "/b.md", encoding: .utf8))
        XCTAssertFalse(withShipped.contains("Haaglanden"))
    }

    func testAFileThatCannotBeUsedStopsTheReportWithWhatToFix() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let log = try scratch.demoCopy()
        let env = try dataFolder(scratch, averages: #"{"averages": [{"theme": "verkeer", "year": 2008, "haaglanden": "zeven"}]}"#)
        let r = report(log, env: env, out: scratch.dir + "/r.md")
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.err.contains("averages.json zijn niet te gebruiken: averages [1] haaglanden: 'zeven' is geen score"), r.err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: scratch.dir + "/r.md"), "no report half made")
        // The rest of the program does not read the averages: a list still works.
        let list = HostileCLI.run(["list", "actions", "--log", log], env: env)
        XCTAssertEqual(list.status, 0, list.err)
    }

    func testTheDashboardShowsTheAveragesThroughTheKeys() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let log = try scratch.demoCopy()
        let app = InProcessApp(log: log, cols: 160, rows: 45, env: try dataFolder(scratch, averages: filled))
        app.keys("D", "Right", "Right")
        app.expect("Dashboard · Emerald")
        // At 160x45 the Lemon chart is on the first page.
        app.expect("Haaglanden 6,80 · Nederland 7,00")
        app.expect("Haaglanden 7,20 · Nederland 7,40")
        app.keys("Escape")
        app.quit()
    }

    /// A file that cannot be used: the app opens all the same, says what is wrong, and shows no averages.
    func testTheAppOpensWithAFileThatCannotBeUsedAndSaysSo() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let log = try scratch.demoCopy()
        let app = InProcessApp(log: log, cols: 160, rows: 45, env: try dataFolder(scratch, averages: "nee"))
        app.expect("zijn niet te gebruiken")
        app.expect("Agenda")
        app.keys("D", "Right", "Right")
        app.expect("Lemon-scores")
        XCTAssertFalse(app.screen.contains("Haaglanden"), app.screen)
        app.keys("Escape")
        app.quit()
    }
}
