import Foundation
import XCTest
import KernteamDomain
@testable import KernteamTUI
@testable import KernteamApp

/// Forms that know the meeting, on the real program loop: during an agenda item a new record takes the
/// item's wijk and belongs to the meeting and the item; an action serves what the item is about; typing
/// into a filled-in field replaces it (editing keys edit it); after a refusal the cursor is where the
/// message asks for something; a date without a year is the next (or last) such day.
final class FormsKnowTheMeetingTests: XCTestCase {
    private let v1 = RecordID(.meeting, 1)
    private func id(_ s: String) -> RecordID { RecordID(s)! }

    /// The meeting of `Fixture.meetingUnderWay`: AP-1 (Emerald, about S-1), or AP-2 (the whole kern).
    private func meetingUnderWay(startSecond: Bool = false) -> KernteamState {
        Fixture.meetingUnderWay(secondItem: startSecond)
    }

    private func form(_ d: Driver, file: StaticString = #filePath, line: UInt = #line) -> FormState? {
        guard case .form(let f)? = d.model.overlay else { XCTFail("no form open: \(String(describing: d.model.overlay))", file: file, line: line); return nil }
        return f
    }

    private func value(_ f: FormState?, _ field: DraftField) -> String? { f?.fields.first { $0.field == field }?.value }
    private func focused(_ f: FormState?) -> DraftField? { f.map { $0.fields[$0.focus].field } }

    func testNewRecordsDuringAnItemTakeItsWijkAndBelongToIt() throws {
        let d = Driver(state: meetingUnderWay(), cols: 100, rows: 30)
        XCTAssertEqual(d.state.currentItem(v1)?.id, id("AP-1"))

        // A decision: the wijk is there, the cursor at the text, the item named above the fields.
        d.press(.char("b"))
        var f = form(d)
        XCTAssertEqual(value(f, .wijk), "Emerald")
        XCTAssertEqual(focused(f), .text, "the cursor starts at the first field still to fill in")
        XCTAssertEqual(f?.note, Text.formDuringItem("AP-1", "Verkeer Emerald").text)
        XCTAssertTrue(d.render().text.contains("Bij agendapunt AP-1 · Verkeer Emerald"), d.render().text)
        d.type("Snelheidsmetingen laten doen")
        d.press(.enter)
        let decision = try XCTUnwrap(d.state.decisions.items.last?.value)
        XCTAssertEqual(decision.wijk, "Emerald")
        XCTAssertEqual(decision.meeting, v1)
        XCTAssertEqual(decision.item, id("AP-1"))

        // A signal (signals pane): wijk filled in, the cursor at the theme.
        d.press(.char("2"), .char("n"))
        f = form(d)
        XCTAssertEqual(value(f, .wijk), "Emerald")
        XCTAssertEqual(focused(f), .theme)
        d.type("ver"); d.press(.tab); d.type("bew"); d.press(.tab); d.type("Vrachtwagens door de wijk")
        d.press(.enter)
        let signal = try XCTUnwrap(d.state.signals.items.last?.value)
        XCTAssertEqual(signal.text, "Vrachtwagens door de wijk")
        XCTAssertEqual(signal.wijk, "Emerald")
        XCTAssertEqual(signal.item, id("AP-1"))

        // A participation level (participation pane): the wijk too.
        d.press(.char("4"), .char("n"))
        f = form(d)
        XCTAssertEqual(value(f, .wijk), "Emerald")
        XCTAssertEqual(focused(f), .topic)
        d.press(.escape)
        if case .confirmDiscard? = d.model.overlay { d.press(.char("j")) }

        // An action: the wijk, and "hoort bij" the signal the item is about.
        d.press(.char("3"), .char("n"))
        f = form(d)
        XCTAssertEqual(value(f, .wijk), "Emerald")
        XCTAssertEqual(value(f, .serves), "S-1")
        XCTAssertEqual(focused(f), .title)
        d.type("Snelheidsmeting aanvragen"); d.press(.tab); d.keys("p"); d.press(.enter)
        let action = try XCTUnwrap(d.state.actions.items.last?.value.created)
        XCTAssertEqual(action.owner, "Politie")
        XCTAssertEqual(action.wijk, "Emerald")
        XCTAssertEqual(action.serves, [id("S-1")])
        XCTAssertEqual(action.item, id("AP-1"))
    }

    func testAnItemWithoutAWijkLeavesTheWijkToChoose() throws {
        let d = Driver(state: meetingUnderWay(startSecond: true), cols: 100, rows: 30)
        XCTAssertEqual(d.state.currentItem(v1)?.id, id("AP-2"))
        d.press(.char("b"))
        let f = form(d)
        XCTAssertEqual(value(f, .wijk), "", "no wijk is guessed for an item about the whole kern")
        XCTAssertEqual(focused(f), .wijk)
        d.keys("oud"); d.press(.tab); d.type("Dorpsfeest steunen"); d.press(.enter)
        let decision = try XCTUnwrap(d.state.decisions.items.last?.value)
        XCTAssertEqual(decision.wijk, "Oud Delfgauw")
        XCTAssertEqual(decision.item, id("AP-2"))
    }

