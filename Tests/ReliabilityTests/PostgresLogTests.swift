import Foundation
import KernteamDomain
import KernteamLog
import KernteamPostgres
import KernteamSession
import KernteamFixtures
import XCTest

/// The file log's reliability suite, run against the log on PostgreSQL: real processes (the
/// harness, the `kernteam` CLI) on a real server (see PostgresSupport).
final class PostgresLogTests: XCTestCase {
    /// Harness writers at the same time on one new stream: gapless, chained, every ACK in place,
    /// ids given under the lock.
    func testConcurrentWritersAreGapless() throws {
        let server = try PostgresSupport.server()
        let harness = try HarnessSupport.requireBinary()
        let uri = try PostgresSupport.freshDatabase(server, label: "race")
        let dir = try HarnessSupport.scratchDir("pg-race")
        let writers = 3, appends = HarnessSupport.envCount("KERNTEAM_PG_APPENDS", default: 150)
        var pids: [(pid_t, String, String)] = []
        for w in 1...writers {
            let out = "\(dir)/w\(w).out", err = "\(dir)/w\(w).err"
            guard let pid = HarnessSupport.spawn(harness, ["append", "--log", uri, "--count", "\(appends)", "--writer", "\(w)", "--lock-timeout", "30"],
                                                 stdout: out, stderr: err) else { return XCTFail("spawn") }
            pids.append((pid, out, err))
        }
        var acks: [HarnessSupport.Ack] = []
        for (w, (pid, out, err)) in pids.enumerated() {
            XCTAssertEqual(HarnessSupport.wait(pid), 0, "writer \(w + 1): \(HarnessSupport.read(err))")
            let a = HarnessSupport.acks(in: HarnessSupport.read(out))
            XCTAssertEqual(a.count, appends)
            acks += a
        }
        let report = try Verifier.verify(location: uri)
        XCTAssertTrue(report.isIntact, "\(report.issues.prefix(3))")
        XCTAssertEqual(report.entries, writers * appends + 1, "one genesis line and every append, nothing twice")
        let session = try Session.open(path: uri, reference: nil, readOnly: true)
        let entries = HarnessSupport.entries(session.state)
        XCTAssertEqual(entries.map(\.seq), Array(2...(writers * appends + 1)))
        let expected = Dictionary(uniqueKeysWithValues: (1...writers).map { ($0, appends) })
        let problems = HarnessSupport.checkAcks(acks, against: entries, expectedCounts: expected)
        XCTAssertTrue(problems.isEmpty, problems.prefix(10).joined(separator: "\n"))
        XCTAssertEqual(entries.map(\.id), (1...(writers * appends)).map { RecordID(.decision, $0) })
        try? FileManager.default.removeItem(atPath: dir)
    }

