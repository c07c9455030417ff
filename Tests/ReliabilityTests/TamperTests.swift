import Foundation
import XCTest
import KernteamDomain
import KernteamLog
import KernteamSession

/// Every single-byte change to a 50-record log is detected. The hash chain shows a change in any
/// record that has a record after it (the next `prev` no longer matches), so `Verifier.verify` alone
/// must catch those. The last record has nothing after it: a change there that still parses and
/// decodes is caught by a checkpoint (sequence number + head hash noted down earlier), as is a log
/// cut short at a line boundary.
final class TamperTests: FaultsTestCase {
    private let records = 50

    private struct Layout {
        var bytes: [UInt8]
        /// Start offset of each line (1-based line k starts at `starts[k - 1]`).
        var starts: [Int]
        var lastLineStart: Int { starts.last! }
        /// Where the last record's `prev` hash is.
        var lastPrev: Range<Int>
        /// 1-based line holding `offset` (its newline counts as part of the line).
        func line(at offset: Int) -> Int {
            var lo = 0, hi = starts.count - 1
            while lo < hi {
                let mid = (lo + hi + 1) / 2
                if starts[mid] <= offset { lo = mid } else { hi = mid - 1 }
            }
            return lo + 1
        }
    }

    /// Writes the 50-record log and returns its layout and the checkpoint taken from it intact.
    private func makeLog() throws -> (Layout, FaultsCheckpoint) {
        try buildLog(records: records)
        let report = try Verifier.verify(path: logPath)
        XCTAssertTrue(report.isIntact, "\(report.issues)")
        XCTAssertEqual(report.entries, records)
        let checkpoint = FaultsCheckpoint(report)
        XCTAssertEqual(try checkpoint.check(path: logPath), .undetected)
        let bytes = try bytes()
        var starts = [0]
        for (k, b) in bytes.enumerated() where b == 0x0A && k + 1 < bytes.count { starts.append(k + 1) }
        XCTAssertEqual(starts.count, records)
        let marker = Array("\"prev\":\"".utf8)
        let p = try XCTUnwrap((starts.last!..<bytes.count - marker.count).first { Array(bytes[$0..<$0 + marker.count]) == marker })
        return (Layout(bytes: bytes, starts: starts, lastPrev: p + marker.count..<p + marker.count + 64), checkpoint)
    }

