import Foundation
import XCTest
import KernteamDomain

/// The plan's steering structure, rule by rule and table by table, through the Validator and the fold:
/// the kern/wijkenplan and its cycle, the bodies that decide, priorities as the plan means them. Each
/// test names the section of the policy plan (`/work/shared/seed/beleidsplan-wijkgericht-werken.txt`)
/// the rule comes from.
final class PlanCycleRuleTests: XCTestCase {
    private var reference: ReferenceData!
    private let today = Day(year: 2009, month: 8, day: 1)!

    override func setUpWithError() throws { reference = try shippedReference() }

    /// Reference data, a Delfgauw meeting, then `events`; sequence numbers in order.
    private func state(_ events: [Event]) -> KernteamState {
        var s = KernteamState()
        let all: [Event] = [.referenceSet(reference),
                            .meetingHeld(MeetingHeld(id: RecordID(.meeting, 1), kern: "Delfgauw", date: Day(year: 2009, month: 2, day: 10)!))]
            + events
        for (i, e) in all.enumerated() { s.apply(LoggedEvent(seq: i + 1, timestamp: "2009-02-10T19:00:00Z", role: .secretaris, event: e)) }
        return s
    }

    private func fold(_ event: Event, into s: inout KernteamState) {
        s.apply(LoggedEvent(seq: s.lastSeq + 1, timestamp: "2009-07-20T10:00:00Z", role: .secretaris, event: event))
    }

    private func validate(_ s: KernteamState, _ kind: DraftKind, _ values: [DraftField: String], target: RecordID? = nil,
                          meeting: RecordID? = nil) -> Result<Event, Refusal> {
        Validator(state: s, today: today).validate(kind, Draft(values), meeting: meeting, target: target)
    }

    private static let plan1 = RecordID(.plan, 1)
    private static let stuurgroepDecision = Event.decisionTaken(DecisionTaken(id: RecordID(.decision, 1), kern: "Delfgauw", wijk: nil,
        text: "De stuurgroep stelt analyse en prioriteiten vast", body: .stuurgroep, date: Day(year: 2009, month: 7, day: 14)!))
    private static let kernteamDecision = Event.decisionTaken(DecisionTaken(id: RecordID(.decision, 2), kern: "Delfgauw", wijk: nil,
        text: "Het kernteam vindt de analyse af", meeting: RecordID(.meeting, 1)))
    private static let nootdorpStuurgroep = Event.decisionTaken(DecisionTaken(id: RecordID(.decision, 3), kern: "Nootdorp", wijk: nil,
        text: "Stuurgroep over Nootdorp", body: .stuurgroep, date: Day(year: 2009, month: 7, day: 14)!))

    /// A Delfgauw plan 2009-2012 moved through `phases` (in order, from the schouw), with the decisions above.
    private func planState(_ phases: [PlanPhase]) -> KernteamState {
        var events: [Event] = [Self.stuurgroepDecision, Self.kernteamDecision, Self.nootdorpStuurgroep,
                               .planCreated(PlanCreated(id: Self.plan1, kern: "Delfgauw", startYear: 2009, endYear: 2012))]
        for (n, p) in phases.enumerated() {
            events.append(.planPhaseSet(PlanPhaseSet(ref: Self.plan1, phase: p, decision: p == .prioriteiten ? RecordID(.decision, 1) : nil,
                                                     date: Day(year: 2009, month: 2 + n, day: 1)!)))
        }
        return state(events)
    }

    // MARK: - The cycle (beleidsplan 1.2 "Kern/wijkplannen"; 2.3 "Planning": "Juli 2009: Vaststellen
    // kern/wijkenanalyse en prioriteiten door stuurgroep")

