import Foundation
import XCTest

/// Hostile text recorded through the CLI must never act on a terminal: not in the full-screen app
/// (list, details), not in `list` output, not in error messages. The log keeps it byte for byte.
final class InjectionTests: XCTestCase {
    override func setUpWithError() throws { try Tmux.requireTools() }

    static let esc = "\u{1B}"

    /// The hostile corpus: each entry is recorded as the text of one signal.
    static let corpus: [String] = [
        "\(esc)[31mROOD\(esc)[0m gekleurd",                                      // CSI SGR colour
        "\(esc)[2J\(esc)[H scherm gewist",                                        // clear screen + home
        "\(esc)[10;10Hcursor verplaatst\(esc)[5A\(esc)[20C\(esc)[3Bweg",          // cursor moves
        "\(esc)]0;HACKED\u{07} titel met BEL",                                    // OSC 0 title, BEL
        "\(esc)]2;HACKED\(esc)\\ titel met ST",                                   // OSC 2 title, ST
        "\(esc)]8;;https://evil.example/\(esc)\\klik hier\(esc)]8;;\(esc)\\",     // OSC 8 hyperlink
        "\(esc)]52;c;SEFDS0VE\u{07} klembord",                                    // OSC 52 clipboard ("HACKED")
        "\(esc)P+q544e\(esc)\\ DCS-verzoek",                                      // DCS (XTGETTCAP)
        "\(esc)Ptmux;\(esc)\(esc)]0;HACKED\u{07}\(esc)\\ tmux-doorgifte",         // DCS passthrough to the outer terminal
        "\(esc)kHACKED\(esc)\\ vensternaam",                                      // screen/tmux window name
        "\(esc)c terminal reset (RIS)",                                           // full reset
        "\(esc)[?1049l alternatief scherm uit \(esc)[?25h\(esc)[?1000h",          // leave alt screen, mouse on
        "\(esc)(0lqqk\(esc)(B lijntekens",                                        // DEC line drawing charset
        "eindigt op een kale ESC \(esc)",                                         // lone ESC at the end
        "C1 NEL\u{85}volgende regel",                                             // C1 NEL as UTF-8
        "C1 CSI \u{9B}2J\u{9B}31mrood",                                           // C1 CSI as UTF-8
        "C1 OSC \u{9D}0;HACKED\u{9C} en DCS \u{90}x\u{9C}",                       // C1 OSC/DCS/ST as UTF-8
        "bel\u{07}\u{07}\u{07} belletje",                                         // BEL
        "back\u{08}\u{08}\u{08}space",                                            // BS
        "CR\roverschreven",                                                       // CR
        "regel een\nregel twee\nregel drie",                                      // embedded newlines
        "tab\thier\tdaar",                                                        // TAB
        "del\u{7F}ete",                                                           // DEL
        "bidi \u{202E}gnirts desrever\u{202C} eind",                              // RLO … PDF
        "LRE \u{202A}a RLE \u{202B}b LRO \u{202D}c\u{202C}",                      // other embeddings/overrides
        "isolates \u{2066}x\u{2067}y\u{2068}z\u{2069} eind",                      // LRI RLI FSI PDI
        "bidi marks \u{200E}lrm \u{200F}rlm \u{061C}alm",                         // marks
        "zero\u{200B}width\u{200C}non\u{200D}joiner\u{2060}wj\u{FEFF}bom",        // zero-width characters
        "\u{0301}begint met een los combinerend teken",                           // stray combining mark
        "e" + String(repeating: "\u{0301}", count: 200) + " stapel van 200 accenten",
        "Z\u{0337}\u{0322}\u{031B}\u{035A}\u{032A}\u{0344}a\u{0334}l\u{0335}g\u{0336}o\u{0338} zalgo",
        "'s-Gravenhout, café Zoë — “aanhalingstekens” ‘enkel’ ĳ ß",
        "CJK 漢字テスト 한국어 en emoji 🎉 🇳🇱",
        "privégebruik \u{E000} en tag \u{E0041}",
        String(repeating: "lange tekst ", count: 330) + "EINDE",                  // ~4000 characters
        String(repeating: "x", count: 3990),                                      // one unbreakable word
    ]

