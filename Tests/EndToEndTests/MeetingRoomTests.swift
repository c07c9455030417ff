import Foundation
import XCTest

/// The meeting room: the chair's window on the projector, the secretary's laptop at 80x24, one log.
/// The chair runs the meeting; the secretary records and may only ask to move on; what she records
/// shows on the projector in full; the closing checkpoint shows in both windows.
final class MeetingRoomTests: XCTestCase {
    private let longDecision = "Het kernteam vraagt de gemeente om voor de winter op het hele fietspad door de Zuidpolder "
        + "ledverlichting met bewegingssensoren te plaatsen en de ouders van de fietsbus te laten weten wanneer het werk begint."

    /// The projector's "NU" box: the item's place line and title.
    private func nowBox(_ screen: String) -> String {
        let rows = screen.split(separator: "\n").map(String.init)
        guard let top = rows.firstIndex(where: { $0.contains("┌ NU") }) else { return "" }
        return rows[top...].prefix { !$0.hasPrefix("└") }.joined(separator: "\n")
    }

    func testTheChairRunsTheMeetingTheSecretaryRecordsAndTheProjectorShowsIt() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let log = scratch.dir + "/vergadering.jsonl"
        XCTAssertEqual(scratch.cli(["meeting", "prepare", "--log", log, "--kern", "Delfgauw", "--date", "2030-01-15", "--length", "60"]).status, 0)
        for (title, wijk) in [("Opening en mededelingen", nil), ("Donker fietspad Zuidpolder", "Zuidpolder/Noordpolder"), ("Rondvraag", nil)] as [(String, String?)] {
            let r = scratch.cli(["add", "agenda-item", "--log", log, "--meeting", "V-1", "--title", title, "--minutes", "10"]
                                + (wijk.map { ["--wijk", $0] } ?? []))
            XCTAssertEqual(r.status, 0, r.output)
        }
        let projector = InProcessApp(log: log, cols: 100, rows: 30, role: "voorzitter", projector: true)
        let secretary = InProcessApp(log: log, cols: 80, rows: 24)
        projector.expect("Geen agendapunt in bespreking")
        XCTAssertFalse(projector.screen.contains("vergadering.jsonl"), "no file path on the projector:\n\(projector.screen)")

        // The secretary cannot open or move the meeting.
        secretary.keys("<")
        secretary.expect("Alleen het venster van de voorzitter")
        XCTAssertFalse(try logEntries(log).contains { ($0["type"] as? String)?.hasPrefix("meeting.opened") == true })

        // The chair opens it and takes the first two items.
        projector.keys("o")
        // The meeting is planned for 2030: opening it now is asked first.
        projector.waitFor("Toch nu openen?")
        projector.keys("j")
        projector.waitFor("⏱")
        projector.keys(">")
        projector.waitFor("punt 1 van 3")
        projector.keys(">")
        XCTAssertTrue(nowBox(projector.waitFor("punt 2 van 3")).contains("Donker fietspad Zuidpolder"), projector.screen)
        secretary.waitUntil(timeout: 3) { $0.contains("▶ nu") }

        // A note and a long decision from the secretary's window appear on the projector, in full.
        secretary.keys("N")
        secretary.expect("Notitie bij het agendapunt")
        secretary.type("Ouders melden dat scholieren in het donker fietsen.")
        secretary.keys("Enter")
        secretary.keys("Escape")
        projector.waitFor("scholieren in het donker fietsen")
        secretary.keys("b")
        secretary.expect("Nieuw besluit")
        // The form takes the item's wijk; the cursor waits in the text.
        secretary.type(longDecision)
        secretary.keys("Enter")
        secretary.waitFor("Besluit B-1 opgeslagen")
        let shown = projector.waitFor("fietsbus te laten weten", timeout: 3)
        let flowing = shown.split(separator: "\n").map { $0.replacingOccurrences(of: "│", with: " ") }
            .joined(separator: " ").split(separator: " ").joined(separator: " ")
        XCTAssertTrue(flowing.contains(longDecision), "the decision in full on the projector:\n\(shown)")

