import Foundation
import KernteamDomain
import KernteamLog
import KernteamCodec
import KernteamPostgres

/// Why recording an entry did not happen. Nothing was appended in either case.
public enum RecordFailure: Error, Sendable, Equatable {
    case refused(Refusal)
    case log(LogError)

    /// Dutch message lines that say what to fix.
    public var lines: [String] {
        switch self {
        case .refused(let r): r.lines
        case .log(let e): [Session.describe(e)]
        }
    }
}

/// An open log and the state folded from it. Both the CLI and the full-screen app work through a
/// session: it validates a draft against the latest state (after reading what other processes
/// appended, under the append lock) and appends the resulting event durably.
public final class Session: @unchecked Sendable {
    /// The log file, or the log's stream in PostgreSQL: the session works the same on either.
    public let log: any AppendOnlyLog
    public internal(set) var state: KernteamState
    /// Lines whose header and chain are fine but whose event cannot be decoded.
    public private(set) var undecodable: [LineIssue] = []
    public var role: Role
    public let clock: @Sendable () -> Date
    /// Residents' personal data, outside the log (see PersonalStore).
    public let personal: PersonalStore
    public private(set) var persons: [PersonRef: PersonalData] = [:]
    /// Policy settings (recurrence window, retention, initiative term) from `Data/settings.json`.
    public var settings = Settings()
    /// Which entries the state holds, by timestamp: all, unless the session looks back (`asOf`).
    private var keep: ((String) -> Bool)?
    /// Ids of records in lines a fold left out (looking back to a date), to see an id given twice.
    private var skippedIDs = Set<RecordID>()
    /// Makes references for new person records; random unless a test or the demo story fixes it.
    public var makePersonRef: () -> PersonRef = { PersonalStore.randomRef() }

    /// Where the log is: a file path, or the database address without its password.
    public var path: String { log.location }

    private init(log: any AppendOnlyLog, state: KernteamState, role: Role, clock: @escaping @Sendable () -> Date) {
        self.log = log
        self.state = state
        self.role = role
        self.clock = clock
        self.personal = PersonalStore.forLog(log)
        self.persons = personal.loadAll()
    }

    /// Opens the log at `path`, creating it with `reference` as its first entry when it does not exist.
    /// A new log gets a random identity in that entry (`LogIdentity`) unless `reference` names one, or
    /// `newIdentity` is false (the demo story, whose shipped file predates identities).
    /// `progress` hears how far reading a large log is (bytes done, bytes in all), for a progress line.
    /// With `asOf` (read-only only) the state is the log as it stood at the end of that day.
    /// With `useSnapshot` (the default) a snapshot beside a log file that fits it is read instead of
    /// the lines it covers (`Snapshot`).
    public static func open(path: String, reference: ReferenceData?, role: Role = .secretaris, readOnly: Bool = false,
                            clock: @escaping @Sendable () -> Date = { Date() }, newIdentity: Bool = true, asOf: AsOf? = nil,
                            useSnapshot: Bool = true,
                            progress: ((_ done: Int, _ total: Int) -> Void)? = nil) throws -> Session {
        precondition(asOf == nil || readOnly, "a state of the past is for reading only")
        let keep: ((String) -> Bool)? = asOf.map { cut in { cut.includes(timestamp: $0) } }
        let genesis: (() throws -> (body: [UInt8], role: String, timestamp: String))? = reference.map { ref in
            {
                var first = ref
                if newIdentity && first.logID == nil { first.logID = LogIdentity.random() }
                return (try EventCoding.body(of: .referenceSet(first)), Role.systeem.rawValue, Session.timestamp(clock()))
            }
        }
        var bulkState: (state: KernteamState, undecodable: [LineIssue], skipped: Set<RecordID>)?
        let bulk: (MappedFile) -> Void = { file in
            var state = KernteamState()
            let folded = foldMapped(file, into: &state, keep: keep, progress: progress)
            bulkState = (state, folded.undecodable, folded.skipped)
        }
        let log: any AppendOnlyLog
        let lines: [LogLine]
        // A snapshot of the same log (never for a look back to a date): the lines after it are all that is read.
        let snapshot = asOf == nil && useSnapshot ? Snapshot.load(logPath: path) : nil
        var resumed: KernteamState?
        if let target = PostgresTarget(path) {
            let pg: PostgresLog
            (pg, lines) = try PostgresLog.open(target: target, genesis: genesis, readOnly: readOnly, bulk: bulk,
                                               resume: snapshot.map { ($0.point, $0.identity) }, progress: progress)
            log = pg
        } else {
            let fits = snapshot.map { $0.identity == Snapshot.identity(logPath: path) } ?? false
            let file: LogFile
            (file, lines) = try LogFile.open(path: path, genesis: genesis, readOnly: readOnly, bulk: bulk,
                                             resume: fits ? snapshot?.point : nil)
            log = file
        }
        if (log as? LogFile)?.resumed ?? (log as? PostgresLog)?.resumed ?? false {
            // The log (a file, or the stream on the server) holds the snapshot's line: the snapshot's own
            // bytes decide now. Any doubt about them and the log is read from its start instead.
            guard let state = try? snapshot?.state(), state.lastSeq == snapshot?.point.seq else {
                return try open(path: path, reference: reference, role: role, readOnly: readOnly, clock: clock,
                                newIdentity: newIdentity, asOf: asOf, useSnapshot: false, progress: progress)
            }
            resumed = state
        }
        let session = Session(log: log, state: resumed ?? bulkState?.state ?? KernteamState(), role: role, clock: clock)
        session.snapshotSeq = resumed?.lastSeq ?? 0
        session.openedFromSnapshot = resumed != nil
        session.undecodable = bulkState?.undecodable ?? []
        session.skippedIDs = bulkState?.skipped ?? []
        session.keep = keep
        session.fold(lines)
        return session
    }

