import ArgumentParser
import Foundation
import KernteamDomain
import KernteamLog
import KernteamReports
import KernteamPostgres
import KernteamSession

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: Text.cliAbstract(.export).text,
        discussion: Text.cliHelp(.aboutExport).text,
        subcommands: [ExportMinutes.self, ExportActions.self, ExportReport.self, ExportCalendar.self, ExportNewsletter.self]
    )
}

/// Where an export goes, and what it may hold.
struct ExportOutputOptions: ParsableArguments {
    @Option(help: .text(.out)) var out: String
    @Flag(help: .text(.force)) var force = false
    @Flag(help: .text(.exportPersonal)) var includePersonal = false
    @Flag(help: ArgumentHelp(Text.safety(.allowDamagedHelp).text)) var allowDamaged = false

    // An empty name would otherwise read as a missing folder.
    func validate() throws {
        if out.isEmpty { throw ValidationError(Text.safety(.outEmpty).text) }
    }
}

/// One or more logs, for the exports that can combine kernen (`--log` once per kern).
struct LogsOption: ParsableArguments {
    @Option(name: .long, help: .text(.logs))
    var log: [String] = []

    var paths: [String] { log.isEmpty ? [DataLocator.logPath(nil)] : log.map { DataLocator.logPath($0) } }
}

enum DocumentFormat: String, ExpressibleByArgument, CaseIterable {
    case md, html
    var format: Document.Format { self == .md ? .markdown : .html }
}

enum ExportIO {
    /// Opens an existing log read-only (an export never creates or changes a log) and settings;
    /// with `asOf`, as it stood at the end of that day. A damaged log stops the export (exit 2),
    /// unless `allowDamaged`: then the note says so. A database address is judged when connecting.
    static func open(_ path: String, asOf: AsOf? = nil, allowDamaged: Bool) throws -> (Session, DamageNote?) {
        if !PostgresTarget.isURI(path) {
            if FirstRun.noLogYet(path) { throw FirstRun.error(path) }
            // A link to nothing, a FIFO or a folder is not "missing": opening says what it is.
            guard FileManager.default.fileExists(atPath: path) || OpeningRules.nonRegularKind(at: path) != nil else {
                throw CLIError(Text.exportLogMissing(path).text)
            }
        }
        let session: Session
        do {
            session = try Progress.openReadOnly(path, asOf: asOf)
        } catch let e as LogError {
            throw CLIError(Session.describe(e, reading: true) + " (\(PostgresTarget(path)?.display ?? path))")
        }
        let note = try ReadGuard.check(session, path: path, allowDamaged: allowDamaged)
        session.settings = try DataLocator.settings()
        return (session, note)
    }

    /// The logs as report sources, each labelled by its kern (or file name), personal data only when asked.
    static func sources(_ paths: [String], includePersonal: Bool, asOf: AsOf? = nil, allowDamaged: Bool) throws -> ([ReportSource], DamageNote?) {
        let opened = try paths.map { try open($0, asOf: asOf, allowDamaged: allowDamaged) }
        let sessions = opened.map(\.0)
        let labels = ReportSource.uniqueLabels(zip(sessions, paths).map { s, p in
            ReportSource.label(for: s.state, fallback: PathName.baseName(of: p))
        })
        if sessions.count > 1 { printError(Text.exportCombined(labels).text) }
        let sources = zip(sessions, labels).map { ReportSource(state: $0.state, persons: includePersonal ? $0.persons : nil, label: $1) }
        return (sources, opened.compactMap(\.1).first)
    }

    /// A document made from a damaged log (`--allow-damaged`) says so at its top.
    static func noted(_ doc: Document, _ note: DamageNote?) -> Document {
        guard let note else { return doc }
        var noted = doc
        noted.blocks.insert(.note(note.text), at: 0)
        return noted
    }

    /// After writing from a damaged log: the exit status stays 2.
    static func finish(_ note: DamageNote?) throws {
        if note != nil { throw ExitCode(ExitStatus.damaged) }
    }

    /// Today (`--today`, else the local date).
    static func today() -> Day { Today.day() }

    /// `--as-of` as typed, or nil; a bad date exits 1 with the reason.
    static func asOf(_ text: String?) throws -> AsOf? {
        guard let text else { return nil }
        guard let day = Day(text) else { throw CLIError("--as-of: " + Text.badDate(text).text) }
        return AsOf(day)
    }

    /// A meeting's minutes and newsletter look at the log as it stood when the meeting was (last)
    /// closed; a meeting not closed, at the end of its day when that has passed, else now.
    static func meetingAsOf(_ id: RecordID, in session: Session) -> AsOf? {
        if let close = session.state.meetingSeals[id]?.last, session.state.meetingClosed[id] != nil {
            return AsOf(through: close.timestamp)
        }
        guard let date = session.state.meetings[id]?.value.date, date < today() else { return nil }
        return AsOf(date)
    }

