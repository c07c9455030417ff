import Foundation
import KernteamDomain
import KernteamLog
import KernteamSession
import KernteamFixtures
import XCTest

/// SIGKILLs a real appending process (`kernteam-harness append`) at random moments, again and again
/// on the same growing log. After every kill the log must open (a torn last line may be moved
/// aside), verify intact, and hold every entry the killed process had acknowledged, in order.
///
/// KERNTEAM_CRASH_KILLS sets the number of kills (CI default 200); KERNTEAM_CRASH_SEED replays a run.
final class CrashTests: XCTestCase {
    func testKillDuringAppendNeverLosesAnAcknowledgedEntry() throws {
        let harness = try HarnessSupport.requireBinary()
        let kills = HarnessSupport.envCount("KERNTEAM_CRASH_KILLS", default: 200)
        let seed = SplitMix64.seed(env: "KERNTEAM_CRASH_SEED")
        var rng = SplitMix64(seed: seed)
        let dir = try HarnessSupport.scratchDir("crash")
        let log = dir + "/crash.jsonl"
        print("CrashTests: \(kills) kills, seed \(seed) (KERNTEAM_CRASH_SEED), scratch \(dir)")

        var allAcks: [HarnessSupport.Ack] = []
        var killedMidRun = 0, finishedBeforeKill = 0, killedBeforeAnyAck = 0, tornTailsRecovered = 0
        var failures: [String] = []
        let started = Date()

        // Run until `kills` processes were really killed mid-run (a run that finishes first does not count).
        var run = 0
        while killedMidRun < kills && run < 2 * kills {
            run += 1
            let writer = run
            // Lines from a few bytes to ~4 KB: the long ones cross page boundaries, where the kernel
            // may stop a write for a fatal signal, so some kills can leave a torn line.
            let payload = [0, 0, 40, 1_000, 3_900].randomElement(using: &rng)!
            // More than can finish before the kill: each process is killed while it appends.
            let count = 1_000
            let out = "\(dir)/out-\(run)", err = "\(dir)/err-\(run)"
            var args = ["append", "--log", log, "--count", "\(count)", "--writer", "\(writer)"]
            if payload > 0 { args += ["--payload", "\(payload)"] }
            guard let pid = HarnessSupport.spawn(harness, args, stdout: out, stderr: err) else {
                XCTFail("could not spawn \(harness)"); return
            }
            // Half the kills at a random moment after the start (start-up, opening, creating the log,
            // first appends), half at a random moment after the first ACK (in the middle of appending).
            if run % 2 == 0 {
                let deadline = Date().addingTimeInterval(5)
                while HarnessSupport.read(out).isEmpty && Date() < deadline { usleep(500) }
            }
            usleep(UInt32.random(in: 0...30_000, using: &rng))
            kill(pid, SIGKILL)
            let status = HarnessSupport.wait(pid)
            let acks = HarnessSupport.acks(in: HarnessSupport.read(out))
            let stderr = HarnessSupport.read(err)
            try? FileManager.default.removeItem(atPath: out)
            try? FileManager.default.removeItem(atPath: err)

            switch status {
            case 128 + SIGKILL: killedMidRun += 1
            case 0 where acks.count == count: finishedBeforeKill += 1
            default:
                failures.append("run \(run): harness ended with status \(status) before the kill: \(stderr)")
            }
            if acks.isEmpty { killedBeforeAnyAck += 1 }
            allAcks += acks

            // Nothing at all may be missing: the log must exist once anything was acknowledged.
            guard FileManager.default.fileExists(atPath: log) else {
                if !acks.isEmpty { failures.append("run \(run): log missing after \(acks.count) ACKs") }
                if failures.count > 0 { break }
                continue
            }
            // Open first (a torn tail is recovered here), then verify the file as it now is.
            let session: Session
            do {
                session = try Session.open(path: log, reference: nil)
            } catch {
                failures.append("run \(run): log does not open after the kill: \(error)")
                break
            }
            if let reason = session.log.readOnlyReason {
                failures.append("run \(run): log opened read-only after the kill: \(reason)")
            }
            if session.log.recoveredTailPath != nil { tornTailsRecovered += 1 }
            if !session.undecodable.isEmpty { failures.append("run \(run): undecodable lines \(session.undecodable)") }
            let report = try Verifier.verify(path: log)
            if !report.isIntact { failures.append("run \(run): verify after reopening: \(report.issues.prefix(3))") }
            if report.headSeq != session.log.headSeq || report.entries != session.log.lineCount {
                failures.append("run \(run): verify sees \(report.entries) entries up to seq \(report.headSeq), the session \(session.log.lineCount) up to \(session.log.headSeq)")
            }
            let entries = HarnessSupport.entries(session.state)
            failures += HarnessSupport.checkAcks(allAcks, against: entries).map { "run \(run): \($0)" }
            if let last = acks.last, !entries.contains(where: { $0.writer == writer && $0.counter == last.counter }) {
                failures.append("run \(run): last ACKed entry #\(last.counter) not in the log")
            }
            if !failures.isEmpty { break }
        }

        let elapsed = Date().timeIntervalSince(started)
        let final = try Verifier.verify(path: log)
        print("CrashTests: \(killedMidRun) SIGKILLs mid-run, \(finishedBeforeKill) runs finished before the kill, "
              + "\(killedBeforeAnyAck) killed before their first ACK, \(tornTailsRecovered) torn tails recovered; "
              + "\(allAcks.count) ACKed entries all found in order; log has \(final.entries) entries (genesis and "
              + "entries written but killed before their ACK, mostly during fsync, included); \(String(format: "%.1f", elapsed)) s")
        XCTAssertTrue(failures.isEmpty, "seed \(seed), scratch \(dir):\n" + failures.prefix(20).joined(separator: "\n"))
        XCTAssertGreaterThanOrEqual(killedMidRun, kills, "fewer processes than asked for were killed mid-run")
        XCTAssertTrue(final.isIntact)
        XCTAssertGreaterThan(allAcks.count, 0, "no run ever acknowledged an entry: kills came too early to test anything")
        if failures.isEmpty { try? FileManager.default.removeItem(atPath: dir) }
    }

