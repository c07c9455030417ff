import Foundation
import XCTest
import KernteamDomain

final class ValidatorTests: XCTestCase {
    private var reference: ReferenceData!
    private var state: KernteamState!
    private let today = Day(year: 2009, month: 3, day: 17)!

    /// Every wijk in the shipped reference data, spelled as the user sees it.
    private let knownWijken = ["Oud Delfgauw", "Emerald", "Zuidpolder/Noordpolder", "Vrouwtjeslant/Nieuweveen",
                               "'s-Gravenhout", "De Venen", "Achter het Raadhuis", "Tolhek", "Pijnacker-Noord", "Klapwijk"]

    override func setUpWithError() throws {
        reference = try shippedReference()
        var f = EventFeed()
        f.add(.referenceSet(reference), role: .systeem)
        f.add(.meetingHeld(MeetingHeld(id: RecordID(.meeting, 1), kern: "Delfgauw", date: today)))
        f.add(.actionCreated(ActionCreated(id: RecordID(.action, 1), kern: "Delfgauw", wijk: "Emerald",
                                           title: "Stoeptegels herstellen", owner: "Gemeente beheer")))
        state = KernteamState(folding: f.events)
    }

    private var validator: Validator { Validator(state: state, today: today) }

    private func signalDraft(_ overrides: [DraftField: String] = [:]) -> Draft {
        var values: [DraftField: String] = [.wijk: "Emerald", .theme: "groen", .source: "bewoner", .text: "Losliggende stoeptegels"]
        values.merge(overrides) { $1 }
        return Draft(values)
    }

    private func actionDraft(_ overrides: [DraftField: String] = [:]) -> Draft {
        var values: [DraftField: String] = [.title: "Bankje plaatsen", .wijk: "Emerald", .owner: "Gemeente beheer"]
        values.merge(overrides) { $1 }
        return Draft(values)
    }

    private func refusal(_ result: Result<Event, Refusal>, file: StaticString = #filePath, line: UInt = #line) -> Refusal? {
        switch result {
        case .success(let e):
            XCTFail("expected a refusal, got \(e)", file: file, line: line)
            return nil
        case .failure(let r):
            return r
        }
    }

    private func signalEvent(_ result: Result<Event, Refusal>, file: StaticString = #filePath, line: UInt = #line) -> SignalRecorded? {
        guard case .success(.signalRecorded(let s)) = result else {
            XCTFail("expected a signal, got \(result)", file: file, line: line)
            return nil
        }
        return s
    }

    // MARK: - Places

    func testUnknownWijkIsRefusedAndTheMessageListsKnownWijken() throws {
        let r = try XCTUnwrap(refusal(validator.validate(.signal, signalDraft([.wijk: "Atlantis"]))))
        XCTAssertEqual(r.problems.map(\.field), [.wijk])
        let message = try XCTUnwrap(r.problems.first).message
        XCTAssertEqual(message, .unknownWijk("Atlantis", known: reference.placeNames))
        XCTAssertTrue(message.nl.contains("Atlantis"))
        for wijk in knownWijken {
            XCTAssertTrue(message.nl.contains(wijk), "message should list \(wijk): \(message.nl)")
        }
        XCTAssertEqual(r.lines.count, 1)
        XCTAssertTrue(r.lines[0].hasPrefix("Wijk: onbekende wijk 'Atlantis'"), r.lines[0])
    }

    func testWijkNamesIgnoreCaseSpacesAndApostropheStyle() throws {
        let cases: [(typed: String, kern: String, wijk: String)] = [
            ("oud delfgauw", "Delfgauw", "Oud Delfgauw"),
            ("  OUD DELFGAUW ", "Delfgauw", "Oud Delfgauw"),
            ("emerald", "Delfgauw", "Emerald"),
            ("'s-Gravenhout", "Nootdorp", "'s-Gravenhout"),
            ("'S-GRAVENHOUT", "Nootdorp", "'s-Gravenhout"),
            ("\u{2019}s-gravenhout", "Nootdorp", "'s-Gravenhout"),
            ("pijnacker-noord", "Pijnacker", "Pijnacker-Noord"),
        ]
        for c in cases {
            let s = try XCTUnwrap(signalEvent(validator.validate(.signal, signalDraft([.wijk: c.typed]))), c.typed)
            XCTAssertEqual(s.kern, c.kern, c.typed)
            XCTAssertEqual(s.wijk, c.wijk, c.typed)
            XCTAssertEqual(reference.place(named: c.typed), Place(kern: c.kern, wijk: c.wijk))
        }
        XCTAssertNil(reference.place(named: "s-Gravenhout"), "the apostrophe is part of the name")
        XCTAssertNil(reference.place(named: "Emerald-Noord"), "a buurt is not a wijk")
    }