    /// Every phase to every phase: only the next one is allowed (after the evaluation, the analysis again);
    /// staying is "unchanged"; entering prioriteiten needs a stuurgroep decision of the plan's kern.
    func testCycleTransitionsAllowedAndRefused_beleidsplan_1_2_KernWijkplannen() throws {
        let paths: [PlanPhase: [PlanPhase]] = [
            .schouw: [], .analyse: [.analyse], .prioriteiten: [.analyse, .prioriteiten], .aanpak: [.analyse, .prioriteiten, .aanpak],
            .uitvoering: [.analyse, .prioriteiten, .aanpak, .uitvoering],
            .evaluatie: [.analyse, .prioriteiten, .aanpak, .uitvoering, .evaluatie],
        ]
        let allowed: [PlanPhase: PlanPhase] = [.schouw: .analyse, .analyse: .prioriteiten, .prioriteiten: .aanpak,
                                                 .aanpak: .uitvoering, .uitvoering: .evaluatie, .evaluatie: .analyse]
        for from in PlanPhase.allCases {
            let s = planState(paths[from]!)
            XCTAssertEqual(s.plans[Self.plan1]?.value.phase, from)
            for to in PlanPhase.allCases {
                var values: [DraftField: String] = [.phase: to.rawValue, .date: "2009-07-31"]
                if to == .prioriteiten { values[.decision] = "B-1" }
                let result = validate(s, .planPhase, values, target: Self.plan1)
                switch (to == allowed[from], result) {
                case (true, .success(let e)):
                    XCTAssertEqual(e, .planPhaseSet(PlanPhaseSet(ref: Self.plan1, phase: to, decision: to == .prioriteiten ? RecordID(.decision, 1) : nil,
                                                                 date: Day(year: 2009, month: 7, day: 31)!)), "\(from) → \(to)")
                case (false, .failure(let r)):
                    let expected: Text = to == from ? .statusUnchanged(to.rawValue) : .plan(.phaseNotNext(from.rawValue, to.rawValue, allowed[from]!.rawValue))
                    XCTAssertEqual(r.problems, [FieldProblem(.phase, expected)], "\(from) → \(to)")
                default:
                    XCTFail("\(from) → \(to): \(result)")
                }
            }
        }
    }

    /// Entering prioriteiten: with a stuurgroep decision of the plan's kern only.
    func testAdoptionNeedsAStuurgroepDecisionOfTheKern_beleidsplan_2_3_Planning() throws {
        let s = planState([.analyse])
        let cases: [(decision: String?, problem: Text?)] = [
            (nil, .plan(.adoptionNeedsStuurgroep)),
            ("B-2", .plan(.decisionOfOtherBody("B-2", "kernteam", "stuurgroep"))),
            ("B-3", .decisionOtherKern("B-3")),
            ("B-99", .unknownRecord("B-99")),
            ("A-1", .unknownRecord("A-1")),
            ("B-1", nil),
        ]
        for c in cases {
            var values: [DraftField: String] = [.phase: "prioriteiten"]
            values[.decision] = c.decision
            let result = validate(s, .planPhase, values, target: Self.plan1)
            if let problem = c.problem {
                guard case .failure(let r) = result else { XCTFail("\(c.decision ?? "none"): \(result)"); continue }
                XCTAssertEqual(r.problems, [FieldProblem(.decision, problem)], c.decision ?? "none")
            } else {
                guard case .success(.planPhaseSet(let e)) = result else { XCTFail("\(result)"); continue }
                XCTAssertEqual(e.decision, RecordID(.decision, 1))
                XCTAssertEqual(e.date, today, "today when no date is given")
            }
        }
        // A withdrawn stuurgroep decision no longer adopts anything.
        var withdrawn = s
        fold(.entryWithdrawn(EntryWithdrawn(ref: RecordID(.decision, 1), reason: "verkeerd besluit")), into: &withdrawn)
        guard case .failure(let r) = validate(withdrawn, .planPhase, [.phase: "prioriteiten", .decision: "B-1"], target: Self.plan1) else {
            return XCTFail("a withdrawn decision adopts nothing")
        }
        XCTAssertEqual(r.problems, [FieldProblem(.decision, .unknownRecord("B-1"))])
        // The message says who must decide and where the rule comes from.
        XCTAssertTrue(Text.plan(.adoptionNeedsStuurgroep).nl.contains("stuurgroep"))
        XCTAssertTrue(Text.plan(.adoptionNeedsStuurgroep).nl.contains("beleidsplan 2.3"))
    }

