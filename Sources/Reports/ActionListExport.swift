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
        var lines = (note.map { [CSV.cell($0)] } ?? []) + [Text.exportCSVHeader.text.split(separator: ";", omittingEmptySubsequences: false).map { CSV.cell(String($0)) }
            .joined(separator: ";")]
        for r in rows {
            // Every cell of every column through the same guard: an id, a wijk or an owner can hold a
            // formula as well as a title can (a hand-made log, a reference file with odd names).
            let fields: [String] = [
                r.id, r.wijk ?? "", r.kern, r.title, r.owner, r.person ?? "", r.due?.dutch ?? "",
                r.status.rawValue, r.overdue ? Text.exportYes.text : Text.exportNo.text, r.cost.map(Fmt.decimal) ?? "",
                r.result ?? "", r.inform ?? "", r.meeting ?? "",
            ]
            lines.append(fields.map(CSV.cell).joined(separator: ";"))
        }
        return [0xEF, 0xBB, 0xBF] + Array(lines.map { $0 + "\r\n" }.joined().utf8)
    }
}

/// CSV cells as Excel and LibreOffice read them, made safe.
public enum CSV {
    /// One cell: neutralised when a spreadsheet would take it as a formula (judged on the text as
    /// typed, so a CR or tab in front counts), then control characters shown as on screen (line
    /// breaks and tabs kept: a quoted cell may hold them), quoted when needed.
    public static func cell(_ s: String) -> String {
        field(ControlPictures.visible(neutralised(s), keeping: { $0 == "\n" || $0 == "\t" }))
    }

    /// Quoted (with doubled quotes) when it holds `;`, `"`, or a line break.
    public static func field(_ s: String) -> String {
        guard s.contains(where: { $0 == ";" || $0 == "\"" || $0.isNewline }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// What starts a formula (OWASP, CSV injection): `=`, `+`, `-`, `@`, tab and CR, and the full-width
    /// and small forms of the first four, which some spreadsheets read the same way.
    static let formulaStarts: Set<UInt32> = [0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D, 0xFF1D, 0xFF0B, 0xFF0D, 0xFF20, 0xFE66, 0xFE62, 0xFE63, 0xFE6B, 0x2212]

    /// A cell whose first meaningful character starts a formula gets a leading apostrophe, which the
    /// spreadsheet shows as plain text. Judged after skipping what cannot be seen — format characters
    /// (U+200D), combining marks (U+0301), variation selectors (U+FE0F), spaces of any kind (U+00A0)
    /// and other controls — so a formula behind an invisible character is caught too.
    static func neutralised(_ s: String) -> String {
        for u in s.unicodeScalars {
            if formulaStarts.contains(u.value) { return "'" + s }
            switch u.properties.generalCategory {
            case .format, .nonspacingMark, .spacingMark, .enclosingMark, .spaceSeparator, .lineSeparator,
                 .paragraphSeparator, .control:
                continue
            default:
                return s
            }
        }
        return s
    }

    /// Free text (kept for callers that guard one field): the same guard as every cell.
    static func text(_ s: String) -> String { neutralised(s) }
}
