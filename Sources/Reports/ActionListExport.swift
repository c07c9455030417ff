import Foundation
import KernteamDomain

/// Which actions an action list holds. Names match case-insensitively, as users type them.
public struct ActionFilter: Hashable, Sendable {
    public var kern: String?
    public var wijk: String?
    public init(kern: String? = nil, wijk: String? = nil) { self.kern = kern; self.wijk = wijk }

    func matches(_ a: ActionCreated) -> Bool {
        if let kern, ReferenceData.matchKey(kern) != ReferenceData.matchKey(a.kern) { return false }
        if let wijk, ReferenceData.matchKey(wijk) != ReferenceData.matchKey(a.wijk ?? "") { return false }
        return true
    }
}

/// One line of the action list, the same data for CSV and JSON.
public struct ActionRow: Hashable, Sendable {
    public var id: String
    public var wijk: String?
    public var kern: String
    public var title: String
    public var owner: String
    public var person: String?
    public var due: Day?
    public var status: ActionStatus
    public var overdue: Bool
    public var cost: Money?
    public var result: String?
    public var inform: String?
    public var meeting: String?
}

/// The action list for Dutch Excel (CSV) and for other programs (JSON).
public enum ActionListExport {
    /// Standing actions (withdrawn ones are left out) in log order, log after log. With more than one
    /// source every id carries the log's label.
    public static func rows(_ sources: [ReportSource], filter: ActionFilter = ActionFilter(), today: Day) -> [ActionRow] {
        let combined = sources.count > 1
        return sources.flatMap { source -> [ActionRow] in
            let name = IDNamer(prefix: combined ? source.label : nil)
            return source.state.actions.items.filter { !$0.isWithdrawn && filter.matches($0.value.created) }.map { t in
                let a = t.value.created
                return ActionRow(id: name(a.id), wijk: a.wijk, kern: a.kern, title: a.title, owner: a.owner, person: a.person,
                                 due: a.due, status: t.value.status, overdue: t.value.isOverdue(today: today), cost: a.cost,
                                 result: a.result, inform: a.inform, meeting: a.meeting.map { name($0) })
            }
        }
    }

    /// UTF-8 with byte order mark, `;` between fields, CRLF after every line, dates dd-mm-jjjj,
    /// amounts with a decimal comma, so Excel with Dutch settings opens it as it is.
    public static func csv(_ rows: [ActionRow]) -> [UInt8] {
        var lines = [Text.exportCSVHeader.text.split(separator: ";", omittingEmptySubsequences: false).map { CSV.field(String($0)) }
            .joined(separator: ";")]
        for r in rows {
            let fields: [String] = [
                r.id, r.wijk ?? "", r.kern, CSV.text(r.title), r.owner, CSV.text(r.person ?? ""), r.due?.dutch ?? "",
                r.status.rawValue, r.overdue ? Text.exportYes.text : Text.exportNo.text, r.cost.map(Fmt.decimal) ?? "",
                CSV.text(r.result ?? ""), CSV.text(r.inform ?? ""), r.meeting ?? "",
            ]
            lines.append(fields.map(CSV.field).joined(separator: ";"))
        }
        return [0xEF, 0xBB, 0xBF] + Array(lines.map { $0 + "\r\n" }.joined().utf8)
    }

    /// An array of objects with the same fields (ISO dates, amounts in cents, null when empty).
    public static func json(_ rows: [ActionRow]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(rows.map(JSONRow.init))) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private struct JSONRow: Encodable {
        let row: ActionRow
        enum Key: String, CodingKey {
            case id, wijk, kern, wat, eigenaar, persoon, deadline, status, teLaat = "te_laat", kostenCent = "kosten_cent"
            case resultaat, informeren, vergadering
        }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(row.id, forKey: .id)
            try c.encode(row.wijk, forKey: .wijk)
            try c.encode(row.kern, forKey: .kern)
            try c.encode(row.title, forKey: .wat)
            try c.encode(row.owner, forKey: .eigenaar)
            try c.encode(row.person, forKey: .persoon)
            try c.encode(row.due?.description, forKey: .deadline)
            try c.encode(row.status.rawValue, forKey: .status)
            try c.encode(row.overdue, forKey: .teLaat)
            try c.encode(row.cost?.cents, forKey: .kostenCent)
            try c.encode(row.result, forKey: .resultaat)
            try c.encode(row.inform, forKey: .informeren)
            try c.encode(row.meeting, forKey: .vergadering)
        }
    }
}

/// CSV fields as Excel reads them.
public enum CSV {
    /// Quoted (with doubled quotes) when it holds `;`, `"`, or a line break.
    public static func field(_ s: String) -> String {
        guard s.contains(where: { $0 == ";" || $0 == "\"" || $0.isNewline }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Free text that Excel would otherwise run as a formula (`=`, `+`, `-`, `@` first) gets a leading
    /// apostrophe, which Excel shows as plain text.
    static func text(_ s: String) -> String {
        guard let first = s.first, "=+-@\t\r".contains(first) else { return s }
        return "'" + s
    }
}