    /// A step's date: not before the step before it, not in the future.
    func testPhaseDates_beleidsplan_1_2_KernWijkplannen() throws {
        let s = planState([.analyse])   // analyse on 2009-02-01
        let cases: [(date: String, problem: Text?)] = [
            ("2009-01-31", .plan(.phaseDateBefore("2009-01-31", "analyse", "2009-02-01"))),
            ("2009-02-01", nil),
            ("2009-08-01", nil),
            ("2009-08-02", .plan(.dateInFuture("2009-08-02"))),
            ("2009-02-30", .badDate("2009-02-30")),
        ]
        for c in cases {
            let result = validate(s, .planPhase, [.phase: "prioriteiten", .decision: "B-1", .date: c.date], target: Self.plan1)
            switch (c.problem, result) {
            case (nil, .success): break
            case (let p?, .failure(let r)): XCTAssertEqual(r.problems, [FieldProblem(.date, p)], c.date)
            default: XCTFail("\(c.date): \(result)")
            }
        }
    }

    /// A plan: four years, another length with a reason; no overlap with another plan of the kern.
    func testPlanPeriod_beleidsplan_1_2_AanpakOpHoofdlijnen_bijlage2_7() throws {
        let s = planState([])
        let cases: [(kern: String, period: String, reason: String?, problem: FieldProblem?)] = [
            ("Nootdorp", "2009-2012", nil, nil),
            ("Nootdorp", "2009–2012", nil, nil),
            ("nootdorp", "2010 t/m 2013", nil, nil),
            ("Nootdorp", "2009-2013", nil, FieldProblem(.period, .plan(.planLengthNeedsReason(5)))),
            ("Nootdorp", "2009-2013", "Pilotjaar erbij", nil),
            ("Nootdorp", "2009", "Een jaarplan als proef", nil),
            ("Nootdorp", "ooit", nil, FieldProblem(.period, .plan(.planPeriodBad("ooit")))),
            ("Nootdorp", "2012-2009", nil, FieldProblem(.period, .plan(.planPeriodBad("2012-2009")))),
            ("Delfgauw", "2012-2015", nil, FieldProblem(.period, .plan(.planOverlaps("PL-1", "2009-2012")))),
            ("Delfgauw", "2013-2016", nil, nil),
            ("Atlantis", "2009-2012", nil, FieldProblem(.kern, .unknownKern("Atlantis", known: ["Delfgauw", "Nootdorp", "Pijnacker"]))),
        ]
        for c in cases {
            var values: [DraftField: String] = [.kern: c.kern, .period: c.period]
            values[.reason] = c.reason
            let result = validate(s, .plan, values)
            switch (c.problem, result) {
            case (nil, .success(.planCreated(let p))):
                XCTAssertEqual(p.id, RecordID(.plan, 2), "\(c)")
                XCTAssertEqual(p.reason, c.reason)
            case (let problem?, .failure(let r)): XCTAssertEqual(r.problems, [problem], "\(c)")
            default: XCTFail("\(c): \(result)")
            }
        }
        // A new plan starts at the schouw.
        var made = s
        guard case .success(let e) = validate(s, .plan, [.kern: "Nootdorp", .period: "2009-2012"]) else { return XCTFail() }
        fold(e, into: &made)
        XCTAssertEqual(made.plans[RecordID(.plan, 2)]?.value.phase, .schouw)
    }

