import Foundation
import XCTest
import KernteamDomain
import KernteamLog
import KernteamSession
import KernteamFixtures
@testable import KernteamCodec

/// `SelectiveRead` decodes only the lines a list needs. What it folds for those records must be
/// exactly what opening the whole log gives, for every place, with corrections and withdrawals.
final class SelectiveReadTests: LogTestCase {
    private struct Row: Equatable {
        var id: String, kern: String, wijk: String?, text: String, withdrawn: String?, date: Day?
    }

    private func decisions(_ state: KernteamState, place: Place?) -> [Row] {
        state.decisions.items.filter { t in
            guard let place else { return true }
            return place.wijk == nil ? t.value.kern == place.kern : t.value.wijk == place.wijk
        }.map { t in
            Row(id: t.value.id.description, kern: t.value.kern, wijk: t.value.wijk, text: t.value.text, withdrawn: t.withdrawnReason,
                date: t.value.meeting.flatMap { state.meetings[$0]?.value.date })
        }
    }

    private func signals(_ state: KernteamState, place: Place?) -> [Row] {
        state.signals.items.filter { t in
            guard let place else { return true }
            return place.wijk == nil ? t.value.kern == place.kern : t.value.wijk == place.wijk
        }.map { t in
            Row(id: t.value.id.description, kern: t.value.kern, wijk: t.value.wijk, text: t.value.text, withdrawn: t.withdrawnReason, date: t.value.date)
        }
    }

    private func assertSameForEveryPlace(file: StaticString = #filePath, line: UInt = #line) throws {
        let full = try Session.open(path: logPath, reference: nil, readOnly: true).state
        var names: [String?] = [nil]
        names += full.reference.placeNames.map { Optional($0) }
        names += ["emerald", "Nergens"]
        var listed = 0
        for name in names {
            let place = name.flatMap { full.reference.place(named: $0) }
            for (placed, rows) in [("decision.taken", decisions), ("signal.recorded", signals)] as [(String, (KernteamState, Place?) -> [Row])] {
                let selection = LogSelection(always: LogSelection.context, placed: [placed], place: name)
                guard let partial = SelectiveRead.fold(path: logPath, selection: selection) else {
                    return XCTFail("an intact log is read selectively", file: file, line: line)
                }
                let expected = name != nil && place == nil ? [] : rows(full, place)
                XCTAssertEqual(name != nil && place == nil ? [] : rows(partial, place), expected, "\(placed) \(name ?? "alles")", file: file, line: line)
                listed += expected.count
            }
        }
        XCTAssertGreaterThan(listed, 0, file: file, line: line)
    }

    func testGeneratedLogForEveryPlace() throws {
        try LogGenerator.generate(count: 3_000, to: logPath, seed: 11, reference: reference)
        try assertSameForEveryPlace()
        // The checked prefix was recorded; the next read checks only what is new, with the same result.
        let prefix = try XCTUnwrap(CheckedPrefix.load(logPath: logPath))
        XCTAssertEqual(prefix.lines, 3_000)
        try assertSameForEveryPlace()
    }

    /// The demo log has corrections and withdrawals; then one more correction moves a decision of another
    /// wijk into Emerald: the place filter on the bytes must not lose it.
    func testCorrectionsAndWithdrawalsAndAMovedDecision() throws {
        let demo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Data/demo-log.jsonl")
        try FileManager.default.copyItem(at: demo, to: URL(fileURLWithPath: logPath))
        try assertSameForEveryPlace()
        let s = try open()
        let other = try XCTUnwrap(s.state.decisions.items.first { $0.value.wijk != nil && $0.value.wijk != "Emerald" })
        try s.append(.entryCorrected(EntryCorrected(ref: other.value.id, fields: ["wijk": "Emerald"], reason: "verkeerde wijk")))
        let moved = try Session.open(path: logPath, reference: nil, readOnly: true).state
        XCTAssertEqual(moved.decisions[other.value.id]?.value.wijk, "Emerald", "the correction moves it")
        try assertSameForEveryPlace()
    }