    func testTypingIntoAFilledInFieldReplacesItAndEditingKeysEditIt() throws {
        let d = Driver(state: Fixture.demo)
        // The meeting form starts with today's date in the date field.
        d.press(.char("m"), .tab)
        var f = form(d)
        XCTAssertEqual(focused(f), .date)
        XCTAssertEqual(value(f, .date), d.today.description)
        XCTAssertEqual(f?.fields[f!.focus].marked, true, "a filled-in field arrives marked")
        d.type("08-12-2009")
        f = form(d)
        XCTAssertEqual(value(f, .date), "08-12-2009", "typing replaced the value (it did not append)")
        // Back to it and edit: End keeps the value and moves to its end, Backspace deletes one character.
        d.press(.tab, .backTab)
        XCTAssertEqual(form(d)?.fields[1].marked, true)
        d.press(.backspace); d.type("8")
        XCTAssertEqual(value(form(d), .date), "08-12-2008")
        d.press(.tab, .backTab, .home); d.type("1")
        XCTAssertEqual(value(form(d), .date), "108-12-2008", "after Home, typing inserts")
        // A paste replaces a marked value as typing does.
        d.press(.tab, .backTab, .paste("09-12-2009"))
        XCTAssertEqual(value(form(d), .date), "09-12-2009")
        // The screen shows the marked value in its own style.
        d.press(.tab, .backTab)
        let buffer = d.render()
        let row = try XCTUnwrap(buffer.textRows.firstIndex { $0.contains("09-12-2009") })
        let col = DisplayWidth.of(String(buffer.textRows[row].prefix { $0 != "0" }))
        XCTAssertEqual(buffer[col, row].style, Palette.standard.fieldMarked)
    }

    func testAfterARefusalTheCursorIsWhereTheMessageAsksForSomething() throws {
        let d = Driver(state: Fixture.demo)
        // A level outside the plan's range: the message is on the level, the fix is a reason.
        d.press(.char("4"), .char("n"))
        XCTAssertEqual(focused(form(d)), .wijk)
        d.keys("emer"); d.press(.tab); d.type("Speelplek"); d.press(.tab)
        d.keys("groot"); d.press(.tab); d.keys("uitv"); d.press(.tab, .tab); d.keys("zelf")
        d.press(.enter)
        var f = form(d)
        XCTAssertNotNil(f?.fields.first { $0.field == .level }?.error, "the level is refused")
        XCTAssertEqual(focused(f), .reason, "the cursor went to the reason the message asks for")
        d.type("Bewoners beheren het plein al zelf")
        d.press(.enter)
        XCTAssertNil(d.model.overlay, "saved with the reason")
        XCTAssertEqual(d.state.participation.items.last?.value.reason, "Bewoners beheren het plein al zelf")

        // A bad date: the cursor is on it and the value is marked, so the next try replaces it.
        d.press(.char("3"), .char("n"))
        d.type("Bankjes plaatsen"); d.press(.tab); d.keys("p"); d.press(.tab); d.type("31-02"); d.press(.tab); d.keys("emer")
        d.press(.enter)
        f = form(d)
        XCTAssertEqual(focused(f), .due)
        XCTAssertEqual(f?.fields[f!.focus].marked, true)
        d.type("28-02")
        d.press(.enter)
        XCTAssertNil(d.model.overlay)
        XCTAssertEqual(d.state.actions.items.last?.value.created.due, Day("2010-02-28"), "the next 28 February after 20-07-2009")
    }

    func testDatesWithoutAYear() {
        let today = Day("2009-07-20")!
        XCTAssertEqual(Day(typed: "15-01", today: today, toward: .future), Day("2010-01-15"))
        XCTAssertEqual(Day(typed: "15-1", today: today, toward: .future), Day("2010-01-15"))
        XCTAssertEqual(Day(typed: "20-07", today: today, toward: .future), today)
        XCTAssertEqual(Day(typed: "15/8", today: today, toward: .future), Day("2009-08-15"))
        XCTAssertEqual(Day(typed: "15-08", today: today, toward: .past), Day("2008-08-15"))
        XCTAssertEqual(Day(typed: "15.01.10", today: today, toward: .past), Day("2010-01-15"))
        XCTAssertEqual(Day(typed: "29-02", today: today, toward: .future), Day("2012-02-29"))
        XCTAssertEqual(Day(typed: "2009-07-21", today: today, toward: .past), Day("2009-07-21"), "a full date is taken as written")
        for bad in ["31-02", "15", "15-13", "a-b", "15-01-109", "1501"] {
            XCTAssertNil(Day(typed: bad, today: today, toward: .future), bad)
        }
        // The rules read it the same way from the command line's drafts.
        let state = Fixture.state([])
        let v = Validator(state: state, today: today)
        guard case .success(.actionCreated(let a)) = v.validate(.action, Draft([.title: "x", .wijk: "Emerald", .owner: "Politie", .due: "15-01"])) else {
            return XCTFail("a short due date is accepted")
        }
        XCTAssertEqual(a.due, Day("2010-01-15"))
    }
}
