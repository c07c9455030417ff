import Foundation
import XCTest
import KernteamDomain
import KernteamLog
import KernteamSession

/// What an append must do when the disk says no: never acknowledge the entry, leave the file exactly
/// as it was (a valid prefix that verifies intact, no partial line), say in Dutch what is wrong, and
/// carry on with the next sequence number once the fault is gone.
final class IOFaultTests: FaultsTestCase {
    /// Mount points this test made; unmounted in tearDown whatever happened (also by a teardown block).
    private var mountPoints: [String] = []

    override func tearDownWithError() throws {
        for m in mountPoints.reversed() { Self.unmount(m) }
        mountPoints = []
        try super.tearDownWithError()
    }

    // MARK: helpers

    /// Records one decision that must fail with an I/O error of `code`; checks that nothing was
    /// appended (file byte-identical, verify intact, head and state unchanged) and that the Dutch
    /// message names the cause. Returns the error.
    @discardableResult
    private func assertRecordFails(_ s: Session, code: Int32, n: Int, message: String, path: String? = nil,
                                   file: StaticString = #filePath, line: UInt = #line) throws -> LogError? {
        let before = try bytes(path ?? s.path)
        let seq = s.log.headSeq, hash = s.log.headHash, lastSeq = s.state.lastSeq
        let decisions = s.state.decisions.items.count
        let result = s.record(.decision, decision(n))
        var logError: LogError?
        switch result {
        case .success(let logged):
            XCTFail("append acknowledged (seq \(logged.seq)) although the disk failed", file: file, line: line)
        case .failure(.refused(let r)):
            XCTFail("refused instead of an I/O error: \(r.lines)", file: file, line: line)
        case .failure(.log(let e)):
            logError = e
            if case .io(_, let c) = e {
                XCTAssertEqual(c, code, "errno: \(Session.describe(e))", file: file, line: line)
            } else {
                XCTFail("expected .io(…, \(code)), got \(e)", file: file, line: line)
            }
            let text = Session.describe(e)
            XCTAssertTrue(text.contains(message), "'\(text)' should say '\(message)'", file: file, line: line)
            XCTAssertEqual(RecordFailure.log(e).lines, [text], file: file, line: line)
        }
        XCTAssertTrue(try sameBytes(before, path ?? s.path), "the file must be byte-identical to before the failed append",
                      file: file, line: line)
        XCTAssertEqual(s.log.headSeq, seq, file: file, line: line)
        XCTAssertEqual(s.log.headHash, hash, file: file, line: line)
        XCTAssertEqual(s.state.lastSeq, lastSeq, "the failed entry must not be in the folded state", file: file, line: line)
        XCTAssertEqual(s.state.decisions.items.count, decisions, file: file, line: line)
        try assertIntact(path ?? s.path, entries: seq, file: file, line: line)
        return logError
    }

    /// `Session.append` (the path the demo story uses) must throw the same error and append nothing.
    private func assertAppendThrows(_ s: Session, code: Int32, file: StaticString = #filePath, line: UInt = #line) throws {
        let before = try bytes(s.path)
        let seq = s.log.headSeq
        // At least as long as a recorded decision, so it cannot fit where the decision did not.
        let event = Event.decisionTaken(DecisionTaken(id: RecordID(.decision, 900), kern: "Delfgauw", wijk: "Emerald",
                                                      text: "Besluit via Session.append: een wat langere tekst dan die van een gewone regel"))
        XCTAssertThrowsError(try s.append(event), file: file, line: line) { error in
            guard case .io(_, let c)? = error as? LogError else {
                return XCTFail("expected LogError.io, got \(error)", file: file, line: line)
            }
            XCTAssertEqual(c, code, file: file, line: line)
        }
        XCTAssertTrue(try sameBytes(before, s.path), "the file must be byte-identical to before the failed append",
                      file: file, line: line)
        XCTAssertEqual(s.log.headSeq, seq, file: file, line: line)
        try assertIntact(s.path, entries: seq, file: file, line: line)
    }