    /// SIGKILL of a writer at random moments, many in the middle of its transaction (lock held, row
    /// inserted, commit not yet sent): every acknowledged entry stays, nothing half-written shows, and
    /// the next writer gets the stream's lock (the server releases it with the dead connection).
    func testKillingAWriterMidTransactionLosesNoAcknowledgedEntry() throws {
        let server = try PostgresSupport.server()
        let harness = try HarnessSupport.requireBinary()
        let uri = try PostgresSupport.freshDatabase(server, label: "kill")
        let dir = try HarnessSupport.scratchDir("pg-kill")
        let kills = HarnessSupport.envCount("KERNTEAM_PG_KILLS", default: 12)
        var rng = SplitMix64(seed: 19)
        var all: [HarnessSupport.Ack] = []
        var killed = 0
        for run in 1...kills {
            let out = "\(dir)/k\(run).out", err = "\(dir)/k\(run).err"
            // Each writer starts its counters where the log says it is: `w<run>-n1` onwards.
            guard let pid = HarnessSupport.spawn(harness, ["append", "--log", uri, "--count", "500", "--writer", "\(run)", "--lock-timeout", "10"],
                                                 stdout: out, stderr: err) else { return XCTFail("spawn") }
            let deadline = Date().addingTimeInterval(10)
            while HarnessSupport.read(out).isEmpty && Date() < deadline { usleep(1_000) }
            usleep(UInt32.random(in: 0...40_000, using: &rng))
            kill(pid, SIGKILL)
            let status = HarnessSupport.wait(pid)
            if status == 128 + SIGKILL { killed += 1 } else { XCTAssertEqual(status, 0, HarnessSupport.read(err)) }
            all += HarnessSupport.acks(in: HarnessSupport.read(out))
        }
        XCTAssertGreaterThan(killed, kills / 2, "most writers were killed while appending")
        // The next writer is not kept out by a lock of a dead one.
        let after = HarnessSupport.run(harness, ["append", "--log", uri, "--count", "3", "--writer", "999", "--lock-timeout", "3"], in: dir)
        XCTAssertEqual(after.status, 0, after.stderr)
        all += after.acks

        let report = try Verifier.verify(location: uri)
        XCTAssertTrue(report.isIntact, "\(report.issues.prefix(3))")
        let session = try Session.open(path: uri, reference: nil, readOnly: true)
        let entries = HarnessSupport.entries(session.state)
        let problems = HarnessSupport.checkAcks(all, against: entries)
        XCTAssertTrue(problems.isEmpty, problems.prefix(10).joined(separator: "\n"))
        XCTAssertGreaterThan(all.count, kills, "writers got appends acknowledged before being killed")
        print("PostgresLogTests: \(killed) of \(kills) writers killed mid-run, \(all.count) ACKs, all in the log, \(report.entries) lines intact")
        try? FileManager.default.removeItem(atPath: dir)
    }

    /// Rewriting the log through SQL: refused by the database for its owner too (here even a
    /// superuser); and when a superuser switches the trigger off first, `verify` finds the change
    /// and the checkpoint no longer holds.
    func testRewritingThroughSQLIsRefusedOrDetected() throws {
        let server = try PostgresSupport.server()
        let uri = try PostgresSupport.freshDatabase(server, label: "tamper")
        let session = try Session.open(path: uri, reference: shippedReference(), role: .secretaris, clock: fixedClock)
        for k in 1...5 {
            guard case .success = session.record(.decision, Draft([.wijk: "Emerald", .text: "Besluit \(k)"])) else { return XCTFail("record") }
        }
        let checkpoint = Checkpoint(seq: session.log.headSeq, hash: session.log.headHash)
        for sql in ["UPDATE kernteam.log_lines SET line = line WHERE seq = 2",
                    "DELETE FROM kernteam.log_lines WHERE seq = 6",
                    "TRUNCATE kernteam.log_lines",
                    "INSERT INTO kernteam.log_lines (stream, seq, line) VALUES ('kernteam', 9, convert_to('{}', 'UTF8'))"] {
            let r = PostgresSupport.psql(uri, sql)
            XCTAssertNotEqual(r.status, 0, "\(sql) must be refused")
            XCTAssertTrue(r.err.contains("kernteam:"), "refused by our trigger: \(r.err)")
        }
        XCTAssertTrue(try Verifier.verify(location: uri, checkpoint: checkpoint).isIntact)

        // A superuser can switch triggers off; what it then changes is found.
        let forced = PostgresSupport.psql(uri, """
            ALTER TABLE kernteam.log_lines DISABLE TRIGGER refuse_update_delete;
            UPDATE kernteam.log_lines SET line = convert_to(replace(convert_from(line, 'UTF8'), 'Besluit 3', 'Besluit 4'), 'UTF8') WHERE seq = 4;
            """)
        XCTAssertEqual(forced.status, 0, forced.err)
        let report = try Verifier.verify(location: uri, checkpoint: checkpoint)
        XCTAssertFalse(report.isIntact)
        XCTAssertEqual(report.issues.first?.line, 4, "the edited line is named: \(report.issues)")
        let cli = PostgresSupport.run(try PostgresSupport.kernteamBinary(), ["verify", "--log", uri, "--checkpoint", checkpoint.description])
        XCTAssertEqual(cli.status, 1)
        XCTAssertTrue(cli.err.contains("regel 4"), cli.err)
        // And an app opening it goes read-only with the reason instead of building on it.
        let reopened = try Session.open(path: uri, reference: nil)
        guard case .damaged = reopened.log.readOnlyReason else { return XCTFail("\(String(describing: reopened.log.readOnlyReason))") }
    }

