import Foundation
import XCTest

/// The plan's cycle through the keys of the app (in process, on a real log), with the same rules as
/// `kernteam add plan` / `set plan-phase` (beleidsplan 1.2 "Kern/wijkplannen", 2.3 "Planning"): `n` on the
/// plans list records a plan, `s` moves it one phase on, `prioriteiten` is refused without the
/// stuurgroep's decision, and the header shows where the kern's cycle is.
final class PlanCycleThroughKeysTests: XCTestCase {
    private func lines(_ log: String) throws -> Int {
        try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n").count
    }

    func testAPlanMovesThroughItsCycleByKeysAndTheStuurgroepAdopts() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let log = scratch.dir + "/plan.jsonl"
        let app = InProcessApp(log: log, cols: 120, rows: 36, role: "secretaris")
        app.expect("Agenda")

        // The participation pane's third list: the plans.
        app.keys("4", "v", "v"); app.expect("Kern/wijkenplannen (0)")
        app.keys("n"); app.expect("Nieuw kern/wijkenplan")
        app.type("2009-2012"); app.keys("Enter")   // the kern is the screen's (Delfgauw)
        app.expect("PL-1 opgeslagen")
        app.expect("PL-1: schouw en Lemon")

        // One step on: the form offers the next phase.
        app.keys("s"); app.expect("Fase van het kern/wijkenplan"); app.expect("◂ analyse ▸")
        app.keys("Enter"); app.expect("PL-1: kern/wijkenanalyse")

        // Prioriteiten without a stuurgroep decision: refused on screen, nothing appended.
        let before = try lines(log)
        app.keys("s"); app.expect("◂ prioriteiten ▸")
        app.keys("Enter")
        app.expect("vastgesteld")
        XCTAssertEqual(try lines(log), before, "a refused step appends nothing")
        app.keys("Escape")

        // The stuurgroep's decision through `b` (Orgaan: one step right of kernteam), then the adoption.
        app.keys("b"); app.expect("Nieuw besluit")
        app.type("Delfgauw"); app.keys("Tab"); app.type("Analyse en prioriteiten Delfgauw vastgesteld"); app.keys("Tab", "Right")
        app.expect("◂ stuurgroep ▸")
        app.keys("Enter"); app.expect("B-1 opgeslagen")
        app.keys("4"); app.keys("s"); app.expect("◂ prioriteiten ▸")
        app.keys("Tab"); app.type("B-1"); app.keys("Enter")
        app.expect("PL-1: prioriteiten")
        let screen = app.openDetail(of: "PL-1")
        XCTAssertTrue(screen.contains("vastgesteld door de stuurgroep"), screen)
        XCTAssertTrue(screen.contains("beoordelen of het plan bijgesteld moet worden"), screen)
        app.keys("Escape")
        app.quit()
    }
}
