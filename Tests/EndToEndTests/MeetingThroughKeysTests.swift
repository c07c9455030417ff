import Foundation
import XCTest

/// A meeting's worth — 10 signals, 5 actions, 3 decisions — recorded through the keys alone on a new
/// log, then read back through the CLI.
final class MeetingThroughKeysTests: XCTestCase {
    func testRecordAMeetingsWorthThroughTheKeys() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let log = scratch.dir + "/vergadering.jsonl"
        let app = InProcessApp(log: log, cols: 100, rows: 30, role: "secretaris")
        app.expect("Agenda")
        // A new meeting for Delfgauw, today.
        app.keys("m"); app.expect("Nieuwe vergadering"); app.keys("Enter")
        app.expect("V-1 voorbereid")

        let wijken = ["Emer", "Oud", "Zuid"]
        let themes = ["verk", "spel", "groen", "over", "jong"]
        for i in 1...10 {
            app.keys("2", "n"); app.expect("Nieuw signaal")
            app.type(wijken[i % 3]); app.keys("Tab")
            app.type(themes[i % 5]); app.keys("Tab")
            app.type("bew"); app.keys("Tab")
            app.type("Signaal \(i): losliggende tegels bij 's-Gravenhout ë")
            app.keys("Enter")
            app.expect("Signaal S-\(i) opgeslagen")
        }
        let owners = ["Gemeente beh", "Politie", "Jongerenwerk", "SWOP", "Wijkmanager"]
        for i in 1...5 {
            app.keys("3", "n"); app.expect("Nieuwe actie")
            app.type("Actie \(i) uitvoeren"); app.keys("Tab")
            app.type(owners[i - 1]); app.keys("Tab")
            app.type("2030-0\(i)-15"); app.keys("Tab")
            app.type(wijken[i % 3]); app.keys("Enter")
            app.expect("Actie A-\(i) opgeslagen")
        }
        for i in 1...3 {
            app.keys("b"); app.expect("Nieuw besluit")
            app.type(wijken[i % 3]); app.keys("Tab")
            app.type("Besluit \(i): het kernteam stemt in")
            app.keys("Enter")
            app.expect("Besluit B-\(i) opgeslagen")
        }
        app.quit()

        func count(_ kind: String) throws -> Int {
            let r = scratch.cli(["list", kind, "--log", log, "--format", "json"])
            XCTAssertEqual(r.status, 0, r.output)
            return (try JSONSerialization.jsonObject(with: Data(r.output.utf8)) as! [Any]).count
        }
        XCTAssertEqual(try count("signals"), 10)
        XCTAssertEqual(try count("actions"), 5)
        XCTAssertEqual(try count("decisions"), 3)
        let decisions = scratch.cli(["list", "decisions", "--log", log, "--format", "json"]).output
        XCTAssertTrue(decisions.contains("\"meeting\" : \"V-1\""), "decisions link to the open meeting: \(decisions)")
        XCTAssertEqual(scratch.cli(["verify", "--log", log]).status, 0)
    }
}
