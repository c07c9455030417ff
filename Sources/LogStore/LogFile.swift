import Foundation

/// The append-only log file: one JSON object per line, each carrying a format version, a gapless
/// sequence number, a timestamp, the recording role and the SHA-256 of the previous line.
///
/// Writes: every append takes the lock, first reads what other processes appended, then writes the
/// whole line with one `write` and `fsync`s before returning. A failed write or fsync cuts the file
/// back to where it was, so no partial line is left for a reader to take as a record.
public final class LogFile: AppendOnlyLog, @unchecked Sendable {
    public let path: String
    public var location: String { path }
    public let lockPath: String
    public private(set) var headSeq = 0
    public private(set) var headHash = LogFormat.genesisPrev
    /// The last line's timestamp: a new line never gets an earlier one (see `writeLocked`).
    public private(set) var headTimestamp: String?
    /// Bytes consumed so far (just past the last good line).
    public private(set) var readOffset = 0
    public private(set) var lineCount = 0
    /// Set when the log is damaged before its end, or the file cannot be written.
    public private(set) var readOnlyReason: LogError?
    /// Where a torn tail found at open was moved, if any.
    public private(set) var recoveredTailPath: String?
    /// Opened from a resume point (a snapshot's line): the lines before it were not read.
    public private(set) var resumed = false
    /// Lines read but not yet handed out (after an append that failed): the state a caller folded
    /// is then behind `readOffset`.
    public var hasUnhandedLines: Bool { !unfolded.isEmpty }

    private var fd: Int32 = -1
    private let lock: FileLock
    /// How long an append waits for another writer's lock.
    public var lockTimeout: Double = 3.0
    /// The system calls a durable append makes; tests replace them to inject faults.
    public var io = IOCalls()
    /// Only for the control run of the concurrency test: appends without the lock must be seen to fail.
    public var lockingDisabledForControlRun = false

    public var isReadOnly: Bool { readOnlyReason != nil }

    private init(path: String) {
        self.path = path
        self.lockPath = path + ".lock"
        self.lock = FileLock(path: path + ".lock")
    }

    deinit { if fd >= 0 { close(fd) } }

    /// Opens (creating if missing, with `genesis` as its first entry) and reads the whole log.
    /// A torn last line is moved to a side file `<log>.torn-<n>`; damage before the end opens the log
    /// read-only. Returns the good lines in order.
    ///
    /// With `bulk`, an intact log (every line chained, ending with a newline) is not turned into
    /// `LogLine`s: `bulk` gets the mapped file to read itself, in place and on all cores, and the
    /// returned list is empty. Anything else (a torn tail, damage) takes the line-by-line way.
    ///
    /// With `resume` (a snapshot's place, see `ResumePoint`), a log that still holds that line, unchanged,
    /// is read only from the line after it: `resumed` is then true and the lines returned are the later
    /// ones. Otherwise the log is read as without it.
    public static func open(path: String, genesis: (() throws -> (body: [UInt8], role: String, timestamp: String))? = nil,
                            readOnly: Bool = false, bulk: ((MappedFile) -> Void)? = nil,
                            resume: ResumePoint? = nil) throws -> (LogFile, [LogLine]) {
        let log = LogFile(path: path)
        var created = false
        // What may be opened at all: see `OpeningRules` (a FIFO or device is refused before it is opened).
        if let kind = OpeningRules.nonRegularKind(at: path) { throw LogError.notARegularFile(kind) }
        if access(path, F_OK) != 0 {
            guard !readOnly, genesis != nil else { throw LogError.io(operation: "read", code: ENOENT) }
            try PathName.makeFolders(PathName.folder(of: path))
            created = true
        }
        do {
            log.fd = try OpeningRules.openRegularFile(path, flags: readOnly ? O_RDONLY : O_RDWR | O_APPEND | O_CREAT)
        } catch LogError.io(_, let code) where !readOnly && (code == EACCES || code == EROFS || code == EPERM) {
            log.readOnlyReason = .io(operation: "open", code: code)
            log.fd = try OpeningRules.openRegularFile(path, flags: O_RDONLY)
        }
        // Nothing is appended, recovered or moved unless the file starts as a kernteam log (or is empty).
        if case .notALog(let found) = try OpeningRules.judge(fd: log.fd) { throw LogError.notALog(found) }
        if readOnly { log.readOnlyReason = .readOnly }
        // An empty file is a log whose creation never finished (a crash between creating the file and
        // writing the first entry) or is being created by another process right now: give it its
        // genesis under the lock, like a new one. Otherwise it would stay without reference data.
        if !created, genesis != nil, !log.isReadOnly, log.fileSize() == 0 { created = true }

        var lines: [LogLine] = []
        if created {
            try log.lock.acquire(timeout: log.lockTimeout)
            defer { log.lock.release() }
            // Someone may have created it between our check and the lock.
            if log.fileSize() == 0, let genesis {
                let g = try genesis()
                let line = try log.writeLocked(body: g.body, role: g.role, timestamp: g.timestamp)
                try log.syncDirectory()
                lines.append(line)
                return (log, lines)
            }
        }
        if let resume, let timestamp = resume.confirmed(fd: log.fd) {
            log.headSeq = resume.seq
            log.headHash = resume.hash
            log.headTimestamp = timestamp
            log.lineCount = resume.seq
            log.readOffset = resume.end
            log.resumed = true
            return (log, try log.readNewLines(recover: !log.isReadOnly))
        }
        if let bulk, let file = try? MappedFile(path: path), file.bytes.count > 0, let good = FastChainCheck.check(file) {
            bulk(file)
            log.headSeq = good.headSeq
            log.headHash = good.headHash
            log.headTimestamp = good.headTimestamp
            log.lineCount = good.lines
            log.readOffset = file.bytes.count
            return (log, [])
        }
        lines = try log.readNewLines(recover: !log.isReadOnly)
        // A torn first line moved aside leaves an empty file: give it its first entry after all.
        if lines.isEmpty, !log.isReadOnly, let genesis, log.fileSize() == 0 {
            try log.lock.acquire(timeout: log.lockTimeout)
            defer { log.lock.release() }
            if log.fileSize() == 0 {
                let g = try genesis()
                lines.append(try log.writeLocked(body: g.body, role: g.role, timestamp: g.timestamp))
            }
        }
        return (log, lines)
    }