    /// Another process's append reaches an open session through NOTIFY, well within a second.
    func testLiveFollowBetweenTwoProcesses() throws {
        let server = try PostgresSupport.server()
        let harness = try HarnessSupport.requireBinary()
        let uri = try PostgresSupport.freshDatabase(server, label: "live")
        let session = try Session.open(path: uri, reference: shippedReference())
        let before = session.state.decisions.count
        XCTAssertEqual(try session.log.readNew().count, 0, "nothing new yet")
        let dir = try HarnessSupport.scratchDir("pg-live")
        let run = HarnessSupport.run(harness, ["append", "--log", uri, "--count", "1", "--writer", "7", "--reference", Self.referencePath], in: dir)
        XCTAssertEqual(run.status, 0, run.stderr)
        let start = Date()
        var seen = false
        while Date().timeIntervalSince(start) < 1 {
            if try session.refresh() { seen = true; break }
            usleep(20_000)
        }
        XCTAssertTrue(seen, "the other process's entry arrived within 1 s")
        XCTAssertEqual(session.state.decisions.count, before + 1)
        print("PostgresLogTests: other process's entry seen after \(String(format: "%.0f", Date().timeIntervalSince(start) * 1000)) ms")
    }

    /// File → server → file: byte-identical lines, equal checkpoints; `verify` and `checkpoint` agree
    /// on both; a second copy into the same stream is refused.
    func testCopyBothWaysGivesEqualCheckpoints() throws {
        let server = try PostgresSupport.server()
        let kernteam = try PostgresSupport.kernteamBinary()
        let uri = try PostgresSupport.freshDatabase(server, label: "copy") + "&stream=delfgauw"
        let dir = try HarnessSupport.scratchDir("pg-copy")
        let source = HarnessSupport.repoRoot.appendingPathComponent("Data/demo-log.jsonl").path
        // As many entries as the demo log has lines (it grows with the story).
        let lines = HarnessSupport.bytes(source).filter { $0 == UInt8(ascii: "\n") }.count
        let up = PostgresSupport.run(kernteam, ["copy", "--from", source, "--to", uri])
        XCTAssertEqual(up.status, 0, up.err)
        let back = "\(dir)/terug.jsonl"
        let down = PostgresSupport.run(kernteam, ["copy", "--from", uri, "--to", back])
        XCTAssertEqual(down.status, 0, down.err)
        XCTAssertEqual(HarnessSupport.bytes(back), HarnessSupport.bytes(source), "byte-identical after the round trip")
        let checkpoints = [source, uri, back].map { PostgresSupport.run(kernteam, ["checkpoint", "--log", $0]).out }
        XCTAssertEqual(Set(checkpoints).count, 1, "\(checkpoints)")
        XCTAssertTrue(checkpoints[0].hasPrefix("\(lines):"), "\(checkpoints[0]) names the last of \(lines) lines")
        for location in [uri, back] {
            let v = PostgresSupport.run(kernteam, ["verify", "--log", location, "--checkpoint", checkpoints[0].trimmingCharacters(in: .whitespacesAndNewlines)])
            XCTAssertEqual(v.status, 0, v.err)
        }
        let again = PostgresSupport.run(kernteam, ["copy", "--from", source, "--to", uri])
        XCTAssertEqual(again.status, 1)
        XCTAssertTrue(again.err.contains("bevat al een log"), again.err)
        let rows = PostgresSupport.psql(uri.replacingOccurrences(of: "&stream=delfgauw", with: ""), "SELECT count(*) FROM kernteam.log_lines WHERE stream = 'delfgauw'")
        XCTAssertEqual(rows.out.trimmingCharacters(in: .whitespacesAndNewlines), "\(lines)", "the refused copy added nothing")
        // Residents' names never reach the database (the demo's signals have reporters).
        let names = PostgresSupport.psql(uri.replacingOccurrences(of: "&stream=delfgauw", with: ""),
                                         "SELECT count(*) FROM kernteam.log_lines WHERE convert_from(line, 'UTF8') LIKE '%\"reporter\":%' OR convert_from(line, 'UTF8') LIKE '%\"contact\":%'")
        XCTAssertEqual(names.out.trimmingCharacters(in: .whitespacesAndNewlines), "0")
        try? FileManager.default.removeItem(atPath: dir)
    }

