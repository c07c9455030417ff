import Foundation
import XCTest

/// Residents' personal data (AVG): kept outside the log, shown only when asked, gone without a
/// trace after `erase-person` or when the retention term has passed, while the log stays intact.
final class PrivacyTests: XCTestCase {

    let zoe = "Zoë van Dijk-Özdemir"
    let zoeContact = "06-11223344 zoe@example.nl"
    let piet = "Piet de Vries"
    let pietContact = "015-7654321 piet@example.nl"

    func signal(_ log: String, _ text: String, reporter: String? = nil, contact: String? = nil, date: String? = nil,
                file: StaticString = #filePath, line: UInt = #line) -> String {
        var args = ["add", "signal", "--log", log, "--wijk", "Emerald", "--theme", "verkeer", "--source", "bewoner", "--text", text]
        if let reporter { args += ["--reporter", reporter] }
        if let contact { args += ["--contact", contact] }
        if let date { args += ["--date", date] }
        let r = HostileCLI.run(args)
        XCTAssertEqual(r.status, 0, r.err, file: file, line: line)
        return r.out.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func listJSON(_ log: String, personal: Bool, file: StaticString = #filePath, line: UInt = #line) throws -> (rows: [String: [String: Any]], raw: String) {
        let r = HostileCLI.run(["list", "signals", "--log", log, "--format", "json"] + (personal ? ["--include-personal"] : []))
        XCTAssertEqual(r.status, 0, r.err, file: file, line: line)
        let array = try XCTUnwrap(try JSONSerialization.jsonObject(with: r.stdout) as? [[String: Any]], file: file, line: line)
        var out: [String: [String: Any]] = [:]
        for row in array { out[row["id"] as! String] = row }
        return (out, r.out)
    }

    /// Log lines as JSON objects.
    func logEntries(_ log: String) throws -> [[String: Any]] {
        try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n").map {
            try XCTUnwrap(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    /// Byte patterns of a person: the name as UTF-8 (composed and decomposed), its parts, the
    /// phone number and e-mail address, also as JSON would escape them.
    func traces(name: String, contact: String) -> [[UInt8]] {
        var needles: [String] = [name, name.decomposedStringWithCanonicalMapping, name.lowercased(), name.uppercased()]
        for part in name.split(whereSeparator: { $0 == " " || $0 == "-" }) where part.count >= 4 {
            needles.append(String(part))
            needles.append(String(part).decomposedStringWithCanonicalMapping)
        }
        // ASCII tails survive any escaping of the accented letters ("\u00d6zdemir").
        for word in name.split(whereSeparator: { $0 == " " || $0 == "-" }) {
            let ascii = String(word.drop { !$0.isASCII })
            if ascii.count >= 4, ascii.allSatisfy(\.isASCII) { needles.append(ascii) }
        }
        for part in contact.split(separator: " ") {
            needles.append(String(part))
            needles.append(String(part).replacingOccurrences(of: "-", with: ""))
            if part.contains("@") { needles.append(String(part.split(separator: "@")[0]) + "@") }
        }
        needles.append(String(contact.filter(\.isNumber).suffix(8)))
        return Array(Set(needles)).filter { !$0.isEmpty }.map { Array($0.utf8) }
    }

    func assertNoTrace(of name: String, contact: String, in dir: String, file: StaticString = #filePath, line: UInt = #line) {
        for needle in traces(name: name, contact: contact) {
            let hits = FolderSearch.filesContaining(needle, under: dir)
            XCTAssertTrue(hits.isEmpty, "'\(String(decoding: needle, as: UTF8.self))' still in \(hits)", file: file, line: line)
        }
    }

    func assertTrace(of name: String, contact: String, in dir: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertFalse(FolderSearch.filesContaining(Array(name.utf8), under: dir).isEmpty, "\(name) is kept", file: file, line: line)
        XCTAssertFalse(FolderSearch.filesContaining(Array(contact.utf8), under: dir).isEmpty, "\(contact) is kept", file: file, line: line)
    }

    func testErasePersonLeavesNoTraceAndKeepsTheLogIntact() throws {
        let started = Date()
        let scratch = try Scratch()
        defer { scratch.remove() }
        let log = scratch.dir + "/privacy.jsonl"
        let s1 = signal(log, "Losliggende stoeptegels bij de school", reporter: zoe, contact: zoeContact)
        let s2 = signal(log, "Fietsen op de stoep", reporter: piet, contact: pietContact)
        let s3 = signal(log, "Geen melder bekend")
        // The same person again, typed in capitals and in decomposed form (as macOS input gives it).
        let s4 = signal(log, "Weer losse tegels", reporter: zoe.uppercased().decomposedStringWithCanonicalMapping, contact: "zoe@example.nl")
        XCTAssertEqual([s1, s2, s3, s4], ["S-1", "S-2", "S-3", "S-4"])

        // The log itself never holds personal data, only references.
        let logText = try String(contentsOfFile: log, encoding: .utf8)
        for needle in ["Zo", "Dijk", "zdemir", "11223344", "zoe@", "Piet", "Vries", "7654321", "piet@"] {
            XCTAssertFalse(logText.contains(needle), "the log holds '\(needle)'")
        }
        let refs = Dictionary(uniqueKeysWithValues: try logEntries(log).compactMap { e -> (String, String)? in
            guard e["type"] as? String == "signal.recorded", let id = e["id"] as? String, let ref = e["person"] as? String else { return nil }
            return (id, ref)
        })
        XCTAssertEqual(Set(refs.keys), ["S-1", "S-2", "S-4"])
        assertTrace(of: zoe, contact: zoeContact, in: scratch.dir)   // the search does find what is there

        // Shown only when asked for.
        let withPersonal = try listJSON(log, personal: true)
        XCTAssertEqual(withPersonal.rows["S-1"]?["reporter"] as? String, zoe)
        XCTAssertEqual(withPersonal.rows["S-1"]?["contact"] as? String, zoeContact)
        XCTAssertEqual(withPersonal.rows["S-2"]?["reporter"] as? String, piet)
        XCTAssertEqual(withPersonal.rows["S-2"]?["contact"] as? String, pietContact)
        XCTAssertTrue(withPersonal.rows["S-3"]?["reporter"] is NSNull)
        let withoutPersonal = try listJSON(log, personal: false)
        XCTAssertEqual(withoutPersonal.rows.count, 4)
        for (id, row) in withoutPersonal.rows {
            XCTAssertNil(row["reporter"], id); XCTAssertNil(row["contact"], id)
        }
        let table = HostileCLI.run(["list", "signals", "--log", log])
        XCTAssertEqual(table.status, 0)
        for needle in ["Zoë", "ZOË", "Özdemir", "ÖZDEMIR", "11223344", "zoe@", "Piet", "7654321"] {
            XCTAssertFalse(withoutPersonal.raw.contains(needle), "json without --include-personal shows '\(needle)'")
            XCTAssertFalse(table.out.contains(needle), "table shows '\(needle)'")
        }

        // Side files a crash could leave: a temp copy of Zoë's record next to the real one.
        let personen = log + ".personen"
        let zoeFile = personen + "/" + refs["S-1"]! + ".json"
        try FileManager.default.copyItem(atPath: zoeFile, toPath: personen + "/.tmp-" + refs["S-1"]!)

        // Erase, case-insensitively.
        let erase = HostileCLI.run(["erase-person", "zoë van dijk-özdemir", "--log", log])
        XCTAssertEqual(erase.status, 0, erase.err)
        XCTAssertTrue(erase.out.contains("Gewist: 2"), erase.out)

        // No trace of her in any file under the folder: log, lock, side store, temp files.
        XCTAssertTrue(FolderSearch.files(under: scratch.dir).contains(log + ".lock"), "the lock file is searched too")
        assertNoTrace(of: zoe, contact: zoeContact, in: scratch.dir)
        assertNoTrace(of: zoe.uppercased(), contact: "zoe@example.nl", in: scratch.dir)
        // Piet is untouched.
        assertTrace(of: piet, contact: pietContact, in: scratch.dir)
        let after = try listJSON(log, personal: true)
        XCTAssertTrue(after.rows["S-1"]?["reporter"] is NSNull, "\(after.rows["S-1"] ?? [:])")
        XCTAssertTrue(after.rows["S-1"]?["contact"] is NSNull)
        XCTAssertTrue(after.rows["S-4"]?["reporter"] is NSNull)
        XCTAssertEqual(after.rows["S-2"]?["reporter"] as? String, piet)
        XCTAssertEqual(after.rows["S-2"]?["contact"] as? String, pietContact)
        XCTAssertEqual(after.rows["S-1"]?["text"] as? String, "Losliggende stoeptegels bij de school", "the signal itself stays")

        // The log: still intact, and it notes the erasure by reference only.
        let verify = HostileCLI.run(["verify", "--log", log])
        XCTAssertEqual(verify.status, 0, verify.err)
        XCTAssertTrue(verify.out.contains("keten intact"), verify.out)
        let entries = try logEntries(log)
        let erased = try XCTUnwrap(entries.last)
        XCTAssertEqual(erased["type"] as? String, "person.erased")
        XCTAssertEqual(Set(erased["refs"] as? [String] ?? []), [refs["S-1"]!, refs["S-4"]!])
        let erasedLine = try XCTUnwrap(try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n").last)
        for needle in ["Zoë", "zoë", "ZOË", "zoe@", "Dijk", "dijk", "DIJK", "zdemir", "ZDEMIR", "1122", "example", "@"] {
            XCTAssertFalse(erasedLine.contains(needle), "the erasure entry names '\(needle)': \(erasedLine)")
        }
        XCTAssertEqual(entries.filter { $0["type"] as? String == "person.erased" }.count, 1)

        // Erasing someone unknown (or already erased) says so in Dutch and changes nothing.
        let logBefore = try Data(contentsOf: URL(fileURLWithPath: log))
        for name in ["Onbekende Bewoner", zoe] {
            let r = HostileCLI.run(["erase-person", name, "--log", log])
            XCTAssertEqual(r.status, 1, name)
            XCTAssertTrue(r.err.contains("Geen persoonsgegevens gevonden voor"), r.err)
            XCTAssertEqual(r.out, "")
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: log)), logBefore, "nothing appended")

        // The app shows the erasure in the detail box, and the other reporter's name.
        do {
            let app = InProcessApp(log: log, cols: 100, rows: 30)
            app.expect("Signalen (4)")
            app.keys("2")
            let d2 = app.openDetail(of: "S-2")
            XCTAssertTrue(d2.contains("Melder"), d2)
            XCTAssertTrue(d2.contains(piet), d2)
            XCTAssertTrue(d2.contains("015-7654321"), d2)
            app.keys("Escape", "g")
            let d1 = app.openDetail(of: "S-1")
            XCTAssertTrue(d1.contains("(persoonsgegevens gewist)"), d1)
            for needle in ["Zoë", "ZOË", "Özdemir", "11223344", "zoe@"] { XCTAssertFalse(d1.contains(needle), d1) }
            app.keys("Escape")
            app.quit()
        }
        // Opening the app wrote nothing personal either.
        assertNoTrace(of: zoe, contact: zoeContact, in: scratch.dir)
        XCTAssertEqual(HostileCLI.run(["verify", "--log", log]).status, 0)
        print("PrivacyTests.testErasePersonLeavesNoTraceAndKeepsTheLogIntact: \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
    }

    /// A temp file from a save that crashed before its rename (so no log entry points at it) is
    /// found by name and erased too.
    func testEraseAlsoRemovesAnOrphanedTempRecord() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let log = scratch.dir + "/orphan.jsonl"
        _ = signal(log, "Iets", reporter: piet, contact: pietContact)
        let personen = log + ".personen"
        let orphan = "{\"contact\":\"\(zoeContact)\",\"name\":\"\(zoe)\",\"recorded\":\"2026-01-05\",\"ref\":\"pd-00112233aabbccdd\"}"
        try orphan.write(toFile: personen + "/.tmp-pd-00112233aabbccdd", atomically: false, encoding: .utf8)
        assertTrace(of: zoe, contact: zoeContact, in: scratch.dir)
        let erase = HostileCLI.run(["erase-person", zoe.lowercased(), "--log", log])
        XCTAssertEqual(erase.status, 0, erase.err)
        assertNoTrace(of: zoe, contact: zoeContact, in: scratch.dir)
        assertTrace(of: piet, contact: pietContact, in: scratch.dir)
        XCTAssertEqual(HostileCLI.run(["verify", "--log", log]).status, 0)
    }

    func testRetentionTermErasesOldPersonalDataOnTheNextWrite() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let log = scratch.dir + "/bewaartermijn.jsonl"
        let (oldName, oldContact) = ("Gerrit Bakkenes", "bakkenes@example.nl 06-99887766")
        let (newName, newContact) = ("Fatima Idrissi", "idrissi@example.nl 06-55443322")
        let old = signal(log, "Oud signaal", reporter: oldName, contact: oldContact, date: "2020-01-01")
        XCTAssertEqual(old, "S-1")
        // Reading does not erase (the log is opened read-only): the old data is still there.
        XCTAssertEqual(try listJSON(log, personal: true).rows["S-1"]?["reporter"] as? String, oldName)
        assertTrace(of: oldName, contact: oldContact, in: scratch.dir)

        // The next write (here: a recent signal with a reporter) erases it, and keeps the recent one.
        let recentDate: String = {
            let c = Calendar.current.dateComponents([.year, .month, .day], from: Date().addingTimeInterval(-30 * 86400))
            return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
        }()
        let recent = signal(log, "Recent signaal", reporter: newName, contact: newContact, date: recentDate)
        XCTAssertEqual(recent, "S-2")
        assertNoTrace(of: oldName, contact: oldContact, in: scratch.dir)
        assertTrace(of: newName, contact: newContact, in: scratch.dir)
        let rows = try listJSON(log, personal: true).rows
        XCTAssertTrue(rows["S-1"]?["reporter"] is NSNull)
        XCTAssertTrue(rows["S-1"]?["contact"] is NSNull)
        XCTAssertEqual(rows["S-1"]?["text"] as? String, "Oud signaal", "the signal itself stays")
        XCTAssertEqual(rows["S-2"]?["reporter"] as? String, newName)
        XCTAssertEqual(rows["S-2"]?["contact"] as? String, newContact)
        let entries = try logEntries(log)
        let erasures = entries.filter { $0["type"] as? String == "person.erased" }
        XCTAssertEqual(erasures.count, 1)
        XCTAssertTrue((erasures.first?["reason"] as? String ?? "").contains("bewaartermijn"), "\(erasures)")
        let oldRef = entries.first { $0["id"] as? String == "S-1" }?["person"] as? String
        XCTAssertEqual(erasures.first?["refs"] as? [String], [try XCTUnwrap(oldRef)])
        let verify = HostileCLI.run(["verify", "--log", log])
        XCTAssertEqual(verify.status, 0, verify.err)

        // Further writes erase nothing more.
        _ = signal(log, "Volgend signaal")
        _ = signal(log, "Nog een signaal")
        XCTAssertEqual(try logEntries(log).filter { $0["type"] as? String == "person.erased" }.count, 1)
        assertTrace(of: newName, contact: newContact, in: scratch.dir)

        // The app shows the erasure, and the recent reporter.
        let app = InProcessApp(log: log, cols: 100, rows: 30)
        app.expect("Signalen (4)")
        app.keys("2")
        let d2 = app.openDetail(of: "S-2")
        XCTAssertTrue(d2.contains(newName), d2)
        app.keys("Escape", "g")
        let d1 = app.openDetail(of: "S-1")
        XCTAssertTrue(d1.contains("(persoonsgegevens gewist)"), d1)
        XCTAssertFalse(d1.contains("Bakkenes"), d1)
        app.keys("Escape")
        app.quit()
        XCTAssertEqual(HostileCLI.run(["verify", "--log", log]).status, 0)
    }

    /// A half-written temp file from a crashed save cannot be read, so not matched by name; it is
    /// removed on the next write once it is clearly stale.
    func testStaleHalfWrittenTempRecordIsRemovedOnTheNextWrite() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let log = scratch.dir + "/torn.jsonl"
        _ = signal(log, "Iets", reporter: piet, contact: pietContact)
        let torn = personenTorn(log)
        try "{\"contact\":\"\(zoeContact)\",\"name\":\"\(zoe)".write(toFile: torn, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-3600)], ofItemAtPath: torn)
        // A fresh one (a save in progress, as far as anyone can tell) is left alone.
        let fresh = log + ".personen/.tmp-pd-fedcba9876543210"
        try "{\"contact\":\"x".write(toFile: fresh, atomically: false, encoding: .utf8)
        _ = signal(log, "Volgend signaal")
        XCTAssertFalse(FileManager.default.fileExists(atPath: torn), "stale temp file removed")
        XCTAssertTrue(FileManager.default.fileExists(atPath: fresh), "a recent temp file is not touched")
        assertNoTrace(of: zoe, contact: zoeContact, in: scratch.dir)
        assertTrace(of: piet, contact: pietContact, in: scratch.dir)
        XCTAssertEqual(HostileCLI.run(["verify", "--log", log]).status, 0)
    }

    func personenTorn(_ log: String) -> String { log + ".personen/.tmp-pd-0badc0ffee000001" }
}
