import Foundation
import XCTest

/// `kernteam history` over several logs (e.g. one per kern): entries of all logs in one time order,
/// each naming the log it came from.
final class HistorySeveralLogsTests: XCTestCase {
    override func setUpWithError() throws { try Tmux.requireTools() }

    @discardableResult
    func cli(_ args: [String], file: StaticString = #filePath, line: UInt = #line) -> String {
        let r = HostileCLI.run(args)
        XCTAssertEqual(r.status, 0, "\(args): \(r.err)", file: file, line: line)
        return r.out.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func history(_ args: [String], file: StaticString = #filePath, line: UInt = #line) throws -> [[String: Any]] {
        let r = HostileCLI.run(["history", "--format", "json"] + args)
        XCTAssertEqual(r.status, 0, r.err, file: file, line: line)
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: r.stdout) as? [[String: Any]], r.out, file: file, line: line)
    }

    /// (log, id) pairs, in the order given.
    func keys(_ rows: [[String: Any]], log: String? = nil) -> [String] {
        rows.map { "\(log ?? ($0["log"] as? String ?? "?")) \($0["id"] as? String ?? "-")" }
    }

    /// Log a: the demo (Delfgauw) plus one Nootdorp signal. Log b: a new log for kern Nootdorp,
    /// made with the CLI: a meeting and three decisions.
    func twoLogs(_ scratch: Scratch) throws -> (a: String, b: String) {
        let a = try scratch.demoCopy("delfgauw.jsonl")
        let b = scratch.dir + "/nootdorp.jsonl"
        XCTAssertEqual(cli(["add", "signal", "--log", a, "--wijk", "'s-Gravenhout", "--theme", "jongeren", "--source", "politie",
                            "--text", "Jongeren zoeken een ontmoetingsplek bij het winkelcentrum", "--date", "2009-05-02"]), "S-26")
        XCTAssertEqual(cli(["add", "meeting", "--log", b, "--kern", "Nootdorp", "--date", "2009-09-08"]), "V-1")
        XCTAssertEqual(cli(["add", "decision", "--log", b, "--wijk", "'s-Gravenhout", "--meeting", "V-1",
                            "--text", "Een ontmoetingsplek voor jongeren bij het winkelcentrum, samen met het Jongerenwerk"]), "B-1")
        XCTAssertEqual(cli(["add", "decision", "--log", b, "--wijk", "Nootdorp", "--meeting", "V-1",
                            "--text", "Het kernteam Nootdorp vergadert voortaan op de tweede dinsdag van de maand"]), "B-2")
        XCTAssertEqual(cli(["add", "decision", "--log", b, "--wijk", "De Venen", "--meeting", "V-1",
                            "--text", "Geïnformeerd over de herinrichting van het Venenpark"]), "B-3")
        return (a, b)
    }

    func testKernHistoryCombinesBothLogsAndNamesTheLog() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let (a, b) = try twoLogs(scratch)

        let combined = try history(["--kern", "Nootdorp", "--log", a, "--log", b])
        XCTAssertEqual(keys(combined), ["\(a) S-26", "\(b) B-1", "\(b) B-2", "\(b) B-3"], "time order over both logs")
        XCTAssertTrue(combined.allSatisfy { $0["kern"] as? String == "Nootdorp" })
        XCTAssertEqual(combined.map { $0["date"] as? String ?? "" }, ["2009-05-02", "2009-09-08", "2009-09-08", "2009-09-08"])
        XCTAssertEqual(combined[2]["wijk"] as? NSNull, NSNull(), "the kern-wide decision is part of the kern's history")
        XCTAssertEqual(combined[1]["meeting"] as? String, "V-1")

        // Each log alone: the same entries, without a log field (there is only one).
        let onlyA = try history(["--kern", "Nootdorp", "--log", a])
        let onlyB = try history(["--kern", "Nootdorp", "--log", b])
        XCTAssertTrue((onlyA + onlyB).allSatisfy { $0["log"] == nil }, "one log: no log field")
        XCTAssertEqual(keys(onlyA, log: a) + keys(onlyB, log: b), keys(combined))

        // The other order of --log gives the same entries, still in time order.
        let swapped = try history(["--kern", "Nootdorp", "--log", b, "--log", a])
        XCTAssertEqual(keys(swapped), keys(combined))

        // A wijk across both logs.
        XCTAssertEqual(keys(try history(["--wijk", "'s-gravenhout", "--log", a, "--log", b])), ["\(a) S-26", "\(b) B-1"])
        // Delfgauw is only in log a, but every entry still names its log.
        let delfgauw = try history(["--kern", "Delfgauw", "--kind", "besluit", "--log", a, "--log", b])
        XCTAssertEqual(delfgauw.count, 13)
        XCTAssertTrue(delfgauw.allSatisfy { $0["log"] as? String == a })

        // The table names the meetings of both logs.
        let table = cli(["history", "--kern", "Nootdorp", "--log", a, "--log", b])
        XCTAssertTrue(table.contains("Vergadering V-1 2009-09-08"), table)
        XCTAssertTrue(table.contains("S-26") && table.contains("B-3"), table)
    }

    func testSearchAcrossBothLogs() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let (a, b) = try twoLogs(scratch)

        // "ontmoetingsplek" is in the demo (Oud Delfgauw), the new Nootdorp signal in a, and a decision in b.
        let both = try history(["--search", "ONTMOETINGSPLEK", "--log", a, "--log", b])
        let inA = try history(["--search", "ontmoetingsplek", "--log", a])
        let inB = try history(["--search", "ontmoetingsplek", "--log", b])
        XCTAssertGreaterThan(inA.count, 1, "the demo and the added signal")
        XCTAssertEqual(keys(inB, log: b), ["\(b) B-1"])
        XCTAssertEqual(Set(keys(both)), Set(keys(inA, log: a) + keys(inB, log: b)))
        XCTAssertEqual(both.count, inA.count + inB.count)
        XCTAssertTrue(both.allSatisfy { ($0["log"] as? String) == a || ($0["log"] as? String) == b })
        let dates = both.map { $0["date"] as? String ?? "" }
        XCTAssertEqual(dates, dates.sorted(), "one time order over both logs")
        XCTAssertEqual(keys(both).last, "\(b) B-1")

        // Several words must all match; accents and case do not matter.
        XCTAssertEqual(keys(try history(["--search", "ontmoetingsplek WINKELCENTRUM", "--log", a, "--log", b])),
                       ["\(a) S-26", "\(b) B-1"])
        XCTAssertEqual(keys(try history(["--search", "geinformeerd venenpark", "--log", a, "--log", b])), ["\(b) B-3"])
        // With a kern: only Nootdorp's, from both logs.
        XCTAssertEqual(keys(try history(["--kern", "Nootdorp", "--search", "ontmoetingsplek", "--log", a, "--log", b])),
                       ["\(a) S-26", "\(b) B-1"])
        XCTAssertEqual(try history(["--search", "bestaatnergens", "--log", a, "--log", b]).count, 0)
    }
}
