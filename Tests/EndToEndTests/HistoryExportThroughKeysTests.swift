import Foundation
import XCTest

/// The history view of the app (in process, on a real log), driven through the keys on a copy of the demo log: filter a
/// wijk, open a decision's chain of corrections, write the minutes and the action list from there,
/// and find a wijk's decisions of one year the way the CLI finds them.
final class HistoryExportThroughKeysTests: XCTestCase {
    /// The demo log with its personal-data folder, copied into the scratch folder, and a data folder
    /// (`$KERNTEAM_DATA`) whose retention term keeps the demo's 2009 residents: with the shipped term
    /// they would be erased as soon as the log is opened, and an export could not leak them anyway.
    func demoWithPersons(_ scratch: Scratch) throws -> (log: String, env: [String: String]) {
        let log = try scratch.demoCopy()
        let persons = Tmux.repoRoot.appendingPathComponent("Data/demo-log.jsonl.personen").path
        try FileManager.default.copyItem(atPath: persons, toPath: log + ".personen")
        let data = scratch.dir + "/Data"
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Tmux.repoRoot.appendingPathComponent("Data/reference.json").path,
                                         toPath: data + "/reference.json")
        try Data(#"{"retention_months": 1200}"#.utf8).write(to: URL(fileURLWithPath: data + "/settings.json"))
        return (log, ["KERNTEAM_DATA": data])
    }