    /// Some signals also get a hostile reporter (and contact): shown in the details.
    static let reporters: [Int: (String, String)] = [
        0: ("Jan\(esc)]0;HACKED\u{07} Jansen", "06-\(esc)[31m12345678"),
        3: ("Piet \u{202E}reteip\u{202C}", "piet\u{200B}@example.nl"),
        9: ("Kees\(esc)[2J\(esc)[H", "\u{9B}31m 010-1234567"),
        20: ("Anna\nTweede Regel", "\(esc)]52;c;SEFDS0VE\u{07}"),
        27: ("Zoë\u{FEFF}\u{2060}", "\(esc)kHACKED\(esc)\\"),
    ]

    /// Raw argv bytes that are not valid UTF-8 (a bare 0x9B C1 CSI, Latin-1 é, a broken sequence).
    static let rawText: [UInt8] = Array("ruwe bytes ".utf8) + [0x9B, 0x33, 0x31, 0x6D] + Array(" caf".utf8) + [0xE9]
        + [0x20, 0xC3, 0x28, 0x20, 0x1B, 0x5B, 0x32, 0x4A] + Array(" eind".utf8)

    func signalArgs(_ log: String, text: String) -> [String] {
        ["add", "signal", "--log", log, "--wijk", "Emerald", "--theme", "verkeer", "--source", "bewoner", "--text", text]
    }

    func assertClean(_ text: String, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        let bad = ScreenCheck.forbidden(in: text)
        XCTAssertTrue(bad.isEmpty, "\(what) holds raw control/bidi/zero-width characters: \(bad.prefix(10))\n\(text.prefix(3000))",
                      file: file, line: line)
    }

    /// Records the corpus; returns the log path and the number of signals.
    func recordCorpus(_ scratch: Scratch) throws -> (log: String, count: Int) {
        let log = scratch.dir + "/hostile.jsonl"
        for (i, text) in Self.corpus.enumerated() {
            var args = signalArgs(log, text: text)
            if let (name, contact) = Self.reporters[i] { args += ["--reporter", name, "--contact", contact] }
            if i == 5 { args += ["--buurt", "\(Self.esc)]0;HACKED\u{07}Ruyven\u{202E}"] }
            let r = HostileCLI.run(args)
            XCTAssertEqual(r.status, 0, "entry \(i): \(r.err)")
            XCTAssertEqual(r.out, "S-\(i + 1)\n", "entry \(i)")
            assertClean(r.out + r.err, "add output for entry \(i)")
        }
        let raw = HostileCLI.runBytes(signalArgs(log, text: "").dropLast().map { Array($0.utf8) } + [Self.rawText])
        XCTAssertEqual(raw.status, 0, raw.err)
        XCTAssertEqual(raw.out, "S-\(Self.corpus.count + 1)\n")
        return (log, Self.corpus.count + 1)
    }

    func testHostileTextNeverReachesTheTerminalRaw() throws {
        let started = Date()
        let scratch = try Scratch()
        defer { scratch.remove() }
        let (log, count) = try recordCorpus(scratch)

        // The log keeps every text exactly as given (JSON round trip), and `list --format json`
        // escapes what a terminal would act on.
        let json = HostileCLI.run(["list", "signals", "--log", log, "--format", "json", "--include-personal"])
        XCTAssertEqual(json.status, 0, json.err)
        assertClean(json.out, "list --format json")
        let rows = try XCTUnwrap(try JSONSerialization.jsonObject(with: json.stdout) as? [[String: Any]])
        XCTAssertEqual(rows.count, count)
        for (i, text) in Self.corpus.enumerated() {
            let row = try XCTUnwrap(rows.first { $0["id"] as? String == "S-\(i + 1)" })
            XCTAssertEqual(row["text"] as? String, text, "text of S-\(i + 1) kept exactly")
            if let (name, contact) = Self.reporters[i] {
                XCTAssertEqual(row["reporter"] as? String, name)
                XCTAssertEqual(row["contact"] as? String, contact)
            }
        }
        let rawRow = try XCTUnwrap(rows.first { $0["id"] as? String == "S-\(count)" })
        let rawStored = try XCTUnwrap(rawRow["text"] as? String)
        XCTAssertTrue(rawStored.hasPrefix("ruwe bytes ") && rawStored.hasSuffix(" eind"), rawStored)
        XCTAssertTrue(rawStored.unicodeScalars.contains("\u{FFFD}"), "invalid UTF-8 became U+FFFD: \(rawStored.debugDescription)")

        // The table: one line per signal, nothing raw.
        let table = HostileCLI.run(["list", "signals", "--log", log])
        XCTAssertEqual(table.status, 0, table.err)
        assertClean(table.out, "list (table)")
        XCTAssertFalse(table.out.contains(Self.esc))
        let tableLines = table.out.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.isEmpty }
        XCTAssertEqual(tableLines.count, count, "one table line per signal:\n\(table.out.prefix(4000))")
        for l in tableLines { XCTAssertTrue(l.hasPrefix("S-"), "every table line is a row: \(l.prefix(80))") }
        XCTAssertTrue(table.out.contains("␛[31mROOD␛[0m"), "escape shown as visible text")
        XCTAssertTrue(table.out.contains("regel een␊regel twee␊regel drie"))