    /// Damage or a torn tail: no selective answer (the caller opens the log normally and reports it).
    func testDamagedLogIsNotReadSelectively() throws {
        try LogGenerator.generate(count: 200, to: logPath, seed: 2, reference: reference)
        let selection = LogSelection(always: LogSelection.context, placed: ["decision.taken"], place: "Emerald")
        XCTAssertNotNil(SelectiveRead.fold(path: logPath, selection: selection))
        var b = try bytes()
        // Append a torn line: nothing selective.
        try Data(b + Array("{\"v\":1,\"seq\":201".utf8)).write(to: URL(fileURLWithPath: logPath))
        XCTAssertNil(SelectiveRead.fold(path: logPath, selection: selection))
        // Edit a byte in the middle, after the prefix was checked: not vouched for by the prefix's last line.
        let middle = b.count / 2
        b[middle] = b[middle] == UInt8(ascii: "a") ? UInt8(ascii: "b") : UInt8(ascii: "a")
        try Data(b).write(to: URL(fileURLWithPath: logPath))
        try? FileManager.default.removeItem(atPath: CheckedPrefix.path(forLog: logPath))
        XCTAssertNil(SelectiveRead.fold(path: logPath, selection: selection))
    }

    /// A listed line changed after the last full check (same length, still valid JSON): the checked
    /// prefix still confirms, but the line no longer matches the `prev` of the line after it.
    func testAListedLineChangedInsideTheCheckedPartIsNotShown() throws {
        try LogGenerator.generate(count: 500, to: logPath, seed: 6, reference: reference)
        let selection = LogSelection(always: LogSelection.context, placed: ["decision.taken"], place: nil)
        XCTAssertNotNil(SelectiveRead.fold(path: logPath, selection: selection))
        XCTAssertNotNil(CheckedPrefix.load(logPath: logPath))
        var b = try bytes()
        let marker = Array("\"type\":\"decision.taken\"".utf8)
        let at = try XCTUnwrap((0..<(b.count / 2)).first { b[$0..<min(b.count, $0 + marker.count)].elementsEqual(marker) })
        let textKey = Array("\"text\":\"".utf8)
        let textAt = try XCTUnwrap((at..<b.count).first { b[$0..<min(b.count, $0 + textKey.count)].elementsEqual(textKey) })
        let letter = try XCTUnwrap((textAt + textKey.count..<b.count).first { b[$0] >= UInt8(ascii: "a") && b[$0] <= UInt8(ascii: "z") })
        b[letter] -= 32   // the same letter in upper case: same length, still valid JSON, a decision still
        XCTAssertNotNil(try b.withUnsafeBufferPointer { buffer -> Event? in
            let start = buffer[..<at].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
            let end = buffer[at...].firstIndex(of: 0x0A)!
            return try EventCoding.event(from: UnsafeBufferPointer(rebasing: buffer[start..<end]))
        }, "the changed line still reads as a decision")
        try Data(b).write(to: URL(fileURLWithPath: logPath))
        XCTAssertTrue(try XCTUnwrap(CheckedPrefix.load(logPath: logPath)).confirms(try MappedFile(path: logPath)), "the prefix's last line is unchanged")
        XCTAssertNil(SelectiveRead.fold(path: logPath, selection: selection), "the changed decision is not listed as if nothing happened")
    }

    /// The checked prefix is used only when the log still holds its last line unchanged.
    func testCheckedPrefixIsNotTrustedOverTheLog() throws {
        try LogGenerator.generate(count: 100, to: logPath, seed: 4, reference: reference)
        let selection = LogSelection(always: LogSelection.context, placed: ["decision.taken"], place: nil)
        XCTAssertNotNil(SelectiveRead.fold(path: logPath, selection: selection))
        let prefix = try XCTUnwrap(CheckedPrefix.load(logPath: logPath))
        let file = try MappedFile(path: logPath)
        XCTAssertTrue(prefix.confirms(file))
        var wrong = prefix
        wrong.hash = String(repeating: "0", count: 64)
        XCTAssertFalse(wrong.confirms(file))
        wrong = prefix
        wrong.offset -= 1
        XCTAssertFalse(wrong.confirms(file))
        wrong = prefix
        wrong.seq += 1
        XCTAssertFalse(wrong.confirms(file))
        // A log rewritten shorter: the prefix points past its end.
        let b = try bytes()
        try Data(b.prefix(b.count / 2)).write(to: URL(fileURLWithPath: logPath))
        XCTAssertFalse(prefix.confirms(try MappedFile(path: logPath)))
        // A garbled side file is ignored.
        try Data("rommel".utf8).write(to: URL(fileURLWithPath: CheckedPrefix.path(forLog: logPath)))
        XCTAssertNil(CheckedPrefix.load(logPath: logPath))
    }
}
