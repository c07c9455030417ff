import Foundation
import XCTest
import KernteamDomain
@testable import KernteamTUI
@testable import KernteamApp

/// The export form of the history view on the real loop: the name follows the document and format,
/// the folder is shown, an existing file is asked about in the app, an error keeps the form.
final class ExportFormTests: XCTestCase {
    private func exportForm(_ d: Driver) -> FormState? {
        if case .form(let f) = d.model.overlay, f.purpose == .export { return f }
        return nil
    }
    private func value(_ f: FormState?, _ field: DraftField) -> String? { f?.fields.first { $0.field == field }?.value }

    private func openExport(_ d: Driver) {
        d.model.exportFolder = "~/kernteam"
        d.press(.char("h"), .char("e"))
    }

    func testTheFileNameFollowsDocumentAndFormatAndTheFolderIsShown() throws {
        let d = Driver(state: Fixture.demo)
        openExport(d)
        var form = try XCTUnwrap(exportForm(d))
        XCTAssertEqual(form.note, "Map: ~/kernteam")
        XCTAssertTrue(d.render().text.contains("Map: ~/kernteam"))
        XCTAssertTrue(value(form, .file)?.hasPrefix("kernteam-notulen-V-") ?? false, value(form, .file) ?? "")
        XCTAssertTrue(value(form, .file)?.hasSuffix(".html") ?? false)
        // Another document: its own formats, and the name follows.
        d.keys("act")
        form = try XCTUnwrap(exportForm(d))
        XCTAssertEqual(value(form, .document), "actielijst")
        XCTAssertEqual(value(form, .format), "csv")
        XCTAssertEqual(form.fields[1].options, ["csv", "json"])
        XCTAssertEqual(value(form, .file), "kernteam-actielijst-alle-wijken.csv")
        d.press(.tab, .right)
        XCTAssertEqual(value(exportForm(d), .file), "kernteam-actielijst-alle-wijken.json")
        d.press(.backTab); d.keys("ag")
        XCTAssertEqual(value(exportForm(d), .format), "ics")
        XCTAssertEqual(value(exportForm(d), .file), "kernteam-agenda-vergaderingen.ics")
        // A name of her own is kept when the document changes.
        d.press(.tab, .tab); d.type("mijn-agenda.ics")
        d.press(.backTab, .backTab); d.keys("n")
        XCTAssertEqual(value(exportForm(d), .document), "notulen")
        XCTAssertEqual(value(exportForm(d), .file), "mijn-agenda.ics")
    }

    func testAnExistingFileIsAskedAboutInTheApp() throws {
        let d = Driver(state: Fixture.demo)
        openExport(d)
        let name = try XCTUnwrap(value(exportForm(d), .file))
        d.session.existingFiles = [name]
        d.press(.enter)
        guard case .confirm(let c) = d.model.overlay else { return XCTFail("an existing file is asked about") }
        XCTAssertTrue(c.question.hasSuffix("Vervangen?"), c.question)
        XCTAssertFalse(d.render().text.contains("--force"))
        XCTAssertTrue(d.session.exports.isEmpty)
        d.press(.char("n"))
        XCTAssertEqual(value(exportForm(d), .file), name, "no: back to the form as it was")
        d.press(.enter, .char("j"))
        XCTAssertEqual(d.session.exports.count, 1, "yes: written")
        guard case .history = d.model.overlay else { return XCTFail("after writing, back to the history") }
        XCTAssertEqual(d.model.message?.text, "Geschreven: \(name) in .")
    }

    func testAnErrorKeepsEveryChoice() throws {
        let d = Driver(state: Fixture.demo)
        openExport(d)
        d.keys("act")
        d.press(.tab, .right)
        d.session.exportFailure = "kan niet schrijven naar /vol: schijf vol"
        d.press(.enter)
        let form = try XCTUnwrap(exportForm(d), "the form stays open on an error")
        XCTAssertEqual(value(form, .document), "actielijst")
        XCTAssertEqual(value(form, .format), "json")
        XCTAssertEqual(form.failure, "kan niet schrijven naar /vol: schijf vol")
        XCTAssertTrue(d.render().text.contains("schijf vol"))
        d.press(.escape)
        guard case .history = d.model.overlay else { return XCTFail("Esc goes back to the history") }
    }
}

extension ExportFormTests {
    func testReplacingThatFailsBringsTheFormBack() throws {
        let d = Driver(state: Fixture.demo)
        d.model.exportFolder = "~/kernteam"
        d.press(.char("h"), .char("e"))
        d.keys("nieuw")
        let name = try XCTUnwrap(exportForm(d).flatMap { value($0, .file) })
        XCTAssertTrue(name.hasPrefix("kernteam-nieuwsbrief-"), name)
        d.session.existingFiles = [name]
        d.session.exportFailure = "geen schrijfrechten"
        d.press(.enter, .char("j"))
        let form = try XCTUnwrap(exportForm(d), "the form comes back when replacing fails")
        XCTAssertEqual(value(form, .document), "nieuwsbrief")
        XCTAssertEqual(form.failure, "geen schrijfrechten")
        XCTAssertNil(d.model.exportPending)
    }
}
