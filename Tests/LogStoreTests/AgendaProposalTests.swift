import Foundation
import XCTest
import KernteamDomain
import KernteamLog
import KernteamSession

/// The agenda the program proposes when a meeting is prepared, from a small log written through a
/// session; and the checkpoint that closing the meeting returns.
final class AgendaProposalTests: LogTestCase {
    private let v1 = RecordID(.meeting, 1)
    private let v2 = RecordID(.meeting, 2)

    private func id(_ result: Result<LoggedEvent, RecordFailure>, file: StaticString = #filePath, line: UInt = #line) -> RecordID? {
        expectRecorded(result, file: file, line: line)?.event.createdID
    }

    /// Today is 14-03-2009 (the fixed clock). The last Delfgauw meeting was V-1 on 10-02-2009.
    private func writeFixtureLog() throws -> Session {
        let s = try open()
        XCTAssertEqual(s.today, Day("2009-03-14"), "the fixed clock's day")
        XCTAssertEqual(id(s.record(.meeting, Draft([.kern: "Delfgauw", .date: "2009-02-10", .length: "90"]))), v1)

        // Actions: A-1 open and late, A-2 bezig, A-3 gereed, A-4 vervallen, A-5 withdrawn, A-6 open (costly),
        // A-7 open but in another kern.
        XCTAssertEqual(id(s.record(.action, Draft([.title: "Stoeptegels herstellen", .wijk: "Emerald", .owner: "Gemeente beheer",
                                                  .due: "2009-03-01"]), meeting: v1)), RecordID(.action, 1))
        XCTAssertEqual(id(s.record(.action, Draft([.title: "Speeltuin inspecteren", .wijk: "Oud Delfgauw", .owner: "SWOP",
                                                  .due: "2009-05-01"]), meeting: v1)), RecordID(.action, 2))
        expectRecorded(s.record(.status, Draft([.status: "bezig"]), target: RecordID(.action, 2)))
        XCTAssertEqual(id(s.record(.action, Draft([.title: "Bankje plaatsen", .wijk: "Emerald", .owner: "Wijkmanager",
                                                  .due: "2009-02-20"]), meeting: v1)), RecordID(.action, 3))
        expectRecorded(s.record(.status, Draft([.status: "gereed"]), target: RecordID(.action, 3)))
        XCTAssertEqual(id(s.record(.action, Draft([.title: "Folder hondenpoep", .wijk: "Emerald", .owner: "Opbouwwerk",
                                                  .due: "2009-02-01"]), meeting: v1)), RecordID(.action, 4))
        expectRecorded(s.record(.status, Draft([.status: "vervallen", .reason: "niet meer nodig"]), target: RecordID(.action, 4)))
        XCTAssertEqual(id(s.record(.action, Draft([.title: "Dubbel ingevoerd", .wijk: "Emerald", .owner: "Politie"]), meeting: v1)),
                       RecordID(.action, 5))
        try s.append(.entryWithdrawn(EntryWithdrawn(ref: RecordID(.action, 5), reason: "dubbel")))
        XCTAssertEqual(id(s.record(.action, Draft([.title: "Nieuwe speeltoestellen", .wijk: "Emerald", .owner: "Gemeente beheer",
                                                  .cost: "3.000,00", .wijkbudget: "ja",
                                                  .reason: "Vooruit op het budget van 2009"]))), RecordID(.action, 6))
        XCTAssertEqual(id(s.record(.action, Draft([.title: "Hangplek Nootdorp", .wijk: "'s-Gravenhout", .owner: "Jongerenwerk"]))),
                       RecordID(.action, 7))

        // Signals: before the last meeting (untriaged → no; routed kernteam → yes), after it (untriaged → yes;
        // routed elsewhere → no), another kern → no. Distinct themes, so no recurrence proposal.
        XCTAssertEqual(id(s.record(.signal, Draft([.wijk: "Emerald", .theme: "groen", .source: "bewoner",
                                                  .text: "Heg te hoog", .date: "2009-01-20"]))), RecordID(.signal, 1))
        XCTAssertEqual(id(s.record(.signal, Draft([.wijk: "Oud Delfgauw", .theme: "verkeer", .source: "politie",
                                                  .text: "Hardrijders Oude Laan", .date: "2009-01-25"]))), RecordID(.signal, 2))
        expectRecorded(s.record(.triageSignal, Draft([.route: "kernteam"]), target: RecordID(.signal, 2)))
        XCTAssertEqual(id(s.record(.signal, Draft([.wijk: "Emerald", .theme: "spelen", .source: "bewoner",
                                                  .text: "Wipkip kapot", .date: "2009-02-20"]))), RecordID(.signal, 3))
        XCTAssertEqual(id(s.record(.signal, Draft([.wijk: "Emerald", .theme: "overlast", .source: "bewoner",
                                                  .text: "Geluidsoverlast scooters", .date: "2009-02-25"]))), RecordID(.signal, 4))
        expectRecorded(s.record(.triageSignal, Draft([.route: "opgelost"]), target: RecordID(.signal, 4)))
        XCTAssertEqual(id(s.record(.signal, Draft([.wijk: "Zuidpolder/Noordpolder", .theme: "jongeren", .source: "jongerenwerk",
                                                  .text: "Jongeren zoeken ontmoetingsplek", .date: "2009-03-01"]))), RecordID(.signal, 5))
        expectRecorded(s.record(.triageSignal, Draft([.route: "wijkaanpak"]), target: RecordID(.signal, 5)))
        XCTAssertEqual(id(s.record(.signal, Draft([.wijk: "De Venen", .theme: "wonen", .source: "bewoner",
                                                  .text: "Lekkage portiek", .date: "2009-03-02"]))), RecordID(.signal, 6))

        // Initiatives: I-1 waits for triage, I-2 triaged and owed feedback, I-3 triaged and fed back.
        XCTAssertEqual(id(s.record(.initiative, Draft([.wijk: "Emerald", .text: "Buurtmoestuin", .date: "2009-03-01"]))),
                       RecordID(.initiative, 1))
        XCTAssertEqual(id(s.record(.initiative, Draft([.wijk: "Oud Delfgauw", .text: "Straatfeest", .date: "2009-02-01"]))),
                       RecordID(.initiative, 2))
        expectRecorded(s.record(.triageInitiative, Draft([.outcome: "direct"]), target: RecordID(.initiative, 2)))
        XCTAssertEqual(id(s.record(.initiative, Draft([.wijk: "Emerald", .text: "Kerstboom op het plein", .date: "2009-01-10"]))),
                       RecordID(.initiative, 3))
        expectRecorded(s.record(.triageInitiative, Draft([.outcome: "inplannen"]), target: RecordID(.initiative, 3)))
        expectRecorded(s.record(.feedback, Draft([.how: "brief aan de initiatiefnemers"]), target: RecordID(.initiative, 3)))

        // Budgets: Emerald 2009 is over (A-6 costs 3.000 of 1.000), Oud Delfgauw is not.
        XCTAssertEqual(id(s.record(.budget, Draft([.wijk: "Emerald", .year: "2009", .amount: "1000"]))), RecordID(.budget, 1))
        XCTAssertEqual(id(s.record(.budget, Draft([.wijk: "Oud Delfgauw", .year: "2009", .amount: "5000"]))), RecordID(.budget, 2))
        return s
    }

