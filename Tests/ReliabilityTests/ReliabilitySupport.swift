import Foundation
import XCTest
import KernteamDomain
import KernteamLog
import KernteamSession
import KernteamFixtures

// Support for IOFaultTests, FuzzTests and TamperTests. Other reliability test files live in this
// target too, so every name here carries a `Faults` prefix to stay clear of theirs.

/// The reference data that ships with the program, read from `Data/reference.json` in the repo.
func faultsShippedReference(file: StaticString = #filePath) throws -> ReferenceData {
    let root = URL(fileURLWithPath: "\(file)")
        .deletingLastPathComponent()   // ReliabilityTests
        .deletingLastPathComponent()   // Tests
        .deletingLastPathComponent()   // repo root
    let data = try Data(contentsOf: root.appendingPathComponent("Data/reference.json"))
    return try JSONDecoder().decode(ReferenceData.self, from: data)
}

let faultsFixedClock: @Sendable () -> Date = { Date(timeIntervalSince1970: 1_237_000_000) }

/// The draws the fault tests make (SplitMix64 from KernteamSession: the same sequence for a seed
/// on every platform).
extension SplitMix64 {
    mutating func chance(_ oneIn: Int) -> Bool { below(oneIn) == 0 }
    mutating func byte() -> UInt8 { UInt8(truncatingIfNeeded: next()) }
}

/// A checkpoint as a person would note it down after a meeting: the last sequence number and its hash.
/// There is no checkpoint API yet (the coming `kernteam verify --checkpoint SEQ:HASH`), so the tests
/// check it themselves: the log must verify intact and still hold record `seq` with exactly `hash`.
struct FaultsCheckpoint: Equatable, CustomStringConvertible {
    var seq: Int
    var hash: String
    var description: String { "\(seq):\(hash)" }

    init(seq: Int, hash: String) {
        self.seq = seq
        self.hash = hash
    }

    /// Takes the checkpoint from an intact log's verify report.
    init(_ report: VerifyReport) {
        self.init(seq: report.headSeq, hash: report.headHash)
    }

    enum Outcome: Equatable {
        /// Verify itself reports the damage.
        case verifyNotIntact
        /// Verify says intact, but the record the checkpoint names is gone or different.
        case checkpointMismatch
        /// Nothing noticed.
        case undetected
    }

    /// Checks the log at `path` against this checkpoint.
    func check(path: String) throws -> Outcome {
        let report = try Verifier.verify(path: path)
        if !report.isIntact { return .verifyNotIntact }
        if report.headSeq == seq { return report.headHash == hash ? .undetected : .checkpointMismatch }
        if report.headSeq < seq { return .checkpointMismatch }   // records after the checkpoint are gone
        // The log grew after the checkpoint: the record at `seq` must still be the one noted down.
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let scan = data.withUnsafeBytes { LogScanner.scan($0) }
        guard let line = scan.lines.first(where: { $0.seq == seq }) else { return .checkpointMismatch }
        return line.hash == hash ? .undetected : .checkpointMismatch
    }
}

/// A fresh folder per test, removed afterwards, with helpers to open sessions on a log inside it.
class FaultsTestCase: XCTestCase {
    var dir: URL!
    var logPath: String { dir.appendingPathComponent("kernteam.log").path }
    var reference: ReferenceData!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("kernteam-faults-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        reference = try faultsShippedReference()
    }

    override func tearDownWithError() throws {
        if let dir { try? FileManager.default.removeItem(at: dir) }
    }

    func open(_ path: String? = nil, readOnly: Bool = false) throws -> Session {
        try Session.open(path: path ?? logPath, reference: reference, role: .secretaris, readOnly: readOnly,
                         clock: faultsFixedClock)
    }

