import Foundation
import XCTest

/// Policy rules seen through the keys of the app (in process, on a real log): a theme that keeps coming back becomes a
/// proposal the chair accepts, and a sixth priority in a wijk is refused on screen.
final class RecurrenceThroughKeysTests: XCTestCase {
    /// A new log with a meeting for Delfgauw, made through `m` Enter.
    private func newLogWithMeeting(_ scratch: Scratch, _ name: String) throws -> (app: InProcessApp, log: String) {
        let log = scratch.dir + "/" + name
        let app = InProcessApp(log: log, cols: 120, rows: 36, role: "secretaris")
        app.expect("Agenda")
        app.keys("m"); app.expect("Nieuwe vergadering"); app.keys("Enter")
        app.expect("Vergadering V-1")
        return (app, log)
    }

    private func jsonList(_ scratch: Scratch, _ kind: String, _ log: String, file: StaticString = #filePath, line: UInt = #line) throws -> [[String: Any]] {
        let r = scratch.cli(["list", kind, "--log", log, "--format", "json"])
        XCTAssertEqual(r.status, 0, r.output, file: file, line: line)
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(r.output.utf8)) as? [[String: Any]], r.output, file: file, line: line)
    }

    /// The text inside a form box on the screen, its lines joined with spaces (wrapped words rejoin).
    private func formText(_ screen: String, title: String) -> String {
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map { Array(String($0)) }
        guard let top = lines.firstIndex(where: { String($0).contains("┌ \(title)") }),
              let left = lines[top].firstIndex(where: { $0 == "┌" && String(lines[top]).contains("┌ \(title)") }) else { return "" }
        let start = String(lines[top]).range(of: "┌ \(title)").map { String(lines[top])[..<$0.lowerBound].count } ?? left
        guard let right = lines[top][start...].firstIndex(of: "┐") else { return "" }
        var out: [String] = []
        for line in lines[(top + 1)...] {
            guard line.count > right, line[start] == "│" else { break }
            out.append(String(line[(start + 1)..<right]).trimmingCharacters(in: .whitespaces))
        }
        return out.joined(separator: " ")
    }

    func testThreeSignalsOfOneThemeBecomeAProposalTheChairAccepts() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let (app, log) = try newLogWithMeeting(scratch, "terugkerend.jsonl")

        let texts = ["Klimrek op de speelplek in Emerald-Zuid is kapot", "Geen speeltoestellen voor kleuters bij de Zoë-hof",
                     "Speelveldje Emerald-Noord staat weer onder water"]
        for (i, text) in texts.enumerated() {
            app.keys("2", "n"); app.expect("Nieuw signaal")
            app.type("Emer"); app.keys("Tab")
            app.type("spel"); app.keys("Tab")
            app.type("bew"); app.keys("Tab")
            app.type(text)
            app.keys("Enter")
            app.expect("Signaal S-\(i + 1) opgeslagen")
        }
        // One signal of another theme in the same wijk does not join the proposal.
        app.keys("2", "n"); app.expect("Nieuw signaal")
        app.type("Emer"); app.keys("Tab"); app.type("groen"); app.keys("Tab"); app.type("meld"); app.keys("Tab")
        app.type("Boomwortels drukken de stoep omhoog"); app.keys("Enter")
        app.expect("Signaal S-4 opgeslagen")

        // `v` walks the lists of the Signalen pane until the proposals show.
        app.keys("2")
        var screen = ""
        for _ in 0..<4 {
            app.keys("v")
            screen = app.screen
            if screen.contains("Voorstellen") { break }
        }
        screen = app.expect("Voorstellen wijkaanpak (1)")
        screen = app.expect("S-1 S-2 S-3")
        let row = try XCTUnwrap(screen.split(separator: "\n").first { $0.contains("S-1 S-2 S-3") }.map(String.init), screen)
        XCTAssertTrue(row.contains("Emerald"), row)
        XCTAssertTrue(row.contains("spelen"), row)
        XCTAssertTrue(row.contains("3 signalen"), row)
        XCTAssertFalse(row.contains("S-4"), "the groen signal is no part of it: \(row)")
        XCTAssertEqual(try jsonList(scratch, "proposals", log).count, 1)

        // `t` opens the decision on the proposal; Enter accepts (the default choice).
        app.keys("t")
        screen = app.expect("Voorstel wijkaanpak")
        XCTAssertTrue(screen.contains("accepteren"), screen)
        XCTAssertTrue(screen.contains("Emerald · spelen · S-1 S-2 S-3"), screen)
        app.keys("Enter")
        screen = app.expect("Besluit over het voorstel voor Emerald opgeslagen: accepteren")
        screen = app.expect("Geen voorstellen")
        XCTAssertTrue(screen.contains("Voorstellen wijkaanpak (0)"), screen)

        // Back in the signal list the three signals now carry the route wijkaanpak (W).
        app.keys("v")
        screen = app.expect("Terugkoppeling open")
        app.keys("v")
        screen = app.expect("2 Signalen (4)")
        for id in ["S-1", "S-2", "S-3"] {
            let line = try XCTUnwrap(screen.split(separator: "\n").first { $0.contains("\(id) ") }.map(String.init), screen)
            XCTAssertTrue(line.contains(" W ") || line.contains("wijkaanpak"), "\(id) should show route wijkaanpak: \(line)")
        }
        app.quit()

        XCTAssertEqual(try jsonList(scratch, "proposals", log).count, 0, "no open proposal after accepting it")
        let decided = try logEntries(log).filter { $0["type"] as? String == "proposal.decided" }
        XCTAssertEqual(decided.count, 1)
        let entry = try XCTUnwrap(decided.first)
        XCTAssertEqual(entry["accepted"] as? Bool, true)
        XCTAssertEqual(entry["signals"] as? [String], ["S-1", "S-2", "S-3"])
        XCTAssertEqual(entry["theme"] as? String, "spelen")
        XCTAssertEqual(entry["wijk"] as? String, "Emerald")
        XCTAssertEqual(entry["kern"] as? String, "Delfgauw")
        XCTAssertEqual(entry["meeting"] as? String, "V-1", "decided in the open meeting")
        XCTAssertEqual(entry["role"] as? String, "secretaris")
        XCTAssertEqual(scratch.cli(["verify", "--log", log]).status, 0)
    }

    func testSixthPriorityInAWijkIsRefusedOnScreen() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let (app, log) = try newLogWithMeeting(scratch, "prioriteiten.jsonl")

        // Pane 4, list Prioriteiten.
        app.keys("4")
        var screen = ""
        for _ in 0..<3 {
            app.keys("v")
            screen = app.screen
            if screen.contains("Prioriteiten") { break }
        }
        app.expect("Prioriteiten (0)")
        let themes = ["verk", "spel", "groen", "over", "jong", "oud"]
        for i in 1...6 {
            app.keys("n"); app.expect("Nieuwe prioriteit")
            app.type("Emer"); app.keys("Tab")
            app.type(themes[i - 1]); app.keys("Tab")
            app.type("Prioriteit \(i) voor Emerald")
            app.keys("Enter")
            if i <= 5 { app.expect("Prioriteit P-\(i) opgeslagen") }
        }
        screen = app.expect("Gestreefd wordt naar")
        XCTAssertTrue(screen.contains("Nieuwe prioriteit"), "the form stays open with the refusal: \(screen)")
        XCTAssertTrue(screen.contains("Prioriteit 6 voor Emerald"), "what was typed is kept: \(screen)")
        // The whole refusal can be read inside the form box, wrapped under the field: the rule and the remedy.
        let refusal = formText(screen, title: "Nieuwe prioriteit")
        XCTAssertTrue(refusal.contains("maximaal 5 prioriteiten voor intensief beheer per wijk\" (beleidsplan 1.2)"), refusal)
        XCTAssertTrue(refusal.contains("Emerald heeft er al 5 (P-1, P-2, P-3, P-4, P-5)"), refusal)
        XCTAssertTrue(refusal.contains("Sluit er een af (close priority) of geef een reden"), "the screen suggests closing a priority or giving a reason: \(refusal)\n\(screen)")
        app.keys("Escape"); app.expect("Formulier sluiten?"); app.keys("j")
        app.expect("Prioriteiten (5)")
        app.quit()

        XCTAssertEqual(try jsonList(scratch, "priorities", log).count, 5, "the sixth was not written")
        XCTAssertEqual(scratch.cli(["verify", "--log", log]).status, 0)
    }
}
