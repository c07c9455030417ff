import Foundation
import KernteamDomain
import KernteamLog
import KernteamSession
import KernteamFixtures
import XCTest

/// Fuzzing of lines that chain correctly: a line's event is mutated (numbers at 64-bit edges,
/// a key given twice, another or an unknown type, control characters, bytes changed, fields
/// dropped, deep nesting) and every `prev` after it recomputed, as someone with a text editor and a
/// script could. The chain then says nothing; every field must be checked on reading.
///
/// What must hold for every input: nothing traps; opening and verify agree on whether the log is
/// usable, and name the mutated line (or one after it) when it is not; a write after an unusable line
/// is refused and one on a usable log succeeds; what is folded can be summed and charted.
///   KERNTEAM_CHAINED_FUZZ_COUNT (default 1,500), KERNTEAM_CHAINED_FUZZ_SEED to replay.
final class ChainedFuzzTests: FaultsTestCase {
    static let edgeNumbers = ["9223372036854775807", "-9223372036854775808", "9223372036854775808", "-1", "0", "1e300", "-0",
                              "1.5", "99999999999999999999", "100000000000000", "2147483648", "1440", "1441"]
    static let oddStrings = ["\"\\u0000\"", "\"\\u001b[2J\"", "\"\\ud800\"", "\"\"", "\"B-999999999999\"", "\"../../x\"", "null", "true", "[]", "{}",
                             "\"2009-02-29\"", "\"9999-99-99\"", String(repeating: "[", count: 80) + String(repeating: "]", count: 80)]
    static let types = ["decision.taken", "action.created", "budget.allocated", "meeting.held", "residents.counted", "lemon.scored",
                        "entry.corrected", "entry.withdrawn", "person.erased", "nieuw.soort", "meeting.closed", "agenda.item_added"]

    func testFuzzCorrectlyChainedLines() throws {
        let env = ProcessInfo.processInfo.environment
        let count = env["KERNTEAM_CHAINED_FUZZ_COUNT"].flatMap { Int($0) } ?? 1_500
        let seed = env["KERNTEAM_CHAINED_FUZZ_SEED"].flatMap { UInt64($0) } ?? 0xC4A1_2009
        try buildLog(records: 14)
        let session = try open()
        for draft in [Draft([.wijk: "Emerald", .year: "2009", .amount: "1.500", .decision: "B-1"]),
                      Draft([.wijk: "Emerald", .theme: "verkeer", .year: "2009", .score: "7,25"])] {
            _ = session.record(draft[.amount] != nil ? .budget : .lemon, draft)
        }
        let original = try bytes().split(separator: 0x0A).map(Array.init)
        var rng = SplitMix64(seed: seed)
        var outcomes: [String: Int] = [:]
        var failures: [String] = []
        let path = dir.appendingPathComponent("fuzz.jsonl").path
        for i in 0..<count {
            var lines = original
            let k = 1 + rng.below(lines.count - 1)   // never line 1 (its header makes it a log at all)
            let what = mutate(&lines[k], &rng)
            rechain(&lines, from: k + 1)
            let input: [UInt8] = lines.flatMap { $0 + [UInt8(0x0A)] }
            try Data(input).write(to: URL(fileURLWithPath: path))
            try? FileManager.default.removeItem(atPath: path + ".personen")
            func fail(_ m: String) { if failures.count < 30 { failures.append("input \(i) (seed \(seed), line \(k + 1), \(what)): \(m)") } }

            let reader: Session
            do { reader = try Session.open(path: path, reference: nil, role: .cli, readOnly: true, clock: faultsFixedClock) } catch {
                fail("open threw \(error)"); continue
            }
            let report: VerifyReport
            do { report = try Verifier.verify(path: path) } catch { fail("verify threw \(error)"); continue }
            let problem = reader.firstProblem
            if (problem == nil) != report.isIntact { fail("open says \(String(describing: problem)), verify says \(report.issues)") }
            if let problem, problem.line < k + 1 { fail("named line \(problem.line), before the changed line") }
            if let first = report.issues.first, first.line < k + 1 { fail("verify named line \(first.line), before the changed line") }
            // Whatever was folded can be used.
            _ = reader.state.budgetStatuses()
            _ = reader.state.history(HistoryFilter())
            for m in reader.state.meetings.items { _ = reader.state.plannedMinutes(m.value.id) }
            for kern in reader.state.reference.kernen { _ = Dashboard.charts(state: reader.state, kern: kern.name, wijk: nil, today: reader.today) }
            // A write: refused after an unusable line, accepted otherwise, and the file then still verifies as before.
            if rng.below(4) == 0 {
                do {
                    let writer = try Session.open(path: path, reference: nil, role: .cli, clock: faultsFixedClock)
                    let result = writer.record(.decision, Draft([.wijk: "Emerald", .text: "na fuzz \(i)"]))
                    switch (problem, result) {
                    case (nil, .success): outcomes["write accepted", default: 0] += 1
                        if !(try Verifier.verify(path: path)).isIntact { fail("the log is not intact after a write") }
                    case (.some, .failure(.log(.damaged))): outcomes["write refused", default: 0] += 1
                        if try bytes(path) != input { fail("a refused write changed the file") }
                    default: fail("write gave \(result) with problem \(String(describing: problem))")
                    }
                } catch {
                    fail("opening for writing threw \(error)")
                }
            }
            outcomes[problem == nil ? "usable" : "named", default: 0] += 1
        }
        print("ChainedFuzzTests: \(count) inputs, seed \(seed): \(outcomes.sorted { $0.key < $1.key })")
        for f in failures { XCTFail(f) }
        XCTAssertGreaterThan(outcomes["usable", default: 0], count / 20, "some mutations leave a valid event")
        XCTAssertGreaterThan(outcomes["named", default: 0], count / 4)
        XCTAssertGreaterThan(outcomes["write refused", default: 0], 0)
        XCTAssertGreaterThan(outcomes["write accepted", default: 0], 0)
    }