        // `verify` is unimpressed.
        let verify = HostileCLI.run(["verify", "--log", log])
        XCTAssertEqual(verify.status, 0, verify.err)
        XCTAssertTrue(verify.out.contains("keten intact"), verify.out)

        // Every row and every detail box, in process: the cells the program hands the terminal.
        walkTheScreen(log: log, count: count, cols: 100, rows: 30, details: true)
        walkTheScreen(log: log, count: count, cols: 80, rows: 24, details: false)
        // What reaches a real terminal through ncurses: the list and the nastiest detail boxes.
        try walkTheApp(log: log, count: count, cols: 100, rows: 30)

        XCTAssertEqual(HostileCLI.run(["verify", "--log", log]).status, 0)
        print("InjectionTests.testHostileTextNeverReachesTheTerminalRaw: \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
    }

    /// Checks a screen of the app the way a terminal would show it.
    func checkScreen(_ plain: String, _ what: String, cols: Int, rows: Int, overlay: String? = nil) {
        assertClean(plain, "screen (\(what))")
        XCTAssertFalse(plain.contains(Self.esc), "an escape on the screen (\(what))")
        ScreenCheck.assertMainLayout(plain, cols: cols, rows: rows, overlay: overlay != nil)
        if let overlay { ScreenCheck.assertDetailBox(plain, id: overlay, cols: cols, rows: rows) }
    }

    /// What the detail boxes of the hostile records must show: the controls as visible pictures.
    func checkDetail(_ id: Int, _ screen: String) {
        switch id {
        case 1:
            XCTAssertTrue(screen.contains("␛[31mROOD␛[0m gekleurd"), screen)
            XCTAssertTrue(screen.contains("Jan␛]0;HACKED␇ Jansen"), screen)
            XCTAssertTrue(screen.contains("06-␛[31m12345678"), screen)
        case 4:
            XCTAssertTrue(screen.contains("Piet ⍰reteip⍰"), screen)
        case 21:
            XCTAssertTrue(screen.contains("regel een␊regel twee␊regel drie"), screen)
            XCTAssertTrue(screen.contains("Anna␊Tweede Regel"), screen)
        case 24:
            XCTAssertTrue(screen.contains("bidi ⍰gnirts desrever⍰ eind"), screen)
        default: break
        }
    }

    /// Opens the app in process on the log, walks every row of the Signalen pane (and, if asked, every
    /// detail box) and checks each screen the program presents.
    func walkTheScreen(log: String, count: Int, cols: Int, rows: Int, details: Bool) {
        let app = InProcessApp(log: log, cols: cols, rows: rows)
        app.expect("Signalen (\(count))")
        app.keys("2")
        for k in 0..<count {
            let id = count - k
            checkScreen(app.expect("▶S-\(id) "), "list at S-\(id)", cols: cols, rows: rows)
            if k < count - 1 { app.keys("j") }
        }
        if details {
            for id in 1...count {
                app.expect("▶S-\(id) ")
                app.keys("Enter")
                let screen = app.expect("Details S-\(id) ")
                checkScreen(screen, "details of S-\(id)", cols: cols, rows: rows, overlay: "S-\(id)")
                checkDetail(id, screen)
                app.keys("Escape")
                checkScreen(app.screen, "after closing S-\(id)", cols: cols, rows: rows)
                if id < count { app.keys("k") }
            }
        }
        app.quit()
    }

