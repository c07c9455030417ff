import Foundation
import XCTest
import KernteamDomain

/// The policy rules of the plan, table by table, through the Validator and the folded state (no UI).
/// Expected outcomes are written out here from DOMAIN.md, independently of `ParticipationRules`.
final class PolicyRuleTests: XCTestCase {
    private var reference: ReferenceData!
    private let today = Day(year: 2009, month: 3, day: 17)!

    override func setUpWithError() throws {
        reference = try shippedReference()
    }

    /// A state folded from the reference data, a Delfgauw meeting and the given events.
    private func state(_ events: [Event], timestamp: String = "2009-03-17T19:00:00Z") -> KernteamState {
        var s = KernteamState()
        let all: [Event] = [.referenceSet(reference),
                            .meetingHeld(MeetingHeld(id: RecordID(.meeting, 1), kern: "Delfgauw", date: today))] + events
        for (i, e) in all.enumerated() {
            s.apply(LoggedEvent(seq: i + 1, timestamp: timestamp, role: .secretaris, event: e))
        }
        return s
    }

    /// Folds one more event into `s`, as the log would after a successful append.
    private func fold(_ event: Event, into s: inout KernteamState, timestamp: String = "2009-03-17T19:30:00Z") {
        s.apply(LoggedEvent(seq: s.lastSeq + 1, timestamp: timestamp, role: .secretaris, event: event))
    }

    private func refusal(_ result: Result<Event, Refusal>, _ message: String = "",
                         file: StaticString = #filePath, line: UInt = #line) -> Refusal? {
        switch result {
        case .success(let e): XCTFail("expected a refusal (\(message)), got \(e)", file: file, line: line); return nil
        case .failure(let r): return r
        }
    }

    private func accepted(_ result: Result<Event, Refusal>, _ message: String = "",
                          file: StaticString = #filePath, line: UInt = #line) -> Event? {
        switch result {
        case .success(let e): return e
        case .failure(let r): XCTFail("expected acceptance (\(message)), got \(r.lines)", file: file, line: line); return nil
        }
    }

    // MARK: - Participation table (section 1.2 of the plan)

    /// Levels the plan allows, per kind of work and phase, for a topic that is not / is controversial.
    /// Written out level by level from DOMAIN.md; an empty set means the plan gives no level.
    private static let niet: Set<ParticipationLevel> = [.niet]
    private static let everyLevel: Set<ParticipationLevel> = [.niet, .consulteren, .participeren, .coproduceren, .delegeren, .zelfbeheer]
    private static let expectedTable: [(work: String, phase: String, plain: Set<ParticipationLevel>, controversial: Set<ParticipationLevel>)] = [
        // wijkbeheer, regular maintenance: residents not involved (exceptions only with a reason).
        ("beheer", "planvorming", niet, niet),
        ("beheer", "uitvoering", niet, niet),
        // wijkbeheer, yesterday's problems solved at once: critical customers.
        ("beheer-direct", "planvorming", niet, niet),
        ("beheer-direct", "uitvoering", niet, niet),
        // wijkaanpak, liveability plan: plan consulteren … coproduceren; execution niet … zelfbeheer,
        // zelfbeheer only when the theme is not controversial.
        ("leefbaarheidsplan", "planvorming", [.consulteren, .participeren, .coproduceren], [.consulteren, .participeren, .coproduceren]),
        ("leefbaarheidsplan", "uitvoering", everyLevel, [.niet, .consulteren, .participeren, .coproduceren, .delegeren]),
        // wijkaanpak, municipal plans worked out locally: at least consulteren, at most zelfbeheer.
        ("gemeentelijk-plan", "planvorming", [.consulteren, .participeren, .coproduceren, .delegeren, .zelfbeheer],
         [.consulteren, .participeren, .coproduceren, .delegeren, .zelfbeheer]),
        ("gemeentelijk-plan", "uitvoering", [.consulteren, .participeren, .coproduceren, .delegeren, .zelfbeheer],
         [.consulteren, .participeren, .coproduceren, .delegeren, .zelfbeheer]),
        // wijkaanpak, major maintenance: at least consulteren, at most coproduceren.
        ("groot-onderhoud", "planvorming", [.consulteren, .participeren, .coproduceren], [.consulteren, .participeren, .coproduceren]),
        ("groot-onderhoud", "uitvoering", [.consulteren, .participeren, .coproduceren], [.consulteren, .participeren, .coproduceren]),
        // wijkontwikkeling, vision: in principle coproduceren, possibly delegeren, at least participeren; no execution level.
        ("wijkvisie", "planvorming", [.participeren, .coproduceren, .delegeren], [.participeren, .coproduceren, .delegeren]),
        ("wijkvisie", "uitvoering", [], []),
    ]

    func testTheExpectedTableCoversEveryKindOfWorkAndPhase() {
        XCTAssertEqual(WorkKind.allCases.count, 6, "six kinds of work in the plan's table")
        XCTAssertEqual(Phase.allCases.count, 2)
        XCTAssertEqual(ParticipationLevel.allCases.count, 6, "niet plus five rungs")
        for work in WorkKind.allCases {
            for phase in Phase.allCases {
                XCTAssertEqual(Self.expectedTable.filter { $0.work == work.rawValue && $0.phase == phase.rawValue }.count, 1,
                               "\(work.rawValue)/\(phase.rawValue) must be in the expected table once")
            }
        }
    }

    func testEveryLevelOfEveryRowIsAllowedOrRefusedAsThePlanSays() throws {
        let s = state([])
        let validator = Validator(state: s, today: today)
        var checked = 0
        for row in Self.expectedTable {
            for controversial in [false, true] {
                let allowed = controversial ? row.controversial : row.plain
                for level in ParticipationLevel.allCases {
                    checked += 1
                    let label = "\(row.work)/\(row.phase)/\(controversial ? "omstreden" : "niet omstreden")/\(level.rawValue)"
                    var values: [DraftField: String] = [.wijk: "Emerald", .topic: "Onderwerp \(label)", .work: row.work,
                                                        .phase: row.phase, .level: level.rawValue,
                                                        .controversial: controversial ? "ja" : "nee"]
                    let plain = validator.validate(.participation, Draft(values))
                    if allowed.contains(level) {
                        guard case .participationSet(let p)? = accepted(plain, label) else { continue }
                        XCTAssertEqual(p.level, level, label)
                        XCTAssertEqual(p.work?.rawValue, row.work, label)
                        XCTAssertEqual(p.phase?.rawValue, row.phase, label)
                        XCTAssertEqual(p.controversial, controversial, label)
                        XCTAssertNil(p.override, "a level inside the range is no override: \(label)")
                        // A reason where none is needed is kept, but it is still no override.
                        values[.reason] = "toelichting"
                        guard case .participationSet(let q)? = accepted(validator.validate(.participation, Draft(values)), label) else { continue }
                        XCTAssertNil(q.override, label)
                        XCTAssertEqual(q.reason, "toelichting", label)
                    } else {
                        let r = try XCTUnwrap(refusal(plain, label))
                        XCTAssertEqual(r.problems.map(\.field), [.level], label)
                        guard case let .levelOutsideRange(l, work, phase, range, zelfbeheerRule) = r.problems[0].message else {
                            XCTFail("\(label): unexpected message \(r.problems[0].message)"); continue
                        }
                        XCTAssertEqual(l, level.rawValue, label)
                        XCTAssertEqual(work, row.work, label)
                        XCTAssertEqual(phase, row.phase, label)
                        XCTAssertEqual(range == nil, allowed.isEmpty, "no range named exactly when the plan has none: \(label)")
                        XCTAssertEqual(zelfbeheerRule, row.work == "leefbaarheidsplan" && row.phase == "uitvoering" && level == .zelfbeheer,
                                       label)
                        let text = r.problems[0].message.nl
                        XCTAssertTrue(text.contains(row.work) && text.contains(row.phase) && text.contains("reden"), text)
                        if range != nil { XCTAssertTrue(text.contains("'\(level.rawValue)'"), text) }
                        if zelfbeheerRule { XCTAssertTrue(text.contains("omstreden"), text) }
                        // With a reason it passes, marked as a deliberate deviation.
                        values[.reason] = "Bewust afwijken: \(label)"
                        guard case .participationSet(let p)? = accepted(validator.validate(.participation, Draft(values)), label) else { continue }
                        XCTAssertEqual(p.override, true, label)
                        XCTAssertEqual(p.level, level, label)
                        XCTAssertEqual(p.reason, "Bewust afwijken: \(label)", label)
                        // A blank reason is no reason.
                        values[.reason] = "   "
                        XCTAssertEqual(try XCTUnwrap(refusal(validator.validate(.participation, Draft(values)), label)).problems.map(\.field),
                                       [.level], label)
                    }
                }
            }
        }
        XCTAssertEqual(checked, 6 * 2 * 2 * 6)
    }

