import ArgumentParser
import Foundation
import KernteamDomain
import KernteamLog
import KernteamReports
import KernteamSession

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Maakt documenten om mee te nemen: notulen, actielijst, voortgangsrapportage, agendabestand (.ics) en nieuwsbrief.",
        discussion: "Persoonsgegevens van bewoners blijven weg, tenzij u --include-personal meegeeft. Een bestaand bestand wordt alleen met --force vervangen.",
        subcommands: [ExportMinutes.self, ExportActions.self, ExportReport.self, ExportCalendar.self, ExportNewsletter.self]
    )
}

/// Where an export goes, and what it may hold.
struct ExportOutputOptions: ParsableArguments {
    @Option(help: "Het bestand dat gemaakt wordt.") var out: String
    @Flag(help: "Een bestaand bestand vervangen.") var force = false
    @Flag(help: "Ook persoonsgegevens van bewoners (namen en contactgegevens van melders en initiatiefnemers).") var includePersonal = false
}

/// One or more logs, for the exports that can combine kernen (`--log` once per kern).
struct LogsOption: ParsableArguments {
    @Option(name: .long, help: "Het logbestand; herhaal voor meer kernen (anders $KERNTEAM_LOG, anders het standaardlog).")
    var log: [String] = []

    var paths: [String] { log.isEmpty ? [DataLocator.logPath(nil)] : log.map { DataLocator.logPath($0) } }
}

enum DocumentFormat: String, ExpressibleByArgument, CaseIterable {
    case md, html
    var format: Document.Format { self == .md ? .markdown : .html }
}

enum ExportIO {
    /// Opens an existing log read-only (an export never creates or changes a log) and settings.
    static func open(_ path: String) throws -> Session {
        guard FileManager.default.fileExists(atPath: path) else { throw CLIError(Text.exportLogMissing(path).nl) }
        let session: Session
        do {
            session = try Session.open(path: path, reference: nil, role: .cli, readOnly: true)
        } catch let e as LogError {
            throw CLIError(Session.describe(e) + " (\(path))")
        }
        if let damage = session.log.readOnlyReason, damage != .readOnly { printError(Session.describe(damage)) }
        session.settings = try DataLocator.settings()
        return session
    }

    /// The logs as report sources, each labelled by its kern (or file name), personal data only when asked.
    static func sources(_ paths: [String], includePersonal: Bool) throws -> [ReportSource] {
        let sessions = try paths.map(open)
        let labels = ReportSource.uniqueLabels(zip(sessions, paths).map { s, p in
            ReportSource.label(for: s.state, fallback: ((p as NSString).lastPathComponent as NSString).deletingPathExtension)
        })
        if sessions.count > 1 { printError(Text.exportCombined(labels).nl) }
        return zip(sessions, labels).map { ReportSource(state: $0.state, persons: includePersonal ? $0.persons : nil, label: $1) }
    }

    /// Today in the local time zone (overdue marks, "stand op").
    static func today() -> Day {
        let c = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return Day(year: c.year!, month: c.month!, day: c.day!)!
    }

    static func meeting(_ text: String, in session: Session) throws -> RecordID {
        let id = try parseID(text, [.meeting])
        guard session.state.meetings.contains(id) else { throw CLIError(Text.unknownRecord(text).nl) }
        return id
    }