    /// After the fault is gone: the next record gets the next number, the log verifies, and a fresh
    /// session reading the file agrees.
    private func assertResumes(_ s: Session, n: Int, file: StaticString = #filePath, line: UInt = #line) throws {
        let seq = s.log.headSeq
        switch s.record(.decision, decision(n)) {
        case .success(let logged):
            XCTAssertEqual(logged.seq, seq + 1, "gapless after the fault", file: file, line: line)
        case .failure(let f):
            XCTFail("append after the fault was removed failed: \(f.lines)", file: file, line: line)
        }
        let event = Event.decisionTaken(DecisionTaken(id: s.state.nextID(.decision), kern: "Delfgauw", wijk: nil,
                                                      text: "na de storing"))
        XCTAssertEqual(try s.append(event).seq, seq + 2, file: file, line: line)
        try assertIntact(s.path, entries: seq + 2, file: file, line: line)
        let fresh = try Session.open(path: s.path, reference: nil, clock: faultsFixedClock)
        XCTAssertEqual(fresh.state.lastSeq, seq + 2, file: file, line: line)
        XCTAssertTrue(fresh.undecodable.isEmpty, "\(fresh.undecodable)", file: file, line: line)
        XCTAssertFalse(fresh.log.isReadOnly, file: file, line: line)
        XCTAssertNil(fresh.log.recoveredTailPath, "no torn tail may have been left behind", file: file, line: line)
    }

    /// Mutable state shared with an injected system call.
    private final class Budget: @unchecked Sendable {
        var bytesLeft: Int
        var calls = 0
        var largestFileSeen = 0
        init(_ n: Int) { bytesLeft = n }
    }

    /// A `write` that behaves like a disk with `budget` bytes free: writes what fits (a partial write),
    /// then fails with ENOSPC, as the kernel does.
    private func diskFull(after budget: Budget) -> IOCalls {
        IOCalls(write: { fd, buffer, count in
            budget.calls += 1
            if budget.bytesLeft <= 0 { errno = ENOSPC; return -1 }
            let n = Foundation.write(fd, buffer, min(count, budget.bytesLeft))
            if n > 0 { budget.bytesLeft -= n }
            var st = stat()
            if fstat(fd, &st) == 0 { budget.largestFileSeen = max(budget.largestFileSeen, Int(st.st_size)) }
            return n
        })
    }

    // MARK: disk full, injected

    func testDiskFullInjectedAfterPartialWriteLeavesNoPartialLine() throws {
        let s = try open()
        for n in 1...3 { XCTAssertNoThrow(try s.record(.decision, decision(n)).get()) }
        let sizeBefore = try bytes().count
        // 0: nothing fits; 1 and 40: a partial line reaches the file; 150: most of the line does.
        for (i, free) in [0, 1, 40, 150].enumerated() {
            let budget = Budget(free)
            (s.log as! LogFile).io = diskFull(after: budget)
            try assertRecordFails(s, code: ENOSPC, n: 100 + i, message: "de schijf is vol")
            if free > 0 {
                XCTAssertEqual(budget.largestFileSeen, sizeBefore + free,
                               "the partial write did reach the file (and was then cut back)")
                XCTAssertGreaterThanOrEqual(budget.calls, 2, "a partial write, then ENOSPC")
            }
        }
        let budget = Budget(60)
        (s.log as! LogFile).io = diskFull(after: budget)
        try assertAppendThrows(s, code: ENOSPC)
        // A reopened session must find the same clean file: no torn tail to recover.
        let reopened = try open()
        XCTAssertNil(reopened.log.recoveredTailPath)
        XCTAssertEqual(reopened.log.headSeq, 4)

        (s.log as! LogFile).io = IOCalls()
        try assertResumes(s, n: 200)
    }

    func testDiskFullInjectedWhileRecordingPersonalDataLeavesNoPersonBehind() throws {
        let s = try open()
        s.makePersonRef = { "pd-00000000000000aa" }
        (s.log as! LogFile).io = diskFull(after: Budget(10))
        let before = try bytes()
        let result = s.record(.signal, Draft([.wijk: "Emerald", .theme: "groen", .source: "bewoner",
                                              .text: "Losliggende stoeptegels", .reporter: "J. de Vries",
                                              .contact: "06-12345678"]))
        guard case .failure(.log(.io(_, ENOSPC))) = result else { return XCTFail("\(result)") }
        XCTAssertTrue(try sameBytes(before))
        XCTAssertTrue(s.state.signals.items.isEmpty)
        XCTAssertTrue(s.personal.loadAll().isEmpty, "personal data of an entry that was never written must be removed")
        let leftovers = (try? FileManager.default.contentsOfDirectory(atPath: s.personal.directory)) ?? []
        XCTAssertEqual(leftovers.filter { !$0.hasPrefix(".") }, [])

        // The same through Session.append with a person (the demo story's path).
        let event = Event.signalRecorded(SignalRecorded(id: RecordID(.signal, 1), kern: "Delfgauw", wijk: "Emerald",
                                                        theme: .groen, source: .bewoner, text: "Zwerfvuil",
                                                        date: Day(year: 2009, month: 3, day: 14)!, buurt: nil, meeting: nil))
        XCTAssertThrowsError(try s.append(event, person: (name: "J. de Vries", contact: "06-12345678")))
        XCTAssertTrue(try sameBytes(before))
        XCTAssertTrue(s.personal.loadAll().isEmpty, "Session.append must not leave personal data for an entry never written")
        XCTAssertTrue(s.persons.isEmpty)

        (s.log as! LogFile).io = IOCalls()
        try assertResumes(s, n: 1)
    }

