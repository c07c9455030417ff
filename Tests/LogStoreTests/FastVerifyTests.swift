import Foundation
import XCTest
import KernteamDomain
@testable import KernteamLog
@testable import KernteamSession
import KernteamFixtures

/// `verify` checks an intact log on all cores from the mapped file and only falls back to the
/// line-by-line scan when something is wrong. Whatever the damage, its report must be the one the
/// line-by-line scan gives.
final class FastVerifyTests: LogTestCase {
    private func slow(_ bytes: [UInt8], checkpoint: Checkpoint? = nil) -> VerifyReport {
        bytes.withUnsafeBytes { Verifier.slowVerify($0, checkpoint: checkpoint) }
    }

    private func assertSame(_ a: VerifyReport, _ b: VerifyReport, _ note: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a.entries, b.entries, note, file: file, line: line)
        XCTAssertEqual(a.headSeq, b.headSeq, note, file: file, line: line)
        XCTAssertEqual(a.headHash, b.headHash, note, file: file, line: line)
        XCTAssertEqual(a.issues, b.issues, note, file: file, line: line)
        XCTAssertEqual(a.checkpointProblem, b.checkpointProblem, note, file: file, line: line)
    }

    func testIntactLogGivesTheSameReportAsTheLineByLineScan() throws {
        try LogGenerator.generate(count: 2_000, to: logPath, seed: 3, reference: reference)
        let fast = try Verifier.verify(path: logPath)
        XCTAssertTrue(fast.isIntact)
        XCTAssertEqual(fast.entries, 2_000)
        // The quick check itself (not its fallback) accepted it.
        XCTAssertEqual(Verifier.quick(try MappedFile(path: logPath), checkpoint: nil, progress: nil)?.entries, 2_000)
        assertSame(fast, slow(try bytes()), "intact")
        // Checkpoints: the right one, a wrong hash, a sequence beyond the head.
        let lines = try bytes().split(separator: 0x0A).map { Array($0) }
        let good = Checkpoint(seq: 1_234, hash: lines[1_233].withUnsafeBytes { Hashing.sha256Hex($0) })
        for cp in [good, Checkpoint(seq: 1_234, hash: String(repeating: "a", count: 64)), Checkpoint(seq: 2_001, hash: good.hash)] {
            assertSame(try Verifier.verify(path: logPath, checkpoint: cp), slow(try bytes(), checkpoint: cp), "checkpoint \(cp)")
        }
        XCTAssertTrue(try Verifier.verify(path: logPath, checkpoint: good).isIntact)
    }

    func testEveryKindOfDamageGivesTheSameReportAsTheLineByLineScan() throws {
        try LogGenerator.generate(count: 300, to: logPath, seed: 5, reference: reference)
        let original = try bytes()
        var rng = SplitMix64(seed: 0x5EED)   // reproducible positions
        func next(_ n: Int) -> Int { rng.below(n) }
        var detected = 0
        for round in 0..<300 {
            var damaged = original
            switch round % 3 {
            case 0: damaged[next(damaged.count)] ^= UInt8(1 + next(255))          // one byte changed
            case 1: damaged.removeSubrange(next(damaged.count)...)                // cut short
            default: damaged.insert(contentsOf: Array("{\"x\":1}\n".utf8), at: next(damaged.count))   // inserted
            }
            try Data(damaged).write(to: URL(fileURLWithPath: logPath))
            let fast = try Verifier.verify(path: logPath)
            assertSame(fast, slow(damaged), "round \(round)")
            if !fast.isIntact || fast.headSeq != 300 { detected += 1 }
        }
        XCTAssertGreaterThan(detected, 250, "nearly every change is seen (a change inside the last line's text may not be)")
    }

    /// A well-chained line of a known type with a field missing, or of a type from a newer version: the
    /// quick check reads every event in full, so it looks closer and names the line, as the scan does.
    func testEveryEventIsReadInFull() throws {
        let s = try open()
        try s.log.append(role: "secretaris", timestamp: fixedTimestamp) { _ in Array("{\"type\":\"decision.taken\",\"kern\":\"Delfgauw\"}".utf8) }
        try s.log.append(role: "secretaris", timestamp: fixedTimestamp) { _ in Array("{\"type\":\"signal.triaged\",\"date\":\"2009-03-01\",\"ref\":\"S-1\",\"route\":\"nieuw\"}".utf8) }
        XCTAssertNil(Verifier.quick(try MappedFile(path: logPath), checkpoint: nil, progress: nil))
        let report = try Verifier.verify(path: logPath)
        XCTAssertFalse(report.isIntact)
        assertSame(report, slow(try bytes()), "full read")
        XCTAssertEqual(report.issues.map(\.line), [2, 3])
        guard case .notParsable(let why) = report.issues.first?.problem else { return XCTFail("\(report.issues)") }
        XCTAssertTrue(why.contains("id"), "\(report.issues)")
    }

    /// A torn tail is never mapped (a writer may cut it off at any moment): verify reads the file
    /// the careful way and reports it.
    func testTornTailIsReportedNotMapped() throws {
        try LogGenerator.generate(count: 300, to: logPath, seed: 8, reference: reference)
        let intact = try bytes()
        try Data(intact + Array("{\"v\":1,\"seq\":3".utf8)).write(to: URL(fileURLWithPath: logPath))
        let file = try MappedFile(path: logPath)
        XCTAssertTrue(file.hasIncompleteTail)
        XCTAssertEqual(file.bytes.count, intact.count, "only complete lines are mapped")
        let report = try Verifier.verify(path: logPath)
        guard case .tornTail? = report.issues.last?.problem else { return XCTFail("\(report.issues)") }
        assertSame(report, slow(try bytes()), "torn tail")
    }
}