    /// Writes the whole file next to its target, flushes it, then moves it into place: readers never
    /// see half a file. Without `force` an existing file is never replaced (not even one that appears
    /// meanwhile: the final step is a hard link, which fails when the name is taken).
    static func write(_ bytes: [UInt8], to path: String, force: Bool, quiet: Bool = false) throws {
        let fm = FileManager.default
        if !force && fm.fileExists(atPath: path) { throw CLIError(Text.exportFileExists(path).nl) }
        let dir = (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
        let temp = (dir as NSString).appendingPathComponent(".\((path as NSString).lastPathComponent).tmp-\(getpid())")
        func fail(_ code: Int32) -> CLIError { CLIError(Text.exportWriteFailed(path, reason(code).nl).nl) }
        let fd = Foundation.open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw fail(errno) }
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                let code = errno
                close(fd); unlink(temp)
                throw fail(code)
            }
            written += n
        }
        if fsync(fd) != 0 { let code = errno; close(fd); unlink(temp); throw fail(code) }
        close(fd)
        if force {
            if rename(temp, path) != 0 { let code = errno; unlink(temp); throw fail(code) }
        } else {
            if link(temp, path) != 0 {
                let code = errno
                unlink(temp)
                if code == EEXIST { throw CLIError(Text.exportFileExists(path).nl) }
                throw fail(code)
            }
            unlink(temp)
        }
        let dfd = Foundation.open(dir, O_RDONLY | O_CLOEXEC)
        if dfd >= 0 { _ = fsync(dfd); close(dfd) }
        if !quiet { print(TerminalSafeText.clean(path)) }
    }

    static func reason(_ code: Int32) -> Text {
        switch code {
        case ENOENT, ENOTDIR: .exportNoFolder
        case EACCES, EPERM: .exportNoPermission
        case ENOSPC, EDQUOT: .exportDiskFull
        case EROFS: .exportReadOnlyDisk
        case EISDIR: .exportIsFolder
        default: .exportSystemError(code)
        }
    }

    static func write(_ text: String, to path: String, force: Bool, quiet: Bool = false) throws {
        try write(Array(text.utf8), to: path, force: force, quiet: quiet)
    }
}

struct ExportMinutes: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "minutes",
        abstract: "Notulen van een vergadering: aanwezigheid, agendapunten met uitkomst, besluiten, acties en terugkoppeling aan bewoners."
    )
    @OptionGroup var global: GlobalOptions
    @Option(help: "De vergadering, bv. V-3.") var meeting: String
    @Option(help: "md (Markdown) of html (één bestand, ook om af te drukken).") var format: DocumentFormat = .md
    @OptionGroup var output: ExportOutputOptions

    func run() throws {
        let session = try ExportIO.open(DataLocator.logPath(global.log))
        let id = try ExportIO.meeting(meeting, in: session)
        guard let doc = MinutesExport.document(meeting: id, state: session.state, today: session.today,
                                               persons: output.includePersonal ? session.persons : nil)
        else { throw CLIError(Text.unknownRecord(meeting).nl) }
        try ExportIO.write(doc.rendered(format.format), to: output.out, force: output.force)
    }
}

struct ExportActions: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "actions",
        abstract: "De actielijst als CSV (Excel: puntkomma, UTF-8, dd-mm-jjjj, decimale komma) of JSON.",
        discussion: "Ingetrokken acties staan er niet in. Meerdere --log: de logs worden samengevoegd; elk id krijgt dan de naam van zijn log ervoor (Delfgauw/A-3)."
    )
    enum Format: String, ExpressibleByArgument, CaseIterable { case csv, json }

    @OptionGroup var logs: LogsOption
    @Option(help: "csv of json.") var format: Format = .csv
    @Option(help: "Alleen deze kern.") var kern: String?
    @Option(help: "Alleen deze wijk.") var wijk: String?
    @OptionGroup var output: ExportOutputOptions

    func run() throws {
        let sources = try ExportIO.sources(logs.paths, includePersonal: output.includePersonal)
        let reference = mergedReference(sources)
        var filter = ActionFilter()
        if let kern {
            guard let k = reference.kern(named: kern) else {
                throw CLIError(Text.unknownKern(kern, known: reference.kernen.map(\.name)).nl)
            }
            filter.kern = k.name
        }
        if let wijk {
            guard let place = reference.place(named: wijk) else { throw CLIError(Text.unknownWijk(wijk, known: reference.wijkNames).nl) }
            guard let w = place.wijk else { throw CLIError(Text.wijkNotKern(place.kern).nl) }
            filter.wijk = w
        }
        let today = ExportIO.today()
        let rows = ActionListExport.rows(sources, filter: filter, today: today)
        switch format {
        case .csv: try ExportIO.write(ActionListExport.csv(rows), to: output.out, force: output.force)
        case .json: try ExportIO.write(ActionListExport.json(rows), to: output.out, force: output.force)
        }
    }
}

