import Foundation
import KernteamDomain

/// What the screen asks of the session (the log). Each command is carried out off the input loop and
/// answered with a `SessionReply`.
public enum SessionCommand: Hashable, Sendable {
    /// Validate a draft and append its entry.
    case record(DraftKind, Draft, meeting: RecordID?, target: RecordID?)
    /// Plan a meeting and let the program propose its agenda.
    case prepareMeeting(Draft)
    /// Close a meeting (records a checkpoint).
    case closeMeeting(RecordID)
    /// Write a document (notulen, actielijst, rapportage, agenda, nieuwsbrief) from the history view;
    /// an existing file is replaced only when `replace` says so (the user was asked).
    case export(Draft, meeting: RecordID?, filter: HistoryFilter, replace: Bool)
    /// Correct a record or an entry without an id: the fields in the draft get new values.
    case correct(EntryRef, Draft, reason: String?)
    /// Withdraw a record or an entry without an id, with a reason.
    case withdraw(EntryRef, reason: String)
    /// The log as it stood at the end of a day (nil: as it stands now), for the history and the dashboard.
    case lookBack(Day?)
}

/// A failed append as the reducer needs it: a refusal per field, or a plain message.
public enum RecordFailureInfo: Error, Sendable, Hashable {
    case refused(Refusal)
    case message(String)
    /// The log could not be written (disk full, read-only, I/O error): nothing is saved until it can.
    case ioFailure(String)

    /// One line per problem, in words the user can act on.
    public var lines: [String] {
        switch self {
        case .refused(let r): r.lines
        case .message(let m), .ioFailure(let m): [m]
        }
    }
}

/// The answer to a `SessionCommand`.
public enum SessionReply: Sendable {
    /// An entry was appended (or refused), with the warnings that came with it (e.g. a priority in a beheerwijk).
    case recorded(Result<LoggedEvent, RecordFailureInfo>, warnings: [String])
    /// A meeting was planned with this many agenda items proposed.
    case meetingPrepared(Result<(meeting: LoggedEvent, items: Int), RecordFailureInfo>)
    /// A meeting was closed; the checkpoint to keep outside the log.
    case meetingClosed(Result<(logged: LoggedEvent, checkpoint: String), RecordFailureInfo>)
    /// A document was written (its path) or not (why).
    case exported(Result<String, RecordFailureInfo>)
    /// The log as it stood at the end of a day (nil when the screen is to show now again).
    case lookedBack(Result<PastState?, RecordFailureInfo>)
}

/// The log folded as it stood at the end of a day: what the history and the dashboard show when the
/// user looks back.
public struct PastState: Sendable {
    public var day: Day
    public var state: KernteamState
    public init(day: Day, state: KernteamState) { self.day = day; self.state = state }
}

/// What the screen shows of a session: the folded log and what comes with it. Sent with every answer,
/// so the screen never reads the session itself.
public struct SessionView: Sendable {
    public var state: KernteamState
    public var today: Day
    public var persons: [PersonRef: PersonalData]
    public var settings: Settings
    /// Why the log cannot be written now, if it cannot.
    public var readOnlyReason: String?
    /// Other logs shown read-only in the history, with a label each.
    public var otherLogs: [(label: String, state: KernteamState)]
    /// Something to tell the user once, not an error (e.g. the database is reachable again).
    public var notice: String?

    /// Who this window is: the chair's window moves the meeting, the secretary's records.
    public var role: Role

    public init(state: KernteamState, today: Day, persons: [PersonRef: PersonalData] = [:], settings: Settings = Settings(),
                readOnlyReason: String? = nil, otherLogs: [(label: String, state: KernteamState)] = [], notice: String? = nil,
                role: Role = .voorzitter) {
        self.notice = notice
        self.role = role
        self.state = state
        self.today = today
        self.persons = persons
        self.settings = settings
        self.readOnlyReason = readOnlyReason
        self.otherLogs = otherLogs
    }
}

/// Everything the reducer reacts to: keys, the clock, and the answers to the effects it asked for.
public enum Msg: Sendable {
    case key(Key)
    /// The clock moved on (timers on screen); also the moment to look for others' entries.
    case tick(Date)
    /// Reading the log at start: bytes done of bytes in all.
    case progress(done: Int, total: Int)
    /// The log is open (with a warning to show, if any), or could not be opened (why).
    case opened(Result<SessionView, RecordFailureInfo>, warning: String?)
    /// A command was carried out; the session as it is now.
    case replied(SessionReply, SessionView)
    /// The log was read again for others' entries: `changed` says whether any came.
    case refreshed(SessionView, changed: Bool, error: String?)
    /// A termination signal arrived: stop as after `q`.
    case terminate
}

/// What the reducer asks the program to do. Every effect's result comes back as a `Msg`.
public enum Effect: Hashable, Sendable {
    /// Read the log the program was started on (answered by `opened`).
    case open
    case session(SessionCommand)
    /// Read what other processes appended to the log.
    case refresh
    case quit
}
