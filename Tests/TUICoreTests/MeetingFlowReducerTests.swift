import Foundation
import XCTest
import KernteamDomain
@testable import KernteamTUI
@testable import KernteamApp

/// A folded state built from events with their own timestamps: the test clock for the item and
/// meeting timers. Entry timestamps are what the timers count from.
private struct Timeline {
    var state = KernteamState()

    init() { add("2009-07-01T12:00:00Z", .referenceSet(Fixture.reference)) }

    mutating func add(_ timestamp: String, _ event: Event) {
        state.apply(LoggedEvent(seq: state.lastSeq + 1, timestamp: timestamp, role: .voorzitter, event: event))
    }
}

private func instant(_ timestamp: String) -> Date {
    let f = ISO8601DateFormatter()
    f.formatOptions = [.withInternetDateTime]
    return f.date(from: timestamp)!
}

private let v1 = RecordID(.meeting, 1)
private let v2 = RecordID(.meeting, 2)
private func ap(_ n: Int) -> RecordID { RecordID(.agendaItem, n) }

/// A Delfgauw meeting on 20-07-2009 with three items ("Opening", "Speeltuin Emerald", "Rondvraag"),
/// prepared (not opened) unless events say otherwise.
private func preparedMeeting(length: Int? = 90, minutes: [Int] = [10, 5, 15]) -> Timeline {
    var t = Timeline()
    t.add("2009-07-10T09:00:00Z", .meetingHeld(MeetingHeld(id: v1, kern: "Delfgauw", date: Day("2009-07-20")!, length: length)))
    let titles = ["Opening en mededelingen", "Speeltuin Emerald", "Rondvraag"]
    for (i, m) in minutes.enumerated() {
        t.add("2009-07-10T09:0\(i + 1):00Z", .agendaItemAdded(AgendaItemAdded(id: ap(i + 1), meeting: v1, title: titles[i % titles.count],
                                                                               kern: "Delfgauw", wijk: i == 1 ? "Emerald" : nil, minutes: m)))
    }
    return t
}

extension Driver {
    /// The screen at a chosen instant (the timers read `World.now`).
    fileprivate func render(at now: Date) -> Buffer {
        var at = model
        at.world.now = now
        return Screen(model: at, palette: .standard).render()
    }

    /// The agenda rows as the pane lists them, id first.
    fileprivate var agendaRows: [PaneRow] {
        PaneContent(domain: state, today: today, kern: model.kern, filter: model.filter).rows(.agenda).map { $0 }
    }
}

/// The screen line that shows `id` in the agenda pane (after a space, or after the ▶ of the selection).
private func agendaLine(_ buffer: Buffer, _ id: RecordID) -> String? {
    buffer.textRows.first { $0.contains(" \(id.description) ") || $0.contains("▶\(id.description) ") }
}

final class MeetingFlowReducerTests: XCTestCase {
    // MARK: - Timers against a test clock

    private func meetingUnderWay() -> Timeline {
        var t = preparedMeeting(length: 90)
        t.add("2009-07-20T19:30:00Z", .meetingOpened(MeetingOpened(ref: v1)))                  // T0
        t.add("2009-07-20T19:30:05Z", .agendaItemStarted(AgendaItemStarted(ref: ap(1))))
        t.add("2009-07-20T19:35:00Z", .agendaItemStarted(AgendaItemStarted(ref: ap(2), ended: ap(1), outcome: .besproken))) // T1
        return t
    }

    func testHeaderTimerCountsFromTheMeetingOpenedEntry() {
        let d = Driver(state: meetingUnderWay().state, cols: 160, rows: 45)
        d.model.kern = "Delfgauw"
        let at = d.render(at: instant("2009-07-20T19:42:00Z")).textRows[0]
        XCTAssertTrue(at.contains("Vergadering V-1 20-07-2009 ⏱ 0:12 / 1:30"), at)
        let later = d.render(at: instant("2009-07-20T21:00:01Z")).textRows[0]
        XCTAssertTrue(later.contains("⏱ 1:30 / 1:30"), later)
        // Compact header at 80 columns, same clock.
        let narrow = Driver(state: meetingUnderWay().state, cols: 80, rows: 24).render(at: instant("2009-07-20T19:42:00Z")).textRows[0]
        XCTAssertTrue(narrow.contains("V-1 20-07-2009 ⏱ 0:12 / 1:30"), narrow)
    }

