import Foundation
import XCTest
import KernteamDomain
@testable import KernteamTUI
@testable import KernteamApp

/// Correcting, withdrawing and undoing through the keys, on the real program loop: C opens the
/// record's own form filled in and saves only what changed, I asks a reason and a confirmation, u
/// takes back the last entry of this window; the close of a meeting is asked first; the history and
/// the dashboard look back to a date.
final class CorrectThroughKeysTests: XCTestCase {
    private let v1 = RecordID(.meeting, 1)
    private func id(_ s: String) -> RecordID { RecordID(s)! }

    /// An open meeting with one record of every kind the panes list, and a decision outside it.
    private func meetingWithRecords() -> KernteamState { Fixture.state(fixtureEvents()) }

    private func fixtureEvents() -> [Event] {
        [
            .meetingHeld(MeetingHeld(id: v1, kern: "Delfgauw", date: Day("2009-07-20")!, length: 120)),
            .agendaItemAdded(AgendaItemAdded(id: id("AP-1"), meeting: v1, title: "Verkeer Emerald", kern: "Delfgauw", wijk: "Emerald", minutes: 15)),
            .meetingOpened(MeetingOpened(ref: v1)),
            .signalRecorded(SignalRecorded(id: id("S-1"), kern: "Delfgauw", wijk: "Emerald", theme: .verkeer, source: .bewoner,
                                           text: "Te hard gerden", date: Day("2009-07-01")!, meeting: v1)),
            .actionCreated(ActionCreated(id: id("A-1"), kern: "Delfgauw", wijk: "Emerald", title: "Drempels plaatsen", owner: "Politie",
                                         due: Day("2009-08-01"), meeting: v1)),
            .decisionTaken(DecisionTaken(id: id("B-1"), kern: "Delfgauw", wijk: "Emerald", text: "Verkeersplan laten maken", meeting: v1)),
            .participationSet(ParticipationSet(id: id("D-1"), kern: "Delfgauw", wijk: "Emerald", topic: "Verkeersplan",
                                               work: .grootOnderhoud, phase: .planvorming, level: .consulteren, meeting: v1)),
            .initiativeRecorded(InitiativeRecorded(id: id("I-1"), kern: "Delfgauw", wijk: "Emerald", text: "Bloembollen planten",
                                                   date: Day("2009-07-02")!, meeting: v1)),
            .prioritySet(PrioritySet(id: id("P-1"), kern: "Delfgauw", wijk: "Emerald", theme: .verkeer, text: "Verkeersveiligheid", meeting: v1)),
            .budgetAllocated(BudgetAllocated(id: id("BU-1"), kern: "Delfgauw", wijk: "Emerald", year: 2009, amount: Money(cents: 500_000),
                                             decision: id("B-1"))),
            .signalTriaged(SignalTriaged(ref: id("S-1"), route: .kernteam, reason: nil, date: Day("2009-07-20")!)),
        ]
    }

    /// The correction form of the selected row in `list`: end of its first text field, type `extra`, save.
    private func correct(_ d: Driver, _ list: ListID, _ row: RecordID, field: DraftField, append extra: String) throws {
        d.model.show(list)
        d.model.focus = list.pane
        d.model.selected[list] = row
        d.press(.char("C"))
        guard case .form(var form)? = d.model.overlay, case .correct(.record(row), _) = form.purpose else {
            return XCTFail("C opens the correction form of \(row), got \(String(describing: d.model.overlay))")
        }
        XCTAssertFalse(form.fields.contains { [.reporter, .contact, .initiator].contains($0.field) }, "no personal data in a correction")
        let index = try XCTUnwrap(form.fields.firstIndex { $0.field == field }, "\(field) in the form of \(row)")
        XCTAssertFalse(form.fields[index].value.isEmpty, "filled in with what stands now")
        while form.focus != index { d.press(.tab); guard case .form(let f)? = d.model.overlay else { return }; form = f }
        d.press(.end)
        d.type(extra)
        d.press(.enter)
    }