    func testKernNameAsPlaceMeansTheWholeKern() throws {
        let s = try XCTUnwrap(signalEvent(validator.validate(.signal, signalDraft([.wijk: "nootdorp"]))))
        XCTAssertEqual(s.kern, "Nootdorp")
        XCTAssertNil(s.wijk)
        XCTAssertEqual(reference.place(named: "PIJNACKER"), Place(kern: "Pijnacker", wijk: nil))
        XCTAssertEqual(Place(kern: "Pijnacker", wijk: nil).label, "Pijnacker")
        XCTAssertEqual(Place(kern: "Nootdorp", wijk: "De Venen").label, "De Venen")
    }

    // MARK: - Signals

    func testValidSignalGetsNextIDAndDefaultsToToday() throws {
        let s = try XCTUnwrap(signalEvent(validator.validate(.signal, signalDraft([.buurt: "Emerald-Zuid"]), meeting: RecordID(.meeting, 1))))
        XCTAssertEqual(s.id, RecordID(.signal, 1))
        XCTAssertEqual(s.date, today)
        XCTAssertEqual(s.theme, .groen)
        XCTAssertEqual(s.source, .bewoner)
        XCTAssertEqual(s.buurt, "Emerald-Zuid")
        XCTAssertEqual(s.meeting, RecordID(.meeting, 1))

        // After the first signal is folded, the next one gets S-2.
        state.apply(LoggedEvent(seq: 4, timestamp: "t", role: .secretaris, event: .signalRecorded(s)))
        XCTAssertEqual(try XCTUnwrap(signalEvent(validator.validate(.signal, signalDraft()))).id, RecordID(.signal, 2))
    }

    func testSignalAcceptsDutchDateAndCaseInsensitiveChoices() throws {
        let s = try XCTUnwrap(signalEvent(validator.validate(.signal, signalDraft([.date: "01-03-2009", .theme: "Groen",
                                                                                .source: "SOCIAAL-PLATFORM"]))))
        XCTAssertEqual(s.date, Day(year: 2009, month: 3, day: 1))
        XCTAssertEqual(s.theme, .groen)
        XCTAssertEqual(s.source, .sociaalPlatform)
    }

    func testBadDateIsRefused() throws {
        let r = try XCTUnwrap(refusal(validator.validate(.signal, signalDraft([.date: "2009-02-30"]))))
        XCTAssertEqual(r.problems, [FieldProblem(.date, .badDate("2009-02-30"))])
        XCTAssertTrue(r.problems[0].message.nl.contains("2009-02-30"))

        let due = try XCTUnwrap(refusal(validator.validate(.action, actionDraft([.due: "31-04-2009"]))))
        XCTAssertEqual(due.problems, [FieldProblem(.due, .badDate("31-04-2009"))])
    }

    func testMissingRequiredFieldsAreEachNamed() throws {
        let r = try XCTUnwrap(refusal(validator.validate(.signal, Draft([.wijk: "Emerald", .text: "   "]))))
        XCTAssertEqual(Set(r.problems), [FieldProblem(.theme, .required), FieldProblem(.source, .required),
                                         FieldProblem(.text, .required)], "blank text counts as missing")

        let a = try XCTUnwrap(refusal(validator.validate(.action, Draft([.wijk: "Tolhek"]))))
        XCTAssertEqual(Set(a.problems.map(\.field)), [.title, .owner])
        XCTAssertTrue(a.problems.allSatisfy { $0.message == .required })

        let m = try XCTUnwrap(refusal(validator.validate(.meeting, Draft())))
        XCTAssertEqual(Set(m.problems.map(\.field)), [.kern, .date])
    }

    func testUnknownThemeAndSourceAreRefusedWithTheOptions() throws {
        let r = try XCTUnwrap(refusal(validator.validate(.signal, signalDraft([.theme: "weer", .source: "krant"]))))
        XCTAssertEqual(Set(r.problems), [
            FieldProblem(.theme, .unknownChoice("weer", options: Theme.allCases.map(\.rawValue))),
            FieldProblem(.source, .unknownChoice("krant", options: SignalSource.allCases.map(\.rawValue))),
        ])
        let themeText = try XCTUnwrap(r.problems.first { $0.field == .theme }).message.nl
        XCTAssertTrue(themeText.contains("groen") && themeText.contains("veiligheid") && themeText.contains("ouderen"), themeText)
    }