    func testProjectorBannerShowsElapsedAgainstTheTimeBoxAndMarksOverTime() {
        let d = Driver(state: meetingUnderWay().state, cols: 160, rows: 45)
        d.model.projector = true
        // 7 minutes into a 5-minute item, 12 minutes into a 90-minute meeting.
        let over = d.render(at: instant("2009-07-20T19:42:00Z"))
        let banner = Array(over.textRows[1...5]).joined(separator: "\n")
        XCTAssertTrue(banner.contains("NU"), banner)
        XCTAssertTrue(banner.contains("punt 2 van 3 · Emerald"), banner)
        XCTAssertTrue(banner.contains("Speeltuin Emerald"), banner)
        XCTAssertTrue(banner.contains("! te laat · 7:00 / 5:00"), banner)
        XCTAssertTrue(over.textRows[0].contains("⏱ 0:12 / 1:30"), over.textRows[0])
        XCTAssertFalse(over.text.contains("/tmp/demo.jsonl"), "no file path on the beamer")

        // Within the time-box: no over-time mark. Exactly on the box is not late yet.
        let inTime = Array(d.render(at: instant("2009-07-20T19:38:00Z")).textRows[1...5]).joined(separator: "\n")
        XCTAssertTrue(inTime.contains("3:00 / 5:00"), inTime)
        XCTAssertFalse(inTime.contains("te laat"), inTime)
        let onTheBox = Array(d.render(at: instant("2009-07-20T19:40:00Z")).textRows[1...5]).joined(separator: "\n")
        XCTAssertTrue(onTheBox.contains("5:00 / 5:00"), onTheBox)
        XCTAssertFalse(onTheBox.contains("te laat"), onTheBox)
        let oneSecondOver = Array(d.render(at: instant("2009-07-20T19:40:01Z")).textRows[1...5]).joined(separator: "\n")
        XCTAssertTrue(oneSecondOver.contains("! te laat · 5:01 / 5:00"), oneSecondOver)

        // Same model and state, same instant: same screen (the clock is the only moving part).
        XCTAssertEqual(d.render(at: instant("2009-07-20T19:42:00Z")).textRows, over.textRows)

        // Outside projector mode the panes show, not the item in large.
        d.model.projector = false
        XCTAssertFalse(d.render(at: instant("2009-07-20T19:42:00Z")).text.contains("7:00 / 5:00"))
    }

    func testBannerSaysNothingIsUnderDiscussionBeforeTheFirstItem() {
        var t = preparedMeeting()
        t.add("2009-07-20T19:30:00Z", .meetingOpened(MeetingOpened(ref: v1)))
        let d = Driver(state: t.state, cols: 160, rows: 45)
        d.model.projector = true
        let banner = Array(d.render(at: instant("2009-07-20T19:31:00Z")).textRows[1...5]).joined(separator: "\n")
        XCTAssertTrue(banner.contains("Geen agendapunt in bespreking"), banner)
    }

    // MARK: - Item flow through the keys