    func reloadPersons() { persons = personal.loadAll() }

    /// The state was read from a snapshot beside the log, and only the lines after it were folded.
    public private(set) var openedFromSnapshot = false
    /// The sequence number the last snapshot read or written stands at (0: none).
    public private(set) var snapshotSeq = 0
    /// How many lines were folded when the log was opened: all of them, or those after its snapshot.
    public var linesFoldedAtOpen: Int { state.lastSeq - snapshotSeq }

    /// A snapshot of the state as it is now, to be written off the caller's thread: nil when there is
    /// nothing new since the last one, or the state may not be kept (a look back to a date, a line that
    /// could not be read, lines read but not yet folded). A log on a server gets its snapshot on this
    /// computer (`Snapshot.path(forLog:)`).
    public func snapshotJob() -> (@Sendable () -> Bool)? {
        guard keep == nil, firstProblem == nil, state.lastSeq > 0, state.lastSeq != snapshotSeq else { return nil }
        let state = self.state, path = self.path
        if let file = log as? LogFile, !file.hasUnhandedLines, state.lastSeq == file.headSeq {
            let seq = file.headSeq, hash = file.headHash, end = file.readOffset
            snapshotSeq = seq
            return { Snapshot.write(state, logPath: path, seq: seq, hash: hash, end: end) }
        }
        // A stream on a server: kept on this computer, tied to the stream's first line and its line `seq`.
        if let pg = log as? PostgresLog, pg.isIntact, !pg.hasUnhandedLines, state.lastSeq == pg.headSeq,
           let identity = pg.firstLineHash() {
            let point = ResumePoint(seq: pg.headSeq, start: 0, end: 0, hash: pg.headHash)
            snapshotSeq = point.seq
            let target = Snapshot.path(forLog: path)
            return { Snapshot.write(state, to: target, identity: identity, point: point) }
        }
        return nil
    }

    /// Folds lines read while holding the append lock (used by multi-step appends).
    func foldLines(_ lines: [LogLine]) { fold(lines) }

    /// Folds lines appended by other processes since the last look. Returns true when anything changed.
    @discardableResult
    public func refresh() throws -> Bool {
        guard log.mayHaveNews() else { return false }
        let lines = try log.readNew()
        fold(lines)
        if !lines.isEmpty { persons = personal.loadAll() }
        return !lines.isEmpty
    }

    private func fold(_ lines: [LogLine]) {
        for (line, decoded) in zip(lines, Self.decodeAll(lines)) {
            switch decoded {
            case .success(let event):
                if let problem = Self.foldProblem(event.event, state, skipped: &skippedIDs, keep: keep?(event.timestamp) ?? true) {
                    undecodable.append(LineIssue(line: line.number, problem: problem))
                } else if keep?(event.timestamp) ?? true {
                    state.apply(event)
                }
            case .failure(let e): undecodable.append(LineIssue(line: line.number, problem: .notParsable(e.reason)))
            }
        }
    }