    /// A kill between creating the log file and writing its first entry (the reference data) leaves
    /// an empty file. The next start must still give it its first entry and accept records.
    func testKillWhileCreatingTheLogLeavesAUsableLog() throws {
        let harness = try HarnessSupport.requireBinary()
        let attempts = HarnessSupport.envCount("KERNTEAM_CRASH_CREATE_KILLS", default: 40)
        let dir = try HarnessSupport.scratchDir("crash-create")
        var emptyFiles = 0, missing = 0, withGenesis = 0
        var failures: [String] = []
        let started = Date()
        for attempt in 0..<attempts {
            let log = "\(dir)/new-\(attempt).jsonl"
            guard let pid = HarnessSupport.spawn(harness, ["append", "--log", log, "--count", "5"],
                                                 stdout: "/dev/null", stderr: "/dev/null") else {
                XCTFail("could not spawn \(harness)"); return
            }
            // Early kills, spread over the first 15 ms: start-up, file creation, first entries.
            usleep(UInt32(attempt * 15_000 / max(attempts - 1, 1)))
            kill(pid, SIGKILL)
            _ = HarnessSupport.wait(pid)
            if !FileManager.default.fileExists(atPath: log) {
                missing += 1
            } else if HarnessSupport.bytes(log).isEmpty {
                emptyFiles += 1
            } else {
                withGenesis += 1
            }
            let next = HarnessSupport.run(harness, ["append", "--log", log, "--count", "3", "--writer", "2"], in: dir)
            if next.status != 0 || next.acks.count != 3 {
                failures.append("attempt \(attempt): next start failed with status \(next.status): \(next.stderr)")
                continue
            }
            let session = try Session.open(path: log, reference: nil)
            if session.state.reference.kernen.isEmpty { failures.append("attempt \(attempt): log has no reference data") }
            let report = try Verifier.verify(path: log)
            if !report.isIntact { failures.append("attempt \(attempt): \(report.issues)") }
            failures += HarnessSupport.checkAcks(next.acks, against: HarnessSupport.entries(session.state)).map { "attempt \(attempt): \($0)" }
        }
        print("CrashTests (creation): \(attempts) early kills: \(missing) before the file existed, \(emptyFiles) left an empty file, "
              + "\(withGenesis) after the first entry; \(failures.isEmpty ? "every next start worked" : "\(failures.count) problems"); \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
        XCTAssertTrue(failures.isEmpty, "scratch \(dir):\n" + failures.prefix(20).joined(separator: "\n"))
        if failures.isEmpty { try? FileManager.default.removeItem(atPath: dir) }
    }
}