    // MARK: fsync fails

    func testFailingFsyncIsNeverAcknowledgedAndCutBack() throws {
        let s = try open()
        XCTAssertNoThrow(try s.record(.decision, decision(1)).get())
        final class Calls: @unchecked Sendable { var fsyncs = 0; var sizeAtFsync = 0 }
        let calls = Calls()
        (s.log as! LogFile).io = IOCalls(fsync: { fd in
            calls.fsyncs += 1
            var st = stat()
            if fstat(fd, &st) == 0 { calls.sizeAtFsync = Int(st.st_size) }
            errno = EIO
            return -1
        })
        let sizeBefore = try bytes().count
        try assertRecordFails(s, code: EIO, n: 2, message: "invoer/uitvoerfout")
        XCTAssertEqual(calls.fsyncs, 1)
        XCTAssertGreaterThan(calls.sizeAtFsync, sizeBefore, "the whole line was written before fsync failed")
        try assertRecordFails(s, code: EIO, n: 3, message: "invoer/uitvoerfout")
        try assertAppendThrows(s, code: EIO)

        (s.log as! LogFile).io = IOCalls()
        try assertResumes(s, n: 4)
    }

    func testWriteEIOIsNeverAcknowledged() throws {
        let s = try open()
        (s.log as! LogFile).io = IOCalls(write: { _, _, _ in errno = EIO; return -1 })
        try assertRecordFails(s, code: EIO, n: 1, message: "invoer/uitvoerfout")
        try assertAppendThrows(s, code: EIO)
        (s.log as! LogFile).io = IOCalls()
        try assertResumes(s, n: 2)
    }

    // MARK: read-only

    // We run as root, and root ignores file permissions: `chmod 0444` on the log (or 0555 on its
    // folder) does not stop a write, so it cannot simulate a read-only log here. Instead:
    //  - injected write errors as a read-only file system (EROFS) or a descriptor not open for
    //    writing (EBADF) would give them;
    //  - a session opened with `readOnly: true`;
    //  - a real read-only bind mount of the log's folder (a per-mount flag, which binds root too).

    func testReadOnlyFileSystemInjected() throws {
        let s = try open()
        XCTAssertNoThrow(try s.record(.decision, decision(1)).get())
        (s.log as! LogFile).io = IOCalls(write: { _, _, _ in errno = EROFS; return -1 })
        try assertRecordFails(s, code: EROFS, n: 2, message: "alleen-lezen")
        try assertAppendThrows(s, code: EROFS)
        (s.log as! LogFile).io = IOCalls()
        try assertResumes(s, n: 3)
    }

    func testBadDescriptorInjected() throws {
        let s = try open()
        (s.log as! LogFile).io = IOCalls(write: { _, _, _ in errno = EBADF; return -1 })
        try assertRecordFails(s, code: EBADF, n: 1, message: "Schrijven naar het log mislukt")
        try assertAppendThrows(s, code: EBADF)
        (s.log as! LogFile).io = IOCalls()
        try assertResumes(s, n: 2)
    }

