import ArgumentParser
import Foundation
import KernteamDomain
import KernteamReports
import KernteamLog
import KernteamSession
import KernteamTUI

struct History: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: Text.cliAbstract(.history).text
    )

    @Option(name: .customLong("log"), help: .text(.historyLogs))
    var logs: [String] = []
    @Option(help: .text(.wijk)) var wijk: String?
    @Option(help: .text(.kernWithWijken)) var kern: String?
    @Option(help: .text(.fromDate)) var from: String?
    @Option(help: .text(.toDate)) var to: String?
    @Option(help: .text(.theme)) var theme: String?
    @Option(help: .text(.historyKind)) var kind: String?
    @Option(help: .text(.search)) var search: String?
    @Option(help: .text(.tableOrJSON)) var format: List.Format = .table
    @OptionGroup var asOf: AsOfOption
    @OptionGroup var damage: DamageOptions

    func run() throws {
        let paths = logs.isEmpty ? [DataLocator.logPath(nil)] : logs
        var draft = Draft()
        draft[.wijk] = wijk ?? kern
        draft[.from] = from
        draft[.to] = to
        draft[.theme] = theme
        draft[.recordKind] = kind
        draft[.search] = search
        if let theme, Theme.parse(theme) == nil {
            printError(Text.unknownChoice(theme, options: Theme.allCases.map(\.rawValue)).text); throw ExitCode(1)
        }
        if let kind, HistoryKind(rawValue: kind) == nil {
            printError(Text.unknownChoice(kind, options: HistoryKind.allCases.map(\.rawValue)).text); throw ExitCode(1)
        }
        let filter: HistoryFilter
        switch HistoryView.filter(from: draft) {
        case .success(let f): filter = f
        case .failure(let r): r.lines.forEach(printError); throw ExitCode(1)
        }
        // The first run: no log yet. Said plainly; with no log at all the history is empty, but with
        // some of several logs missing an answer would be partial, so that is an error.
        let missing = paths.filter(FirstRun.noLogYet)
        if !missing.isEmpty {
            missing.forEach(FirstRun.say)
            guard missing.count == paths.count else { throw ExitCode(1) }
            if let problem = FirstRun.unknownPlace(filter.place) { printError(problem); throw ExitCode(1) }
            if format == .json { print(TerminalSafeJSON.format([Any]())) }
            return
        }
        let cut = try asOf.parsed()
        var rows: [(entry: HistoryEntry, log: String, meetingDate: String, row: RecordRow?)] = []
        var note: DamageNote?
        for path in paths {
            let session: Session
            do { session = try Progress.openReadOnly(path, asOf: cut) } catch let e as LogError {
                printError(Session.describe(e, reading: true) + " (\(path))"); throw ExitCode(ExitStatus.refused)
            } catch {
                printError(Text.logReadError("\(path)").text); throw ExitCode(ExitStatus.refused)
            }
            if let damaged = try ReadGuard.check(session, path: path, allowDamaged: damage.allowDamaged) { note = note ?? damaged }
            if let place = filter.place, session.state.reference.place(named: place) == nil {
                printError(Text.unknownWijk(place, known: session.state.reference.placeNames).text); throw ExitCode(1)
            }
            let build = RowBuilder(state: session.state, today: cut?.day ?? session.today, settings: session.settings)
            for e in session.state.history(filter) {
                let date = e.meeting.flatMap { session.state.meetings[$0]?.value.date.description } ?? ""
                rows.append((e, path, date, format == .json ? build.row(for: e) : nil))
            }
        }
        rows.sort { ($0.entry.date, $0.log, $0.entry.seq) < ($1.entry.date, $1.log, $1.entry.seq) }
        switch format {
        case .json:
            // Each entry is the row of its record, as `list` and `export` write it (docs/json.md);
            // over several logs with the log it came from.
            print(TerminalSafeJSON.format(ReadGuard.json(try JSONTree.value(rows.compactMap { r in r.row.map { HistoryRow(row: $0, log: paths.count > 1 ? r.log : nil) } }), note)))
        case .table:
            var table: [[String]] = note.map { [[$0.text]] } ?? []
            var lastMeeting: String?? = .none
            for r in rows {
                let meeting = r.entry.meeting.map { "\($0) \(r.meetingDate)" }
                if lastMeeting == nil || lastMeeting! != meeting {
                    lastMeeting = .some(meeting)
                    table.append([meeting.map { "— \(Text.detailMeeting.text) \($0)" } ?? "— " + Text.historyNoMeeting.text])
                }
                table.append([r.entry.date.dutch, r.entry.kind.rawValue, r.entry.id?.description ?? "", r.entry.wijk ?? r.entry.kern,
                              r.entry.text + (r.entry.status.isEmpty ? "" : " (\(r.entry.status))")])
            }
            print(TableFormatter.format(table))
        }
        if note != nil { throw ExitCode(ExitStatus.damaged) }
    }
}

/// A history entry's row, with `log` when several logs were read.
struct HistoryRow: Encodable {
    let row: RecordRow
    let log: String?

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: Encoder) throws {
        try row.encode(to: encoder)
        if let log {
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(log, forKey: Key(stringValue: "log")!)
        }
    }
}