    func testPreparingAMeetingCarriesOverExactlyTheOpenWork() throws {
        let s = try writeFixtureLog()
        let result = s.prepareMeeting(kern: "delfgauw", date: "2009-03-17", length: "90")
        guard case .success(let prepared) = result else { return XCTFail("prepare failed: \(result)") }
        guard case .meetingHeld(let meeting) = prepared.meeting.event else { return XCTFail("no meeting entry") }
        XCTAssertEqual(meeting.id, v2)
        XCTAssertEqual(meeting.kern, "Delfgauw")
        XCTAssertEqual(meeting.length, 90)

        let items = prepared.items.compactMap { logged -> AgendaItemAdded? in
            if case .agendaItemAdded(let a) = logged.event { return a }
            return nil
        }
        XCTAssertEqual(items.count, prepared.items.count, "only agenda items are added")
        XCTAssertTrue(items.allSatisfy { $0.meeting == v2 && $0.kern == "Delfgauw" })
        XCTAssertEqual(s.state.orderedAgenda(v2).map(\.id), items.map(\.id), "the items are on the new meeting's agenda")

        // Actions: exactly the open and bezig ones of this kern, the late one first.
        let actionItems = items.filter { $0.source?.kind == .action }
        XCTAssertEqual(actionItems.map(\.source), [RecordID(.action, 1), RecordID(.action, 2), RecordID(.action, 6)])
        XCTAssertEqual(actionItems.first?.title, "TE LAAT · Actie A-1: Stoeptegels herstellen (Gemeente beheer)")
        XCTAssertEqual(actionItems[1].title, "Actie A-2: Speeltuin inspecteren (SWOP)")
        XCTAssertEqual(actionItems.map(\.wijk), ["Emerald", "Oud Delfgauw", "Emerald"])
        for dropped in [3, 4, 5, 7] {
            XCTAssertFalse(items.contains { $0.source == RecordID(.action, dropped) }, "A-\(dropped) must not be carried over")
        }

        // Signals waiting for the table: routed to the kernteam (even from before V-1), and new since V-1.
        XCTAssertEqual(items.filter { $0.source?.kind == .signal }.map(\.source), [RecordID(.signal, 2), RecordID(.signal, 3)])
        XCTAssertTrue(items.contains { $0.title == "Signaal S-3: Wipkip kapot" && $0.wijk == "Emerald" })

        // Initiatives: one to triage, one owed feedback.
        let initiatives = items.filter { $0.source?.kind == .initiative }
        XCTAssertEqual(initiatives.map(\.source), [RecordID(.initiative, 1), RecordID(.initiative, 2)])
        XCTAssertEqual(initiatives.map(\.title), ["Initiatief beoordelen I-1: Buurtmoestuin", "Terugkoppeling initiatief I-2: Straatfeest"])

        // Budgets: only the one that is over.
        let budgets = items.filter { $0.source?.kind == .budget }
        XCTAssertEqual(budgets.map(\.source), [RecordID(.budget, 1)])
        XCTAssertEqual(budgets.first?.title.hasPrefix("Budget Emerald 2009 overschreden"), true, budgets.first?.title ?? "")

        XCTAssertEqual(items.count, 3 + 2 + 2 + 1, "nothing else: \(items.map(\.title))")
        XCTAssertEqual(items.map(\.minutes), [5, 5, 5, 5, 5, 10, 5, 10])
        XCTAssertEqual(s.state.plannedMinutes(v2), 50)

        // The same agenda after reading the log back from disk.
        let reread = try open()
        XCTAssertEqual(reread.state.orderedAgenda(v2), s.state.orderedAgenda(v2))
    }

