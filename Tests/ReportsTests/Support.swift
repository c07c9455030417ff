import Foundation
import XCTest
import KernteamDomain
import KernteamReports
import KernteamSession

enum Fixture {
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let demoPath = repoRoot.appendingPathComponent("Data/demo-log.jsonl").path

    /// A fixed "today" and DTSTAMP: no export may depend on the wall clock.
    static let today = Day("2009-07-20")!
    static let stamp = Date(timeIntervalSince1970: 1_248_091_200) // 2009-07-20T12:00:00Z

    /// The demo log as shipped, opened read-only.
    static let demo: Session = try! Session.open(path: demoPath, reference: nil, readOnly: true)

    static var reference: ReferenceData {
        let data = try! Data(contentsOf: repoRoot.appendingPathComponent("Data/reference.json"))
        return try! JSONDecoder().decode(ReferenceData.self, from: data)
    }

    /// Text that tries every escape: markup, quotes, separators of CSV and iCalendar, a line break,
    /// a backslash, a spreadsheet formula and multi-byte letters.
    static let hostile = "=HYPERLINK(\"x\");<script>alert('x&y')</script>, \"quoted\" \\ back;slash\nnieuwe regel: café 's-Gravenhout ë"
    static let hostileName = "Piet <b>de</b> Boer & Zn"
    static let hostileContact = "06-1234 5678; \"piet\"@example.org"