    /// Reads lines appended since the last read (by this or another process). Never blocks on the lock.
    /// A partly written last line is left for the next call.
    public func readNew() throws -> [LogLine] {
        let pending = unfolded
        unfolded = []
        return pending + (try readNewLines(recover: false))
    }

    /// A file is checked with one `fstat` in `readNew`: always worth a look.
    public func mayHaveNews() -> Bool { true }

    /// The file's complete lines as they are on disk.
    public func allLineBytes() throws -> [UInt8] {
        let file = try MappedFile(path: path)
        return Array(UnsafeRawBufferPointer(rebasing: file.bytes[0..<min(readOffset, file.bytes.count)]))
    }

    /// Lines read during an append that then failed: handed out by the next `readNew` or append, so
    /// the caller folds every line exactly once (ids depend on it).
    private var unfolded: [LogLine] = []

    private func fileSize() -> Int {
        var st = stat()
        return fstat(fd, &st) == 0 ? Int(st.st_size) : 0
    }

    private func readNewLines(recover: Bool) throws -> [LogLine] {
        guard let result = try scanNew() else { return [] }
        if let damage = result.firstDamage {
            readOnlyReason = .damaged(damage)
        } else if result.tornTailOffset != nil, recover {
            // What looks torn may be a line another process is writing right now: writers hold the
            // lock while they write and fsync. Look again under the lock; only what is still
            // unfinished then is a torn tail to move aside.
            try lock.acquire(timeout: lockTimeout)
            defer { lock.release() }
            guard let again = try scanNew() else { return result.lines }
            if let damage = again.firstDamage {
                readOnlyReason = .damaged(damage)
            } else if let tornAt = again.tornTailOffset, let issue = again.issues.last {
                try recoverTornTail(at: tornAt, issue: issue)
            }
            return result.lines + again.lines
        }
        return result.lines
    }