    func testClosingReturnsACheckpointThatVerifyAcceptsAndThatCatchesATruncation() throws {
        let s = try writeFixtureLog()
        guard case .success = s.prepareMeeting(kern: "Delfgauw", date: "2009-03-17", length: "90") else { return XCTFail("prepare") }
        expectRecorded(s.record(.openMeeting, Draft(), target: v2))
        expectRecorded(s.record(.nextItem, Draft(), target: v2))
        let current = try XCTUnwrap(s.state.currentItem(v2))
        expectRecorded(s.record(.decision, Draft([.wijk: "Emerald", .text: "Stoeptegels gaan voor"]), meeting: v2))

        let before = try Verifier.verify(path: logPath)
        XCTAssertTrue(before.isIntact)
        let closed = s.closeMeeting(v2)
        guard case .success(let r) = closed else { return XCTFail("close failed: \(closed)") }
        XCTAssertEqual(s.state.phase(of: v2), .closed)
        XCTAssertEqual(s.state.itemOutcome[current.id], .besproken, "closing ends the item under discussion")

        // The checkpoint is the log's head just before the close entry (after the item was ended).
        let atClose = try Verifier.verify(path: logPath)
        XCTAssertTrue(atClose.isIntact, "\(atClose.issues)")
        XCTAssertEqual(r.checkpoint.seq, atClose.headSeq - 1)
        XCTAssertEqual(r.checkpoint.seq, before.headSeq + 1, "one entry ended the current item")
        guard case .meetingClosed(let entry) = r.logged.event else { return XCTFail("not a close entry") }
        XCTAssertEqual(entry.checkpointSeq, r.checkpoint.seq)
        XCTAssertEqual(entry.checkpointHash, r.checkpoint.hash)
        XCTAssertEqual(Checkpoint(r.checkpoint.description), r.checkpoint, "printable as SEQ:HASH and read back")

        let ok = try Verifier.verify(path: logPath, checkpoint: r.checkpoint)
        XCTAssertTrue(ok.isIntact, ok.checkpointProblem ?? "\(ok.issues)")
        XCTAssertNil(ok.checkpointProblem)

        // More entries afterwards do not disturb the checkpoint.
        expectRecorded(s.record(.signal, Draft([.wijk: "Emerald", .theme: "groen", .source: "bewoner", .text: "Boom omgewaaid"])))
        XCTAssertTrue(try Verifier.verify(path: logPath, checkpoint: r.checkpoint).isIntact)

        // Cut the log back to before the checkpointed line: a clean chain on its own, but not the log
        // the checkpoint speaks of.
        let all = try lines()
        let keep = r.checkpoint.seq - 2   // lines 1…seq-2 (seq n is line n)
        try write(Array(all.prefix(keep).joined(separator: [0x0A])) + [0x0A])
        let alone = try Verifier.verify(path: logPath)
        XCTAssertTrue(alone.isIntact, "a truncated log still chains by itself: \(alone.issues)")
        let caught = try Verifier.verify(path: logPath, checkpoint: r.checkpoint)
        XCTAssertFalse(caught.isIntact)
        XCTAssertNotNil(caught.checkpointProblem)

        // A forged line at the checkpointed position does not pass either.
        try write(Array(all.joined(separator: [0x0A])) + [0x0A])
        XCTAssertTrue(try Verifier.verify(path: logPath, checkpoint: r.checkpoint).isIntact, "restored")
        XCTAssertFalse(try Verifier.verify(path: logPath, checkpoint: Checkpoint(seq: r.checkpoint.seq, hash: String(repeating: "0", count: 64))).isIntact)
    }

    func testAClosedMeetingCannotBeClosedTwiceAndItsAgendaIsFrozen() throws {
        let s = try writeFixtureLog()
        guard case .success = s.prepareMeeting(kern: "Delfgauw", date: "2009-03-17", length: "90") else { return XCTFail("prepare") }
        guard case .success = s.closeMeeting(v2) else { return XCTFail("close") }
        let head = try Verifier.verify(path: logPath).headSeq
        guard case .failure(let again) = s.closeMeeting(v2) else { return XCTFail("closed twice") }
        XCTAssertEqual(again, .refused(Refusal(.meeting, .meetingClosed("V-2"))))
        guard case .failure = s.record(.agendaItem, Draft([.title: "Nakomer", .meeting: "V-2"])) else { return XCTFail("item added to a closed meeting") }
        guard case .failure = s.record(.attendance, Draft([.org: "Politie", .attendance: "aanwezig"]), target: v2) else {
            return XCTFail("attendance for a closed meeting")
        }
        XCTAssertEqual(try Verifier.verify(path: logPath).headSeq, head, "nothing was appended")
    }
}
