import Foundation
import KernteamDomain
import KernteamLog
import KernteamSession
import KernteamFixtures
import XCTest

/// A crash mid-append must cost at most the unfinished last line: opening recovers the longest valid
/// prefix, moves the one partial line after it to `<log>.torn-1`, and the log takes new entries and
/// verifies intact. Anything more than one partial line (complete lines that are not records) is
/// damage: named, never moved (OpeningRules).
final class TornTailTests: XCTestCase {
    var dir = ""
    /// The intact 10-line log (genesis + 9 decisions) and its lines, newline included.
    var base: [UInt8] = []
    var lines: [Range<Int>] = []

    override func setUpWithError() throws {
        dir = try HarnessSupport.scratchDir("torn", inMemory: true)
        let path = dir + "/base.jsonl"
        let session = try Session.open(path: path, reference: HarnessSupport.reference)
        let texts = ["eerste besluit", "tweede", "derde", "vierde", "vijfde", "zesde", "zevende",
                     // Multi-byte UTF-8 and escapes in the last two lines, so cuts land inside them too.
                     "Bewoners van de Prinses Beatrixstraat: \"geen\" parkeerplaats → fietsenrek, €250 (één keer) ✓",
                     "laatste besluit: café 'De Zwaan' krijgt een terrasvergunning; \\ en / blijven; 🚲 ja"]
        for t in texts {
            guard case .success = session.record(.decision, Draft([.wijk: "Proefwijk", .text: t])) else {
                XCTFail("could not build the base log"); return
            }
        }
        base = HarnessSupport.bytes(path)
        lines = HarnessSupport.lineRanges(base)
        XCTAssertEqual(lines.count, 10)
        XCTAssertTrue(try Verifier.verify(path: path).isIntact)
    }

    override func tearDown() {
        if (testRun?.totalFailureCount ?? 1) == 0 { try? FileManager.default.removeItem(atPath: dir) } else { print("TornTailTests scratch: \(dir)") }
    }

    /// Writes `bytes` as a fresh log, opens it and checks the recovery. Returns problems, empty when fine.
    func recover(_ bytes: [UInt8], goodLines: Int, torn: [UInt8]?, label: String) -> [String] {
        let path = dir + "/case.jsonl"
        if let names = try? FileManager.default.contentsOfDirectory(atPath: dir) {
            for n in names where n.hasPrefix("case.jsonl") { try? FileManager.default.removeItem(atPath: dir + "/" + n) }
        }
        var problems: [String] = []
        func check(_ ok: Bool, _ what: @autoclosure () -> String) { if !ok { problems.append("\(label): \(what())") } }
        do {
            try HarnessSupport.write(bytes, to: path)
            let session = try Session.open(path: path, reference: nil)
            check(session.log.readOnlyReason == nil, "opened read-only: \(String(describing: session.log.readOnlyReason))")
            check(session.log.lineCount == goodLines, "\(session.log.lineCount) lines kept, expected \(goodLines)")
            check(session.log.headSeq == goodLines, "head seq \(session.log.headSeq), expected \(goodLines)")
            check(session.state.decisions.count == goodLines - 1, "\(session.state.decisions.count) decisions in the state")
            check(session.undecodable.isEmpty, "undecodable lines \(session.undecodable)")
            let goodEnd = goodLines == 0 ? 0 : lines[goodLines - 1].upperBound
            check(HarnessSupport.bytes(path) == Array(base[0..<goodEnd]), "file is not the valid prefix after recovery")
            if let torn {
                check(session.log.recoveredTailPath == path + ".torn-1", "tail moved to \(String(describing: session.log.recoveredTailPath))")
                check(HarnessSupport.bytes(path + ".torn-1") == torn, "\(path).torn-1 does not hold the cut bytes")
            } else {
                check(session.log.recoveredTailPath == nil, "a clean end was treated as torn")
            }
            switch session.record(.decision, Draft([.wijk: "Proefwijk", .text: "na herstel"])) {
            case .success(let logged): check(logged.seq == goodLines + 1, "next append got seq \(logged.seq)")
            case .failure(let f): check(false, "next append failed: \(f)")
            }
            let report = try Verifier.verify(path: path)
            check(report.isIntact, "verify after the next append: \(report.issues)")
            check(report.entries == goodLines + 1, "verify counts \(report.entries) entries")
            let again = try Session.open(path: path, reference: nil)
            check(again.log.recoveredTailPath == nil && again.log.lineCount == goodLines + 1, "reopening is not clean")
            check(FileManager.default.fileExists(atPath: path + ".torn-2") == false, "a second tail file appeared")
        } catch {
            problems.append("\(label): \(error)")
        }
        return problems
    }

    func testEveryCutInsideTheLastTwoRecordsRecoversTheLongestValidPrefix() throws {
        var problems: [String] = []
        var cuts = 0
        let elapsed = HarnessSupport.timed {
            for k in [lines.count - 2, lines.count - 1] {
                let line = lines[k]
                // A cut exactly at the start of the line is a clean end: nothing to recover.
                problems += recover(Array(base[0..<line.lowerBound]), goodLines: k, torn: nil, label: "cut at start of line \(k + 1)")
                for offset in (line.lowerBound + 1)..<line.upperBound {
                    cuts += 1
                    problems += recover(Array(base[0..<offset]), goodLines: k, torn: Array(base[line.lowerBound..<offset]),
                                        label: "cut at byte \(offset) (line \(k + 1), \(offset - line.lowerBound) of \(line.count) bytes)")
                    if problems.count > 20 { break }
                }
            }
        }
        print("TornTailTests: \(cuts) cuts inside the last two records recovered; \(String(format: "%.1f", elapsed)) s")
        XCTAssertGreaterThan(cuts, 200)
        XCTAssertTrue(problems.isEmpty, problems.prefix(20).joined(separator: "\n"))
    }