        // > in the secretary's window asks; the meeting stays where it is until the chair moves on.
        let before = try logEntries(log).filter { $0["type"] as? String == "agenda.item_started" }.count
        secretary.keys(">")
        secretary.waitFor("Verzoek aan de voorzitter")
        projector.waitFor("secretaris vraagt volgend punt")
        XCTAssertTrue(nowBox(projector.screen).contains("Donker fietspad Zuidpolder"), projector.screen)
        XCTAssertEqual(try logEntries(log).filter { $0["type"] as? String == "agenda.item_started" }.count, before,
                       "the secretary's window did not move the meeting")
        XCTAssertEqual(try logEntries(log).last?["type"] as? String, "agenda.next_requested")
        projector.keys(">")
        XCTAssertTrue(nowBox(projector.waitFor("punt 3 van 3")).contains("Rondvraag"), projector.screen)
        XCTAssertFalse(projector.screen.contains("secretaris vraagt"), "the request is answered:\n\(projector.screen)")

        // The chair closes from the minutes; both windows show the checkpoint.
        projector.keys("c")
        projector.expect("Concept-notulen V-1")
        projector.keys("x")
        projector.expect("sluiten?")
        projector.keys("j")
        let chairClosed = projector.waitFor("Controlepunt")
        let checkpoint = try XCTUnwrap(chairClosed.range(of: #"\d+:[0-9a-f]{8}"#, options: .regularExpression).map { String(chairClosed[$0]) },
                                       chairClosed)
        let secretaryClosed = secretary.waitFor("Controlepunt", timeout: 3)
        XCTAssertTrue(secretaryClosed.contains(checkpoint), "the same checkpoint in the secretary's window:\n\(secretaryClosed)")

        secretary.quit()
        projector.quit()
        let all = try logEntries(log)
        let decision = try XCTUnwrap(all.first { $0["type"] as? String == "decision.taken" })
        XCTAssertEqual(decision["item"] as? String, "AP-2")
        XCTAssertEqual(decision["role"] as? String, "secretaris")
        let note = try XCTUnwrap(all.first { $0["type"] as? String == "note.added" })
        XCTAssertEqual(note["item"] as? String, "AP-2")
        let moves: Set<String> = ["meeting.opened", "agenda.item_started", "agenda.item_ended", "meeting.closed"]
        XCTAssertEqual(all.filter { moves.contains($0["type"] as? String ?? "") }.count, 6, "open, three items, close")
        XCTAssertTrue(all.filter { moves.contains($0["type"] as? String ?? "") }
            .allSatisfy { $0["role"] as? String == "voorzitter" }, "only the chair's window moved the meeting")
        XCTAssertEqual(scratch.cli(["verify", "--log", log]).status, 0)
    }

    /// The same with the real binary in two terminals (tmux): the projector at 160x45, the secretary at 80x24.
    func testInTmuxADecisionTypedByTheSecretaryAppearsInFullOnTheProjector() throws {
        try Tmux.requireTools()
        let scratch = try Scratch()
        defer { scratch.remove() }
        let log = scratch.dir + "/vergadering.jsonl"
        XCTAssertEqual(scratch.cli(["meeting", "prepare", "--log", log, "--kern", "Delfgauw", "--date", "2030-01-15", "--length", "60"]).status, 0)
        XCTAssertEqual(scratch.cli(["add", "agenda-item", "--log", log, "--meeting", "V-1", "--title", "Donker fietspad Zuidpolder",
                                    "--wijk", "Zuidpolder/Noordpolder", "--minutes", "15"]).status, 0)
        XCTAssertEqual(scratch.cli(["meeting", "open", "--log", log, "--kern", "Delfgauw", "--role", "voorzitter"]).status, 0)
        XCTAssertEqual(scratch.cli(["meeting", "next", "--log", log, "--kern", "Delfgauw", "--role", "voorzitter"]).status, 0)

        let projector = try Tmux(["open", "--log", log, "--role", "voorzitter", "--projector"], cols: 160, rows: 45)
        let secretary = try Tmux(["open", "--log", log], cols: 80, rows: 24)
        projector.waitFor("punt 1 van 1")
        secretary.waitFor("▶ nu")
        secretary.keys("b")
        secretary.waitFor("Nieuw besluit")
        // The form takes the item's wijk; the cursor waits in the text.
        secretary.type(longDecision)
        secretary.keys("Enter")
        secretary.waitFor("Besluit B-1 opgeslagen")
        let shown = projector.waitFor("fietsbus te laten weten", timeout: 5)
        let flowing = shown.split(separator: "\n").joined(separator: " ").split(separator: " ").joined(separator: " ")
        XCTAssertTrue(flowing.contains(longDecision), "the decision in full on the projector:\n\(shown)")
        XCTAssertFalse(shown.contains(log), "no file path on the projector:\n\(shown)")
        projector.keys("q")
        secretary.keys("q")
    }