    /// The files of the personal-data side store next to a log.
    func personFiles(_ log: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: log + ".personen")) ?? []).filter { $0.hasSuffix(".json") }.sorted()
    }

    /// Every name and phone number in the demo's personal-data side store.
    func residents() throws -> [(name: String, contact: String)] {
        let folder = Tmux.repoRoot.appendingPathComponent("Data/demo-log.jsonl.personen").path
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".json") }.sorted()
        XCTAssertFalse(files.isEmpty, "the demo has residents' personal data")
        return try files.map { file in
            let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + file))
            let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any], file)
            return (try XCTUnwrap(object["name"] as? String, file), try XCTUnwrap(object["contact"] as? String, file))
        }
    }

    func assertNoResidents(in bytes: Data, _ what: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let text = String(decoding: bytes, as: UTF8.self)
        for r in try residents() {
            for needle in [r.name, r.name.decomposedStringWithCanonicalMapping, r.contact] {
                XCTAssertFalse(text.contains(needle), "\(what) names resident data '\(needle)'", file: file, line: line)
            }
            // A surname alone (the longest word of the name) must not leak either.
            if let surname = r.name.split(separator: " ").max(by: { $0.count < $1.count }), surname.count >= 5 {
                XCTAssertFalse(text.contains(String(surname)), "\(what) names part of '\(r.name)'", file: file, line: line)
            }
        }
    }

    /// JSON array output of the CLI (stdout only).
    func cliJSON(_ args: [String], env: [String: String], file: StaticString = #filePath, line: UInt = #line) throws -> [[String: Any]] {
        let r = HostileCLI.run(args, env: env)
        XCTAssertEqual(r.status, 0, r.err, file: file, line: line)
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: r.stdout) as? [[String: Any]], r.out, file: file, line: line)
    }

    /// The history entries on screen: (place, kind, id) per entry line, and whether one is selected.
    struct ScreenEntry: Equatable {
        var kind: String
        var id: String
        var place: String
        var selected: Bool
        var line: String
    }

    static let kinds = ["besluit", "actie", "signaal", "initiatief", "prioriteit", "participatie", "budget", "lemon", "wijksoort", "plan", "notitie"]

    func entries(_ screen: String) -> [ScreenEntry] {
        let pattern = try! NSRegularExpression(
            pattern: #"(▶ |  )\d{2}-\d{2}-\d{4} (\#(Self.kinds.joined(separator: "|")))\s+([A-Z]+-\d+)?\s*\[([^\]]+)\]"#)
        return screen.split(separator: "\n").compactMap { line in
            let s = String(line)
            let ns = s as NSString
            guard let m = pattern.firstMatch(in: s, range: NSRange(location: 0, length: ns.length)) else { return nil }
            func group(_ i: Int) -> String { m.range(at: i).location == NSNotFound ? "" : ns.substring(with: m.range(at: i)) }
            return ScreenEntry(kind: group(2), id: group(3), place: group(4), selected: group(1) == "▶ ", line: s)
        }
    }

    /// "(N items)" in the history's title.
    func count(_ screen: String) -> Int? {
        let pattern = try! NSRegularExpression(pattern: #"Geschiedenis · [^\n]*\((\d+) items\)"#)
        let ns = screen as NSString
        guard let m = pattern.firstMatch(in: screen, range: NSRange(location: 0, length: ns.length)) else { return nil }
        return Int(ns.substring(with: m.range(at: 1)))
    }

    /// Waits until the history's title shows `description` and the screen has settled on it.
    @discardableResult
    func waitForHistory(_ app: InProcessApp, _ description: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        app.expect("Geschiedenis · \(description)", file: file, line: line)
    }

    func testFilterChainAndDocumentsThroughTheKeys() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let (log, env) = try demoWithPersons(scratch)
        let personsBefore = personFiles(log)
        XCTAssertEqual(personsBefore.count, try residents().count)
        let logBefore = try Data(contentsOf: URL(fileURLWithPath: log))

        // What the CLI says about Emerald, to compare the screen with.
        let cliEmerald = try cliJSON(["history", "--log", log, "--wijk", "Emerald", "--format", "json"], env: env)
        XCTAssertFalse(cliEmerald.isEmpty)
        XCTAssertTrue(cliEmerald.allSatisfy { $0["wijk"] as? String == "Emerald" })

        // Tall enough that all of Emerald's history fits on one screen, headings included.
        let app = InProcessApp(log: log, cols: 160, rows: 90, env: env)
        app.expect("Agenda")
        app.keys("h")
        let all = waitForHistory(app, "")
        let total = try XCTUnwrap(count(all), "count in the title:\n\(all)")
        XCTAssertGreaterThan(total, cliEmerald.count, "unfiltered, the history has more than Emerald")

        // f: the filter form; type "Emer" in the Wijk field, Enter applies it.
        app.keys("f")
        app.expect("Geschiedenis filteren")
        app.type("Emer")
        app.expect("Emerald")
        app.keys("Enter")
        let emerald = waitForHistory(app, "Emerald")
        XCTAssertEqual(count(emerald), cliEmerald.count, "count in the title:\n\(emerald)")
        let shown = entries(emerald)
        XCTAssertEqual(shown.count, cliEmerald.count, "every Emerald entry is on screen:\n\(emerald)")
        XCTAssertTrue(shown.allSatisfy { $0.place == "Emerald" }, "only Emerald entries:\n\(emerald)")
        XCTAssertEqual(shown.map(\.id), cliEmerald.map { $0["id"] as? String ?? "" }, "same entries, same order as the CLI")
        XCTAssertFalse(emerald.contains("[Oud Delfgauw]"))
        XCTAssertFalse(emerald.contains("[Delfgauw]"), "kern-wide records are not in a wijk's history")
        XCTAssertEqual(shown.filter(\.selected).count, 1)
        XCTAssertTrue(shown.first?.selected ?? false, "the first entry is selected after filtering")

        // Down to the first decision; Enter shows its chain.
        var screen = emerald
        var guardSteps = 0
        while let current = entries(screen).first(where: \.selected), current.kind != "besluit" {
            guardSteps += 1
            XCTAssertLessThan(guardSteps, 60, "never reached a decision:\n\(screen)")
            if guardSteps >= 60 { return }
            app.keys("j")
            screen = app.screen
        }
        let decision = try XCTUnwrap(entries(screen).first(where: \.selected))
        XCTAssertEqual(decision.kind, "besluit")
        let decisionRow = try XCTUnwrap(cliEmerald.first { $0["id"] as? String == decision.id }, decision.id)
        let meeting = try XCTUnwrap(decisionRow["meeting"] as? String, "a decision belongs to a meeting")
        let decisionText = try XCTUnwrap(decisionRow["text"] as? String)
        app.keys("Enter")
        let chain = app.expect("Geschiedenis van \(decision.id)")
        XCTAssertTrue(chain.contains("vastgelegd: " + String(decisionText.prefix(30))), "the chain starts with the creation:\n\(chain)")
        app.keys("Escape")
        waitForHistory(app, "Emerald")
        XCTAssertFalse(app.screen.contains("Geschiedenis van"), "Esc closes the chain only")

        // e: the minutes of the decision's meeting, as HTML, to an absolute path.
        let minutesPath = scratch.dir + "/notulen-\(meeting).html"
        app.keys("e")
        app.expect("Document maken")
        app.keys("Tab", "Tab", "C-u")
        app.type(minutesPath)
        app.expect(minutesPath)
        app.keys("Enter")
        app.expect("Geschreven: notulen-\(meeting).html in \(scratch.dir)")
        XCTAssertTrue(FileManager.default.fileExists(atPath: minutesPath))
        let minutes = try Data(contentsOf: URL(fileURLWithPath: minutesPath))
        let html = String(decoding: minutes, as: UTF8.self)
        XCTAssertTrue(html.lowercased().hasPrefix("<!doctype html"), String(html.prefix(200)))
        XCTAssertTrue(html.contains("</html>"))
        let meetingDecisions = try cliJSON(["list", "decisions", "--log", log, "--format", "json"], env: env)
            .filter { $0["meeting"] as? String == meeting }
        XCTAssertTrue(meetingDecisions.contains { $0["id"] as? String == decision.id })
        // Ids, dates and amounts sit in a span that keeps them on one line; the text is the same without it.
        let plain = html.replacingOccurrences(of: "<span class=\"nb\">", with: "").replacingOccurrences(of: "</span>", with: "")
        for d in meetingDecisions {
            let id = try XCTUnwrap(d["id"] as? String), text = try XCTUnwrap(d["text"] as? String)
            XCTAssertTrue(plain.contains(id), "minutes name decision \(id)")
            XCTAssertTrue(plain.contains(htmlEscaped(text)), "minutes hold the text of \(id)")
        }
        try assertNoResidents(in: minutes, "the minutes")
        // The same document as `kernteam export minutes` writes.
        let cliMinutes = scratch.dir + "/cli-notulen.html"
        let exported = HostileCLI.run(["export", "minutes", "--log", log, "--meeting", meeting, "--format", "html", "--out", cliMinutes], env: env)
        XCTAssertEqual(exported.status, 0, exported.err)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: cliMinutes)), minutes, "the app writes what the CLI writes")

        // e again: the action list as CSV (Dutch Excel: BOM, semicolons), for the filtered wijk.
        let actionsPath = scratch.dir + "/actielijst-emerald.csv"
        app.keys("e")
        var form = app.expect("Document maken")
        // The folder is shown; the suggested name follows the document and its format.
        XCTAssertTrue(form.contains("Map: "), form)
        XCTAssertTrue(form.contains("kernteam-notulen-"), form)
        app.type("act")
        form = app.expect("kernteam-actielijst-emerald.csv")
        XCTAssertTrue(form.contains("◂ csv ▸"), "the action list's own format: \(form)")
        app.keys("Tab", "Right")
        app.expect("kernteam-actielijst-emerald.json")
        app.type("c")
        app.expect("kernteam-actielijst-emerald.csv")
        app.keys("Tab", "C-u")
        app.type(actionsPath)
        app.expect(actionsPath)
        app.keys("Enter")
        app.expect("Geschreven: actielijst-emerald.csv in \(scratch.dir)")
        let csv = try Data(contentsOf: URL(fileURLWithPath: actionsPath))
        XCTAssertEqual(Array(csv.prefix(3)), [0xEF, 0xBB, 0xBF], "UTF-8 byte order mark")
        let csvText = String(decoding: csv.dropFirst(3), as: UTF8.self)
        let lines = csvText.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        XCTAssertTrue(csvText.hasSuffix("\r\n"), "CRLF line ends")
        XCTAssertTrue(lines.first?.hasPrefix("id;wijk;kern;") ?? false, lines.first ?? "")
        let emeraldActions = try cliJSON(["list", "actions", "--log", log, "--wijk", "Emerald", "--format", "json"], env: env)
        XCTAssertFalse(emeraldActions.isEmpty)
        XCTAssertEqual(lines.count, emeraldActions.count + 1, "a header and one line per Emerald action:\n\(csvText)")
        for row in lines.dropFirst() {
            XCTAssertGreaterThanOrEqual(row.filter { $0 == ";" }.count, 12, row)
            XCTAssertTrue(row.contains(";Emerald;Delfgauw;"), "only the filtered wijk: \(row)")
        }
        XCTAssertEqual(Set(lines.dropFirst().map { String($0.prefix { $0 != ";" }) }),
                       Set(emeraldActions.compactMap { $0["id"] as? String }))
        try assertNoResidents(in: csv, "the action list")
        let cliActions = scratch.dir + "/cli-actielijst.csv"
        let exportedActions = HostileCLI.run(["export", "actions", "--log", log, "--wijk", "Emerald", "--format", "csv", "--out", cliActions], env: env)
        XCTAssertEqual(exportedActions.status, 0, exportedActions.err)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: cliActions)), csv, "the app writes what the CLI writes")

        // The same file again: asked in the app (no command-line flag), no keeps the form, yes replaces.
        try Data("oud".utf8).write(to: URL(fileURLWithPath: actionsPath))
        app.keys("e")
        app.expect("Document maken")
        app.type("act")
        app.keys("Tab", "Tab", "C-u")
        app.type(actionsPath)
        app.keys("Enter")
        var asked = app.expect("Vervangen?")
        XCTAssertTrue(asked.contains("actielijst-emerald.csv bestaat al in \(scratch.dir)"), asked)
        XCTAssertFalse(asked.contains("--force"), asked)
        app.keys("n")
        form = app.expect("Document maken")
        XCTAssertTrue(form.contains(actionsPath), "the choices are kept: \(form)")
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: actionsPath)), Data("oud".utf8), "no: the file is left alone")
        app.keys("Enter")
        app.expect("Vervangen?")
        app.keys("j")
        app.expect("Geschreven: actielijst-emerald.csv in \(scratch.dir)")
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: actionsPath)), csv, "yes: replaced with the document")

        // A FIFO at the name: never offered for replacing, refused with the reason, left a FIFO.
        let pipe = scratch.dir + "/pijp.csv"
        XCTAssertEqual(mkfifo(pipe, 0o600), 0)
        app.keys("e")
        app.expect("Document maken")
        app.type("act")
        app.keys("Tab", "Tab", "C-u")
        app.type(pipe)
        app.keys("Enter")
        form = app.expect("✗")
        XCTAssertTrue(form.contains("geen gewoon bestand"), form)
        XCTAssertFalse(form.contains("Vervangen?"), form)
        var st = stat()
        XCTAssertTrue(lstat(pipe, &st) == 0 && st.st_mode & S_IFMT == S_IFIFO, "still a FIFO")
        app.keys("Escape")
        app.expect("Geschiedenis")

        // An error keeps the form as it was, with the reason.
        let nowhere = scratch.dir + "/bestaat-niet/lijst.csv"
        app.keys("e")
        app.expect("Document maken")
        app.type("act")
        app.keys("Tab", "Right", "Tab", "C-u")
        app.type(nowhere)
        app.keys("Enter")
        form = app.expect("✗")
        XCTAssertTrue(form.contains("Document maken"), "the form stays open: \(form)")
        XCTAssertTrue(form.contains("◂ actielijst ▸") && form.contains("◂ json ▸") && form.contains(nowhere), form)
        XCTAssertFalse(FileManager.default.fileExists(atPath: nowhere))
        app.keys("Escape")
        app.expect("Geschiedenis")

        app.keys("Escape")
        app.expect("Agenda")
        app.quit()
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: log)), logBefore, "reading and exporting never write to the log")
        XCTAssertEqual(personFiles(log), personsBefore, "the residents' data was there all along, and stays")
    }

    func testOudDelfgauwDecisionsOf2009MatchTheCLI() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let (log, env) = try demoWithPersons(scratch)
        let cli = try cliJSON(["history", "--wijk", "Oud Delfgauw", "--from", "2009-01-01", "--to", "2009-12-31", "--kind", "besluit",
                               "--format", "json", "--log", log], env: env)
        let cliIDs = cli.compactMap { $0["id"] as? String }
        XCTAssertEqual(cliIDs.count, cli.count)
        XCTAssertFalse(cliIDs.isEmpty, "the demo has decisions for Oud Delfgauw in 2009")
        XCTAssertTrue(cli.allSatisfy { $0["kind"] as? String == "besluit" && $0["wijk"] as? String == "Oud Delfgauw" })

        let app = InProcessApp(log: log, cols: 140, rows: 40, env: env)
        app.expect("Agenda")
        app.keys("h")
        waitForHistory(app, "")
        app.keys("f")
        app.expect("Geschiedenis filteren")
        app.type("Oud")
        app.keys("Tab")
        app.type("2009-01-01")
        app.keys("Tab")
        app.type("2009-12-31")
        app.keys("Tab", "Tab")   // past Thema, to Soort
        app.type("bes")
        app.expect("besluit")
        app.keys("Enter")
        let screen = waitForHistory(app, "Oud Delfgauw · vanaf ")
        XCTAssertTrue(screen.contains("besluit ("), "the title names the kind:\n\(screen)")
        let shown = entries(screen)
        XCTAssertEqual(count(screen), cli.count, screen)
        XCTAssertEqual(shown.map(\.id), cliIDs, "the keys find what `kernteam history` finds:\n\(screen)")
        XCTAssertTrue(shown.allSatisfy { $0.kind == "besluit" && $0.place == "Oud Delfgauw" }, screen)
        app.keys("Escape")
        app.expect("Agenda")
        app.quit()
    }

    func htmlEscaped(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }
}