    /// The state and the day a meeting document describes: `--as-of`, else `meetingAsOf`.
    static func meetingState(_ id: RecordID, in session: Session, asOf text: String?) throws -> (state: KernteamState, day: Day) {
        guard let cut = try asOf(text) ?? meetingAsOf(id, in: session) else { return (session.state, today()) }
        do { return (try session.state(asOf: cut), cut.day) } catch let e as LogError { throw CLIError(Session.describe(e)) }
    }

    static func meeting(_ text: String, in session: Session) throws -> RecordID {
        let id = try parseID(text, [.meeting])
        guard session.state.meetings.contains(id) else { throw CLIError(Text.unknownRecord(text).text) }
        return id
    }

    /// Writes a document (see `DocumentWriter`: temporary file, fsync, rename; only a regular file
    /// is replaced, and only with `force`). No control character reaches the file, whatever the format.
    /// `register`: the logs it was made from, noted in each log's register of documents (`ExportRegister`)
    /// with what it is and whether it holds personal data, so an erasure can point to it later.
    static func write(_ bytes: [UInt8], to path: String, force: Bool, quiet: Bool = false,
                      register: (logs: [String], kind: String, personal: Bool)? = nil) throws {
        let clean = Array(ControlPictures.document(String(decoding: bytes, as: UTF8.self)).utf8)
        try DocumentWriter.write(clean, to: path, force: force)
        if let register {
            for log in register.logs { ExportRegister(logPath: log).note(document: path, kind: register.kind, personal: register.personal, at: Date()) }
        }
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

    static func write(_ text: String, to path: String, force: Bool, quiet: Bool = false,
                      register: (logs: [String], kind: String, personal: Bool)? = nil) throws {
        try write(Array(text.utf8), to: path, force: force, quiet: quiet, register: register)
    }
}

struct ExportMinutes: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "minutes",
        abstract: Text.cliAbstract(.exportMinutes).text
    )
    @OptionGroup var global: GlobalOptions
    @Option(help: .text(.exportMeeting)) var meeting: String
    @Option(help: .text(.mdOrHTMLLong)) var format: DocumentFormat = .md
    @Option(name: .customLong("as-of"), help: .text(.asOfMinutes)) var asOf: String?
    @OptionGroup var output: ExportOutputOptions

    func run() throws {
        let (session, note) = try ExportIO.open(DataLocator.logPath(global.log), allowDamaged: output.allowDamaged)
        let id = try ExportIO.meeting(meeting, in: session)
        let (state, day) = try ExportIO.meetingState(id, in: session, asOf: asOf)
        guard state.meetings.contains(id) else { throw CLIError(Text.unknownRecord(meeting).text) }
        guard let doc = MinutesExport.document(meeting: id, state: state, today: day,
                                               persons: output.includePersonal ? session.persons : nil,
                                               charts: format.format == .html, generated: ExportIO.today())
        else { throw CLIError(Text.unknownRecord(meeting).text) }
        try ExportIO.write(ExportIO.noted(doc, note).rendered(format.format), to: output.out, force: output.force,
                           register: ([DataLocator.logPath(global.log)], "notulen", output.includePersonal))
        try ExportIO.finish(note)
    }
}