    func testOpenNextPreviousAndEndThroughTheKeys() {
        let d = Driver(state: preparedMeeting().state, cols: 120, rows: 30)
        XCTAssertEqual(d.state.phase(of: v1), .prepared)
        d.press(.char(">"))
        XCTAssertNil(d.state.currentItem(v1), "no item starts before the meeting is open")
        XCTAssertEqual(d.model.message?.isError, true)
        XCTAssertTrue(d.model.message?.text.contains("niet geopend") ?? false, d.model.message?.text ?? "")

        d.press(.char("o"))
        XCTAssertEqual(d.state.phase(of: v1), .open)
        XCTAssertNil(d.state.currentItem(v1))

        d.press(.char(">"))
        XCTAssertEqual(d.state.currentItem(v1)?.id, ap(1))
        var screen = d.render()
        XCTAssertTrue(agendaLine(screen, ap(1))?.contains("▶ nu") ?? false, screen.text)

        d.press(.char(">"))
        XCTAssertEqual(d.state.currentItem(v1)?.id, ap(2))
        XCTAssertEqual(d.state.itemOutcome[ap(1)], .besproken, "moving on marks the item before as discussed")
        screen = d.render()
        XCTAssertTrue(agendaLine(screen, ap(2))?.contains("▶ nu") ?? false, screen.text)
        XCTAssertFalse(agendaLine(screen, ap(1))?.contains("▶ nu") ?? true, screen.text)
        XCTAssertTrue(agendaLine(screen, ap(1))?.contains("✓") ?? false, screen.text)

        d.press(.char("<"))
        XCTAssertEqual(d.state.currentItem(v1)?.id, ap(1), "back to the item before")
        XCTAssertNil(d.state.itemOutcome[ap(1)], "an item taken up again is open again")
        screen = d.render()
        XCTAssertTrue(agendaLine(screen, ap(1))?.contains("▶ nu") ?? false, screen.text)
        XCTAssertFalse(agendaLine(screen, ap(2))?.contains("▶ nu") ?? true, screen.text)

        // e: end the item with a chosen outcome.
        d.press(.char("e"))
        guard case .form(let form)? = d.model.overlay else { return XCTFail("e opens the end-item form") }
        XCTAssertEqual(form.kind, .endItem)
        XCTAssertEqual(form.target, ap(1))
        XCTAssertEqual(form.fields.first?.options, ItemOutcome.allCases.map(\.rawValue), "the outcomes of an agenda item")
        XCTAssertEqual(form.fields.first?.value, "besproken", "besproken is the default")
        d.type("af")
        d.press(.enter)
        XCTAssertNil(d.model.overlay, "the form closes after saving")
        XCTAssertEqual(d.state.itemOutcome[ap(1)], .afgerond)
        XCTAssertNil(d.state.currentItem(v1), "after e nothing is under discussion")

        // > takes the first item not yet dealt with.
        d.press(.char(">"))
        XCTAssertEqual(d.state.currentItem(v1)?.id, ap(3))
        d.press(.char("e"))
        d.type("uit")
        d.press(.enter)
        XCTAssertEqual(d.state.itemOutcome[ap(3)], .uitgesteld)
        screen = d.render()
        XCTAssertTrue(agendaLine(screen, ap(3))?.contains("→") ?? false, screen.text)

        d.press(.char(">"))
        XCTAssertEqual(d.model.message?.text.contains("geen volgend agendapunt"), true, d.model.message?.text ?? "")
        d.press(.char("e"))
        XCTAssertNil(d.model.overlay, "no end-item form without a current item")
        XCTAssertEqual(d.model.message?.isError, true)
    }