    func testAnOmittedControversialFieldMeansNotControversial() throws {
        let validator = Validator(state: state([]), today: today)
        let draft = Draft([.wijk: "Emerald", .topic: "Speelplek", .work: "leefbaarheidsplan", .phase: "uitvoering", .level: "zelfbeheer"])
        guard case .participationSet(let p)? = accepted(validator.validate(.participation, draft)) else { return }
        XCTAssertNil(p.override)
        XCTAssertNil(p.controversial)
    }

    func testOverrideIsKeptThroughTheFoldWithRepresentativesAndFeedbackPlan() throws {
        var s = state([])
        let draft = Draft([.wijk: "Oud Delfgauw", .topic: "Dorpsplein", .work: "beheer", .phase: "uitvoering", .level: "coproduceren",
                           .reason: "Gezamenlijke opruimdag vergroot de betrokkenheid", .representatives: "Bewonersvereniging",
                           .feedbackPlan: "Verslag in het dorpsblad"])
        let event = try XCTUnwrap(accepted(Validator(state: s, today: today).validate(.participation, draft)))
        fold(event, into: &s)
        let p = try XCTUnwrap(s.participation[RecordID(.participation, 1)]).value
        XCTAssertEqual(p.override, true)
        XCTAssertEqual(p.representatives, "Bewonersvereniging")
        XCTAssertEqual(p.feedbackPlan, "Verslag in het dorpsblad")
        XCTAssertEqual(p.reason, "Gezamenlijke opruimdag vergroot de betrokkenheid")
    }

    // MARK: - At most 5 active priorities per wijk

    private func priority(_ n: Int, _ wijk: String?, kern: String = "Delfgauw", theme: Theme = .verkeer) -> Event {
        .prioritySet(PrioritySet(id: RecordID(.priority, n), kern: kern, wijk: wijk, theme: theme, text: "Prioriteit \(n)"))
    }

    private func priorityDraft(_ wijk: String, theme: String = "groen") -> Draft {
        Draft([.wijk: wijk, .theme: theme, .text: "Nieuwe prioriteit"])
    }

    func testFifthPriorityIsAcceptedAndTheSixthRefusedNamingTheRule() throws {
        var s = state((1...4).map { priority($0, "Emerald") })
        let fifth = try XCTUnwrap(accepted(Validator(state: s, today: today).validate(.priority, priorityDraft("Emerald"))))
        guard case .prioritySet(let p) = fifth else { return XCTFail("\(fifth)") }
        XCTAssertEqual(p.id, RecordID(.priority, 5))
        fold(fifth, into: &s)
        XCTAssertEqual(s.activePriorities(wijk: "Emerald", kern: "Delfgauw").count, 5)

        let r = try XCTUnwrap(refusal(Validator(state: s, today: today).validate(.priority, priorityDraft("emerald"))))
        XCTAssertEqual(r.problems, [FieldProblem(.reason, .priorityCap("Emerald", ["P-1", "P-2", "P-3", "P-4", "P-5"]))])
        let text = r.problems[0].message.nl
        XCTAssertTrue(text.contains("\"Gestreefd wordt naar maximaal 5 prioriteiten voor intensief beheer per wijk\""), "quotes the plan: \(text)")
        XCTAssertTrue(text.contains("beleidsplan 1.2"), "names where the rule comes from: \(text)")
        XCTAssertTrue(text.contains("Sluit er een af"), "suggests closing one: \(text)")
        XCTAssertTrue(text.contains("geef een reden"), "or giving a reason: \(text)")
        XCTAssertTrue(text.contains("close priority"), "says how to close one from the CLI: \(text)")
        XCTAssertTrue(text.contains("P-1") && text.contains("P-5"), text)
    }

    func testAfterClosingAPriorityANewOneIsAccepted() throws {
        var s = state((1...5).map { priority($0, "Emerald") })
        XCTAssertNotNil(refusal(Validator(state: s, today: today).validate(.priority, priorityDraft("Emerald"))))

        let close = try XCTUnwrap(accepted(Validator(state: s, today: today).validate(.closePriority, Draft([.reason: "Bereikt"]),
                                                                                       target: RecordID(.priority, 2))))
        XCTAssertEqual(close, .priorityClosed(PriorityClosed(ref: RecordID(.priority, 2), reason: "Bereikt")))
        fold(close, into: &s)
        XCTAssertEqual(s.activePriorities(wijk: "Emerald", kern: "Delfgauw").map(\.id.description), ["P-1", "P-3", "P-4", "P-5"])

        // Closing it twice is refused; closing something that is no priority too.
        let again = try XCTUnwrap(refusal(Validator(state: s, today: today).validate(.closePriority, Draft(), target: RecordID(.priority, 2))))
        XCTAssertEqual(again.problems, [FieldProblem(.id, .alreadyClosed("P-2"))])
        XCTAssertNotNil(refusal(Validator(state: s, today: today).validate(.closePriority, Draft(), target: RecordID(.priority, 9))))

        let sixth = try XCTUnwrap(accepted(Validator(state: s, today: today).validate(.priority, priorityDraft("Emerald"))))
        guard case .prioritySet(let p) = sixth else { return XCTFail("\(sixth)") }
        XCTAssertEqual(p.id, RecordID(.priority, 6))
        fold(sixth, into: &s)
        XCTAssertNotNil(refusal(Validator(state: s, today: today).validate(.priority, priorityDraft("Emerald"))), "five active again")
    }