    func testTooLongTextIsRefused() throws {
        let long = String(repeating: "x", count: Validator.maxTextLength + 1)
        let r = try XCTUnwrap(refusal(validator.validate(.signal, signalDraft([.text: long]))))
        XCTAssertEqual(r.problems, [FieldProblem(.text, .tooLong(Validator.maxTextLength))])
        XCTAssertNotNil(signalEvent(validator.validate(.signal, signalDraft([.text: String(repeating: "x", count: Validator.maxTextLength)]))))
    }

    // MARK: - Actions

    func testValidActionUsesCanonicalOwnerAndParsesCost() throws {
        guard case .success(.actionCreated(let a)) = validator.validate(.action, actionDraft([
            .owner: "gemeente BEHEER", .cost: "1.250,50", .due: "01-04-2009", .wijk: "'s-gravenhout",
        ])) else { return XCTFail("action should be accepted") }
        XCTAssertEqual(a.id, RecordID(.action, 2), "A-1 exists already")
        XCTAssertEqual(a.owner, "Gemeente beheer")
        XCTAssertEqual(a.cost, Money(cents: 125_050))
        XCTAssertEqual(a.due, Day(year: 2009, month: 4, day: 1))
        XCTAssertEqual(a.kern, "Nootdorp")
        XCTAssertEqual(a.wijk, "'s-Gravenhout")
    }

    func testUnknownOwnerOrganisationIsRefusedWithTheKnownOnes() throws {
        let r = try XCTUnwrap(refusal(validator.validate(.action, actionDraft([.owner: "Brandweer"]))))
        XCTAssertEqual(r.problems, [FieldProblem(.owner, .unknownOrganisation("Brandweer", known: reference.organisations.map(\.name)))])
        let text = r.problems[0].message.nl
        for org in ["Wijkmanager", "Politie", "Vestia", "Rondom Wonen", "SWOP", "Gemeente beheer"] {
            XCTAssertTrue(text.contains(org), "\(org) missing in \(text)")
        }
    }

    func testBadOrNegativeCostIsRefused() throws {
        for cost in ["veel", "12,345", "-5"] {
            let r = try XCTUnwrap(refusal(validator.validate(.action, actionDraft([.cost: cost]))), cost)
            XCTAssertEqual(r.problems, [FieldProblem(.cost, .badAmount(cost))], cost)
        }
    }

    // MARK: - Status

    func testDroppingAnActionNeedsAReason() throws {
        let r = try XCTUnwrap(refusal(validator.validate(.status, Draft([.status: "vervallen"]), target: RecordID(.action, 1))))
        XCTAssertEqual(r.problems, [FieldProblem(.reason, .reasonRequiredToDrop)])

        let blank = try XCTUnwrap(refusal(validator.validate(.status, Draft([.status: "vervallen", .reason: "  "]), target: RecordID(.action, 1))))
        XCTAssertEqual(blank.problems, [FieldProblem(.reason, .reasonRequiredToDrop)])

        let ok = validator.validate(.status, Draft([.status: "Vervallen", .reason: "gemeente pakt het zelf op"]), target: RecordID(.action, 1))
        XCTAssertEqual(try ok.get(), .actionStatusChanged(ActionStatusChanged(ref: RecordID(.action, 1), status: .vervallen,
                                                                                 reason: "gemeente pakt het zelf op")))
    }

    func testOtherStatusChangesNeedNoReason() throws {
        let ok = validator.validate(.status, Draft([.status: "gereed"]), target: RecordID(.action, 1))
        XCTAssertEqual(try ok.get(), .actionStatusChanged(ActionStatusChanged(ref: RecordID(.action, 1), status: .gereed)))
    }

    func testStatusUnchangedOrUnknownTargetIsRefused() throws {
        let same = try XCTUnwrap(refusal(validator.validate(.status, Draft([.status: "open"]), target: RecordID(.action, 1))))
        XCTAssertEqual(same.problems, [FieldProblem(.status, .statusUnchanged("open"))])

        let unknown = try XCTUnwrap(refusal(validator.validate(.status, Draft([.status: "gereed"]), target: RecordID(.action, 9))))
        XCTAssertEqual(unknown.problems, [FieldProblem(.id, .unknownRecord("A-9"))])

        let none = try XCTUnwrap(refusal(validator.validate(.status, Draft([.status: "gereed"]))))
        XCTAssertEqual(none.problems.map(\.field), [.id])

        let word = try XCTUnwrap(refusal(validator.validate(.status, Draft([.status: "klaar"]), target: RecordID(.action, 1))))
        XCTAssertEqual(word.problems, [FieldProblem(.status, .unknownChoice("klaar", options: ActionStatus.allCases.map(\.rawValue)))])
    }

