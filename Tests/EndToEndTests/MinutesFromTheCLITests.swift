import Foundation
import XCTest

/// A meeting run from the command line, as a secretary without the app would: what is recorded while
/// an item is under discussion — without `--meeting` — lands under that item in the minutes, in
/// Markdown and HTML. The goldens hold the whole document; only what the clock decides (minutes
/// used, the checkpoint's hash) is replaced before comparing.
final class MinutesFromTheCLITests: XCTestCase {
    private func run(_ scratch: Scratch, _ args: [String], file: StaticString = #filePath, line: UInt = #line) -> String {
        let r = scratch.cli(args + ["--log", scratch.dir + "/log.jsonl"])
        XCTAssertEqual(r.status, 0, "\(args): \(r.output)", file: file, line: line)
        return r.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// What depends on when the test runs: the minutes an item took and the checkpoint's hash.
    private func steady(_ text: String) -> String {
        var out = text
        for (pattern, template) in [(#"\d+ van (\d+) min"#, "n van $1 min"), (#"(Controlepunt[^:]*: \d+:)[0-9a-f]{64}"#, "$1<hash>"),
                                    (#"(checkpoint[^:]*: \d+:)[0-9a-f]{64}"#, "$1<hash>"),
                                    // The state shown is the log's as of its last line, written today.
                                    (#"(stand per|as of) \d\d-\d\d-\d{4}"#, "$1 <dag>")] {
            out = out.replacingOccurrences(of: pattern, with: template, options: .regularExpression)
        }
        return out
    }

    private func assertGolden(_ text: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) {
        let url = URL(fileURLWithPath: "\(#filePath)").deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("ReportsTests/Golden/\(name)")
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try! text.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        XCTAssertEqual(expected, text, "\(name) differs from the golden file (UPDATE_GOLDEN=1 writes it)", file: file, line: line)
    }

    func testDecisionsFromTheCommandLineLandUnderTheirItem() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        _ = run(scratch, ["meeting", "prepare", "--kern", "Delfgauw", "--date", "2030-01-15", "--length", "60"])
        _ = run(scratch, ["add", "agenda-item", "--meeting", "V-1", "--title", "Opening en mededelingen", "--minutes", "5"])
        _ = run(scratch, ["add", "agenda-item", "--meeting", "V-1", "--title", "Donker fietspad Zuidpolder", "--wijk", "Zuidpolder/Noordpolder", "--minutes", "15"])
        _ = run(scratch, ["add", "agenda-item", "--meeting", "V-1", "--title", "Rondvraag", "--minutes", "10"])
        _ = run(scratch, ["add", "agenda-item", "--meeting", "V-1", "--title", "Nieuwsbrief", "--minutes", "5"])
        for (org, status) in [("Politie", "aanwezig"), ("Gemeente beheer", "aanwezig"), ("SWOP", "afgemeld"), ("Vestia", "afwezig")] {
            _ = run(scratch, ["attend", "--meeting", "V-1", "--org", org, "--status", status])
        }
        _ = run(scratch, ["attend", "--meeting", "V-1", "--residents", "4"])
        _ = run(scratch, ["meeting", "open", "--kern", "Delfgauw", "--role", "voorzitter"])
        // Before any item: in the meeting, outside its items.
        XCTAssertEqual(run(scratch, ["add", "decision", "--wijk", "Delfgauw", "--text", "De agenda wordt vastgesteld zoals voorgesteld."]), "B-1")
        _ = run(scratch, ["meeting", "next", "--kern", "Delfgauw", "--role", "voorzitter"])
        XCTAssertEqual(run(scratch, ["add", "note", "--text", "De wijkagent stelt zich voor; de politie houdt vanaf februari spreekuur in het dorpshuis."]), "N-1")
        _ = run(scratch, ["meeting", "next", "--kern", "Delfgauw", "--role", "voorzitter"])
        XCTAssertEqual(run(scratch, ["add", "note", "--text", "Ouders melden dat scholieren in het donker over het fietspad moeten; de gemeente kent het probleem."]), "N-2")
        // No --meeting, no --item: the item under discussion (AP-2) takes it.
        XCTAssertEqual(run(scratch, ["add", "decision", "--wijk", "Zuidpolder/Noordpolder",
                                     "--text", "Het fietspad door de Zuidpolder krijgt voor de winter verlichting; de gemeente meldt de planning terug."]), "B-2")
        XCTAssertEqual(run(scratch, ["add", "action", "--wijk", "Zuidpolder/Noordpolder", "--title", "Offerte ledverlichting fietspad Zuidpolder",
                                     "--owner", "Gemeente beheer", "--due", "2030-02-15", "--cost", "12.500", "--inform", "Brief aan de ouders via de school"]), "A-1")
        _ = run(scratch, ["meeting", "next", "--kern", "Delfgauw", "--role", "voorzitter", "--outcome", "uitgesteld"])
        // An explicit --item still wins over the item under discussion.
        XCTAssertEqual(run(scratch, ["add", "note", "--item", "AP-2", "--text", "Achteraf: de school verspreidt de brief."]), "N-3")
        _ = run(scratch, ["meeting", "close", "--kern", "Delfgauw", "--role", "voorzitter"])

        let md = scratch.dir + "/notulen.md", html = scratch.dir + "/notulen.html"
        _ = run(scratch, ["export", "minutes", "--meeting", "V-1", "--format", "md", "--out", md, "--today", "2030-01-16"])
        _ = run(scratch, ["export", "minutes", "--meeting", "V-1", "--format", "html", "--out", html, "--today", "2030-01-16"])
        let markdown = try String(contentsOfFile: md, encoding: .utf8)

        // Under the item, in the order of the agenda: the note, then the decision and the action.
        func at(_ needle: String) -> String.Index? { markdown.range(of: needle)?.lowerBound }
        let item2 = try XCTUnwrap(at("## 2\\. Donker fietspad Zuidpolder"), markdown)
        let item3 = try XCTUnwrap(at("## 3\\. Rondvraag"), markdown)
        for needle in ["scholieren in het donker", "B-2", "Offerte ledverlichting", "€ 12.500,00", "Brief aan de ouders", "Achteraf: de school"] {
            let found = try XCTUnwrap(at(needle), "\(needle) in the minutes:\n\(markdown)")
            XCTAssertTrue(found > item2 && found < item3, "\(needle) stands under item 2:\n\(markdown)")
        }
        XCTAssertLessThan(try XCTUnwrap(at("- Aanwezig: Gemeente beheer, Politie")), item2, "attendance at the top")
        XCTAssertNotNil(at("- Afgemeld: SWOP"), markdown)
        XCTAssertNotNil(at("- Afwezig: Vestia"), markdown)
        XCTAssertNotNil(at("Bewoners aanwezig: 4"), markdown)
        XCTAssertGreaterThan(try XCTUnwrap(at("De agenda wordt vastgesteld")), item3, "B-1 outside the items, after them")
        XCTAssertTrue(markdown.contains("uitgesteld"), markdown)
        // The meeting closed before the fourth item: it says so, it is not left blank.
        XCTAssertTrue(markdown.contains("| 4 | AP-4 | Nieuwsbrief | Delfgauw | 5 min | niet behandeld |"), markdown)
        XCTAssertFalse(markdown.contains("Concept"), "a closed meeting's minutes are final:\n\(markdown)")
        assertGolden(steady(markdown), "minutes-cli-V-1.md")
        assertGolden(steady(try String(contentsOfFile: html, encoding: .utf8)), "minutes-cli-V-1.html")
    }
}