    func testWithdrawnAndClosedPrioritiesDoNotCount() throws {
        let s = state((1...7).map { priority($0, "Emerald") } + [
            .entryWithdrawn(EntryWithdrawn(ref: RecordID(.priority, 1), reason: "dubbel")),
            .priorityClosed(PriorityClosed(ref: RecordID(.priority, 3), reason: nil)),
            .priorityClosed(PriorityClosed(ref: RecordID(.priority, 6), reason: "afgerond")),
        ])
        XCTAssertEqual(s.activePriorities(wijk: "Emerald", kern: "Delfgauw").map(\.id.description), ["P-2", "P-4", "P-5", "P-7"])
        XCTAssertNotNil(accepted(Validator(state: s, today: today).validate(.priority, priorityDraft("Emerald"))), "4 active: a 5th fits")
    }

    func testTheCapHoldsPerWijkAndForTheWholeKernSeparately() throws {
        let s = state((1...5).map { priority($0, "Emerald") } + (6...9).map { priority($0, "Oud Delfgauw") }
                      + [priority(10, "De Venen", kern: "Nootdorp")])
        let v = Validator(state: s, today: today)
        XCTAssertNotNil(refusal(v.validate(.priority, priorityDraft("Emerald"))))
        XCTAssertNotNil(accepted(v.validate(.priority, priorityDraft("Oud Delfgauw"))), "Oud Delfgauw has 4")
        XCTAssertNotNil(accepted(v.validate(.priority, priorityDraft("Delfgauw"))), "the kern as a whole has none of its own")
        XCTAssertNotNil(accepted(v.validate(.priority, priorityDraft("De Venen"))))
        XCTAssertNotNil(accepted(v.validate(.priority, priorityDraft("Zuidpolder/Noordpolder"))))

        // The plan's aim is per wijk (beleidsplan 1.2): the kern as a whole is not capped, and five for the
        // whole kern do not block its wijken.
        let kern = state((1...5).map { priority($0, nil) })
        let kv = Validator(state: kern, today: today)
        XCTAssertNotNil(accepted(kv.validate(.priority, priorityDraft("Delfgauw"))), "a sixth for the whole kern")
        XCTAssertNotNil(accepted(kv.validate(.priority, priorityDraft("Emerald"))))
    }

    func testTheCapAppliesToEveryKindOfWijk() throws {
        let byKind: [(wijk: String, kind: WijkKind)] = [("Zuidpolder/Noordpolder", .beheer), ("Emerald", .intensief),
                                                        ("Oud Delfgauw", .ontwikkeling), ("Klapwijk", .beheer),
                                                        ("Tolhek", .intensief), ("Pijnacker-Noord", .ontwikkeling)]
        XCTAssertEqual(Set(byKind.map(\.kind)), Set(WijkKind.allCases))
        for (wijk, kind) in byKind {
            let place = try XCTUnwrap(reference.place(named: wijk))
            var s = state([])
            XCTAssertEqual(s.kind(ofWijk: wijk), kind, wijk)
            for n in 1...5 {
                let e = try XCTUnwrap(accepted(Validator(state: s, today: today).validate(.priority, priorityDraft(wijk)), "\(wijk) #\(n)"))
                fold(e, into: &s)
            }
            let r = try XCTUnwrap(refusal(Validator(state: s, today: today).validate(.priority, priorityDraft(wijk)), wijk))
            XCTAssertEqual(r.problems.map(\.field), [.reason], wijk)
            XCTAssertEqual(r.problems[0].message, .priorityCap(wijk, (1...5).map { "P-\($0)" }), wijk)
            XCTAssertEqual(s.activePriorities(wijk: wijk, kern: place.kern).count, 5, wijk)
        }
    }

    func testPriorityInABeheerWijkWarnsButIsAccepted() throws {
        var s = state([])
        let v = Validator(state: s, today: today)
        // No kern/wijkenplan is recorded here and no residents' involvement given: those notes come too.
        let notes: [Text] = [.plan(.noPlanNote("Delfgauw")), .plan(.involvementNote)]
        XCTAssertEqual(v.warnings(.priority, priorityDraft("Zuidpolder/Noordpolder")), [.priorityInBeheerWijk("Zuidpolder/Noordpolder")] + notes)
        XCTAssertEqual(v.warnings(.priority, priorityDraft("klapwijk")),
                       [.priorityInBeheerWijk("Klapwijk"), .plan(.noPlanNote("Pijnacker")), .plan(.involvementNote)])
        XCTAssertTrue(v.warnings(.priority, priorityDraft("Zuidpolder/Noordpolder"))[0].nl.contains("beheerwijk"))
        XCTAssertNotNil(accepted(v.validate(.priority, priorityDraft("Zuidpolder/Noordpolder"))), "a warning, not a refusal")
        for wijk in ["Emerald", "Oud Delfgauw", "Delfgauw"] {
            XCTAssertEqual(v.warnings(.priority, priorityDraft(wijk)), notes, wijk)
        }
        XCTAssertEqual(v.warnings(.signal, Draft([.wijk: "Zuidpolder/Noordpolder"])), [], "only priorities warn")
        XCTAssertEqual(v.warnings(.priority, priorityDraft("Atlantis")), [], "an unknown wijk is refused elsewhere, not warned about")

        // The kind counts as it is now: a decided change makes the warning appear or go.
        fold(.decisionTaken(DecisionTaken(id: RecordID(.decision, 1), kern: "Delfgauw", wijk: nil, text: "Soorten wijk herzien")), into: &s)
        fold(.wijkKindChanged(WijkKindChanged(wijk: "Zuidpolder/Noordpolder", kind: .intensief, decision: RecordID(.decision, 1))), into: &s)
        fold(.wijkKindChanged(WijkKindChanged(wijk: "Emerald", kind: .beheer, decision: RecordID(.decision, 1))), into: &s)
        let after = Validator(state: s, today: today)
        XCTAssertEqual(after.warnings(.priority, priorityDraft("Zuidpolder/Noordpolder")), notes)
        XCTAssertEqual(after.warnings(.priority, priorityDraft("Emerald")), [.priorityInBeheerWijk("Emerald")] + notes)
    }

    // MARK: - A reason is required

