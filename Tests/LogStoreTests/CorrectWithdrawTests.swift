import Foundation
import XCTest
import KernteamDomain
import KernteamLog
import KernteamSession

/// Every kind of record and entry can be corrected and withdrawn through the session: the old entry
/// stays, the correction or withdrawal is a new entry pointing at it, the same rules apply as when
/// adding, and a refused change appends nothing.
final class CorrectWithdrawTests: LogTestCase {
    /// One of everything, on meeting V-1 (prepared, so nothing is sealed) and V-2 (for a date correction).
    private func everything() throws -> (session: Session, refs: [String: EntryRef]) {
        let s = try open()
        var refs: [String: EntryRef] = [:]
        func rec(_ name: String, _ kind: DraftKind, _ values: [DraftField: String], meeting: RecordID? = nil, target: RecordID? = nil) {
            guard let logged = expectRecorded(s.record(kind, Draft(values), meeting: meeting, target: target)) else { return }
            refs[name] = logged.event.createdID.map(EntryRef.record) ?? .entry(logged.seq)
        }
        let v1 = RecordID(.meeting, 1)
        rec("meeting", .meeting, [.kern: "Delfgauw", .date: "2009-03-17"])
        rec("agenda item", .agendaItem, [.title: "Speelplek Emerald", .wijk: "Emerald", .minutes: "10", .meeting: "V-1"])
        rec("signal", .signal, [.wijk: "Emerald", .theme: "verkeer", .source: "bewoner", .text: "Te hard gerden", .date: "2009-03-01"], meeting: v1)
        rec("action", .action, [.title: "Drempels plaatsen", .wijk: "Emerald", .owner: "politie", .due: "2009-04-15"], meeting: v1)
        rec("decision", .decision, [.wijk: "Emerald", .text: "Verkeersplan Emerald laten maken"], meeting: v1)
        rec("initiative", .initiative, [.wijk: "Emerald", .text: "Bloembollen planten", .date: "2009-03-02"], meeting: v1)
        rec("priority", .priority, [.wijk: "Emerald", .theme: "verkeer", .text: "Verkeersveiligheid", .period: "2009"], meeting: v1)
        rec("participation", .participation, [.wijk: "Emerald", .topic: "Verkeersplan", .work: "groot-onderhoud", .phase: "planvorming",
                                             .level: "consulteren"], meeting: v1)
        // Budgets are the stuurgroep's to allocate: its decision (B-2) comes first, outside any meeting.
        rec("stuurgroep decision", .decision, [.wijk: "Emerald", .text: "Wijkbudget Emerald 2009", .body: "stuurgroep", .date: "2009-03-05"])
        rec("budget", .budget, [.wijk: "Emerald", .year: "2009", .amount: "5000", .decision: "B-2"])
        rec("attendance", .attendance, [.org: "politie", .attendance: "aanwezig"], target: v1)
        rec("residents", .residents, [.count: "3"], target: v1)
        rec("signal triage", .triageSignal, [.route: "kernteam"], target: RecordID(.signal, 1))
        rec("initiative triage", .triageInitiative, [.outcome: "inplannen"], target: RecordID(.initiative, 1))
        rec("feedback", .feedback, [.how: "Brief", .date: "2009-03-20"], target: RecordID(.signal, 1))
        rec("lemon", .lemon, [.wijk: "Emerald", .theme: "verkeer", .year: "2008", .score: "6,5"])
        rec("status", .status, [.status: "bezig", .reason: "gestart"], target: RecordID(.action, 1))
        XCTAssertEqual(refs.count, 17, "every kind was recorded")
        return (s, refs)
    }