    func testPostponedItemsAreProposedForTheNextMeeting() {
        let d = Driver(state: preparedMeeting().state, cols: 120, rows: 30)
        d.press(.char("o"), .char(">"))                          // AP-1 under discussion
        d.press(.char(">"))                                      // AP-1 besproken, AP-2 now
        d.press(.char("e")); d.type("uit"); d.press(.enter)      // AP-2 uitgesteld
        d.press(.char(">"))                                      // AP-3 now
        XCTAssertEqual(d.state.currentItem(v1)?.id, ap(3))

        // Before closing, the minutes draft reads the outcomes back.
        d.press(.char("c"))
        guard case .minutes? = d.model.overlay else { return XCTFail("c opens the minutes draft") }
        let minutes = d.render().text
        // Per item: number, id, title, time used against the time-box, and how it ended.
        for (line, outcome) in [("1. AP-1 Opening en mededelingen", "besproken"), ("2. AP-2 Speeltuin Emerald (Emerald)", "uitgesteld"),
                                ("3. AP-3 Rondvraag", "in bespreking")] {
            let row = minutes.split(separator: "\n").first { $0.contains(line) }.map(String.init) ?? ""
            XCTAssertTrue(row.contains(outcome) && row.contains(" min"), "\(line): \(row)\n\(minutes)")
        }
        // x in the minutes closes the meeting after a confirmation (the current item ends as besproken).
        d.press(.char("x"), .char("j"))
        XCTAssertEqual(d.state.phase(of: v1), .closed)
        XCTAssertEqual(d.state.itemOutcome[ap(3)], .besproken)

        let proposed = d.state.proposedAgenda(kern: "Delfgauw", today: d.today, settings: Settings())
        XCTAssertEqual(proposed.map(\.source), [ap(2)], "only the postponed item carries over")
        XCTAssertEqual(proposed.first?.title, "Speeltuin Emerald")
        XCTAssertEqual(proposed.first?.wijk, "Emerald")
        XCTAssertEqual(proposed.first?.minutes, 5, "with its own time-box")

        // m: plan the next meeting; the program adds the proposal to its agenda.
        d.press(.char("m"))
        guard case .form(let form)? = d.model.overlay, form.kind == .meeting else { return XCTFail("m opens the meeting form") }
        d.press(.enter)
        XCTAssertNil(d.model.overlay)
        XCTAssertEqual(d.state.phase(of: v2), .prepared)
        let next = d.state.orderedAgenda(v2)
        XCTAssertEqual(next.map(\.title), ["Speeltuin Emerald"])
        XCTAssertEqual(next.first?.source, ap(2))
        let screen = d.render().text
        XCTAssertTrue(screen.contains("V-2"), screen)
        XCTAssertTrue(screen.contains("Speeltuin Emerald"), screen)
        // Once carried over, it is not proposed a second time.
        XCTAssertTrue(d.state.proposedAgenda(kern: "Delfgauw", today: d.today, settings: Settings()).isEmpty)
    }

    func testWhatIsRecordedDuringAnItemIsLinkedToIt() {
        let d = Driver(state: preparedMeeting().state, cols: 120, rows: 30)
        d.press(.char("o"), .char(">"), .char(">"))
        XCTAssertEqual(d.state.currentItem(v1)?.id, ap(2))

        // The item is about Emerald: the decision's wijk is filled in and the cursor is at its text.
        d.press(.char("b"))
        d.type("De speeltuin wordt opgeknapt")
        d.press(.enter)
        let decision = d.state.decisions.items.last?.value
        XCTAssertEqual(decision?.text, "De speeltuin wordt opgeknapt")
        XCTAssertEqual(decision?.meeting, v1)
        XCTAssertEqual(decision?.item, ap(2))

        d.press(.char("3"), .char("n"))
        d.type("Offerte speeltoestellen"); d.press(.tab); d.type("Gemeente beh")
        d.press(.enter)
        let action = d.state.actions.items.last?.value.created
        XCTAssertEqual(action?.title, "Offerte speeltoestellen")
        XCTAssertEqual(action?.item, ap(2))

        d.press(.char("2"), .char("n"))
        d.type("spel"); d.press(.tab); d.type("bew"); d.press(.tab)
        d.type("Wipkip kapot")
        d.press(.enter)
        let signal = d.state.signals.items.last?.value
        XCTAssertEqual(signal?.text, "Wipkip kapot")
        XCTAssertEqual(signal?.item, ap(2))
        XCTAssertEqual(signal?.wijk, "Emerald")
        XCTAssertEqual(action?.wijk, "Emerald")
        XCTAssertEqual(decision?.wijk, "Emerald")

        // After the item ends, new records belong to the meeting but to no item.
        d.press(.char("e"), .enter)
        XCTAssertNil(d.state.currentItem(v1))
        d.press(.char("b"))
        d.type("Emer"); d.press(.tab); d.type("Volgende keer verder")
        d.press(.enter)
        let later = d.state.decisions.items.last?.value
        XCTAssertEqual(later?.text, "Volgende keer verder")
        XCTAssertEqual(later?.meeting, v1)
        XCTAssertNil(later?.item)
    }

