import Foundation
import XCTest

/// The chair and the secretary each in their own window on ONE log file, at the same time: what one
/// records shows in the other's window within a second or two, without a restart.
final class TwoTerminalsTests: XCTestCase {
    override func setUpWithError() throws { try Tmux.requireTools() }

    /// The log's entries as JSON objects.
    private func entries(_ log: String) throws -> [[String: Any]] {
        try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n").map {
            try XCTUnwrap(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    /// The screen line that shows the current item ("▶ nu"), if any.
    private func currentLine(_ screen: String) -> String? {
        screen.split(separator: "\n").map(String.init).first { $0.contains("▶ nu") }
    }

    /// Waits until `app` shows `text`, and says how long that took.
    private func secondsUntil(_ app: Tmux, shows text: String, timeout: Double = 2.5,
                              file: StaticString = #filePath, line: UInt = #line) -> (seconds: Double, screen: String) {
        let start = Date()
        let screen = app.waitFor(text, timeout: timeout, file: file, line: line)
        return (Date().timeIntervalSince(start), screen)
    }

    func testChairAndSecretarySeeEachOthersEntriesLive() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let log = scratch.dir + "/gedeeld.jsonl"
        // A prepared meeting with three items.
        let prepare = scratch.cli(["meeting", "prepare", "--log", log, "--kern", "Delfgauw", "--date", "2030-01-15", "--length", "60"])
        XCTAssertEqual(prepare.status, 0, prepare.output)
        for (title, minutes) in [("Opening en mededelingen", "5"), ("Speeltuin Emerald", "10"), ("Rondvraag", "10")] {
            let r = scratch.cli(["add", "agenda-item", "--log", log, "--meeting", "V-1", "--title", title, "--minutes", minutes])
            XCTAssertEqual(r.status, 0, r.output)
        }

        let secretary = try Tmux(["--log", log], cols: 120, rows: 30)
        let chair = try Tmux(["--log", log, "--role", "voorzitter"], cols: 120, rows: 30)
        secretary.waitFor("Rondvraag")
        chair.waitFor("Rondvraag")
        XCTAssertNil(currentLine(chair.screen()), "nothing under discussion yet")

        // The secretary records an action through the keys; the chair's window shows it without a restart.
        secretary.keys("3", "n")
        secretary.waitFor("Nieuwe actie")
        secretary.type("Offerte wipkip")
        secretary.keys("Tab"); secretary.type("Emer")
        secretary.keys("Tab"); secretary.type("SWOP")
        secretary.keys("Enter")
        secretary.waitFor("Opgeslagen: A-1")
        let seen = secondsUntil(chair, shows: "Offerte wipkip")
        XCTAssertLessThan(seen.seconds, 2.5)
        XCTAssertTrue(seen.screen.contains("Acties (1)"), seen.screen)

        // The chair opens the meeting and starts the first item; the secretary's window follows.
        chair.keys("o")
        chair.waitFor("⏱")
        secondsUntil(secretary, shows: "⏱")
        chair.keys(">")
        let chairNow = chair.waitFor("▶ nu")
        XCTAssertTrue(currentLine(chairNow)?.contains("AP-1") ?? false, chairNow)
        let followed = secondsUntil(secretary, shows: "▶ nu")
        XCTAssertTrue(currentLine(followed.screen)?.contains("AP-1") ?? false, followed.screen)

        // Next item: both windows move on together.
        chair.keys(">")
        var chairScreen = ""
        let deadline = Date().addingTimeInterval(2.5)
        repeat {
            chairScreen = chair.screen()
            if currentLine(chairScreen)?.contains("AP-2") == true { break }
            usleep(50_000)
        } while Date() < deadline
        XCTAssertTrue(currentLine(chairScreen)?.contains("AP-2") ?? false, chairScreen)
        var secretaryScreen = ""
        let deadline2 = Date().addingTimeInterval(2.5)
        repeat {
            secretaryScreen = secretary.screen()
            if currentLine(secretaryScreen)?.contains("AP-2") == true { break }
            usleep(50_000)
        } while Date() < deadline2
        XCTAssertTrue(currentLine(secretaryScreen)?.contains("AP-2") ?? false, "secretary shows the chair's item:\n\(secretaryScreen)")
        XCTAssertTrue(currentLine(secretaryScreen)?.contains("Speeltuin Emerald") ?? false, secretaryScreen)
        let previousLine = secretaryScreen.split(separator: "\n").first { $0.contains("AP-1") }.map(String.init) ?? ""
        XCTAssertTrue(previousLine.contains("✓"), "AP-1 is marked discussed in the secretary's window: \(previousLine)")

        // What the secretary records now is linked to the chair's current item.
        secretary.keys("b")
        secretary.waitFor("Nieuw besluit")
        secretary.type("Emer"); secretary.keys("Tab")
        secretary.type("Speeltuin wordt opgeknapt")
        secretary.keys("Enter")
        secretary.waitFor("Opgeslagen: B-1")

        secretary.keys("q")
        chair.keys("q")
        secretary.waitFor("[exit 0]")
        chair.waitFor("[exit 0]")

        let all = try entries(log)
        let opened = try XCTUnwrap(all.first { $0["type"] as? String == "meeting.opened" })
        XCTAssertEqual(opened["role"] as? String, "voorzitter")
        let action = try XCTUnwrap(all.first { $0["type"] as? String == "action.created" })
        XCTAssertEqual(action["role"] as? String, "secretaris")
        XCTAssertNil(action["item"], "the action was recorded before the meeting was opened")
        let decision = try XCTUnwrap(all.first { $0["type"] as? String == "decision.taken" })
        XCTAssertEqual(decision["item"] as? String, "AP-2")
        XCTAssertEqual(decision["meeting"] as? String, "V-1")
        XCTAssertEqual(scratch.cli(["verify", "--log", log]).status, 0)
    }
}
