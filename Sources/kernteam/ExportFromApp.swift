import Foundation
import KernteamDomain
import KernteamLog
import KernteamReports
import KernteamSession
import KernteamTUI

/// Writes a document chosen in the history view (key e), with the same builders and the same dates
/// (minutes as of the meeting's close, a report as of the end of its period) as `kernteam export`.
/// Personal data is left out, as in every export without --include-personal.
enum ExportFromApp {
    static func write(_ draft: Draft, meeting: RecordID?, filter: HistoryFilter, replace: Bool = false, session: Session) -> Result<String, RecordFailureInfo> {
        let document = draft[.document] ?? "notulen", format = draft[.format] ?? "html"
        guard let file = draft[.file] else { return .failure(.refused(Refusal(.file, .required))) }
        let named = file == "~" || file.hasPrefix("~/") ? NSHomeDirectory() + file.dropFirst() : file
        // A name without a folder lands in the folder the program was started in; the message says which.
        let path = named.hasPrefix("/") ? named : FileManager.default.currentDirectoryPath + "/" + named
        // An existing file is replaced only after the user said so in the app (asked by the screen). A
        // FIFO, device or folder is never offered for replacing: the writer refuses it with its reason.
        if !replace, FileManager.default.fileExists(atPath: path), OpeningRules.nonRegularKind(at: path) == nil {
            return .failure(.refused(Refusal(.file, .exportFileReplace(AppRuntime.displayPath(path)))))
        }
        let today = session.today
        // The app shows a damaged log read-only; a document made from it says it is incomplete.
        let note = session.firstProblem.map { DamageNote(line: $0.line, problem: $0.problem.description, path: session.path) }
        let doc: Document.Format? = format == "md" ? .markdown : (format == "html" ? .html : nil)
        func mismatch(_ allowed: String) -> Result<String, RecordFailureInfo> { .failure(.message(Text.exportFormatMismatch(document, allowed).text)) }
        do {
            switch document {
            case "notulen", "nieuwsbrief":
                guard let doc else { return mismatch("md, html") }
                guard let meeting else { return .failure(.message(Text.exportNoMeeting.text)) }
                let (state, day) = try ExportIO.meetingState(meeting, in: session, asOf: nil)
                let built = document == "notulen"
                    ? MinutesExport.document(meeting: meeting, state: state, today: day, charts: doc == .html, generated: today)
                    : NewsletterExport.document(meeting: meeting, state: state, today: day, generated: today)
                guard let built else { return .failure(.message(Text.exportNoMeeting.text)) }
                try ExportIO.write(ExportIO.noted(built, note).rendered(doc), to: path, force: replace, quiet: true, register: ([session.path], document, false))
            case "actielijst":
                let rows = ActionListExport.rows([ReportSource(state: session.state, label: "")],
                                                 filter: actionFilter(filter, session.state), today: today, settings: session.settings)
                switch format {
                case "csv": try ExportIO.write(ActionListExport.csv(rows, note: note?.text), to: path, force: replace, quiet: true, register: ([session.path], document, false))
                case "json": try ExportIO.write(TerminalSafeJSON.format(ReadGuard.json(try JSONTree.value(rows), note)) + "\n", to: path, force: replace, quiet: true,
                                                register: ([session.path], document, false))
                default: return mismatch("csv, json")
                }
            case "rapportage":
                guard let doc else { return mismatch("md, html") }
                let from = filter.from ?? Day(year: today.year, month: 1, day: 1)!
                let to = filter.to ?? today
                let kern = filter.place.flatMap { session.state.reference.place(named: $0)?.kern }
                let cut = AsOf(min(to, today))
                let built = ProgressReport.document([ReportSource(state: try session.state(asOf: cut), label: "")], from: from, to: to,
                                                    kern: kern, today: cut.day, charts: doc == .html, generated: today,
                                                    averages: session.settings.lemonAverages)
                try ExportIO.write(ExportIO.noted(built, note).rendered(doc), to: path, force: replace, quiet: true, register: ([session.path], document, false))
            case "agenda":
                guard format == "ics" else { return mismatch("ics") }
                let ics = CalendarExport.ics(state: session.state, identity: session.logIdentity, stamp: session.clock(),
                                             places: session.settings.meetingPlaces)
                try ExportIO.write(ics, to: path, force: replace, quiet: true, register: ([session.path], document, false))
            default:
                return .failure(.message(Text.unknownChoice(document, options: ["notulen", "actielijst", "rapportage", "agenda", "nieuwsbrief"]).text))
            }
        } catch {
            return .failure(.message("\(error)"))
        }
        return .success(AppRuntime.displayPath(path))
    }

    static func actionFilter(_ filter: HistoryFilter, _ state: KernteamState) -> ActionFilter {
        var f = ActionFilter()
        if let place = filter.place.flatMap({ state.reference.place(named: $0) }) {
            f.kern = place.kern
            f.wijk = place.wijk
        }
        return f
    }
}