    func testOnePartialLineIsCutOffAndCompleteLinesAreDamageLeftInPlace() throws {
        var rng = SplitMix64(seed: SplitMix64.seed(env: "KERNTEAM_TORN_SEED"))
        func random(_ n: Int, newlines: Bool) -> [UInt8] {
            (0..<n).map { _ in
                var b = UInt8.random(in: 0...255, using: &rng)
                if !newlines && b == 0x0A { b = 0x0B }
                return b
            }
        }
        let text = { (i: Int) in Array(self.base[self.lines[i]]) }
        let last = lines.count - 1
        // A line that looks right but is not: a proper header with a wrong prev and a wrong seq.
        let forged = Array("{\"v\":1,\"seq\":99,\"ts\":\"2026-01-01T00:00:00Z\",\"role\":\"secretaris\",\"prev\":\"\(String(repeating: "ab", count: 32))\",\"type\":\"decision.taken\",\"id\":\"B-99\",\"kern\":\"Harnas\",\"text\":\"vals\",\"wijk\":\"Proefwijk\"}\n".utf8)
        // Same, but the seq one too low (a replayed head) and the prev of an earlier line.
        let replayedSeq = Array("{\"v\":1,\"seq\":\(lines.count),\"ts\":\"2026-01-01T00:00:00Z\",\"role\":\"secretaris\",\"prev\":\"\(String(repeating: "0", count: 64))\",\"type\":\"decision.taken\",\"id\":\"B-9\",\"kern\":\"Harnas\",\"text\":\"vals\",\"wijk\":\"Proefwijk\"}\n".utf8)
        let cases: [(String, [UInt8])] = [
            ("one zero byte", [0]),
            ("100 zero bytes", [UInt8](repeating: 0, count: 100)),
            ("a 4 KB block of zeros", [UInt8](repeating: 0, count: 4096)),
            ("zeros ending in a newline", [UInt8](repeating: 0, count: 100) + [0x0A]),
            ("only a newline", [0x0A]),
            ("random bytes without newline", random(300, newlines: false)),
            ("random bytes with newlines", random(5000, newlines: true)),
            ("random bytes ending in a newline", random(200, newlines: false) + [0x0A]),
            ("a copy of an earlier line", text(3)),
            ("a copy of an earlier line without its newline", Array(text(3).dropLast())),
            ("a copy of the last line", text(last)),
            ("a forged line with wrong prev and wrong seq", forged),
            ("a line with a replayed seq and a wrong prev", replayedSeq),
            ("a stale line, then a torn one", text(2) + Array(text(5).prefix(40))),
            ("a half line, then zeros", Array(text(4).prefix(60)) + [UInt8](repeating: 0, count: 512)),
            ("a forged line, then random bytes", forged + random(100, newlines: true)),
        ]
        var problems: [String] = []
        var moved = 0, kept = 0
        for (label, garbage) in cases {
            if garbage.contains(0x0A) {
                // A complete line that is not a record is more than an interrupted append can leave:
                // damage, named and left exactly where it is.
                problems += keptAsDamage(base + garbage, label: label)
                kept += 1
            } else {
                problems += recover(base + garbage, goodLines: lines.count, torn: garbage, label: label)
                moved += 1
            }
        }
        print("TornTailTests: \(moved) partial tails moved aside, \(kept) tails with complete lines kept as damage")
        XCTAssertGreaterThan(moved, 5)
        XCTAssertGreaterThan(kept, 5)
        XCTAssertTrue(problems.isEmpty, problems.prefix(20).joined(separator: "\n"))
    }

    /// Opens a log whose end is damage (not a torn tail): it must open read-only, refuse an append,
    /// and leave every byte as it was, with no side file.
    func keptAsDamage(_ bytes: [UInt8], label: String) -> [String] {
        let path = dir + "/case.jsonl"
        if let names = try? FileManager.default.contentsOfDirectory(atPath: dir) {
            for n in names where n.hasPrefix("case.jsonl") { try? FileManager.default.removeItem(atPath: dir + "/" + n) }
        }
        var problems: [String] = []
        func check(_ ok: Bool, _ what: @autoclosure () -> String) { if !ok { problems.append("\(label): \(what())") } }
        do {
            try HarnessSupport.write(bytes, to: path)
            let session = try Session.open(path: path, reference: nil)
            if case .damaged(let issue)? = session.log.readOnlyReason {
                check(issue.line == lines.count + 1, "damage named at line \(issue.line), expected \(lines.count + 1)")
            } else {
                check(false, "not opened read-only as damaged: \(String(describing: session.log.readOnlyReason))")
            }
            check(session.log.recoveredTailPath == nil, "bytes were moved to \(String(describing: session.log.recoveredTailPath))")
            if case .success = session.record(.decision, Draft([.wijk: "Proefwijk", .text: "erna"])) { check(false, "appended after damage") }
            check(HarnessSupport.bytes(path) == bytes, "the file changed")
            check(!FileManager.default.fileExists(atPath: path + ".torn-1"), "a side file was written")
        } catch {
            problems.append("\(label): \(error)")
        }
        return problems
    }
}
