import Foundation
import KernteamDomain
import KernteamLog
import KernteamSession
import KernteamTUI
import KernteamTerminal

/// The loop of the full-screen app: key → reducer → effects (log append) → render → terminal.
/// Also folds entries appended by another process on the same log, a few times a second.
struct AppRuntime {
    let session: Session
    let kern: String?
    /// Start in projector mode (`--projector`); `p` toggles it.
    var projector = false
    /// Other logs (one per kern) shown read-only in the history view, with their labels.
    var otherLogs: [(label: String, state: KernteamState)] = []

    func run() throws {
        guard isatty(STDIN_FILENO) != 0, isatty(STDOUT_FILENO) != 0 else { throw CLIError(Text.cliNeedsTTY.text) }
        let terminal = NcursesTerminal()
        terminal.start()
        defer { terminal.stop() }
        let size = terminal.size
        var model = AppModel(cols: size.cols, rows: size.rows, logPath: Self.displayPath(session.path),
                             kern: kern ?? session.state.latestMeeting(kern: nil)?.kern ?? session.state.reference.kernen.first?.name)
        if let warning = openWarning() { model.message = StatusMessage(warning, isError: true) }
        model.projector = projector
        model.monochrome = Self.noColor
        model.asciiCharts = !Charts.localeIsUTF8(ProcessInfo.processInfo.environment)
        model.readOnlyReason = readOnlyReason()
        var lastRefresh = Date()
        while !model.quit {

            terminal.present(Screen(model: model, world: world()).render())
            if terminal.pendingSignal != 0 { break }
            let key = terminal.readKey(timeoutMs: 250)
            if Date().timeIntervalSince(lastRefresh) > 0.3 || key == nil {
                lastRefresh = Date()
                do {
                    if try session.refresh() {
                        _ = Reducer.reduce(&model, .logChanged, world())
                    }
                } catch {
                    model.message = StatusMessage((error as? LogError).map(Session.describe) ?? "\(error)", isError: true)
                }
                model.readOnlyReason = readOnlyReason()
            }
            guard let key else { continue }
            let effects = Reducer.reduce(&model, .key(key), world())
            for effect in effects {
                switch effect {
                case .quit:
                    model.quit = true
                case .prepareMeeting(let draft):
                    switch session.prepareMeeting(kern: draft[.kern] ?? "", date: draft[.date] ?? "", length: draft[.length]) {
                    case .success(let r):
                        _ = Reducer.reduce(&model, .recorded(.success(r.meeting)), world())
                        let id = r.meeting.event.createdID?.description ?? ""
                        _ = Reducer.reduce(&model, .notice(Text.meetingPrepared(id, r.items.count).text, isError: false), world())
                    case .failure(let f):
                        _ = Reducer.reduce(&model, .recorded(.failure(Self.info(f))), world())
                    }
                case let .export(draft, meeting, filter):
                    let result = ExportFromApp.write(draft, meeting: meeting, filter: filter, session: session)
                    _ = Reducer.reduce(&model, .notice(result.message, isError: result.isError), world())
                case .closeMeeting(let id):
                    switch session.closeMeeting(id) {
                    case .success(let r):
                        _ = Reducer.reduce(&model, .recorded(.success(r.logged)), world())
                        _ = Reducer.reduce(&model, .notice(Text.meetingClosedCheckpoint(r.checkpoint.description).text, isError: false), world())
                    case .failure(let f):
                        _ = Reducer.reduce(&model, .notice(f.lines.joined(separator: "; "), isError: true), world())
                    }
                case let .record(kind, draft, meeting, target):
                    let warnings = Validator(state: session.state, today: session.today, settings: session.settings)
                        .warnings(kind, draft).map(\.text)
                    let result = session.record(kind, draft, meeting: meeting, target: target)
                    let mapped: Result<LoggedEvent, RecordFailureInfo> = result.mapError(Self.info)
                    var after = world()
                    if case .success = result { after.warnings = warnings }
                    _ = Reducer.reduce(&model, .recorded(mapped), after)
                    model.readOnlyReason = readOnlyReason()
                }
            }
        }
    }

    /// The world of the last frame, kept while the log does not change so its derived lists stay cached.
    private final class Kept { var world: World?; var seq = -1 }
    private let kept = Kept()

    func world() -> World {
        if kept.world == nil || kept.seq != session.state.lastSeq || kept.world!.today != session.today {
            var w = World(domain: session.state, today: session.today, persons: session.persons, settings: session.settings)
            w.otherLogs = otherLogs
            kept.world = w
            kept.seq = session.state.lastSeq
        }
        var w = kept.world!
        w.persons = session.persons
        w.now = session.clock()
        return w
    }

    static func info(_ failure: RecordFailure) -> RecordFailureInfo {
        switch failure {
        case .refused(let r): .refused(r)
        case .log(let e):
            if case .io = e { .ioFailure(Session.describe(e)) } else { .message(Session.describe(e)) }
        }
    }

    /// `NO_COLOR` (any value) asks for no colours.
    static var noColor: Bool {
        if let v = ProcessInfo.processInfo.environment["NO_COLOR"], !v.isEmpty { return true }
        return false
    }

    func readOnlyReason() -> String? {
        guard let reason = session.log.readOnlyReason else { return nil }
        return Session.describe(reason)
    }

    func openWarning() -> String? {
        if let side = session.log.recoveredTailPath { return Text.tornTailMoved(side).text }
        if let first = session.undecodable.first { return Text.logDamaged(line: first.line, reason: first.problem.description).text }
        return session.storageWarnings.first
    }

    /// The path with the home folder shortened to ~.
    static func displayPath(_ path: String) -> String {
        let home = NSHomeDirectory()
        return path.hasPrefix(home + "/") ? "~" + path.dropFirst(home.count) : path
    }
}

