import Foundation
import XCTest
import KernteamDomain
@testable import KernteamTUI
@testable import KernteamApp

/// The dashboard: chart math (scaling, eighth blocks, the `#` fallback), chart layout, the screen as
/// golden text at 80x24 and 160x45 and in ASCII, and the keys that open, cycle and close it.
final class ChartTests: XCTestCase {
    // MARK: - Math

    func testScalingToEighths() {
        XCTAssertEqual(Charts.eighths(10, max: 10, width: 10), 80, "the largest value fills the width")
        XCTAssertEqual(Charts.eighths(5, max: 10, width: 10), 40)
        XCTAssertEqual(Charts.eighths(1, max: 3, width: 3), 8)
        XCTAssertEqual(Charts.eighths(1, max: 16, width: 1), 1, "half an eighth rounds up")
        XCTAssertEqual(Charts.eighths(1, max: 1000, width: 10), 1, "a value above zero always shows")
        XCTAssertEqual(Charts.eighths(15, max: 10, width: 10), 80, "capped at the width")
        XCTAssertEqual(Charts.eighths(0, max: 10, width: 10), 0)
        XCTAssertEqual(Charts.eighths(-3, max: 10, width: 10), 0)
        XCTAssertEqual(Charts.eighths(3, max: 0, width: 10), 0, "an empty scale draws nothing")
        XCTAssertEqual(Charts.eighths(3, max: 10, width: 0), 0)
    }

    func testEighthBlocks() {
        XCTAssertEqual(Charts.blocks(eighths: 0), "")
        XCTAssertEqual(Charts.blocks(eighths: 1), "▏")
        XCTAssertEqual(Charts.blocks(eighths: 4), "▌")
        XCTAssertEqual(Charts.blocks(eighths: 8), "█")
        XCTAssertEqual(Charts.blocks(eighths: 12), "█▌")
        XCTAssertEqual(Charts.blocks(eighths: 23), "██▉")
        XCTAssertEqual((1...7).map { Charts.blocks(eighths: $0) }, ["▏", "▎", "▍", "▌", "▋", "▊", "▉"])
        // One cell per started eighth group: the bar never needs more columns than its width.
        for e in 0...80 { XCTAssertEqual(DisplayWidth.of(Charts.blocks(eighths: e)), (e + 7) / 8) }
        XCTAssertEqual(Charts.bar(3, max: 4, width: 4, ascii: false), "███")
    }

    func testASCIIFallback() {
        XCTAssertEqual(Charts.hashes(5, max: 10, width: 10), "#####")
        XCTAssertEqual(Charts.hashes(1, max: 1000, width: 10), "#", "a value above zero always shows")
        XCTAssertEqual(Charts.hashes(0, max: 10, width: 10), "")
        XCTAssertEqual(Charts.bar(10, max: 10, width: 6, ascii: true), "######")
        XCTAssertTrue(Charts.bar(7, max: 10, width: 9, ascii: true).allSatisfy { $0 == "#" })
    }

    func testLocaleDecidesBlocksOrHashes() {
        XCTAssertTrue(Charts.localeIsUTF8(["LANG": "nl_NL.UTF-8"]))
        XCTAssertTrue(Charts.localeIsUTF8(["LANG": "en_US.utf8"]))
        XCTAssertTrue(Charts.localeIsUTF8(["LC_ALL": "", "LANG": "C.UTF-8"]), "an empty variable does not count")
        XCTAssertFalse(Charts.localeIsUTF8(["LC_ALL": "C", "LANG": "nl_NL.UTF-8"]), "LC_ALL wins")
        XCTAssertFalse(Charts.localeIsUTF8(["LANG": "nl_NL.ISO-8859-1"]))
        XCTAssertFalse(Charts.localeIsUTF8([:]), "nothing set is the C locale")
    }

    // MARK: - Layout

    private var sample: ChartData {
        ChartData(title: "Acties", labelColumn: "Wijk",
                  series: [.init("○ open", .open), .init("! te laat", .late), .init("● gereed", .done)],
                  rows: [.init("Emerald", [3, 1, 0], note: "totaal 4"), .init("Oud Delfgauw", [0, 0, 6], note: "totaal 6")],
                  empty: "geen gegevens")
    }