    /// The review: two years after the stuurgroep's adoption, or after the latest evaluation.
    func testReviewEveryTwoYears_beleidsplan_1_2_AanpakOpHoofdlijnen() throws {
        XCTAssertNil(planState([.analyse]).plans[Self.plan1]?.value.reviewDue, "not before adoption")
        let adopted = try XCTUnwrap(planState([.analyse, .prioriteiten]).plans[Self.plan1]?.value)
        XCTAssertEqual(adopted.reviewDue, Day(year: 2011, month: 3, day: 1), "adopted on 2009-03-01")
        XCTAssertFalse(adopted.reviewOverdue(today: Day(year: 2011, month: 3, day: 1)!))
        XCTAssertTrue(adopted.reviewOverdue(today: Day(year: 2011, month: 3, day: 2)!))
        let evaluated = try XCTUnwrap(planState([.analyse, .prioriteiten, .aanpak, .uitvoering, .evaluatie]).plans[Self.plan1]?.value)
        XCTAssertEqual(evaluated.reviewDue, Day(year: 2011, month: 6, day: 1), "evaluated on 2009-06-01")
        let lines = KernteamState.planLines(evaluated, today: today)
        XCTAssertTrue(lines.contains { $0.contains("01-06-2011") }, "\(lines)")
        XCTAssertTrue(lines.contains { $0.contains("31-12-2012") }, "the plan's end: \(lines)")
    }

    /// A phase step is a fact entry: correcting its date, or withdrawing it, changes where the plan stands.
    func testAPhaseStepCanBeCorrectedAndWithdrawn() throws {
        var s = planState([.analyse, .prioriteiten])
        let stepSeq = try XCTUnwrap(s.plans[Self.plan1]?.value.steps.last?.seq)
        let v = Validator(state: s, today: today)
        guard case .success(let fix) = v.validateCorrection(.entry(stepSeq), Draft([.date: "2009-07-14"]), reason: "datum stuurgroep") else {
            return XCTFail("a step's date can be corrected")
        }
        fold(fix, into: &s)
        XCTAssertEqual(s.plans[Self.plan1]?.value.adoption?.date, Day(year: 2009, month: 7, day: 14))
        guard case .failure = v.validateCorrection(.entry(stepSeq), Draft([.decision: "B-2"]), reason: "x") else {
            return XCTFail("the adoption must stay a stuurgroep decision")
        }
        guard case .success(let undo) = Validator(state: s, today: today).validateWithdrawal(.entry(stepSeq), reason: "te vroeg") else {
            return XCTFail()
        }
        fold(undo, into: &s)
        XCTAssertEqual(s.plans[Self.plan1]?.value.phase, .analyse)
        XCTAssertNil(s.plans[Self.plan1]?.value.adoption)
    }

    // MARK: - Bodies (beleidsplan 1.2 "Kernteams en stuurgroep"; 2.1 "Organisatie van de pilot")

    func testDecisionsCarryTheBodyThatTookThem_beleidsplan_1_2_KernteamsEnStuurgroep() throws {
        let s = state([.meetingOpened(MeetingOpened(ref: RecordID(.meeting, 1)))])
        let cases: [(body: String?, meeting: String?, date: String?, body2: DecisionBody?, linked: Bool, day: Day?, problem: FieldProblem?)] = [
            (nil, nil, nil, .kernteam, true, nil, nil),
            ("kernteam", nil, nil, .kernteam, true, nil, nil),
            ("stuurgroep", nil, nil, .stuurgroep, false, today, nil),
            ("Stuurgroep", nil, "2009-07-14", .stuurgroep, false, Day(year: 2009, month: 7, day: 14), nil),
            ("projectgroep", nil, nil, .projectgroep, false, today, nil),
            ("klankbordgroep", nil, nil, .klankbordgroep, false, today, nil),
            ("stuurgroep", "V-1", nil, nil, false, nil, FieldProblem(.meeting, .plan(.bodyNotInMeeting("stuurgroep")))),
            ("stuurgroep", nil, "2009-08-02", nil, false, nil, FieldProblem(.date, .plan(.dateInFuture("2009-08-02")))),
            ("gemeenteraad", nil, nil, nil, false, nil,
             FieldProblem(.body, .unknownChoice("gemeenteraad", options: ["kernteam", "stuurgroep", "projectgroep", "klankbordgroep"]))),
        ]
        for c in cases {
            var values: [DraftField: String] = [.wijk: "Delfgauw", .text: "Besluit"]
            values[.body] = c.body; values[.meeting] = c.meeting; values[.date] = c.date
            // The meeting on the screen is open: a kernteam decision is linked to it, another body's is not.
            let result = validate(s, .decision, values, meeting: RecordID(.meeting, 1))
            switch (c.problem, result) {
            case (nil, .success(.decisionTaken(let d))):
                XCTAssertEqual(d.takenBy, c.body2, "\(c)")
                XCTAssertEqual(d.meeting != nil, c.linked, "\(c)")
                XCTAssertEqual(d.date, c.day, "\(c)")
                XCTAssertEqual(d.body == nil, c.body2 == .kernteam, "the kernteam is not written: old logs read the same")
            case (let p?, .failure(let r)): XCTAssertEqual(r.problems, [p], "\(c)")
            default: XCTFail("\(c): \(result)")
            }
        }
    }

