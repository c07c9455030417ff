import Foundation
import XCTest

/// One schema per kind of record: `list`, `history` and `export … --format json` write rows of one key
/// set for each kind, and that key set is the one docs/json.md documents. Run on a copy of the demo log
/// through the real binary.
final class JSONSchemaTests: XCTestCase {
    var dir = ""
    var log = ""

    override func setUpWithError() throws {
        try Tmux.requireTools()
        dir = NSTemporaryDirectory() + "kt-json-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        log = dir + "/demo.jsonl"
        try FileManager.default.copyItem(atPath: Tmux.repoRoot.appendingPathComponent("Data/demo-log.jsonl").path, toPath: log)
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: dir) }

    /// The keys of each section of docs/json.md (`## kind` or `### kind`), and which are personal.
    static func documented() throws -> [String: (keys: Set<String>, personal: Set<String>)] {
        let text = try String(contentsOf: Tmux.repoRoot.appendingPathComponent("docs/json.md"), encoding: .utf8)
        var out: [String: (keys: Set<String>, personal: Set<String>)] = [:]
        var section = ""
        let backticked = try NSRegularExpression(pattern: "`([a-z_]+)`")
        for line in text.split(separator: "\n").map(String.init) {
            if line.hasPrefix("#") { section = line.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces); continue }
            guard line.hasPrefix("| `") else { continue }
            let cell = String(line.dropFirst(2).prefix { $0 != "|" })
            let keys = backticked.matches(in: cell, range: NSRange(cell.startIndex..., in: cell)).map { (cell as NSString).substring(with: $0.range(at: 1)) }
            for k in keys {
                out[section, default: ([], [])].keys.insert(k)
                if line.contains("*personal*") { out[section, default: ([], [])].personal.insert(k) }
            }
        }
        return out
    }

    /// The key sets of the rows a command prints (each row's, deduplicated), and how many rows.
    func keySets(_ args: [String]) throws -> (sets: Set<Set<String>>, count: Int) {
        let r = HostileCLI.run(args + ["--log", log, "--format", "json"])
        XCTAssertEqual(r.status, 0, "\(args): \(r.err)")
        let rows = try XCTUnwrap(try JSONSerialization.jsonObject(with: r.stdout) as? [[String: Any]], "\(args): \(r.out)")
        return (Set(rows.map { Set($0.keys) }), rows.count)
    }

    func exported() throws -> (sets: Set<Set<String>>, count: Int) {
        let out = dir + "/acties-\(UUID().uuidString.prefix(4)).json"
        let r = HostileCLI.run(["export", "actions", "--log", log, "--format", "json", "--out", out])
        XCTAssertEqual(r.status, 0, r.err)
        let rows = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out))) as? [[String: Any]])
        return (Set(rows.map { Set($0.keys) }), rows.count)
    }

    /// Every command's rows of `kind` have one key set, the same in all, and the documented one.
    func assertOneSchema(_ kind: String, _ commands: [(sets: Set<Set<String>>, count: Int)], record: Bool = true,
                         file: StaticString = #filePath, line: UInt = #line) throws {
        let docs = try Self.documented()
        let section = try XCTUnwrap(docs[kind], "docs/json.md has a section \(kind)", file: file, line: line)
        let common = record ? try XCTUnwrap(docs["Every record row"]).keys : []
        let expected = common.union(section.keys).subtracting(section.personal)
        for (i, c) in commands.enumerated() {
            XCTAssertGreaterThan(c.count, 0, "\(kind): command \(i) printed rows", file: file, line: line)
            XCTAssertEqual(c.sets.count, 1, "\(kind): command \(i) wrote one key set, not \(c.sets)", file: file, line: line)
            XCTAssertEqual(c.sets.first, expected, "\(kind): command \(i) against docs/json.md", file: file, line: line)
        }
    }

    func testSignals() throws {
        try assertOneSchema("signaal", [try keySets(["list", "signals"]), try keySets(["history", "--kind", "signaal"])])
        // With personal data asked for, the documented personal keys come in addition.
        let personal = try keySets(["list", "signals", "--include-personal"])
        let docs = try Self.documented()
        XCTAssertEqual(personal.sets, [try XCTUnwrap(docs["Every record row"]).keys.union(try XCTUnwrap(docs["signaal"]).keys)])
    }

    func testActions() throws {
        let list = try keySets(["list", "actions"]), export = try exported()
        try assertOneSchema("actie", [list, try keySets(["history", "--kind", "actie"]), export])
        // The export is the list: the same rows, byte for byte.
        let out = dir + "/same.json"
        XCTAssertEqual(HostileCLI.run(["export", "actions", "--log", log, "--format", "json", "--out", out]).status, 0)
        XCTAssertEqual(try String(contentsOfFile: out, encoding: .utf8), HostileCLI.run(["list", "actions", "--log", log, "--format", "json"]).out)
    }

    func testDecisions() throws {
        try assertOneSchema("besluit", [try keySets(["list", "decisions"]), try keySets(["history", "--kind", "besluit"])])
    }

    func testInitiatives() throws {
        try assertOneSchema("initiatief", [try keySets(["list", "initiatives"]), try keySets(["history", "--kind", "initiatief"])])
    }

    func testPriorities() throws {
        try assertOneSchema("prioriteit", [try keySets(["list", "priorities"]), try keySets(["history", "--kind", "prioriteit"])])
    }

    func testParticipation() throws {
        try assertOneSchema("participatie", [try keySets(["list", "participation"]), try keySets(["history", "--kind", "participatie"])])
    }

    func testBudgets() throws {
        try assertOneSchema("budget", [try keySets(["list", "budgets"]), try keySets(["history", "--kind", "budget"])])
    }

    func testKindsOfOneCommand() throws {
        try assertOneSchema("vergadering", [try keySets(["list", "meetings"])])
        try assertOneSchema("agendapunt", [try keySets(["list", "agenda"])])
        try assertOneSchema("lemon", [try keySets(["history", "--kind", "lemon"])])
        try assertOneSchema("terugkoppeling", [try keySets(["list", "feedback-owed"])], record: false)
        try assertOneSchema("voorstel", [try keySets(["list", "proposals"]), try keySets(["list", "proposals", "--all"])], record: false)
        try assertOneSchema("rol", [try keySets(["list", "roles"])], record: false)
        try assertOneSchema("plan", [try keySets(["list", "plans"]), try keySets(["history", "--kind", "plan"])])
        // A change of wijk kind, made here (the demo has none).
        let decided = HostileCLI.run(["add", "decision", "--log", log, "--wijk", "Emerald", "--text", "Emerald wordt een beheerwijk."])
        XCTAssertEqual(decided.status, 0, decided.err)
        let id = decided.out.trimmingCharacters(in: .whitespacesAndNewlines)
        let changed = HostileCLI.run(["set", "wijk-kind", "Emerald", "--kind", "beheer", "--decision", id, "--log", log])
        XCTAssertEqual(changed.status, 0, changed.err)
        try assertOneSchema("wijksoort", [try keySets(["history", "--kind", "wijksoort"])])
    }

    /// The history of several logs says which log each row came from; of one log it does not.
    func testHistoryOfSeveralLogsNamesTheLog() throws {
        let other = dir + "/tweede.jsonl"
        try FileManager.default.copyItem(atPath: log, toPath: other)
        let r = HostileCLI.run(["history", "--kind", "besluit", "--log", log, "--log", other, "--format", "json"])
        XCTAssertEqual(r.status, 0, r.err)
        let rows = try XCTUnwrap(try JSONSerialization.jsonObject(with: r.stdout) as? [[String: Any]])
        XCTAssertEqual(Set(rows.compactMap { $0["log"] as? String }), [log, other])
        let one = try keySets(["history", "--kind", "besluit"])
        XCTAssertEqual(Set(rows.map { Set($0.keys) }), Set(one.sets.map { $0.union(["log"]) }))
    }
}
