import Foundation
import XCTest

/// Writing documents safely (`--out`): a temporary file in the same folder, fsync'd and renamed;
/// `--force` replaces only a regular file; a FIFO, device or folder is refused with a message and left
/// as it was; a full disk is an error with no file left behind. And no control byte from the data
/// reaches any document.
final class DocumentOutTests: XCTestCase {
    override func setUpWithError() throws { try Tmux.requireTools() }

    /// A meeting still to come: minutes of a past meeting are made as the log stood on its day.
    static let coming = String(ISO8601DateFormatter().string(from: Date().addingTimeInterval(60 * 86_400)).prefix(10))
    static let endOfYear = String(ISO8601DateFormatter().string(from: Date()).prefix(4)) + "-12-31"

    func makeLog(_ scratch: Scratch) throws -> String {
        let log = scratch.dir + "/log.jsonl"
        for args in [["meeting", "prepare", "--kern", "Delfgauw", "--date", DocumentOutTests.coming],
                     ["add", "action", "--wijk", "Emerald", "--title", "Drempel plaatsen", "--owner", "gemeente beheer", "--due", "2009-04-01"]] {
            XCTAssertEqual(HostileCLI.run(args + ["--log", log]).status, 0)
        }
        return log
    }

    func kind(_ path: String) -> mode_t {
        var st = stat()
        return lstat(path, &st) == 0 ? st.st_mode & S_IFMT : 0
    }

    func testOnlyARegularFileIsEverReplaced() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let log = try makeLog(scratch)
        let fifo = scratch.dir + "/pijp.csv"
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        let folder = scratch.dir + "/map.csv"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let linkToFifo = scratch.dir + "/link-naar-pijp.csv"
        try FileManager.default.createSymbolicLink(atPath: linkToFifo, withDestinationPath: fifo)
        for (target, expectedKind, says) in [(fifo, S_IFIFO, "named pipe"), ("/dev/null", S_IFCHR, "apparaat"), ("/dev/full", S_IFCHR, "apparaat"),
                                             (folder, S_IFDIR, "map"), (linkToFifo, S_IFLNK, "named pipe")] {
            for force in [false, true] {
                let r = HostileCLI.run(["export", "actions", "--out", target, "--log", log] + (force ? ["--force"] : []), timeout: 20)
                XCTAssertEqual(r.status, 1, "\(target) force \(force): \(r.err)")
                XCTAssertTrue(r.err.contains(says), "\(target): \(r.err)")
                XCTAssertEqual(kind(target), expectedKind, "\(target) is still what it was")
            }
        }
        let leftovers = (try FileManager.default.contentsOfDirectory(atPath: scratch.dir)).filter { $0.contains(".tmp-") }
        XCTAssertEqual(leftovers, [], "no temporary file left behind")