    func testEveryListedKindIsCorrectedThroughItsOwnFormAndOnlyChangedFieldsAreSaved() throws {
        let d = Driver(state: meetingWithRecords(), cols: 120, rows: 40)
        let cases: [(ListID, String, DraftField, String, (KernteamState) -> String?)] = [
            (.agenda, "AP-1", .title, "-Zuid", { $0.agenda[RecordID("AP-1")!]?.value.title }),
            (.signals, "S-1", .text, " in de ochtend", { $0.signals[RecordID("S-1")!]?.value.text }),
            (.actions, "A-1", .title, " in Emerald-Zuid", { $0.actions[RecordID("A-1")!]?.value.created.title }),
            (.participation, "D-1", .topic, " Emerald", { $0.participation[RecordID("D-1")!]?.value.topic }),
            (.initiatives, "I-1", .text, " en een bijenhotel", { $0.initiatives[RecordID("I-1")!]?.value.recorded.text }),
            (.priorities, "P-1", .text, " rond de school", { $0.priorities[RecordID("P-1")!]?.value.text }),
        ]
        for (list, rid, field, extra, read) in cases {
            let before = read(d.state) ?? ""
            let seq = d.state.lastSeq
            try correct(d, list, id(rid), field: field, append: extra)
            XCTAssertNil(d.model.overlay, "\(rid): the form closes after saving")
            XCTAssertEqual(read(d.state), before + extra, rid)
            XCTAssertEqual(d.state.lastSeq, seq + 1, "\(rid): one entry")
            guard case .entryCorrected(let c)? = d.state.changeEvent(seq: d.state.lastSeq)?.event else { return XCTFail("\(rid): not a correction") }
            XCTAssertEqual(Array(c.fields.keys), [field.rawValue], "\(rid): only the changed field")
            XCTAssertEqual(d.model.message?.text, Text.savedCorrection(rid, [Text.fieldLabel(field).text]).text)
        }
    }

    func testADecisionIsCorrectedFromTheHistoryAndTheFormReturnsThere() throws {
        let d = Driver(state: meetingWithRecords(), cols: 120, rows: 40)
        d.press(.char("h"))
        let entries = d.world.history(try XCTUnwrap(d.model.history).filter)
        d.model.history?.selected = try XCTUnwrap(entries.firstIndex { $0.id == id("B-1") })
        d.press(.char("C"))
        guard case .form(let form)? = d.model.overlay else { return XCTFail("C in the history opens the correction form") }
        XCTAssertEqual(form.purpose, .correct(.record(id("B-1")), .decision))
        d.press(.tab)   // Wijk → Tekst
        d.press(.end)
        d.type(" door een bureau")
        d.press(.tab); d.press(.tab); d.press(.tab)   // Orgaan, Datum → Waarom gecorrigeerd
        d.type("onvolledig")
        d.press(.enter)
        XCTAssertEqual(d.model.overlay, .history, "back in the history")
        XCTAssertEqual(d.state.decisions[id("B-1")]?.value.text, "Verkeersplan laten maken door een bureau")
        guard case .entryCorrected(let c)? = d.state.changeEvent(seq: d.state.lastSeq)?.event else { return XCTFail() }
        XCTAssertEqual(c.reason, "onvolledig")
        // The chain shows the correction; its first step is the record, which C corrects again.
        d.press(.enter)
        let chain = d.render().text
        XCTAssertTrue(chain.contains("gecorrigeerd: Tekst → Verkeersplan laten maken door een") && chain.contains("(onvolledig)"), chain)
    }

    func testAFactIsCorrectedFromItsStepInTheChain() throws {
        let d = Driver(state: meetingWithRecords(), cols: 120, rows: 40)
        d.press(.char("h"))
        let entries = d.world.history(try XCTUnwrap(d.model.history).filter)
        d.model.history?.selected = try XCTUnwrap(entries.firstIndex { $0.id == id("S-1") })
        d.press(.enter, .down)   // the chain, then its second step: the triage
        d.press(.char("C"))
        guard case .form(let form)? = d.model.overlay, case .correct(.entry, .triageSignal) = form.purpose else {
            return XCTFail("C on a triage step corrects that entry, got \(String(describing: d.model.overlay))")
        }
        XCTAssertEqual(form.fields.first { $0.field == .route }?.value, "kernteam")
        d.press(.right)   // kernteam → the next route
        d.press(.enter)
        XCTAssertNotEqual(d.state.signalTriage[id("S-1")]?.route, .kernteam, "the triage was corrected")
    }

    func testWithdrawingAsksAReasonAndThenConfirmation() throws {
        let d = Driver(state: meetingWithRecords(), cols: 120, rows: 40)
        d.model.focus = .actions
        d.model.selected[.actions] = id("A-1")
        let seq = d.state.lastSeq
        d.press(.char("I"))
        guard case .form(let form)? = d.model.overlay, form.purpose == .withdraw(.record(id("A-1"))) else { return XCTFail("I opens the withdrawal") }
        d.press(.enter)
        guard case .form(let refused)? = d.model.overlay else { return XCTFail("no reason: the form stays") }
        XCTAssertNotNil(refused.fields.first?.error)
        d.type("dubbel ingevoerd")
        d.press(.enter)
        guard case .confirm(let question)? = d.model.overlay else { return XCTFail("asked before withdrawing") }
        XCTAssertTrue(question.question.contains("A-1"))
        d.press(.char("n"))
        guard case .form? = d.model.overlay else { return XCTFail("n goes back to the form") }
        XCTAssertEqual(d.state.lastSeq, seq, "nothing appended")
        d.press(.enter, .char("j"))
        XCTAssertNil(d.model.overlay)
        XCTAssertEqual(d.state.actions[id("A-1")]?.withdrawnReason, "dubbel ingevoerd")
        XCTAssertFalse(PaneContent(d.world, kern: "Delfgauw", filter: nil).rows(.actions).ids.contains(id("A-1")), "it left the pane")
        XCTAssertTrue(d.render().text.contains(Text.savedWithdrawal("A-1").text))
    }

