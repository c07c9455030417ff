import Foundation
import XCTest
import KernteamDomain
import KernteamLog
import KernteamSession

/// The reference data that ships with the program, read from `Data/reference.json` in the repo.
func shippedReference(file: StaticString = #filePath) throws -> ReferenceData {
    let root = URL(fileURLWithPath: "\(file)")
        .deletingLastPathComponent()   // LogStoreTests
        .deletingLastPathComponent()   // Tests
        .deletingLastPathComponent()   // repo root
    let data = try Data(contentsOf: root.appendingPathComponent("Data/reference.json"))
    return try JSONDecoder().decode(ReferenceData.self, from: data)
}

let fixedClock: @Sendable () -> Date = { Date(timeIntervalSince1970: 1_237_000_000) }
/// `fixedClock` as the log writes it.
let fixedTimestamp = "2009-03-14T03:06:40Z"

/// A fresh folder per test, removed afterwards, with helpers to open sessions on a log inside it.
class LogTestCase: XCTestCase {
    var dir: URL!
    var logPath: String { dir.appendingPathComponent("kernteam.log").path }
    var reference: ReferenceData!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("kernteam-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        reference = try shippedReference()
    }

    override func tearDownWithError() throws {
        if let dir { try? FileManager.default.removeItem(at: dir) }
    }

    func open(_ path: String? = nil, role: Role = .secretaris) throws -> Session {
        try Session.open(path: path ?? logPath, reference: reference, role: role, clock: fixedClock)
    }

    func bytes(_ path: String? = nil) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: path ?? logPath)))
    }

    func write(_ bytes: [UInt8], to path: String? = nil) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path ?? logPath))
    }

    func appendRaw(_ extra: [UInt8], to path: String? = nil) throws {
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: path ?? logPath))
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(extra))
    }

    /// The log's lines, without their newlines.
    func lines(_ path: String? = nil) throws -> [[UInt8]] {
        var all = try bytes(path)
        XCTAssertEqual(all.last, 0x0A, "a log ends with a newline")
        if all.last == 0x0A { all.removeLast() }
        return all.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
    }

    @discardableResult
    func expectRecorded(_ result: Result<LoggedEvent, RecordFailure>, file: StaticString = #filePath, line: UInt = #line) -> LoggedEvent? {
        switch result {
        case .success(let logged): return logged
        case .failure(let f):
            XCTFail("expected the entry to be recorded, got \(f.lines)", file: file, line: line)
            return nil
        }
    }

    /// Records a small meeting: 7 lines in all (reference, meeting, signal, action, status, decision, correction).
    func populate(_ s: Session, file: StaticString = #filePath, line: UInt = #line) throws {
        let v1 = RecordID(.meeting, 1)
        expectRecorded(s.record(.meeting, Draft([.kern: "Delfgauw", .date: "2009-03-17"])), file: file, line: line)
        expectRecorded(s.record(.signal, Draft([.wijk: "Emerald", .theme: "groen", .source: "bewoner",
                                                .text: "Losliggende stoeptegels", .buurt: "Emerald-Zuid"]), meeting: v1),
                       file: file, line: line)
        expectRecorded(s.record(.action, Draft([.title: "Stoeptegels herstellen", .wijk: "emerald", .owner: "gemeente beheer",
                                                .due: "01-04-2009", .cost: "1.250,50"]), meeting: v1), file: file, line: line)
        expectRecorded(s.record(.status, Draft([.status: "bezig"]), target: RecordID(.action, 1)), file: file, line: line)
        expectRecorded(s.record(.decision, Draft([.wijk: "'s-gravenhout", .text: "Wijkschouw in april"]), meeting: v1),
                       file: file, line: line)
        try s.append(.entryCorrected(EntryCorrected(ref: RecordID(.signal, 1), fields: ["wijk": "Oud Delfgauw"],
                                                    reason: "verkeerde wijk")))
    }

    /// Runs /usr/bin/sha256sum on the bytes: an implementation independent of the one under test.
    func externalSHA256(_ data: [UInt8]) throws -> String {
        let file = dir.appendingPathComponent("hash-input-\(UUID().uuidString)")
        try Data(data).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.arguments = [file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        return String(String(decoding: output, as: UTF8.self).prefix(64))
    }
}

/// What the fold knows about one record, in a form that can be compared.
struct Row<V: Hashable>: Hashable {
    var value: V
    var seq: Int
    var timestamp: String
    var withdrawn: String?
    var changes: [Int]
}

func rows<V: Hashable & Sendable>(_ table: RecordTable<V>) -> [Row<V>] {
    table.items.map { Row(value: $0.value, seq: $0.seq, timestamp: $0.timestamp, withdrawn: $0.withdrawnReason, changes: $0.changes) }
}

/// Asserts two folded states are the same, table by table.
func assertSameState(_ a: KernteamState, _ b: KernteamState, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(a.reference, b.reference, "reference", file: file, line: line)
    XCTAssertEqual(rows(a.meetings), rows(b.meetings), "meetings", file: file, line: line)
    XCTAssertEqual(rows(a.agenda), rows(b.agenda), "agenda", file: file, line: line)
    XCTAssertEqual(rows(a.signals), rows(b.signals), "signals", file: file, line: line)
    XCTAssertEqual(rows(a.actions), rows(b.actions), "actions", file: file, line: line)
    XCTAssertEqual(rows(a.decisions), rows(b.decisions), "decisions", file: file, line: line)
    XCTAssertEqual(rows(a.priorities), rows(b.priorities), "priorities", file: file, line: line)
    XCTAssertEqual(rows(a.participation), rows(b.participation), "participation", file: file, line: line)
    XCTAssertEqual(a.lastSeq, b.lastSeq, "lastSeq", file: file, line: line)
    XCTAssertEqual(a.danglingReferences, b.danglingReferences, "dangling", file: file, line: line)
}

/// A small deterministic generator, so "random" garbage is the same on every run.
struct SeededBytes {
    var state: UInt64
    mutating func next(_ count: Int) -> [UInt8] {
        (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 33)
        }
    }
}

extension LogTestCase {
    /// Whether the log (or `path`) holds exactly `expected`; says only the sizes when not, not every byte.
    func sameBytes(_ expected: [UInt8], _ path: String? = nil) throws -> Bool {
        let actual = try bytes(path)
        if actual != expected { print("file has \(actual.count) bytes, expected \(expected.count)") }
        return actual == expected
    }
}