    /// Changes the event part of `line` (after its header) and says how.
    func mutate(_ line: inout [UInt8], _ rng: inout SplitMix64) -> String {
        let header = line.withUnsafeBufferPointer { HeaderParser.quickCheck($0) }!
        let bodyStart = header.body
        var body = Array(line[bodyStart...])
        func replaceFirst(_ pattern: (UInt8) -> Bool, length: (Int) -> Int, with new: String) -> Bool {
            let starts = body.indices.filter { pattern(body[$0]) && ($0 == 0 || body[$0 - 1] == UInt8(ascii: ":")) }
            guard !starts.isEmpty else { return false }
            let s = starts[rng.below(starts.count)]
            body.replaceSubrange(s..<s + length(s), with: Array(new.utf8))
            return true
        }
        func tokenEnd(_ s: Int) -> Int {
            var e = s
            if body[s] == UInt8(ascii: "\"") {
                e += 1
                while e < body.count, body[e] != UInt8(ascii: "\"") { if body[e] == UInt8(ascii: "\\") { e += 1 }; e += 1 }
                return min(body.count, e + 1) - s
            }
            while e < body.count, !",}]".utf8.contains(body[e]) { e += 1 }
            return e - s
        }
        let kind = rng.below(8)
        var what = ""
        switch kind {
        case 0:
            let n = Self.edgeNumbers[rng.below(Self.edgeNumbers.count)]
            what = "a number becomes \(n)"
            if !replaceFirst({ ($0 >= 48 && $0 <= 57) || $0 == UInt8(ascii: "-") }, length: tokenEnd, with: n) {
                body.insert(contentsOf: Array(",\"minutes\":\(n)".utf8), at: body.count - 1)
            }
        case 1:
            let v = Self.oddStrings[rng.below(Self.oddStrings.count)]
            what = "a value becomes \(v.prefix(20))"
            _ = replaceFirst({ $0 == UInt8(ascii: "\"") }, length: tokenEnd, with: v)
        case 2:
            let key = ["text", "id", "type", "kern", "seq", "ts", "cost", "amount"][rng.below(8)]
            what = "key \(key) given twice"
            body.insert(contentsOf: Array(",\"\(key)\":\"x\"".utf8), at: body.count - 1)
        case 3:
            let t = Self.types[rng.below(Self.types.count)]
            what = "type becomes \(t)"
            let s = String(decoding: body, as: UTF8.self)
            if let r = s.range(of: #""type":"[^"]*""#, options: .regularExpression) {
                body = Array(s.replacingCharacters(in: r, with: "\"type\":\"\(t)\"").utf8)
            }
        case 4:
            what = "a byte changed"
            let at = rng.below(body.count)
            var b = UInt8(truncatingIfNeeded: rng.next())
            if b == 0x0A { b = 0x0B }
            body[at] = b
        case 5:
            what = "a field dropped"
            let s = String(decoding: body, as: UTF8.self)
            let fields = s.ranges(of: #","[a-z_]+":("[^"]*"|[^,}\]]*)"#)
            if let r = fields.randomElement(using: &rng) { body = Array(s.replacingCharacters(in: r, with: "").utf8) }
        case 6:
            what = "an id given again"
            let s = String(decoding: body, as: UTF8.self)
            if let r = s.range(of: #""id":"[A-Z]+-[0-9]+""#, options: .regularExpression) {
                body = Array(s.replacingCharacters(in: r, with: "\"id\":\"\(["V-1", "S-1", "A-1", "B-1", "B-2"][rng.below(5)])\"").utf8)
            }
        default:
            what = "bytes inserted"
            let at = rng.below(body.count)
            body.insert(contentsOf: [UInt8(ascii: ","), 0x1B, 0x00, 0xFF, UInt8(ascii: "\"")][0..<(1 + rng.below(5))], at: at)
        }
        line = Array(line[..<bodyStart]) + body
        return what
    }

    /// Recomputes `prev` of every line from `from` on, so the chain is whole again.
    func rechain(_ lines: inout [[UInt8]], from: Int) {
        guard from < lines.count else { return }
        for j in from..<lines.count {
            let marker = Array("\"prev\":\"".utf8)
            guard let at = (0..<(lines[j].count - marker.count)).first(where: { Array(lines[j][$0..<$0 + marker.count]) == marker }) else { continue }
            let hash = Array(Hashing.sha256Hex(lines[j - 1]).utf8)
            lines[j].replaceSubrange(at + marker.count..<at + marker.count + 64, with: hash)
        }
    }
}

extension String {
    /// Every match of a regular expression.
    func ranges(of pattern: String) -> [Range<String.Index>] {
        var out: [Range<String.Index>] = []
        var from = startIndex
        while from < endIndex, let r = range(of: pattern, options: .regularExpression, range: from..<endIndex) {
            out.append(r)
            from = r.upperBound
        }
        return out
    }
}