    func testEveryReasonRequiredCase() throws {
        let s = state([
            .actionCreated(ActionCreated(id: RecordID(.action, 1), kern: "Delfgauw", wijk: "Emerald", title: "Bankje", owner: "Gemeente beheer")),
            .signalRecorded(SignalRecorded(id: RecordID(.signal, 1), kern: "Delfgauw", wijk: "Emerald", theme: .wonen, source: .bewoner,
                                           text: "Paspoort verlopen", date: today)),
            .initiativeRecorded(InitiativeRecorded(id: RecordID(.initiative, 1), kern: "Delfgauw", wijk: "Emerald",
                                                   text: "Straatfeest", date: today)),
        ])
        let v = Validator(state: s, today: today)
        let cases: [(kind: DraftKind, draft: [DraftField: String], target: RecordID, message: Text, field: DraftField)] = [
            (.status, [.status: "vervallen"], RecordID(.action, 1), .reasonRequiredToDrop, .reason),
            (.triageSignal, [.route: "buiten-scope"], RecordID(.signal, 1), .reasonRequiredOutOfScope, .reason),
            (.triageInitiative, [.outcome: "niet-uitvoerbaar"], RecordID(.initiative, 1), .reasonRequiredNotExecutable, .reason),
            (.participation, [.wijk: "Emerald", .topic: "Groen", .work: "beheer", .phase: "planvorming", .level: "consulteren"],
             RecordID(.signal, 1), .levelOutsideRange(level: "consulteren", work: "beheer", phase: "planvorming", range: "niet … niet",
                                                      zelfbeheerRule: false), .level),
        ]
        for c in cases {
            for blank in [nil, "", "  \n "] as [String?] {
                var draft = Draft(c.draft)
                draft[.reason] = blank
                let r = try XCTUnwrap(refusal(v.validate(c.kind, draft, target: c.target), "\(c.kind) reason \(blank.debugDescription)"))
                // A level outside the range is resolved by a reason: the problem says so (a form moves the cursor there).
                XCTAssertEqual(r.problems, [FieldProblem(c.field, c.message, fix: c.field == .level ? .reason : nil)], "\(c.kind)")
            }
            var draft = Draft(c.draft)
            draft[.reason] = "Een goede reden"
            let e = try XCTUnwrap(accepted(v.validate(c.kind, draft, target: c.target), "\(c.kind)"))
            switch e {
            case .actionStatusChanged(let x): XCTAssertEqual(x, ActionStatusChanged(ref: c.target, status: .vervallen, reason: "Een goede reden"))
            case .signalTriaged(let x): XCTAssertEqual(x, SignalTriaged(ref: c.target, route: .buitenScope, reason: "Een goede reden", date: today))
            case .initiativeTriaged(let x):
                XCTAssertEqual(x, InitiativeTriaged(ref: c.target, outcome: .nietUitvoerbaar, reason: "Een goede reden", date: today))
            case .participationSet(let x):
                XCTAssertEqual(x.override, true); XCTAssertEqual(x.reason, "Een goede reden"); XCTAssertEqual(x.about, c.target)
            default: XCTFail("unexpected \(e)")
            }
        }
        XCTAssertTrue(Text.reasonRequiredOutOfScope.nl.contains("reden"))
        XCTAssertTrue(Text.reasonRequiredNotExecutable.nl.contains("reden"))
    }

    func testOtherRoutesOutcomesAndStatusesNeedNoReason() throws {
        let s = state([
            .actionCreated(ActionCreated(id: RecordID(.action, 1), kern: "Delfgauw", wijk: "Emerald", title: "Bankje", owner: "Gemeente beheer")),
            .signalRecorded(SignalRecorded(id: RecordID(.signal, 1), kern: "Delfgauw", wijk: "Emerald", theme: .wonen, source: .bewoner,
                                           text: "Losse tegel", date: today)),
            .initiativeRecorded(InitiativeRecorded(id: RecordID(.initiative, 1), kern: "Delfgauw", wijk: "Emerald", text: "Straatfeest", date: today)),
        ])
        let v = Validator(state: s, today: today)
        for route in SignalRoute.allCases where route != .buitenScope {
            XCTAssertEqual(try v.validate(.triageSignal, Draft([.route: route.rawValue]), target: RecordID(.signal, 1)).get(),
                           .signalTriaged(SignalTriaged(ref: RecordID(.signal, 1), route: route, reason: nil, date: today)))
        }
        for outcome in InitiativeOutcome.allCases where outcome != .nietUitvoerbaar {
            XCTAssertEqual(try v.validate(.triageInitiative, Draft([.outcome: outcome.rawValue]), target: RecordID(.initiative, 1)).get(),
                           .initiativeTriaged(InitiativeTriaged(ref: RecordID(.initiative, 1), outcome: outcome, reason: nil, date: today)))
        }
        for status in ActionStatus.allCases where status != .vervallen && status != .open {
            XCTAssertNotNil(accepted(v.validate(.status, Draft([.status: status.rawValue]), target: RecordID(.action, 1)), status.rawValue))
        }
        // Triage targets must be of the right kind.
        XCTAssertEqual(try XCTUnwrap(refusal(v.validate(.triageSignal, Draft([.route: "opgelost"]), target: RecordID(.initiative, 1)))).problems,
                       [FieldProblem(.id, .unknownRecord("I-1"))])
        XCTAssertEqual(try XCTUnwrap(refusal(v.validate(.triageInitiative, Draft([.outcome: "direct"]), target: RecordID(.signal, 1)))).problems,
                       [FieldProblem(.id, .unknownRecord("S-1"))])
    }

    // MARK: - Recurrence: a theme that keeps coming back becomes a wijkaanpak proposal

    private func signal(_ n: Int, _ date: Day, wijk: String? = "Emerald", theme: Theme = .spelen, kern: String = "Delfgauw",
                        source: SignalSource = .bewoner) -> Event {
        .signalRecorded(SignalRecorded(id: RecordID(.signal, n), kern: kern, wijk: wijk, theme: theme, source: source,
                                       text: "Signaal \(n)", date: date))
    }

    private func ids(_ numbers: Int...) -> [RecordID] { numbers.map { RecordID(.signal, $0) } }

    func testOneSignalShortOfTheCountGivesNoProposal() {
        let s = state([signal(1, day(2009, 1, 10)), signal(2, day(2009, 2, 10)),
                       // The same theme elsewhere and another theme here do not add up for Emerald …
                       signal(3, day(2009, 2, 11), wijk: "Oud Delfgauw"), signal(4, day(2009, 2, 12), theme: .groen),
                       signal(5, day(2009, 2, 13), wijk: nil)])
        XCTAssertEqual(Settings().recurrenceCount, 3)
        XCTAssertEqual(Settings().recurrenceMonths, 6)
        XCTAssertEqual(s.recurrenceProposals(settings: Settings()).filter { $0.wijk != nil }, [])
        // … but they do across the kern (beleidsplan 1.2: "in een wijk of kern"; see PlanCycleRuleTests).
        XCTAssertEqual(s.recurrenceProposals(settings: Settings()).map(\.key), ["Delfgauw/spelen"])
        XCTAssertEqual(s.recurrenceProposals(settings: Settings()).first?.signals, ids(1, 2, 3, 5))
    }

    func testExactlyTheCountGivesAProposalWithThoseSignals() throws {
        let s = state([signal(1, day(2009, 1, 10)), signal(2, day(2009, 3, 1), theme: .groen), signal(3, day(2009, 2, 10)),
                       signal(4, day(2009, 3, 5), wijk: "Oud Delfgauw"), signal(5, day(2009, 3, 16))])
        // The Oud Delfgauw signal makes a kern-wide proposal as well (tested in PlanCycleRuleTests).
        let proposals = s.recurrenceProposals(settings: Settings()).filter { $0.wijk != nil }
        XCTAssertEqual(proposals.count, 1)
        let p = try XCTUnwrap(proposals.first)
        XCTAssertEqual(p.kern, "Delfgauw")
        XCTAssertEqual(p.wijk, "Emerald")
        XCTAssertEqual(p.theme, .spelen)
        XCTAssertEqual(p.signals, ids(1, 3, 5), "exactly the recurring signals, oldest first")
        XCTAssertEqual(proposals.first?.key, "Emerald/spelen")
        XCTAssertEqual(proposals.first?.place, "Emerald")
    }

