import Foundation
import KernteamDomain
import KernteamLog
import KernteamSession
import XCTest

/// Several processes appending to one log at the same time (two laptops on one share, the app and a
/// script): the lock must serialise them. A control run without the lock shows the check can fail.
///
/// KERNTEAM_CONCURRENCY_APPENDS sets appends per writer (CI default 2000), KERNTEAM_CONCURRENCY_WRITERS
/// the number of writers (default 4).
final class ConcurrencyTests: XCTestCase {
    struct Outcome {
        var runs: [HarnessSupport.Run]
        var report: VerifyReport
        var session: Session?
        var openError: Error?
        var seconds: Double
    }

    /// Starts `writers` harness processes on a log that does not exist yet, all at once, and waits.
    func race(writers: Int, appends: Int, noLock: Bool, in dir: String, name: String) throws -> Outcome {
        let harness = try HarnessSupport.requireBinary()
        let log = "\(dir)/\(name).jsonl"
        let start = Date()
        var pids: [(pid_t, String, String)] = []
        for w in 1...writers {
            let out = "\(dir)/\(name)-w\(w).out", err = "\(dir)/\(name)-w\(w).err"
            var args = ["append", "--log", log, "--count", "\(appends)", "--writer", "\(w)"]
            // This test is about integrity, not lock latency: four writers flooding one log on a slow
            // two-core machine can keep one waiting longer than the interactive 3 s (the slowest
            // append is printed). Without the lock it does not matter.
            if noLock { args.append("--no-lock") } else { args += ["--lock-timeout", "30"] }
            guard let pid = HarnessSupport.spawn(harness, args, stdout: out, stderr: err) else {
                pids.forEach { kill($0.0, SIGKILL); _ = HarnessSupport.wait($0.0) }
                throw XCTSkip("could not spawn \(harness)")
            }
            pids.append((pid, out, err))
        }
        var runs: [HarnessSupport.Run] = []
        for (pid, out, err) in pids {
            let status = HarnessSupport.wait(pid)
            let o = HarnessSupport.read(out)
            runs.append(HarnessSupport.Run(status: status, stdout: o, stderr: HarnessSupport.read(err), acks: HarnessSupport.acks(in: o)))
        }
        let seconds = Date().timeIntervalSince(start)
        let report = try Verifier.verify(path: log)
        var session: Session?, openError: Error?
        do { session = try Session.open(path: log, reference: nil, readOnly: true) } catch { openError = error }
        return Outcome(runs: runs, report: report, session: session, openError: openError, seconds: seconds)
    }

