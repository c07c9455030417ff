import Foundation
import XCTest

/// A new machine: a fresh home and data folder, no log yet. Every command that only reads says so
/// plainly and makes nothing; `list` and `history` answer with an empty list (exit 0); the first
/// entry recorded makes the folder and the log.
final class FirstRunTests: XCTestCase {
    override func setUpWithError() throws { try Tmux.requireTools() }

    func testEveryReadingCommandOnAMissingLog() throws {
        let home = NSTemporaryDirectory() + "kt-firstrun-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: home) }
        let data = home + "/data"
        let env = ["HOME": home, "XDG_DATA_HOME": data, "KERNTEAM_LOG": ""]
        let log = data + "/kernteam/kernteam.jsonl"
        let said = "Nog geen log op \(log); begin met `kernteam` of `kernteam add …`."

        // (arguments, exit status, what stdout holds)
        var reading: [([String], Int32, String)] = []
        for kind in ["signals", "actions", "decisions", "meetings", "agenda", "participation", "initiatives", "priorities",
                     "budgets", "proposals", "feedback-owed"] {
            reading.append((["list", kind], 0, ""))
            reading.append((["list", kind, "--format", "json"], 0, "[\n\n]\n"))
        }
        reading += [
            (["list", "decisions", "--wijk", "Emerald"], 0, ""),
            (["history", "--wijk", "Emerald"], 0, ""),
            (["history", "--kern", "Delfgauw", "--format", "json"], 0, "[\n\n]\n"),
            (["agenda"], 1, ""),
            (["agenda", "--format", "json"], 1, ""),
            (["verify"], 1, ""),
            (["checkpoint"], 1, ""),
            (["export", "minutes", "--meeting", "V-1", "--out", home + "/n.md"], 1, ""),
            (["export", "actions", "--out", home + "/a.csv"], 1, ""),
            (["export", "report", "--from", "2009-01-01", "--to", "2009-12-31", "--out", home + "/r.md"], 1, ""),
            (["export", "calendar", "--out", home + "/k.ics"], 1, ""),
            (["export", "newsletter", "--meeting", "V-1", "--out", home + "/b.md"], 1, ""),
        ]
        for (args, status, out) in reading {
            let r = HostileCLI.run(args, env: env)
            let what = args.joined(separator: " ")
            XCTAssertEqual(r.status, status, "\(what): \(r.err)")
            XCTAssertEqual(r.out, out, what)
            XCTAssertTrue(r.err.contains(said), "\(what) says so plainly: \(r.err)")
            XCTAssertFalse(r.err.lowercased().contains("schrijven") || r.err.contains("Error"), "\(what): \(r.err)")
            XCTAssertFalse(FileManager.default.fileExists(atPath: data), "\(what) made nothing")
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: home), [], "\(what) wrote no file")
        }
        // A typing error is still one.
        let typo = HostileCLI.run(["list", "signals", "--wijk", "Nergens"], env: env)
        XCTAssertEqual(typo.status, 1)
        XCTAssertTrue(typo.err.contains("onbekende wijk 'Nergens'"), typo.err)
        // In English.
        let english = HostileCLI.run(["--lang", "en", "list", "meetings"], env: env)
        XCTAssertEqual(english.status, 0)
        XCTAssertTrue(english.err.contains("No log at \(log) yet; start with `kernteam` or `kernteam add …`."), english.err)

        // The first entry makes the folder and the log; reading then works as always.
        let added = HostileCLI.run(["add", "meeting", "--kern", "Delfgauw", "--date", "2030-01-15"], env: env)
        XCTAssertEqual(added.status, 0, added.err)
        XCTAssertEqual(added.out, "V-1\n")
        XCTAssertTrue(FileManager.default.fileExists(atPath: log))
        let listed = HostileCLI.run(["list", "meetings"], env: env)
        XCTAssertEqual(listed.status, 0, listed.err)
        XCTAssertTrue(listed.out.hasPrefix("V-1"), listed.out)
        XCTAssertEqual(listed.err, "")
    }
}
