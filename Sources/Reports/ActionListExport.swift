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

/// The action list for Dutch Excel (CSV) and for other programs (JSON: the same `ActionRow`s that
/// `list actions` writes, docs/json.md).
public enum ActionListExport {
    /// Standing actions (withdrawn ones are left out) in log order, log after log. With more than one
    /// source every id carries the log's label. `settings` and `persons` as `RowBuilder` takes them.
    public static func rows(_ sources: [ReportSource], filter: ActionFilter = ActionFilter(), today: Day,
                            settings: Settings = Settings()) -> [ActionRow] {
        let combined = sources.count > 1
        return sources.flatMap { source -> [ActionRow] in
            let build = RowBuilder(state: source.state, today: today, settings: settings, label: combined ? source.label : nil)
            return source.state.actions.items.filter { !$0.isWithdrawn && filter.matches($0.value.created) }.map(build.action)
        }
    }

    /// UTF-8 with byte order mark, `;` between fields, CRLF after every line, dates dd-mm-jjjj,
    /// amounts with a decimal comma, so Excel with Dutch settings opens it as it is.
    /// With `note` (made from a damaged log), a first line of one cell says the list is incomplete.
    public static func csv(_ rows: [ActionRow], note: String? = nil) -> [UInt8] {
        var lines = (note.map { [CSV.field(CSV.text($0))] } ?? []) + [Text.exportCSVHeader.text.split(separator: ";", omittingEmptySubsequences: false).map { CSV.field(String($0)) }
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
