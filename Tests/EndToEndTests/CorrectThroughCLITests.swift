import Foundation
import XCTest

/// `kernteam correct`, `withdraw`, sealed minutes, `--as-of` and `--today` as a script uses them: the
/// real binary, exit codes, stdout and stderr, and the log's bytes.
final class CorrectThroughCLITests: XCTestCase {
    private var scratch: Scratch!
    private var log = ""
    private var env: [String: String] = [:]

    override func setUpWithError() throws {
        scratch = try Scratch()
        log = scratch.dir + "/kernteam.jsonl"
        env = ["KERNTEAM_LOG": log, "HOME": scratch.dir, "XDG_DATA_HOME": scratch.dir]
    }

    @discardableResult
    private func ok(_ args: [String], file: StaticString = #filePath, line: UInt = #line) -> String {
        let r = HostileCLI.run(args, env: env)
        XCTAssertEqual(r.status, 0, "\(args): \(r.err)", file: file, line: line)
        return r.out.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Runs a command that must be refused: exit 1, the rule on stderr, and not one byte appended.
    private func refused(_ args: [String], saying words: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let before = try Data(contentsOf: URL(fileURLWithPath: log))
        let r = HostileCLI.run(args, env: env)
        XCTAssertEqual(r.status, 1, "\(args): \(r.out) \(r.err)", file: file, line: line)
        XCTAssertTrue(r.err.contains(words), "\(args): \(r.err)", file: file, line: line)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: log)), before, "\(args) appended nothing", file: file, line: line)
    }

    private func json(_ args: [String]) throws -> [[String: Any]] {
        let r = HostileCLI.run(args + ["--format", "json"], env: env)
        XCTAssertEqual(r.status, 0, r.err)
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: r.stdout) as? [[String: Any]], r.out)
    }

    func testCorrectAndWithdrawFromTheCommandLine() throws {
        XCTAssertEqual(ok(["add", "action", "--wijk", "Emerald", "--title", "Drempels plaatsen", "--owner", "politie", "--due", "2009-04-15"]), "A-1")
        XCTAssertEqual(ok(["correct", "A-1", "--owner", "wijkmanager", "--cost", "1200", "--reason", "verkeerde eigenaar"]), "A-1")
        let action = try XCTUnwrap(try json(["list", "actions"]).first)
        XCTAssertEqual(action["owner"] as? String, "Wijkmanager")
        XCTAssertEqual(action["cost_cents"] as? Int, 120_000)
        try refused(["correct", "A-1", "--owner", "wijkmanager"], saying: "niets gewijzigd")
        try refused(["correct", "A-1", "--due", "31-02-2009"], saying: "31-02-2009")
        try refused(["correct", "A-1", "--route", "opgelost"], saying: "kan niet worden gecorrigeerd")
        try refused(["correct", "A-9", "--owner", "swop"], saying: "A-9")
        try refused(["correct", "Q", "--owner", "swop"], saying: "geen id")

        // A triage has no id of its own: it is named by the number `triage` printed.
        XCTAssertEqual(ok(["add", "signal", "--wijk", "Emerald", "--theme", "verkeer", "--source", "bewoner", "--text", "Te hard gereden"]), "S-1")
        let triage = ok(["triage", "signal", "S-1", "--route", "kernteam"])
        XCTAssertTrue(triage.hasPrefix("#"), triage)
        XCTAssertEqual(ok(["correct", triage, "--route", "opgelost", "--reason", "al geregeld"]), triage)

        // The reason is a required option: the parser names it (a usage error, 64) and nothing is appended.
        let before = try Data(contentsOf: URL(fileURLWithPath: log))
        let noReason = HostileCLI.run(["withdraw", "S-1"], env: env)
        XCTAssertEqual(noReason.status, 64, noReason.err)
        XCTAssertTrue(noReason.err.contains("'--reason <reden>'"), noReason.err)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: log)), before)
        try refused(["withdraw", "S-1", "--reason", " "], saying: "reden")
        XCTAssertEqual(ok(["withdraw", "S-1", "--reason", "dubbel ingevoerd"]), "S-1")
        XCTAssertTrue(try json(["list", "signals"]).isEmpty, "a withdrawn signal leaves the list")
        let history = try json(["history", "--wijk", "Emerald"])
        let signal = try XCTUnwrap(history.first { $0["id"] as? String == "S-1" }, "the history keeps it")
        XCTAssertEqual(signal["withdrawn"] as? String, "dubbel ingevoerd", "the row says why (docs/json.md)")
        try refused(["withdraw", "S-1", "--reason", "nog eens"], saying: "al ingetrokken")
    }

    /// The issue's own example: after `meeting close`, `add decision --meeting V-1` was accepted.
    func testClosedMinutesAreSealedUntilADecisionReopensThem() throws {
        ok(["add", "meeting", "--kern", "Delfgauw", "--date", "2009-03-10"])
        ok(["meeting", "open", "--meeting", "V-1"])
        XCTAssertEqual(ok(["add", "decision", "--wijk", "Emerald", "--text", "Verkeersplan laten maken", "--meeting", "V-1"]), "B-1")
        let first = ok(["meeting", "close", "--meeting", "V-1"])
        try refused(["add", "decision", "--wijk", "Emerald", "--text", "Nog een besluit", "--meeting", "V-1"], saying: "gesloten")
        try refused(["correct", "B-1", "--text", "Verkeersplan Emerald laten maken"], saying: "vastgesteld")
        try refused(["withdraw", "B-1", "--reason", "vergissing"], saying: "vastgesteld")
        try refused(["meeting", "reopen", "--meeting", "V-1", "--decision", "B-1"], saying: "B-1")
        XCTAssertEqual(ok(["add", "decision", "--wijk", "Delfgauw", "--text", "Notulen V-1 heropenen"]), "B-2")
        ok(["meeting", "reopen", "--meeting", "V-1", "--decision", "B-2"])
        ok(["correct", "B-1", "--text", "Verkeersplan Emerald laten maken", "--reason", "onvolledig"])
        let second = ok(["meeting", "close", "--meeting", "V-1"])
        XCTAssertNotEqual(first, second, "a new checkpoint")
        let minutes = scratch.dir + "/notulen.md"
        ok(["export", "minutes", "--meeting", "V-1", "--out", minutes])
        let text = try String(contentsOfFile: minutes, encoding: .utf8)
        XCTAssertTrue(text.contains("door besluit B-2"), text)
        XCTAssertTrue(text.contains("Gewijzigd na de eerste sluiting"), text)
        XCTAssertTrue(text.contains("Verkeersplan Emerald laten maken"), text)
    }

    func testLookingBackAndSettingToday() throws {
        let demo = try scratch.demoCopy()
        // Every open action of 2009 is late today; on 8 July 2009 only those due before it.
        let nowLate = try json(["list", "actions", "--log", demo]).filter { $0["overdue"] as? Bool == true }.count
        let thenLate = try json(["--today", "2009-07-08", "list", "actions", "--log", demo]).filter { $0["overdue"] as? Bool == true }
        XCTAssertLessThan(thenLate.count, nowLate)
        XCTAssertTrue(thenLate.allSatisfy { ($0["due"] as? String ?? "") < "2009-07-08" }, "\(thenLate)")
        // As of the end of March: only what was recorded by then, statuses as they were.
        let march = try json(["list", "actions", "--log", demo, "--as-of", "2009-03-31"])
        let all = try json(["list", "actions", "--log", demo])
        XCTAssertLessThan(march.count, all.count)
        XCTAssertFalse(march.isEmpty)
        let r = HostileCLI.run(["list", "actions", "--log", demo, "--as-of", "eergisteren"], env: env)
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.err.contains("eergisteren"), r.err)
        // The stuurgroep report over January–June 2009 reads as of 30 June 2009.
        let report = scratch.dir + "/rapport.md"
        ok(["export", "report", "--log", demo, "--from", "2009-01-01", "--to", "2009-06-30", "--out", report])
        let text = try String(contentsOfFile: report, encoding: .utf8)
        XCTAssertTrue(text.contains("Stand per 30-06-2009"), text)
        XCTAssertFalse(text.contains("B-11") || text.contains("B-12") || text.contains("B-13"), "no decision of July is in it")
    }
}
