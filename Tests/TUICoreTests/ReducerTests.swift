import XCTest
import KernteamDomain
@testable import KernteamTUI
@testable import KernteamApp

final class ReducerTests: XCTestCase {
    func testTabCyclesFocusAndNumbersJump() {
        let d = Driver(state: Fixture.demo)
        XCTAssertEqual(d.model.focus, .agenda)
        d.press(.tab); XCTAssertEqual(d.model.focus, .signals)
        d.press(.tab, .tab, .tab); XCTAssertEqual(d.model.focus, .agenda)
        d.press(.backTab); XCTAssertEqual(d.model.focus, .participation)
        d.press(.char("3")); XCTAssertEqual(d.model.focus, .actions)
    }

    /// Rows are built when asked for; their ids, order and positions are known without building them.
    func testPaneRowsKnowTheirIdsWithoutBuildingRows() {
        let d = Driver(state: Fixture.demo)
        for filter in [nil, "Emerald"] as [String?] {
            let content = PaneContent(domain: d.state, today: d.today, kern: nil, filter: filter)
            for list in ListID.allCases {
                let rows = content.rows(list)
                XCTAssertEqual(rows.map(\.id), rows.ids, "\(list)")
                for (i, id) in rows.ids.enumerated() { XCTAssertEqual(rows.position(of: id), i) }
            }
            XCTAssertEqual(content.rows(.signals).count, d.state.signals.items.filter { !$0.isWithdrawn && (filter == nil || $0.value.wijk == filter) }.count,
                           "withdrawn signals leave the pane")
        }
    }

    func testMovingTheSelectionStaysInBounds() {
        let d = Driver(state: Fixture.demo)
        d.press(.char("2"))
        let rows = PaneContent(domain: d.state, today: d.today, kern: d.model.kern, filter: nil).rows(.signals)
        XCTAssertGreaterThan(rows.count, 3)
        d.press(.down, .char("j"))
        XCTAssertEqual(d.model.selected[.signals], rows[2].id)
        d.press(.end)
        XCTAssertEqual(d.model.selected[.signals], rows.last!.id)
        d.press(.down)
        XCTAssertEqual(d.model.selected[.signals], rows.last!.id)
        d.press(.home, .up)
        XCTAssertEqual(d.model.selected[.signals], rows[0].id)
    }

    func testAddingAnActionThroughTheFormRecordsIt() {
        let d = Driver(state: Fixture.demo)
        let before = d.state.actions.count
        d.press(.char("3"), .char("n"))
        d.type("Bankje plaatsen bij 's-Gravenhout, café Zoë")
        d.press(.tab); d.type("SWOP")
        d.press(.tab); d.type("2009-09-01")
        d.press(.tab); d.type("Emer")
        d.press(.enter)
        XCTAssertNil(d.model.overlay, "form closes after saving")
        XCTAssertEqual(d.state.actions.count, before + 1)
        let action = d.state.actions.items.last!.value.created
        XCTAssertEqual(action.title, "Bankje plaatsen bij 's-Gravenhout, café Zoë")
        XCTAssertEqual(action.wijk, "Emerald")
        XCTAssertEqual(action.owner, "SWOP")
        XCTAssertEqual(action.due, Day("2009-09-01"))
        XCTAssertEqual(d.model.selected[.actions], action.id)
        XCTAssertEqual(d.model.message?.text, "Actie \(action.id) opgeslagen")
    }

    /// Text pasted in one go (several lines from an e-mail) lands in the field as one line at the
    /// cursor; its line breaks never save the form.
    func testPastedLinesAreTypedAsOneLineAndDoNotSave() {
        let d = Driver(state: Fixture.demo)
        let before = d.state.actions.count
        d.press(.char("3"), .char("n"))
        d.type("Bankje ")
        d.press(.paste("plaatsen bij\r\nde speeltuin\n\n\tcafé Zoë\u{1B}[31m\n"))
        guard case .form(let form)? = d.model.overlay else { return XCTFail("the form stays open") }
        let title = form.fields.first { $0.field == .title }
        XCTAssertEqual(title?.value, "Bankje plaatsen bij de speeltuin café Zoë[31m")
        XCTAssertEqual(title?.cursor, title?.value.count)
        XCTAssertEqual(d.state.actions.count, before, "nothing saved")
        // Outside a form a paste does nothing.
        let outside = Driver(state: Fixture.demo)
        outside.press(.paste("n\nq\n"))
        XCTAssertNil(outside.model.overlay, "no form opened, no quit asked")
        XCTAssertFalse(outside.model.quit)
        XCTAssertEqual(outside.state.lastSeq, Fixture.demo.lastSeq, "nothing recorded")
    }

    func testInvalidFieldsAreNamedInlineAndTypingIsKept() {
        let d = Driver(state: Fixture.demo)
        d.press(.char("2"), .char("n"))
        d.press(.tab, .tab, .tab); d.type("Losliggende tegels")
        d.press(.tab); d.type("2009-02-30")
        d.press(.enter)
        guard case .form(let form)? = d.model.overlay else { return XCTFail("form must stay open") }
        XCTAssertEqual(form.fields.first { $0.field == .text }?.value, "Losliggende tegels")
        XCTAssertNotNil(form.fields.first { $0.field == .wijk }?.error)
        XCTAssertNotNil(form.fields.first { $0.field == .date }?.error)
        XCTAssertTrue(d.render().text.contains("ongeldige datum"))
    }