    /// What makes a decoded event unusable against the state before it: an id given twice. Such a
    /// line is not folded (it would replace a record), and counts as a line that cannot be read.
    static func foldProblem(_ event: Event, _ state: KernteamState) -> LineProblem? {
        var none = Set<RecordID>()
        return foldProblem(event, state, skipped: &none, keep: true)
    }

    /// The same, for a fold that leaves some lines out (looking back to a date): ids of the lines
    /// left out are remembered in `skipped`, so an id given twice is seen there too.
    static func foldProblem(_ event: Event, _ state: KernteamState, skipped: inout Set<RecordID>, keep: Bool) -> LineProblem? {
        guard let id = event.createdID else { return nil }
        if state.exists(id) || skipped.contains(id) { return .duplicateID(id.description) }
        if !keep { skipped.insert(id) }
        return nil
    }

    /// The first line this session cannot use: damage the log store found, or a line whose event
    /// cannot be read. Nothing is appended after it (the app opens read-only, a write is refused,
    /// a reading command exits 2).
    public var firstProblem: LineIssue? {
        var found = Array(undecodable.prefix(1))
        if case .damaged(let issue)? = log.readOnlyReason { found.append(issue) }
        return found.min { $0.line < $1.line }
    }

    /// Throws when a line before the end cannot be read: appending after it would build on a
    /// state that leaves that line out.
    func refuseAfterUnreadableLine() throws {
        if let issue = firstProblem { throw LogError.damaged(issue) }
    }

