import Foundation
import KernteamLog

/// The log as rows of `kernteam.log_lines` in PostgreSQL: one stream per kern log, each row one line
/// with exactly the bytes the file would hold, chained the same way. Opening reads the stream's rows
/// into one buffer shaped like the file and checks and folds it with the file's own code; `verify`
/// and `copy` see the same bytes.
///
/// Appends: one transaction that takes an advisory lock for the stream (the file's flock), reads the
/// rows others added since our last read, lets the caller validate against them, inserts the line
/// and commits with `synchronous_commit = on`, so a returned append is durable on the server.
///
/// When the server goes away the log turns read-only with the reason; the next look (`mayHaveNews`,
/// `readNew`) tries to reconnect in the background and the log is writable again when that works.
public final class PostgresLog: AppendOnlyLog, @unchecked Sendable {
    public let target: PostgresTarget
    public var location: String { target.display }
    public private(set) var headSeq = 0
    public private(set) var headHash = LogFormat.genesisPrev
    public private(set) var lineCount = 0
    /// The last line's timestamp: a new line never gets an earlier one.
    public private(set) var headTimestamp: String?
    public var recoveredTailPath: String? { nil }
    public var lockTimeout: Double = 3.0
    /// Seconds any one statement may take before the server counts as gone.
    public var statementTimeout: Double = 8.0
    /// Set when the database role may not insert.
    public private(set) var roleIsReadOnly = false
    /// Set when the log was opened read-only.
    private var openedReadOnly = false
    /// Damage found in the rows (a line that does not continue the chain).
    private var damage: LineIssue?
    /// Opened from a resume point (a snapshot's line): the rows up to it were not read.
    public private(set) var resumed = false
    /// The SHA-256 of the stream's first line, once asked for (`firstLineHash()`).
    private var firstLineHashRead: String??
    /// Lines read but not yet handed to the session.
    public var hasUnhandedLines: Bool { !unfolded.isEmpty }
    /// Whether the rows read so far continue the chain.
    public var isIntact: Bool { damage == nil }
    /// Why the server cannot be used right now.
    private var lostConnection: String?

    public var readOnlyReason: LogError? {
        if let damage { return .damaged(damage) }
        if openedReadOnly { return .readOnly }
        if let lostConnection { return .unreachable(lostConnection) }
        if roleIsReadOnly { return .readOnlyRole }
        return nil
    }

    private var conn: PGConnection?
    private let reconnector = Reconnector()
    /// Set by a notification for our stream; cleared by `readNew`.
    private var notified = false
    private var lastLook = Date.distantPast
    /// Lines read during an append that then failed: handed out by the next read (as the file does).
    private var unfolded: [LogLine] = []
    /// Rows are read in batches of this many (a bounded amount of memory in libpq at a time).
    static let batchRows = 20_000

    private init(target: PostgresTarget) { self.target = target }

    /// The process id of our server connection (tests kill it to cut this writer off mid-transaction).
    public var backendPID: Int32 { conn?.backendPID ?? 0 }

    // MARK: Opening

