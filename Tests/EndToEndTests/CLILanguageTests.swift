import Foundation
import XCTest

/// The command line speaks one language: the help and a usage error of every command (found in the
/// parser's own description of the command tree, so a new command is checked too) hold none of the
/// parser's English in Dutch mode; required options are shown as required; `--version` prints the
/// version written in one place; table words follow `--lang`.
final class CLILanguageTests: XCTestCase {
    override func setUpWithError() throws { try Tmux.requireTools() }

    /// What may stay English is listed in docs/DECISIONS.md (40): the names of commands and options, the
    /// values one types (`table`, `json`, `signals` …). These words are the parser's own English: none
    /// of them may appear in what a Dutch user reads.
    static let parserEnglish: Set<String> = [
        "overview", "usage", "arguments", "options", "subcommand", "subcommands", "show", "information", "default", "values",
        "see", "detailed", "error", "unknown", "option", "did", "mean", "missing", "expected", "argument", "unexpected",
        "value", "invalid", "please", "provide", "following", "does", "take", "specified", "required", "version", "the",
        "for", "more",
    ]
    /// Value names the parser derives from English option names; in Dutch help they read in Dutch.
    static let englishValueNames: Set<String> = [
        "title", "owner", "due", "result", "cost", "inform", "date", "decision", "amount", "year", "text", "theme", "source",
        "reason", "level", "topic", "work", "phase", "outcome", "person", "reporter", "initiator", "minutes", "length", "name",
        "out", "from", "to", "format", "kind", "search", "seed", "generate", "role", "meeting", "subcommand", "how", "org",
        "residents", "period", "serves", "checkpoint", "representatives", "feedback-plan", "copy-to", "write-story", "history-log",
        "as-of", "today", "field", "value", "target", "set-reason", "options",
    ]

    struct Command {
        var path: [String]
        var names: Set<String>
        var values: Set<String>
        var options: [(name: String, optional: Bool)]
    }

    /// Every command, from `kernteam --experimental-dump-help`.
    func commands() throws -> [Command] {
        let r = HostileCLI.run(["--experimental-dump-help"])
        XCTAssertEqual(r.status, 0, r.err)
        let root = try XCTUnwrap(try JSONSerialization.jsonObject(with: r.stdout) as? [String: Any])
        var out: [Command] = []
        func walk(_ c: [String: Any], _ path: [String]) {
            let args = c["arguments"] as? [[String: Any]] ?? []
            var names = Set(path), values = Set<String>()
            var options: [(String, Bool)] = []
            for a in args {
                for n in a["names"] as? [[String: Any]] ?? [] { if let s = n["name"] as? String { names.insert(s) } }
                values.formUnion(a["allValues"] as? [String] ?? [])
                if let d = a["defaultValue"] as? String { values.insert(d) }
                if a["kind"] as? String == "option", let p = a["preferredName"] as? [String: Any], let n = p["name"] as? String {
                    options.append((n, a["isOptional"] as? Bool ?? true))
                }
            }
            out.append(Command(path: path, names: names, values: values, options: options))
            for s in c["subcommands"] as? [[String: Any]] ?? [] { walk(s, path + [s["commandName"] as? String ?? "?"]) }
        }
        walk(root["command"] as? [String: Any] ?? [:], [])
        return out
    }