    // MARK: - A closed meeting

    private func closedMeetingWithDecision() -> Timeline {
        var t = preparedMeeting()
        t.add("2009-07-20T19:30:00Z", .meetingOpened(MeetingOpened(ref: v1)))
        t.add("2009-07-20T19:40:00Z", .decisionTaken(DecisionTaken(id: RecordID(.decision, 1), kern: "Delfgauw", wijk: nil,
                                                                  text: "Notulen worden aangevuld", meeting: v1)))
        t.add("2009-07-20T21:30:00Z", .meetingClosed(MeetingClosed(ref: v1, checkpointSeq: 6, checkpointHash: String(repeating: "a", count: 64))))
        // Taken afterwards, outside the meeting: the decision to reopen it.
        t.add("2009-07-21T08:30:00Z", .decisionTaken(DecisionTaken(id: RecordID(.decision, 2), kern: "Delfgauw", wijk: nil,
                                                                  text: "Notulen V-1 heropenen voor een correctie", meeting: nil)))
        return t
    }

    func testAClosedMeetingRefusesNewAgendaItemsAndAttendance() {
        let d = Driver(state: closedMeetingWithDecision().state, cols: 120, rows: 30)
        XCTAssertEqual(d.state.phase(of: v1), .closed)
        let itemsBefore = d.state.agenda.count

        d.press(.char("1"), .char("n"))
        d.type("Nog een punt")
        d.press(.enter)
        XCTAssertEqual(d.state.agenda.count, itemsBefore, "no agenda item for a closed meeting")
        guard case .form(let itemForm)? = d.model.overlay else { return XCTFail("the form stays open with the refusal") }
        XCTAssertTrue(itemForm.failure?.contains("V-1 is gesloten") ?? false, itemForm.failure ?? "no failure shown")
        d.press(.escape, .char("j"))

        d.press(.char("a"))
        guard case .attendance? = d.model.overlay else { return XCTFail("a opens the attendance form") }
        d.press(.char("a"))
        d.press(.enter)
        XCTAssertNil(d.state.attendance[v1], "no attendance for a closed meeting")
        guard case .attendance(let sheet)? = d.model.overlay else { return XCTFail("the form stays open with the refusal") }
        XCTAssertTrue(sheet.problem.joined().contains("V-1 is gesloten"), sheet.problem.joined())
        XCTAssertTrue(d.render().text.contains("is gesloten"))
        d.press(.escape, .char("j"))

        d.press(.char("A"))
        d.type("4")
        d.press(.enter)
        XCTAssertNil(d.state.residentsPresent[v1])

        // The same rules hold for the domain directly (CLI and forms share them).
        let v = Validator(state: d.state, today: d.today)
        guard case .failure(let r) = v.validate(.agendaItem, Draft([.title: "Nog een punt", .meeting: "V-1"])) else {
            return XCTFail("agenda item accepted for a closed meeting")
        }
        XCTAssertTrue(r.problems.contains(FieldProblem(.meeting, .meetingClosed("V-1"))))
        guard case .failure(let r2) = v.validate(.attendance, Draft([.org: "Politie", .attendance: "aanwezig"]), target: v1) else {
            return XCTFail("attendance accepted for a closed meeting")
        }
        XCTAssertTrue(r2.problems.contains(FieldProblem(.meeting, .meetingClosed("V-1"))))
        if case .success = v.validate(.openMeeting, Draft(), target: v1) { XCTFail("a closed meeting cannot simply be opened again") }
        if case .success = v.validate(.nextItem, Draft(), target: v1) { XCTFail("no items in a closed meeting") }
    }

