import Foundation
import KernteamDomain
import KernteamTUI

/// A session kept in memory: the same rules as the log (`Validator`), entries folded into a state and
/// never written anywhere. For tests of the screen and for trying it out without a file. There is no
/// hash chain in memory, so the checkpoint of a closed meeting names only the sequence number.
public final class InMemorySession: SessionPort, @unchecked Sendable {
    private let lock = NSLock()
    private var state: KernteamState
    /// Every entry folded into `state` that is known as an entry (for looking back).
    private var entries: [LoggedEvent]
    private var persons: [PersonRef: PersonalData]
    public var today: Day
    public var settings: Settings
    public var role: Role
    private let clock: @Sendable () -> Date
    /// Entries "another process" appended, read at the next refresh.
    private var others: [Event] = []
    /// When set, every command fails with this (a full disk, a read-only log) and nothing is recorded.
    public var failure: RecordFailureInfo?
    public var readOnlyReason: String?
    public var openWarning: String?
    /// Documents asked for (in memory nothing is written).
    public private(set) var exports: [(draft: Draft, meeting: RecordID?, filter: HistoryFilter)] = []
    /// Files a test says exist already (an export to one asks before replacing it).
    public var existingFiles: Set<String> = []
    /// A failure every export meets (a test of the form kept on an error).
    public var exportFailure: String?

    /// `entries`, when given, are the entries `state` was folded from (so looking back can fold them again).
    public init(state: KernteamState, today: Day, persons: [PersonRef: PersonalData] = [:], settings: Settings = Settings(),
                role: Role = .secretaris, clock: @escaping @Sendable () -> Date = { Date() }, entries: [LoggedEvent] = []) {
        self.entries = entries
        self.state = state
        self.today = today
        self.persons = persons
        self.settings = settings
        self.role = role
        self.clock = clock
    }

    /// The state as folded so far.
    public var current: KernteamState { lock.lock(); defer { lock.unlock() }; return state }

    public func view() -> SessionView {
        lock.lock(); defer { lock.unlock() }
        return SessionView(state: state, today: today, persons: persons, settings: settings, readOnlyReason: readOnlyReason, role: role)
    }

    /// An entry written by someone else, seen at the next refresh.
    public func appendByOther(_ event: Event) {
        lock.lock(); others.append(event); lock.unlock()
    }

    public func refresh() throws -> Bool {
        lock.lock(); defer { lock.unlock() }
        let new = others
        others = []
        for event in new { apply(event) }
        return !new.isEmpty
    }

    public func describe(_ error: Error) -> String { "\(error)" }

    public func perform(_ command: SessionCommand) -> SessionReply {
        lock.lock(); defer { lock.unlock() }
        switch command {
        case let .record(kind, draft, meeting, target):
            let warnings = Validator(state: state, today: today, settings: settings).warnings(kind, draft).map(\.text)
            let result = record(kind, draft, meeting: meeting, target: target)
            if case .success = result { return .recorded(result, warnings: warnings) }
            return .recorded(result, warnings: [])
        case .prepareMeeting(let draft):
            switch record(.meeting, draft) {
            case .failure(let f): return .meetingPrepared(.failure(f))
            case .success(let meeting):
                guard case .meetingHeld(let m) = meeting.event else { return .meetingPrepared(.failure(.message("meeting"))) }
                var items = 0
                for d in state.proposedAgendaDrafts(for: m, today: today, settings: settings) {
                    if case .failure(let f) = record(.agendaItem, d) { return .meetingPrepared(.failure(f)) }
                    items += 1
                }
                return .meetingPrepared(.success((meeting, items)))
            }
        case .closeMeeting(let id):
            guard state.meetings.contains(id) else { return .meetingClosed(.failure(.refused(Refusal(.meeting, .unknownRecord(id.description))))) }
            if state.phase(of: id) == .closed { return .meetingClosed(.failure(.refused(Refusal(.meeting, .meetingClosed(id.description))))) }
            if let current = state.currentItem(id),
               case .failure(let f) = record(.endItem, Draft([.outcome: ItemOutcome.besproken.rawValue]), target: current.id) {
                return .meetingClosed(.failure(f))
            }
            if let failure { return .meetingClosed(.failure(failure)) }
            let seq = state.lastSeq
            let logged = apply(.meetingClosed(MeetingClosed(ref: id, checkpointSeq: seq, checkpointHash: String(repeating: "0", count: 64))))
            return .meetingClosed(.success((logged, "\(seq)")))
        case let .export(draft, meeting, filter, replace):
            // Nothing is written in memory; the request is kept for whoever looks. A file named in
            // `existingFiles` stands for one already on disk.
            let file = draft[.file] ?? ""
            if !replace, existingFiles.contains(file) { return .exported(.failure(.refused(Refusal(.file, .exportFileReplace(file))))) }
            if let failure = exportFailure { return .exported(.failure(.message(failure))) }
            exports.append((draft, meeting, filter))
            return .exported(.success(file))
        case let .correct(target, changes, reason):
            return .recorded(appendValidated { $0.validateCorrection(target, changes, reason: reason) }, warnings: [])
        case let .withdraw(target, reason):
            return .recorded(appendValidated { $0.validateWithdrawal(target, reason: reason) }, warnings: [])
        case .lookBack(let day):
            guard let day else { return .lookedBack(.success(nil)) }
            // What this session appended, and what it was started with when that was given as entries.
            let cut = AsOf(day)
            return .lookedBack(.success(PastState(day: day, state: KernteamState(folding: entries.filter { cut.includes(timestamp: $0.timestamp) }))))
        }
    }

    private func record(_ kind: DraftKind, _ draft: Draft, meeting: RecordID? = nil, target: RecordID? = nil) -> Result<LoggedEvent, RecordFailureInfo> {
        if let failure { return .failure(failure) }
        // As on the log: a budget without a decision is allocated by a stuurgroep decision recorded first.
        if kind == .budget, draft[.decision] == nil {
            if case .failure(let r) = Validator(state: state, today: today, settings: settings).validate(kind, draft, meeting: meeting, target: target) {
                return .failure(.refused(r))
            }
            let amount = Money(draft[.amount] ?? "")?.dutch ?? draft[.amount] ?? ""
            let text = Text.budgetDecisionText(amount: amount, place: draft[.wijk] ?? "", year: draft[.year] ?? "").nl
            switch record(.decision, Draft([.wijk: draft[.wijk] ?? "", .text: text, .body: DecisionBody.stuurgroep.rawValue])) {
            case .failure(let f): return .failure(f)
            case .success(let logged):
                var withDecision = draft
                withDecision[.decision] = logged.event.createdID?.description
                return record(kind, withDecision, meeting: meeting, target: target)
            }
        }
        return appendValidated { $0.validate(kind, draft, meeting: meeting, target: target) }
    }

    private func appendValidated(_ validate: (Validator) -> Result<Event, Refusal>) -> Result<LoggedEvent, RecordFailureInfo> {
        if let failure { return .failure(failure) }
        switch validate(Validator(state: state, today: today, settings: settings)) {
        case .failure(let refusal): return .failure(.refused(refusal))
        case .success(let event): return .success(apply(event))
        }
    }

    @discardableResult
    private func apply(_ event: Event) -> LoggedEvent {
        let logged = LoggedEvent(seq: state.lastSeq + 1, timestamp: Self.timestamp(clock()), role: role, event: event)
        state.apply(logged)
        entries.append(logged)
        return logged
    }

    static func timestamp(_ date: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: date)
    }
}