    /// Connects, creates the schema when it is missing (unless read-only), checks its version, and
    /// reads the whole stream. A new, empty stream gets `genesis` as its first line. With `bulk`, an
    /// intact stream is handed over as one buffer shaped like the file and no `LogLine`s are returned.
    public static func open(target: PostgresTarget,
                            genesis: (() throws -> (body: [UInt8], role: String, timestamp: String))? = nil,
                            readOnly: Bool = false, bulk: ((MappedFile) -> Void)? = nil,
                            resume: (point: ResumePoint, identity: String)? = nil,
                            progress: ((_ done: Int, _ total: Int) -> Void)? = nil) throws -> (PostgresLog, [LogLine]) {
        let log = PostgresLog(target: target)
        log.openedReadOnly = readOnly
        let conn = try log.connect()
        log.conn = conn
        try log.prepare(conn, create: !readOnly)
        // A snapshot of this stream (the same first line) whose line is still there, unchanged: only
        // the rows after it are read, chain-checked from it.
        if let resume, resume.point.seq > 0, resume.identity == log.firstLineHash(),
           let line = try log.lineHash(conn, seq: resume.point.seq), line.hash == resume.point.hash {
            log.headSeq = resume.point.seq
            log.headHash = resume.point.hash
            log.headTimestamp = line.timestamp
            log.lineCount = resume.point.seq
            log.resumed = true
            return (log, try log.readRowsAfterHead())
        }

        var buffer: [UInt8] = []
        let total = try log.count(conn)
        while true {
            let rows = try log.run { try conn.exec("SELECT seq, line FROM kernteam.log_lines WHERE stream = $1 AND seq > $2 ORDER BY seq LIMIT \(batchRows)",
                                                   [.text(target.stream), .text(String(log.lastBufferedSeq))], timeout: PGConnection.readTimeout) }
            if rows.count == 0 { break }
            for r in 0..<rows.count {
                buffer.append(contentsOf: rows.bytes(r, 1))
                buffer.append(0x0A)
            }
            log.lastBufferedSeq = rows.int(rows.count - 1, 0)
            log.bufferedRows += rows.count
            if total >= 25_000 { progress?(log.bufferedRows, total) }
            if rows.count < batchRows { break }
        }
        if buffer.isEmpty {
            guard let genesis, !readOnly else { return (log, []) }
            if log.roleIsReadOnly { throw LogError.readOnlyRole }
            let g = try genesis()
            do {
                let result = try log.append(role: g.role, timestamp: g.timestamp) { others in
                    // Someone else created the stream first: theirs is the first line.
                    if !others.isEmpty { throw GenesisTaken(lines: others) }
                    return g.body
                }
                return (log, [result.written])
            } catch let taken as GenesisTaken {
                return (log, taken.lines)
            }
        }
        let file = MappedFile(copying: buffer)
        buffer = []
        if let bulk, let good = FastChainCheck.check(file) {
            bulk(file)
            log.headSeq = good.headSeq
            log.headHash = good.headHash
            log.headTimestamp = good.headTimestamp
            log.lineCount = good.lines
            return (log, [])
        }
        let result = LogScanner.scan(file.bytes)
        log.apply(result)
        return (log, result.lines)
    }

    /// The SHA-256 of the stream's first line: what a snapshot of this stream is tied to. Read from the
    /// server the first time it is asked for (only where a snapshot is read or written), nil when it
    /// cannot be read.
    public func firstLineHash() -> String? {
        if let known = firstLineHashRead { return known }
        guard let conn, let hash = try? lineHash(conn, seq: nil)?.hash else { return nil }
        firstLineHashRead = .some(hash)
        return hash
    }

    /// The SHA-256 and timestamp of the line with sequence number `seq` (nil: the first line), when there is one.
    private func lineHash(_ conn: PGConnection, seq: Int?) throws -> (hash: String, timestamp: String)? {
        let rows = try run {
            if let seq {
                try conn.exec("SELECT seq, line FROM kernteam.log_lines WHERE stream = $1 AND seq = $2",
                              [.text(target.stream), .text(String(seq))], timeout: PGConnection.readTimeout)
            } else {
                try conn.exec("SELECT seq, line FROM kernteam.log_lines WHERE stream = $1 ORDER BY seq LIMIT 1",
                              [.text(target.stream)], timeout: PGConnection.readTimeout)
            }
        }
        guard rows.count == 1 else { return nil }
        // The bytes belong to the result: it must outlive every read of them.
        return withExtendedLifetime(rows) { () -> (hash: String, timestamp: String)? in
            let line = rows.bytes(0, 1)
            guard let header = HeaderParser.quickCheck(line.bindMemory(to: UInt8.self)), seq == nil || header.seq == seq else { return nil }
            return (Hashing.sha256Hex(line), String(decoding: UnsafeBufferPointer(rebasing: line.bindMemory(to: UInt8.self)[header.ts]), as: UTF8.self))
        }
    }

    private struct GenesisTaken: Error { var lines: [LogLine] }
    private var lastBufferedSeq = 0
    private var bufferedRows = 0

    private func connect() throws -> PGConnection {
        do {
            return try PGConnection(conninfo: target.conninfo, statementTimeout: statementTimeout)
        } catch {
            throw Self.logError(error)
        }
    }