    /// Opens the real binary on the log in tmux and checks what reaches the terminal: the top of the
    /// list, its end, and the detail boxes of the records with hostile reporters and bidi text.
    func walkTheApp(log: String, count: Int, cols: Int, rows: Int) throws {
        let baseline: String
        do {
            let probe = try Tmux(["--help"], cols: cols, rows: rows)
            probe.waitFor("[exit")
            baseline = probe.paneFormat("#{pane_title}")
        }
        let app = try Tmux(["--log", log], cols: cols, rows: rows)
        // Let applications set tmux buffers (OSC 52) and window names (ESC k): any that got
        // through would then show.
        app.tmux(["set", "-g", "set-clipboard", "on"])
        app.tmux(["set", "-g", "allow-rename", "on"])
        app.waitFor("Signalen (\(count))")
        // Redraw everything now that the options are on.
        app.resize(cols, rows + 1)
        app.waitUntil("the app never drew \(rows + 1) rows") { ScreenCheck.lines($0).count == rows + 1 && ScreenCheck.lines($0)[rows - 2].hasPrefix("└") }
        app.resize(cols, rows)
        app.waitUntil("the app never drew \(rows) rows again") { ScreenCheck.lines($0).count == rows && ScreenCheck.lines($0)[rows - 3].hasPrefix("└") }
        app.keys("2")
        app.waitFor("▶S-\(count) ")

        func check(_ what: String, _ plain: String, overlay: String? = nil) {
            let escaped = app.screenWithEscapes()
            let stripped = ScreenCheck.withoutSGR(escaped)
            XCTAssertFalse(stripped.contains(Self.esc), "an escape other than tmux's own SGR in the capture (\(what)):\n\(stripped.debugDescription.prefix(2000))")
            assertClean(stripped, "screen with escapes (\(what))")
            checkScreen(plain, what, cols: cols, rows: rows, overlay: overlay)
            let title = app.paneFormat("#{pane_title}")
            XCTAssertEqual(title, baseline, "pane title changed (\(what))")
            XCTAssertFalse(title.contains("HACKED") || app.paneFormat("#{window_name}").contains("HACKED"), "title/window name hijacked (\(what))")
        }

        check("list at S-\(count)", app.waitFor("▶S-\(count) "))
        // Down to the oldest signal, then up through the hostile ones, opening their details.
        for _ in 1..<count { app.keys("j") }
        check("list at S-1", app.waitFor("▶S-1 "))
        var at = 1
        for id in [1, 4, 10, 21, 24, 28] where id <= count {
            while at < id { app.keys("k"); at += 1 }
            app.waitFor("▶S-\(id) ")
            app.keys("Enter")
            let screen = app.waitFor("Details S-\(id) ")
            check("details of S-\(id)", screen, overlay: "S-\(id)")
            checkDetail(id, screen)
            app.keys("Escape")
            check("after closing S-\(id)", app.waitUntil("the details of S-\(id) never closed") { !$0.contains("Details S-\(id) ") })
        }
        XCTAssertEqual(app.paneFormat("#{alternate_on}"), "1", "still in full-screen mode")
        let buffers = app.tmux(["list-buffers"]).output
        XCTAssertEqual(buffers.trimmingCharacters(in: .whitespacesAndNewlines), "", "an OSC 52 reached tmux and set a buffer: \(buffers)")
        app.keys("q")
        app.waitFor("[exit 0]")
        XCTAssertEqual(app.paneFormat("#{pane_title}"), baseline)
        XCTAssertFalse(app.paneFormat("#{window_name}").contains("HACKED"))
    }

    /// The detectors above work: the same strings printed raw do change the title, set a buffer
    /// and rename the window. (A control run, so a passing test means something.)
    func testControlRawOutputIsDetected() throws {
        let socket = NSTemporaryDirectory() + "kt-ctl-\(UUID().uuidString.prefix(8)).sock"
        func tmux(_ args: [String]) -> (status: Int32, output: String) { Tmux.run("/usr/bin/env", ["tmux", "-S", socket, "-f", "/dev/null"] + args) }
        defer { _ = tmux(["kill-server"]); unlink(socket) }
        let payload = Self.corpus[3] + Self.corpus[6] + Self.corpus[9] + Self.corpus[0]
        let file = NSTemporaryDirectory() + "kt-ctl-\(UUID().uuidString.prefix(8)).txt"
        try payload.write(toFile: file, atomically: true, encoding: .utf8)
        defer { unlink(file) }
        // The pane prints the payload only once the options are set (a tmux wait-for channel, no sleep).
        let r = Tmux.run("/usr/bin/env", ["tmux", "-S", socket, "-f", "/dev/null", "new-session", "-d", "-s", "c", "-x", "80", "-y", "10",
                                          "tmux -S \(Tmux.quote(socket)) wait-for go; cat \(Tmux.quote(file)); sleep 30"], capture: false)
        XCTAssertEqual(r.status, 0)
        _ = tmux(["set", "-g", "set-clipboard", "on"])
        _ = tmux(["set", "-g", "allow-rename", "on"])
        _ = tmux(["wait-for", "-S", "go"])
        var title = ""
        for _ in 0..<60 {
            title = tmux(["display-message", "-t", "c", "-p", "#{pane_title}|#{window_name}"]).output
            if title.contains("HACKED|HACKED") { break }
            usleep(50_000)
        }
        XCTAssertTrue(title.contains("HACKED|HACKED"), "control: raw output changes title and window name: \(title)")
        XCTAssertTrue(tmux(["list-buffers"]).output.contains("HACKED"), "control: raw OSC 52 sets a buffer")
        let escaped = tmux(["capture-pane", "-t", "c", "-p", "-e"]).output
        XCTAssertTrue(escaped.contains("\(Self.esc)[31m"), "control: raw SGR shows up in capture -e")
    }

