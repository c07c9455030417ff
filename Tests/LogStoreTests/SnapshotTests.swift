import Foundation
import XCTest
@testable import KernteamDomain
import KernteamLog
import KernteamSession
import KernteamFixtures

/// The snapshot beside the log: the state it holds is exactly the fold of the log, it is used only for
/// the log it was made from (grown since is fine: the rest is folded), and anything doubtful about it
/// makes the log be folded from its start. Every check compares with a fold of the whole log.
final class SnapshotTests: LogTestCase {
    private var demoLog: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Data/demo-log.jsonl").path
    }

    /// A log with every kind of entry (the demo story: corrections, withdrawals, budgets, plans,
    /// Lemon scores, erasures …) followed by generated meetings.
    private func richLog() throws -> String {
        try FileManager.default.copyItem(atPath: demoLog, toPath: logPath)
        return logPath
    }

    private func fullFold(_ path: String) throws -> KernteamState {
        try Session.open(path: path, reference: nil, role: .cli, readOnly: true, useSnapshot: false).state
    }

    private func snapshot(_ path: String) throws {
        let s = try Session.open(path: path, reference: nil, role: .secretaris, clock: fixedClock, useSnapshot: false)
        let job = try XCTUnwrap(s.snapshotJob(), "a snapshot can be made of an intact log")
        XCTAssertTrue(job())
        XCTAssertNil(s.snapshotJob(), "nothing new since: no second snapshot")
    }

    private func openWithSnapshot(_ path: String) throws -> (state: KernteamState, resumed: Bool) {
        let s = try Session.open(path: path, reference: nil, role: .cli, readOnly: true)
        return (s.state, (s.log as? LogFile)?.resumed ?? false)
    }

    func testTheImageHoldsExactlyTheFoldedState() throws {
        let state = try fullFold(try richLog())
        XCTAssertGreaterThan(state.changeEvents.count, 10)
        XCTAssertFalse(state.correctedEntries.isEmpty && state.withdrawnEntries.isEmpty && state.lemonRecords.isEmpty,
                       "the demo story has the rare kinds too")
        let bytes = StateImage.bytes(of: state)
        let back = try StateImage.state(of: bytes)
        XCTAssertEqual(back, state)
        // And a large generated log (the common kinds, many of each).
        let big = dir.appendingPathComponent("groot.jsonl").path
        try LogGenerator.generate(count: 3_000, to: big, seed: 7, reference: reference)
        let bigState = try fullFold(big)
        let bigBack = try StateImage.state(of: StateImage.bytes(of: bigState))
        XCTAssertEqual(bigBack, bigState)
        // The facts a pane orders by, kept beside each record, are the record's own.
        for (back, folded) in [(back, state), (bigBack, bigState)] {
            XCTAssertTrue(back.signals.items.indices.allSatisfy { back.signals.items.facts(at: $0) == RecordFacts(folded.signals.items[$0]) })
            XCTAssertTrue(back.actions.items.indices.allSatisfy { back.actions.items.facts(at: $0) == RecordFacts(folded.actions.items[$0]) })
            XCTAssertTrue(back.initiatives.items.indices.allSatisfy { back.initiatives.items.facts(at: $0) == RecordFacts(folded.initiatives.items[$0]) })
            XCTAssertTrue(back.decisions.items.indices.allSatisfy { back.decisions.items.facts(at: $0) == RecordFacts(folded.decisions.items[$0]) })
            XCTAssertTrue(back.participation.items.indices.allSatisfy { back.participation.items.facts(at: $0) == RecordFacts(folded.participation.items[$0]) })
            // A history picked by the facts kept beside the records equals one picked from the records.
            for filter in [HistoryFilter(place: "Emerald"), HistoryFilter(place: "Delfgauw"), HistoryFilter(),
                           HistoryFilter(place: "Emerald", from: Day("2009-03-01"), to: Day("2009-06-30"), kinds: [.besluit, .actie])] {
                XCTAssertEqual(Array(back.history(filter)), Array(folded.history(filter)), "\(filter)")
            }
            XCTAssertGreaterThan(folded.history(HistoryFilter(place: "Emerald")).count, 20)
        }
        XCTAssertTrue(bigState.actions.items.contains { $0.value.created.due != nil } && back.signals.items.contains { $0.isWithdrawn },
                      "due dates and withdrawn records are among them")
    }

    /// A state read from an image keeps its records in the image's bytes; changing them afterwards —
    /// a status change, a withdrawal, an entry folded out of order among the stored change entries —
    /// gives the same state as making those changes to the original.
    func testAStateFromAnImageChangesLikeTheOriginal() throws {
        var original = try fullFold(try richLog())
        var back = try StateImage.state(of: StateImage.bytes(of: original))
        let action = try XCTUnwrap(original.actions.items.first { !$0.isWithdrawn }).value.created.id
        let signal = try XCTUnwrap(original.signals.items.first { !$0.isWithdrawn }).value.id
        let middle = original.changeEvents[original.changeEvents.count / 2]
        var seq = original.lastSeq
        let later: [LoggedEvent] = [
            LoggedEvent(seq: { seq += 1; return seq }(), timestamp: "2026-12-06T10:00:00Z", role: .secretaris,
                        event: .actionStatusChanged(ActionStatusChanged(ref: action, status: .gereed, reason: nil))),
            LoggedEvent(seq: { seq += 1; return seq }(), timestamp: "2026-12-06T10:01:00Z", role: .secretaris,
                        event: .entryWithdrawn(EntryWithdrawn(ref: signal, reason: "dubbel"))),
            // Out of order, onto the sequence number of a stored change entry (only a test does this).
            LoggedEvent(seq: middle.seq, timestamp: middle.timestamp, role: middle.role, event: middle.event),
        ]
        for e in later { original.apply(e); back.apply(e) }
        XCTAssertEqual(back, original)
        XCTAssertEqual(back.actions[action]?.value.status, .gereed)
        XCTAssertTrue(back.signals[signal]?.isWithdrawn ?? false)
        XCTAssertEqual(back.changeEvent(seq: middle.seq), middle)
        XCTAssertEqual(back.actions.items.facts(at: try XCTUnwrap(back.actions.items.firstIndex { $0.value.created.id == action })).status,
                       RecordFacts(try XCTUnwrap(original.actions[action])).status, "a changed record's facts are its new ones")
        XCTAssertTrue(back.signals.items.facts(at: try XCTUnwrap(back.signals.items.firstIndex { $0.value.id == signal })).isWithdrawn)
    }

    /// A hand-made log can name a meeting by a number beyond 32 bits, or by another kind of id: the facts
    /// kept beside the records cannot say that, so that table keeps none and its records are read to
    /// judge them. The history is the same either way.
    func testMeetingReferencesTheFactsCannotHoldAreReadFromTheRecords() throws {
        let big = RecordID(.meeting, 5_000_000_000)
        var seq = 0
        func logged(_ e: Event) -> LoggedEvent {
            seq += 1
            return LoggedEvent(seq: seq, timestamp: "2009-0\(min(seq, 9))-01T10:00:00Z", role: .secretaris, event: e)
        }
        let events = [
            logged(.meetingHeld(MeetingHeld(id: big, kern: "Delfgauw", date: Day("2009-05-05")!))),
            logged(.meetingHeld(MeetingHeld(id: RecordID(.meeting, 1), kern: "Delfgauw", date: Day("2009-02-02")!))),
            logged(.decisionTaken(DecisionTaken(id: RecordID(.decision, 1), kern: "Delfgauw", wijk: "Emerald", text: "In de grote vergadering", meeting: big))),
            logged(.decisionTaken(DecisionTaken(id: RecordID(.decision, 2), kern: "Delfgauw", wijk: "Emerald", text: "Met een signaal als vergadering",
                                                meeting: RecordID(.signal, 1)))),
        ]
        let state = KernteamState(folding: events)
        let back = try StateImage.state(of: StateImage.bytes(of: state))
        XCTAssertEqual(back, state)
        let filter = HistoryFilter(kinds: [.besluit])   // no reference data here: every place
        XCTAssertEqual(Array(back.history(filter)), Array(state.history(filter)))
        XCTAssertEqual(back.history(filter).map(\.date), [Day("2009-04-01")!, Day("2009-05-05")!],
                       "the one in V-5000000000 has its meeting's date; the one 'in' S-1 the day it was recorded")
    }

    /// The kinds laid out by hand name how many fields they write; a field added to one of them and
    /// not to the image fails here.
    func testEveryFieldOfTheLaidOutKindsIsWritten() {
        let id = RecordID(.signal, 1)
        let samples: [Any] = [
            MeetingHeld(id: id, kern: "k", date: Day("2009-01-01")!),
            AgendaItemAdded(id: id, meeting: id, title: "t", kern: "k", wijk: nil, minutes: nil),
            SignalRecorded(id: id, kern: "k", wijk: nil, theme: .groen, source: .bewoner, text: "t", date: Day("2009-01-01")!),
            ActionCreated(id: id, kern: "k", wijk: nil, title: "t", owner: "o"),
            ActionStatusChanged(ref: id, status: .open),
            DecisionTaken(id: id, kern: "k", wijk: nil, text: "t"),
            ParticipationSet(id: id, kern: "k", wijk: nil, topic: "t", work: nil, phase: nil, level: .niet),
            SignalTriaged(ref: id, route: .wijkaanpak, reason: nil, date: Day("2009-01-01")!),
            InitiativeRecorded(id: id, kern: "k", wijk: nil, text: "t", date: Day("2009-01-01")!),
            FeedbackGiven(ref: id, how: "h", date: Day("2009-01-01")!),
            MeetingOpened(ref: id),
            MeetingClosed(ref: id, checkpointSeq: 1, checkpointHash: "h"),
            AgendaItemStarted(ref: id),
            AgendaItemEnded(ref: id, outcome: .besproken),
        ]
        XCTAssertEqual(samples.count, ImageEvents.fieldCounts.count)
        for sample in samples {
            let name = String(describing: type(of: sample))
            XCTAssertEqual(Mirror(reflecting: sample).children.count, ImageEvents.fieldCounts[name], name)
        }
        XCTAssertEqual(Mirror(reflecting: KernteamState()).children.count, 39, "a new part of the state: write it in StateImage too")
    }

    /// Property: whatever happens to the log after the snapshot — it grows (new records, corrections,
    /// withdrawals), is replaced by another log of the same length, or is cut back — opening gives
    /// exactly the full fold, and the snapshot is used only when the log still holds its line.
    func testASnapshotIsNeverUsedWrongly() throws {
        var random = SplitMix64(seed: 20)
        for round in 0..<12 {
            try? FileManager.default.removeItem(atPath: logPath)
            try? FileManager.default.removeItem(atPath: Snapshot.path(forLog: logPath))
            let path = try richLog()
            // Grow it a little first, so the snapshot does not always stand at the same line.
            let writer = try Session.open(path: path, reference: nil, role: .secretaris, clock: fixedClock, useSnapshot: false)
            for _ in 0..<Int(random.next() % 4) { try grow(writer, &random) }
            try snapshot(path)
            let change = round % 4
            switch change {
            case 0, 1:
                // Grows: records, corrections and withdrawals of records the snapshot holds.
                // In round 0 the writing session itself opened from the snapshot (its records are read
                // from it when asked for) and a new snapshot is made of that state, grown.
                let later = try Session.open(path: path, reference: nil, role: .secretaris, clock: fixedClock, useSnapshot: change == 0)
                for _ in 0..<(2 + Int(random.next() % 8)) { try grow(later, &random) }
                if change == 0 { try snapshot(path) }
            case 2:
                // Replaced by another log of the same length: one letter of an earlier line changed,
                // the chain rebuilt after it (a valid log, but not the one the snapshot was made of).
                var all = try lines()
                let k = 1 + Int(random.next() % UInt64(all.count - 1))
                if let at = all[k].lastIndex(where: { $0 >= UInt8(ascii: "a") && $0 < UInt8(ascii: "z") }) { all[k][at] += 1 }
                rechain(&all, from: k + 1)
                let before = try bytes().count
                try write(Array(all.joined(separator: [0x0A])) + [0x0A])
                XCTAssertEqual(try bytes().count, before)
            default:
                // Cut back to fewer lines (what a restore from an older backup looks like).
                let all = try lines()
                let keep = max(1, all.count - 1 - Int(random.next() % 5))
                try write(Array(all[0..<keep].joined(separator: [0x0A])) + [0x0A])
            }
            let opened = try openWithSnapshot(path)
            XCTAssertEqual(opened.state, try fullFold(path), "round \(round), change \(change)")
            XCTAssertEqual(opened.resumed, change < 2, "round \(round): used only for the same log, grown or not")
        }
        XCTAssertGreaterThan(changesMade.corrections, 0)
        XCTAssertGreaterThan(changesMade.withdrawals, 0)
    }

    func testADamagedOrCutSnapshotIsIgnored() throws {
        let path = try richLog()
        let truth = try fullFold(path)
        try snapshot(path)
        let snap = Snapshot.path(forLog: path)
        let good = Array(try Data(contentsOf: URL(fileURLWithPath: snap)))
        XCTAssertTrue(try openWithSnapshot(path).resumed)
        var random = SplitMix64(seed: 3)
        var damaged: [[UInt8]] = [
            Array(good[0..<(good.count / 2)]),          // cut
            Array(good.dropLast()),                      // one byte short
            good + [0],                                  // one byte too many
            [],                                          // empty
            Array("kernteam-snapshot\n".utf8),           // only the magic line
            Array(repeating: 0xFF, count: 4096),         // not a snapshot
        ]
        for _ in 0..<20 {
            var flipped = good
            let at = Int(random.next() % UInt64(good.count))
            flipped[at] ^= UInt8(1 + random.next() % 255)
            damaged.append(flipped)
        }
        for (k, bytes) in damaged.enumerated() {
            try Data(bytes).write(to: URL(fileURLWithPath: snap))
            let opened = try openWithSnapshot(path)
            XCTAssertEqual(opened.state, truth, "damage \(k)")
        }
        // A folder or a FIFO in its place is passed by, never opened as a file to read.
        try FileManager.default.removeItem(atPath: snap)
        XCTAssertEqual(mkfifo(snap, 0o600), 0)
        XCTAssertEqual(try openWithSnapshot(path).state, truth)
        XCTAssertFalse(try openWithSnapshot(path).resumed)
    }

    func testALogWithoutASnapshotOpensAsBefore() throws {
        let path = try richLog()
        let opened = try openWithSnapshot(path)
        XCTAssertFalse(opened.resumed)
        XCTAssertEqual(opened.state, try fullFold(path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: Snapshot.path(forLog: path)), "opening alone never writes one")
    }

    /// A look back to a date never takes the state of today from a snapshot.
    func testALookBackFoldsTheLog() throws {
        let path = try richLog()
        try snapshot(path)
        let day = Day("2009-03-31")!
        let past = try Session.open(path: path, reference: nil, role: .cli, readOnly: true, asOf: AsOf(day))
        XCTAssertFalse((past.log as? LogFile)?.resumed ?? true)
        let folded = try Session.open(path: path, reference: nil, role: .cli, readOnly: true, asOf: AsOf(day), useSnapshot: false)
        XCTAssertEqual(past.state, folded.state)
    }

    // MARK: - Helpers

    /// Corrections and withdrawals the property test made (some are refused: a record of a closed
    /// meeting, say); the test asks for some of each.
    private var changesMade = (corrections: 0, withdrawals: 0)

    /// One random change through the session: a signal, a decision, a correction or a withdrawal of a
    /// record the log already has.
    private func grow(_ s: Session, _ random: inout SplitMix64) throws {
        // Records of a closed meeting cannot be changed: the ones made outside a meeting can.
        let signals = s.state.signals.items.filter { !$0.isWithdrawn && $0.value.meeting == nil }.map(\.value.id)
        let decisions = s.state.decisions.items.filter { !$0.isWithdrawn && $0.value.meeting == nil }.map(\.value.id)
        let signal = Draft([.wijk: "Emerald", .theme: "groen", .source: "bewoner", .text: "Nieuw signaal \(random.next() % 1000)"])
        switch random.next() % 5 {
        case 1:
            _ = try XCTUnwrap(try? s.record(.decision, Draft([.wijk: "Emerald", .text: "Besluit \(random.next() % 1000)"])).get())
        case 2 where !signals.isEmpty:
            let target = signals[Int(random.next() % UInt64(signals.count))]
            if (try? s.correct(.record(target), Draft([.text: "Verbeterd \(random.next() % 1000)"]), reason: "typfout").get()) != nil {
                changesMade.corrections += 1
                return
            }
            _ = try XCTUnwrap(try? s.record(.signal, signal).get())
        case 3 where !decisions.isEmpty:
            let target = decisions[Int(random.next() % UInt64(decisions.count))]
            if (try? s.withdraw(.record(target), reason: "dubbel").get()) != nil {
                changesMade.withdrawals += 1
                return
            }
            _ = try XCTUnwrap(try? s.record(.signal, signal).get())
        default:
            _ = try XCTUnwrap(try? s.record(.signal, signal).get())
        }
    }

    private func rechain(_ lines: inout [[UInt8]], from: Int) {
        guard from < lines.count else { return }
        let marker = Array("\"prev\":\"".utf8)
        for j in from..<lines.count {
            guard let at = (0..<(lines[j].count - marker.count)).first(where: { Array(lines[j][$0..<$0 + marker.count]) == marker }) else { continue }
            let hash = Array(Hashing.sha256Hex(lines[j - 1]).utf8)
            lines[j].replaceSubrange(at + marker.count..<at + marker.count + 64, with: hash)
        }
    }
}