    func testWritersAtTheSameTimeLoseNothing() throws {
        let writers = HarnessSupport.envCount("KERNTEAM_CONCURRENCY_WRITERS", default: 4)
        let appends = HarnessSupport.envCount("KERNTEAM_CONCURRENCY_APPENDS", default: 2000)
        // In memory where there is a RAM file system: the 8,000 fsyncs under the lock still run, but this
        // test is about what the file holds, not how long a disk takes (CrashTests stay on disk).
        let dir = try HarnessSupport.scratchDir("concurrency", inMemory: true)
        let o = try race(writers: writers, appends: appends, noLock: false, in: dir, name: "locked")
        let log = "\(dir)/locked.jsonl"

        for (i, run) in o.runs.enumerated() {
            XCTAssertEqual(run.status, 0, "writer \(i + 1) failed: \(run.stderr)")
            XCTAssertEqual(run.acks.count, appends, "writer \(i + 1) acknowledged \(run.acks.count) of \(appends)")
        }
        // Gapless, chained, every line parses and decodes.
        XCTAssertTrue(o.report.isIntact, "verify: \(o.report.issues.prefix(5))")
        XCTAssertEqual(o.report.entries, writers * appends + 1)
        XCTAssertEqual(o.report.headSeq, writers * appends + 1)

        // No interleaved bytes: exactly one line per entry, each a JSON object of its own.
        let bytes = HarnessSupport.bytes(log)
        let ranges = HarnessSupport.lineRanges(bytes)
        XCTAssertEqual(ranges.count, writers * appends + 1)
        XCTAssertEqual(bytes.last, 0x0A)
        var unparsable = 0
        for r in ranges {
            let line = Data(bytes[r.lowerBound..<(r.upperBound - 1)])
            if (try? JSONSerialization.jsonObject(with: line)) as? [String: Any] == nil { unparsable += 1 }
        }
        XCTAssertEqual(unparsable, 0, "lines that are not one JSON object")

        guard let session = o.session else { return XCTFail("log does not open: \(String(describing: o.openError))") }
        let entries = HarnessSupport.entries(session.state)
        XCTAssertEqual(entries.count, writers * appends)
        XCTAssertEqual(entries.map(\.seq), Array(2...(writers * appends + 1)))
        // Each writer's counters 1…N, in order; every ACK at its seq.
        let expected = Dictionary(uniqueKeysWithValues: (1...writers).map { ($0, appends) })
        let problems = HarnessSupport.checkAcks(o.runs.flatMap(\.acks), against: entries, expectedCounts: expected)
        XCTAssertTrue(problems.isEmpty, problems.prefix(20).joined(separator: "\n"))
        // Ids are given under the lock after reading the others' entries: B-1 … B-N, none twice.
        XCTAssertEqual(entries.map(\.id), (1...(writers * appends)).map { RecordID(.decision, $0) })

        // How the writers took turns (a writer starved by the others would show as one long run).
        var switches = 0
        for (a, b) in zip(entries, entries.dropFirst()) where a.writer != b.writer { switches += 1 }
        // The longest a writer waited, counted in other writers' appends between two of its own.
        var lastIndex: [Int: Int] = [:], longestWait = 0
        for (i, e) in entries.enumerated() {
            if let previous = lastIndex[e.writer] { longestWait = max(longestWait, i - previous - 1) }
            lastIndex[e.writer] = i
        }
        print("ConcurrencyTests: \(writers) writers × \(appends) appends: \(o.report.entries) entries (genesis included), "
              + "gapless, chain intact, \(o.runs.flatMap(\.acks).count) ACKs checked, \(switches) writer switches, longest wait \(longestWait) appends of others, "
              + "slowest append \(String(format: "%.3f", Double(o.runs.flatMap(\.acks).map(\.micros).max() ?? 0) / 1e6)) s "
              + "(the app waits up to \(session.log.lockTimeout) s for the lock); "
              + "\(String(format: "%.1f", o.seconds)) s")
        if (testRun?.totalFailureCount ?? 1) == 0 { try? FileManager.default.removeItem(atPath: dir) } else { print("scratch: \(dir)") }
    }

    /// The same check with the lock switched off must fail, or the test above would prove nothing.
    func testControlRunWithoutLockIsCaught() throws {
        let writers = HarnessSupport.envCount("KERNTEAM_CONCURRENCY_WRITERS", default: 4)
        let appends = HarnessSupport.envCount("KERNTEAM_CONCURRENCY_CONTROL_APPENDS", default: 300)
        let dir = try HarnessSupport.scratchDir("concurrency-control")
        var attempts: [String] = []
        for attempt in 1...4 {
            let o = try race(writers: writers, appends: appends, noLock: true, in: dir, name: "nolock-\(attempt)")
            var found: [String] = []
            if !o.report.isIntact { found.append("verify: \(o.report.issues.count) issues, first \(o.report.issues[0])") }
            if o.report.entries != writers * appends + 1 { found.append("\(o.report.entries) good entries, \(writers * appends + 1) expected") }
            let failed = o.runs.filter { $0.status != 0 }
            if !failed.isEmpty { found.append("\(failed.count) writers stopped: \(failed[0].stderr.trimmingCharacters(in: .whitespacesAndNewlines))") }
            if let session = o.session {
                let expected = Dictionary(uniqueKeysWithValues: (1...writers).map { ($0, appends) })
                let problems = HarnessSupport.checkAcks(o.runs.flatMap(\.acks), against: HarnessSupport.entries(session.state),
                                                        expectedCounts: expected)
                if !problems.isEmpty { found.append("\(problems.count) ACK/count problems, first: \(problems[0])") }
            } else {
                found.append("log does not open: \(String(describing: o.openError))")
            }
            print("ConcurrencyTests control run \(attempt) (no lock, \(writers) × \(appends)), \(String(format: "%.1f", o.seconds)) s: "
                  + (found.isEmpty ? "passed by luck" : "caught: " + found.joined(separator: "; ")))
            if !found.isEmpty {
                try? FileManager.default.removeItem(atPath: dir)
                return
            }
            attempts.append("attempt \(attempt): \(o.report.entries) entries, intact")
        }
        XCTFail("appending without the lock passed every check \(attempts.count) times: the concurrency test cannot "
                + "tell a working lock from none. " + attempts.joined(separator: "; "))
    }
}