    /// Hostile values in options that are not free text give Dutch errors on stderr, never raw.
    func testHostileOptionValuesGiveCleanErrors() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let log = scratch.dir + "/opties.jsonl"
        let first = HostileCLI.run(signalArgs(log, text: "gewoon signaal"))
        XCTAssertEqual(first.status, 0, first.err)
        let before = try Data(contentsOf: URL(fileURLWithPath: log))
        let hostile = "\(Self.esc)]0;HACKED\u{07}Emer\(Self.esc)[2J\u{9B}31m\u{202E}ald"

        // --wijk on add: refused, Dutch, nothing appended.
        var args = signalArgs(log, text: "x")
        args[args.firstIndex(of: "Emerald")!] = hostile
        let add = HostileCLI.run(args)
        XCTAssertEqual(add.status, 1)
        XCTAssertEqual(add.out, "")
        XCTAssertTrue(add.err.contains("onbekende wijk"), add.err)
        XCTAssertTrue(add.err.contains("␛]0;HACKED␇Emer␛[2J"), add.err)
        assertClean(add.err, "stderr of add with a hostile --wijk")
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: log)), before, "nothing appended")

        // --wijk on list.
        let list = HostileCLI.run(["list", "signals", "--log", log, "--wijk", hostile])
        XCTAssertEqual(list.status, 1)
        XCTAssertTrue(list.err.contains("onbekende wijk"), list.err)
        assertClean(list.out + list.err, "list with a hostile --wijk")

        // Other options and arguments, whichever part of the program reports them.
        let cases: [(String, [String])] = [
            ("--theme", ["add", "signal", "--log", log, "--wijk", "Emerald", "--theme", hostile, "--source", "bewoner", "--text", "x"]),
            ("--date", ["add", "signal", "--log", log, "--wijk", "Emerald", "--theme", "verkeer", "--source", "bewoner", "--text", "x", "--date", hostile]),
            ("--role", ["add", "signal", "--log", log, "--role", hostile, "--wijk", "Emerald", "--theme", "verkeer", "--source", "bewoner", "--text", "x"]),
            ("--kern", ["--log", log, "--kern", hostile]),
            ("--format", ["list", "signals", "--log", log, "--format", hostile]),
            ("list kind", ["list", hostile, "--log", log]),
            // A log that does not exist: `verify` refuses, `list` says so and lists nothing (below).
            ("--log", ["verify", "--log", scratch.dir + "/" + hostile]),
            ("unknown option", ["list", "signals", "--log", log, "--" + hostile]),
            ("erase-person", ["erase-person", hostile, "--log", log]),
            ("set status", ["set", "status", hostile, "--to", "gereed", "--log", log]),
        ]
        for (what, a) in cases {
            let r = HostileCLI.run(a)
            XCTAssertNotEqual(r.status, 0, what)
            XCTAssertFalse(r.err.isEmpty, "\(what): an error message")
            XCTAssertFalse(r.err.contains(Self.esc) || r.out.contains(Self.esc), "\(what): raw ESC in the message: \(r.err.debugDescription)")
            assertClean(r.out + r.err, "output for a hostile \(what)")
        }
        let firstRun = HostileCLI.run(["list", "signals", "--log", scratch.dir + "/" + hostile])
        XCTAssertEqual(firstRun.status, 0, "no log yet: an empty list")
        XCTAssertTrue(firstRun.err.contains("Nog geen log op"), firstRun.err)
        XCTAssertFalse(firstRun.err.contains(Self.esc), "raw ESC in the message: \(firstRun.err.debugDescription)")
        assertClean(firstRun.out + firstRun.err, "output for a hostile --log that does not exist")
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: log)), before, "nothing appended")
        XCTAssertEqual(HostileCLI.run(["verify", "--log", log]).status, 0)
    }
}