/// The kernen and wijken of all logs together, for checking names typed on the command line.
func mergedReference(_ sources: [ReportSource]) -> ReferenceData {
    var merged = sources.first?.state.reference ?? .empty
    for s in sources.dropFirst() {
        for k in s.state.reference.kernen where merged.kern(named: k.name) == nil { merged.kernen.append(k) }
    }
    return merged
}

struct ExportReport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Voortgangsrapportage voor de stuurgroep over een periode, per kern en per wijk, met de indicatoren uit het plan.",
        discussion: "Meerdere --log (één per kern) worden samengevoegd; elk id krijgt dan de naam van zijn log ervoor."
    )
    @OptionGroup var logs: LogsOption
    @Option(help: "Begin van de periode, JJJJ-MM-DD of DD-MM-JJJJ.") var from: String
    @Option(help: "Eind van de periode (tot en met).") var to: String
    @Option(help: "Alleen deze kern (anders alle kernen met gegevens).") var kern: String?
    @Option(help: "md of html.") var format: DocumentFormat = .md
    @OptionGroup var output: ExportOutputOptions

    func run() throws {
        guard let start = Day(from) else { throw CLIError("--from: " + Text.badDate(from).nl) }
        guard let end = Day(to) else { throw CLIError("--to: " + Text.badDate(to).nl) }
        guard start <= end else { throw CLIError(Text.exportBadPeriod(start.dutch, end.dutch).nl) }
        let sources = try ExportIO.sources(logs.paths, includePersonal: output.includePersonal)
        var kernName: String?
        if let kern {
            let reference = mergedReference(sources)
            guard let k = reference.kern(named: kern) else {
                throw CLIError(Text.unknownKern(kern, known: reference.kernen.map(\.name)).nl)
            }
            kernName = k.name
        }
        let today = ExportIO.today()
        let doc = ProgressReport.document(sources, from: start, to: end, kern: kernName, today: today)
        try ExportIO.write(doc.rendered(format.format), to: output.out, force: output.force)
    }
}

struct ExportCalendar: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: "Agendabestand (.ics) met de vergaderingen (19:30, tijdzone Amsterdam) en de deadlines van acties (hele dag), voor Outlook.",
        discussion: "Opnieuw importeren werkt dezelfde afspraken bij (vaste UID per vergadering en actie). Er staan geen persoonsgegevens van bewoners in."
    )
    @OptionGroup var global: GlobalOptions
    @Option(help: "Alleen deze kern.") var kern: String?
    @OptionGroup var output: ExportOutputOptions

    func run() throws {
        let session = try ExportIO.open(DataLocator.logPath(global.log))
        let kernName = try resolveKern(kern, session)
        try ExportIO.write(CalendarExport.ics(state: session.state, stamp: session.clock(), kern: kernName), to: output.out, force: output.force)
    }
}

struct ExportNewsletter: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "newsletter",
        abstract: "Stukje voor de nieuwsbrief aan professionals: voortgang, wat besproken is, gestarte acties en contactpersonen.",
        discussion: "Bevat nooit persoonsgegevens van bewoners; de contactpersonen zijn de eigenaren van de acties."
    )
    @OptionGroup var global: GlobalOptions
    @Option(help: "De vergadering, bv. V-3.") var meeting: String
    @Option(help: "md of html.") var format: DocumentFormat = .md
    @OptionGroup var output: ExportOutputOptions

    func run() throws {
        let session = try ExportIO.open(DataLocator.logPath(global.log))
        let id = try ExportIO.meeting(meeting, in: session)
        guard let doc = NewsletterExport.document(meeting: id, state: session.state, today: session.today)
        else { throw CLIError(Text.unknownRecord(meeting).nl) }
        try ExportIO.write(doc.rendered(format.format), to: output.out, force: output.force)
    }
}