/// Opening a log while another process appends (the app starting while a script or a second laptop
/// writes): the opener may read a line that is only partly written yet. That is not a torn tail to
/// cut off: the writer holds the lock and finishes it.
final class ConcurrencyOpenWhileAppendingTests: XCTestCase {
    func testOpeningWhileAnotherProcessAppendsNeverCutsItsEntries() throws {
        let harness = try HarnessSupport.requireBinary()
        let appends = HarnessSupport.envCount("KERNTEAM_CONCURRENCY_OPEN_APPENDS", default: 300)
        let dir = try HarnessSupport.scratchDir("open-while-appending")
        let log = "\(dir)/shared.jsonl"
        // Create it first, so every open below finds a log.
        let first = HarnessSupport.run(harness, ["append", "--log", log, "--count", "1", "--writer", "1"], in: dir)
        XCTAssertEqual(first.status, 0, first.stderr)
        // Lines of ~4 KB: every write spans a page boundary, where a reader can see half of it.
        let out = "\(dir)/w2.out", err = "\(dir)/w2.err"
        guard let pid = HarnessSupport.spawn(harness, ["append", "--log", log, "--count", "\(appends)", "--writer", "2",
                                                       "--payload", "3900"], stdout: out, stderr: err) else {
            return XCTFail("could not spawn \(harness)")
        }
        var opens = 0, cut = 0, lockedOut = 0
        var problems: [String] = []
        let started = Date()
        var ended: Int32?
        while true {
            ended = HarnessSupport.poll(pid)
            if ended != nil { break }
            opens += 1
            do {
                // What Session.open does first: open the file for appending and read it all.
                let (file, _) = try LogFile.open(path: log)
                if file.recoveredTailPath != nil { cut += 1 }
                if let reason = file.readOnlyReason { problems.append("open \(opens): read-only: \(reason)") }
            } catch LogError.locked {
                // Gave up waiting for the appender's lock: a refusal the user sees, nothing lost.
                lockedOut += 1
            } catch {
                problems.append("open \(opens): \(error)")
            }
            if problems.count > 5 { break }
        }
        if ended == nil {
            // Stopped early on problems: end the appender.
            kill(pid, SIGKILL)
            ended = HarnessSupport.wait(pid)
        }
        let status = ended ?? -1
        let acks = HarnessSupport.acks(in: HarnessSupport.read(out))
        XCTAssertEqual(status, 0, "the appender failed: \(HarnessSupport.read(err))")
        XCTAssertEqual(acks.count, appends)
        XCTAssertEqual(cut, 0, "opening moved a line another process was writing to a .torn file")
        XCTAssertTrue(problems.isEmpty, problems.joined(separator: "\n"))
        let report = try Verifier.verify(path: log)
        XCTAssertTrue(report.isIntact, "\(report.issues.prefix(3))")
        XCTAssertEqual(report.entries, appends + 2)
        let session = try Session.open(path: log, reference: nil, readOnly: true)
        let ackProblems = HarnessSupport.checkAcks(first.acks + acks, against: HarnessSupport.entries(session.state),
                                                   expectedCounts: [1: 1, 2: appends])
        XCTAssertTrue(ackProblems.isEmpty, ackProblems.prefix(10).joined(separator: "\n"))
        print("ConcurrencyTests (open while appending): \(opens) opens during \(appends) appends of ~4 KB lines, "
              + "\(cut) cut a line, \(lockedOut) gave up waiting for the lock; \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
        if (testRun?.totalFailureCount ?? 1) == 0 { try? FileManager.default.removeItem(atPath: dir) } else { print("scratch: \(dir)") }
    }
}
