import XCTest
import KernteamDomain
@testable import KernteamTUI
@testable import KernteamApp

/// The main screen rendered headlessly, without ncurses, against golden text files.
final class ScreenSnapshotTests: XCTestCase {
    func testDemoMainScreenAt80x24() {
        let driver = Driver(state: Fixture.demo, cols: 80, rows: 24)
        assertGolden(driver.render(), "demo-main-80x24")
    }

    func testDemoMainScreenAt160x45() {
        let driver = Driver(state: Fixture.demo, cols: 160, rows: 45)
        assertGolden(driver.render(), "demo-main-160x45")
    }

    func testHelpOverlayAt80x24() {
        let driver = Driver(state: Fixture.demo, cols: 80, rows: 24)
        driver.press(.char("?"))
        assertGolden(driver.render(), "demo-help-80x24")
    }

    func testActionFormWithErrorsAt80x24() {
        let driver = Driver(state: Fixture.demo, cols: 80, rows: 24)
        driver.press(.char("3"), .char("n"), .tab, .tab, .enter)
        assertGolden(driver.render(), "demo-action-form-errors-80x24")
    }

    func testTooSmallTerminalShowsMessage() {
        let driver = Driver(state: Fixture.demo, cols: 40, rows: 10)
        let text = driver.render().text
        XCTAssertTrue(text.contains("Venster te klein"), text)
        XCTAssertTrue(text.contains("40×10"), text)
        XCTAssertFalse(text.contains("Agenda"), "no garbled panes below the minimum size")
    }

    func testEveryPaneTitleAndHeaderAt80x24() {
        let text = Driver(state: Fixture.demo, cols: 80, rows: 24).render().text
        for title in ["Agenda", "Signalen", "Acties", "Participatie"] {
            XCTAssertTrue(text.contains(title), "missing pane \(title)")
        }
        XCTAssertTrue(text.contains("Delfgauw"))
        XCTAssertTrue(text.contains("demo.jsonl"))
        XCTAssertTrue(text.contains("? hulp"))
        XCTAssertTrue(text.contains("q stop"))
    }
}
