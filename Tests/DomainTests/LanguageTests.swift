import XCTest
@testable import KernteamDomain

/// Every text exists in Dutch and in English (the compiler sees to the switches; this test sees to
/// the words), and the language is chosen the way the README says.
final class LanguageTests: XCTestCase {
    /// Texts whose English may equal the Dutch: symbols, ids, numbers and formats, names, and words
    /// that are the same in both languages (Agenda, Status, Route, details, filter, kernteam …).
    static let sameInBothLanguages: Set<String> = [
        "kernteam", "Kernteam", "Agenda", "Status", "status", "Route", "Id", "details", "filter", "dashboard", "document",
        "Deadline", "Contact", "Score", "Document", "Budgets", "Min", "Lemon-score", "open", "○ open", "! over budget",
        "wijk", "Kern Emerald", "filter: Emerald", "Details Emerald", "Ladder: Emerald", "Dashboard · Emerald",
        "3 d", "1 d", "1 item", "3 min", "1 min", "→ Emerald (Verkeer)", "→ Emerald", "via Emerald: Verkeer", "Emerald: Verkeer",
        "Kernteam Emerald", "Kernteam Emerald (Verkeer)", "Deadline Emerald: Verkeer",
        "opgelost", "kernteam", "wijkaanpak", "buiten scope", "direct", "inplannen", "niet-uitvoerbaar",
        "deadline: Emerald", "3 items", "Emerald: 24", Text.cliHelp(.route).nl, "PL-1: prioriteiten", "Emerald: P-1, P-2",
        "Haaglanden",  // a region's name (the Lemon average beside a score)
    ]

    func testEveryCaseHasAnExample() {
        let slots = Set(Text.allExamples.map(\.exampleSlot))
        let missing = Set(0..<Text.exampleSlotCount).subtracting(slots)
        XCTAssertTrue(missing.isEmpty, "Text cases without an example in Text.allExamples (slots): \(missing.sorted())")
        XCTAssertTrue(slots.allSatisfy { $0 < Text.exampleSlotCount }, "raise Text.exampleSlotCount")
    }

    func testEveryTextExistsInBothLanguages() {
        for t in Text.allExamples {
            XCTAssertFalse(t.nl.trimmingCharacters(in: .whitespaces).isEmpty, "no Dutch for \(t)")
            XCTAssertFalse(t.en.trimmingCharacters(in: .whitespaces).isEmpty, "no English for \(t)")
        }
    }

    func testEnglishDiffersFromDutchWhereThereAreWords() {
        for t in Text.allExamples where t.en == t.nl {
            let words = t.nl.split(whereSeparator: { !$0.isLetter }).filter { $0.count > 1 }
            if words.isEmpty || Self.sameInBothLanguages.contains(t.nl) { continue }
            XCTFail("English equals Dutch: \(t) → \"\(t.en)\"; translate it or add it to sameInBothLanguages")
        }
    }

    func testEnglishKeepsDomainWordsInBrackets() {
        XCTAssertEqual(Text.fieldLabel(.wijk).en, "District (wijk)")
        XCTAssertEqual(Text.fieldLabel(.kern).en, "Village (kern)")
        XCTAssertTrue(Text.unknownWijk("Nergens", known: ["Emerald"]).en.contains("district (wijk) 'Nergens'"))
        // Values people type stay Dutch: they are data.
        XCTAssertTrue(Text.cliHelp(.theme).en.contains("verkeer"))
        XCTAssertEqual(Text.routeLabel(.opgelost).en, "opgelost")
    }

    func testTextFollowsTheCurrentLanguageAndDutchIsTheDefault() {
        XCTAssertEqual(Language.current, .nl, "tests (and golden screens) run in Dutch unless a test says otherwise")
        XCTAssertEqual(Text.paneSignals.text, "Signalen")
        Language.current = .en
        defer { Language.current = .nl }
        XCTAssertEqual(Text.paneSignals.text, "Signals")
        XCTAssertEqual(Text.saved("S-9").text, "Signal S-9 saved")
    }

    func testLanguageFromEnvironment() {
        XCTAssertEqual(Language.fromEnvironment([:]), .nl)
        XCTAssertEqual(Language.fromEnvironment(["LANG": "C.UTF-8"]), .nl)
        XCTAssertEqual(Language.fromEnvironment(["LANG": "POSIX"]), .nl)
        XCTAssertEqual(Language.fromEnvironment(["LANG": "nl_NL.UTF-8"]), .nl)
        XCTAssertEqual(Language.fromEnvironment(["LANG": "en_GB.UTF-8"]), .en)
        XCTAssertEqual(Language.fromEnvironment(["LANG": "en_US.UTF-8", "LC_MESSAGES": "nl_NL.UTF-8"]), .nl)
        XCTAssertEqual(Language.fromEnvironment(["LANG": "nl_NL.UTF-8", "LC_MESSAGES": "en_US.UTF-8"]), .en)
        XCTAssertEqual(Language.fromEnvironment(["LC_ALL": "en_US.UTF-8", "LC_MESSAGES": "nl_NL", "LANG": "nl_NL"]), .en)
        XCTAssertEqual(Language.fromEnvironment(["LC_ALL": "C", "LANG": "en_US.UTF-8"]), .nl)
        XCTAssertEqual(Language.fromEnvironment(["LC_ALL": "", "LANG": "en_US.UTF-8"]), .en)
        XCTAssertEqual(Language(argument: "en"), .en)
        XCTAssertEqual(Language(argument: "NL"), .nl)
        XCTAssertNil(Language(argument: "fr"))
    }
}

/// The plan's texts have their own examples; every case needs one (as for `Text`).
final class PlanTextTests: XCTestCase {
    func testEveryPlanTextCaseHasAnExample() {
        let slots = Set(PlanText.examples.map(\.exampleSlot))
        XCTAssertEqual(slots, Set(0..<PlanText.exampleSlotCount), "PlanText cases without an example, or raise exampleSlotCount")
    }
}