    /// What each correction changes, and how to read the new value back from the state.
    private let corrections: [(name: String, fields: [DraftField: String], read: (KernteamState, EntryRef) -> String?, expected: String)] = [
        ("meeting", [.date: "18-03-2009"], { s, r in s.meetings[r.recordID!]?.value.date.description }, "2009-03-18"),
        ("agenda item", [.title: "Speelplek Emerald-Zuid", .minutes: "15"], { s, r in s.agenda[r.recordID!].map { "\($0.value.title) \($0.value.minutes!)" } }, "Speelplek Emerald-Zuid 15"),
        ("signal", [.text: "Te hard gereden"], { s, r in s.signals[r.recordID!]?.value.text }, "Te hard gereden"),
        ("action", [.owner: "wijkmanager", .cost: "1.200"], { s, r in s.actions[r.recordID!].map { "\($0.value.created.owner) \($0.value.created.cost!.cents)" } }, "Wijkmanager 120000"),
        ("decision", [.wijk: "oud delfgauw"], { s, r in s.decisions[r.recordID!]?.value.wijk }, "Oud Delfgauw"),
        ("initiative", [.date: "2009-03-03"], { s, r in s.initiatives[r.recordID!]?.value.recorded.date.description }, "2009-03-03"),
        ("priority", [.period: "2009-2010"], { s, r in s.priorities[r.recordID!]?.value.period }, "2009-2010"),
        ("participation", [.level: "coproduceren"], { s, r in s.participation[r.recordID!]?.value.level.rawValue }, "coproduceren"),
        ("budget", [.amount: "4.500,00"], { s, r in s.budgets[r.recordID!].map { String($0.value.amount.cents) } }, "450000"),
        ("attendance", [.attendance: "afgemeld"], { s, _ in s.attendance[RecordID(.meeting, 1)]?["Politie"]?.rawValue }, "afgemeld"),
        ("residents", [.count: "4"], { s, _ in s.residentsPresent[RecordID(.meeting, 1)].map(String.init) }, "4"),
        ("signal triage", [.route: "opgelost"], { s, _ in s.signalTriage[RecordID(.signal, 1)]?.route.rawValue }, "opgelost"),
        ("initiative triage", [.outcome: "direct"], { s, _ in s.initiatives[RecordID(.initiative, 1)]?.value.outcome?.rawValue }, "direct"),
        ("feedback", [.how: "Telefoon"], { s, _ in s.feedback[RecordID(.signal, 1)]?.how }, "Telefoon"),
        ("lemon", [.score: "6,75"], { s, _ in s.lemonScores.first?.scoreText }, "6,75"),
        ("status", [.reason: "begonnen op 1 april"], { s, _ in s.actions[RecordID(.action, 1)]?.value.statusReason }, "begonnen op 1 april"),
    ]

    func testEveryKindCanBeCorrectedAndTheOldEntryStays() throws {
        let (s, refs) = try everything()
        for c in corrections {
            let ref = try XCTUnwrap(refs[c.name], c.name)
            let before = try bytes()
            guard let logged = expectRecorded(s.correct(ref, Draft(c.fields), reason: "typefout")) else { continue }
            XCTAssertEqual(c.read(s.state, ref), c.expected, c.name)
            guard case .entryCorrected(let e) = logged.event else { XCTFail("\(c.name): not a correction"); continue }
            XCTAssertEqual(e.target, ref, c.name)
            XCTAssertEqual(Set(e.fields.keys), Set(c.fields.keys.map(\.rawValue)), "\(c.name): only the changed fields")
            XCTAssertEqual(try Array(bytes().prefix(before.count)), before, "\(c.name): nothing before it changed")
            // A fresh fold of the file says the same.
            XCTAssertEqual(c.read(try Session.open(path: logPath, reference: nil, readOnly: true).state, ref), c.expected, "\(c.name) after reopening")
        }
    }