    static func temporaryDirectory(_ name: String) -> URL {
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("kernteam-reports-\(name)-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))")
        try! FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    static func at(_ iso: String) -> Date {
        let f = ISO8601DateFormatter()
        return f.date(from: iso)!
    }

    /// A copy of the demo log with what the demo lacks: attendance, residents, a closed last meeting,
    /// agenda outcomes, Lemon scores, and hostile text in a signal (with a hostile reporter), an action
    /// and a decision.
    static let enriched: Session = {
        let dir = temporaryDirectory("enriched")
        let path = dir.appendingPathComponent("delfgauw.jsonl").path
        try! FileManager.default.copyItem(atPath: demoPath, toPath: path)
        if FileManager.default.fileExists(atPath: demoPath + ".personen") {
            try! FileManager.default.copyItem(atPath: demoPath + ".personen", toPath: path + ".personen")
        }
        let s = try! Session.open(path: path, reference: nil, role: .secretaris, clock: { Fixture.stamp })
        s.makePersonRef = { "pd-hostile" }
        let meeting = s.state.latestMeeting(kern: "Delfgauw")!
        let m = meeting.id
        let ts = at("2009-07-07T19:40:00Z")
        for (org, status) in [("Wijkmanager", AttendanceStatus.aanwezig), ("Politie", .aanwezig), ("Vestia", .afgemeld), ("SWOP", .afwezig)] {
            try! s.append(.attendanceRecorded(AttendanceRecorded(meeting: m, org: org, status: status)), timestamp: ts)
        }
        try! s.append(.residentsCounted(ResidentsCounted(meeting: m, count: 3)), timestamp: ts)
        let items = s.state.orderedAgenda(m)
        try! s.append(.agendaItemStarted(AgendaItemStarted(ref: items[0].id)), timestamp: ts)
        try! s.append(.agendaItemStarted(AgendaItemStarted(ref: items[1].id, ended: items[0].id, outcome: .afgerond)), timestamp: ts)
        try! s.append(.agendaItemEnded(AgendaItemEnded(ref: items[1].id, outcome: .uitgesteld)), timestamp: ts)
        let signal = s.state.nextID(.signal)
        try! s.append(.signalRecorded(SignalRecorded(id: signal, kern: "Delfgauw", wijk: "Emerald", theme: .overlast, source: .bewoner,
                                                     text: hostile, date: Day("2009-07-06")!, meeting: m)),
                      timestamp: ts, person: (hostileName, hostileContact))
        let action = s.state.nextID(.action)
        try! s.append(.actionCreated(ActionCreated(id: action, kern: "Delfgauw", wijk: "Emerald", title: hostile, owner: "Politie",
                                                   person: "wijkagent; \"Ruud\"", due: Day("2009-07-15")!, result: hostile,
                                                   cost: Money(cents: 125_050), inform: "Brief, website; en \"kernkrant\"",
                                                   meeting: m, serves: [signal])), timestamp: ts)
        let decision = s.state.nextID(.decision)
        try! s.append(.decisionTaken(DecisionTaken(id: decision, kern: "Delfgauw", wijk: "Emerald", text: hostile, meeting: m, about: [signal])),
                      timestamp: ts)
        for (wijk, theme, year, score) in [("Emerald", Theme.verkeer, 2006, 640), ("Emerald", .verkeer, 2008, 610),
                                           ("Emerald", .wonen, 2008, 655), ("Oud Delfgauw", .spelen, 2006, 700),
                                           ("Oud Delfgauw", .spelen, 2008, 700)] {
            try! s.append(.lemonScored(LemonScored(kern: "Delfgauw", wijk: wijk, theme: theme, year: year, score: score)), timestamp: ts)
        }
        if s.state.meetingClosed[m] == nil {
            try! s.append(.meetingClosed(MeetingClosed(ref: m, checkpointSeq: s.log.headSeq, checkpointHash: s.log.headHash)),
                          timestamp: at("2009-07-07T19:45:00Z"))
        }
        return s
    }()

    /// A second log, for another kern, whose ids repeat those of the demo (A-1, B-1, V-1 …).
    static let nootdorp: Session = {
        let dir = temporaryDirectory("nootdorp")
        let path = dir.appendingPathComponent("nootdorp.jsonl").path
        let s = try! Session.open(path: path, reference: reference, role: .secretaris, clock: { Fixture.stamp })
        s.makePersonRef = { "pd-noot1" }
        let ts = at("2009-03-03T19:30:00Z")
        let m = RecordID(.meeting, 1)
        try! s.append(.meetingHeld(MeetingHeld(id: m, kern: "Nootdorp", date: Day("2009-03-03")!)), timestamp: ts)
        try! s.append(.agendaItemAdded(AgendaItemAdded(id: RecordID(.agendaItem, 1), meeting: m, title: "Speelplek 's-Gravenhout",
                                                       kern: "Nootdorp", wijk: "'s-Gravenhout", minutes: 20)), timestamp: ts)
        try! s.append(.actionCreated(ActionCreated(id: RecordID(.action, 1), kern: "Nootdorp", wijk: "'s-Gravenhout",
                                                   title: "Offerte nieuw speeltoestel opvragen", owner: "Gemeente beheer", person: "Anouk Smit",
                                                   due: Day("2009-04-30")!, cost: Money(cents: 99_995), inform: "Bewonersbrief", meeting: m)),
                      timestamp: ts)
        try! s.append(.actionCreated(ActionCreated(id: RecordID(.action, 2), kern: "Nootdorp", wijk: "De Venen",
                                                   title: "Schouw De Venen plannen", owner: "Wijkmanager", due: Day("2009-09-01")!,
                                                   meeting: m)), timestamp: ts)
        try! s.append(.decisionTaken(DecisionTaken(id: RecordID(.decision, 1), kern: "Nootdorp", wijk: "'s-Gravenhout",
                                                   text: "De speelplek in 's-Gravenhout krijgt voorrang.", meeting: m)), timestamp: ts)
        try! s.append(.initiativeRecorded(InitiativeRecorded(id: RecordID(.initiative, 1), kern: "Nootdorp", wijk: "De Venen",
                                                             text: "Buurtmoestuin bij de school", date: Day("2009-02-20")!, meeting: m)),
                      timestamp: ts)
        try! s.append(.initiativeTriaged(InitiativeTriaged(ref: RecordID(.initiative, 1), outcome: .direct, reason: nil, date: Day("2009-03-03")!)),
                      timestamp: ts)
        try! s.append(.lemonScored(LemonScored(kern: "Nootdorp", wijk: "De Venen", theme: .groen, year: 2008, score: 712)), timestamp: ts)
        return s
    }()

    static func source(_ s: Session, personal: Bool = false, label: String? = nil) -> ReportSource {
        ReportSource(state: s.state, persons: personal ? s.persons : nil,
                     label: label ?? ReportSource.label(for: s.state, fallback: "log"))
    }
}

/// Compares bytes with a golden file under Tests/ReportsTests/Golden/. With UPDATE_GOLDEN=1 the file
/// is written instead (then read it and check it).
func assertGolden(_ bytes: [UInt8], _ name: String, file: StaticString = #filePath, line: UInt = #line) {
    let url = Fixture.repoRoot.appendingPathComponent("Tests/ReportsTests/Golden/\(name)")
    if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
        try! Data(bytes).write(to: url, options: .atomic)
        return
    }
    guard let expected = try? Data(contentsOf: url) else {
        XCTFail("missing golden file \(name); run with UPDATE_GOLDEN=1", file: file, line: line)
        return
    }
    if Array(expected) != bytes {
        XCTFail("\(name) differs from the golden file:\n--- expected\n\(String(decoding: expected, as: UTF8.self))\n--- actual\n\(String(decoding: bytes, as: UTF8.self))",
                file: file, line: line)
    }
}

