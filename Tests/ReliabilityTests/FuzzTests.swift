import Foundation
import XCTest
import KernteamDomain
import KernteamLog
import KernteamSession
import KernteamFixtures
@testable import KernteamCodec

/// Feeds many mutated and random logs to the reader (`LogScanner.scan`), decodes what it accepts
/// (`EventCoding.decode`) and now and then runs the full `Verifier.verify` on a file.
///
/// Every input is built from its own generator, seeded from the run's seed and the input's index, so
/// one failing input can be replayed alone:
///   KERNTEAM_FUZZ_SEED=<seed> KERNTEAM_FUZZ_ONLY=<index> swift test --filter FuzzTests
/// KERNTEAM_FUZZ_COUNT sets how many inputs (default 100,000).
///
/// What must hold for every input: no crash, it ends, the result is consistent with itself (the good
/// lines are a prefix of the input, numbered and chained, head = last good line, a torn tail starts
/// right after the good prefix), the first problem is reported on the line right after the good
/// prefix, and a changed input is never taken silently: something is reported, or the good prefix or
/// head differs from the original's (what a checkpoint catches), or the event does not decode.
final class FuzzTests: FaultsTestCase {

    /// The valid log every mutation starts from, with what the reader makes of it.
    private struct Original: Sendable {
        var bytes: [UInt8]
        var lines: [[UInt8]]
        var headSeq: Int
        var headHash: String
        var hashes: [String]
        var goodCount: Int { lines.count }
    }