    /// Reads from `readOffset` to the end of the file, checks those bytes and takes in the good lines.
    /// Nil when nothing new was there.
    private func scanNew() throws -> LogScanner.Result? {
        let size = fileSize()
        if size < readOffset { throw LogError.changedUnderneath }
        if size == readOffset { return nil }
        var buffer = [UInt8](repeating: 0, count: size - readOffset)
        var got = 0
        while got < buffer.count {
            let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + got, $0.count - got, off_t(readOffset + got)) }
            if n < 0 { if errno == EINTR { continue }; throw LogError.io(operation: "read", code: errno) }
            if n == 0 { break }
            got += n
        }
        if got < buffer.count { buffer.removeSubrange(got...) }
        let result = buffer.withUnsafeBytes {
            LogScanner.scan($0, firstLine: lineCount + 1, baseOffset: readOffset, prevSeq: headSeq, prevHash: headHash)
        }
        apply(result)
        return result
    }

    private func apply(_ result: LogScanner.Result) {
        headSeq = result.headSeq
        headHash = result.headHash
        if let ts = result.headTimestamp { headTimestamp = ts }
        lineCount += result.goodCount
        readOffset = result.goodEnd
    }

    /// Moves the bytes from `offset` to the end into a side file, fsyncs it, then cuts the log back.
    /// Only what `OpeningRules` allows is moved (one partial line); anything else is damage.
    /// Caller holds the lock.
    private func recoverTornTail(at offset: Int, issue: LineIssue) throws {
        let size = fileSize()
        guard size > offset else { return }
        var tail = [UInt8](repeating: 0, count: size - offset)
        let n = tail.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, $0.count, off_t(offset)) }
        guard n == tail.count else { throw LogError.io(operation: "read", code: errno) }
        guard tail.withUnsafeBytes(OpeningRules.mayMoveTornTail) else {
            readOnlyReason = .damaged(issue)
            return
        }
        var k = 1
        var side = "\(path).torn-\(k)"
        while access(side, F_OK) == 0 { k += 1; side = "\(path).torn-\(k)" }
        let sfd = Foundation.open(side, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard sfd >= 0 else { throw LogError.io(operation: "open side file", code: errno) }
        defer { close(sfd) }
        try Self.writeAll(sfd, tail)
        guard fsync(sfd) == 0 else { throw LogError.io(operation: "fsync side file", code: errno) }
        try syncDirectory()
        guard ftruncate(fd, off_t(offset)) == 0 else { throw LogError.io(operation: "truncate torn tail", code: errno) }
        guard fsync(fd) == 0 else { throw LogError.io(operation: "fsync", code: errno) }
        recoveredTailPath = side
    }

    /// Appends one entry. `makeBody` receives the lines other processes appended since our last read
    /// (fold them first: ids depend on them) and returns the entry's JSON object (`{"type":…}`).
    /// Returns those other lines and the line written. The line is on disk when this returns.
    @discardableResult
    public func append(role: String, timestamp: String,
                       makeBody: ([LogLine]) throws -> [UInt8]) throws -> (others: [LogLine], written: LogLine) {
        if let reason = readOnlyReason { throw reason == .readOnly ? LogError.readOnly : reason }
        if !lockingDisabledForControlRun { try lock.acquire(timeout: lockTimeout) }
        defer { if !lockingDisabledForControlRun { lock.release() } }
        var others = unfolded
        unfolded = []
        do {
            others += try readNewLines(recover: false)
            if let reason = readOnlyReason { throw reason }
            if fileSize() != readOffset {
                // A torn line from a crashed writer sits at the end; never append after it.
                throw LogError.damaged(LineIssue(line: lineCount + 1, problem: .tornTail(bytes: fileSize() - readOffset)))
            }
        } catch {
            unfolded = others
            throw error
        }
        let body = try makeBody(others)
        let written = try writeLocked(body: body, role: role, timestamp: timestamp)
        return (others, written)
    }

    /// Builds and durably writes one line. Caller holds the lock and has read up to the end.
    private func writeLocked(body: [UInt8], role: String, timestamp: String) throws -> LogLine {
        let seq = headSeq + 1
        let prev = headHash
        let (line, hash, timestamp) = try LogLineBuilder.build(seq: seq, prev: prev, role: role, timestamp: timestamp,
                                                               after: headTimestamp, body: body)
        var withNewline = line
        withNewline.append(0x0A)
        let before = readOffset
        do {
            try Self.writeAll(fd, withNewline, write: io.write)
            guard io.fsync(fd) == 0 else { throw LogError.io(operation: "fsync", code: errno) }
        } catch {
            // Cut back whatever part reached the file; the entry was never acknowledged.
            _ = ftruncate(fd, off_t(before))
            _ = fsync(fd)
            throw error
        }
        headSeq = seq
        headHash = hash
        headTimestamp = timestamp
        lineCount += 1
        readOffset = before + withNewline.count
        return LogLine(number: lineCount, seq: seq, timestamp: timestamp, role: role, prev: prev,
                       bytes: line, hash: hash)
    }

    public static func writeAll(_ fd: Int32, _ bytes: [UInt8],
                                write: (Int32, UnsafeRawPointer, Int) -> Int = { Foundation.write($0, $1, $2) }) throws {
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + done, $0.count - done) }
            if n < 0 {
                if errno == EINTR { continue }
                throw LogError.io(operation: "write", code: errno)
            }
            done += n
        }
    }

    /// After creating a file, fsync its folder so the new name itself survives a crash.
    private func syncDirectory() throws {
        let dfd = Foundation.open(PathName.folder(of: path), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard dfd >= 0 else { return }
        defer { close(dfd) }
        if fsync(dfd) != 0 && errno != EINVAL { throw LogError.io(operation: "fsync directory", code: errno) }
    }
}