    func testSessionOpenedReadOnlyRefusesAppends() throws {
        do {
            let s = try open()
            XCTAssertNoThrow(try s.record(.decision, decision(1)).get())
        }
        let before = try bytes()
        let ro = try open(readOnly: true)
        XCTAssertTrue(ro.log.isReadOnly)
        let result = ro.record(.decision, decision(2))
        guard case .failure(.log(.readOnly)) = result else { return XCTFail("\(result)") }
        let text = Session.describe(.readOnly).lowercased()
        XCTAssertTrue(text.contains("alleen") && text.contains("lezen"), text)
        let event = Event.decisionTaken(DecisionTaken(id: RecordID(.decision, 9), kern: "Delfgauw", wijk: nil, text: "x"))
        XCTAssertThrowsError(try ro.append(event)) { XCTAssertEqual($0 as? LogError, .readOnly) }
        XCTAssertTrue(try sameBytes(before))
        try assertIntact(entries: 2)
        // Not a fault to wait out but a mode: a normal session appends on.
        try assertResumes(try open(), n: 3)
    }

    func testReadOnlyBindMount() throws {
        let rw = dir.appendingPathComponent("rw").path
        let ro = dir.appendingPathComponent("ro").path
        try FileManager.default.createDirectory(atPath: rw, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: ro, withIntermediateDirectories: true)
        let bind = faultsRun("mount", ["--bind", rw, ro])
        guard bind.status == 0 else { throw XCTSkip("cannot bind-mount here: \(bind.output)") }
        mountPoints.append(ro)
        let remount = faultsRun("mount", ["-o", "remount,ro,bind", ro])
        guard remount.status == 0 else { throw XCTSkip("cannot remount read-only here: \(remount.output)") }

        // The log is written through the writable path …
        let writer = try open(rw + "/kernteam.log")
        XCTAssertNoThrow(try writer.record(.decision, decision(1)).get())
        // … and opened through the read-only one: open(O_RDWR) fails with EROFS even for root.
        let roPath = ro + "/kernteam.log"
        let s = try open(roPath)
        XCTAssertTrue(s.log.isReadOnly)
        XCTAssertEqual(s.log.readOnlyReason, .io(operation: "open", code: EROFS))
        XCTAssertEqual(s.state.lastSeq, 2, "a read-only log is still read in full")
        try assertRecordFails(s, code: EROFS, n: 2, message: "alleen-lezen", path: roPath)
        try assertAppendThrows(s, code: EROFS)
        XCTAssertNil(s.log.recoveredTailPath)

        // Fault gone: make the mount writable again; a session opened now appends on.
        let back = faultsRun("mount", ["-o", "remount,rw,bind", ro])
        XCTAssertEqual(back.status, 0, back.output)
        let again = try open(roPath)
        XCTAssertFalse(again.log.isReadOnly)
        try assertResumes(again, n: 3)
    }

    // MARK: disk full on a real small file system

    private static func unmount(_ dir: String) {
        guard faultsIsMountPoint(dir) else { return }
        if faultsRun("umount", [dir]).status != 0 {
            // Something still holds it (a failed test's open descriptor): detach it lazily.
            faultsRun("umount", ["-l", dir])
        }
    }

    /// Mounts a small file system at `mountPoint`: tmpfs of 256 KiB, else a loop-mounted 512 KiB ext4
    /// image. Returns which one, or nil with the reasons when neither is allowed here.
    private func mountSmallFileSystem(at mountPoint: String) throws -> (kind: String?, why: String) {
        // KERNTEAM_FAULTS_NO_TMPFS=1 tries the ext4 image straight away (to test that way too).
        let tmpfs = ProcessInfo.processInfo.environment["KERNTEAM_FAULTS_NO_TMPFS"] == "1" ? (status: Int32(-1), output: "skipped")
            : faultsRun("mount", ["-t", "tmpfs", "-o", "size=256k,mode=0755", "tmpfs", mountPoint])
        if tmpfs.status == 0 { return ("tmpfs 256k", "") }
        let image = dir.appendingPathComponent("small.ext4").path
        guard FileManager.default.createFile(atPath: image, contents: nil),
              truncate(image, 512 * 1024) == 0 else { return (nil, "tmpfs: \(tmpfs.output); cannot create image") }
        let mkfs = faultsRun("mkfs.ext4", ["-q", "-F", "-m", "0", image])
        guard mkfs.status == 0 else { return (nil, "tmpfs: \(tmpfs.output); mkfs.ext4: \(mkfs.output)") }
        let loop = faultsRun("mount", ["-o", "loop", image, mountPoint])
        guard loop.status == 0 else { return (nil, "tmpfs: \(tmpfs.output); loop mount: \(loop.output)") }
        return ("ext4 512k (loop)", "")
    }