    /// Makes sure the schema is there and of our version; learns whether this role may append;
    /// listens for appends.
    private func prepare(_ conn: PGConnection, create: Bool) throws {
        var present = try run { try conn.exec("SELECT to_regclass('kernteam.log_lines') IS NOT NULL AND to_regclass('kernteam.schema_version') IS NOT NULL") }.bool(0, 0)
        if !present {
            guard create else { throw LogError.server(Self.noSchema) }
            try Self.createSchema(conn)
            present = true
        }
        let version = try run { try conn.exec("SELECT max(version) FROM kernteam.schema_version") }
        let found = version.isNull(0, 0) ? 0 : version.int(0, 0)
        guard found == PostgresSchema.version else {
            throw LogError.schemaVersion(found: found, supported: PostgresSchema.version)
        }
        roleIsReadOnly = !(try run { try conn.exec("SELECT has_table_privilege('kernteam.log_lines', 'INSERT')") }.bool(0, 0))
        try run { try conn.exec("LISTEN \(PostgresSchema.notifyChannel)") }
    }

    /// Text of the refusal when the schema is missing and this role cannot create it.
    public static let noSchema = "schema kernteam ontbreekt"

    /// Creates the schema (tables, triggers, version) in one transaction, serialised between
    /// processes. For `kernteam init` and first use.
    static func createSchema(_ conn: PGConnection) throws {
        do {
            try conn.exec("BEGIN; SELECT pg_advisory_xact_lock(\(PostgresSchema.setupLockKey))", script: true)
            let there = try conn.exec("SELECT to_regclass('kernteam.schema_version') IS NOT NULL").bool(0, 0)
            if !there { try conn.exec(PostgresSchema.create, script: true) }
            try conn.exec("COMMIT")
        } catch {
            if conn.isOpen { _ = try? conn.exec("ROLLBACK") }
            throw logError(error)
        }
    }

    /// `kernteam init`: connect and create the schema, nothing else. Returns the schema version.
    public static func initialise(_ target: PostgresTarget) throws -> Int {
        let conn: PGConnection
        do { conn = try PGConnection(conninfo: target.conninfo) } catch { throw logError(error) }
        defer { conn.close() }
        try createSchema(conn)
        do {
            let v = try conn.exec("SELECT max(version) FROM kernteam.schema_version")
            let found = v.isNull(0, 0) ? 0 : v.int(0, 0)
            guard found == PostgresSchema.version else { throw LogError.schemaVersion(found: found, supported: PostgresSchema.version) }
            return found
        } catch let e as LogError { throw e } catch { throw logError(error) }
    }

    private func count(_ conn: PGConnection) throws -> Int {
        try run { try conn.exec("SELECT count(*) FROM kernteam.log_lines WHERE stream = $1", [.text(target.stream)]) }.int(0, 0)
    }

    // MARK: Reading

    public func mayHaveNews() -> Bool {
        if lostConnection != nil { return tryReconnect() }
        guard let conn else { return false }
        guard let payloads = conn.notifications() else {
            lost(PGConnection.clean("verbinding verbroken"))
            return false
        }
        if payloads.contains(target.stream) { notified = true }
        // A notification can be missed (sent while we were reconnecting): look anyway now and then.
        return notified || Date().timeIntervalSince(lastLook) > 5
    }

    public func readNew() throws -> [LogLine] {
        if lostConnection != nil, !tryReconnect() { return [] }
        let pending = unfolded
        unfolded = []
        notified = false
        lastLook = Date()
        do {
            return pending + (try readRowsAfterHead())
        } catch {
            unfolded = pending
            throw error
        }
    }

    /// Rows after our head, chain-checked like new bytes of a file; damage makes the log read-only.
    private func readRowsAfterHead() throws -> [LogLine] {
        guard let conn else { throw LogError.unreachable(lostConnection ?? "") }
        var lines: [LogLine] = []
        while true {
            let rows = try run { try conn.exec("SELECT seq, line FROM kernteam.log_lines WHERE stream = $1 AND seq > $2 ORDER BY seq LIMIT \(Self.batchRows)",
                                               [.text(target.stream), .text(String(headSeq))], timeout: PGConnection.readTimeout) }
            if rows.count == 0 { break }
            var bytes: [UInt8] = []
            for r in 0..<rows.count {
                bytes.append(contentsOf: rows.bytes(r, 1))
                bytes.append(0x0A)
            }
            let result = bytes.withUnsafeBytes {
                LogScanner.scan($0, firstLine: lineCount + 1, prevSeq: headSeq, prevHash: headHash)
            }
            apply(result)
            lines += result.lines
            if damage != nil || rows.count < Self.batchRows { break }
        }
        return lines
    }

