import Foundation

/// Splits log bytes into lines and checks each line's header, sequence and hash chain.
/// Pure: used on open, when tailing another process's appends, and by `verify`.
public struct LogScanner {
    public struct Result: Sendable {
        /// Lines that passed every check, in order, up to the first problem.
        public var lines: [LogLine] = []
        /// Every problem found, with its line number.
        public var issues: [LineIssue] = []
        /// Where bytes start that look like an interrupted write (a crash mid-append, or garbage at the
        /// end) rather than damage in the middle; nil when the file ends cleanly.
        public var tornTailOffset: Int?
        /// Offset just past the last good line's newline.
        public var goodEnd: Int = 0
        /// Sequence number and hash of the last good line.
        public var headSeq: Int = 0
        public var headHash: String = LogFormat.genesisPrev
        /// Timestamp of the last good line (nil when no line was read).
        public var headTimestamp: String?
        /// Number of good lines (also counted when `collect` is false).
        public var goodCount: Int = 0

        /// The first problem that is not a recoverable torn tail.
        public var firstDamage: LineIssue? {
            issues.first { if case .tornTail = $0.problem { return false } else { return true } }
        }
    }

    /// Scans `bytes` that start at line number `firstLine` (file offset `baseOffset`), continuing a chain
    /// whose last record had sequence `prevSeq` and hash `prevHash`. With `collect` false only the
    /// checks run (for `verify` of a large log), no line is kept.
    public static func scan(_ bytes: UnsafeRawBufferPointer, firstLine: Int = 1, baseOffset: Int = 0,
                            prevSeq: Int = 0, prevHash: String = LogFormat.genesisPrev,
                            collect: Bool = true) -> Result {
        var result = Result()
        result.headSeq = prevSeq
        result.headHash = prevHash
        result.goodEnd = baseOffset
        guard let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return result }
        let count = bytes.count
        var start = 0
        var lineNo = firstLine
        // The chain as the previous line left it (good or not), to report each break only once.
        var localSeq = prevSeq
        var localHash = prevHash
        var damaged = false
        var damageStart = 0
        var damageIssueIndex = 0
        var chainResumed = false
        // Head before the last good line, to take that line back out if the next one shows it was edited.
        var lastGood: (seq: Int, hash: String, end: Int, ts: String?)? = nil

        while start < count {
            guard let nl = memchr(base + start, 0x0A, count - start) else {
                // No newline: an append that never finished.
                if !damaged {
                    damaged = true
                    damageStart = start
                    damageIssueIndex = result.issues.count
                }
                result.issues.append(LineIssue(line: lineNo, problem: .tornTail(bytes: count - start)))
                break
            }
            let end = UnsafePointer(nl.assumingMemoryBound(to: UInt8.self)) - base
            let line = UnsafeBufferPointer(start: base + start, count: end - start)
            let hash = Hashing.sha256Hex(UnsafeRawBufferPointer(line))
            var problem: LineProblem? = nil
            var header: HeaderParser.Header? = nil
            do {
                header = try HeaderParser.parse(line)
            } catch HeaderParser.Failure.bad(let why) {
                // A line that only gained a CR before its newline (converted to Windows line ends).
                let crOnly = line.count > 1 && line[line.count - 1] == 0x0D
                    && (try? HeaderParser.parse(UnsafeBufferPointer(rebasing: line[0..<line.count - 1]))) != nil
                problem = crOnly ? .windowsLineEnd : .badHeader(why)
            } catch {
                problem = .badHeader("\(error)")
            }
            var blamePrevious = false
            if let h = header {
                if h.version != LogFormat.version {
                    problem = .unsupportedVersion(h.version)
                    chainResumed = true
                } else if h.prev != localHash {
                    problem = .chainBroken
                    // The right next number but the wrong hash: the line before was changed after it
                    // was written. That is damage in the log, never a torn tail to cut off.
                    // Unless the line after this one does not chain onto it either: then this line's
                    // own `prev` was changed, and the line before it is fine.
                    if h.seq == localSeq + 1 {
                        chainResumed = true
                        blamePrevious = !damaged && !nextLineDisowns(base, count: count, from: end + 1, hash: hash)
                    }
                } else if h.seq != localSeq + 1 {
                    problem = .sequenceGap(expected: localSeq + 1, found: h.seq)
                    chainResumed = true
                } else if damaged {
                    // Correctly chained on after damage: real records follow, so the damage is in the middle.
                    chainResumed = true
                }
                localSeq = h.seq
            } else {
                localSeq += 1
            }
            localHash = hash
            if blamePrevious, let previous = lastGood, result.goodCount > 0 {
                // Take the edited line out of the good prefix and name it, not the line after it.
                if collect { result.lines.removeLast() }
                result.goodCount -= 1
                result.goodEnd = previous.end
                result.headSeq = previous.seq
                result.headHash = previous.hash
                result.headTimestamp = previous.ts
                damaged = true
                damageStart = previous.end - baseOffset
                damageIssueIndex = result.issues.count
                result.issues.append(LineIssue(line: lineNo - 1, problem: .editedAfterWriting(confirmedBy: lineNo)))
            } else if let problem {
                if !damaged {
                    damaged = true
                    damageStart = start
                    damageIssueIndex = result.issues.count
                }
                result.issues.append(LineIssue(line: lineNo, problem: problem))
            } else if !damaged, let h = header {
                lastGood = (result.headSeq, result.headHash, result.goodEnd, result.headTimestamp)
                if collect {
                    result.lines.append(LogLine(number: lineNo, seq: h.seq, timestamp: h.ts, role: h.role, prev: h.prev,
                                                bytes: Array(line), hash: hash))
                }
                result.goodCount += 1
                result.goodEnd = baseOffset + end + 1
                result.headSeq = h.seq
                result.headHash = hash
                result.headTimestamp = h.ts
            }
            start = end + 1
            lineNo += 1
        }
        if damaged && !chainResumed, case .tornTail = result.issues[damageIssueIndex].problem {
            // Only one partial line (no newline) after the last good line: what an interrupted append
            // leaves, a torn tail. Complete lines that are not records are damage (see `OpeningRules`),
            // reported as they are and never cut off.
            result.tornTailOffset = baseOffset + damageStart
        }
        return result
    }

    /// Whether the complete line starting at `from` has a readable header whose `prev` is not `hash`.
    private static func nextLineDisowns(_ base: UnsafePointer<UInt8>, count: Int, from: Int, hash: String) -> Bool {
        guard from < count, let nl = memchr(base + from, 0x0A, count - from) else { return false }
        let end = UnsafePointer(nl.assumingMemoryBound(to: UInt8.self)) - base
        guard let next = try? HeaderParser.parse(UnsafeBufferPointer(start: base + from, count: end - from)) else { return false }
        return next.prev != hash
    }
}