    /// The server stopped while a writer appends: the writer ends with a message (no crash, no
    /// hang), every acknowledged entry is there after the restart. An open session turns read-only
    /// with the reason, keeps nothing half-done, and writes again by itself once the server is back.
    func testServerStoppedMidAppend() throws {
        let server = try PostgresSupport.server()
        let harness = try HarnessSupport.requireBinary()
        let uri = try PostgresSupport.freshDatabase(server, label: "stop")
        let dir = try HarnessSupport.scratchDir("pg-stop")
        let session = try Session.open(path: uri, reference: shippedReference())
        guard case .success = session.record(.decision, Draft([.wijk: "Emerald", .text: "Voor de storing"])) else { return XCTFail("record") }

        let out = "\(dir)/w.out", err = "\(dir)/w.err"
        guard let pid = HarnessSupport.spawn(harness, ["append", "--log", uri, "--count", "100000", "--writer", "1", "--reference", Self.referencePath], stdout: out, stderr: err) else { return XCTFail("spawn") }
        let deadline = Date().addingTimeInterval(10)
        while HarnessSupport.acks(in: HarnessSupport.read(out)).count < 20 && Date() < deadline { usleep(2_000) }
        let stopped = PostgresSupport.stop(server)
        defer { if HarnessSupport.poll(pid) == nil { kill(pid, SIGKILL); _ = HarnessSupport.wait(pid) } }
        XCTAssertEqual(stopped.status, 0, stopped.err)
        let waitedFrom = Date()
        var status: Int32?
        while status == nil && Date().timeIntervalSince(waitedFrom) < 20 { status = HarnessSupport.poll(pid); usleep(10_000) }
        XCTAssertEqual(status, 2, "the writer ends with a log error, not a crash or a hang: \(HarnessSupport.read(err))")
        XCTAssertTrue(HarnessSupport.read(err).contains("unreachable") || HarnessSupport.read(err).contains("commitUnknown"), HarnessSupport.read(err))

        // The open session: refused with the reason, nothing applied.
        let decisions = session.state.decisions.count
        let result = session.record(.decision, Draft([.wijk: "Emerald", .text: "Tijdens de storing"]))
        guard case .failure(.log(let e)) = result else { return XCTFail("appending without a server must fail: \(result)") }
        XCTAssertTrue(Session.describe(e).contains("database"), Session.describe(e))
        XCTAssertEqual(session.state.decisions.count, decisions)
        XCTAssertNotNil(session.log.readOnlyReason)

        let started = PostgresSupport.start(server)
        XCTAssertEqual(started.status, 0, started.err)
        // Reconnects by itself (in the background) on the next looks.
        let back = Date()
        while session.log.readOnlyReason != nil && Date().timeIntervalSince(back) < 10 { _ = try? session.refresh(); usleep(100_000) }
        XCTAssertNil(session.log.readOnlyReason, "writable again after the server came back")
        guard case .success = session.record(.decision, Draft([.wijk: "Emerald", .text: "Na de storing"])) else { return XCTFail("record after reconnect") }

        let acks = HarnessSupport.acks(in: HarnessSupport.read(out))
        let report = try Verifier.verify(location: uri)
        XCTAssertTrue(report.isIntact, "\(report.issues.prefix(3))")
        let reread = try Session.open(path: uri, reference: nil, readOnly: true)
        let problems = HarnessSupport.checkAcks(acks, against: HarnessSupport.entries(reread.state))
        XCTAssertTrue(problems.isEmpty, problems.prefix(10).joined(separator: "\n"))
        XCTAssertTrue(reread.state.decisions.items.contains { $0.value.text == "Na de storing" })
        try? FileManager.default.removeItem(atPath: dir)
    }