    private func apply(_ result: LogScanner.Result) {
        headSeq = result.headSeq
        headHash = result.headHash
        if let ts = result.headTimestamp { headTimestamp = ts }
        lineCount += result.goodCount
        if let first = result.issues.first, damage == nil { damage = first }
    }

    public func allLineBytes() throws -> [UInt8] {
        guard let conn else { throw LogError.unreachable(lostConnection ?? "") }
        var out: [UInt8] = []
        var after = 0
        while true {
            let rows = try run { try conn.exec("SELECT seq, line FROM kernteam.log_lines WHERE stream = $1 AND seq > $2 ORDER BY seq LIMIT \(Self.batchRows)",
                                               [.text(target.stream), .text(String(after))], timeout: PGConnection.readTimeout) }
            for r in 0..<rows.count {
                out.append(contentsOf: rows.bytes(r, 1))
                out.append(0x0A)
            }
            if rows.count < Self.batchRows { break }
            after = rows.int(rows.count - 1, 0)
        }
        return out
    }

    // MARK: Whole streams (verify, copy)

    /// Every row of the stream as file bytes (each line followed by a newline), read-only.
    public static func readAll(target: PostgresTarget) throws -> [UInt8] {
        let log = PostgresLog(target: target)
        log.openedReadOnly = true
        let conn = try log.connect()
        log.conn = conn
        try log.prepare(conn, create: false)
        return try log.allLineBytes()
    }

    /// The stream already holds lines: a copy goes only into an empty stream.
    public struct StreamNotEmpty: Error {}

    /// Inserts the lines of an existing log (file bytes, checked by the caller) into an empty stream,
    /// verbatim and in one transaction: all or nothing. The database checks each row's chain as for
    /// any append.
    public static func copyIn(target: PostgresTarget, lines bytes: [UInt8]) throws {
        let log = PostgresLog(target: target)
        let conn = try log.connect()
        log.conn = conn
        try log.prepare(conn, create: true)
        if log.roleIsReadOnly { throw LogError.readOnlyRole }
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast().map(Array.init)
        do {
            try log.run { try conn.exec("BEGIN; SELECT pg_advisory_xact_lock(hashtextextended('kernteam:' || \(literal(target.stream)), 0))", script: true) }
            let present = try log.run { try conn.exec("SELECT count(*) FROM kernteam.log_lines WHERE stream = $1", [.text(target.stream)]) }.int(0, 0)
            if present > 0 { throw StreamNotEmpty() }
            let batch = 500
            var start = 0
            while start < lines.count {
                let end = min(start + batch, lines.count)
                var values: [String] = []
                var params: [PGValue] = [.text(target.stream)]
                for k in start..<end {
                    values.append("($1, $\(params.count + 1), $\(params.count + 2))")
                    params.append(.text(String(k + 1)))
                    params.append(.bytes(lines[k]))
                }
                try log.run { try conn.exec("INSERT INTO kernteam.log_lines (stream, seq, line) VALUES " + values.joined(separator: ", "), params, timeout: 60) }
                start = end
            }
            try log.run { try conn.exec("COMMIT", timeout: 60) }
        } catch {
            if conn.isOpen { _ = try? conn.exec("ROLLBACK") }
            throw error
        }
        conn.close()
    }

    // MARK: Appending

