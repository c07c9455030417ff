import Foundation
import KernteamDomain
import KernteamLog
import KernteamCodec
import KernteamPostgres

/// A sequence number and the SHA-256 of that line, kept somewhere else (minutes, e-mail) to prove
/// later that the log up to that line was neither truncated nor rewritten. Written `SEQ:HASH`.
public struct Checkpoint: Hashable, Sendable, CustomStringConvertible {
    public var seq: Int
    public var hash: String

    public init(seq: Int, hash: String) {
        self.seq = seq
        self.hash = hash
    }

    public init?(_ text: String) {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: ":")
        guard parts.count == 2, let seq = Int(parts[0]), seq > 0, parts[1].count == 64,
              parts[1].allSatisfy({ $0.isHexDigit }) else { return nil }
        self.init(seq: seq, hash: parts[1].lowercased())
    }

    public var description: String { "\(seq):\(hash)" }
}

/// The full check of a log: every line parses, the sequence is gapless, the chain is intact, and
/// (when given) the log still holds the checkpointed line unchanged.
public struct VerifyReport: Sendable {
    public var entries: Int
    public var headSeq: Int
    public var headHash: String
    public var issues: [LineIssue]
    /// Set when a checkpoint was given and the log does not match it.
    public var checkpointProblem: String?
    public var isIntact: Bool { issues.isEmpty && checkpointProblem == nil }
    public var head: Checkpoint { Checkpoint(seq: headSeq, hash: headHash) }
}

/// Ids of created records seen by the workers of the quick check, to find one given twice.
final class CreatedIDs: @unchecked Sendable {
    private let lock = NSLock()
    private var seen = Set<RecordID>()
    private(set) var hasDuplicate = false

    func add(_ id: RecordID, seq: Int) {
        lock.lock()
        defer { lock.unlock() }
        if !seen.insert(id).inserted { hasDuplicate = true }
    }
}

public enum Verifier {
    /// Checks the log at `path`. The common case (an intact log) is checked on all cores straight from
    /// the mapped file: header, sequence and chain of every line, and every event read in full (well-formed
    /// JSON, a known type, every field). Only when that finds anything does the line-by-line scan run,
    /// to name each problem and its line exactly.
    public static func verify(path: String, checkpoint: Checkpoint? = nil,
                              progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil) throws -> VerifyReport {
        // The same rules as opening: a FIFO or device is refused at once, a file that is not a log is
        // named as such (not listed as a thousand bad lines).
        let fd = try OpeningRules.openRegularFile(path, flags: O_RDONLY)
        defer { close(fd) }
        if case .notALog(let found) = try OpeningRules.judge(fd: fd) { throw LogError.notALog(found) }
        if let file = try? MappedFile(path: path), let report = quick(file, checkpoint: checkpoint, progress: progress) {
            return report
        }
        // Not intact, or not mappable: read it all and go line by line.
        let bytes = try readAll(fd)
        return bytes.withUnsafeBytes { slowVerify($0, checkpoint: checkpoint) }
    }

