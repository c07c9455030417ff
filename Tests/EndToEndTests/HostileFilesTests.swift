import Foundation
import XCTest

/// Every command of the real binary against files it must not use as a log: each is refused with a
/// message that says what was found, the exit status the README documents, nothing on stdout, no
/// document written, and the file (and its folder) byte-identical afterwards.
final class HostileFilesTests: XCTestCase {
    override func setUpWithError() throws { try Tmux.requireTools() }

    var dir = ""
    override func setUp() {
        dir = NSTemporaryDirectory() + "kt-hostile-files-\(UUID().uuidString.prefix(8))"
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }
    override func tearDown() {
        if (testRun?.totalFailureCount ?? 1) == 0 { try? FileManager.default.removeItem(atPath: dir) } else { print("HostileFilesTests scratch: \(dir)") }
    }

    /// A small real log made through the CLI: a meeting, a signal with a reporter, an action, a decision.
    func goodLog(_ path: String) throws -> [UInt8] {
        // A meeting still to come: minutes of a past meeting are made as the log stood on its day.
        let coming = String(ISO8601DateFormatter().string(from: Date().addingTimeInterval(60 * 86_400)).prefix(10))
        for args in [["meeting", "prepare", "--kern", "Delfgauw", "--date", coming],
                     ["add", "signal", "--wijk", "Emerald", "--theme", "verkeer", "--source", "bewoner", "--text", "Drempel", "--reporter", "Jan Jansen", "--date", "2009-03-10"],
                     ["add", "action", "--wijk", "Emerald", "--title", "Drempel plaatsen", "--owner", "gemeente beheer", "--due", "2009-04-01"],
                     ["add", "decision", "--wijk", "Emerald", "--text", "Drempel komt er"]] {
            let r = HostileCLI.run(args + ["--log", path])
            XCTAssertEqual(r.status, 0, "\(args): \(r.err)")
        }
        return Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// Every command, given the log path and a folder for documents. `reads`: a reading command.
    static func commands(_ log: String, _ out: String) -> [(label: String, args: [String], reads: Bool)] {
        [
            ("list decisions", ["list", "decisions", "--log", log], true),
            ("list actions json", ["list", "actions", "--format", "json", "--log", log], true),
            ("list signals --wijk", ["list", "signals", "--wijk", "Emerald", "--log", log], true),
            ("history", ["history", "--log", log], true),
            ("history json", ["history", "--format", "json", "--log", log], true),
            ("agenda", ["agenda", "--meeting", "V-1", "--log", log], true),
            ("checkpoint", ["checkpoint", "--log", log], true),
            ("export minutes", ["export", "minutes", "--meeting", "V-1", "--out", out + "/notulen.md", "--log", log], true),
            ("export actions csv", ["export", "actions", "--out", out + "/acties.csv", "--log", log], true),
            ("export report html", ["export", "report", "--from", "2009-01-01", "--to", "2009-12-31", "--format", "html", "--out", out + "/rapport.html", "--log", log], true),
            ("export calendar", ["export", "calendar", "--out", out + "/agenda.ics", "--log", log], true),
            ("export newsletter", ["export", "newsletter", "--meeting", "V-1", "--out", out + "/nieuwsbrief.md", "--log", log], true),
            ("add decision", ["add", "decision", "--wijk", "Emerald", "--text", "erbij", "--log", log], false),
            ("erase-person", ["erase-person", "Jan Jansen", "--log", log], false),
            ("meeting prepare", ["meeting", "prepare", "--kern", "Delfgauw", "--date", "2009-04-21", "--log", log], false),
        ]
    }

    /// Names and bytes of everything under `folder`, to compare before and after.
    func snapshot(_ folder: String) -> [String: [UInt8]] {
        var out: [String: [UInt8]] = [:]
        let fm = FileManager.default
        guard let names = fm.subpaths(atPath: folder) else { return out }
        for name in names {
            let p = folder + "/" + name
            var st = stat()
            guard lstat(p, &st) == 0 else { continue }
            switch st.st_mode & S_IFMT {
            case S_IFREG: out[name] = Array((try? Data(contentsOf: URL(fileURLWithPath: p))) ?? Data())
            case S_IFLNK: out[name] = Array(((try? fm.destinationOfSymbolicLink(atPath: p)) ?? "").utf8)
            default: out[name] = Array("kind \(st.st_mode & S_IFMT)".utf8)
            }
        }
        return out
    }

    struct HostileFile {
        var label: String
        var make: (_ path: String) throws -> Void
        /// What stderr must say, and the exit status of every command (verify: `verifyStatus`).
        var says: String
        var status: Int32
        var verifyStatus: Int32
        /// Commands left out for this file, with the reason in the table.
        var skip: Set<String> = []
    }

    func run(_ files: [HostileFile]) throws {
        var runs = 0
        for (n, f) in files.enumerated() {
            let folder = dir + "/case-\(n)"
            let out = folder + "-out"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            let log = folder + "/kernteam.jsonl"
            try f.make(log)
            let before = snapshot(folder)
            for c in Self.commands(log, out) + [("verify", ["verify", "--log", log], true)] where !f.skip.contains(c.label) {
                let r = HostileCLI.run(c.args, timeout: 30)
                let expected = c.label == "verify" ? f.verifyStatus : f.status
                XCTAssertEqual(r.status, expected, "\(f.label) / \(c.label): exit \(r.status), stderr: \(r.err)")
                XCTAssertTrue(r.err.contains(f.says), "\(f.label) / \(c.label): stderr does not say \"\(f.says)\": \(r.err)")
                XCTAssertEqual(r.out, "", "\(f.label) / \(c.label): no partial result on stdout")
                let after = snapshot(folder)
                XCTAssertTrue(after == before, "\(f.label) / \(c.label): the log and its folder are byte-identical; changed: "
                              + "\(Set(after.keys).union(before.keys).filter { after[$0] != before[$0] }.sorted())")
                XCTAssertEqual(snapshot(out).keys.sorted(), [], "\(f.label) / \(c.label): no document written")
                runs += 1
            }
        }
        print("HostileFilesTests: \(runs) command runs on \(files.count) hostile files")
    }

    func testFilesThatAreNotLogsAreRefusedByEveryCommandAndLeftAsTheyWere() throws {
        let text = Array("Boodschappen: melk, brood\nkaas\n".utf8)
        let good = try goodLog(dir + "/source.jsonl")
        let crlf = Array(String(decoding: good, as: UTF8.self).replacingOccurrences(of: "\n", with: "\r\n").utf8)
        func write(_ bytes: [UInt8]) -> (String) throws -> Void { { try Data(bytes).write(to: URL(fileURLWithPath: $0)) } }
        try run([
            HostileFile(label: "CRLF in the whole file", make: write(crlf), says: "kernteam repair", status: 1, verifyStatus: 1),
            HostileFile(label: "a text file", make: write(text), says: "geen kernteam-log", status: 1, verifyStatus: 1),
            HostileFile(label: "a text file through a symlink", make: { path in
                try Data(text).write(to: URL(fileURLWithPath: path + ".notities.txt"))
                try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: path + ".notities.txt")
            }, says: "geen kernteam-log", status: 1, verifyStatus: 1),
            HostileFile(label: "a FIFO", make: { path in XCTAssertEqual(mkfifo(path, 0o600), 0) },
                        says: "named pipe (FIFO)", status: 1, verifyStatus: 1),
            HostileFile(label: "a folder", make: { path in try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false) },
                        says: "een map", status: 1, verifyStatus: 1),
            HostileFile(label: "a symlink to nothing", make: { path in
                try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: path + ".weg")
            }, says: "symlink", status: 1, verifyStatus: 1),
        ])
    }

    /// A correctly chained line appended to `bytes`: `body` is the event's JSON fields after the header.
    static func chained(_ bytes: [UInt8], body: String, timestamp: String? = nil, role: String = "cli") -> [UInt8] {
        let lines = bytes.split(separator: 0x0A).map(Array.init)
        let last = lines.last!
        let header = try! JSONSerialization.jsonObject(with: Data(last)) as! [String: Any]
        let seq = (header["seq"] as! Int) + 1
        let ts = timestamp ?? (header["ts"] as! String)
        let prev = sha256Hex(last)
        return bytes + Array("{\"v\":1,\"seq\":\(seq),\"ts\":\"\(ts)\",\"role\":\"\(role)\",\"prev\":\"\(prev)\",\(body)\n".utf8)
    }

    /// SHA-256 in hex with the system tool (this test target links nothing but XCTest).
    static func sha256Hex(_ bytes: [UInt8]) -> String {
        let path = NSTemporaryDirectory() + "kt-sha-\(UUID().uuidString.prefix(8))"
        defer { unlink(path) }
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
        let r = Tmux.run("/usr/bin/env", ["sha256sum", path])
        return String(r.output.prefix(64))
    }

    /// Damage of every kind, at the first, a middle and the last line: every reading command exits 2
    /// and names the line, prints nothing and writes no document; every write exits 2 and appends
    /// nothing; verify exits 1 (README). The file is byte-identical afterwards.
    func testDamagedLogsStopEveryCommandWithExit2AndTheFirstBadLine() throws {
        let good = try goodLog(dir + "/source.jsonl")
        var lines = good.split(separator: 0x0A).map(Array.init)
        let n = lines.count
        func joined(_ ls: [[UInt8]]) -> [UInt8] { ls.flatMap { $0 + [0x0A] } }
        func edited(_ k: Int, _ from: String, _ to: String) -> [UInt8] {
            var copy = lines
            copy[k] = Array(String(decoding: copy[k], as: UTF8.self).replacingOccurrences(of: from, with: to).utf8)
            XCTAssertNotEqual(copy[k], lines[k], "edit \(from) in line \(k + 1)")
            return joined(copy)
        }
        var lastBroken = lines
        lastBroken[n - 1].removeLast()   // the closing brace: a complete line that is not a record
        let lastCRLF = joined(Array(lines.dropLast())) + lines[n - 1] + [0x0D, 0x0A]
        let unknownType = Self.chained(good, body: "\"type\":\"nieuw.soort\",\"id\":\"X-1\"}")
        let edge = Self.chained(good, body: "\"type\":\"action.created\",\"cost\":9223372036854775807,\"id\":\"A-2\",\"kern\":\"Delfgauw\",\"owner\":\"gemeente beheer\",\"title\":\"x\",\"wijk\":\"Emerald\"}")
        let duplicateKey = Self.chained(good, body: "\"type\":\"decision.taken\",\"id\":\"B-2\",\"kern\":\"Delfgauw\",\"text\":\"een\",\"text\":\"twee\",\"wijk\":\"Emerald\"}")
        let duplicateID = Self.chained(good, body: "\"type\":\"decision.taken\",\"id\":\"B-1\",\"kern\":\"Delfgauw\",\"text\":\"nog een B-1\",\"wijk\":\"Emerald\"}")
        let badTime = Self.chained(good, body: "\"type\":\"decision.taken\",\"id\":\"B-2\",\"kern\":\"Delfgauw\",\"text\":\"x\",\"wijk\":\"Emerald\"}", timestamp: "2009-02-30T10:00:00Z")
        let badRole = Self.chained(good, body: "\"type\":\"decision.taken\",\"id\":\"B-2\",\"kern\":\"Delfgauw\",\"text\":\"x\",\"wijk\":\"Emerald\"}", role: "burgemeester")
        let withAfter = Self.chained(badRole, body: "\"type\":\"decision.taken\",\"id\":\"B-3\",\"kern\":\"Delfgauw\",\"text\":\"erna\",\"wijk\":\"Emerald\"}")
        // The app opens a damaged log read-only (CrashRestoreTests); erase-person erases on request even
        // then, and exits 2 (ErasureTests).
        let damageSkips: Set<String> = ["erase-person"]
        func file(_ bytes: [UInt8]) -> (String) throws -> Void { { try Data(bytes).write(to: URL(fileURLWithPath: $0)) } }
        try run([
            HostileFile(label: "the first line changed", make: file(edited(0, "Delfgauw", "Delfgaauw")), says: "regel 1", status: 2, verifyStatus: 1, skip: damageSkips),
            HostileFile(label: "a middle line changed", make: file(edited(2, "Drempel", "Drempels")), says: "regel 3", status: 2, verifyStatus: 1, skip: damageSkips),
            HostileFile(label: "the last line cut inside", make: file(joined(lastBroken)), says: "regel \(n)", status: 2, verifyStatus: 1, skip: damageSkips),
            HostileFile(label: "CRLF on the last line only", make: file(lastCRLF), says: "kernteam repair", status: 2, verifyStatus: 1, skip: damageSkips),
            HostileFile(label: "a well-chained line of an unknown type", make: file(unknownType), says: "regel \(n + 1)", status: 2, verifyStatus: 1, skip: damageSkips),
            HostileFile(label: "an amount at the edge of 64 bits", make: file(edge), says: "buiten bereik", status: 2, verifyStatus: 1, skip: damageSkips),
            HostileFile(label: "a key given twice", make: file(duplicateKey), says: "dubbele sleutel", status: 2, verifyStatus: 1, skip: damageSkips),
            HostileFile(label: "an id given twice", make: file(duplicateID), says: "B-1 is al eerder", status: 2, verifyStatus: 1,
                        // `list` checks ids given twice among the records it lists (verify and opening check all).
                        skip: damageSkips.union(["list signals --wijk", "list actions json"])),
            HostileFile(label: "a date that does not exist in the header", make: file(badTime), says: "regel \(n + 1)", status: 2, verifyStatus: 1, skip: damageSkips),
            HostileFile(label: "an unknown role, with a good line after it", make: file(withAfter), says: "regel \(n + 1)", status: 2, verifyStatus: 1, skip: damageSkips),
        ])
    }

    /// With --allow-damaged a reading command shows what can be read, says in its output that it is
    /// incomplete, and still exits 2.
    func testAllowDamagedShowsWhatCanBeReadAndSaysSo() throws {
        let log = dir + "/kernteam.jsonl"
        let good = try goodLog(log)
        try Data(Self.chained(good, body: "\"type\":\"nieuw.soort\",\"id\":\"X-1\"}")).write(to: URL(fileURLWithPath: log))
        let out = dir + "/out"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        for c in Self.commands(log, out) where c.reads && c.label != "checkpoint" {
            let r = HostileCLI.run(c.args + ["--allow-damaged"], timeout: 30)
            XCTAssertEqual(r.status, 2, "\(c.label): \(r.err)")
            XCTAssertTrue(r.err.contains("onvolledig"), "\(c.label): \(r.err)")
            let document = c.args.firstIndex(of: "--out").map { c.args[$0 + 1] }
            let output = document.map { (try? String(contentsOfFile: $0, encoding: .utf8)) ?? "" } ?? r.out
            XCTAssertTrue(output.contains("ONVOLLEDIG") || output.contains("\"damaged\""), "\(c.label): the output says it is incomplete:\n\(output.prefix(400))")
            if c.label == "list decisions" { XCTAssertTrue(output.contains("Drempel komt er"), output) }
        }
    }

    /// The full-screen app on a file that is not a log: it says what it found and leaves it alone.
    func testTheAppRefusesFilesThatAreNotLogs() throws {
        let text = dir + "/notities.txt"
        try Data("Boodschappen: melk, brood\n".utf8).write(to: URL(fileURLWithPath: text))
        let fifo = dir + "/pijp.jsonl"
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        for (log, says) in [(text, "geen kernteam-log"), (fifo, "named pipe")] {
            let app = try Tmux(["--log", log], cols: 100, rows: 30)
            let screen = app.waitFor("[exit 1]")
            XCTAssertTrue(screen.contains(says), screen)
            XCTAssertEqual(app.paneFormat("#{alternate_on}"), "0")
        }
        XCTAssertEqual(try String(contentsOfFile: text, encoding: .utf8), "Boodschappen: melk, brood\n")
        XCTAssertEqual((try FileManager.default.contentsOfDirectory(atPath: dir)).sorted(), ["notities.txt", "pijp.jsonl"], "nothing beside them")
    }

    func testACRLFLogCanBeRepairedIntoACheckedCopyBesideIt() throws {
        let log = dir + "/kernteam.jsonl"
        let good = try goodLog(log)
        let crlf = Array(String(decoding: good, as: UTF8.self).replacingOccurrences(of: "\n", with: "\r\n").utf8)
        try Data(crlf).write(to: URL(fileURLWithPath: log))
        let r = HostileCLI.run(["repair", "--log", log])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.out.contains("mv "), r.out)
        XCTAssertEqual(Array(try Data(contentsOf: URL(fileURLWithPath: log))), crlf, "the original is not changed")
        XCTAssertEqual(Array(try Data(contentsOf: URL(fileURLWithPath: log + ".hersteld"))), good, "the copy is the log as it was written")
        XCTAssertEqual(HostileCLI.run(["verify", "--log", log + ".hersteld"]).status, 0)
        // A second run does not overwrite the copy.
        let again = HostileCLI.run(["repair", "--log", log])
        XCTAssertEqual(again.status, 1)
        XCTAssertTrue(again.err.contains("bestaat al"), again.err)
        // A log that is damaged besides its line ends is not "repaired".
        var broken = crlf
        if let k = broken.firstIndex(of: UInt8(ascii: "D")) { broken[k] = UInt8(ascii: "d") }
        try Data(broken).write(to: URL(fileURLWithPath: dir + "/kapot.jsonl"))
        let refused = HostileCLI.run(["repair", "--log", dir + "/kapot.jsonl"])
        XCTAssertEqual(refused.status, 2, refused.err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/kapot.jsonl.hersteld"))
    }

    /// Any file name works: one character, spaces, a leading dash, non-ASCII; relative and absolute.
    func testOddFileNamesWork() throws {
        let names = ["l", "met spaties.jsonl", "-streepje.jsonl", "vergadering-Ölçü-€.jsonl", "日誌.jsonl", "a"]
        for name in names {
            let folder = dir + "/names-\(UUID().uuidString.prefix(4))"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            for (label, log) in [("absolute", folder + "/" + name), ("relative", "./" + name)] {
                let cwd = FileManager.default.currentDirectoryPath
                FileManager.default.changeCurrentDirectoryPath(folder)
                defer { FileManager.default.changeCurrentDirectoryPath(cwd) }
                let add = HostileCLI.run(["add", "decision", "--wijk", "Emerald", "--text", "besluit", "--log=\(log)"])
                XCTAssertEqual(add.status, 0, "\(name) (\(label)): \(add.err)")
                let list = HostileCLI.run(["list", "decisions", "--log=\(log)"])
                XCTAssertEqual(list.status, 0, "\(name) (\(label)): \(list.err)")
                XCTAssertTrue(list.out.contains("besluit"), list.out)
                let export = HostileCLI.run(["export", "actions", "--log=\(log)", "--out=\(log).\(label).csv"])
                XCTAssertEqual(export.status, 0, "\(name) (\(label)): \(export.err)")
                XCTAssertEqual(HostileCLI.run(["verify", "--log=\(log)"]).status, 0, "\(name) (\(label))")
            }
        }
        // A path that cannot work is a message, never a crash.
        for bad in ["", "/", dir + "/geen-map/", dir + "/bestaat-niet/log.jsonl"] {
            let r = HostileCLI.run(["list", "decisions", "--log", bad])
            XCTAssertTrue([0, 1].contains(r.status), "'\(bad)': exit \(r.status) \(r.err)")
            XCTAssertFalse(r.err.contains("Fatal error") || r.err.contains("Crash"), r.err)
        }
    }
}