    func testReopeningNeedsARecordedDecision() {
        let d = Driver(state: closedMeetingWithDecision().state, cols: 120, rows: 30)
        let v = Validator(state: d.state, today: d.today)
        guard case .failure(let none) = v.validate(.reopenMeeting, Draft(), target: v1) else { return XCTFail("reopened without a decision") }
        XCTAssertTrue(none.problems.contains(FieldProblem(.decision, .required)), "\(none.lines)")
        guard case .failure(let unknown) = v.validate(.reopenMeeting, Draft([.decision: "B-9"]), target: v1) else {
            return XCTFail("reopened with an unknown decision")
        }
        XCTAssertTrue(unknown.problems.contains(FieldProblem(.decision, .unknownRecord("B-9"))))
        guard case .failure(let notADecision) = v.validate(.reopenMeeting, Draft([.decision: "AP-1"]), target: v1) else {
            return XCTFail("reopened with something that is not a decision")
        }
        XCTAssertFalse(notADecision.problems.isEmpty)

        guard case .failure(let inside) = v.validate(.reopenMeeting, Draft([.decision: "B-1"]), target: v1) else {
            return XCTFail("reopened by a decision of the sealed meeting itself")
        }
        XCTAssertTrue(inside.problems.contains(FieldProblem(.decision, .reopenDecisionInside("B-1", "V-1"))), "\(inside.lines)")
        guard case .success(let event) = v.validate(.reopenMeeting, Draft([.decision: "B-2"]), target: v1) else {
            return XCTFail("reopen with a decision taken outside the meeting is allowed")
        }
        XCTAssertEqual(event, .meetingReopened(MeetingReopened(ref: v1, decision: RecordID(.decision, 2))))
        d.appendByOther(event)
        XCTAssertEqual(d.state.phase(of: v1), .open)
        guard case .failure(let again) = Validator(state: d.state, today: d.today).validate(.reopenMeeting, Draft([.decision: "B-2"]), target: v1) else {
            return XCTFail("an open meeting cannot be reopened")
        }
        XCTAssertTrue(again.problems.contains(FieldProblem(.meeting, .meetingNotClosed("V-1"))))

        // Open again: attendance is accepted.
        d.press(.char("a"))
        d.press(.down, .down, .down, .down, .down)     // to SWOP
        d.press(.char("a"), .enter)
        XCTAssertNil(d.model.overlay)
        XCTAssertEqual(d.state.attendance[v1]?["SWOP"], .aanwezig)
    }

    // MARK: - Shaping the agenda

    func testKAndJReorderTheSelectedItem() {
        let d = Driver(state: preparedMeeting().state, cols: 120, rows: 30)
        XCTAssertEqual(d.agendaRows.map(\.id), [ap(1), ap(2), ap(3)])
        d.press(.char("j"), .char("j"))
        XCTAssertEqual(d.model.selected[.agenda], ap(3))
        d.press(.char("K"))
        XCTAssertEqual(d.state.orderedAgenda(v1).map(\.id), [ap(1), ap(3), ap(2)])
        XCTAssertEqual(d.agendaRows.map(\.id), [ap(1), ap(3), ap(2)])
        XCTAssertEqual(d.model.selected[.agenda], ap(3), "the selection moves with the item")
        d.press(.char("K"))
        XCTAssertEqual(d.state.orderedAgenda(v1).map(\.id), [ap(3), ap(1), ap(2)])
        let screen = d.render().textRows
        let rowOf = { (id: RecordID) in screen.firstIndex { $0.contains(" \(id.description) ") || $0.contains("▶\(id.description) ") } ?? -1 }
        XCTAssertGreaterThan(rowOf(ap(3)), 0)
        XCTAssertLessThan(rowOf(ap(3)), rowOf(ap(1)))
        XCTAssertLessThan(rowOf(ap(1)), rowOf(ap(2)))

        let seqBefore = d.state.lastSeq
        d.press(.char("K"))
        XCTAssertEqual(d.state.lastSeq, seqBefore, "nothing recorded at the top")
        XCTAssertEqual(d.model.message?.text.contains("verder kan dit punt niet"), true, d.model.message?.text ?? "")

        d.press(.char("J"), .char("J"))
        XCTAssertEqual(d.state.orderedAgenda(v1).map(\.id), [ap(1), ap(2), ap(3)])
        d.press(.char("J"))
        XCTAssertEqual(d.model.message?.isError, true)

        // K/J outside the agenda pane do nothing to the agenda.
        d.press(.char("2"), .char("K"))
        XCTAssertEqual(d.state.orderedAgenda(v1).map(\.id), [ap(1), ap(2), ap(3)])
    }

