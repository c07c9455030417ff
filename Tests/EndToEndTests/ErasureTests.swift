import Foundation
import XCTest

/// Erasure that finds everyone, and only inside its store: by name in any spacing, case or accents,
/// by contact alone, copies under other names found by content, a store it cannot change reported as
/// an error, earlier documents with personal data named, and nothing outside the store ever touched.
final class ErasureTests: XCTestCase {
    override func setUpWithError() throws { try Tmux.requireTools() }

    /// Today, so the records are inside the retention term whenever the test runs.
    static let today = String(ISO8601DateFormatter().string(from: Date()).prefix(10))

    func signal(_ log: String, _ text: String, reporter: String? = nil, contact: String? = nil, date: String = ErasureTests.today,
                file: StaticString = #filePath, line: UInt = #line) -> String {
        var args = ["add", "signal", "--log", log, "--wijk", "Emerald", "--theme", "verkeer", "--source", "bewoner", "--text", text, "--date", date]
        if let reporter { args += ["--reporter", reporter] }
        if let contact { args += ["--contact", contact] }
        let r = HostileCLI.run(args)
        XCTAssertEqual(r.status, 0, r.err, file: file, line: line)
        return r.out.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func storeFiles(_ log: String) -> [String] { FolderSearch.files(under: log + ".personen") }

    func testSpacingCaseAndAccentVariantsAndContactAloneAreAllFound() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let log = scratch.dir + "/log.jsonl"
        _ = signal(log, "een", reporter: "Zoë van Dijk", contact: "06-11223344")
        _ = signal(log, "twee", reporter: "zoe  van\u{00A0}dijk")
        _ = signal(log, "drie", reporter: "ZOË VAN DIJK")
        _ = signal(log, "vier", reporter: "Zoe Vandijk")
        _ = signal(log, "vijf", contact: "06 1122 3344")              // only a contact, no name
        _ = signal(log, "zes", reporter: "Piet de Vries", contact: "piet@example.nl")
        XCTAssertEqual(storeFiles(log).count, 6)
        let byName = HostileCLI.run(["erase-person", "  zoë van  DIJK ", "--log", log])
        XCTAssertEqual(byName.status, 0, byName.err)
        XCTAssertTrue(byName.out.contains("Gewist: 4"), byName.out)
        let byContact = HostileCLI.run(["erase-person", "--contact", "0611223344", "--log", log])
        XCTAssertEqual(byContact.status, 0, byContact.err)
        XCTAssertTrue(byContact.out.contains("Gewist: 1"), "the record with only a contact: \(byContact.out)")
        XCTAssertEqual(storeFiles(log).count, 1, "only Piet is left")
        // (Not "zoe" alone: the log's note of the erasure says "verzoek".)
        for needle in ["Zoë", "ZOË", "Zoe Vandijk", "zoe  van", "Dijk", "11223344", "1122 3344"] {
            XCTAssertTrue(FolderSearch.filesContaining(Array(needle.utf8), under: scratch.dir).isEmpty, needle)
        }
        XCTAssertFalse(FolderSearch.filesContaining(Array("Piet de Vries".utf8), under: scratch.dir).isEmpty)
        XCTAssertEqual(HostileCLI.run(["verify", "--log", log]).status, 0)
        // Neither a name nor a contact: a usage error.
        XCTAssertEqual(HostileCLI.run(["erase-person", "--log", log]).status, 64)
    }