    func testTextFieldEditingWithCursor() {
        var f = FormState(kind: .decision, fields: [FormField(field: .text, required: true)])
        for c in "Besluit" { _ = f.handle(.char(c)) }
        _ = f.handle(.home); _ = f.handle(.char("Ë")); _ = f.handle(.end); _ = f.handle(.backspace)
        XCTAssertEqual(f.fields[0].value, "ËBeslui")
        _ = f.handle(.left); _ = f.handle(.left); _ = f.handle(.delete)
        XCTAssertEqual(f.fields[0].value, "ËBesli")
        _ = f.handle(.ctrl("u"))
        XCTAssertEqual(f.fields[0].value, "i")
        _ = f.handle(.ctrl("k"))
        XCTAssertEqual(f.fields[0].value, "")
    }

    func testEscapeAsksBeforeDiscardingTypedText() {
        let d = Driver(state: Fixture.demo)
        d.press(.char("b"))
        d.press(.escape)
        XCTAssertNil(d.model.overlay, "an untouched form closes at once")
        d.press(.char("b")); d.type("x"); d.press(.escape)
        guard case .confirmDiscard? = d.model.overlay else { return XCTFail("must ask first") }
        d.press(.char("n"))
        guard case .form(let f)? = d.model.overlay else { return XCTFail("back in the form") }
        XCTAssertEqual(f.dirty, true)
    }

    func testQuitAsksWhenAFormHoldsText() {
        let d = Driver(state: Fixture.demo)
        d.press(.char("b")); d.type("half besluit"); d.press(.ctrl("c"))
        XCTAssertFalse(d.model.quit)
        d.press(.char("j"))
        XCTAssertTrue(d.model.quit)
        let e = Driver(state: Fixture.demo)
        e.press(.char("q"))
        XCTAssertTrue(e.model.quit)
        XCTAssertTrue(e.program.isFinished, "the program stops")
    }

    func testFilterByWijkLimitsEveryPane() {
        let d = Driver(state: Fixture.demo)
        d.press(.char("f"))
        guard case .filter(let options, _)? = d.model.overlay else { return XCTFail("filter list") }
        let target = options.firstIndex(of: "Emerald")!
        for _ in 0..<target { d.press(.down) }
        d.press(.enter)
        XCTAssertEqual(d.model.filter, "Emerald")
        let content = PaneContent(domain: d.state, today: d.today, kern: d.model.kern, filter: "Emerald")
        XCTAssertFalse(content.rows(.signals).isEmpty)
        for row in content.rows(.signals) {
            XCTAssertEqual(d.state.signals[row.id]?.value.wijk, "Emerald")
        }
        XCTAssertTrue(d.render().text.contains("filter: Emerald"))
    }

    func testMouseClickFocusesPaneAndSelectsRow() {
        let d = Driver(state: Fixture.demo, cols: 80, rows: 24)
        let list = Layout(cols: 80, rows: 24).listArea(.actions)
        d.press(.mouse(MouseEvent(kind: .press, x: list.x + 3, y: list.y + 1)))
        XCTAssertEqual(d.model.focus, .actions)
        let rows = PaneContent(domain: d.state, today: d.today, kern: d.model.kern, filter: nil).rows(.actions)
        XCTAssertEqual(d.model.selected[.actions], rows[1].id)
        d.press(.mouse(MouseEvent(kind: .wheelDown, x: list.x + 3, y: list.y)))
        XCTAssertEqual(d.model.selected[.actions], rows[min(4, rows.count - 1)].id)
    }

    func testHelpIsGeneratedFromTheKeyTable() {
        let d = Driver(state: Fixture.demo, cols: 120, rows: 70)
        d.press(.char("?"))
        let text = d.render().text
        for binding in KeyMap.main {
            XCTAssertTrue(text.contains(binding.help.nl), "help lacks \(binding.help.nl)")
        }
        // And every binding in the table is really dispatched.
        for binding in KeyMap.main {
            for key in binding.keys {
                XCTAssertNotNil(KeyMap.command(for: key), "\(key) in the table but not dispatched")
            }
        }
    }

    func testStatusChangeToVervallenNeedsReason() {
        let d = Driver(state: Fixture.demo)
        d.press(.char("3"))
        let id = d.model.selected[.actions] ?? PaneContent(domain: d.state, today: d.today, kern: d.model.kern, filter: nil).rows(.actions)[0].id
        d.press(.char("s"))
        guard case .form(var f)? = d.model.overlay else { return XCTFail("status form") }
        f.fields[0].value = "vervallen"
        d.model.overlay = .form(f)
        d.press(.enter)
        guard case .form(let after)? = d.model.overlay else { return XCTFail("refused, form stays") }
        XCTAssertNotNil(after.fields.first { $0.field == .reason }?.error)
        XCTAssertNotEqual(d.state.actions[id]?.value.status, .vervallen)
    }
}
