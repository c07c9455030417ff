import Foundation
import XCTest

/// The dashboard of the app (in process, on a copy of the demo log): D opens it, → chooses Emerald, and the numbers on screen are the
/// ones `kernteam list` gives for Emerald (signals per theme, actions per status).
final class DashboardTests: XCTestCase {
    func testDashboardForEmeraldShowsTheNumbersTheCLIGives() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let log = try scratch.demoCopy()

        // What the CLI lists for Emerald (withdrawn records are listed but not counted).
        func records(_ kind: String) throws -> [[String: Any]] {
            let r = scratch.cli(["list", kind, "--log", log, "--wijk", "Emerald", "--format", "json"])
            XCTAssertEqual(r.status, 0, r.output)
            let all = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.output.utf8)) as? [[String: Any]])
            return all.filter { $0["withdrawn"] == nil || $0["withdrawn"] is NSNull }
        }
        let signals = try records("signals")
        var perTheme: [String: Int] = [:]
        for s in signals { perTheme[s["theme"] as! String, default: 0] += 1 }
        XCTAssertFalse(perTheme.isEmpty)
        let actions = try records("actions")
        let late = actions.filter { $0["overdue"] as? Bool == true }.count
        let open = actions.filter { ["open", "bezig"].contains($0["status"] as? String) }.count - late
        let done = actions.filter { $0["status"] as? String == "gereed" }.count
        let dropped = actions.filter { $0["status"] as? String == "vervallen" }.count

        let app = InProcessApp(log: log, cols: 160, rows: 45)
        app.expect("opgeslagen")
        app.keys("D")
        app.expect("Dashboard · hele kern")
        var screen = app.screen
        for _ in 0..<6 where !screen.contains("[Emerald]") {
            app.keys("Right")
            screen = app.screen
        }
        screen = app.expect("Dashboard · Emerald")
        XCTAssertTrue(screen.contains("[Emerald]"))

        let lines = screen.split(separator: "\n").map(String.init)
        // Signals: "  verkeer  ███ 4  ███▎ 3 … totaal 7" per theme.
        for (theme, count) in perTheme {
            let row = lines.first { $0.contains("  \(theme) ") && $0.contains("totaal") }
            XCTAssertNotNil(row, "no row for \(theme):\n\(screen)")
            XCTAssertTrue(row?.contains("totaal \(count)") == true, "\(theme): CLI \(count), screen: \(row ?? "")")
        }
        // Actions: the Emerald row under "Acties per status per wijk": open, late, done, dropped.
        let heading = try XCTUnwrap(lines.firstIndex { $0.contains("Acties per status per wijk") }, screen)
        let row = try XCTUnwrap(lines[heading...].first { $0.contains("  Emerald ") }, screen)
        let numbers = row.split(whereSeparator: { $0 == " " || $0 == "│" })
            .map(String.init).filter { Int($0) != nil }.map { Int($0)! }
        XCTAssertEqual(Array(numbers.prefix(4)), [open, late, done, dropped], row)
        XCTAssertTrue(row.contains("totaal \(actions.count)"), row)

        // Esc closes; q quits.
        app.keys("Escape")
        let main = app.expect("Agenda")
        XCTAssertFalse(main.contains("Dashboard ·"))
        app.quit()
    }
}