    func testTheWindowIsLessThanTheConfiguredCalendarMonths() {
        // 15 January + 6 months = 15 July: a signal on that day is just outside the window.
        let outside = state([signal(1, day(2009, 1, 15)), signal(2, day(2009, 4, 1)), signal(3, day(2009, 7, 15))])
        XCTAssertEqual(day(2009, 1, 15).addingMonths(6), day(2009, 7, 15))
        XCTAssertEqual(outside.recurrenceProposals(settings: Settings()), [], "exactly 6 months apart is not within 6 months")

        let inside = state([signal(1, day(2009, 1, 15)), signal(2, day(2009, 4, 1)), signal(3, day(2009, 7, 14))])
        XCTAssertEqual(inside.recurrenceProposals(settings: Settings()).map(\.signals), [ids(1, 2, 3)])

        // Calendar months clamp to the month's end: 31 August + 6 months = 28 February.
        XCTAssertEqual(day(2009, 8, 31).addingMonths(6), day(2010, 2, 28))
        XCTAssertEqual(day(2011, 8, 31).addingMonths(6), day(2012, 2, 29), "leap year")
        XCTAssertEqual(day(2009, 10, 31).addingMonths(-8), day(2009, 2, 28))
        let clampedOut = state([signal(1, day(2009, 8, 31)), signal(2, day(2009, 12, 1)), signal(3, day(2010, 2, 28))])
        XCTAssertEqual(clampedOut.recurrenceProposals(settings: Settings()), [])
        let clampedIn = state([signal(1, day(2009, 8, 31)), signal(2, day(2009, 12, 1)), signal(3, day(2010, 2, 27))])
        XCTAssertEqual(clampedIn.recurrenceProposals(settings: Settings()).map(\.signals), [ids(1, 2, 3)])
    }

    func testALaterWindowCanHoldEnoughEvenIfTheFirstSignalIsTooOld() {
        // S-1 is too old for S-4, but S-2, S-3 and S-4 lie within 6 months of each other.
        let s = state([signal(1, day(2008, 9, 1)), signal(2, day(2009, 1, 5)), signal(3, day(2009, 3, 1)), signal(4, day(2009, 5, 1))])
        XCTAssertEqual(s.recurrenceProposals(settings: Settings()).map(\.signals), [ids(2, 3, 4)],
                       "the latest window that holds enough signals")
    }

