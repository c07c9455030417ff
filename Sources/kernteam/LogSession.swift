import Foundation
import KernteamApp
import KernteamDomain
import KernteamLog
import KernteamSession
import KernteamTUI

/// The screen's session on the log (a file, or a stream in PostgreSQL): the port over `Session` that the program uses off the input
/// loop (record, the meeting flow, exports, others' entries).
final class LogSession: SessionPort, @unchecked Sendable {
    let session: Session
    let otherLogs: [(label: String, state: KernteamState)]
    let openWarning: String?

    /// `warning`: said when the log itself gives nothing to warn about (e.g. averages that cannot be used).
    init(session: Session, otherLogs: [(label: String, state: KernteamState)] = [], warning: String? = nil) {
        self.session = session
        self.otherLogs = otherLogs
        if let side = session.log.recoveredTailPath {
            openWarning = Text.tornTailMoved(side).text
        } else if let first = session.undecodable.first {
            openWarning = Text.logDamaged(line: first.line, reason: first.problem.description).text
        } else {
            openWarning = session.storageWarnings.first ?? warning
        }
    }

    /// Said once with the next view: the database is reachable again.
    private var pendingNotice: String?

    /// Where snapshots of the state are written, one at a time, off the session's own work.
    private let snapshots = DispatchQueue(label: "kernteam.snapshot", qos: .utility)

    /// After opening: a snapshot when the open folded enough lines to be worth one next time.
    func didOpen() {
        guard session.linesFoldedAtOpen >= Self.linesWorthASnapshot else { return }
        keepSnapshot()
    }

    /// At quit: the state as it is now, unless the last snapshot already holds it (waits for it).
    func willStop() {
        keepSnapshot()
        snapshots.sync {}
    }

    /// Opening folds this many lines in a few tens of milliseconds: a smaller log gets no snapshot.
    static let linesWorthASnapshot = 20_000

    /// Writes a snapshot in the background, for a log large enough to be worth one.
    private func keepSnapshot() {
        guard session.state.lastSeq >= Self.linesWorthASnapshot, let job = session.snapshotJob() else { return }
        snapshots.async { _ = job() }
    }

    func view() -> SessionView {
        defer { pendingNotice = nil }
        return SessionView(state: session.state, today: session.today, persons: session.persons, settings: session.settings,
                           readOnlyReason: Self.readOnlyReason(session), otherLogs: otherLogs, notice: pendingNotice, role: session.role)
    }

    /// Why nothing can be appended: a line that cannot be read makes the log read-only too.
    static func readOnlyReason(_ session: Session) -> String? {
        if let issue = session.firstProblem { return Session.describe(.damaged(issue)) }
        return session.log.readOnlyReason.map(Session.describe)
    }

    func perform(_ command: SessionCommand) -> SessionReply {
        switch command {
        case let .record(kind, draft, meeting, target):
            let warnings = Validator(state: session.state, today: session.today, settings: session.settings).warnings(kind, draft).map(\.text)
            let result = session.record(kind, draft, meeting: meeting, target: target).mapError(Self.info)
            if case .success = result { return .recorded(result, warnings: warnings) }
            return .recorded(result, warnings: [])
        case .prepareMeeting(let draft):
            let result = session.prepareMeeting(kern: draft[.kern] ?? "", date: draft[.date] ?? "", length: draft[.length])
            return .meetingPrepared(result.map { ($0.meeting, $0.items.count) }.mapError(Self.info))
        case .closeMeeting(let id):
            let result = session.closeMeeting(id)
            // A meeting closed: a moment to keep the state, in the background.
            if case .success = result { keepSnapshot() }
            return .meetingClosed(result.map { ($0.logged, $0.checkpoint.description) }.mapError(Self.info))
        case let .export(draft, meeting, filter, replace):
            return .exported(ExportFromApp.write(draft, meeting: meeting, filter: filter, replace: replace, session: session))
        case let .correct(target, changes, reason):
            return .recorded(session.correct(target, changes, reason: reason).mapError(Self.info), warnings: [])
        case let .withdraw(target, reason):
            return .recorded(session.withdraw(target, reason: reason).mapError(Self.info), warnings: [])
        case .lookBack(let day):
            guard let day else { return .lookedBack(.success(nil)) }
            do { return .lookedBack(.success(PastState(day: day, state: try session.state(asOf: AsOf(day))))) }
            catch let e as LogError { return .lookedBack(.failure(.message(Session.describe(e)))) }
            catch { return .lookedBack(.failure(.message("\(error)"))) }
        }
    }

    /// Others' entries; on a log in PostgreSQL also the moment a lost server is reconnected to (in the
    /// background), which the screen then says.
    func refresh() throws -> Bool {
        let wasCutOff = Self.isCutOff(session.log.readOnlyReason)
        defer { if wasCutOff && !Self.isCutOff(session.log.readOnlyReason) { pendingNotice = Text.dbReconnected.text } }
        return try session.refresh()
    }

    /// The log's server cannot be reached (the store reconnects by itself).
    static func isCutOff(_ reason: LogError?) -> Bool {
        if case .unreachable? = reason { return true }
        return false
    }

    func describe(_ error: Error) -> String { (error as? LogError).map(Session.describe) ?? "\(error)" }

    static func info(_ failure: RecordFailure) -> RecordFailureInfo {
        switch failure {
        case .refused(let r): .refused(r)
        case .log(let e):
            switch e {
            // Nothing was saved and the form keeps its text until the log can be written again.
            case .io, .unreachable, .commitUnknown: .ioFailure(Session.describe(e))
            default: .message(Session.describe(e))
            }
        }
    }
}