    func testEveryKindCanBeWithdrawnWithAReasonAndShowsInTheHistory() throws {
        let (s, refs) = try everything()
        // Facts first: withdrawing the records they are about would leave nothing to look at.
        let order = ["status", "lemon", "feedback", "initiative triage", "signal triage", "residents", "attendance", "budget",
                     "stuurgroep decision", "participation", "priority", "initiative", "decision", "action", "signal", "agenda item", "meeting"]
        for name in order {
            let ref = try XCTUnwrap(refs[name], name)
            let before = try bytes()
            guard case .failure(.refused(let r)) = s.withdraw(ref, reason: "  ") else { XCTFail("\(name): withdrawn without a reason"); continue }
            XCTAssertTrue(r.problems.contains(FieldProblem(.reason, .reasonRequiredToWithdraw)), name)
            XCTAssertEqual(try bytes(), before, "\(name): a refusal appends nothing")
            expectRecorded(s.withdraw(ref, reason: "dubbel ingevoerd"))
            XCTAssertFalse(s.state.stands(ref), name)
            guard case .failure(.refused(let again)) = s.withdraw(ref, reason: "nog eens") else { XCTFail("\(name): withdrawn twice"); continue }
            XCTAssertTrue(again.problems.contains(FieldProblem(.id, .alreadyWithdrawn(ref.description))), name)
        }
        let state = s.state
        XCTAssertEqual(state.signalTriage[RecordID(.signal, 1)], nil, "the withdrawn triage no longer stands")
        XCTAssertNil(state.feedback[RecordID(.signal, 1)])
        XCTAssertTrue(state.lemonScores.isEmpty)
        XCTAssertNil(state.attendance[RecordID(.meeting, 1)])
        XCTAssertNil(state.residentsPresent[RecordID(.meeting, 1)])
        XCTAssertEqual(state.actions[RecordID(.action, 1)]?.value.status, .open, "the status change no longer stands")
        XCTAssertTrue(state.budgetStatuses().isEmpty)
        XCTAssertTrue(state.feedbackOwed().isEmpty)
        XCTAssertTrue(state.orderedAgenda(RecordID(.meeting, 1)).isEmpty)
        XCTAssertNil(state.latestMeeting(kern: "Delfgauw"))
        // The history keeps every record, marked withdrawn, with the reason in its chain.
        let history = state.history(HistoryFilter(place: "Emerald"))
        XCTAssertFalse(history.isEmpty)
        for entry in history where entry.kind != .wijksoort {
            XCTAssertEqual(entry.status, Text.withdrawnMark.text, "\(entry.kind) \(entry.id?.description ?? "")")
        }
        let action = try XCTUnwrap(state.actions[RecordID(.action, 1)])
        let chain = state.chain(of: RecordID(.action, 1), created: (action.seq, action.timestamp, "x"), changes: action.changes)
        XCTAssertTrue(chain.contains { $0.text.contains("ingetrokken: dubbel ingevoerd") }, "\(chain.map(\.text))")
        XCTAssertTrue(chain.contains { $0.text.hasPrefix("→ bezig") && $0.text.contains("ingetrokken") }, "the withdrawn status change is marked")
    }

    func testACorrectionFollowsTheRulesOfANewRecord() throws {
        let (s, refs) = try everything()
        let before = try bytes()
        let cases: [(String, [DraftField: String], FieldProblem)] = [
            ("signal", [.wijk: "Atlantis"], FieldProblem(.wijk, .unknownWijk("Atlantis", known: s.state.reference.placeNames))),
            ("action", [.due: "31-02-2009"], FieldProblem(.due, .badDate("31-02-2009"))),
            ("action", [.title: ""], FieldProblem(.title, .required)),
            ("action", [.owner: "politie"], FieldProblem(.owner, .nothingChanged)),
            ("action", [.route: "opgelost"], FieldProblem(.route, .fieldNotCorrectable(ActionRecord.correctableFields.map { Text.fieldLabel($0).text }))),
            ("signal", [.reporter: "Jan"], FieldProblem(.reporter, .personalNotCorrectable)),
            ("participation", [.level: "zelfbeheer"], FieldProblem(.level, .levelOutsideRange(level: "zelfbeheer", work: "groot-onderhoud",
                                                                                             phase: "planvorming", range: "consulteren … coproduceren",
                                                                                             zelfbeheerRule: false), fix: .reason)),
            ("signal triage", [.route: "buiten-scope"], FieldProblem(.reason, .reasonRequiredOutOfScope)),
        ]
        for (name, fields, problem) in cases {
            guard case .failure(.refused(let r)) = s.correct(try XCTUnwrap(refs[name]), Draft(fields), reason: nil) else {
                XCTFail("\(name) \(fields) was accepted"); continue
            }
            XCTAssertTrue(r.problems.contains(problem), "\(name) \(fields): \(r.lines)")
        }
        XCTAssertEqual(try bytes(), before, "refused corrections append nothing")
        // A rule that counts records does not count the one being corrected: the budget for 2009 exists,
        // and correcting that very budget is fine.
        expectRecorded(s.correct(try XCTUnwrap(refs["budget"]), Draft([.amount: "6000"]), reason: nil))
    }

    func testAnEntryThatIsNotAFactCannotBeNamedByNumber() throws {
        let (s, _) = try everything()
        guard case .failure(.refused(let r)) = s.correct(.entry(2), Draft([.text: "x"]), reason: nil) else { return XCTFail("accepted") }
        XCTAssertTrue(r.problems.contains(FieldProblem(.id, .notCorrectableEntry("#2"))), "\(r.lines)")
        guard case .failure(.refused(let unknown)) = s.withdraw(.entry(9_999), reason: "x") else { return XCTFail("accepted") }
        XCTAssertTrue(unknown.problems.contains(FieldProblem(.id, .unknownRecord("#9999"))), "\(unknown.lines)")
    }