    // MARK: - Meetings, agenda, decisions

    func testMeetingNeedsAKnownKern() throws {
        let r = try XCTUnwrap(refusal(validator.validate(.meeting, Draft([.kern: "Delft", .date: "2009-04-14"]))))
        XCTAssertEqual(r.problems, [FieldProblem(.kern, .unknownKern("Delft", known: ["Delfgauw", "Nootdorp", "Pijnacker"]))])

        let ok = validator.validate(.meeting, Draft([.kern: "nootdorp", .date: "14-04-2009"]))
        XCTAssertEqual(try ok.get(), .meetingHeld(MeetingHeld(id: RecordID(.meeting, 2), kern: "Nootdorp",
                                                              date: Day(year: 2009, month: 4, day: 14)!)))
    }

    func testAgendaItemNeedsAMeeting() throws {
        let r = try XCTUnwrap(refusal(validator.validate(.agendaItem, Draft([.title: "Rondvraag"]))))
        XCTAssertEqual(r.problems, [FieldProblem(.meeting, .noMeeting)])

        let unknown = try XCTUnwrap(refusal(validator.validate(.agendaItem, Draft([.title: "Rondvraag", .meeting: "V-7"]))))
        XCTAssertEqual(unknown.problems, [FieldProblem(.meeting, .unknownRecord("V-7"))])

        guard case .success(.agendaItemAdded(let item)) = validator.validate(.agendaItem, Draft([.title: "Rondvraag", .minutes: "10"]),
                                                                          meeting: RecordID(.meeting, 1)) else {
            return XCTFail("agenda item should be accepted")
        }
        XCTAssertEqual(item.id, RecordID(.agendaItem, 1))
        XCTAssertEqual(item.kern, "Delfgauw", "without a wijk the item belongs to the meeting's kern")
        XCTAssertNil(item.wijk)
        XCTAssertEqual(item.minutes, 10)
    }

    func testUnknownMeetingPassedByTheCallerIsRefusedNotTrusted() throws {
        // The meeting a screen or script passes in must exist, like one typed in the draft.
        let r = try XCTUnwrap(refusal(validator.validate(.agendaItem, Draft([.title: "Rondvraag"]), meeting: RecordID(.meeting, 9))))
        XCTAssertEqual(r.problems, [FieldProblem(.meeting, .unknownRecord("V-9"))])
        let s = try XCTUnwrap(refusal(validator.validate(.signal, signalDraft(), meeting: RecordID(.meeting, 9))))
        XCTAssertEqual(s.problems, [FieldProblem(.meeting, .unknownRecord("V-9"))])
    }

    func testBadMinutesAreRefused() throws {
        for minutes in ["0", "-5", "601", "tien"] {
            let r = try XCTUnwrap(refusal(validator.validate(.agendaItem, Draft([.title: "Rondvraag", .minutes: minutes]),
                                                             meeting: RecordID(.meeting, 1))), minutes)
            XCTAssertEqual(r.problems, [FieldProblem(.minutes, .badMinutes(minutes))], minutes)
        }
    }

    func testDecisionAboutAWholeKern() throws {
        let ok = validator.validate(.decision, Draft([.wijk: "Delfgauw", .text: "Wijkschouw in april"]), meeting: RecordID(.meeting, 1))
        XCTAssertEqual(try ok.get(), .decisionTaken(DecisionTaken(id: RecordID(.decision, 1), kern: "Delfgauw", wijk: nil,
                                                                   text: "Wijkschouw in april", meeting: RecordID(.meeting, 1))))
    }

    func testParticipationLevelMustBeOnTheLadder() throws {
        let r = try XCTUnwrap(refusal(validator.validate(.participation, Draft([.wijk: "Emerald", .topic: "Speelplek", .level: "meebeslissen",
                                                                                     .work: "leefbaarheidsplan", .phase: "planvorming"]))))
        XCTAssertEqual(r.problems.map(\.field), [.level])
        guard case .success(.participationSet(let p)) = validator.validate(.participation, Draft([
            .wijk: "Emerald", .topic: "Speelplek", .level: "Coproduceren", .work: "leefbaarheidsplan", .phase: "planvorming",
        ])) else { return XCTFail("participation should be accepted") }
        XCTAssertEqual(p.level, .coproduceren)
        XCTAssertEqual(p.work, .leefbaarheidsplan)
        XCTAssertEqual(p.phase, .planvorming)
        XCTAssertLessThan(ParticipationLevel.consulteren, ParticipationLevel.zelfbeheer)
    }
}