    func testPlusAndMinusChangeTheTimeBoxAndOverPlanningIsShown() {
        let d = Driver(state: preparedMeeting(length: 30, minutes: [10, 10, 10]).state, cols: 160, rows: 45)
        var screen = d.render().text
        XCTAssertTrue(screen.contains("30 van 30 min"), screen)
        XCTAssertFalse(screen.contains("te vol"), screen)

        d.press(.char("j"), .char("+"))
        XCTAssertEqual(d.state.agenda[ap(2)]?.value.minutes, 15)
        XCTAssertEqual(d.state.plannedMinutes(v1), 35)
        screen = d.render().text
        XCTAssertTrue(screen.contains("! te vol: 35 van 30 min"), screen)
        XCTAssertTrue(agendaLine(d.render(), ap(2))?.contains("15 min") ?? false, screen)

        d.press(.char("-"))
        XCTAssertEqual(d.state.agenda[ap(2)]?.value.minutes, 10)
        screen = d.render().text
        XCTAssertTrue(screen.contains("30 van 30 min"), screen)
        XCTAssertFalse(screen.contains("te vol"), screen)

        d.press(.char("-"), .char("-"))
        XCTAssertEqual(d.state.agenda[ap(2)]?.value.minutes, 5, "a time-box does not go below 5 minutes")
        XCTAssertEqual(d.state.plannedMinutes(v1), 25)

        // The 80x24 screen shows the over-planning too (a word, not only a colour).
        d.press(.char("+"), .char("+"), .char("+"))
        XCTAssertEqual(d.state.plannedMinutes(v1), 40)
        var small = d
        small.model.cols = 80; small.model.rows = 24
        let text = small.render().text
        XCTAssertTrue(text.contains("! te vol: 40 van 30 min"), text)

        // On the projector the agenda is read-only.
        d.model.projector = true
        d.press(.char("+"))
        XCTAssertEqual(d.state.plannedMinutes(v1), 40)
        XCTAssertTrue(d.model.message?.text.hasPrefix("Beamermodus: alleen lezen") ?? false)
        d.press(.char("K"))
        XCTAssertEqual(d.model.message?.isError, true)
    }
}

/// The footer's word for > follows the window's role, from the key table.
final class RoleFooterTests: XCTestCase {
    func testTheSecretarysFooterSaysThatGreaterThanAsksTheChair() {
        let secretary = Driver(state: Fixture.meetingUnderWay(), cols: 160, rows: 45, role: .secretaris)
        let chair = Driver(state: Fixture.meetingUnderWay(), cols: 160, rows: 45, role: .voorzitter)
        let secretaryFooter = secretary.render().textRows.last ?? ""
        let chairFooter = chair.render().textRows.last ?? ""
        XCTAssertTrue(secretaryFooter.contains("> vraag volgend punt"), secretaryFooter)
        XCTAssertTrue(chairFooter.contains("> volgend punt"), chairFooter)
        XCTAssertFalse(chairFooter.contains("vraag volgend punt"), chairFooter)
    }
}
