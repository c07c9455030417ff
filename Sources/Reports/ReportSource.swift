import Foundation
import KernteamDomain

/// One folded log that an export reads. Several logs (one per kern) are combined by folding each on
/// its own and merging the results; record numbers restart in every log, so combined exports put the
/// log's label before each id (`Delfgauw/A-3`).
public struct ReportSource: Sendable {
    public var state: KernteamState
    /// Residents' personal data (names, contacts), only when the user asked for it. Nil leaves every
    /// piece of it out of the document.
    public var persons: [PersonRef: PersonalData]?
    /// What the log is called in a combined export: its kern, or the file name.
    public var label: String

    public init(state: KernteamState, persons: [PersonRef: PersonalData]? = nil, label: String) {
        self.state = state; self.persons = persons; self.label = label
    }

    /// The kern a log is about when all its meetings and records belong to one kern; else `fallback`.
    public static func label(for state: KernteamState, fallback: String) -> String {
        var kernen = Set<String>()
        kernen.formUnion(state.meetings.items.map(\.value.kern))
        kernen.formUnion(state.actions.items.map(\.value.created.kern))
        kernen.formUnion(state.decisions.items.map(\.value.kern))
        kernen.formUnion(state.signals.items.map(\.value.kern))
        kernen.formUnion(state.initiatives.items.map(\.value.recorded.kern))
        return kernen.count == 1 ? kernen.first! : fallback
    }

    /// Makes labels distinct by numbering repeats: `Delfgauw`, `Delfgauw (2)`.
    public static func uniqueLabels(_ labels: [String]) -> [String] {
        var seen: [String: Int] = [:]
        return labels.map { label in
            seen[label, default: 0] += 1
            return seen[label]! == 1 ? label : "\(label) (\(seen[label]!))"
        }
    }
}

/// How an id is written: plain for one log, with the log's label when logs are combined.
struct IDNamer: Sendable {
    var prefix: String?
    func callAsFunction(_ id: RecordID) -> String { prefix.map { "\($0)/\(id)" } ?? id.description }
    func optional(_ id: RecordID?) -> String { id.map { callAsFunction($0) } ?? "" }
}

extension KernteamState {
    /// Kernen this log has anything about.
    func kernenWithData() -> Set<String> {
        var out = Set<String>()
        out.formUnion(meetings.items.filter { !$0.isWithdrawn }.map(\.value.kern))
        out.formUnion(actions.items.filter { !$0.isWithdrawn }.map(\.value.created.kern))
        out.formUnion(decisions.items.filter { !$0.isWithdrawn }.map(\.value.kern))
        out.formUnion(signals.items.filter { !$0.isWithdrawn }.map(\.value.kern))
        out.formUnion(initiatives.items.filter { !$0.isWithdrawn }.map(\.value.recorded.kern))
        out.formUnion(priorities.items.filter { !$0.isWithdrawn }.map(\.value.kern))
        out.formUnion(budgets.items.filter { !$0.isWithdrawn }.map(\.value.kern))
        out.formUnion(lemonScores.map(\.kern))
        return out
    }
}

/// Residents' personal data for one record, only when the caller passed the persons in.
enum PersonalLine {
    static func line(_ ref: PersonRef?, role: DraftField, persons: [PersonRef: PersonalData]?) -> String? {
        guard let persons, let ref else { return nil }
        guard let p = persons[ref] else { return Text.exportPerson(Text.fieldLabel(role).text, Text.personErasedMark.text).text }
        let who = [p.name, p.contact].compactMap { $0 }.joined(separator: ", ")
        return who.isEmpty ? nil : Text.exportPerson(Text.fieldLabel(role).text, who).text
    }
}

enum Fmt {
    /// `1250,50`: decimal comma, no thousands separator, no currency sign (for spreadsheets).
    static func decimal(_ m: Money) -> String {
        let sign = m.cents < 0 ? "-" : ""
        let a = m.cents.magnitude
        let c = a % 100
        return "\(sign)\(a / 100),\(c < 10 ? "0" : "")\(c)"
    }

    /// The median of whole days, with ",5" when it falls between two.
    static func median(_ values: [Int]) -> String? {
        guard !values.isEmpty else { return nil }
        let s = values.sorted()
        let n = s.count
        if n % 2 == 1 { return String(s[n / 2]) }
        let sum = s[n / 2 - 1] + s[n / 2]
        return sum % 2 == 0 ? String(sum / 2) : "\(sum / 2),5"
    }

    static func place(_ kern: String, _ wijk: String?) -> String { wijk ?? kern }
}