    func bytes(_ path: String? = nil) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: path ?? logPath)))
    }

    /// Whether the file holds exactly `expected`; prints only the sizes when not, never every byte.
    func sameBytes(_ expected: [UInt8], _ path: String? = nil) throws -> Bool {
        let actual = try bytes(path)
        if actual != expected { print("file has \(actual.count) bytes, expected \(expected.count)") }
        return actual == expected
    }

    /// Puts `bytes` in the file at `path`, replacing what was there. No fsync: these files are test
    /// inputs read back at once by this process (Foundation's `Data.write` syncs every one of them).
    static func replace(_ path: String, with bytes: [UInt8]) throws {
        let fd = Foundation.open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw CocoaError(.fileWriteUnknown) }
        defer { close(fd) }
        var done = 0
        while done < bytes.count {
            let n = bytes[done...].withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
            if n < 0 { if errno == EINTR { continue }; throw CocoaError(.fileWriteUnknown) }
            done += n
        }
    }

    func write(_ bytes: [UInt8], to path: String? = nil) throws {
        try Self.replace(path ?? logPath, with: bytes)
    }

    /// A decision draft: needs no meeting and no personal data, so it can be recorded any number of times.
    func decision(_ n: Int) -> Draft {
        Draft([.wijk: "Emerald", .text: "Besluit \(n): bankje bij de speeltuin"])
    }

    /// Builds a log of `records` records (the reference entry first) with a mix of entry kinds.
    func buildLog(records: Int, at path: String? = nil, file: StaticString = #filePath, line: UInt = #line) throws {
        let s = try open(path)
        s.makePersonRef = { "pd-0000000000000001" }
        var n = 1
        while s.log.headSeq < records {
            let result: Result<LoggedEvent, RecordFailure>
            switch n % 5 {
            case 1 where s.state.meetings.items.isEmpty:
                result = s.record(.meeting, Draft([.kern: "Delfgauw", .date: "2009-03-17"]))
            case 2:
                result = s.record(.signal, Draft([.wijk: "Emerald", .theme: "groen", .source: "bewoner",
                                                  .text: "Losliggende stoeptegels \(n)", .buurt: "Emerald-Zuid"]))
            case 3:
                result = s.record(.action, Draft([.title: "Stoeptegels herstellen \(n)", .wijk: "emerald",
                                                  .owner: "gemeente beheer", .due: "01-04-2009", .cost: "1.250,50"]))
            default:
                result = s.record(.decision, decision(n))
            }
            if case .failure(let f) = result {
                XCTFail("building the log: \(f.lines)", file: file, line: line)
                throw f
            }
            n += 1
        }
    }

    /// Asserts the log at `path` verifies intact with `entries` records numbered 1...entries.
    func assertIntact(_ path: String? = nil, entries: Int, file: StaticString = #filePath, line: UInt = #line) throws {
        let report = try Verifier.verify(path: path ?? logPath)
        XCTAssertTrue(report.isIntact, "\(report.issues)", file: file, line: line)
        XCTAssertEqual(report.entries, entries, file: file, line: line)
        XCTAssertEqual(report.headSeq, entries, file: file, line: line)
        let data = try Data(contentsOf: URL(fileURLWithPath: path ?? logPath))
        let scan = data.withUnsafeBytes { LogScanner.scan($0) }
        XCTAssertEqual(scan.lines.map(\.seq), Array(0..<scan.lines.count).map { $0 + 1 }, "gapless", file: file, line: line)
        XCTAssertEqual(scan.goodEnd, data.count, "no bytes after the last good line", file: file, line: line)
        XCTAssertNil(scan.tornTailOffset, file: file, line: line)
    }
}

/// CPU time of this process so far: unlike wall time, not inflated by other work on the machine.
func faultsCPUSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1_000_000_000
}

/// Runs a command (mount, umount, mkfs …); returns its exit status and what it printed.
@discardableResult
func faultsRun(_ executable: String, _ arguments: [String]) -> (status: Int32, output: String) {
    let process = Process()
    let candidates = [executable, "/usr/bin/" + executable, "/bin/" + executable, "/usr/sbin/" + executable,
                      "/sbin/" + executable]
    guard let path = candidates.first(where: { $0.hasPrefix("/") && FileManager.default.isExecutableFile(atPath: $0) }) else {
        return (127, "\(executable) not found")
    }
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    process.standardInput = FileHandle.nullDevice
    do { try process.run() } catch { return (126, "\(error)") }
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: output, as: UTF8.self))
}

/// Whether `dir` is itself a mount point (per /proc/self/mounts).
func faultsIsMountPoint(_ dir: String) -> Bool {
    let table = (try? String(contentsOfFile: "/proc/self/mounts", encoding: .utf8)) ?? ""
    return table.split(separator: "\n").contains { line in
        let f = line.split(separator: " ")
        return f.count >= 2 && f[1].replacingOccurrences(of: "\\040", with: " ") == dir
    }
}

/// A thread-safe collector for findings of work spread over several threads; XCTest assertions are
/// made on the test's own thread afterwards.
final class FaultsFindings: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    private var counters: [String: Int] = [:]

    func add(_ s: String) {
        lock.lock(); defer { lock.unlock() }
        if items.count < 50 { items.append(s) }
        counters["failures", default: 0] += 1
    }

    func count(_ key: String, _ n: Int = 1) {
        lock.lock(); defer { lock.unlock() }
        counters[key, default: 0] += n
    }

    func max(_ key: String, _ value: Int) {
        lock.lock(); defer { lock.unlock() }
        counters[key] = Swift.max(counters[key] ?? 0, value)
    }

    var failures: [String] { lock.lock(); defer { lock.unlock() }; return items }
    var snapshot: [String: Int] { lock.lock(); defer { lock.unlock() }; return counters }
}