    func testStuurgroepDecisionsShowAsSuchInHistoryAndMinutes_beleidsplan_1_2() throws {
        let s = state([
            .meetingHeld(MeetingHeld(id: RecordID(.meeting, 2), kern: "Delfgauw", date: Day(year: 2009, month: 9, day: 8)!)),
            Self.stuurgroepDecision, Self.kernteamDecision, Self.nootdorpStuurgroep,
        ])
        let history = s.history(HistoryFilter(place: "Delfgauw"))
        let b1 = try XCTUnwrap(history.first { $0.id == RecordID(.decision, 1) })
        XCTAssertTrue(b1.text.hasPrefix("[stuurgroep] "), b1.text)
        XCTAssertEqual(b1.date, Day(year: 2009, month: 7, day: 14), "its own date, not a meeting's")
        XCTAssertFalse(try XCTUnwrap(history.first { $0.id == RecordID(.decision, 2) }).text.hasPrefix("["))
        // The September minutes tell what the stuurgroep decided since the kernteam last met (in February).
        let minutes = MinutesDraft(meeting: RecordID(.meeting, 2), state: s)
        let other = try XCTUnwrap(minutes.sections.first { $0.title == Text.plan(.minutesOtherBodies).text })
        XCTAssertEqual(other.lines.count, 1, "Delfgauw's only; not Nootdorp's")
        XCTAssertTrue(other.lines[0].contains("B-1") && other.lines[0].contains("[stuurgroep]"), other.lines[0])
        XCTAssertNil(MinutesDraft(meeting: RecordID(.meeting, 1), state: s).sections.first { $0.title == Text.plan(.minutesOtherBodies).text },
                     "February's minutes come before it")
    }

    // MARK: - Priorities and the plan (beleidsplan 1.2 "Kern/wijkplannen")

    private func priorityValues(_ wijk: String, period: String? = nil, reason: String? = nil) -> [DraftField: String] {
        var v: [DraftField: String] = [.wijk: wijk, .theme: "groen", .text: "Meer groen", .involvement: "bewonersavond"]
        v[.period] = period; v[.reason] = reason
        return v
    }

    func testPriorityPeriodBelongsToThePlan_beleidsplan_1_2_KernWijkplannen() throws {
        let analysis = planState([.analyse])
        let cases: [(period: String?, stored: String?, problem: FieldProblem?)] = [
            (nil, "2009-2012", nil),
            ("2009-2010", "2009-2010", nil),
            ("2010–2012", "2010-2012", nil),
            ("2011", "2011", nil),
            ("2008-2010", nil, FieldProblem(.period, .plan(.priorityOutsidePlan("2008-2010", "PL-1", "2009-2012")))),
            ("2013", nil, FieldProblem(.period, .plan(.priorityOutsidePlan("2013", "PL-1", "2009-2012")))),
            ("ooit", nil, FieldProblem(.period, .plan(.priorityBadPeriod("ooit", "2009-2012")))),
        ]
        for c in cases {
            let result = validate(analysis, .priority, priorityValues("Emerald", period: c.period))
            switch (c.problem, result) {
            case (nil, .success(.prioritySet(let p))):
                XCTAssertEqual(p.period, c.stored, "\(c)")
                XCTAssertEqual(p.plan, Self.plan1)
                XCTAssertEqual(p.involvement, "bewonersavond")
            case (let problem?, .failure(let r)): XCTAssertEqual(r.problems, [problem], "\(c)")
            default: XCTFail("\(c): \(result)")
            }
        }
        // Still at the schouw: no priorities yet, whatever the period; in every later phase they are accepted.
        let schouw = planState([])
        guard case .failure(let r) = validate(schouw, .priority, priorityValues("Emerald")) else { return XCTFail() }
        XCTAssertEqual(r.problems, [FieldProblem(.wijk, .plan(.priorityBeforeAnalysis("PL-1", "schouw")))])
        for phases in [[PlanPhase.analyse, .prioriteiten], [.analyse, .prioriteiten, .aanpak, .uitvoering, .evaluatie]] {
            guard case .success = validate(planState(phases), .priority, priorityValues("Delfgauw")) else { return XCTFail("\(phases)") }
        }
        // Another kern's plan does not bind this kern: Nootdorp keeps free periods.
        guard case .success(.prioritySet(let free)) = validate(analysis, .priority, priorityValues("De Venen", period: "ooit")) else {
            return XCTFail()
        }
        XCTAssertEqual(free.period, "ooit")
        XCTAssertNil(free.plan)
    }

