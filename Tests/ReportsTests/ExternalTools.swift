import Foundation
import XCTest

/// The programs people open exports with, driven from the tests: a Python with the `icalendar`
/// package (a real iCalendar parser) and a headless Chromium (print to A4 PDF), plus `pdftotext` and
/// `pdfinfo` to read the PDF back. A test skips, visibly, when one is missing; with
/// `KERNTEAM_REQUIRE_TOOLS=1` (as `.ci/run` sets) it fails instead, so CI never passes by skipping.
enum ExternalTools {
    static var required: Bool { ProcessInfo.processInfo.environment["KERNTEAM_REQUIRE_TOOLS"] == "1" }

    static func missing(_ what: String) throws -> Never {
        if required { XCTFail("\(what) is missing (KERNTEAM_REQUIRE_TOOLS=1)"); throw XCTSkip("failed: \(what) missing") }
        throw XCTSkip("\(what) is not installed (.ci/run installs it); skipping")
    }

    /// The first executable found on PATH (or at an absolute path) among `names`.
    static func find(_ names: [String]) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for name in names {
            if name.hasPrefix("/") { if FileManager.default.isExecutableFile(atPath: name) { return name }; continue }
            for dir in path.split(separator: ":") {
                let candidate = "\(dir)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }

    /// A Python that can `import icalendar`.
    static func pythonWithICalendar() throws -> String {
        for python in ["python3", "/usr/bin/python3"].compactMap({ find([$0]) }) {
            if run(python, ["-c", "import icalendar"]).status == 0 { return python }
        }
        try missing("Python with the icalendar package (pip install icalendar, or apt-get install python3-icalendar)")
    }

    static func chromium() throws -> String {
        guard let c = find(["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]) else { try missing("Chromium") }
        return c
    }

    static func poppler(_ tool: String) throws -> String {
        guard let t = find([tool]) else { try missing("\(tool) (poppler-utils)") }
        return t
    }

    /// Runs a program to completion; stdout and stderr go through files (no pipe to fill up).
    static func run(_ tool: String, _ args: [String], timeout: TimeInterval = 120) -> (status: Int32, out: String, err: String) {
        let base = NSTemporaryDirectory() + "kt-tool-\(UUID().uuidString.prefix(8))"
        FileManager.default.createFile(atPath: base + ".out", contents: nil)
        FileManager.default.createFile(atPath: base + ".err", contents: nil)
        defer { try? FileManager.default.removeItem(atPath: base + ".out"); try? FileManager.default.removeItem(atPath: base + ".err") }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool)
        p.arguments = args
        p.standardInput = FileHandle.nullDevice
        p.standardOutput = FileHandle(forWritingAtPath: base + ".out")
        p.standardError = FileHandle(forWritingAtPath: base + ".err")
        do { try p.run() } catch { return (-1, "", "\(error)") }
        let deadline = Date().addingTimeInterval(timeout)
        while p.isRunning && Date() < deadline { usleep(20_000) }
        if p.isRunning { p.terminate(); p.waitUntilExit(); return (-2, "", "timed out after \(timeout) s") }
        p.waitUntilExit()
        let out = (try? String(contentsOfFile: base + ".out", encoding: .utf8)) ?? ""
        let err = (try? String(contentsOfFile: base + ".err", encoding: .utf8)) ?? ""
        return (p.terminationStatus, out, err)
    }
}

/// An .ics file as the Python `icalendar` package reads it.
struct ParsedEvent: Decodable, Equatable {
    var uid: String
    var sequence: Int
    var status: String
    var start: String
    var summary: String
    var location: String?
    var description: String?
}

enum ICalendarParser {
    /// Every VEVENT of the file, parsed by `icalendar` (the file must parse; the script fails otherwise).
    static func events(_ file: String) throws -> [ParsedEvent] {
        let python = try ExternalTools.pythonWithICalendar()
        let script = """
        import json, sys, icalendar
        cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
        out = []
        for ev in cal.walk('VEVENT'):
            out.append({
                'uid': str(ev['UID']),
                'sequence': int(ev.get('SEQUENCE', 0)),
                'status': str(ev.get('STATUS', '')),
                'start': ev.decoded('DTSTART').isoformat(),
                'summary': str(ev.get('SUMMARY', '')),
                'location': str(ev['LOCATION']) if 'LOCATION' in ev else None,
                'description': str(ev['DESCRIPTION']) if 'DESCRIPTION' in ev else None,
            })
        print(json.dumps(out))
        """
        let r = ExternalTools.run(python, ["-c", script, file])
        guard r.status == 0 else { throw NSError(domain: "icalendar", code: Int(r.status), userInfo: [NSLocalizedDescriptionKey: r.err]) }
        return try JSONDecoder().decode([ParsedEvent].self, from: Data(r.out.utf8))
    }

    /// A calendar that imports files one after another the way RFC 5545 asks of a calendar that
    /// receives published events (RFC 5546): an event replaces the one with its UID when its SEQUENCE
    /// is at least as high as any seen for that UID, and a CANCELLED one removes it. Returns what the
    /// calendar holds at the end, by UID.
    static func importInOrder(_ files: [String]) throws -> [String: ParsedEvent] {
        var calendar: [String: ParsedEvent] = [:]
        var newest: [String: Int] = [:]
        for file in files {
            for e in try events(file) {
                if let seen = newest[e.uid], seen > e.sequence { continue }
                newest[e.uid] = e.sequence
                calendar[e.uid] = e.status == "CANCELLED" ? nil : e
            }
        }
        return calendar
    }
}