    // MARK: - Sealed minutes

    func testAClosedMeetingIsSealedUntilReopenedByADecisionTakenOutsideIt() throws {
        let (s, refs) = try everything()
        let v1 = RecordID(.meeting, 1)
        expectRecorded(s.record(.openMeeting, Draft(), target: v1))
        XCTAssertEqual(s.state.openMeetings().map(\.id), [v1])
        let closed = s.closeMeeting(v1)
        guard case .success(let first) = closed else { return XCTFail("close refused") }
        XCTAssertEqual(s.state.openMeetings().map(\.id), [], "closed: no longer open")
        let before = try bytes()
        // Adding to, correcting and withdrawing in the sealed meeting is refused, naming the rule.
        guard case .failure(.refused(let add)) = s.record(.decision, Draft([.wijk: "Emerald", .text: "Nog iets", .meeting: "V-1"])) else {
            return XCTFail("a decision was added to a sealed meeting")
        }
        XCTAssertTrue(add.problems.contains(FieldProblem(.meeting, .meetingClosed("V-1"))), "\(add.lines)")
        let action = try XCTUnwrap(refs["action"])
        guard case .failure(.refused(let fix)) = s.correct(action, Draft([.owner: "swop"]), reason: nil) else { return XCTFail("corrected") }
        XCTAssertTrue(fix.problems.contains(FieldProblem(.meeting, .meetingSealed("V-1", "A-1"))), "\(fix.lines)")
        guard case .failure(.refused(let pull)) = s.withdraw(action, reason: "dubbel") else { return XCTFail("withdrawn") }
        XCTAssertTrue(pull.problems.contains(FieldProblem(.meeting, .meetingSealed("V-1", "A-1"))))
        guard case .failure(.refused(let att)) = s.correct(try XCTUnwrap(refs["attendance"]), Draft([.attendance: "afwezig"]), reason: nil) else {
            return XCTFail("attendance of a sealed meeting corrected")
        }
        XCTAssertTrue(att.problems.contains(FieldProblem(.meeting, .meetingSealed("V-1", refs["attendance"]!.description))))
        XCTAssertEqual(try bytes(), before, "nothing appended")
        // Follow-up of the meeting's records goes on: a status change is not part of the minutes.
        expectRecorded(s.record(.status, Draft([.status: "gereed"]), target: RecordID(.action, 1)))

        // A decision of the sealed meeting itself cannot reopen it; one taken outside can.
        guard case .failure(.refused(let inside)) = s.record(.reopenMeeting, Draft([.decision: "B-1"]), target: v1) else { return XCTFail("reopened") }
        XCTAssertTrue(inside.problems.contains(FieldProblem(.decision, .reopenDecisionInside("B-1", "V-1"))))
        let outside = try XCTUnwrap(expectRecorded(s.record(.decision, Draft([.wijk: "Delfgauw", .text: "Notulen V-1 heropenen"]))))
        guard case .decisionTaken(let reopenDecision) = outside.event else { return XCTFail() }
        XCTAssertNil(reopenDecision.meeting, "recorded while no meeting is open: it belongs to no meeting")
        expectRecorded(s.record(.reopenMeeting, Draft([.decision: reopenDecision.id.description]), target: v1))
        XCTAssertEqual(s.state.openMeetings().map(\.id), [v1], "reopened: open again")
        expectRecorded(s.correct(action, Draft([.owner: "swop"]), reason: "verkeerde eigenaar"))
        guard case .success(let second) = s.closeMeeting(v1) else { return XCTFail("second close refused") }
        XCTAssertGreaterThan(second.checkpoint.seq, first.checkpoint.seq, "the next close records a new checkpoint")
        XCTAssertEqual(s.state.openMeetingIDs, [])
        XCTAssertEqual(s.state.meetingSeals[v1]?.count, 2)
        XCTAssertEqual(s.state.meetingSeals[v1]?.first?.reopened?.decision, reopenDecision.id)
        guard case .failure = s.correct(action, Draft([.owner: "politie"]), reason: nil) else { return XCTFail("sealed again") }
    }

    // MARK: - Wijk kind and Lemon