    private static func readAll(_ fd: Int32) throws -> [UInt8] {
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw LogError.io(operation: "read", code: errno) }
        var out = [UInt8](repeating: 0, count: Int(st.st_size))
        var got = 0
        while got < out.count {
            let n = out.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + got, $0.count - got, off_t(got)) }
            if n < 0 { if errno == EINTR { continue }; throw LogError.io(operation: "read", code: errno) }
            if n == 0 { break }
            got += n
        }
        out.removeSubrange(got...)
        return out
    }

    /// Checks a log given as its bytes (a log read from the database): the same checks as a file.
    public static func verify(bytes: [UInt8], checkpoint: Checkpoint? = nil) -> VerifyReport {
        let file = MappedFile(copying: bytes)
        if let report = quick(file, checkpoint: checkpoint, progress: nil) { return report }
        return slowVerify(file.bytes, checkpoint: checkpoint)
    }

    /// Checks the log at `location`, a file path or a PostgreSQL URI.
    public static func verify(location: String, checkpoint: Checkpoint? = nil,
                              progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil) throws -> VerifyReport {
        if PostgresTarget(location) == nil { return try verify(path: location, checkpoint: checkpoint, progress: progress) }
        return verify(bytes: try LogStores.bytes(of: location), checkpoint: checkpoint)
    }

    /// The report for an intact log, or nil when anything needs a closer look.
    static func quick(_ file: MappedFile, checkpoint: Checkpoint?, progress: (@Sendable (Int, Int) -> Void)?) -> VerifyReport? {
        let created = CreatedIDs()
        guard let good = FastChainCheck.check(file, wantSeq: checkpoint?.seq, eachLine: { line, header in
            guard let logged = try? EventCoding.logged(from: line, header: header) else { return false }
            if let id = logged.event.createdID { created.add(id, seq: header.seq) }
            return true
        }, progress: progress) else { return nil }
        // An id given twice, or a time that goes back: the line-by-line way names the line.
        guard !created.hasDuplicate, timesInOrder(file) else { return nil }
        var report = VerifyReport(entries: good.lines, headSeq: good.headSeq, headHash: good.headHash, issues: [])
        if let checkpoint {
            // An intact log numbers its lines 1, 2, 3 …: the line of a sequence number is that number.
            if let hash = good.hashAtSeq {
                if hash != checkpoint.hash { report.checkpointProblem = Text.checkpointMismatch(seq: checkpoint.seq, line: checkpoint.seq).text }
            } else {
                report.checkpointProblem = Text.checkpointMissing(seq: checkpoint.seq, head: good.headSeq).text
            }
        }
        return report
    }

    /// Whether every line's time is at or after the line before it (the lines are known to be good).
    static func timesInOrder(_ file: MappedFile) -> Bool {
        guard let base = file.bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return true }
        let count = file.bytes.count
        var start = 0
        var previous: UnsafeBufferPointer<UInt8>?
        while start < count, let nl = memchr(base + start, 0x0A, count - start) {
            let end = UnsafePointer(nl.assumingMemoryBound(to: UInt8.self)) - base
            let line = UnsafeBufferPointer(start: base + start, count: end - start)
            guard let header = HeaderParser.quickCheck(line) else { return false }
            let ts = UnsafeBufferPointer(rebasing: line[header.ts])
            if let previous, memcmp(ts.baseAddress!, previous.baseAddress!, min(ts.count, previous.count)) < 0 { return false }
            previous = ts
            start = end + 1
        }
        return true
    }

    /// The full line-by-line check of bytes that are not (yet) a file, e.g. a repaired copy.
    public static func lineByLine(_ bytes: UnsafeRawBufferPointer) -> VerifyReport { slowVerify(bytes, checkpoint: nil) }

    /// Line by line, naming every problem: the reader's own scan, then every event decoded.
    static func slowVerify(_ bytes: UnsafeRawBufferPointer, checkpoint: Checkpoint?) -> VerifyReport {
        let result = LogScanner.scan(bytes)
        var issues = result.issues
        var given = Set<RecordID>()
        var previousTime: String?
        for line in result.lines {
            if let before = previousTime, line.timestamp < before {
                issues.append(LineIssue(line: line.number, problem: .timeGoesBack(previous: before, this: line.timestamp)))
            }
            previousTime = line.timestamp
            do {
                let logged = try EventCoding.decode(line)
                if let id = logged.event.createdID, !given.insert(id).inserted {
                    issues.append(LineIssue(line: line.number, problem: .duplicateID(id.description)))
                }
            } catch let e as EventCoding.Undecodable {
                issues.append(LineIssue(line: line.number, problem: .notParsable(e.reason)))
            } catch {
                issues.append(LineIssue(line: line.number, problem: .notParsable("\(error)")))
            }
        }
        issues.sort { $0.line < $1.line }
        var report = VerifyReport(entries: result.goodCount, headSeq: result.headSeq, headHash: result.headHash, issues: issues)
        if let checkpoint {
            if let line = result.lines.first(where: { $0.seq == checkpoint.seq }) {
                if line.hash != checkpoint.hash {
                    report.checkpointProblem = Text.checkpointMismatch(seq: checkpoint.seq, line: line.number).text
                }
            } else {
                report.checkpointProblem = Text.checkpointMissing(seq: checkpoint.seq, head: result.headSeq).text
            }
        }
        return report
    }
}
