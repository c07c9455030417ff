import Foundation
import KernteamDomain

/// An iCalendar file (RFC 5545) with the kernteam meetings and the action deadlines, for Outlook and
/// other agendas, made so that importing a newer file updates what an older one put there.
///
/// - Meetings are timed events from 19:30 local time (Europe/Amsterdam, with its time zone rules in
///   the file), lasting the meeting's planned length, else two hours (19:30–21:30); the agenda is the
///   DESCRIPTION and the kern's meeting place (from the settings) the LOCATION when known.
/// - Deadlines are all-day events on the due date of every action that has one.
/// - UIDs are the record id plus the log's identity (`A-7.3f9a0c1d2e4b5a69@kernteam`): the same
///   record keeps its UID through every correction (a moved deadline or meeting date updates the
///   event), and two logs never share one, though both have an `A-7`.
/// - SEQUENCE counts the entries that changed the record since it was made (corrections, status
///   changes, withdrawal; for a meeting also opening, closing and its agenda), so it rises with every
///   change; LAST-MODIFIED is the moment of the latest of them.
/// - A dropped (`vervallen`) or withdrawn action, and a withdrawn meeting, stays in the file as
///   STATUS:CANCELLED, so a calendar that imported it removes or strikes it.
/// - Only DTSTAMP depends on the moment of export; it is passed in. The state is the one given: a
///   caller that wants the calendar as of a date passes the state folded up to then.
public enum CalendarExport {
    public static let startHour = 19, startMinute = 30, defaultMinutes = 120
    static let timeZone = "Europe/Amsterdam"

    /// `identity`: the log's (`Session.logIdentity`). `places`: meeting place per kern (`Settings.meetingPlaces`).
    public static func ics(state: KernteamState, identity: String, stamp: Date, kern: String? = nil,
                           places: [String: String] = [:]) -> String {
        let dtstamp = utcStamp(stamp)
        let wanted = kern.map(ReferenceData.matchKey)
        func inKern(_ k: String) -> Bool { wanted == nil || ReferenceData.matchKey(k) == wanted }
        func place(_ k: String) -> String? { places.first { ReferenceData.matchKey($0.key) == ReferenceData.matchKey(k) }?.value }

        var events: [(day: Day, order: Int, id: RecordID, lines: [String])] = []
        for t in state.meetings.items where inKern(t.value.kern) {
            let m = t.value
            let start = startHour * 60 + startMinute
            let end = min(start + max(m.length ?? defaultMinutes, 1), 23 * 60 + 59)
            let items = state.orderedAgenda(m.id).enumerated().map { n, item in
                "\(n + 1). \(item.title)" + (item.wijk.map { " (\($0))" } ?? "")
            }
            var description = items.isEmpty ? [] : [Text.paneAgenda.text + ":"] + items
            if let reason = t.withdrawnReason { description.insert("\(Text.detailWithdrawn.text): \(reason)", at: 0) }
            let version = meetingVersion(t, state: state)
            events.append((m.date, 0, m.id, [
                "UID:\(uid(m.id, identity: identity))",
                "DTSTAMP:\(dtstamp)",
                "SEQUENCE:\(version.sequence)",
                "LAST-MODIFIED:\(compactStamp(version.modified))",
                "DTSTART;TZID=\(timeZone):\(compact(m.date))T\(hhmm(start))00",
                "DTEND;TZID=\(timeZone):\(compact(m.date))T\(hhmm(end))00",
                "SUMMARY:" + escape(Text.exportMeetingSummary(m.kern, m.id.description).text),
                description.isEmpty ? nil : "DESCRIPTION:" + escape(description.joined(separator: "\n")),
                place(m.kern).map { "LOCATION:" + escape($0) },
                "CATEGORIES:" + escape(Text.exportCalendarName(m.kern).text),
                "STATUS:" + (t.isWithdrawn ? "CANCELLED" : "CONFIRMED"),
            ].compactMap { $0 }))
        }
        for t in state.actions.items where inKern(t.value.created.kern) {
            let a = t.value.created
            guard let due = a.due else { continue }
            var details = [
                "\(Text.fieldLabel(.owner).text): \(a.owner)" + (a.person.map { " (\($0))" } ?? ""),
                "\(Text.fieldLabel(.wijk).text): \(Fmt.place(a.kern, a.wijk))",
                "\(Text.fieldLabel(.status).text): \(t.value.status.rawValue)" + (t.value.statusReason.map { " (\($0))" } ?? ""),
            ]
            if let r = a.result { details.append("\(Text.fieldLabel(.result).text): \(r)") }
            if let i = a.inform { details.append("\(Text.fieldLabel(.inform).text): \(i)") }
            if let reason = t.withdrawnReason { details.insert("\(Text.detailWithdrawn.text): \(reason)", at: 0) }
            let cancelled = t.isWithdrawn || t.value.status == .vervallen
            events.append((due, 1, a.id, [
                "UID:\(uid(a.id, identity: identity))",
                "DTSTAMP:\(dtstamp)",
                "SEQUENCE:\(t.changes.count)",
                "LAST-MODIFIED:\(compactStamp(lastChange(t.timestamp, t.changes, state: state)))",
                "DTSTART;VALUE=DATE:\(compact(due))",
                "DTEND;VALUE=DATE:\(compact(Day(ordinal: due.ordinal + 1)))",
                "SUMMARY:" + escape(Text.exportDeadlineSummary(a.id.description, a.title).text),
                "DESCRIPTION:" + escape(details.joined(separator: "\n")),
                "TRANSP:TRANSPARENT",
                "STATUS:" + (cancelled ? "CANCELLED" : "CONFIRMED"),
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

    /// A meeting's SEQUENCE and LAST-MODIFIED: its own changes (date corrected, opened, closed,
    /// withdrawn) and its agenda's (items added, corrected, withdrawn, started, ended), since the
    /// agenda is the event's description.
    static func meetingVersion(_ t: Tracked<MeetingHeld>, state: KernteamState) -> (sequence: Int, modified: String) {
        var sequence = t.changes.count
        var modified = lastChange(t.timestamp, t.changes, state: state)
        for id in state.agendaByMeeting[t.value.id] ?? [] {
            guard let item = state.agenda[id] else { continue }
            sequence += 1 + item.changes.count
            modified = max(modified, lastChange(item.timestamp, item.changes, state: state))
        }
        return (sequence, modified)
    }

    /// The timestamp of the latest entry among a record's creation and its changes.
    static func lastChange(_ created: String, _ changes: [Int], state: KernteamState) -> String {
        guard let last = changes.max(), let e = state.changeEvent(seq: last) else { return created }
        return max(created, e.timestamp)
    }

    /// `2009-03-10T18:42:00Z` → `20090310T184200Z`.
    static func compactStamp(_ ts: String) -> String {
        String(ts.unicodeScalars.filter { $0 != "-" && $0 != ":" })
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

    /// A UID unique across logs and stable through corrections: `A-7.3f9a0c1d2e4b5a69@kernteam`.
    public static func uid(_ id: RecordID, identity: String) -> String {
        "\(id).\(identity)@kernteam"
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
                // Other control characters have no place in a content line: shown as on screen (␛, ⍰).
                if ControlPictures.isControl(u) && u != "\t" { out.unicodeScalars.append(ControlPictures.picture(u)) } else { out.unicodeScalars.append(u) }
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