    func testCopiesInsideTheStoreAreFoundByContentAndOddEntriesReported() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let log = scratch.dir + "/log.jsonl"
        _ = signal(log, "een", reporter: "Ans Jansen", contact: "ans@example.nl")
        let store = log + ".personen"
        let original = try XCTUnwrap(storeFiles(log).first)
        try FileManager.default.copyItem(atPath: original, toPath: store + "/kopie van ans.json")
        try FileManager.default.createDirectory(atPath: store + "/backup", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: original, toPath: store + "/backup/" + PathNameTest.fileName(original))
        FileManager.default.createFile(atPath: store + "/notitie.txt", contents: Data("geen persoon".utf8))
        let erase = HostileCLI.run(["erase-person", "ans jansen", "--log", log])
        XCTAssertEqual(erase.status, 0, erase.err)
        // The whole name and the contact: "ans" alone is part of ordinary words in the reference data (aanspreekpunt).
        for needle in ["Ans Jansen", "Jansen", "ans@example.nl"] {
            XCTAssertTrue(FolderSearch.filesContaining(Array(needle.utf8), under: scratch.dir).isEmpty, "every copy erased: \(needle)")
        }
        XCTAssertTrue(erase.err.contains("kopie van ans.json") && erase.err.contains("notitie.txt") && erase.err.contains("backup/"), erase.err)
        XCTAssertTrue(FileManager.default.fileExists(atPath: store + "/notitie.txt"), "what is not a person record is left alone")
    }

    /// A store entry whose content points outside the store, and a link out of it: retention and
    /// erasure delete only files found inside the store, by the path they were found at.
    func testNothingOutsideTheStoreIsEverTouched() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let log = scratch.dir + "/log.jsonl"
        _ = signal(log, "een", reporter: "Bas Bakker")
        let store = log + ".personen"
        let victim = scratch.dir + "/slachtoffer.json"
        let old = "{\"contact\":null,\"name\":\"Bas Bakker\",\"recorded\":\"2001-01-01\",\"record\":null,\"ref\":\"../slachtoffer\"}"
        try Data(old.utf8).write(to: URL(fileURLWithPath: victim))
        try Data(old.utf8).write(to: URL(fileURLWithPath: store + "/pd-kwaad.json"))
        let outside = scratch.dir + "/buiten.json"
        try Data(old.replacingOccurrences(of: "../slachtoffer", with: "pd-buiten").utf8).write(to: URL(fileURLWithPath: outside))
        try FileManager.default.createSymbolicLink(atPath: store + "/pd-buiten.json", withDestinationPath: outside)
        // Any write runs the retention term first (the crafted entries are from 2001).
        _ = signal(log, "twee")
        let erase = HostileCLI.run(["erase-person", "Bas Bakker", "--log", log])
        XCTAssertEqual(erase.status, 0, erase.err)
        XCTAssertTrue(FileManager.default.fileExists(atPath: victim), "the file the crafted reference points at is kept")
        XCTAssertTrue(FileManager.default.fileExists(atPath: outside), "the target of a link in the store is kept")
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: store + "/pd-buiten.json"), outside, "the link is reported, not followed")
        XCTAssertTrue(erase.err.contains("pd-buiten.json"), erase.err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: store + "/pd-kwaad.json"), "the crafted entry inside the store was old enough to go")
    }

    func testEarlierDocumentsWithPersonalDataAreNamed() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let log = scratch.dir + "/log.jsonl"
        let coming = String(ISO8601DateFormatter().string(from: Date().addingTimeInterval(60 * 86_400)).prefix(10))
        XCTAssertEqual(HostileCLI.run(["meeting", "prepare", "--kern", "Delfgauw", "--date", coming, "--log", log]).status, 0)
        _ = signal(log, "een", reporter: "Cor Claassen")
        let personal = scratch.dir + "/notulen-met-namen.md", plain = scratch.dir + "/notulen.md"
        XCTAssertEqual(HostileCLI.run(["export", "minutes", "--meeting", "V-1", "--include-personal", "--out", personal, "--log", log]).status, 0)
        XCTAssertEqual(HostileCLI.run(["export", "minutes", "--meeting", "V-1", "--out", plain, "--log", log]).status, 0)
        let erase = HostileCLI.run(["erase-person", "Cor Claassen", "--log", log])
        XCTAssertEqual(erase.status, 0, erase.err)
        XCTAssertTrue(erase.err.contains("notulen-met-namen.md"), erase.err)
        XCTAssertFalse(erase.err.contains("/notulen.md"), "a document without personal data is not named: \(erase.err)")
        for p in [log + ".exports", personal, plain] {
            var st = stat()
            XCTAssertEqual(stat(p, &st), 0)
            XCTAssertEqual(st.st_mode & 0o777, 0o600, p)
        }
    }

    /// A store on a disk that cannot be written: an error that says so, never "nothing found".
    func testAStoreThatCannotBeChangedIsAnError() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let mount = scratch.dir + "/ro"
        try FileManager.default.createDirectory(atPath: mount, withIntermediateDirectories: true)
        guard Tmux.run("/usr/bin/env", ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", mount]).status == 0 else {
            throw XCTSkip("cannot mount a tmpfs here")
        }
        defer { _ = Tmux.run("/usr/bin/env", ["umount", mount]) }
        let log = mount + "/log.jsonl"
        _ = signal(log, "een", reporter: "Dirk Dekker")
        XCTAssertEqual(Tmux.run("/usr/bin/env", ["mount", "-o", "remount,ro", mount]).status, 0)
        let erase = HostileCLI.run(["erase-person", "Dirk Dekker", "--log", log])
        XCTAssertEqual(erase.status, 1, erase.err)
        XCTAssertTrue(erase.err.contains("Kon niet wissen"), erase.err)
        XCTAssertFalse(erase.err.contains("Geen persoonsgegevens"), erase.err)
        XCTAssertFalse(FolderSearch.filesContaining(Array("Dirk".utf8), under: mount).isEmpty, "still there, and said so")
    }

    /// Files the program creates are the owner's only, whatever the umask: the log, its side files,
    /// documents (also with personal data) and the demo copy.
    func testEverythingCreatedIsTheOwnersOnlyUnderUmask022And000() throws {
        for mask: mode_t in [0o022, 0o000] {
            let old = umask(mask)
            defer { umask(old) }
            let scratch = try Scratch()
            defer { scratch.remove() }
            let log = scratch.dir + "/nieuw/log.jsonl"
            _ = signal(log, "een", reporter: "Els Eerden")
            XCTAssertEqual(HostileCLI.run(["export", "actions", "--include-personal", "--out", scratch.dir + "/acties.csv", "--log", log]).status, 0)
            _ = HostileCLI.run(["list", "signals", "--log", log])   // writes <log>.checked
            _ = HostileCLI.run(["demo", "--copy-to", scratch.dir + "/demo.jsonl"])   // copies, then needs a terminal
            var checked = 0
            for p in [scratch.dir + "/nieuw"] + FolderSearch.files(under: scratch.dir) + [log + ".personen", scratch.dir + "/demo.jsonl.personen"] {
                var st = stat()
                guard lstat(p, &st) == 0 else { XCTFail("missing \(p)"); continue }
                let folder = st.st_mode & S_IFMT == S_IFDIR
                XCTAssertEqual(st.st_mode & 0o777, folder ? 0o700 : 0o600, "umask \(String(mask, radix: 8)): \(p) is \(String(st.st_mode & 0o777, radix: 8))")
                checked += 1
            }
            XCTAssertGreaterThan(checked, 8)
            XCTAssertTrue(FileManager.default.fileExists(atPath: log + ".checked") && FileManager.default.fileExists(atPath: scratch.dir + "/demo.jsonl"))
        }
    }
}

/// File name of a path (the test target links nothing of the program).
enum PathNameTest {
    static func fileName(_ p: String) -> String { String(p.split(separator: "/").last ?? "") }
}