struct ExportActions: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "actions",
        abstract: Text.cliAbstract(.exportActions).text,
        discussion: Text.cliHelp(.aboutActionList).text
    )
    enum Format: String, ExpressibleByArgument, CaseIterable { case csv, json }

    @OptionGroup var logs: LogsOption
    @Option(help: .text(.csvOrJSON)) var format: Format = .csv
    @Option(help: .text(.onlyKern)) var kern: String?
    @Option(help: .text(.onlyWijk)) var wijk: String?
    @OptionGroup var asOf: AsOfOption
    @OptionGroup var output: ExportOutputOptions

    func run() throws {
        let cut = try asOf.parsed()
        let (sources, note) = try ExportIO.sources(logs.paths, includePersonal: output.includePersonal, asOf: cut, allowDamaged: output.allowDamaged)
        let reference = mergedReference(sources)
        var filter = ActionFilter()
        if let kern {
            guard let k = reference.kern(named: kern) else {
                throw CLIError(Text.unknownKern(kern, known: reference.kernen.map(\.name)).text)
            }
            filter.kern = k.name
        }
        if let wijk {
            guard let place = reference.place(named: wijk) else { throw CLIError(Text.unknownWijk(wijk, known: reference.wijkNames).text) }
            guard let w = place.wijk else { throw CLIError(Text.wijkNotKern(place.kern).text) }
            filter.wijk = w
        }
        let rows = ActionListExport.rows(sources, filter: filter, today: cut?.day ?? ExportIO.today(), settings: try DataLocator.settings())
        switch format {
        case .csv: try ExportIO.write(ActionListExport.csv(rows, note: note?.text), to: output.out, force: output.force,
                                      register: (logs.paths, "actielijst", output.includePersonal))
        // The rows `list actions --format json` writes, by the same writer (docs/json.md); from a
        // damaged log (--allow-damaged) inside `{"damaged": …, "records": […]}`.
        case .json: try ExportIO.write(TerminalSafeJSON.format(ReadGuard.json(try JSONTree.value(rows), note)) + "\n", to: output.out,
                                       force: output.force, register: (logs.paths, "actielijst", output.includePersonal))
        }
        try ExportIO.finish(note)
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
        abstract: Text.cliAbstract(.exportReport).text,
        discussion: Text.cliHelp(.aboutReport).text
    )
    @OptionGroup var logs: LogsOption
    @Option(help: .text(.periodFrom)) var from: String
    @Option(help: .text(.periodTo)) var to: String
    @Option(help: .text(.onlyKernElseAll)) var kern: String?
    @Option(help: .text(.mdOrHTML)) var format: DocumentFormat = .md
    @Option(name: .customLong("as-of"), help: .text(.asOfReport)) var asOf: String?
    @OptionGroup var output: ExportOutputOptions

    func run() throws {
        guard let start = Day(from) else { throw CLIError("--from: " + Text.badDate(from).text) }
        guard let end = Day(to) else { throw CLIError("--to: " + Text.badDate(to).text) }
        guard start <= end else { throw CLIError(Text.exportBadPeriod(start.dutch, end.dutch).text) }
        // The report describes its period as it stood at the end of it (or today, when that is earlier).
        let cut = try ExportIO.asOf(asOf) ?? AsOf(min(end, ExportIO.today()))
        let (sources, note) = try ExportIO.sources(logs.paths, includePersonal: output.includePersonal, asOf: cut, allowDamaged: output.allowDamaged)
        var kernName: String?
        if let kern {
            let reference = mergedReference(sources)
            guard let k = reference.kern(named: kern) else {
                throw CLIError(Text.unknownKern(kern, known: reference.kernen.map(\.name)).text)
            }
            kernName = k.name
        }
        let doc = ProgressReport.document(sources, from: start, to: end, kern: kernName, today: cut.day, charts: format.format == .html,
                                          generated: ExportIO.today(), averages: try DataLocator.averages())
        try ExportIO.write(ExportIO.noted(doc, note).rendered(format.format), to: output.out, force: output.force,
                           register: (logs.paths, "rapportage", output.includePersonal))
        try ExportIO.finish(note)
    }
}

struct ExportCalendar: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: Text.cliAbstract(.exportCalendar).text,
        discussion: Text.cliHelp(.aboutCalendar).text
    )
    @OptionGroup var global: GlobalOptions
    @Option(help: .text(.onlyKern)) var kern: String?
    @OptionGroup var asOf: AsOfOption
    @OptionGroup var output: ExportOutputOptions

    func run() throws {
        let (session, note) = try ExportIO.open(DataLocator.logPath(global.log), asOf: try asOf.parsed(), allowDamaged: output.allowDamaged)
        let kernName = try resolveKern(kern, session)
        var ics = CalendarExport.ics(state: session.state, identity: session.logIdentity, stamp: session.clock(), kern: kernName,
                                     places: session.settings.meetingPlaces)
        if let note, let end = ics.range(of: "\r\n") {
            // The calendar's description says it is incomplete (shown by most calendar programs).
            ics.insert(contentsOf: CalendarExport.fold("X-WR-CALDESC:" + CalendarExport.escape(note.text)) + "\r\n", at: end.upperBound)
        }
        try ExportIO.write(ics, to: output.out, force: output.force,
                           register: ([DataLocator.logPath(global.log)], "agenda", output.includePersonal))
        try ExportIO.finish(note)
    }
}

struct ExportNewsletter: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "newsletter",
        abstract: Text.cliAbstract(.exportNewsletter).text,
        discussion: Text.cliHelp(.aboutNewsletter).text
    )
    @OptionGroup var global: GlobalOptions
    @Option(help: .text(.exportMeeting)) var meeting: String
    @Option(help: .text(.mdOrHTML)) var format: DocumentFormat = .md
    @Option(name: .customLong("as-of"), help: .text(.asOfNewsletter)) var asOf: String?
    @OptionGroup var output: ExportOutputOptions

    func run() throws {
        let (session, note) = try ExportIO.open(DataLocator.logPath(global.log), allowDamaged: output.allowDamaged)
        let id = try ExportIO.meeting(meeting, in: session)
        let (state, day) = try ExportIO.meetingState(id, in: session, asOf: asOf)
        guard state.meetings.contains(id) else { throw CLIError(Text.unknownRecord(meeting).text) }
        guard let doc = NewsletterExport.document(meeting: id, state: state, today: day, generated: ExportIO.today())
        else { throw CLIError(Text.unknownRecord(meeting).text) }
        try ExportIO.write(ExportIO.noted(doc, note).rendered(format.format), to: output.out, force: output.force,
                           register: ([DataLocator.logPath(global.log)], "nieuwsbrief", output.includePersonal))
        try ExportIO.finish(note)
    }
}
