import Foundation
import KernteamDomain
import KernteamLog
import KernteamSession
import XCTest

/// Every field is checked when a line is read, not only when it is typed: a line that chains
/// correctly can still have been made by hand. Each case appends one well-chained line to a good log
/// and expects opening (for writing and for reading) and verify to name that line, the write after
/// it to be refused, and nothing to trap.
final class ReadingChecksTests: FaultsTestCase {
    /// A correctly chained line after the log's last line, with `body` (the fields after `prev`).
    func appendChained(body: String, timestamp: String? = nil, role: String = "cli") throws {
        var all = try bytes()
        let last = Array(all.dropLast().split(separator: 0x0A, omittingEmptySubsequences: false).last!)
        let header = try last.withUnsafeBufferPointer { try HeaderParser.parse($0) }
        let line = "{\"v\":1,\"seq\":\(header.seq + 1),\"ts\":\"\(timestamp ?? header.ts)\",\"role\":\"\(role)\",\"prev\":\"\(Hashing.sha256Hex(last))\",\(body)"
        all += Array(line.utf8) + [0x0A]
        try write(all)
    }

    /// Builds the base log fresh, appends the line, and checks every way of reading names it.
    func assertNamed(_ label: String, body: String, timestamp: String? = nil, role: String = "cli", says: String,
                     file: StaticString = #filePath, line: UInt = #line) throws {
        try? FileManager.default.removeItem(atPath: logPath)
        try buildLog(records: 6)
        try appendChained(body: body, timestamp: timestamp, role: role)
        let before = try bytes()
        for readOnly in [false, true] {
            let s = try open(readOnly: readOnly)
            let problem = try XCTUnwrap(s.firstProblem, "\(label): opened without naming line 7", file: file, line: line)
            XCTAssertEqual(problem.line, 7, "\(label)", file: file, line: line)
            XCTAssertTrue(problem.description.contains(says), "\(label): \(problem)", file: file, line: line)
            if !readOnly, case .success = s.record(.decision, decision(99)) { XCTFail("\(label): appended after the bad line", file: file, line: line) }
            // The state folded from the good lines is usable: nothing derived from it traps.
            _ = s.state.budgetStatuses()
            _ = s.state.history(HistoryFilter())
            for kern in s.state.reference.kernen { _ = Dashboard.charts(state: s.state, kern: kern.name, wijk: nil, today: s.today) }
        }
        let report = try Verifier.verify(path: logPath)
        XCTAssertEqual(report.issues.first?.line, 7, "\(label): verify \(report.issues)", file: file, line: line)
        XCTAssertTrue(try sameBytes(before), "\(label): the log is byte-identical", file: file, line: line)
    }

    static let edges = ["9223372036854775807", "-9223372036854775808", "9223372036854775808", "-1", "1e300", "99999999999999999999"]