    func testEmptyChartSaysSo() {
        let empty = ChartData(title: "Lemon", labelColumn: "Thema", series: [], rows: [], empty: "geen Lemon-scores")
        XCTAssertEqual(Charts.lines(empty, width: 76, ascii: false).map(\.text), ["Lemon", "  geen Lemon-scores"])
        let noRows = ChartData(title: "Signalen", labelColumn: "Thema", series: [.init("K1")], rows: [], empty: "geen gegevens")
        XCTAssertEqual(Charts.lines(noRows, width: 76, ascii: true).map(\.text), ["Signalen", "  geen gegevens"])
        let zeros = ChartData(title: "Nul", labelColumn: "x", series: [.init("a")], rows: [.init("r", [0])], empty: "")
        let lines = Charts.lines(zeros, width: 40, ascii: false)
        XCTAssertEqual(lines.count, 2)
        XCTAssertTrue(lines[1].text.hasSuffix(" 0"), "zero prints its number and no bar: \(lines[1].text)")
        XCTAssertFalse(lines[1].text.contains("▏"))
    }

    func testEveryBarHasItsNumberAndFitsTheWidth() {
        for width in [30, 50, 76, 156] {
            for ascii in [false, true] {
                let lines = Charts.lines(sample, width: width, ascii: ascii)
                for line in lines { XCTAssertLessThanOrEqual(DisplayWidth.of(line.text), width, "\(width): \(line.text)") }
                let text = lines.map(\.text).joined(separator: "\n")
                for name in ["○ open", "! te laat", "● gereed"] { XCTAssertTrue(text.contains(name), "\(width) \(ascii): \(text)") }
                let numbers = lines.flatMap { $0.segments.filter { $0.role == .value || $0.role == .muted } }
                    .map { $0.text.trimmingCharacters(in: .whitespaces) }
                XCTAssertEqual(numbers.filter { !$0.isEmpty }, ["3", "1", "0", "0", "0", "6"], "\(width) \(ascii)")
                XCTAssertEqual(ascii, !text.contains("█"))
            }
        }
        // Side by side when there is room, a line per series when narrow.
        XCTAssertEqual(Charts.lines(sample, width: 76, ascii: false).count, 4)
        XCTAssertEqual(Charts.lines(sample, width: 30, ascii: false).count, 1 + 2 * 4)
    }

    func testBarsScaleToTheLargestValueOrAFixedScale() {
        let lines = Charts.lines(sample, width: 76, ascii: false)
        let bars = lines.flatMap { $0.segments.filter { if case .bar = $0.role { true } else { false } } }
            .map { $0.text.filter { $0 != " " } }
        XCTAssertEqual(bars.count, 3, "only values above zero get a bar: \(bars)")
        XCTAssertEqual(bars[2].count, bars.map(\.count).max(), "6 is the longest bar")
        XCTAssertGreaterThan(bars[0].count, bars[1].count, "3 is longer than 1")
        let score = ChartData(title: "Lemon", labelColumn: "Thema", series: [.init("2008")], rows: [.init("wonen", [500])],
                              unit: .score, scaleMax: 1000, empty: "")
        // Width 40: 2 indent + 5 label + 1, a cell of 32: bar 26, space, "5,00", space.
        let line = Charts.lines(score, width: 40, ascii: true)[1]
        XCTAssertEqual(line.text, "  wonen " + String(repeating: "#", count: 13) + " 5,00", "half of the 0–10 scale")
    }

    // MARK: - Screen

    private func driver(_ cols: Int, _ rows: Int) -> Driver {
        let d = Driver(state: Fixture.demo, cols: cols, rows: rows)
        d.press(.char("D"))
        return d
    }

    func testDashboardGolden80x24() {
        var d = driver(80, 24)
        XCTAssertEqual(d.model.overlay, .dashboard(place: nil, offset: 0))
        assertGolden(d.render(), "dashboard-kern-80x24")
        d.press(.right, .right)
        XCTAssertEqual(d.model.overlay, .dashboard(place: "Emerald", offset: 0))
        assertGolden(d.render(), "dashboard-emerald-80x24")
        d.press(.pageDown)
        assertGolden(d.render(), "dashboard-emerald-80x24-scrolled")
    }

    func testDashboardGolden160x45() {
        var d = driver(160, 45)
        assertGolden(d.render(), "dashboard-kern-160x45")
        d.press(.right, .right)
        assertGolden(d.render(), "dashboard-emerald-160x45")
    }

