import Foundation
import KernteamDomain

/// An iCalendar file (RFC 5545) with the kernteam meetings and the action deadlines, for Outlook and
/// other agendas.
///
/// - Meetings are timed events from 19:30 local time (Europe/Amsterdam, with its time zone rules in
///   the file), lasting the meeting's planned length, else two hours (19:30–21:30).
/// - Deadlines are all-day events on the due date of every action that is not withdrawn or dropped.
/// - UIDs are the record id at the kern (`V-7@kernteam-delfgauw`), so importing a newer file updates
///   the same events instead of adding copies. Withdrawn meetings are left out.
/// - Only DTSTAMP depends on the moment of export; it is passed in.
public enum CalendarExport {
    public static let startHour = 19, startMinute = 30, defaultMinutes = 120
    static let timeZone = "Europe/Amsterdam"

    public static func ics(state: KernteamState, stamp: Date, kern: String? = nil) -> String {
        let dtstamp = utcStamp(stamp)
        let wanted = kern.map(ReferenceData.matchKey)
        func inKern(_ k: String) -> Bool { wanted == nil || ReferenceData.matchKey(k) == wanted }

        var events: [(day: Day, order: Int, id: RecordID, lines: [String])] = []
        for t in state.meetings.items where !t.isWithdrawn && inKern(t.value.kern) {
            let m = t.value
            let start = startHour * 60 + startMinute
            let end = min(start + max(m.length ?? defaultMinutes, 1), 23 * 60 + 59)
            let items = state.orderedAgenda(m.id).enumerated().map { n, item in
                "\(n + 1). \(item.title)" + (item.wijk.map { " (\($0))" } ?? "")
            }
            let description = ([Text.paneAgenda.text + ":"] + items).joined(separator: "\n")
            events.append((m.date, 0, m.id, [
                "UID:\(uid(m.id, kern: m.kern))",
                "DTSTAMP:\(dtstamp)",
                "DTSTART;TZID=\(timeZone):\(compact(m.date))T\(hhmm(start))00",
                "DTEND;TZID=\(timeZone):\(compact(m.date))T\(hhmm(end))00",
                "SUMMARY:" + escape(Text.exportMeetingSummary(m.kern, m.id.description).text),
                items.isEmpty ? nil : "DESCRIPTION:" + escape(description),
                "CATEGORIES:" + escape(Text.exportCalendarName(m.kern).text),
            ].compactMap { $0 }))
        }
        for t in state.actions.items where !t.isWithdrawn && t.value.status != .vervallen && inKern(t.value.created.kern) {
            let a = t.value.created
            guard let due = a.due else { continue }
            var details = [
                "\(Text.fieldLabel(.owner).text): \(a.owner)" + (a.person.map { " (\($0))" } ?? ""),
                "\(Text.fieldLabel(.wijk).text): \(Fmt.place(a.kern, a.wijk))",
                "\(Text.fieldLabel(.status).text): \(t.value.status.rawValue)",
            ]
            if let r = a.result { details.append("\(Text.fieldLabel(.result).text): \(r)") }
            if let i = a.inform { details.append("\(Text.fieldLabel(.inform).text): \(i)") }
            events.append((due, 1, a.id, [
                "UID:\(uid(a.id, kern: a.kern))",
                "DTSTAMP:\(dtstamp)",
                "DTSTART;VALUE=DATE:\(compact(due))",
                "DTEND;VALUE=DATE:\(compact(Day(ordinal: due.ordinal + 1)))",
                "SUMMARY:" + escape(Text.exportDeadlineSummary(a.id.description, a.title).text),
                "DESCRIPTION:" + escape(details.joined(separator: "\n")),
                "TRANSP:TRANSPARENT",
            ]))
        }
        events.sort { ($0.day, $0.order, $0.id.kind.rawValue, $0.id.number) < ($1.day, $1.order, $1.id.kind.rawValue, $1.id.number) }

        let name = kern.flatMap { state.reference.kern(named: $0)?.name ?? $0 }
            ?? ReportSource.label(for: state, fallback: state.reference.municipality)
        var lines = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Pijnacker-Nootdorp//kernteam//NL",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:" + escape(Text.exportCalendarName(name).text),
            "X-WR-TIMEZONE:\(timeZone)",
        ]
        lines += amsterdam
        for e in events { lines += ["BEGIN:VEVENT"] + e.lines + ["END:VEVENT"] }
        lines.append("END:VCALENDAR")
        return lines.map { fold($0) + "\r\n" }.joined()
    }

    /// The time zone, so Outlook places 19:30 in summer and in winter right.
    static let amsterdam = [
        "BEGIN:VTIMEZONE",
        "TZID:\(timeZone)",
        "BEGIN:DAYLIGHT",
        "TZOFFSETFROM:+0100",
        "TZOFFSETTO:+0200",
        "TZNAME:CEST",
        "DTSTART:19700329T020000",
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
        "END:DAYLIGHT",
        "BEGIN:STANDARD",
        "TZOFFSETFROM:+0200",
        "TZOFFSETTO:+0100",
        "TZNAME:CET",
        "DTSTART:19701025T030000",
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
        "END:STANDARD",
        "END:VTIMEZONE",
    ]

    /// A stable UID: the record id at the kern, e.g. `V-7@kernteam-delfgauw`.
    public static func uid(_ id: RecordID, kern: String) -> String {
        let folded = kern.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
        var slug = ""
        for u in folded.unicodeScalars {
            if u.isASCII, CharacterSet.alphanumerics.contains(u) { slug.unicodeScalars.append(u) } else if !slug.isEmpty, !slug.hasSuffix("-") { slug += "-" }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return "\(id)@kernteam-\(slug.isEmpty ? "kern" : slug)"
    }

    /// TEXT value escaping: backslash, semicolon, comma and line breaks.
    public static func escape(_ s: String) -> String {
        var out = ""
        var previousCR = false
        for u in s.unicodeScalars {
            switch u {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\r": out += "\\n"
            case "\n": if !previousCR { out += "\\n" }
            default:
                // Other control characters have no place in a content line.
                if u.value < 0x20 && u != "\t" || u.value == 0x7F { out += " " } else { out.unicodeScalars.append(u) }
            }
            previousCR = u == "\r"
        }
        return out
    }

    /// Folds a content line at 75 octets: continuation lines start with one space and never split a
    /// UTF-8 sequence.
    public static func fold(_ line: String) -> String {
        var parts: [String] = []
        var current = ""
        var octets = 0
        var limit = 75
        for u in line.unicodeScalars {
            let n = String(u).utf8.count
            if octets + n > limit {
                parts.append(current)
                current = ""
                octets = 0
                limit = 74
            }
            current.unicodeScalars.append(u)
            octets += n
        }
        parts.append(current)
        return parts.joined(separator: "\r\n ")
    }

    /// Undoes folding (CRLF followed by a space or tab), for reading a file back.
    public static func unfold(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n ", with: "").replacingOccurrences(of: "\r\n\t", with: "")
    }

    static func compact(_ d: Day) -> String { d.description.replacingOccurrences(of: "-", with: "") }

    static func hhmm(_ minutes: Int) -> String {
        let h = minutes / 60, m = minutes % 60
        return (h < 10 ? "0" : "") + "\(h)" + (m < 10 ? "0" : "") + "\(m)"
    }

    static func utcStamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func p(_ n: Int?, _ w: Int = 2) -> String { let s = String(n ?? 0); return String(repeating: "0", count: max(0, w - s.count)) + s }
        return "\(p(c.year, 4))\(p(c.month))\(p(c.day))T\(p(c.hour))\(p(c.minute))\(p(c.second))Z"
    }
}