    func testEverySingleByteChangeIsDetected() throws {
        let (layout, checkpoint) = try makeLog()
        // 0x01 keeps most characters what they were (a hex digit stays a hex digit, a letter a letter);
        // 0x20 flips the case of letters and turns digits and punctuation into control characters.
        let masks: [UInt8] = [0x01, 0x20]
        let findings = FaultsFindings()
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))
        let folder = dir.path
        let size = layout.bytes.count
        let started = Date()
        let cpu = faultsCPUSeconds()
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let path = folder + "/tampered-\(worker).log"
            var offset = worker
            while offset < size {
                let line = layout.line(at: offset)
                let inLast = offset >= layout.lastLineStart
                for mask in masks {
                    var b = layout.bytes
                    b[offset] ^= mask
                    let what = "byte \(offset) (line \(line)) ^ 0x\(String(mask, radix: 16))"
                    do {
                        try Self.replace(path, with: b)
                        let report = try Verifier.verify(path: path)
                        findings.count("changes checked")
                        if !report.isIntact {
                            findings.count("caught by verify")
                            // The report names the changed line, or the next one (a changed newline
                            // joins two lines; the one after them then shows the break).
                            let first = report.issues[0].line
                            // One case cannot be told apart: the last record's `prev` no longer matching
                            // may be a change to that `prev` or to the record before it. Nothing follows
                            // to decide, so the record before it is named.
                            let ambiguous = layout.lastPrev.contains(offset) && first == line - 1
                            if first != line && first != line + 1 && !ambiguous {
                                findings.add("\(what): first issue on line \(first): \(report.issues)")
                            }
                        } else if inLast {
                            // Only the last record may slip past the chain; the checkpoint must catch it.
                            let outcome = try checkpoint.check(path: path)
                            if outcome == .checkpointMismatch {
                                findings.count("caught only by the checkpoint (last record)")
                            } else {
                                findings.add("\(what): not detected, even with the checkpoint (\(outcome))")
                            }
                        } else {
                            findings.add("\(what): verify says intact although a later record vouches for this one")
                        }
                    } catch LogError.notALog where line == 1 {
                        // A change to the first line's header: the file no longer starts as a log, and
                        // verify (like opening) refuses it as a whole. Caught, and nothing is touched.
                        findings.count("changes checked")
                        findings.count("caught by verify")
                    } catch {
                        findings.add("\(what): \(error)")
                    }
                }
                offset += workers
            }
        }
        let stats = findings.snapshot
        print("TamperTests: \(size) offsets × \(masks.count) changes = \(stats["changes checked", default: 0]) tampered logs"
              + " in \(String(format: "%.1f", Date().timeIntervalSince(started))) s"
              + " (\(String(format: "%.1f", faultsCPUSeconds() - cpu)) s CPU); verify caught"
              + " \(stats["caught by verify", default: 0]), the checkpoint caught"
              + " \(stats["caught only by the checkpoint (last record)", default: 0]) more (all in the last record,"
              + " \(size - layout.lastLineStart) bytes)")
        for failure in findings.failures { XCTFail(failure) }
        XCTAssertEqual(stats["failures", default: 0], 0)
        XCTAssertEqual(stats["changes checked", default: 0], size * masks.count, "every offset checked")
        XCTAssertGreaterThan(stats["caught only by the checkpoint (last record)", default: 0], 0,
                             "the last record's text can change without breaking anything but the checkpoint")
    }

    func testTruncationIsDetectedAgainstTheCheckpoint() throws {
        let (layout, checkpoint) = try makeLog()
        func cut(keepingLines n: Int) -> [UInt8] {
            n == records ? layout.bytes : Array(layout.bytes[0..<layout.starts[n]])
        }

        // Drop the last record: what is left verifies intact, only the checkpoint sees it.
        try write(cut(keepingLines: records - 1))
        var report = try Verifier.verify(path: logPath)
        XCTAssertTrue(report.isIntact, "\(report.issues)")
        XCTAssertEqual(report.headSeq, records - 1)
        XCTAssertEqual(try checkpoint.check(path: logPath), .checkpointMismatch)

        // Drop the last five.
        try write(cut(keepingLines: records - 5))
        report = try Verifier.verify(path: logPath)
        XCTAssertTrue(report.isIntact, "\(report.issues)")
        XCTAssertEqual(report.headSeq, records - 5)
        XCTAssertEqual(try checkpoint.check(path: logPath), .checkpointMismatch)

        // Cut at every line boundary, down to the empty file.
        for keep in 0..<records {
            try write(cut(keepingLines: keep))
            XCTAssertEqual(try checkpoint.check(path: logPath), .checkpointMismatch, "kept \(keep) lines")
        }

        // Cut anywhere else (inside a line, or just the final newline): a torn tail that verify reports.
        let size = layout.bytes.count
        var offsets = Array(stride(from: 1, to: size, by: 7)) + Array(layout.lastLineStart..<size)
        offsets = offsets.filter { !layout.starts.contains($0) }
        for offset in offsets {
            try write(Array(layout.bytes[0..<offset]))
            let report = try Verifier.verify(path: logPath)
            guard case .tornTail? = report.issues.first?.problem else {
                XCTFail("cut at \(offset): \(report.issues)")
                continue
            }
        }
        print("TamperTests: \(records) cuts at line boundaries (checkpoint), \(offsets.count) cuts inside lines (verify)")
    }

    func testRewrittenChainIsCaughtByTheCheckpoint() throws {
        // Someone rewrites record 30 and re-computes every record after it, as a program could:
        // the chain is whole again and verify says intact; only the checkpoint notes the difference.
        let (layout, checkpoint) = try makeLog()
        try write(Array(layout.bytes[0..<layout.starts[29]]))
        let s = try open()
        XCTAssertEqual(s.log.headSeq, 29)
        var n = 1000
        while s.log.headSeq < records {
            XCTAssertNoThrow(try s.record(.decision, decision(n)).get())
            n += 1
        }
        let report = try Verifier.verify(path: logPath)
        XCTAssertTrue(report.isIntact, "\(report.issues)")
        XCTAssertEqual(report.headSeq, records)
        XCTAssertEqual(try checkpoint.check(path: logPath), .checkpointMismatch)
    }

    func testCheckpointStillHoldsWhenTheLogGrowsHonestly() throws {
        // The other side of the helper: appending after the checkpoint is not tampering.
        let (_, checkpoint) = try makeLog()
        let s = try open()
        for n in 1...3 { XCTAssertNoThrow(try s.record(.decision, decision(2000 + n)).get()) }
        XCTAssertEqual(try checkpoint.check(path: logPath), .undetected)
        // But a grown log whose checkpointed record was changed is caught.
        var b = try bytes()
        let lines = b.split(separator: 0x0A).map(Array.init)
        let start = lines[0..<(records - 1)].reduce(0) { $0 + $1.count + 1 }
        let text = Array("Besluit".utf8)
        if let k = (start..<(start + lines[records - 1].count - text.count)).first(where: { Array(b[$0..<$0 + text.count]) == text }) {
            b[k] ^= 0x01
            try write(b)
            XCTAssertEqual(try checkpoint.check(path: logPath), .verifyNotIntact, "record 50 now has a record after it")
        } else {
            XCTFail("record \(records) has no 'Besluit' to change")
        }
    }
}