func assertGolden(_ text: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) {
    assertGolden(Array(text.utf8), name, file: file, line: line)
}

/// A small CSV reader for what Excel writes and reads: a separator, quoted fields with doubled quotes,
/// line breaks inside quotes, CRLF between records. Fails on a bare LF or CR between records.
enum CSVReader {
    struct Malformed: Error { var reason: String }

    static func parse(_ text: String, separator: Character = ";") throws -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var atFieldStart = true
        var chars = Array(text)
        var i = 0
        // Swift treats "\r\n" as one Character; split it so the reader sees both.
        chars = chars.flatMap { $0 == "\r\n" ? ["\r", "\n"] : [$0] }
        while i < chars.count {
            let c = chars[i]
            if quoted {
                if c == "\"" {
                    if i + 1 < chars.count, chars[i + 1] == "\"" { field.append("\""); i += 2; continue }
                    quoted = false
                } else {
                    field.append(c)
                }
                i += 1
                continue
            }
            switch c {
            case "\"":
                guard atFieldStart else { throw Malformed(reason: "quote inside an unquoted field at \(i)") }
                quoted = true
                atFieldStart = false
            case separator:
                record.append(field); field = ""; atFieldStart = true
            case "\r":
                guard i + 1 < chars.count, chars[i + 1] == "\n" else { throw Malformed(reason: "CR without LF at \(i)") }
                record.append(field); field = ""; atFieldStart = true
                records.append(record); record = []
                i += 1
            case "\n":
                throw Malformed(reason: "LF without CR at \(i)")
            default:
                field.append(c)
                atFieldStart = false
            }
            i += 1
        }
        if quoted { throw Malformed(reason: "unterminated quote") }
        if !field.isEmpty || !record.isEmpty { throw Malformed(reason: "last record without CRLF") }
        return records
    }
}

/// The tags of an HTML text: balanced (void elements aside) and only the ones the renderer emits.
enum HTMLCheck {
    static let void: Set<String> = ["meta", "br"]
    static let emitted: Set<String> = ["html", "head", "meta", "title", "style", "body", "h1", "h2", "h3", "h4", "p", "ul", "li",
                                       "table", "thead", "tbody", "tr", "th", "td",
                                       // Charts: a figure with inline SVG beside its table.
                                       "figure", "figcaption", "div", "svg", "rect", "text",
                                       // Ids, dates and amounts kept on one line.
                                       "span",
                                       // Chart fills: a pattern per series.
                                       "defs", "pattern", "path"]

    /// Problems found; empty when the tags nest properly.
    static func problems(_ html: String) -> [String] {
        var problems: [String] = []
        var stack: [String] = []
        // Leave the CSS out: it has no tags, but "<" may not appear there either.
        let regex = try! NSRegularExpression(pattern: "<(/?)([A-Za-z][A-Za-z0-9]*)[^>]*>|<!DOCTYPE[^>]*>")
        let ns = html as NSString
        for match in regex.matches(in: html, range: NSRange(location: 0, length: ns.length)) {
            guard match.range(at: 2).location != NSNotFound else { continue }
            let closing = ns.substring(with: match.range(at: 1)) == "/"
            let name = ns.substring(with: match.range(at: 2)).lowercased()
            if !emitted.contains(name) { problems.append("unexpected tag <\(name)>") }
            if void.contains(name) || ns.substring(with: match.range).hasSuffix("/>") { continue }
            if closing {
                if stack.last == name { stack.removeLast() } else { problems.append("</\(name)> closes \(stack.last ?? "nothing")") }
            } else {
                stack.append(name)
            }
        }
        if !stack.isEmpty { problems.append("unclosed: \(stack)") }
        // Every "<" belongs to a tag: none comes from the data.
        let lt = html.filter { $0 == "<" }.count
        let tags = regex.numberOfMatches(in: html, range: NSRange(location: 0, length: ns.length))
        if lt != tags { problems.append("\(lt - tags) stray '<'") }
        return problems
    }
}

/// Rows as JSON the way the CLI writes them (sorted keys, two-space indent, `"key" : value`), for the
/// golden file and the checks here; the CLI's own writer is compared with this in CLITests.
func rowsJSON<T: Encodable>(_ rows: [T]) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(rows), as: UTF8.self) + "\n"
}
