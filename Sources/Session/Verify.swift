import Foundation
import KernteamDomain
import KernteamLog

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

public enum Verifier {
    /// Checks the log at `path`. The common case (an intact log) is checked on all cores straight from
    /// the mapped file: header, sequence and chain of every line, well-formed JSON and a known event
    /// type; with `deep` also every event decoded in full. Only when that finds anything does the
    /// line-by-line scan run, to name each problem and its line exactly.
    public static func verify(path: String, checkpoint: Checkpoint? = nil, deep: Bool = false,
                              progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil) throws -> VerifyReport {
        let file = try MappedFile(path: path)
        let known = KnownTypes()
        if let good = FastChainCheck.check(file, wantSeq: checkpoint?.seq, eachLine: { line in
            guard (try? JSONReader.validate(line)) != nil, known.contains(typeIn: line) else { return false }
            return !deep || (try? EventCoding.event(from: line)) != nil
        }, progress: progress) {
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
        return slowVerify(file.bytes, checkpoint: checkpoint)
    }

    /// Line by line, naming every problem: the reader's own scan, then every event decoded.
    static func slowVerify(_ bytes: UnsafeRawBufferPointer, checkpoint: Checkpoint?) -> VerifyReport {
        let result = LogScanner.scan(bytes)
        var issues = result.issues
        for line in result.lines {
            do { _ = try EventCoding.decode(line) } catch let e as EventCoding.Undecodable {
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

/// The event types this version knows, matched against a line's bytes without building strings.
struct KnownTypes: Sendable {
    private let names: [[UInt8]] = Event.allTypeNames.map { Array($0.utf8) }
    private static let marker = Array("\"type\":\"".utf8)
    private static let prevMarker = Array("\"prev\":\"".utf8)

    /// Whether the line's `"type":"…"` (right after the header, where the log writes it) names a known type.
    /// False also when the type is elsewhere in the line: the slow path then decodes it properly.
    func contains(typeIn line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = line.baseAddress, let prev = Self.find(Self.prevMarker, in: line) else { return false }
        let at = prev + 8 + 64 + 2   // past `"prev":"`, the hash, its closing quote and the comma
        let m = Self.marker
        guard at + m.count < line.count, memcmp(base + at, m, m.count) == 0 else { return false }
        let nameStart = at + m.count
        guard let q = memchr(base + nameStart, 0x22, line.count - nameStart) else { return false }
        let length = UnsafePointer(q.assumingMemoryBound(to: UInt8.self)) - (base + nameStart)
        return names.contains { $0.count == length && memcmp(base + nameStart, $0, length) == 0 }
    }

    private static func find(_ needle: [UInt8], in line: UnsafeBufferPointer<UInt8>) -> Int? {
        ByteSearch.firstIndex(of: needle, in: line)
    }
}