    /// 64-bit edges (and just out of range) in every numeric field of every event kind.
    func testSixtyFourBitEdgesInEveryNumericField() throws {
        let fields: [(String, (String) -> String)] = [
            ("meeting length", { "\"type\":\"meeting.held\",\"date\":\"2009-04-21\",\"id\":\"V-2\",\"kern\":\"Delfgauw\",\"length\":\($0)}" }),
            ("agenda minutes", { "\"type\":\"agenda.item_added\",\"id\":\"AP-1\",\"kern\":\"Delfgauw\",\"meeting\":\"V-1\",\"minutes\":\($0),\"title\":\"x\"}" }),
            ("action cost", { "\"type\":\"action.created\",\"cost\":\($0),\"id\":\"A-9\",\"kern\":\"Delfgauw\",\"owner\":\"Gemeente beheer\",\"title\":\"x\",\"wijk\":\"Emerald\"}" }),
            ("budget amount", { "\"type\":\"budget.allocated\",\"amount\":\($0),\"id\":\"BU-1\",\"kern\":\"Delfgauw\",\"wijk\":\"Emerald\",\"year\":2009}" }),
            ("budget year", { "\"type\":\"budget.allocated\",\"amount\":100,\"id\":\"BU-1\",\"kern\":\"Delfgauw\",\"wijk\":\"Emerald\",\"year\":\($0)}" }),
            ("checkpoint seq", { "\"type\":\"meeting.closed\",\"checkpoint_hash\":\"\(String(repeating: "a", count: 64))\",\"checkpoint_seq\":\($0),\"ref\":\"V-1\"}" }),
            ("residents count", { "\"type\":\"residents.counted\",\"count\":\($0),\"meeting\":\"V-1\"}" }),
            ("lemon score", { "\"type\":\"lemon.scored\",\"kern\":\"Delfgauw\",\"score\":\($0),\"theme\":\"verkeer\",\"wijk\":\"Emerald\",\"year\":2009}" }),
            ("lemon year", { "\"type\":\"lemon.scored\",\"kern\":\"Delfgauw\",\"score\":700,\"theme\":\"verkeer\",\"wijk\":\"Emerald\",\"year\":\($0)}" }),
        ]
        var checked = 0
        for (name, body) in fields {
            for edge in Self.edges {
                try assertNamed("\(name) = \(edge)", body: body(edge), says: "regel")
                checked += 1
            }
        }
        // Id numbers: twelve digits at most, so "one more" can never overflow.
        for number in ["9223372036854775807", "9223372036854775808", "99999999999999999999", "1000000000000"] {
            try assertNamed("id B-\(number)", body: "\"type\":\"decision.taken\",\"id\":\"B-\(number)\",\"kern\":\"Delfgauw\",\"text\":\"x\",\"wijk\":\"Emerald\"}",
                            says: "regel")
            checked += 1
        }
        XCTAssertEqual(checked, fields.count * Self.edges.count + 4)
    }

    func testEveryHeaderFieldIsChecked() throws {
        let body = "\"type\":\"decision.taken\",\"id\":\"B-9\",\"kern\":\"Delfgauw\",\"text\":\"x\",\"wijk\":\"Emerald\"}"
        for ts in ["2009-02-30T10:00:00Z", "2009-13-01T10:00:00Z", "2009-03-14T24:00:00Z", "2009-03-14T10:00:00", "2009-03-14t10:00:00Z",
                   "2009-03-14T10:00:00+01:00", "14-03-2009T10:00:00Z", "2009-03-14 10:00:00Z"] {
            try assertNamed("time \(ts)", body: body, timestamp: ts, says: "tijdstip")
        }
        for role in ["burgemeester", "Secretaris", "", "cli "] {
            try assertNamed("role '\(role)'", body: body, role: role, says: "rol")
        }
    }

    func testAKeyGivenTwiceIsRefusedAlsoWhenItRepeatsAHeaderField() throws {
        for (label, body) in [
            ("text twice", "\"type\":\"decision.taken\",\"id\":\"B-9\",\"kern\":\"Delfgauw\",\"text\":\"een\",\"text\":\"twee\",\"wijk\":\"Emerald\"}"),
            ("type twice", "\"type\":\"decision.taken\",\"id\":\"B-9\",\"kern\":\"Delfgauw\",\"text\":\"x\",\"type\":\"priority.closed\",\"wijk\":\"Emerald\"}"),
            ("seq in the body", "\"type\":\"decision.taken\",\"id\":\"B-9\",\"kern\":\"Delfgauw\",\"seq\":1,\"text\":\"x\",\"wijk\":\"Emerald\"}"),
            ("role in the body", "\"type\":\"decision.taken\",\"id\":\"B-9\",\"kern\":\"Delfgauw\",\"role\":\"voorzitter\",\"text\":\"x\",\"wijk\":\"Emerald\"}"),
        ] {
            try assertNamed(label, body: body, says: "dubbele sleutel")
        }
    }