    /// English words of the parser left in `text` once names of commands and options, the values one
    /// types, quoted input and paths are set aside.
    func english(_ text: String, allowed: Set<String>) -> [String] {
        var rest = text
        for pattern in [#"--?[A-Za-z][A-Za-z-]*"#, #"(?<![A-Za-z])'[^'\n]*'"#, #"\$[A-Z_]+"#, #"~?/[^\s)]*"#] {
            rest = rest.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
        }
        var found: [String] = []
        let placeholders = try! NSRegularExpression(pattern: #"<([a-z][a-z-]*)>"#)
        for m in placeholders.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            let name = (text as NSString).substring(with: m.range(at: 1))
            if Self.englishValueNames.contains(name) { found.append("<\(name)>") }
        }
        rest = rest.replacingOccurrences(of: #"<[^>]*>"#, with: " ", options: .regularExpression)
        for word in rest.split(whereSeparator: { !$0.isLetter }).map({ $0.lowercased() }) where !allowed.contains(word) {
            if Self.parserEnglish.contains(word) { found.append(word) }
        }
        return found
    }

    func testHelpAndAUsageErrorOfEveryCommandAreDutch() throws {
        let all = try commands()
        XCTAssertGreaterThan(all.count, 40, "the whole command tree")
        let everyName = all.reduce(Set<String>()) { $0.union($1.names) }
        for c in all {
            let allowed = everyName.union(c.values).union(["kernteam"])
            let help = HostileCLI.run(c.path + ["--help"])
            XCTAssertEqual(help.status, 0, "\(c.path) --help: \(help.err)")
            XCTAssertTrue(help.out.contains("OVERZICHT:") || help.out.contains("GEBRUIK:"), "\(c.path): \(help.out)")
            XCTAssertEqual(english(help.out, allowed: allowed), [], "English in `kernteam \(c.path.joined(separator: " ")) --help`:\n\(help.out)")
            let wrong = HostileCLI.run(c.path + ["--geen-optie"])
            XCTAssertNotEqual(wrong.status, 0, "\(c.path) --geen-optie")
            XCTAssertTrue(wrong.err.hasPrefix("Fout: "), "\(c.path): \(wrong.err)")
            XCTAssertEqual(english(wrong.err, allowed: allowed), [], "English in the usage error of \(c.path):\n\(wrong.err)")
        }
    }

    func testTheParsersSentencesInDutchAndInEnglish() throws {
        let cases: [([String], String, String)] = [
            (["list", "signals", "--format", "xml"], "Fout: De waarde 'xml' past niet bij '--format <vorm>'. Kies 'table' of 'json'.",
             "Error: The value 'xml' is invalid for '--format <format>'. Please provide one of 'table' or 'json'."),
            (["list", "signals", "--wijkk", "x"], "Fout: Onbekende optie '--wijkk'. Bedoelt u '--wijk'?",
             "Error: Unknown option '--wijkk'. Did you mean '--wijk'?"),
            (["add", "action", "--wijk"], "Fout: Er ontbreekt een waarde bij '--wijk <wijk>'", "Error: Missing value for '--wijk <wijk>'"),
            (["list"], "Fout: Verplicht, maar niet gegeven: '<soort>'", "Error: Missing expected argument '<kind>'"),
            (["list", "signals", "extra"], "Fout: Onverwacht argument 'extra'", "Error: Unexpected argument 'extra'"),
            (["export", "calendar", "--out", "x.ics", "--force=ja"], "Fout: De optie '--force' neemt geen waarde, maar kreeg 'ja'.",
             "Error: The option '--force' does not take any value, but 'ja' was specified."),
        ]
        for (args, dutch, english) in cases {
            let nl = HostileCLI.run(args)
            XCTAssertEqual(nl.status, 64, "\(args): \(nl.err)")
            XCTAssertEqual(nl.err.split(separator: "\n").first.map(String.init), dutch, "\(args)")
            let en = HostileCLI.run(["--lang", "en"] + args)
            XCTAssertEqual(en.err.split(separator: "\n").first.map(String.init), english, "\(args)")
        }
    }

    func testRequiredOptionsAreShownAsRequired() throws {
        let required: [String: Set<String>] = [
            "add signal": ["wijk", "theme", "source", "text"], "add action": ["wijk", "title", "owner"], "add decision": ["wijk", "text"],
            "add meeting": ["kern", "date"], "add agenda-item": ["title"], "add participation": ["wijk", "topic", "work", "phase", "level"],
            "add initiative": ["wijk", "text"], "add priority": ["wijk", "theme", "text"], "add budget": ["wijk", "year", "amount"],
            "add lemon": ["wijk", "theme", "year", "score"], "set status": ["to"], "set participation": ["level"],
            "set wijk-kind": ["kind", "decision"], "triage signal": ["route"], "triage initiative": ["outcome"], "feedback": ["how"],
            "proposal accept": ["wijk", "theme"], "proposal dismiss": ["wijk", "theme"], "meeting prepare": ["kern", "date"],
            "meeting reopen": ["decision"], "withdraw": ["reason"], "export report": ["from", "to", "out"], "export minutes": ["meeting", "out"],
            "export newsletter": ["meeting", "out"], "export calendar": ["out"], "export actions": ["out"], "attend": ["meeting"],
        ]
        let byPath = Dictionary(try commands().map { ($0.path.joined(separator: " "), $0) }, uniquingKeysWith: { a, _ in a })
        for (path, names) in required {
            let c = try XCTUnwrap(byPath[path], path)
            for (name, optional) in c.options {
                XCTAssertEqual(optional, !names.contains(name), "\(path) --\(name)")
            }
            let usage = HostileCLI.run(path.split(separator: " ").map(String.init) + ["--help"]).out
                .split(separator: "\n").first { $0.hasPrefix("GEBRUIK:") }.map(String.init) ?? ""
            for name in names {
                XCTAssertTrue(usage.contains(" --\(name) <"), "\(path): --\(name) in \(usage)")
                XCTAssertFalse(usage.contains("[--\(name) "), "\(path): --\(name) shown as optional in \(usage)")
            }
        }
        // Left out, a required option is named, and nothing is recorded.
        let dir = NSTemporaryDirectory() + "kt-required-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = HostileCLI.run(["add", "action", "--log", dir + "/log.jsonl", "--wijk", "Emerald", "--owner", "Politie"])
        XCTAssertEqual(r.status, 64)
        XCTAssertTrue(r.err.hasPrefix("Fout: Verplicht, maar niet gegeven: '--title <titel>'"), r.err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/log.jsonl"), "nothing written")
    }

    func testVersionFromOnePlace() throws {
        let source = try String(contentsOf: Tmux.repoRoot.appendingPathComponent("Sources/kernteam/Version.swift"), encoding: .utf8)
        let version = try XCTUnwrap(source.range(of: #"number = "([^"]+)""#, options: .regularExpression).map {
            String(source[$0]).components(separatedBy: "\"")[1]
        })
        for lang in [[], ["--lang", "en"]] {
            let r = HostileCLI.run(lang + ["--version"])
            XCTAssertEqual(r.status, 0, r.err)
            XCTAssertEqual(r.out, version + "\n")
        }
        let help = HostileCLI.run(["--help"]).out
        XCTAssertTrue(help.contains("Versie \(version)."), help)
        XCTAssertTrue(help.contains("--version") && help.contains("Toont de versie."), help)
        XCTAssertTrue(HostileCLI.run(["--lang", "en", "--help"]).out.contains("Version \(version)."))
    }

    func testTableWordsFollowTheLanguage() throws {
        let dir = NSTemporaryDirectory() + "kt-words-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let log = dir + "/demo.jsonl"
        try FileManager.default.copyItem(atPath: Tmux.repoRoot.appendingPathComponent("Data/demo-log.jsonl").path, toPath: log)
        let agendaNL = HostileCLI.run(["agenda", "--log", log, "--meeting", "V-1"])
        XCTAssertEqual(agendaNL.status, 0, agendaNL.err)
        XCTAssertTrue(agendaNL.out.split(separator: "\n")[0].hasSuffix("· gesloten"), agendaNL.out)
        let agendaEN = HostileCLI.run(["--lang", "en", "agenda", "--log", log, "--meeting", "V-1"])
        XCTAssertTrue(agendaEN.out.split(separator: "\n")[0].hasSuffix("· closed"), agendaEN.out)
        XCTAssertFalse(agendaNL.out.contains("closed") || agendaNL.out.contains("prepared"))
        let priorities = HostileCLI.run(["--lang", "en", "list", "priorities", "--log", log]).out
        XCTAssertTrue(priorities.contains("active"), priorities)
        XCTAssertFalse(priorities.contains("actief"), priorities)
        let budgets = HostileCLI.run(["--lang", "en", "list", "budgets", "--log", log]).out
        XCTAssertTrue(budgets.contains("spent") && !budgets.contains("besteed"), budgets)
        let budgetsNL = HostileCLI.run(["list", "budgets", "--log", log]).out
        XCTAssertTrue(budgetsNL.contains("besteed") && !budgetsNL.contains("spent"), budgetsNL)
    }
}