    /// Folds every line of an intact, mapped log: batches of lines decoded on all cores, each batch
    /// folded in order before the next is decoded, so only one batch of events is in memory at a time.
    /// With `end`, only the bytes before it (the good lines a session read). Lines that `keep` leaves
    /// out are still checked for an id given twice, so looking back never hides that.
    static func foldMapped(_ file: MappedFile, into state: inout KernteamState, keep: ((String) -> Bool)? = nil,
                           end: Int? = nil,
                           progress: ((_ done: Int, _ total: Int) -> Void)? = nil) -> (lines: Int, undecodable: [LineIssue], skipped: Set<RecordID>) {
        var undecodable: [LineIssue] = []
        var skippedIDs = Set<RecordID>()
        guard let base = file.bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return (0, [], []) }
        // Only logs that take a noticeable time to read report progress (from about 8 MB, 25,000 entries).
        let report = file.bytes.count >= 8 << 20 ? progress : nil
        let count = min(file.bytes.count, end ?? file.bytes.count)
        let batchSize = 16_384
        var start = 0
        /// The byte ranges of the next batch of lines, from `start` on.
        func nextBatch() -> [Range<Int>] {
            var ranges: [Range<Int>] = []
            ranges.reserveCapacity(batchSize)
            while start < count, ranges.count < batchSize, let nl = memchr(base + start, 0x0A, count - start) {
                let end = UnsafePointer(nl.assumingMemoryBound(to: UInt8.self)) - base
                ranges.append(start..<end)
                start = end + 1
            }
            return ranges
        }
        // While one batch is folded (in order, on this thread), the next is decoded on the other cores.
        var lineNumber = 0
        var ranges = nextBatch()
        var decoded = decodeMapped(base, ranges)
        nonisolated(unsafe) let sharedBase = base
        while !ranges.isEmpty {
            let following = nextBatch()
            let done = start
            nonisolated(unsafe) var decodedFollowing: [Result<LoggedEvent, EventCoding.Undecodable>] = []
            let group = DispatchGroup()
            if !following.isEmpty {
                DispatchQueue.global().async(group: group) { decodedFollowing = decodeMapped(sharedBase, following) }
            }
            for (k, result) in decoded.enumerated() {
                switch result {
                case .success(let event):
                    if let problem = foldProblem(event.event, state, skipped: &skippedIDs, keep: keep?(event.timestamp) ?? true) {
                        undecodable.append(LineIssue(line: lineNumber + k + 1, problem: problem))
                    } else if keep?(event.timestamp) ?? true {
                        state.apply(event)
                    }
                case .failure(let e): undecodable.append(LineIssue(line: lineNumber + k + 1, problem: .notParsable(e.reason)))
                }
            }
            lineNumber += ranges.count
            // Pages wholly before the next batch are folded: they need no memory any more.
            file.release(upTo: ranges.last!.upperBound)
            group.wait()
            ranges = following
            decoded = decodedFollowing
            report?(done, count)
        }
        file.release(upTo: count)
        return (lineNumber, undecodable, skippedIDs)
    }

    private static func decodeLine(_ line: UnsafeBufferPointer<UInt8>) -> Result<LoggedEvent, EventCoding.Undecodable> {
        do { return .success(try EventCoding.logged(from: line)) } catch { return .failure(error) }
    }

    private static func decodeMapped(_ base: UnsafePointer<UInt8>, _ ranges: [Range<Int>]) -> [Result<LoggedEvent, EventCoding.Undecodable>] {
        nonisolated(unsafe) let start = base
        return Parallel.map(ranges.count, minimum: 2_000) {
            decodeLine(UnsafeBufferPointer(start: start + ranges[$0].lowerBound, count: ranges[$0].count))
        }
    }

    /// Decodes lines, on all cores when there are many (opening a large log); folding stays in order.
    static func decodeOne(_ line: LogLine) -> Result<LoggedEvent, EventCoding.Undecodable> {
        do { return .success(try EventCoding.decode(line)) }
        catch let e as EventCoding.Undecodable { return .failure(e) }
        catch { return .failure(EventCoding.Undecodable(reason: "\(error)")) }
    }

    static func decodeAll(_ lines: [LogLine]) -> [Result<LoggedEvent, EventCoding.Undecodable>] {
        Parallel.map(lines.count, minimum: 4_000) { decodeOne(lines[$0]) }
    }

    /// Today: `--today` when given, else the session clock's day in the local time zone.
    public var today: Day { Today.override ?? Today.localDay(clock()) }

    /// The day `date` falls on in the local time zone.
    public static func today(_ date: Date) -> Day { Today.localDay(date) }

    /// `2009-03-10T18:42:00Z` (UTC, whole seconds), without building a formatter for every entry.
    public static func timestamp(_ date: Date) -> String { Today.timestamp(date) }

    /// The log as it stood at the end of a day: a fold of exactly the entries whose timestamp falls
    /// before it, read again from the file or the database (the state of today stays as it is).
    public func state(asOf: AsOf) throws -> KernteamState {
        let file: MappedFile
        let end: Int
        if let logFile = log as? LogFile {
            file = try MappedFile(path: path)
            end = logFile.readOffset
        } else {
            // From the database: the same bytes, up to the last line this session read as good.
            let bytes = try log.allLineBytes()
            var lines = 0, cut = 0
            while lines < log.lineCount, let nl = bytes[cut...].firstIndex(of: 0x0A) { cut = nl + 1; lines += 1 }
            file = MappedFile(copying: Array(bytes[..<cut]))
            end = cut
        }
        var folded = KernteamState()
        // Only the lines this session read as good: never past damage, never a line it could not use.
        _ = Self.foldMapped(file, into: &folded, keep: asOf.includes, end: end)
        return folded
    }

    /// Validates and appends a new entry. On refusal or I/O error nothing is appended and the
    /// caller keeps the draft.
    public func record(_ kind: DraftKind, _ draft: Draft, meeting: RecordID? = nil, target: RecordID? = nil) -> Result<LoggedEvent, RecordFailure> {
        // Damage first, before any rule (see appendValidated) and before personal data is saved.
        if let issue = firstProblem { return .failure(.log(.damaged(issue))) }
        // A budget is allocated by the stuurgroep: without a decision named, record the stuurgroep's
        // decision first (dated today, in no kernteam meeting).
        if kind == .budget, draft[.decision] == nil {
            if case .failure(let r) = validator().validate(kind, draft, meeting: meeting, target: target) {
                return .failure(.refused(r))
            }
            let amount = Money(draft[.amount] ?? "")?.dutch ?? draft[.amount] ?? ""
            // Written into the log as the decision text: Dutch (`.nl`) whatever `--lang` says.
            let text = Text.budgetDecisionText(amount: amount, place: draft[.wijk] ?? "", year: draft[.year] ?? "").nl
            switch record(.decision, Draft([.wijk: draft[.wijk] ?? "", .text: text, .body: DecisionBody.stuurgroep.rawValue])) {
            case .failure(let f): return .failure(f)
            case .success(let logged):
                var withDecision = draft
                withDecision[.decision] = logged.event.createdID?.description
                return record(kind, withDecision, meeting: meeting, target: target)
            }
        }
        // Personal data goes to the side store first; the log entry only refers to it.
        var person: PersonalData?
        let personName = kind == .initiative ? draft[.initiator] : draft[.reporter]
        if kind == .signal || kind == .initiative, personName != nil || draft[.contact] != nil {
            // Refuse early, before anything is written to the side store.
            if case .failure(let r) = validator().validate(kind, draft, meeting: meeting, target: target) { return .failure(.refused(r)) }
            let p = PersonalData(ref: makePersonRef(), name: personName, contact: draft[.contact],
                                 recorded: Day(draft[.date] ?? "") ?? today, record: nil)
            do { try personal.save(p) } catch let e as LogError { return .failure(.log(e)) } catch { return .failure(.log(.badEntry("\(error)"))) }
            person = p
        }
        let result = appendValidated(person: person?.ref) { $0.validate(kind, draft, meeting: meeting, target: target) }
        switch result {
        case .success(let logged):
            if var person {
                person.record = logged.event.createdID
                try? personal.save(person)
                persons[person.ref] = person
            }
        case .failure:
            // Never leave personal data behind for an entry that was not written.
            if let person { _ = try? personal.delete([person.ref]) }
        }
        return result
    }

    /// Corrects a record (`A-3`) or an entry without an id (`#39`): the fields in `changes` get new
    /// values, validated as for a new record. The old entry stays; the correction points at it.
    public func correct(_ target: EntryRef, _ changes: Draft, reason: String?) -> Result<LoggedEvent, RecordFailure> {
        appendValidated { $0.validateCorrection(target, changes, reason: reason) }
    }

    /// Withdraws a record or entry with a reason: it leaves every list and document but the history.
    public func withdraw(_ target: EntryRef, reason: String?) -> Result<LoggedEvent, RecordFailure> {
        appendValidated { $0.validateWithdrawal(target, reason: reason) }
    }

    /// The rules against the state as it is now.
    public func validator() -> Validator { Validator(state: state, today: today, settings: settings) }

    /// Validates against what we know (a refusal costs no lock), appends under the lock, and validates
    /// again there only when another process appended meanwhile (then against the latest state).
    private func appendValidated(person: PersonRef? = nil, _ validate: (Validator) -> Result<Event, Refusal>) -> Result<LoggedEvent, RecordFailure> {
        // Damage or a line that cannot be read comes first: a draft checked against what was read
        // before it would be refused for the wrong reason ("unknown wijk" when line 1 is the damage).
        if let issue = firstProblem { return .failure(.log(.damaged(issue))) }
        let prepared: Event
        switch validate(validator()) {
        case .failure(let r): return .failure(.refused(r))
        case .success(let e): prepared = e
        }
        var refusal: Refusal?
        var appended: Event?
        let ts = Session.timestamp(clock())
        do {
            let result = try log.append(role: role.rawValue, timestamp: ts) { others in
                var event = prepared
                // Validated again only when another process appended meanwhile: the state it was
                // checked against is otherwise exactly the state the entry goes onto.
                if !others.isEmpty {
                    self.fold(others)
                    try self.refuseAfterUnreadableLine()
                    switch validate(self.validator()) {
                    case .failure(let r):
                        refusal = r
                        throw r
                    case .success(let e):
                        event = e
                    }
                }
                if let person { event = event.withPerson(person) }
                let body = try EventCoding.body(of: event)
                appended = event
                return body
            }
            let logged = LoggedEvent(seq: result.written.seq, timestamp: result.written.timestamp, role: role, event: appended!)
            state.apply(logged)
            return .success(logged)
        } catch let e as LogError {
            return .failure(.log(e))
        } catch {
            if let refusal { return .failure(.refused(refusal)) }
            return .failure(.log(.badEntry("\(error)")))
        }
    }

    /// Appends an already built event (demo story, tests). Same durability as `record`. Personal
    /// data given with a signal goes to the side store, the event gets the reference.
    @discardableResult
    public func append(_ event: Event, timestamp: Date? = nil, person: (name: String?, contact: String?)? = nil) throws -> LoggedEvent {
        let ts = Session.timestamp(timestamp ?? clock())
        var event = event
        var saved: PersonalData?
        var owner: (date: Day, id: RecordID)?
        if case .signalRecorded(let s) = event { owner = (s.date, s.id) }
        if case .initiativeRecorded(let i) = event { owner = (i.date, i.id) }
        if let person, let owner {
            let p = PersonalData(ref: makePersonRef(), name: person.name, contact: person.contact, recorded: owner.date, record: owner.id)
            try personal.save(p)
            saved = p
            event = event.withPerson(p.ref)
        }
        let result: (others: [LogLine], written: LogLine)
        do {
            try refuseAfterUnreadableLine()
            result = try log.append(role: role.rawValue, timestamp: ts) { others in
                self.fold(others)
                try self.refuseAfterUnreadableLine()
                return try EventCoding.body(of: event)
            }
        } catch {
            // As in `record`: never leave personal data behind for an entry that was not written.
            if let saved { _ = try? personal.delete([saved.ref]) }
            throw error
        }
        if let saved { persons[saved.ref] = saved }
        let logged = LoggedEvent(seq: result.written.seq, timestamp: result.written.timestamp, role: role, event: event)
        state.apply(logged)
        return logged
    }

    /// Warnings (in the current language) about where the log lies (network or sync folder, conflict copies).
    public var storageWarnings: [String] {
        guard log is LogFile else { return [] }
        return StorageCheck.warnings(for: path).map {
            switch $0 {
            case .networkFileSystem(let t): Text.warnNetworkFS(t).text
            case .syncFolder(let t): Text.warnSyncFolder(t).text
            case .conflictCopy(let n): Text.warnConflictCopy(n).text
            }
        }
    }

    /// Description of a log error (in the current language), naming the cause in plain words.
    public static func describe(_ error: LogError) -> String { describe(error, reading: false) }

    /// `reading`: the error came from a command that only reads, so it never speaks of writing.
    public static func describe(_ error: LogError, reading: Bool) -> String {
        switch error {
        // Reading and writing fail for different reasons; the message says which one it was.
        case .io(let op, let code) where reading || ["read", "stat", "mmap"].contains(op): Text.logReadError("\(ioReason(code)) (\(op))").text
        case .changedUnderneath where reading: Text.logReadError(Text.logReplacedUnderneath.text).text
        case .badEntry(let why) where reading: Text.logReadError(why).text
        case .io(let op, let code): Text.logIOError("\(ioReason(code)) (\(op))").text
        case .locked: Text.logLocked.text
        case .damaged(let issue): Text.logDamaged(line: issue.line, reason: issue.problem.description).text
        case .changedUnderneath: Text.logIOError(Text.logReplacedUnderneath.text).text
        case .readOnly: Text.readOnly.text
        case .badEntry(let why): Text.logIOError(why).text
        case .unreachable(let why): Text.dbUnreachable(why).text
        case .server(let why): why == PostgresLog.noSchema ? Text.dbNoSchema.text : Text.dbRefused(why).text
        case .readOnlyRole: Text.dbReadOnlyRole.text
        case .schemaVersion(let found, let supported): Text.dbSchemaVersion(found: found, supported: supported).text
        case .commitUnknown(let why): Text.dbCommitUnknown(why).text
        case .notALog(let found):
            switch found {
            case .text(let start): Text.safety(.notALogText(start)).text
            case .binary: Text.safety(.notALogBinary).text
            case .json: Text.safety(.notALogJSON).text
            case .newerVersion(let v): Text.safety(.notALogNewerVersion(v)).text
            case .windowsLineEnds: Text.safety(.windowsLineEnds).text
            }
        case .notARegularFile(let kind): Text.safety(.notARegularFile(Self.kindName(kind))).text
        }
    }

    public static func kindName(_ kind: FileKind) -> SafetyText.FileKindName {
        switch kind {
        case .fifo: .fifo
        case .characterDevice, .blockDevice: .device
        case .socket: .socket
        case .folder: .folder
        case .brokenLink: .brokenLink
        case .other: .other
        }
    }

    static func ioReason(_ code: Int32) -> String {
        switch code {
        case ENOSPC: Text.exportDiskFull.text
        case EDQUOT: Text.ioQuotaFull.text
        case EROFS: Text.exportReadOnlyDisk.text
        case EACCES, EPERM: Text.exportNoPermission.text
        case EIO: Text.ioDiskError.text
        case ENOENT: Text.ioNoSuchFile.text
        default: String(cString: strerror(code))
        }
    }
}