        // A regular file: kept without --force, replaced with it (through a link too, the link stays).
        let existing = scratch.dir + "/acties.csv"
        try Data("oud".utf8).write(to: URL(fileURLWithPath: existing))
        let refused = HostileCLI.run(["export", "actions", "--out", existing, "--log", log])
        XCTAssertEqual(refused.status, 1)
        XCTAssertEqual(try String(contentsOfFile: existing, encoding: .utf8), "oud", "byte-identical without --force")
        let link = scratch.dir + "/link.csv"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: existing)
        let forced = HostileCLI.run(["export", "actions", "--out", link, "--force", "--log", log])
        XCTAssertEqual(forced.status, 0, forced.err)
        XCTAssertTrue(try String(contentsOfFile: existing, encoding: .utf8).contains("Drempel plaatsen"))
        XCTAssertEqual(kind(link), S_IFLNK, "the link is still a link")
        var st = stat()
        XCTAssertEqual(stat(existing, &st), 0)
        XCTAssertEqual(st.st_mode & 0o777, 0o600)
    }

    /// An empty `--out` is a usage error that says what to give, not "the folder does not exist".
    func testAnEmptyOutIsAUsageErrorThatSaysWhatToGive() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let log = try makeLog(scratch)
        let r = HostileCLI.run(["export", "actions", "--out", "", "--log", log])
        XCTAssertEqual(r.status, 64, r.err)
        XCTAssertTrue(r.err.contains("Geef bij --out de naam van het bestand"), r.err)
        XCTAssertFalse(r.err.contains("map bestaat niet"), r.err)
    }

    /// A full disk (a small tmpfs) is an error, never a short file reported as written.
    func testAFullDiskIsAnErrorAndLeavesNoFile() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let log = try makeLog(scratch)
        for _ in 0..<40 { XCTAssertEqual(HostileCLI.run(["add", "decision", "--wijk", "Emerald", "--text", String(repeating: "lang besluit ", count: 30), "--log", log]).status, 0) }
        let mount = scratch.dir + "/klein"
        try FileManager.default.createDirectory(atPath: mount, withIntermediateDirectories: true)
        guard Tmux.run("/usr/bin/env", ["mount", "-t", "tmpfs", "-o", "size=16k", "tmpfs", mount]).status == 0 else {
            throw XCTSkip("cannot mount a tmpfs here")
        }
        defer { _ = Tmux.run("/usr/bin/env", ["umount", mount]) }
        // Fill it up, leaving less room than the report needs.
        FileManager.default.createFile(atPath: mount + "/vulling", contents: Data(repeating: 0x41, count: 12 * 1024))
        try Data("vorige versie".utf8).write(to: URL(fileURLWithPath: mount + "/rapport.html"))
        let r = HostileCLI.run(["export", "report", "--from", "2009-01-01", "--to", "2009-12-31", "--format", "html",
                                "--out", mount + "/rapport.html", "--force", "--log", log])
        XCTAssertEqual(r.status, 1, r.err)
        XCTAssertTrue(r.err.contains("vol"), r.err)
        XCTAssertEqual(try String(contentsOfFile: mount + "/rapport.html", encoding: .utf8), "vorige versie", "the old file is untouched")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: mount).sorted(), ["rapport.html", "vulling"], "no temporary file left")
    }

    /// ESC, OSC, CSI (7- and 8-bit), DEL and NUL typed into every field an export shows: no control
    /// byte in any document, each shown as on screen.
    func testNoControlByteReachesAnyDocument() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let log = scratch.dir + "/log.jsonl"
        let bad = "a\u{1B}[2J\u{1B}]0;gekaapt\u{07}b\u{9B}31mc\u{7F}d\u{1B}P1$qm\u{1B}\\e"
        for args in [["meeting", "prepare", "--kern", "Delfgauw", "--date", DocumentOutTests.coming],
                     ["add", "agenda-item", "--title", bad, "--meeting", "V-1"],
                     ["add", "signal", "--wijk", "Emerald", "--theme", "verkeer", "--source", "bewoner", "--text", bad, "--reporter", bad, "--contact", bad, "--date", "2009-03-10"],
                     ["add", "action", "--wijk", "Emerald", "--title", bad, "--owner", "gemeente beheer", "--due", "2009-04-01", "--result", bad, "--inform", bad, "--person", bad],
                     ["add", "decision", "--wijk", "Emerald", "--text", bad, "--meeting", "V-1"]] {
            let r = HostileCLI.run(args + ["--log", log])
            XCTAssertEqual(r.status, 0, "\(args): \(r.err)")
        }
        let exports: [[String]] = [
            ["minutes", "--meeting", "V-1", "--format", "md", "--include-personal"], ["minutes", "--meeting", "V-1", "--format", "html", "--include-personal"],
            ["actions", "--format", "csv", "--include-personal"], ["actions", "--format", "json", "--include-personal"],
            // Up to the end of this year: a report shows its period as the log stood at its end.
            ["report", "--from", "2009-01-01", "--to", DocumentOutTests.endOfYear, "--format", "md"],
            ["report", "--from", "2009-01-01", "--to", DocumentOutTests.endOfYear, "--format", "html"],
            ["calendar"], ["newsletter", "--meeting", "V-1", "--format", "md"], ["newsletter", "--meeting", "V-1", "--format", "html"],
        ]
        for (n, args) in exports.enumerated() {
            let out = scratch.dir + "/doc-\(n)"
            let r = HostileCLI.run(["export"] + args + ["--out", out, "--log", log])
            XCTAssertEqual(r.status, 0, "\(args): \(r.err)")
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: out)))
            let text = String(decoding: bytes, as: UTF8.self)
            let scalars = Array(text.unicodeScalars)
            let found = scalars.enumerated().filter { i, u in
                let v = u.value
                guard v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) else { return false }
                return !(u == "\n" || u == "\t" || (u == "\r" && i + 1 < scalars.count && scalars[i + 1] == "\n"))
            }
            XCTAssertTrue(found.isEmpty, "\(args): control characters \(found.prefix(5).map { String($0.element.value, radix: 16) })")
            XCTAssertTrue(text.contains("␛") || text.contains("\\u001b"), "\(args): ESC is shown, not dropped")
        }
    }
}
