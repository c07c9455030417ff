import Foundation
import XCTest

/// The chair and the secretary each in their own program on ONE log file, at the same time (two
/// sessions in this process; each holds the file as another process would): what one
/// records shows in the other's window within a second or two, without a restart.
final class TwoTerminalsTests: XCTestCase {

    /// The screen line that shows the current item ("▶ nu"), if any.
    private func currentLine(_ screen: String) -> String? {
        screen.split(separator: "\n").map(String.init).first { $0.contains("▶ nu") }
    }

    /// Runs `app`'s loop until it shows `text` (its clock ticks in real time), and says how long that took.
    private func secondsUntil(_ app: InProcessApp, shows text: String, timeout: Double = 2.5,
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

        let secretary = InProcessApp(log: log, cols: 120, rows: 30)
        let chair = InProcessApp(log: log, cols: 120, rows: 30, role: "voorzitter")
        secretary.expect("Rondvraag")
        chair.expect("Rondvraag")
        XCTAssertNil(currentLine(chair.screen), "nothing under discussion yet")

        // The secretary records an action through the keys; the chair's window shows it without a restart.
        secretary.keys("3", "n")
        secretary.expect("Nieuwe actie")
        secretary.type("Offerte wipkip")
        secretary.keys("Tab"); secretary.type("SWOP")
        secretary.keys("Tab", "Tab"); secretary.type("Emer")
        secretary.keys("Enter")
        secretary.expect("Actie A-1 opgeslagen")
        let seen = secondsUntil(chair, shows: "Offerte wipkip")
        XCTAssertLessThan(seen.seconds, 2.5)
        XCTAssertTrue(seen.screen.contains("Acties (1)"), seen.screen)

        // The chair opens the meeting and starts the first item; the secretary's window follows.
        chair.keys("o")
        // The meeting is planned for 2030: opening it now is asked first.
        chair.expect("Toch nu openen?")
        chair.keys("j")
        chair.expect("⏱")
        _ = secondsUntil(secretary, shows: "⏱")
        chair.keys(">")
        let chairNow = chair.expect("▶ nu")
        XCTAssertTrue(currentLine(chairNow)?.contains("AP-1") ?? false, chairNow)
        let followed = secondsUntil(secretary, shows: "▶ nu")
        XCTAssertTrue(currentLine(followed.screen)?.contains("AP-1") ?? false, followed.screen)

        // Next item: both windows move on together.
        chair.keys(">")
        let chairScreen = chair.screen
        XCTAssertTrue(currentLine(chairScreen)?.contains("AP-2") ?? false, chairScreen)
        let secretaryScreen = secretary.waitUntil(timeout: 2.5) { self.currentLine($0)?.contains("AP-2") == true }
        XCTAssertTrue(currentLine(secretaryScreen)?.contains("AP-2") ?? false, "secretary shows the chair's item:\n\(secretaryScreen)")
        XCTAssertTrue(currentLine(secretaryScreen)?.contains("Speeltuin Emerald") ?? false, secretaryScreen)
        let previousLine = secretaryScreen.split(separator: "\n").first { $0.contains("AP-1") }.map(String.init) ?? ""
        XCTAssertTrue(previousLine.contains("✓"), "AP-1 is marked discussed in the secretary's window: \(previousLine)")

        // What the secretary records now is linked to the chair's current item.
        secretary.keys("b")
        secretary.expect("Nieuw besluit")
        secretary.type("Emer"); secretary.keys("Tab")
        secretary.type("Speeltuin wordt opgeknapt")
        secretary.keys("Enter")
        secretary.expect("Besluit B-1 opgeslagen")

        secretary.quit()
        chair.quit()

        let all = try logEntries(log)
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