    /// Writes `path` until the file system says ENOSPC, in ever smaller pieces so that not a byte is
    /// left. Returns how many bytes it holds.
    @discardableResult
    private func fill(_ path: String, file: StaticString = #filePath, line: UInt = #line) -> Int {
        let fd = Foundation.open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        XCTAssertGreaterThanOrEqual(fd, 0, file: file, line: line)
        defer { close(fd) }
        let chunk = [UInt8](repeating: 0x58, count: 4096)
        var filled = 0
        var size = chunk.count
        while size > 0 {
            let n = chunk.withUnsafeBytes { Foundation.write(fd, $0.baseAddress!, size) }
            if n > 0 { filled += n; continue }
            XCTAssertEqual(errno, ENOSPC, file: file, line: line)
            size /= 2
        }
        fsync(fd)
        return filled
    }

    func testDiskFullOnRealSmallFileSystem() throws {
        let mountPoint = dir.appendingPathComponent("small").path
        try FileManager.default.createDirectory(atPath: mountPoint, withIntermediateDirectories: true)
        let mounted = try mountSmallFileSystem(at: mountPoint)
        guard let kind = mounted.kind else {
            throw XCTSkip("no small file system can be mounted here (\(mounted.why)); the injected ENOSPC tests cover this")
        }
        // Always unmounted in tearDown, also when an assertion below throws.
        mountPoints.append(mountPoint)
        print("IOFaultTests: disk full on a real \(kind) at \(mountPoint)")

        let path = mountPoint + "/kernteam.log"
        var s: Session? = try open(path)
        XCTAssertNoThrow(try s!.record(.decision, decision(1)).get())

        // Fill the file system completely, then free a little: room for a few dozen more lines.
        let filler = mountPoint + "/filler"
        let filled = fill(filler)
        XCTAssertEqual(truncate(filler, off_t(max(0, filled - 6 * 4096))), 0)

        // Real system calls, only watched: does the kernel hand back a partial write before ENOSPC?
        final class Watch: @unchecked Sendable { var partial: [(asked: Int, written: Int)] = []; var failed: [Int32] = [] }
        let watch = Watch()
        (s!.log as! LogFile).io = IOCalls(write: { fd, buffer, count in
            let n = Foundation.write(fd, buffer, count)
            let e = errno
            if n < 0 { watch.failed.append(e) } else if n < count { watch.partial.append((count, n)) }
            errno = e
            return n
        })

        // Append until the disk is full.
        var appended = 0
        var failure: LogError?
        for n in 2...500 {
            let before = try bytes(path)
            let seq = s!.log.headSeq
            switch s!.record(.decision, decision(n)) {
            case .success(let logged):
                XCTAssertEqual(logged.seq, seq + 1)
                appended += 1
            case .failure(.refused(let r)):
                XCTFail("refused: \(r.lines)")
            case .failure(.log(let e)):
                failure = e
                XCTAssertTrue(try sameBytes(before, path), "a failed append on a full disk must leave the file as it was")
            }
            if failure != nil { break }
        }
        print("IOFaultTests: \(appended) appends fitted, then \(failure.map { Session.describe($0) } ?? "no failure");"
              + " partial writes before it: \(watch.partial.map { "\($0.written) of \($0.asked) bytes" }), errno \(watch.failed)")
        XCTAssertGreaterThan(appended, 0, "the freed room should have taken some lines")
        guard let failure, case .io(_, let code) = failure else { return XCTFail("the disk never filled up: \(String(describing: failure))") }
        // tmpfs gives ENOSPC; ext4 may run out of metadata room first but still says ENOSPC.
        XCTAssertEqual(code, ENOSPC, Session.describe(failure))
        XCTAssertTrue(Session.describe(failure).contains("de schijf is vol"), Session.describe(failure))
        try assertIntact(path, entries: s!.log.headSeq)

        // The failed line was cut back, which gave its room back; take the last bytes too, so that
        // any append fails. Still full: fails again the same way, and through Session.append too.
        let filler2 = mountPoint + "/filler-2"
        fill(filler2)
        try assertRecordFails(s!, code: ENOSPC, n: 600, message: "de schijf is vol", path: path)
        try assertAppendThrows(s!, code: ENOSPC)

        // Fault gone: free the space; the same session appends on, gapless.
        XCTAssertEqual(unlink(filler), 0)
        XCTAssertEqual(unlink(filler2), 0)
        try assertResumes(s!, n: 700)
        s = nil
    }
}