    @discardableResult
    public func append(role: String, timestamp: String,
                       makeBody: ([LogLine]) throws -> [UInt8]) throws -> (others: [LogLine], written: LogLine) {
        if let damage { throw LogError.damaged(damage) }
        if openedReadOnly { throw LogError.readOnly }
        if lostConnection != nil, !tryReconnect(wait: true) { throw readOnlyReason ?? LogError.unreachable("") }
        if roleIsReadOnly { throw LogError.readOnlyRole }
        guard let conn else { throw LogError.unreachable("") }
        var others = unfolded
        unfolded = []
        var committing = false
        do {
            try run {
                try conn.exec("BEGIN; SET LOCAL lock_timeout = '\(Int(lockTimeout * 1000))ms'; SELECT pg_advisory_xact_lock(hashtextextended('kernteam:' || $1, 0))".replacingOccurrences(of: "$1", with: Self.literal(target.stream)), script: true)
            }
            do {
                others += try readRowsAfterHead()
            } catch {
                unfolded = others
                throw error
            }
            if let damage { throw LogError.damaged(damage) }
            let body = try makeBody(others)
            let seq = headSeq + 1
            let prev = headHash
            let (line, hash, timestamp) = try LogLineBuilder.build(seq: seq, prev: prev, role: role, timestamp: timestamp,
                                                                   after: headTimestamp, body: body)
            do {
                try run { try conn.exec("INSERT INTO kernteam.log_lines (stream, seq, line) VALUES ($1, $2, $3)",
                                        [.text(target.stream), .text(String(seq)), .bytes(line)]) }
            } catch LogError.server(let message) where message.contains("permission denied") {
                // The role lost its right to insert since we asked at open.
                roleIsReadOnly = true
                throw LogError.readOnlyRole
            }
            committing = true
            try run { try conn.exec("COMMIT") }
            headSeq = seq
            headHash = hash
            headTimestamp = timestamp
            lineCount += 1
            return (others, LogLine(number: lineCount, seq: seq, timestamp: timestamp, role: role, prev: prev, bytes: line, hash: hash))
        } catch {
            if conn.isOpen { _ = try? conn.exec("ROLLBACK") }
            if committing, case LogError.unreachable(let why) = error { throw LogError.commitUnknown(why) }
            throw error
        }
    }

    /// A string as an SQL literal (only for the stream name in a statement that cannot take parameters).
    static func literal(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }

    // MARK: Faults

    /// Runs a statement, turning a lost connection into the read-only state and libpq's errors into
    /// the log's.
    @discardableResult
    private func run<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let e as PGError {
            let error = Self.logError(e)
            if case .unreachable(let why) = error { lost(why) }
            throw error
        }
    }

    private func lost(_ why: String) {
        lostConnection = why.isEmpty ? "verbinding verbroken" : why
        conn?.close()
        conn = nil
    }

    static func logError(_ error: Error) -> LogError {
        switch error {
        case let e as LogError: return e
        case PGError.connection(let why): return .unreachable(why == PGConnection.timedOut ? "geen antwoord binnen de tijd" : why)
        case PGError.server(let state, let message):
            // lock_not_available: another writer held the stream's lock too long.
            if state == "55P03" { return .locked }
            // A denied INSERT is turned into `.readOnlyRole` by `append`; elsewhere (no right to read
            // the schema at all) the server's own words say more.
            return .server(message)
        default: return .server("\(error)")
        }
    }

    /// Tries to connect again. Without `wait` the attempt runs in the background (the app's loop
    /// must not stall on a server that does not answer) and this returns whether an earlier attempt
    /// has succeeded meanwhile.
    @discardableResult
    private func tryReconnect(wait: Bool = false) -> Bool {
        if let fresh = reconnector.take() {
            adopt(fresh)
            return lostConnection == nil
        }
        if wait {
            do { adopt(try connect()) } catch let e as LogError {
                if case .unreachable(let why) = e { lostConnection = why }
            } catch {}
            return lostConnection == nil
        }
        reconnector.start(target: target, statementTimeout: statementTimeout)
        return false
    }

    private func adopt(_ fresh: PGConnection) {
        do {
            try prepare(fresh, create: false)
            conn = fresh
            lostConnection = nil
            notified = true
        } catch let e as LogError {
            if case .unreachable(let why) = e { lostConnection = why }
        } catch {}
    }
}

/// Connects on a background thread, at most one attempt at a time and one a second.
private final class Reconnector: @unchecked Sendable {
    private let lock = NSLock()
    private var running = false
    private var lastStart = Date.distantPast
    private var result: PGConnection?

    func take() -> PGConnection? {
        lock.lock(); defer { lock.unlock() }
        let r = result
        result = nil
        return r
    }

    func start(target: PostgresTarget, statementTimeout: Double) {
        lock.lock()
        guard !running, Date().timeIntervalSince(lastStart) >= 1 else { lock.unlock(); return }
        running = true
        lastStart = Date()
        lock.unlock()
        Thread.detachNewThread { [self] in
            let c = try? PGConnection(conninfo: target.conninfo, connectTimeout: 2, statementTimeout: statementTimeout)
            lock.lock()
            result = c
            running = false
            lock.unlock()
        }
    }
}