    /// A role with SELECT only (`kernteam_lezer`) reads everything and writes nothing: the session is
    /// read-only with the reason, the CLI says so and exits 1, nothing is appended.
    func testReadOnlyRole() throws {
        let server = try PostgresSupport.server()
        let kernteam = try PostgresSupport.kernteamBinary()
        let uri = try PostgresSupport.freshDatabase(server, label: "roles")
        let writerSession = try Session.open(path: uri, reference: shippedReference())
        guard case .success = writerSession.record(.decision, Draft([.wijk: "Emerald", .text: "Door de secretaris"])) else { return XCTFail("record") }
        let role = "lezer_\(UUID().uuidString.prefix(6).lowercased())"
        let grant = PostgresSupport.psql(uri, """
            CREATE ROLE \(role) LOGIN;
            GRANT USAGE ON SCHEMA kernteam TO \(role);
            GRANT SELECT ON kernteam.log_lines, kernteam.schema_version TO \(role);
            """)
        XCTAssertEqual(grant.status, 0, grant.err)
        let readerURI = uri.replacingOccurrences(of: "user=postgres", with: "user=\(role)")
        let reader = try Session.open(path: readerURI, reference: nil)
        XCTAssertEqual(reader.log.readOnlyReason, .readOnlyRole)
        XCTAssertEqual(reader.state.decisions.count, 1)
        guard case .failure(.log(.readOnlyRole)) = reader.record(.decision, Draft([.wijk: "Emerald", .text: "Door de stuurgroep"])) else {
            return XCTFail("a read-only role must not append")
        }
        let list = PostgresSupport.run(kernteam, ["list", "decisions", "--log", readerURI])
        XCTAssertEqual(list.status, 0, list.err)
        XCTAssertTrue(list.out.contains("Door de secretaris"))
        let add = PostgresSupport.run(kernteam, ["add", "decision", "--log", readerURI, "--wijk", "Emerald", "--text", "Mag niet"])
        XCTAssertEqual(add.status, 1)
        XCTAssertTrue(add.err.contains("alleen lezen"), add.err)
        XCTAssertEqual(try Verifier.verify(location: uri).entries, 2)
    }

    /// No server at that address: a Dutch message and exit 1, quickly; a schema of another version
    /// is refused instead of misread.
    func testUnreachableServerAndForeignSchema() throws {
        let server = try PostgresSupport.server()
        let kernteam = try PostgresSupport.kernteamBinary()
        let started = Date()
        let r = PostgresSupport.run(kernteam, ["list", "decisions", "--log", "postgresql:///kernteam?host=/nonexistent-kt&user=x"])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.err.contains("De database is niet bereikbaar"), r.err)
        XCTAssertLessThan(Date().timeIntervalSince(started), 15, "no hang")

        let uri = try PostgresSupport.freshDatabase(server, label: "schema")
        let initialised = PostgresSupport.run(kernteam, ["init", "--log", uri])
        XCTAssertEqual(initialised.status, 0, initialised.err)
        XCTAssertEqual(PostgresSupport.psql(uri, "SELECT count(*) FROM kernteam.log_lines").out.trimmingCharacters(in: .whitespacesAndNewlines), "0",
                       "init only creates the schema")
        XCTAssertEqual(PostgresSupport.psql(uri, "UPDATE kernteam.schema_version SET version = 99").status, 0)
        let newer = PostgresSupport.run(kernteam, ["list", "decisions", "--log", uri])
        XCTAssertEqual(newer.status, 1)
        XCTAssertTrue(newer.err.contains("schemaversie 99"), newer.err)
    }

    static let referencePath = HarnessSupport.repoRoot.appendingPathComponent("Data/reference.json").path
    private func shippedReference() throws -> ReferenceData { try faultsShippedReference() }
    private let fixedClock: @Sendable () -> Date = { Date(timeIntervalSince1970: 1_237_000_000) }
}
