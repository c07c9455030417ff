import Foundation
import XCTest

/// The wijkbudget through the keys of the app (in process, on a real log), with the same rules as
/// `kernteam add action --wijkbudget [--reason]` (beleidsplan 1.2 "Burgerparticipatie"): the action form's
/// Wijkbudget field charges the cost, an overspend is refused on screen until a reason is given.
final class WijkbudgetThroughKeysTests: XCTestCase {
    func testAnOverspendIsRefusedByKeysUntilAReasonIsGiven() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let log = scratch.dir + "/wijkbudget.jsonl"
        let budget = scratch.cli(["add", "budget", "--log", log, "--wijk", "Emerald", "--year", "2009", "--amount", "1000", "--today", "2009-08-01"])
        XCTAssertEqual(budget.status, 0, budget.output)
        let app = InProcessApp(log: log, cols: 120, rows: 40, role: "secretaris")
        app.expect("Agenda")
        app.keys("3", "n"); app.expect("Nieuwe actie")
        // title, owner, due, wijk, person, result, cost, wijkbudget, reason …
        app.type("Extra speeltoestel Emerald-Zuid"); app.keys("Tab")
        app.type("Wijkmanager"); app.keys("Tab")
        app.type("2009-10-01"); app.keys("Tab")
        app.type("Emerald"); app.keys("Tab", "Tab", "Tab")
        app.type("1500"); app.keys("Tab", "Right")
        app.expect("◂ ja ▸")
        let before = try String(contentsOfFile: log, encoding: .utf8)
        app.keys("Enter")
        app.expect("meer dan er over is")
        XCTAssertEqual(try String(contentsOfFile: log, encoding: .utf8), before, "a refused charge appends nothing")
        app.type("Afgesproken met de wethouder"); app.keys("Enter")
        app.expect("A-1 opgeslagen")
        let list = scratch.cli(["list", "budgets", "--log", log, "--format", "json"])
        let budgets = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(list.output.utf8)) as? [[String: Any]], list.output)
        let charge = try XCTUnwrap((budgets.first?["spending"] as? [[String: Any]])?.first, list.output)
        XCTAssertEqual(charge["overspend"] as? Bool, true)
        XCTAssertEqual(charge["reason"] as? String, "Afgesproken met de wethouder")
        XCTAssertEqual(budgets.first?["remaining_cents"] as? Int, -50_000)
        app.quit()
    }
}