    func testDashboardASCII() {
        var d = driver(80, 24)
        d.model.asciiCharts = true
        d.press(.right, .right)
        let buffer = d.render()
        assertGolden(buffer, "dashboard-emerald-80x24-ascii")
        let body = buffer.textRows.dropFirst(3).dropLast(3).joined()
        XCTAssertFalse(Charts.partials.dropFirst().contains { body.contains($0) } || body.contains("█"))
        XCTAssertTrue(body.contains("#"))
        d.model.asciiCharts = false
        d.model.cols = 160; d.model.rows = 45
        d.model.asciiCharts = true
        assertGolden(d.render(), "dashboard-emerald-160x45-ascii")
    }

    /// The numbers on screen are those of the log: Emerald's signals per theme and actions per status.
    func testDashboardNumbersMatchTheState() {
        var d = driver(160, 45)
        d.press(.right, .right)
        XCTAssertEqual(d.model.overlay, .dashboard(place: "Emerald", offset: 0))
        let text = d.render().text
        let state = Fixture.demo
        let signals = state.signals.items.filter { !$0.isWithdrawn && $0.value.wijk == "Emerald" }.map(\.value)
        for theme in Set(signals.map(\.theme)) {
            let count = signals.filter { $0.theme == theme }.count
            XCTAssertTrue(text.contains("totaal \(count)"), "\(theme): \(count)")
            XCTAssertTrue(text.contains(theme.rawValue))
        }
        let actions = state.actions.items.filter { !$0.isWithdrawn && $0.value.created.wijk == "Emerald" }.map(\.value)
        XCTAssertTrue(text.contains("totaal \(actions.count)"))
    }

    func testKeysOpenCycleScrollAndClose() {
        let d = Driver(state: Fixture.demo, cols: 80, rows: 24)
        let places = Reducer.dashboardPlaces(d.model, d.world)
        XCTAssertEqual(places.first!, nil)
        XCTAssertTrue(places.count > 1)
        d.press(.char("D"))
        d.press(.left)
        XCTAssertEqual(d.model.overlay, .dashboard(place: places.last!, offset: 0), "← from the whole kern wraps to the last wijk")
        d.press(.right, .down, .down)
        XCTAssertEqual(d.model.overlay, .dashboard(place: nil, offset: 2))
        d.press(.up, .up, .up)
        XCTAssertEqual(d.model.overlay, .dashboard(place: nil, offset: 0))
        d.press(.escape)
        XCTAssertNil(d.model.overlay)
        // From the help, and on the projector (it opens no form).
        d.press(.char("?"), .char("D"))
        XCTAssertEqual(d.model.overlay, .dashboard(place: nil, offset: 0))
        d.press(.char("D"))
        XCTAssertNil(d.model.overlay)
        d.press(.char("p"), .char("D"))
        XCTAssertEqual(d.model.overlay, .dashboard(place: nil, offset: 0))
        XCTAssertTrue(KeyMap.main.contains { $0.command == .dashboard && $0.keys == [.char("D")] }, "in the key table, so in the help")
    }

    func testOpensOnTheFilteredWijk() {
        let d = Driver(state: Fixture.demo, cols: 80, rows: 24)
        d.model.filter = "Oud Delfgauw"
        d.press(.char("D"))
        XCTAssertEqual(d.model.overlay, .dashboard(place: "Oud Delfgauw", offset: 0))
    }

    // MARK: - Palette

    func testPaletteNeedsNoRedGreenAndMonochromeHasNoColour() {
        for p in [Palette.standard, Palette.projector] {
            XCTAssertFalse([p.done, p.ok, p.ladderRange, p.ladderChosen].contains { $0.fg == .green || $0.bg == .green },
                           "good is not green")
            XCTAssertNotEqual(p.done.fg, p.overdue.fg == .standard ? p.overdue.bg : p.overdue.fg)
            XCTAssertFalse([p.overdue].contains { $0.fg == .red || $0.fg == .green }, "bad is not red or green")
        }
        for style in Palette.monochrome.all {
            XCTAssertEqual(style.fg, .standard)
            XCTAssertEqual(style.bg, .standard)
        }
        var model = AppModel(cols: 80, rows: 24, logPath: "x")
        model.monochrome = true
        model.projector = true
        XCTAssertEqual(Screen(model: model, world: World(domain: Fixture.demo, today: Fixture.today)).palette.all, Palette.monochrome.all,
                       "NO_COLOR wins over the projector")
    }
}