    func testUndoTakesBackTheLastEntryOfThisWindow() throws {
        let d = Driver(state: meetingWithRecords(), cols: 120, rows: 40)
        d.press(.char("u"))
        XCTAssertEqual(d.model.message?.text, Text.nothingToUndo.text, "nothing yet")
        // A decision through the form (b), then u.
        d.press(.char("b"))
        d.type("Emerald")
        d.press(.tab)
        d.type("Extra overleg met de school")
        d.press(.enter)
        let made = try XCTUnwrap(d.state.decisions.items.last?.value.id)
        XCTAssertTrue(Screen(model: d.model).footerItems().first.map { $0.1 == .shortUndo } ?? false, "the footer names undo first")
        d.press(.char("u"))
        guard case .confirm(let q)? = d.model.overlay else { return XCTFail("undo asks first") }
        XCTAssertTrue(q.question.contains(made.description))
        d.press(.char("j"))
        XCTAssertEqual(d.state.decisions[made]?.withdrawnReason, Text.undoneReason.nl, "withdrawn with the reason 'ongedaan gemaakt'")
        XCTAssertEqual(d.model.message?.text, Text.undone(made.description).text)
        XCTAssertNil(d.model.undo, "an undo is not undone again")
        // A correction is undone by correcting back.
        try correct(d, .actions, id("A-1"), field: .title, append: " en borden")
        d.press(.char("u"), .char("j"))
        XCTAssertEqual(d.state.actions[id("A-1")]?.value.created.title, "Drempels plaatsen", "corrected back")
    }

    func testClosingTheMeetingIsAskedFirst() {
        let d = Driver(state: meetingWithRecords(), cols: 120, rows: 40)
        d.press(.char("c"), .char("x"))
        guard case .confirm? = d.model.overlay else { return XCTFail("x asks before closing") }
        d.press(.char("n"))
        XCTAssertEqual(d.state.phase(of: v1), .open, "not closed")
        guard case .minutes? = d.model.overlay else { return XCTFail("n goes back to the minutes") }
        d.press(.char("x"), .char("j"))
        XCTAssertEqual(d.state.phase(of: v1), .closed)
        // Sealed: a correction of its action is refused in the form, naming the rule.
        d.model.overlay = nil
        try? correct(d, .actions, id("A-1"), field: .title, append: " x")
        guard case .form(let form)? = d.model.overlay else { return XCTFail("the refused correction keeps the form") }
        XCTAssertTrue(form.fields.contains { $0.error?.contains("vastgesteld") ?? false } || (form.failure ?? "").contains("vastgesteld"),
                      "\(form.fields.compactMap(\.error)) \(form.failure ?? "")")
    }

    func testTheHistoryAndDashboardLookBackToADate() throws {
        let base = meetingWithRecords()
        // The fixture's entries, with a signal logged in August after them.
        let entries = Fixture.entries(fixtureEvents()) + [
            LoggedEvent(seq: base.lastSeq + 1, timestamp: "2009-08-15T10:00:00Z", role: .secretaris,
                        event: .signalRecorded(SignalRecorded(id: id("S-2"), kern: "Delfgauw", wijk: "Emerald", theme: .groen,
                                                              source: .bewoner, text: "Gras niet gemaaid", date: Day("2009-08-14")!))),
        ]
        let d = Driver(state: KernteamState(folding: entries), cols: 120, rows: 40, entries: entries)
        d.press(.char("h"))
        XCTAssertTrue(d.world.history(d.model.history!.filter).contains { $0.id == id("S-2") })
        d.press(.char("t"))
        guard case .form(let form)? = d.model.overlay, form.purpose == .lookBack else { return XCTFail("t asks a date") }
        d.type("31-07-2009")
        d.press(.enter)
        XCTAssertEqual(d.model.overlay, .history)
        XCTAssertEqual(d.model.past?.day, Day("2009-07-31"))
        XCTAssertTrue(d.render().text.contains("stand per 31-07-2009"), d.render().text)
        XCTAssertFalse(d.model.shownWorld.history(d.model.history!.filter).contains { $0.id == id("S-2") }, "logged after that day")
        XCTAssertTrue(d.model.shownWorld.history(d.model.history!.filter).contains { $0.id == id("S-1") })
        // The dashboard keeps looking back, and says so.
        d.press(.char("D"))
        XCTAssertTrue(d.render().text.contains("stand per 31-07-2009"), d.render().text)
        d.press(.escape)
        XCTAssertNil(d.model.past, "the main screen always shows now")
        d.press(.char("h"))
        d.press(.escape)
        XCTAssertNil(d.model.past, "the main screen always shows now")
    }
}