    func testAnIdGivenTwiceAndAnUnknownTypeAreNamed() throws {
        try assertNamed("an id given twice", body: "\"type\":\"decision.taken\",\"id\":\"B-1\",\"kern\":\"Delfgauw\",\"text\":\"weer B-1\",\"wijk\":\"Emerald\"}",
                        says: "B-1 is al eerder")
        try assertNamed("an unknown type", body: "\"type\":\"nieuw.soort\",\"id\":\"X-1\"}", says: "onbekend type")
        try assertNamed("a store reference outside the store", body: "\"type\":\"signal.recorded\",\"date\":\"2009-03-10\",\"id\":\"S-9\",\"kern\":\"Delfgauw\",\"person\":\"../../etc/passwd\",\"source\":\"bewoner\",\"text\":\"x\",\"theme\":\"verkeer\",\"wijk\":\"Emerald\"}",
                        says: "persoonsgegevens")
    }

    /// A gap in the ids (a hand-made B-7 after B-2) never leads to an id given twice: the next is B-8.
    func testTheNextIdIsOneMoreThanTheHighest() throws {
        try buildLog(records: 6)
        try appendChained(body: "\"type\":\"decision.taken\",\"id\":\"B-7\",\"kern\":\"Delfgauw\",\"text\":\"x\",\"wijk\":\"Emerald\"}")
        let s = try open()
        XCTAssertNil(s.firstProblem)
        guard case .success(let logged) = s.record(.decision, decision(1)) else { return XCTFail() }
        XCTAssertEqual(logged.event.createdID, RecordID(.decision, 8))
        try assertIntact(entries: 8)
    }

    /// A writer never puts a time before the previous line's, even when its clock is behind.
    func testTimeNeverGoesBackInTheLog() throws {
        try buildLog(records: 3)
        let behind = try Session.open(path: logPath, reference: reference, clock: { Date(timeIntervalSince1970: 1_000_000_000) })
        guard case .success(let logged) = behind.record(.decision, decision(9)) else { return XCTFail() }
        XCTAssertEqual(logged.timestamp, Session.timestamp(faultsFixedClock()), "the previous line's time, not the clock's")
        try assertIntact(entries: 4)
    }

    /// Arithmetic on amounts from the log never traps, even on values a hand-made fold could hold.
    func testBudgetArithmeticClampsInsteadOfTrapping() {
        var state = KernteamState()
        let ref = (try? faultsShippedReference()) ?? .empty
        state.apply(LoggedEvent(seq: 1, timestamp: "2009-01-01T00:00:00Z", role: .systeem, event: .referenceSet(ref)))
        state.apply(LoggedEvent(seq: 2, timestamp: "2009-01-01T00:00:00Z", role: .cli, event: .budgetAllocated(
            BudgetAllocated(id: RecordID(.budget, 1), kern: "Delfgauw", wijk: "Emerald", year: 2009, amount: Money(cents: Int.max), decision: nil))))
        for k in 1...3 {
            state.apply(LoggedEvent(seq: 2 + k, timestamp: "2009-01-01T00:00:00Z", role: .cli, event: .actionCreated(
                ActionCreated(id: RecordID(.action, k), kern: "Delfgauw", wijk: "Emerald", title: "t", owner: "o", cost: Money(cents: Int.max),
                              wijkbudget: true))))
        }
        let status = state.budgetStatuses()
        XCTAssertEqual(status.first?.spent.cents, Int.max)
        XCTAssertEqual(status.first?.remaining.cents, 0)
        let charts = Dashboard.charts(state: state, kern: "Delfgauw", wijk: "Emerald", today: Day(year: 2009, month: 6, day: 1)!, year: 2009)
        XCTAssertFalse(charts.isEmpty)
        XCTAssertEqual(ChartData.scaled(Int.max - 1, of: Int.max, to: 200), 200)
        XCTAssertEqual(ChartData.scaled(Int.max / 2, of: Int.max, to: 200), 100)
    }
}