    func testFuzzTheReader() throws {
        let env = ProcessInfo.processInfo.environment
        let count = env["KERNTEAM_FUZZ_COUNT"].flatMap { Int($0) } ?? 100_000
        let seed = env["KERNTEAM_FUZZ_SEED"].flatMap { UInt64($0) } ?? 0x6B65_726E_7465_616D   // "kernteam"
        let only = env["KERNTEAM_FUZZ_ONLY"].flatMap { Int($0) }
        print("FuzzTests: seed \(seed), \(only.map { "only input \($0)" } ?? "\(count) inputs")"
              + " (replay one: KERNTEAM_FUZZ_SEED=\(seed) KERNTEAM_FUZZ_ONLY=<index>)")

        // A valid 20-record log, written through a session like the real program does.
        try buildLog(records: 20)
        let bytes = try bytes()
        let scan = bytes.withUnsafeBytes { LogScanner.scan($0) }
        XCTAssertTrue(scan.issues.isEmpty && scan.goodCount == 20, "\(scan.issues)")
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        XCTAssertEqual(lines.removeLast(), [], "the log ends with a newline")
        let original = Original(bytes: bytes, lines: lines, headSeq: scan.headSeq, headHash: scan.headHash,
                                hashes: scan.lines.map(\.hash))
        for line in scan.lines { XCTAssertNoThrow(try EventCoding.decode(line)) }
        print("FuzzTests: original log \(bytes.count) bytes, \(lines.count) lines")

        let findings = FaultsFindings()
        let workers = only == nil ? max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8)) : 1
        let folder = dir.path
        let started = Date()
        let cpuBefore = faultsCPUSeconds()
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let verifyPath = folder + "/fuzz-verify-\(worker).log"
            var i = only ?? worker
            while i < (only.map { $0 + 1 } ?? count) {
                let t0 = DispatchTime.now().uptimeNanoseconds
                Self.runOne(index: i, seed: seed, original: original, verifyPath: verifyPath, findings: findings)
                let micros = Int((DispatchTime.now().uptimeNanoseconds - t0) / 1000)
                findings.max("slowest input µs", micros)
                i += workers
            }
        }
        let seconds = Date().timeIntervalSince(started)
        let stats = findings.snapshot
        print("FuzzTests: \(stats["inputs", default: 0]) inputs in \(String(format: "%.1f", seconds)) s on \(workers) threads"
              + " (\(String(format: "%.1f", faultsCPUSeconds() - cpuBefore)) s CPU)")
        for key in stats.keys.sorted() { print("FuzzTests:   \(key): \(stats[key]!)") }

        for failure in findings.failures { XCTFail(failure) }
        XCTAssertEqual(stats["failures", default: 0], 0, "seed \(seed)")
        XCTAssertEqual(stats["inputs", default: 0], only == nil ? count : 1)
        // Terminates: even the largest input (deep nesting) is read in well under a second.
        XCTAssertLessThan(stats["slowest input µs", default: 0], 5_000_000)
        if only == nil && count >= 10_000 {
            // The mix must reach every outcome, or the fuzzer is not testing what it claims.
            for key in ["changed: reported by the scanner", "changed: only the checkpoint notices",
                        "changed: decode fails", "decoded lines", "verified files", "deep nesting decoded",
                        "incremental scans"] {
                XCTAssertGreaterThan(stats[key, default: 0], 0, key)
            }
        }
    }

    // MARK: one input

    private static func runOne(index: Int, seed: UInt64, original: Original, verifyPath: String, findings: FaultsFindings) {
        var rng = SplitMix64(seed: seed ^ (UInt64(index) &* 0xD1B5_4A32_D192_ED03))
        _ = rng.next()
        var steps: [String] = []
        let input = makeInput(&rng, original: original, steps: &steps)
        findings.count("inputs")
        findings.max("largest input bytes", input.count)
        func fail(_ message: String) {
            findings.add("input \(index) (seed \(seed); \(steps.joined(separator: ", ")); \(input.count) bytes): \(message)")
        }

        let result = input.withUnsafeBytes { LogScanner.scan($0) }

        // 1. Consistent with itself.
        guard result.lines.count == result.goodCount else { return fail("lines.count \(result.lines.count) ≠ goodCount \(result.goodCount)") }
        var offset = 0
        for (j, line) in result.lines.enumerated() {
            if line.number != j + 1 || line.seq != j + 1 { return fail("good line \(j) numbered \(line.number) seq \(line.seq)") }
            let end = offset + line.bytes.count
            guard end < input.count, input[end] == 0x0A, same(input, offset..<end, line.bytes) else {
                return fail("good line \(j + 1) is not the input's bytes at \(offset)")
            }
            if j > 0 && line.prev != result.lines[j - 1].hash { return fail("good line \(j + 1) does not chain") }
            if j == 0 && line.prev != LogFormat.genesisPrev { return fail("first good line does not start the chain") }
            offset = end + 1
        }
        if result.goodEnd != offset { return fail("goodEnd \(result.goodEnd) ≠ end of good lines \(offset)") }
        if result.headSeq != (result.lines.last?.seq ?? 0) || result.headHash != (result.lines.last?.hash ?? LogFormat.genesisPrev) {
            return fail("head is not the last good line")
        }
        if result.issues.isEmpty {
            if result.goodEnd != input.count || result.tornTailOffset != nil { return fail("no issues but bytes left after the good lines") }
        } else {
            // Every bad line is reported, starting with the one right after the good prefix.
            if result.issues[0].line != result.goodCount + 1 {
                return fail("first issue \(result.issues[0]) is not on line \(result.goodCount + 1)")
            }
            if result.issues.contains(where: { $0.line <= result.goodCount }) { return fail("issue inside the good prefix: \(result.issues)") }
            if zip(result.issues, result.issues.dropFirst()).contains(where: { $0.line >= $1.line }) {
                return fail("issues out of order or repeated: \(result.issues)")
            }
        }
        if let torn = result.tornTailOffset {
            // What recovery cuts off: exactly the bytes after the good prefix, reported as one torn tail.
            if torn != result.goodEnd { return fail("torn tail at \(torn), good prefix ends at \(result.goodEnd)") }
            guard result.issues.count == 1, case .tornTail(let n) = result.issues[0].problem, n == input.count - torn else {
                return fail("torn tail not reported as the one issue: \(result.issues)")
            }
            if result.firstDamage != nil { return fail("torn tail also counted as damage") }
        } else if !result.issues.isEmpty {
            if result.firstDamage == nil { return fail("issues without damage or torn tail: \(result.issues)") }
        }

        // 2. Against the original: only the last good line can differ (nothing after it vouches for it).
        for j in 0..<max(0, result.goodCount - 1) {
            if j >= original.goodCount || !same(result.lines[j].bytes, original.lines[j]) {
                return fail("good line \(j + 1) differs from the original but was accepted, confirmed by the next line")
            }
        }
        var decodeFailed = false
        let decodeAll = rng.chance(100)
        for (j, line) in result.lines.enumerated() {
            let changed = j >= original.goodCount || !same(line.bytes, original.lines[j])
            guard changed || decodeAll else { continue }
            findings.count("decoded lines")
            if steps.contains(where: { $0.hasPrefix("nest") }) && changed { findings.count("deep nesting decoded") }
            do {
                _ = try EventCoding.decode(line)
            } catch is EventCoding.Undecodable {
                decodeFailed = true
            } catch {
                return fail("decode threw something else than Undecodable: \(error)")
            }
        }
        if same(input, original.bytes) {
            findings.count("unchanged")
            if !result.issues.isEmpty || result.goodCount != original.goodCount { return fail("the original itself is not read as intact") }
        } else {
            let reported = !result.issues.isEmpty
            let checkpoint = result.goodCount != original.goodCount || result.headSeq != original.headSeq
                || result.headHash != original.headHash
            if reported {
                findings.count("changed: reported by the scanner")
            } else if decodeFailed {
                findings.count("changed: decode fails")
            } else if checkpoint {
                findings.count("changed: only the checkpoint notices")
            } else {
                return fail("a changed log was read as the original: not reported, decoded, same head")
            }
        }

        // 3. The same answer without collecting lines (how verify reads a large log).
        if rng.chance(10) {
            let quick = input.withUnsafeBytes { LogScanner.scan($0, collect: false) }
            if quick.goodCount != result.goodCount || quick.issues != result.issues || quick.headHash != result.headHash
                || quick.goodEnd != result.goodEnd || quick.tornTailOffset != result.tornTailOffset || !quick.lines.isEmpty {
                return fail("collect: false gives another answer")
            }
            findings.count("scans without collecting")
        }

        // 4. Read in two parts, as a session tailing another process's appends does: split after a
        // good line that is itself followed by a good line (so nothing after the split can take it back).
        if result.goodCount >= 2 && rng.chance(10) {
            let k = 1 + rng.below(result.goodCount - 1)
            let split = result.lines[0..<k].reduce(0) { $0 + $1.bytes.count + 1 }
            let first = input[0..<split].withUnsafeBytes { LogScanner.scan($0) }
            let second = input[split...].withUnsafeBytes {
                LogScanner.scan($0, firstLine: first.goodCount + 1, baseOffset: first.goodEnd,
                                prevSeq: first.headSeq, prevHash: first.headHash)
            }
            if first.goodCount != k || !first.issues.isEmpty || first.goodCount + second.goodCount != result.goodCount
                || second.issues != result.issues || second.headHash != result.headHash || second.goodEnd != result.goodEnd
                || second.tornTailOffset != result.tornTailOffset {
                return fail("reading in two parts (split after line \(k)) gives another answer")
            }
            findings.count("incremental scans")
        }

        // 5. Now and then the whole verify on a file.
        if rng.chance(500) {
            do {
                try Self.replace(verifyPath, with: input)
                let report = try Verifier.verify(path: verifyPath)
                findings.count("verified files")
                if report.entries != result.goodCount || report.headHash != result.headHash || report.headSeq != result.headSeq {
                    return fail("verify disagrees with the scan")
                }
                if !Set(result.issues).isSubset(of: Set(report.issues)) { return fail("verify drops scan issues") }
                // Verify adds only events that do not decode, and only on changed lines (every
                // original line decodes).
                for issue in Set(report.issues).subtracting(result.issues) {
                    guard case .notParsable = issue.problem, issue.line <= result.goodCount else {
                        return fail("verify adds \(issue)")
                    }
                    let j = issue.line - 1
                    if j < original.goodCount && same(result.lines[j].bytes, original.lines[j]) {
                        return fail("verify reports an unchanged line: \(issue)")
                    }
                }
                if report.isIntact != (result.issues.isEmpty && !decodeFailed) {
                    return fail("verify says intact: \(report.isIntact), scan issues \(result.issues), decode failed: \(decodeFailed)")
                }
            } catch LogError.notALog {
                // The first line is not a header: verify (like opening) refuses the file as a whole.
                // The scan must agree that not even line 1 is good.
                if result.goodCount != 0 { return fail("verify says not a log, but the scan read \(result.goodCount) good lines") }
                findings.count("verified files")
                findings.count("verify: not a log")
            } catch {
                return fail("verify threw \(error)")
            }
        }
    }

    // MARK: making inputs

    private static let interesting: [UInt8] = Array("{}[]\":,\\\n\r\t 0123456789-+.eE".utf8) + [0x00, 0x7F, 0x80, 0xC0, 0xFF]

    private static func makeInput(_ rng: inout SplitMix64, original: Original, steps: inout [String]) -> [UInt8] {
        let kind = rng.below(100)
        if kind < 3 {
            steps.append("random bytes")
            let n = rng.below(800)
            var b = [UInt8](repeating: 0, count: n)
            for k in 0..<n { b[k] = rng.chance(40) ? 0x0A : rng.byte() }
            return b
        }
        if kind < 6 {
            steps.append("random tokens")
            let tokens: [[UInt8]] = ["{\"v\":1,\"seq\":", ",\"ts\":\"", "\",\"role\":\"", "\",\"prev\":\"", "\",\"",
                                     "type", "\":", "1", "99999999999999999999", String(repeating: "0", count: 64),
                                     original.hashes[0], "}", "{", "[", "]", "\n", "\"", ",", "\u{FFFD}", "é"].map { Array($0.utf8) }
            var b: [UInt8] = []
            for _ in 0..<rng.below(120) { b += tokens[rng.below(tokens.count)] }
            return b
        }
        var b = original.bytes
        let mutations = 1 + (rng.chance(3) ? rng.below(3) : 0)
        for _ in 0..<mutations { mutate(&b, &rng, original: original, steps: &steps) }
        return b
    }

    /// Ranges of the complete lines (without their newline) in `b`.
    private static func lineRanges(_ b: [UInt8]) -> [Range<Int>] {
        b.withUnsafeBytes { raw in
            var out: [Range<Int>] = []
            guard let base = raw.baseAddress else { return out }
            var start = 0
            while start < raw.count, let nl = memchr(base + start, 0x0A, raw.count - start) {
                let end = nl - UnsafeMutableRawPointer(mutating: base)
                out.append(start..<end)
                start = end + 1
            }
            return out
        }
    }

    private static func digitString(_ rng: inout SplitMix64) -> [UInt8] {
        switch rng.below(8) {
        case 0: return Array("9223372036854775807".utf8)
        case 1: return Array("99999999999999999999999999999999999999".utf8)
        case 2: return Array("-1".utf8)
        case 3: return Array("1e3".utf8)
        case 4: return Array("0x10".utf8)
        case 5: return Array("000000000000000001".utf8)
        default:
            let n = 1 + rng.below(40)
            return (0..<n).map { _ in UInt8(48 + rng.below(10)) }
        }
    }

    private static func mutate(_ b: inout [UInt8], _ rng: inout SplitMix64, original: Original, steps: inout [String]) {
        let lines = lineRanges(b)
        func someLine() -> Range<Int>? {
            guard !lines.isEmpty else { return nil }
            // The last line matters most (nothing after it vouches for it): pick it a third of the time.
            return rng.chance(3) ? lines[lines.count - 1] : lines[rng.below(lines.count)]
        }
        func at() -> Int { rng.below(b.count + 1) }
        switch rng.below(19) {
        case 0:
            guard !b.isEmpty else { return }
            let flips = 1 + rng.below(4)
            for _ in 0..<flips { b[rng.below(b.count)] ^= UInt8(1 << rng.below(8)) }
            steps.append("flip \(flips) bits")
        case 1:
            guard !b.isEmpty else { return }
            b[rng.below(b.count)] = rng.chance(2) ? rng.byte() : interesting[rng.below(interesting.count)]
            steps.append("set byte")
        case 2:
            let n = 1 + rng.below(4)
            b.insert(contentsOf: (0..<n).map { _ in rng.chance(2) ? rng.byte() : interesting[rng.below(interesting.count)] }, at: at())
            steps.append("insert \(n) bytes")
        case 3:
            guard !b.isEmpty else { return }
            let start = rng.below(b.count)
            let n = min(b.count - start, 1 + rng.below(16))
            b.removeSubrange(start..<start + n)
            steps.append("delete \(n) bytes")
        case 4:
            b.removeSubrange(rng.below(b.count + 1)...)
            steps.append("truncate")
        case 5:
            guard !lines.isEmpty else { return }
            let keep = rng.below(lines.count)
            b.removeSubrange((keep == 0 ? 0 : lines[keep - 1].upperBound + 1)...)
            steps.append("keep \(keep) lines")
        case 6:
            guard let l = someLine() else { return }
            let copy = Array(b[l]) + [0x0A]
            let to = rng.chance(2) ? l.upperBound + 1 : (lines.isEmpty ? 0 : lines[rng.below(lines.count)].lowerBound)
            b.insert(contentsOf: copy, at: min(to, b.count))
            steps.append("duplicate line")
        case 7:
            guard lines.count >= 2 else { return }
            let i = rng.below(lines.count - 1)
            let j = i + 1 + rng.below(lines.count - 1 - i)
            let li = Array(b[lines[i]]), lj = Array(b[lines[j]])
            b.replaceSubrange(lines[j], with: li)
            b.replaceSubrange(lines[i], with: lj)
            steps.append("swap lines \(i + 1),\(j + 1)")
        case 8:
            guard let l = someLine() else { return }
            b.removeSubrange(l.lowerBound..<min(b.count, l.upperBound + 1))
            steps.append("delete line")
        case 9:
            let n = 1 + rng.below(200)
            b += (0..<n).map { _ in rng.byte() }
            if rng.chance(2) { b.append(0x0A) }
            steps.append("append garbage")
        case 10:
            // Huge or odd numbers where the header has its version or sequence number.
            guard let l = someLine(), l.count > 14 else { return }
            let version = rng.chance(3)
            let start = l.lowerBound + (version ? 5 : 13)
            var end = start
            while end < l.upperBound, b[end] >= 48, b[end] <= 57 { end += 1 }
            b.replaceSubrange(start..<end, with: digitString(&rng))
            steps.append(version ? "number in v" : "number in seq")
        case 11:
            let bad: [[UInt8]] = [[0xC0, 0x80], [0xFF], [0xED, 0xA0, 0x80], [0xE2, 0x82], [0xF4, 0x90, 0x80, 0x80], [0x80]]
            let seq = bad[rng.below(bad.count)]
            if let l = someLine(), rng.chance(2), l.count > 40 {
                b.insert(contentsOf: seq, at: l.lowerBound + 20 + rng.below(l.count - 40))
            } else {
                b.insert(contentsOf: seq, at: at())
            }
            steps.append("invalid UTF-8")
        case 12:
            // Deep nesting in the body, header kept: on the last line the scanner accepts it, so the
            // decoder gets it.
            guard let l = rng.chance(4) ? someLine() : lines.last, l.count > 160 else { return }
            guard let prevStart = firstIndex(of: Array("\"prev\":\"".utf8), in: b, range: l) else { return }
            let bodyStart = prevStart + 8 + 64 + 2
            // Far deeper than any JSON parser's nesting limit (512 in Foundation), yet small inputs.
            let depth = 1 + rng.below(rng.chance(4) ? 5_000 : 600)
            let brackets = rng.chance(2)
            let closed = rng.chance(4) ? depth / 2 : depth
            let body = Array(("\"type\":\"decision.taken\",\"kern\":"
                              + String(repeating: brackets ? "[" : "{\"a\":", count: depth) + "1"
                              + String(repeating: brackets ? "]" : "}", count: closed) + "}").utf8)
            b.replaceSubrange(bodyStart..<l.upperBound, with: body)
            steps.append("nest \(depth)")
        case 13:
            guard let l = someLine(), l.upperBound < b.count else { return }
            b.insert(0x0D, at: l.upperBound)
            steps.append("CRLF")
        case 14:
            b.insert(0x0A, at: lines.isEmpty || rng.chance(3) ? at() : lines[rng.below(lines.count)].lowerBound)
            steps.append("empty line")
        case 15:
            // A digit in the last line's body changed to another digit: still valid JSON, still
            // decodes; only a checkpoint can tell.
            guard let l = lines.last, l.count > 150 else { return }
            let digits = (l.lowerBound + 150..<l.upperBound).filter { $0 < b.count && b[$0] >= 48 && b[$0] <= 57 }
            guard !digits.isEmpty else { return }
            let k = digits[rng.below(digits.count)]
            b[k] = UInt8(48 + (Int(b[k]) - 48 + 1 + rng.below(9)) % 10)
            steps.append("digit in last body")
        case 16:
            guard !b.isEmpty else { return }
            let start = rng.below(b.count)
            let chunk = Array(b[start..<min(b.count, start + 1 + rng.below(300))])
            b.insert(contentsOf: chunk, at: at())
            steps.append("splice")
        case 17:
            // Point a line's prev at the genesis or at another line's hash.
            guard let l = someLine(), let p = firstIndex(of: Array("\"prev\":\"".utf8), in: b, range: l), p + 8 + 64 <= l.upperBound else { return }
            let target = rng.chance(2) ? LogFormat.genesisPrev : original.hashes[rng.below(original.hashes.count)]
            b.replaceSubrange(p + 8..<p + 8 + 64, with: Array(target.utf8))
            steps.append("rechain prev")
        default:
            if b.last == 0x0A { b.removeLast() }
            steps.append("drop final newline")
        }
    }

    private static func firstIndex(of needle: [UInt8], in b: [UInt8], range: Range<Int>) -> Int? {
        guard range.count >= needle.count, range.upperBound <= b.count else { return nil }
        return b.withUnsafeBytes { hay in
            needle.withUnsafeBytes { n in
                var k = range.lowerBound
                while k + n.count <= range.upperBound {
                    if memcmp(hay.baseAddress! + k, n.baseAddress!, n.count) == 0 { return k }
                    k += 1
                }
                return nil
            }
        }
    }

    /// Byte equality with memcmp: `==` on arrays goes element by element in a debug build.
    private static func same(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        a.count == b.count && a.withUnsafeBytes { pa in b.withUnsafeBytes { pb in
            a.isEmpty || memcmp(pa.baseAddress!, pb.baseAddress!, a.count) == 0
        } }
    }

    private static func same(_ a: [UInt8], _ range: Range<Int>, _ b: [UInt8]) -> Bool {
        range.count == b.count && a.withUnsafeBytes { pa in b.withUnsafeBytes { pb in
            b.isEmpty || memcmp(pa.baseAddress! + range.lowerBound, pb.baseAddress!, b.count) == 0
        } }
    }
}
