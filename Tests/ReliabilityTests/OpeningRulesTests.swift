import Foundation
import KernteamDomain
import KernteamLog
import KernteamSession
import XCTest

final class OpeningResultBox<T>: @unchecked Sendable { var result: Result<T, Error>? }

/// What the program may open, append to and recover (`OpeningRules`), as a table of files it must
/// not use: every one is refused (or opened read-only as damage) with the right reason, by every
/// way in (open for writing, open for reading, verify), and is byte-identical afterwards, with no
/// new file beside it.
final class OpeningRulesTests: FaultsTestCase {
    enum Expect {
        case refused(LogError)
        case damagedAt(line: Int)
    }

    struct Case {
        var label: String
        /// Builds the file (or FIFO, link …) at the given path; returns the path to pass as `--log`.
        var make: (String) throws -> String
        var expect: Expect
    }

    /// An intact 4-record log's bytes.
    func goodLog() throws -> [UInt8] {
        let path = dir.appendingPathComponent("good-\(UUID().uuidString.prefix(6)).jsonl").path
        try buildLog(records: 4, at: path)
        defer { try? FileManager.default.removeItem(atPath: path); try? FileManager.default.removeItem(atPath: path + ".lock") }
        return try bytes(path)
    }

    func cases() throws -> [Case] {
        let good = try goodLog()
        let crlf = Array(String(decoding: good, as: UTF8.self).replacingOccurrences(of: "\n", with: "\r\n").utf8)
        var lastCRLF = good
        lastCRLF.removeLast()
        lastCRLF += [0x0D, 0x0A]
        let text = Array("Boodschappen: melk, brood\nkaas\n".utf8)
        func file(_ bytes: [UInt8]) -> (String) throws -> String {
            { path in try Data(bytes).write(to: URL(fileURLWithPath: path)); return path }
        }
        let header = String(decoding: good.prefix(while: { $0 != 0x0A }), as: UTF8.self)
        let newer = header.replacingOccurrences(of: "{\"v\":1,", with: "{\"v\":2,") + "\n"
        return [
            Case(label: "CRLF line ends in the whole file", make: file(crlf), expect: .refused(.notALog(.windowsLineEnds))),
            Case(label: "CRLF on the last line only", make: file(lastCRLF), expect: .damagedAt(line: 4)),
            Case(label: "a text file", make: file(text), expect: .refused(.notALog(.text("Boodschappen: melk, brood")))),
            Case(label: "a text file through a symlink", make: { path in
                try Data(text).write(to: URL(fileURLWithPath: path + ".target"))
                try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: path + ".target")
                return path
            }, expect: .refused(.notALog(.text("Boodschappen: melk, brood")))),
            Case(label: "a text file without a newline", make: file(Array("hallo".utf8)), expect: .refused(.notALog(.text("hallo")))),
            Case(label: "a binary file", make: file([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]), expect: .refused(.notALog(.binary))),
            Case(label: "JSON of another program", make: file(Array("{\"name\": \"pakket\", \"version\": \"1.0\"}\n".utf8)), expect: .refused(.notALog(.json))),
            Case(label: "a kernteam log of a newer format", make: file(Array(newer.utf8)), expect: .refused(.notALog(.newerVersion(2)))),
            Case(label: "a FIFO", make: { path in
                guard mkfifo(path, 0o600) == 0 else { throw LogError.io(operation: "mkfifo", code: errno) }
                return path
            }, expect: .refused(.notARegularFile(.fifo))),
            Case(label: "a folder", make: { path in try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false); return path },
                 expect: .refused(.notARegularFile(.folder))),
            Case(label: "a symlink to nothing", make: { path in
                try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: path + ".nowhere")
                return path
            }, expect: .refused(.notARegularFile(.brokenLink))),
            Case(label: "a device", make: { _ in "/dev/null" }, expect: .refused(.notARegularFile(.characterDevice))),
            Case(label: "a socket", make: { path in try Self.makeSocket(path); return path }, expect: .refused(.notARegularFile(.socket))),
        ]
    }

    /// A bound Unix socket at `path` (left in place for the test).
    static func makeSocket(_ path: String) throws {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw LogError.io(operation: "socket", code: errno) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else { throw XCTSkip("socket path too long") }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in for (i, b) in bytes.enumerated() { raw[i] = b } }
        let r = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) } }
        guard r == 0 else { throw LogError.io(operation: "bind", code: errno) }
    }

    /// Every file in the folder with its bytes (links as their target text), to see that nothing changed.
    func snapshot() -> [String: [UInt8]] {
        var out: [String: [UInt8]] = [:]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? [] {
            let p = dir.appendingPathComponent(name).path
            var st = stat()
            guard lstat(p, &st) == 0 else { continue }
            switch st.st_mode & S_IFMT {
            case S_IFREG: out[name] = (try? bytes(p)) ?? []
            case S_IFLNK: out[name] = Array(((try? FileManager.default.destinationOfSymbolicLink(atPath: p)) ?? "").utf8)
            default: out[name] = Array("kind \(st.st_mode & S_IFMT)".utf8)
            }
        }
        return out
    }

    /// Runs `body` on another thread and fails if it does not return within `seconds` (a FIFO must
    /// never make the program wait).
    func withinSeconds<T>(_ seconds: Double, _ label: String, _ body: @escaping @Sendable () throws -> T) -> Result<T, Error>? {
        let box = OpeningResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            box.result = Result { try body() }
            done.signal()
        }
        guard done.wait(timeout: .now() + seconds) == .success else {
            XCTFail("\(label): did not return within \(seconds) s")
            return nil
        }
        return box.result
    }

    func testEveryFileThatIsNotAUsableLogIsRefusedAndLeftByteIdentical() throws {
        var checked = 0
        for c in try cases() {
            let folder = dir.appendingPathComponent("case-\(checked)").path
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
            let path = try c.make(folder + "/kernteam.jsonl")
            let before = snapshot()
            let reference = self.reference!
            for (way, readOnly) in [("open for writing", false), ("open for reading", true)] {
                let result = withinSeconds(10, "\(c.label), \(way)") {
                    try Session.open(path: path, reference: reference, role: .secretaris, readOnly: readOnly, clock: faultsFixedClock)
                }
                switch (c.expect, result) {
                case (.refused(let expected), .failure(let error)?):
                    XCTAssertEqual(error as? LogError, expected, "\(c.label), \(way)")
                case (.damagedAt(let line), .success(let session)?):
                    XCTAssertEqual(session.log.readOnlyReason.flatMap { if case .damaged(let i) = $0 { i.line } else { nil } }, line, "\(c.label), \(way)")
                    if !readOnly, case .success = session.record(.decision, decision(99)) { XCTFail("\(c.label): appended after damage") }
                case (_, nil):
                    break
                default:
                    XCTFail("\(c.label), \(way): expected \(c.expect), got \(String(describing: result))")
                }
            }
            let verified = withinSeconds(10, "\(c.label), verify") { try Verifier.verify(path: path) }
            switch (c.expect, verified) {
            case (.refused(let expected), .failure(let error)?):
                XCTAssertEqual(error as? LogError, expected, "\(c.label), verify")
            case (.damagedAt(let line), .success(let report)?):
                XCTAssertEqual(report.issues.first?.line, line, "\(c.label), verify")
            case (_, nil):
                break
            default:
                XCTFail("\(c.label), verify: expected \(c.expect), got \(String(describing: verified))")
            }
            XCTAssertEqual(snapshot(), before, "\(c.label): the folder is byte-identical afterwards (no side file, no lock file)")
            checked += 1
        }
        XCTAssertEqual(checked, 13)
    }

    func testASymlinkToALogIsFollowedAndAppendsGoToItsTarget() throws {
        try buildLog(records: 3)
        let link = dir.appendingPathComponent("link.jsonl").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: logPath)
        let session = try open(link)
        guard case .success(let logged) = session.record(.decision, decision(4)) else { return XCTFail("append through the link") }
        XCTAssertEqual(logged.seq, 4)
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link), logPath, "the link stays a link")
        try assertIntact(entries: 4)
    }

    func testAPartialFirstLineIsATornLogButAPartialLineOfTextIsNot() throws {
        // What an interrupted first append leaves: moved aside, and the log starts anew.
        try write(Array("{\"v\":1,\"seq\":1,\"ts\":\"2009-03-".utf8))
        let session = try open()
        XCTAssertEqual(session.log.recoveredTailPath, logPath + ".torn-1")
        XCTAssertEqual(session.log.headSeq, 1)
        XCTAssertEqual(try bytes(logPath + ".torn-1"), Array("{\"v\":1,\"seq\":1,\"ts\":\"2009-03-".utf8))
        // The same length of something else is not a log.
        let other = dir.appendingPathComponent("other.jsonl").path
        try write(Array("{\"naam\":\"Jan\",\"telefoon\":\"06-".utf8), to: other)
        XCTAssertThrowsError(try open(other)) { XCTAssertEqual($0 as? LogError, .notALog(.json)) }
        XCTAssertEqual(try bytes(other), Array("{\"naam\":\"Jan\",\"telefoon\":\"06-".utf8))
    }

    func testFilesTheProgramCreatesAreTheOwnersOnlyWhateverTheUmask() throws {
        for mask: mode_t in [0o022, 0o000] {
            let old = umask(mask)
            defer { umask(old) }
            let folder = dir.appendingPathComponent("umask-\(mask)/sub").path
            let path = folder + "/kernteam.jsonl"
            let session = try open(path)
            guard case .success = session.record(.signal, Draft([.wijk: "Emerald", .theme: "groen", .source: "bewoner", .text: "Tegels",
                                                                 .reporter: "J. Jansen", .contact: "06-12345678"])) else {
                return XCTFail("recording under umask \(mask)")
            }
            // A torn tail moved aside makes a side file too.
            let handle = try XCTUnwrap(FileHandle(forWritingAtPath: path))
            try handle.seekToEnd()
            try handle.write(contentsOf: Data("{\"v\":1,\"seq\":3,".utf8))
            try handle.close()
            XCTAssertNotNil(try open(path).log.recoveredTailPath)
            var made: [(path: String, folder: Bool)] = [(path, false), (path + ".lock", false), (path + ".torn-1", false),
                                                        (path + ".personen", true), (folder, true), (PathName.folder(of: folder), true)]
            for name in try FileManager.default.contentsOfDirectory(atPath: path + ".personen") { made.append((path + ".personen/" + name, false)) }
            XCTAssertEqual(made.count, 7)
            for (p, isFolder) in made {
                var st = stat()
                XCTAssertEqual(stat(p, &st), 0, p)
                XCTAssertEqual(st.st_mode & 0o777, isFolder ? 0o700 : 0o600,
                               "umask \(String(mask, radix: 8)): \(p) is \(String(st.st_mode & 0o777, radix: 8))")
            }
        }
    }
}