    /// Notes: N opens the notes of the item under discussion, each Enter saves a paragraph and the form
    /// stays open; a note is corrected like any record, from the history (C).
    func testNotesAreWrittenAlongAndCorrectedLikeAnyRecord() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let log = scratch.dir + "/notities.jsonl"
        XCTAssertEqual(scratch.cli(["meeting", "prepare", "--log", log, "--kern", "Delfgauw", "--date", "2030-01-15"]).status, 0)
        XCTAssertEqual(scratch.cli(["add", "agenda-item", "--log", log, "--meeting", "V-1", "--title", "Speelplek Emerald-Zuid", "--wijk", "Emerald"]).status, 0)
        let secretary = InProcessApp(log: log, cols: 80, rows: 24)
        secretary.keys("N")
        XCTAssertFalse(secretary.screen.contains("Notitie bij het agendapunt"), "no notes without an item under discussion")
        XCTAssertEqual(scratch.cli(["meeting", "open", "--log", log, "--kern", "Delfgauw", "--role", "voorzitter"]).status, 0)
        XCTAssertEqual(scratch.cli(["meeting", "next", "--log", log, "--kern", "Delfgauw", "--role", "voorzitter"]).status, 0)
        secretary.waitFor("▶ nu")

        secretary.keys("N")
        secretary.expect("Notitie bij het agendapunt")
        secretary.type("De werkgroep wil een opknapdag in april.")
        secretary.keys("Enter")
        secretary.waitFor("1 notitie")
        secretary.type("Vestia betaalt de verf.")
        secretary.keys("Enter")
        let two = secretary.waitFor("2 notities")
        XCTAssertTrue(two.contains("Notitie bij het agendapunt"), "the form stays open for the next paragraph:\n\(two)")
        secretary.keys("Escape")

        // Correct N-2 from the history: its form comes filled in; only the changed text is saved.
        secretary.keys("h")
        secretary.waitFor("N-2")
        secretary.keys("End")
        secretary.keys("C")
        secretary.expect("Corrigeren: N-2")
        secretary.keys("C-u")
        secretary.type("Rondom Wonen betaalt de verf.")
        secretary.keys("Tab")
        secretary.type("verkeerde corporatie")
        secretary.keys("Enter")
        secretary.waitFor("N-2 gecorrigeerd")
        secretary.keys("Escape")
        secretary.quit()

        let all = try logEntries(log)
        let notes = all.filter { $0["type"] as? String == "note.added" }
        XCTAssertEqual(notes.map { $0["id"] as? String }, ["N-1", "N-2"])
        XCTAssertTrue(notes.allSatisfy { $0["item"] as? String == "AP-1" && $0["meeting"] as? String == "V-1" })
        let fix = try XCTUnwrap(all.first { $0["type"] as? String == "entry.corrected" })
        XCTAssertEqual(fix["ref"] as? String, "N-2")
        XCTAssertEqual((fix["fields"] as? [String: String])?["text"], "Rondom Wonen betaalt de verf.")
        XCTAssertEqual(fix["reason"] as? String, "verkeerde corporatie")
        let history = scratch.cli(["history", "--log", log, "--kind", "notitie"])
        XCTAssertTrue(history.output.contains("Rondom Wonen betaalt de verf."), history.output)
    }
}