    func testAWijkKindChangesOnlyByADecisionAboutThatWijkOrItsKern() throws {
        let s = try open()
        expectRecorded(s.record(.decision, Draft([.wijk: "Emerald", .text: "Emerald wordt beheerwijk"])))              // B-1
        expectRecorded(s.record(.decision, Draft([.wijk: "Delfgauw", .text: "Soorten wijken Delfgauw herzien"])))      // B-2
        expectRecorded(s.record(.decision, Draft([.wijk: "Nootdorp", .text: "Iets in Nootdorp"])))                     // B-3
        let before = try bytes()
        guard case .failure(.refused(let other)) = s.record(.wijkKind, Draft([.wijk: "Oud Delfgauw", .kind: "beheer", .decision: "B-1"])) else {
            return XCTFail("a decision about Emerald changed Oud Delfgauw")
        }
        XCTAssertTrue(other.problems.contains(FieldProblem(.decision, .decisionOtherWijk("B-1", "Emerald", "Oud Delfgauw"))), "\(other.lines)")
        guard case .failure(.refused(let kern)) = s.record(.wijkKind, Draft([.wijk: "Oud Delfgauw", .kind: "beheer", .decision: "B-3"])) else {
            return XCTFail("a decision about another kern")
        }
        XCTAssertTrue(kern.problems.contains(FieldProblem(.decision, .decisionOtherKern("B-3"))))
        XCTAssertEqual(try bytes(), before)
        let previous = try XCTUnwrap(s.state.kind(ofWijk: "Oud Delfgauw"))
        let target: WijkKind = previous == .beheer ? .intensief : .beheer
        expectRecorded(s.record(.wijkKind, Draft([.wijk: "Oud Delfgauw", .kind: target.rawValue, .decision: "B-2"])))
        let history = s.state.history(HistoryFilter(place: "Oud Delfgauw", kinds: [.wijksoort]))
        XCTAssertEqual(history.count, 1)
        XCTAssertEqual(history.first?.text, Text.chainKindChanged(from: previous.rawValue, to: target.rawValue, decision: "B-2").text)
        XCTAssertTrue(s.state.history(HistoryFilter(place: "Emerald", kinds: [.wijksoort])).isEmpty, "not in another wijk's history")
    }

    func testASecondLemonScoreIsACorrectionWithAReason() throws {
        let s = try open()
        let first = try XCTUnwrap(expectRecorded(s.record(.lemon, Draft([.wijk: "Emerald", .theme: "verkeer", .year: "2008", .score: "6,5"]))))
        let before = try bytes()
        guard case .failure(.refused(let r)) = s.record(.lemon, Draft([.wijk: "Emerald", .theme: "verkeer", .year: "2008", .score: "7"])) else {
            return XCTFail("a second score silently replaced the first")
        }
        XCTAssertTrue(r.problems.contains(FieldProblem(.reason, .lemonExists("Emerald", "verkeer", 2008, "6,50"))), "\(r.lines)")
        XCTAssertEqual(try bytes(), before)
        let second = try XCTUnwrap(expectRecorded(s.record(.lemon, Draft([.wijk: "Emerald", .theme: "verkeer", .year: "2008", .score: "7",
                                                                          .reason: "telfout in het rapport"]))))
        XCTAssertEqual(second.event, .entryCorrected(EntryCorrected(target: .entry(first.seq), fields: ["score": "7,00"], reason: "telfout in het rapport")))
        XCTAssertEqual(s.state.lemonScores.map(\.score), [700])
        let entry = try XCTUnwrap(s.state.history(HistoryFilter(place: "Emerald", kinds: [.lemon])).first)
        let chain = s.state.chain(of: RecordID(.signal, 0), created: (entry.seq, "", entry.text), changes: entry.changes)
        XCTAssertTrue(chain.last?.text.contains("telfout in het rapport") ?? false, "\(chain.map(\.text))")
    }

    // MARK: - Older logs

    func testALogWithoutCorrectionsByNumberStillOpens() throws {
        // The demo log was written before corrections could name entries by number.
        let demo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Data/demo-log.jsonl").path
        let s = try Session.open(path: demo, reference: nil, readOnly: true)
        XCTAssertTrue(s.undecodable.isEmpty)
        XCTAssertNil(s.log.readOnlyReason.flatMap { $0 == .readOnly ? nil : $0 })
        XCTAssertTrue(s.state.danglingReferences.isEmpty)
        XCTAssertTrue(try Verifier.verify(path: demo).isIntact)
    }
}