    func testConfigurableCountAndWindow() throws {
        let settings = Settings(recurrenceCount: 4, recurrenceMonths: 3)
        let three = state([signal(1, day(2009, 1, 10)), signal(2, day(2009, 1, 20)), signal(3, day(2009, 2, 1))])
        XCTAssertEqual(three.recurrenceProposals(settings: settings), [], "3 is not enough when 4 are needed")
        XCTAssertEqual(three.recurrenceProposals(settings: Settings()).count, 1, "but it is with the default of 3")

        let four = state([signal(1, day(2009, 1, 10)), signal(2, day(2009, 1, 20)), signal(3, day(2009, 2, 1)), signal(4, day(2009, 4, 9))])
        XCTAssertEqual(four.recurrenceProposals(settings: settings).map(\.signals), [ids(1, 2, 3, 4)], "4 within less than 3 months")

        let late = state([signal(1, day(2009, 1, 10)), signal(2, day(2009, 1, 20)), signal(3, day(2009, 2, 1)), signal(4, day(2009, 4, 10))])
        XCTAssertEqual(late.recurrenceProposals(settings: settings), [], "10 April is 3 months after 10 January: outside")
        XCTAssertEqual(late.recurrenceProposals(settings: Settings()).map(\.signals), [ids(1, 2, 3, 4)], "inside the default 6 months")

        // Settings decode from the file's snake_case keys, with defaults for what is missing.
        let decoded = try JSONDecoder().decode(Settings.self, from: Data(#"{"recurrence_count": 4, "recurrence_months": 3}"#.utf8))
        XCTAssertEqual(decoded, Settings(recurrenceCount: 4, recurrenceMonths: 3))
        XCTAssertEqual(decoded.initiativeTermWeeks, 4)
    }

    func testWithdrawnAndOutOfScopeSignalsDoNotCount() {
        let base = [signal(1, day(2009, 1, 10)), signal(2, day(2009, 2, 10)), signal(3, day(2009, 3, 10))]
        XCTAssertEqual(state(base).recurrenceProposals(settings: Settings()).count, 1)

        let withdrawn = state(base + [.entryWithdrawn(EntryWithdrawn(ref: RecordID(.signal, 2), reason: "dubbel"))])
        XCTAssertEqual(withdrawn.recurrenceProposals(settings: Settings()), [])

        let outOfScope = state(base + [.signalTriaged(SignalTriaged(ref: RecordID(.signal, 3), route: .buitenScope, reason: "individueel",
                                                                      date: today))])
        XCTAssertEqual(outOfScope.recurrenceProposals(settings: Settings()), [])

        // Other routes still count: a problem solved at once can still be coming back.
        let solved = state(base + [.signalTriaged(SignalTriaged(ref: RecordID(.signal, 3), route: .opgelost, reason: nil, date: today))])
        XCTAssertEqual(solved.recurrenceProposals(settings: Settings()).map(\.signals), [ids(1, 2, 3)])

        // A fourth signal makes up for the withdrawn one.
        let refilled = state(base + [.entryWithdrawn(EntryWithdrawn(ref: RecordID(.signal, 2), reason: "dubbel")),
                                     signal(4, day(2009, 3, 12))])
        XCTAssertEqual(refilled.recurrenceProposals(settings: Settings()).map(\.signals), [ids(1, 3, 4)])
    }

    func testAcceptedProposalIsNoLongerProposedAndRoutesItsSignalsToWijkaanpak() throws {
        var s = state([signal(1, day(2009, 1, 10)), signal(2, day(2009, 2, 10)), signal(3, day(2009, 3, 10)),
                       signal(4, day(2009, 3, 11), theme: .groen)])
        let v = Validator(state: s, today: today)
        let e = try XCTUnwrap(accepted(v.validate(.proposal, Draft([.wijk: "emerald", .theme: "spelen", .choice: "accepteren"]),
                                                  meeting: RecordID(.meeting, 1))))
        XCTAssertEqual(e, .proposalDecided(ProposalDecided(kern: "Delfgauw", wijk: "Emerald", theme: .spelen, signals: ids(1, 2, 3),
                                                           accepted: true, reason: nil, meeting: RecordID(.meeting, 1))))
        fold(e, into: &s)
        XCTAssertEqual(s.recurrenceProposals(settings: Settings()), [])
        for id in ids(1, 2, 3) {
            XCTAssertEqual(s.signalTriage[id]?.route, .wijkaanpak, "\(id)")
        }
        XCTAssertNil(s.signalTriage[RecordID(.signal, 4)], "a signal outside the proposal keeps its (missing) route")

        // Deciding again is refused: there is no open proposal.
        let again = try XCTUnwrap(refusal(Validator(state: s, today: today).validate(.proposal, Draft([.wijk: "Emerald", .theme: "spelen",
                                                                                                         .choice: "afwijzen"]))))
        XCTAssertEqual(again.problems, [FieldProblem(.theme, .noProposal("Emerald", "spelen"))])

        // Only new signals make a new proposal.
        fold(signal(5, day(2009, 4, 1)), into: &s)
        fold(signal(6, day(2009, 4, 2)), into: &s)
        XCTAssertEqual(s.recurrenceProposals(settings: Settings()), [])
        fold(signal(7, day(2009, 4, 3)), into: &s)
        XCTAssertEqual(s.recurrenceProposals(settings: Settings()).map(\.signals), [ids(5, 6, 7)])
    }

    func testAProposalNamesEveryRecurringSignalInItsWindowSoDecidingItIsFinal() throws {
        // Five signals, all within less than 6 months of each other: one recurrence, one proposal with all five.
        var s = state([signal(1, day(2009, 1, 27)), signal(2, day(2009, 2, 3)), signal(3, day(2009, 2, 17)),
                       signal(4, day(2009, 3, 26)), signal(5, day(2009, 4, 4))])
        XCTAssertEqual(s.recurrenceProposals(settings: Settings()).map(\.signals), [ids(1, 2, 3, 4, 5)])
        let e = try XCTUnwrap(accepted(Validator(state: s, today: today).validate(.proposal, Draft([
            .wijk: "Emerald", .theme: "spelen", .choice: "accepteren",
        ]))))
        fold(e, into: &s)
        XCTAssertEqual(s.recurrenceProposals(settings: Settings()), [], "accepting must not leave a second proposal of the same signals")
        for id in ids(1, 2, 3, 4, 5) { XCTAssertEqual(s.signalTriage[id]?.route, .wijkaanpak, "\(id)") }
    }

    func testDismissedProposalIsNoLongerProposedAndLeavesRoutesAlone() throws {
        var s = state([signal(1, day(2009, 1, 10)), signal(2, day(2009, 2, 10)), signal(3, day(2009, 3, 10)),
                       signal(4, day(2009, 3, 1), wijk: "Oud Delfgauw", theme: .verkeer),
                       signal(5, day(2009, 3, 2), wijk: "Oud Delfgauw", theme: .verkeer),
                       signal(6, day(2009, 3, 3), wijk: "Oud Delfgauw", theme: .verkeer)])
        XCTAssertEqual(s.recurrenceProposals(settings: Settings()).map(\.key), ["Emerald/spelen", "Oud Delfgauw/verkeer"])
        let e = try XCTUnwrap(accepted(Validator(state: s, today: today).validate(.proposal, Draft([
            .wijk: "Emerald", .theme: "spelen", .choice: "afwijzen", .reason: "Wordt al aangepakt via de speelplek",
        ]))))
        guard case .proposalDecided(let d) = e else { return XCTFail("\(e)") }
        XCTAssertFalse(d.accepted)
        XCTAssertEqual(d.signals, ids(1, 2, 3))
        fold(e, into: &s)
        XCTAssertEqual(s.recurrenceProposals(settings: Settings()).map(\.key), ["Oud Delfgauw/verkeer"], "the other wijk stays proposed")
        for id in ids(1, 2, 3) { XCTAssertNil(s.signalTriage[id], "dismissing routes nothing: \(id)") }
    }

    func testProposalChoiceMustBeKnownAndTheProposalMustExist() throws {
        let s = state([signal(1, day(2009, 1, 10)), signal(2, day(2009, 2, 10))])
        let v = Validator(state: s, today: today)
        let none = try XCTUnwrap(refusal(v.validate(.proposal, Draft([.wijk: "Emerald", .theme: "spelen", .choice: "accepteren"]))))
        XCTAssertEqual(none.problems, [FieldProblem(.theme, .noProposal("Emerald", "spelen"))])
        let word = try XCTUnwrap(refusal(v.validate(.proposal, Draft([.wijk: "Emerald", .theme: "spelen", .choice: "misschien"]))))
        XCTAssertTrue(word.problems.contains(FieldProblem(.choice, .unknownChoice("misschien", options: ["accepteren", "afwijzen"]))))
    }

    // MARK: - Budgets, in cents

    /// An action whose cost is charged to the wijkbudget (unless `charged` is false).
    private func action(_ n: Int, _ wijk: String?, cost: Int?, due: Day? = nil, kern: String = "Delfgauw", charged: Bool = true) -> Event {
        .actionCreated(ActionCreated(id: RecordID(.action, n), kern: kern, wijk: wijk, title: "Actie \(n)", owner: "Wijkmanager",
                                     due: due, cost: cost.map { Money(cents: $0) }, wijkbudget: charged))
    }

    private func budget(_ n: Int, _ wijk: String?, year: Int = 2009, cents: Int, kern: String = "Delfgauw", decision: Int? = 1) -> Event {
        .budgetAllocated(BudgetAllocated(id: RecordID(.budget, n), kern: kern, wijk: wijk, year: year, amount: Money(cents: cents),
                                         decision: decision.map { RecordID(.decision, $0) }))
    }

    func testBudgetArithmeticCountsTheRightActionsToTheCent() throws {
        let s = state([
            .decisionTaken(DecisionTaken(id: RecordID(.decision, 1), kern: "Delfgauw", wijk: nil, text: "Budgetten 2009")),
            budget(1, "Emerald", cents: 500_000),
            budget(2, nil, cents: 100_000),
            action(1, "Emerald", cost: 123_456, due: day(2009, 5, 1)),
            action(2, "Emerald", cost: 1, due: day(2009, 12, 31)),
            action(3, "Emerald", cost: 10_000, due: day(2009, 6, 1)),      // dropped below
            action(4, "Emerald", cost: 20_000, due: day(2009, 6, 1)),      // withdrawn below
            action(5, "Emerald", cost: 40_000, due: day(2010, 1, 1)),      // another year, no budget
            action(6, "Emerald", cost: 99, due: nil),                      // no due date: the year it was recorded (2009)
            action(7, "Oud Delfgauw", cost: 25_050, due: day(2009, 9, 1)), // no wijk budget: the kern's
            action(8, nil, cost: 1_000, due: day(2009, 9, 1)),            // the whole kern
            action(9, "De Venen", cost: 5_000, due: day(2009, 9, 1), kern: "Nootdorp"), // other kern, no budget
            action(10, "Emerald", cost: nil, due: day(2009, 9, 1)),
            action(11, "Emerald", cost: 0, due: day(2009, 9, 1)),
            action(12, "Emerald", cost: 700, due: day(2009, 9, 1)),        // done still counts
            .actionStatusChanged(ActionStatusChanged(ref: RecordID(.action, 3), status: .vervallen, reason: "niet nodig")),
            .entryWithdrawn(EntryWithdrawn(ref: RecordID(.action, 4), reason: "dubbel")),
            .actionStatusChanged(ActionStatusChanged(ref: RecordID(.action, 12), status: .gereed)),
        ])
        let statuses = s.budgetStatuses()
        XCTAssertEqual(statuses.map(\.budget.id), [RecordID(.budget, 2), RecordID(.budget, 1)], "sorted by year, kern, wijk (kern first)")
        let emerald = try XCTUnwrap(statuses.first { $0.budget.wijk == "Emerald" })
        XCTAssertEqual(emerald.spending.map(\.action), [RecordID(.action, 1), RecordID(.action, 2), RecordID(.action, 6), RecordID(.action, 12)])
        XCTAssertEqual(emerald.spent, Money(cents: 123_456 + 1 + 99 + 700))
        XCTAssertEqual(emerald.remaining, Money(cents: 500_000 - 124_256))
        XCTAssertEqual(emerald.remaining.dutch, "€ 3.757,44")
        XCTAssertFalse(emerald.isOver)

        let kern = try XCTUnwrap(statuses.first { $0.budget.wijk == nil })
        XCTAssertEqual(kern.spending.map(\.action), [RecordID(.action, 7), RecordID(.action, 8)])
        XCTAssertEqual(kern.spent, Money(cents: 26_050))
        XCTAssertEqual(kern.spent.dutch, "€ 260,50")
        XCTAssertEqual(kern.remaining, Money(cents: 73_950))
    }

    func testOverBudgetFlagHasCentPrecision() throws {
        func status(_ costs: [Int]) throws -> BudgetStatus {
            let s = state([budget(1, "Zuidpolder/Noordpolder", cents: 10_000)]
                          + costs.enumerated().map { action($0.offset + 1, "Zuidpolder/Noordpolder", cost: $0.element, due: day(2009, 3, 1)) })
            return try XCTUnwrap(s.budgetStatuses().first)
        }
        let exact = try status([9_999, 1])
        XCTAssertEqual(exact.remaining, Money(cents: 0))
        XCTAssertFalse(exact.isOver, "spending the budget exactly is not over it")
        let over = try status([9_999, 2])
        XCTAssertEqual(over.remaining, Money(cents: -1))
        XCTAssertTrue(over.isOver, "one cent over is over")
        XCTAssertEqual(over.remaining.dutch, "€ -0,01")
        let under = try status([9_999])
        XCTAssertEqual(under.remaining.dutch, "€ 0,01")
        XCTAssertFalse(under.isOver)
    }

    func testAWithdrawnBudgetIsGoneAndItsCostsFallToTheKern() throws {
        let s = state([budget(1, "Emerald", cents: 50_000), budget(2, nil, cents: 80_000),
                       action(1, "Emerald", cost: 12_345, due: day(2009, 4, 1)),
                       .entryWithdrawn(EntryWithdrawn(ref: RecordID(.budget, 1), reason: "verkeerd bedrag"))])
        let statuses = s.budgetStatuses()
        XCTAssertEqual(statuses.map(\.budget.id), [RecordID(.budget, 2)])
        XCTAssertEqual(statuses.first?.spent, Money(cents: 12_345))
    }

    func testBudgetAndCostAmountsAreParsedToTheCentByTheValidator() throws {
        var s = state([.decisionTaken(DecisionTaken(id: RecordID(.decision, 1), kern: "Delfgauw", wijk: "Emerald", text: "Budget",
                                                    body: .stuurgroep, date: Day(year: 2009, month: 3, day: 5)!))])
        let v = Validator(state: s, today: today)
        let b = try XCTUnwrap(accepted(v.validate(.budget, Draft([.wijk: "Emerald", .year: "2009", .amount: "€ 7.500,01", .decision: "B-1"]))))
        XCTAssertEqual(b, .budgetAllocated(BudgetAllocated(id: RecordID(.budget, 1), kern: "Delfgauw", wijk: "Emerald", year: 2009,
                                                           amount: Money(cents: 750_001), decision: RecordID(.decision, 1))))
        fold(b, into: &s)
        let a = try XCTUnwrap(accepted(Validator(state: s, today: today).validate(.action, Draft([
            .title: "Speeltoestel", .wijk: "Emerald", .owner: "Gemeente beheer", .cost: "7500,02", .due: "2009-06-01",
            .wijkbudget: "ja", .reason: "Een cent over, bewust",
        ]))))
        fold(a, into: &s)
        let status = try XCTUnwrap(s.budgetStatuses().first)
        XCTAssertEqual(status.spent, Money(cents: 750_002))
        XCTAssertEqual(status.remaining, Money(cents: -1))
        XCTAssertTrue(status.isOver)

        let v2 = Validator(state: s, today: today)
        XCTAssertEqual(try XCTUnwrap(refusal(v2.validate(.budget, Draft([.wijk: "Emerald", .year: "2009", .amount: "100"])))).problems,
                       [FieldProblem(.year, .budgetExists("Emerald", 2009))], "one budget per wijk and year")
        XCTAssertNotNil(accepted(v2.validate(.budget, Draft([.wijk: "Emerald", .year: "2010", .amount: "100"]))))
        for amount in ["0", "-5", "veel", "1,234"] {
            XCTAssertEqual(try XCTUnwrap(refusal(v2.validate(.budget, Draft([.wijk: "Oud Delfgauw", .year: "2009", .amount: amount])), amount)).problems,
                           [FieldProblem(.amount, .badAmount(amount))], amount)
        }
        XCTAssertEqual(try XCTUnwrap(refusal(v2.validate(.budget, Draft([.wijk: "Oud Delfgauw", .year: "2009", .amount: "10",
                                                                          .decision: "B-7"])))).problems,
                       [FieldProblem(.decision, .unknownRecord("B-7"))])
    }

    // MARK: - Citizen initiatives: fast turnaround

    private func initiative(_ n: Int, _ date: Day, wijk: String? = "Emerald") -> Event {
        .initiativeRecorded(InitiativeRecorded(id: RecordID(.initiative, n), kern: "Delfgauw", wijk: wijk, text: "Initiatief \(n)", date: date))
    }

    func testInitiativeIsOverdueAfterTheTermAndNotOnceTriaged() throws {
        var s = state([initiative(1, day(2009, 3, 1))])
        let i = try XCTUnwrap(s.initiatives[RecordID(.initiative, 1)]).value
        let term = Settings().initiativeTermWeeks
        XCTAssertEqual(term, 4, "default term: 4 weeks")
        XCTAssertEqual(i.age(today: day(2009, 3, 29)), 28)
        XCTAssertFalse(i.isOverdue(today: day(2009, 3, 29), termWeeks: term), "exactly 4 weeks is still in time")
        XCTAssertTrue(i.isOverdue(today: day(2009, 3, 30), termWeeks: term), "a day later it is overdue")
        // The term is configurable: 15 days is in time with 3 weeks, late with 2.
        XCTAssertFalse(i.isOverdue(today: day(2009, 3, 16), termWeeks: 3))
        XCTAssertTrue(i.isOverdue(today: day(2009, 3, 16), termWeeks: 2))
        XCTAssertFalse(i.isOverdue(today: day(2009, 3, 15), termWeeks: 2), "exactly 2 weeks is still in time")
        XCTAssertNil(i.turnaround)

        let triage = try XCTUnwrap(accepted(Validator(state: s, today: day(2009, 4, 14)).validate(
            .triageInitiative, Draft([.outcome: "inplannen"]), target: RecordID(.initiative, 1))))
        fold(triage, into: &s)
        let triaged = try XCTUnwrap(s.initiatives[RecordID(.initiative, 1)]).value
        XCTAssertEqual(triaged.outcome, .inplannen)
        XCTAssertEqual(triaged.triagedOn, day(2009, 4, 14))
        XCTAssertEqual(triaged.turnaround, 44)
        XCTAssertFalse(triaged.isOverdue(today: day(2009, 12, 31), termWeeks: term), "a triaged initiative is never overdue")

        let same = try XCTUnwrap(refusal(Validator(state: s, today: today).validate(.triageInitiative, Draft([.outcome: "inplannen"]),
                                                                                       target: RecordID(.initiative, 1))))
        XCTAssertEqual(same.problems, [FieldProblem(.outcome, .statusUnchanged("inplannen"))])
        XCTAssertNotNil(accepted(Validator(state: s, today: today).validate(.triageInitiative, Draft([.outcome: "direct"]),
                                                                             target: RecordID(.initiative, 1))), "an outcome can change")
    }

    func testInitiativeIsRecordedWithTodayAsDefaultDate() throws {
        let e = try XCTUnwrap(accepted(Validator(state: state([]), today: today).validate(.initiative, Draft([
            .wijk: "Oud Delfgauw", .text: "Moestuin bij de school", .initiator: "Ans", .contact: "06-1",
        ]))))
        guard case .initiativeRecorded(let i) = e else { return XCTFail("\(e)") }
        XCTAssertEqual(i.date, today)
        XCTAssertEqual(i.id, RecordID(.initiative, 1))
        XCTAssertNil(i.person, "personal data never goes into the event by the validator")
    }

    // MARK: - Feedback owed to residents

    func testFeedbackOwedIsOldestFirstAndDisappearsAfterFeedback() throws {
        var s = state([
            signal(1, day(2009, 3, 5), source: .bewoner),
            .signalRecorded(SignalRecorded(id: RecordID(.signal, 2), kern: "Delfgauw", wijk: "Emerald", theme: .groen, source: .meldpunt,
                                           text: "Via meldpunt, met naam", date: day(2009, 3, 1), person: "pd-1")),
            signal(3, day(2009, 2, 1), source: .politie),          // no resident behind it: owes nothing
            initiative(1, day(2009, 2, 20), wijk: nil),
            signal(4, day(2009, 1, 1), source: .bewoner),           // withdrawn below
            initiative(2, day(2009, 3, 5)),
            .entryWithdrawn(EntryWithdrawn(ref: RecordID(.signal, 4), reason: "dubbel")),
        ])
        XCTAssertEqual(s.feedbackOwed().map(\.id.description), ["I-1", "S-2", "I-2", "S-1"], "oldest first; same day by id")
        let first = try XCTUnwrap(s.feedbackOwed().first)
        XCTAssertEqual(first.since, day(2009, 2, 20))
        XCTAssertEqual(first.kern, "Delfgauw")
        XCTAssertNil(first.wijk)

        let v = Validator(state: s, today: today)
        let e = try XCTUnwrap(accepted(v.validate(.feedback, Draft([.how: "Gebeld door de wijkmanager"]), target: RecordID(.signal, 2))))
        XCTAssertEqual(e, .feedbackGiven(FeedbackGiven(ref: RecordID(.signal, 2), how: "Gebeld door de wijkmanager", date: today)))
        fold(e, into: &s)
        XCTAssertEqual(s.feedbackOwed().map(\.id.description), ["I-1", "I-2", "S-1"])
        fold(.feedbackGiven(FeedbackGiven(ref: RecordID(.initiative, 1), how: "Brief", date: day(2009, 3, 10))), into: &s)
        XCTAssertEqual(s.feedbackOwed().map(\.id.description), ["I-2", "S-1"])
        XCTAssertEqual(s.feedback[RecordID(.initiative, 1)]?.how, "Brief")

        XCTAssertEqual(try XCTUnwrap(refusal(v.validate(.feedback, Draft([.how: "Brief"]), target: RecordID(.action, 1)))).problems,
                       [FieldProblem(.id, .unknownRecord("A-1"))], "feedback goes with a signal or initiative")
        XCTAssertEqual(try XCTUnwrap(refusal(v.validate(.feedback, Draft(), target: RecordID(.signal, 1)))).problems,
                       [FieldProblem(.how, .required)])
    }

    // MARK: - Kind of wijk changes only by decision

    func testWijkKindChangesOnlyWithAnExistingDecisionOfTheSameKern() throws {
        var s = state([
            .decisionTaken(DecisionTaken(id: RecordID(.decision, 1), kern: "Delfgauw", wijk: "Emerald", text: "Emerald wordt ontwikkelingswijk")),
            .decisionTaken(DecisionTaken(id: RecordID(.decision, 2), kern: "Nootdorp", wijk: "De Venen", text: "Iets in Nootdorp")),
            .decisionTaken(DecisionTaken(id: RecordID(.decision, 3), kern: "Delfgauw", wijk: nil, text: "Voor de hele kern")),
            .decisionTaken(DecisionTaken(id: RecordID(.decision, 4), kern: "Delfgauw", wijk: "Emerald", text: "Ingetrokken besluit")),
            .entryWithdrawn(EntryWithdrawn(ref: RecordID(.decision, 4), reason: "vergissing")),
        ])
        XCTAssertEqual(s.kind(ofWijk: "Emerald"), .intensief)
        let v = Validator(state: s, today: today)
        func problems(_ values: [DraftField: String]) throws -> [FieldProblem] {
            try XCTUnwrap(refusal(v.validate(.wijkKind, Draft(values)), "\(values)")).problems
        }
        XCTAssertEqual(try problems([.wijk: "Emerald", .kind: "ontwikkeling"]), [FieldProblem(.decision, .required)])
        XCTAssertEqual(try problems([.wijk: "Emerald", .kind: "ontwikkeling", .decision: "B-9"]), [FieldProblem(.decision, .unknownRecord("B-9"))])
        XCTAssertEqual(try problems([.wijk: "Emerald", .kind: "ontwikkeling", .decision: "S-1"]), [FieldProblem(.decision, .unknownRecord("S-1"))])
        XCTAssertEqual(try problems([.wijk: "Emerald", .kind: "ontwikkeling", .decision: "B-4"]), [FieldProblem(.decision, .unknownRecord("B-4"))],
                       "a withdrawn decision decides nothing")
        XCTAssertEqual(try problems([.wijk: "Emerald", .kind: "ontwikkeling", .decision: "B-2"]), [FieldProblem(.decision, .decisionOtherKern("B-2"))])
        XCTAssertEqual(try problems([.wijk: "Emerald", .kind: "intensief", .decision: "B-1"]), [FieldProblem(.kind, .statusUnchanged("intensief"))])
        XCTAssertEqual(try problems([.wijk: "Delfgauw", .kind: "beheer", .decision: "B-1"]), [FieldProblem(.wijk, .wijkNotKern("Delfgauw"))])
        XCTAssertEqual(s.kind(ofWijk: "Emerald"), .intensief, "nothing changed by refusals")

        let e = try XCTUnwrap(accepted(v.validate(.wijkKind, Draft([.wijk: "emerald", .kind: "Ontwikkeling", .decision: "b-1"]))))
        XCTAssertEqual(e, .wijkKindChanged(WijkKindChanged(wijk: "Emerald", kind: .ontwikkeling, decision: RecordID(.decision, 1))))
        fold(e, into: &s)
        XCTAssertEqual(s.kind(ofWijk: "Emerald"), .ontwikkeling)
        XCTAssertEqual(s.reference.wijk(named: "Emerald")?.kind, .intensief, "the reference data is not edited")

        // A decision about the whole kern can change the kind of one of its wijken.
        let k = try XCTUnwrap(accepted(Validator(state: s, today: today).validate(.wijkKind, Draft([.wijk: "Zuidpolder/Noordpolder",
                                                                                                     .kind: "intensief", .decision: "B-3"]))))
        fold(k, into: &s)
        XCTAssertEqual(s.kind(ofWijk: "Zuidpolder/Noordpolder"), .intensief)
        XCTAssertEqual(s.kind(ofWijk: "Oud Delfgauw"), .ontwikkeling, "others keep the reference kind")
    }
}
