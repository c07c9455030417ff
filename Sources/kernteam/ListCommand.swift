import ArgumentParser
import Foundation
import KernteamDomain
import KernteamSession
import KernteamTUI

struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Toont signalen, acties, besluiten, vergaderingen, agendapunten of participatieniveaus, als tabel of JSON."
    )

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case signals, actions, decisions, meetings, agenda, participation
    }

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Wat: signals, actions, decisions, meetings, agenda of participation.") var kind: Kind
    @Option(help: "Alleen deze wijk (of kern).") var wijk: String?
    @Option(help: "table of json.") var format: Format = .table
    @Flag(help: "Ook persoonsgegevens (melder, contact) tonen.") var includePersonal = false

    func run() throws {
        let session = try global.openSession(role: .cli, readOnly: true)
        let state = session.state
        var place: Place?
        if let wijk {
            guard let p = state.reference.place(named: wijk) else {
                printError(Text.unknownWijk(wijk, known: state.reference.placeNames).nl)
                throw ExitCode(1)
            }
            place = p
        }
        let records = ListRecords(state: state, today: session.today, place: place, includePersonal: includePersonal,
                                  persons: session.persons).rows(kind)
        switch format {
        case .json:
            let data = try JSONSerialization.data(withJSONObject: records.map(\.json), options: [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted])
            print(String(decoding: data, as: UTF8.self))
        case .table:
            print(TableFormatter.format(records.map(\.table)))
        }
    }
}

/// One listed record: as JSON object and as table cells.
struct ListedRecord {
    var json: [String: Any]
    var table: [String]
}

/// Picks and formats records for `list`. Withdrawn records are listed, marked as such.
struct ListRecords {
    let state: KernteamState
    let today: Day
    let place: Place?
    let includePersonal: Bool
    let persons: [PersonRef: PersonalData]

    func matches(_ kern: String, _ wijk: String?) -> Bool {
        guard let place else { return true }
        return place.wijk == nil ? kern == place.kern : wijk == place.wijk
    }

    func base<V>(_ id: RecordID, _ kern: String, _ wijk: String?, _ t: Tracked<V>) -> [String: Any] {
        var o: [String: Any] = ["id": id.description, "kern": kern, "wijk": wijk ?? NSNull(), "seq": t.seq]
        if let r = t.withdrawnReason { o["withdrawn"] = r }
        return o
    }

    func rows(_ kind: List.Kind) -> [ListedRecord] {
        switch kind {
        case .signals:
            return state.signals.items.filter { matches($0.value.kern, $0.value.wijk) }.map { t in
                let s = t.value
                var o = base(s.id, s.kern, s.wijk, t)
                o["theme"] = s.theme.rawValue; o["source"] = s.source.rawValue; o["text"] = s.text; o["date"] = s.date.description
                o["buurt"] = s.buurt ?? NSNull(); o["meeting"] = s.meeting?.description ?? NSNull()
                if includePersonal {
                    let p = s.person.flatMap { persons[$0] }
                    o["reporter"] = p?.name ?? NSNull(); o["contact"] = p?.contact ?? NSNull()
                }
                return ListedRecord(json: o, table: [s.id.description, s.date.dutch, s.wijk ?? s.kern, s.theme.rawValue,
                                                     s.source.rawValue, mark(t) + s.text])
            }
        case .actions:
            return state.actions.items.filter { matches($0.value.created.kern, $0.value.created.wijk) }.map { t in
                let a = t.value.created
                var o = base(a.id, a.kern, a.wijk, t)
                o["title"] = a.title; o["owner"] = a.owner; o["due"] = a.due?.description ?? NSNull()
                o["status"] = t.value.status.rawValue; o["overdue"] = t.value.isOverdue(today: today)
                o["result"] = a.result ?? NSNull(); o["cost_cents"] = a.cost?.cents ?? NSNull(); o["inform"] = a.inform ?? NSNull()
                o["person"] = a.person ?? NSNull(); o["meeting"] = a.meeting?.description ?? NSNull()
                o["status_reason"] = t.value.statusReason ?? NSNull()
                let status = PaneContent.statusLabel(t.value.status, overdue: t.value.isOverdue(today: today), withdrawn: t.isWithdrawn).text
                return ListedRecord(json: o, table: [a.id.description, status, a.due?.dutch ?? "", a.owner, a.wijk ?? a.kern, a.title])
            }
        case .decisions:
            return state.decisions.items.filter { matches($0.value.kern, $0.value.wijk) }.map { t in
                let d = t.value
                var o = base(d.id, d.kern, d.wijk, t)
                o["text"] = d.text; o["meeting"] = d.meeting?.description ?? NSNull()
                let date = d.meeting.flatMap { state.meetings[$0]?.value.date }
                o["date"] = date?.description ?? NSNull()
                return ListedRecord(json: o, table: [d.id.description, date?.dutch ?? "", d.wijk ?? d.kern, mark(t) + d.text])
            }
        case .meetings:
            return state.meetings.items.filter { place == nil || $0.value.kern == place!.kern }.map { t in
                let m = t.value
                var o = base(m.id, m.kern, nil, t)
                o["date"] = m.date.description
                o.removeValue(forKey: "wijk")
                return ListedRecord(json: o, table: [m.id.description, m.date.dutch, m.kern])
            }
        case .agenda:
            return state.agenda.items.filter { matches($0.value.kern, $0.value.wijk) }.map { t in
                let a = t.value
                var o = base(a.id, a.kern, a.wijk, t)
                o["title"] = a.title; o["meeting"] = a.meeting.description; o["minutes"] = a.minutes ?? NSNull()
                return ListedRecord(json: o, table: [a.id.description, a.meeting.description, a.minutes.map { "\($0) min" } ?? "",
                                                     a.wijk ?? a.kern, mark(t) + a.title])
            }
        case .participation:
            return state.participation.items.filter { matches($0.value.kern, $0.value.wijk) }.map { t in
                let p = t.value
                var o = base(p.id, p.kern, p.wijk, t)
                o["topic"] = p.topic; o["level"] = p.level.rawValue; o["work"] = p.work?.rawValue ?? NSNull()
                o["phase"] = p.phase?.rawValue ?? NSNull(); o["reason"] = p.reason ?? NSNull()
                return ListedRecord(json: o, table: [p.id.description, p.level.rawValue, p.work?.rawValue ?? "", p.phase?.rawValue ?? "",
                                                     p.wijk ?? p.kern, mark(t) + p.topic])
            }
        }
    }

    func mark<V>(_ t: Tracked<V>) -> String { t.isWithdrawn ? "(\(Text.withdrawnMark.nl)) " : "" }
}

/// Aligns columns by display width; every cell made terminal-safe; the last column is not padded.
enum TableFormatter {
    static func format(_ rows: [[String]]) -> String {
        let safe = rows.map { $0.map { TerminalSafe.sanitize($0) } }
        guard let columns = safe.map(\.count).max() else { return "" }
        var widths = [Int](repeating: 0, count: columns)
        for row in safe { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], DisplayWidth.of(cell)) } }
        return safe.map { row in
            row.enumerated().map { i, cell in i == row.count - 1 ? cell : DisplayWidth.pad(cell, to: widths[i]) }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}