    /// A log without any plan behaves as before: free periods, no plan, a note that none is recorded.
    func testALogWithoutAPlanBehavesAsBefore_beleidsplan_1_2() throws {
        let s = state([])
        guard case .success(.prioritySet(let p)) = validate(s, .priority, [.wijk: "Emerald", .theme: "verkeer", .text: "x", .period: "ooit"]) else {
            return XCTFail()
        }
        XCTAssertEqual(p.period, "ooit")
        XCTAssertNil(p.plan)
        XCTAssertNil(p.involvement)
        let warnings = Validator(state: s, today: today).warnings(.priority, Draft([.wijk: "Emerald", .theme: "verkeer", .text: "x"]))
        XCTAssertEqual(warnings, [.plan(.noPlanNote("Delfgauw")), .plan(.involvementNote)])
        XCTAssertTrue(warnings[1].nl.contains("Ook bij het bepalen van prioriteiten worden de bewoners betrokken"))
        let withPlan = Validator(state: planState([.analyse]), today: today)
        XCTAssertEqual(withPlan.warnings(.priority, Draft(priorityValues("Emerald"))), [], "a plan and residents' involvement: nothing to note")
    }

    /// "Gestreefd wordt naar maximaal 5 prioriteiten voor intensief beheer per wijk": a sixth with a reason
    /// is a deliberate deviation; without one it is refused; the whole kern is not capped.
    func testTheCapOfFiveWithAndWithoutAReason_beleidsplan_1_2_KernWijkplannen() throws {
        var s = planState([.analyse])
        for _ in 1...5 {
            guard case .success(let e) = validate(s, .priority, priorityValues("Emerald")) else { return XCTFail() }
            fold(e, into: &s)
        }
        let cases: [(wijk: String, reason: String?, deviation: Bool?, refused: Bool)] = [
            ("Emerald", nil, nil, true),
            ("Emerald", "Groot onderhoud Vestia komt erbij; afgesproken met de stuurgroep", true, false),
            ("Oud Delfgauw", nil, nil, false),
            ("Delfgauw", nil, nil, false),
        ]
        for c in cases {
            let result = validate(s, .priority, priorityValues(c.wijk, reason: c.reason))
            switch (c.refused, result) {
            case (true, .failure(let r)):
                XCTAssertEqual(r.problems, [FieldProblem(.reason, .priorityCap("Emerald", (1...5).map { "P-\($0)" }))])
            case (false, .success(.prioritySet(let p))):
                XCTAssertEqual(p.deviation, c.deviation, "\(c)")
                XCTAssertEqual(p.reason, c.reason)
            default: XCTFail("\(c): \(result)")
            }
        }
        // Correcting one of the five (a new text) is not a sixth: the correction is checked without it.
        guard case .success = Validator(state: s, today: today).validateCorrection(.record(RecordID(.priority, 3)), Draft([.text: "Meer bomen"]), reason: nil) else {
            return XCTFail("a correction does not count itself")
        }
    }
}
