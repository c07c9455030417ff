import Foundation
import XCTest
import KernteamDomain
import KernteamLog
import KernteamSession
import KernteamCodec
import KernteamFixtures

/// Looking back: the state as of a day is the fold of exactly the entries whose timestamp falls
/// before the end of that day, whatever the day.
final class AsOfTests: LogTestCase {
    /// Every entry of a log, decoded line by line.
    private func allEvents(_ path: String) throws -> [LoggedEvent] {
        let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: path)))
        return try bytes.split(separator: 0x0A).map { line in
            try Array(line).withUnsafeBufferPointer { try EventCoding.logged(from: $0) }
        }
    }

    func testTheStateAsOfADayIsTheFoldOfTheEntriesBeforeItsEnd() throws {
        let path = dir.appendingPathComponent("generated.jsonl").path
        try LogGenerator.generate(count: 1_500, to: path, seed: 12, reference: reference)
        let events = try allEvents(path)
        let first = try XCTUnwrap(Day(String(events.first!.timestamp.prefix(10))))
        let last = try XCTUnwrap(Day(String(events.last!.timestamp.prefix(10))))
        var random = SplitMix64(seed: 2009)
        var days = [Day(ordinal: first.ordinal - 1), first, last, Day(ordinal: last.ordinal + 1)]
        for _ in 0..<5 { days.append(Day(ordinal: first.ordinal + Int(random.next() % UInt64(last.ordinal - first.ordinal + 1)))) }
        for day in days {
            let cut = AsOf(day)
            let expected = KernteamState(folding: events.filter { $0.timestamp < cut.before })
            let looked = try Session.open(path: path, reference: nil, readOnly: true, asOf: cut)
            assertSameState(looked.state, expected)
            XCTAssertEqual(looked.state.signalTriage, expected.signalTriage, "\(day)")
            XCTAssertEqual(looked.state.feedback, expected.feedback, "\(day)")
            XCTAssertEqual(rows(looked.state.budgets), rows(expected.budgets), "\(day)")
            // The running session can look back too, without changing its own state.
            let now = try Session.open(path: path, reference: nil, readOnly: true)
            assertSameState(try now.state(asOf: cut), expected)
            XCTAssertEqual(now.state.lastSeq, events.count)
        }
    }

    func testTheEndOfADayIsLocalMidnight() {
        let amsterdam = TimeZone(identifier: "Europe/Amsterdam")!
        // 30 June 2009, summer time (UTC+2): the day ends at 22:00 UTC.
        let cut = AsOf(Day("2009-06-30")!, timeZone: amsterdam)
        XCTAssertEqual(cut.before, "2009-06-30T22:00:00Z")
        XCTAssertTrue(cut.includes(timestamp: "2009-06-30T21:59:59Z"))
        XCTAssertFalse(cut.includes(timestamp: "2009-06-30T22:00:00Z"))
        // Through a moment: that entry included, the next second not.
        let close = AsOf(through: "2009-07-07T18:22:00Z", timeZone: amsterdam)
        XCTAssertTrue(close.includes(timestamp: "2009-07-07T18:22:00Z"))
        XCTAssertFalse(close.includes(timestamp: "2009-07-07T18:22:01Z"))
        XCTAssertEqual(close.day, Day("2009-07-07"))
        XCTAssertEqual(AsOf(through: "2009-07-07T23:30:00Z", timeZone: amsterdam).day, Day("2009-07-08"), "local day")
    }

    /// `--today` sets what counts as today; it never changes the timestamps written.
    func testTodayOverrideChangesTodayButNotTheTimestamps() throws {
        Today.override = Day("2009-07-08")
        defer { Today.override = nil }
        let s = try open()
        XCTAssertEqual(s.today, Day("2009-07-08"))
        let logged = try XCTUnwrap(expectRecorded(s.record(.signal, Draft([.wijk: "Emerald", .theme: "verkeer", .source: "bewoner", .text: "x"]))))
        XCTAssertEqual(logged.timestamp, fixedTimestamp, "the entry keeps the clock's timestamp")
        guard case .signalRecorded(let signal) = logged.event else { return XCTFail() }
        XCTAssertEqual(signal.date, Day("2009-07-08"), "a signal's own date defaults to today")
    }
}
