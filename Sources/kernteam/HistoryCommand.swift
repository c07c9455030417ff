import ArgumentParser
import Foundation
import KernteamDomain
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
        var rows: [(entry: HistoryEntry, log: String, meetingDate: String)] = []
        for path in paths {
            let session: Session
            do { session = try Progress.openReadOnly(path, asOf: cut) } catch let e as LogError {
                printError(Session.describe(e, reading: true) + " (\(path))"); throw ExitCode(1)
            } catch {
                printError(Text.logReadError("\(path)").text); throw ExitCode(1)
            }
            if let place = filter.place, session.state.reference.place(named: place) == nil {
                printError(Text.unknownWijk(place, known: session.state.reference.placeNames).text); throw ExitCode(1)
            }
            for e in session.state.history(filter) {
                let date = e.meeting.flatMap { session.state.meetings[$0]?.value.date.description } ?? ""
                rows.append((e, path, date))
            }
        }
        rows.sort { ($0.entry.date, $0.log, $0.entry.seq) < ($1.entry.date, $1.log, $1.entry.seq) }
        switch format {
        case .json:
            let objects: [[String: Any]] = rows.map { r in
                var o: [String: Any] = ["kind": r.entry.kind.rawValue, "date": r.entry.date.description, "kern": r.entry.kern,
                                        "wijk": r.entry.wijk ?? NSNull(), "text": r.entry.text, "status": r.entry.status,
                                        "meeting": r.entry.meeting?.description ?? NSNull(), "seq": r.entry.seq,
                                        "changes": r.entry.changes, "id": r.entry.id?.description ?? NSNull()]
                if paths.count > 1 { o["log"] = r.log }
                o["theme"] = r.entry.theme?.rawValue ?? NSNull()
                return o
            }
            print(TerminalSafeJSON.format(objects))
        case .table:
            var table: [[String]] = []
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
    }
}
