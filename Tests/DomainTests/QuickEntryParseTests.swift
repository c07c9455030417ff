import XCTest
import KernteamDomain

/// Reading the quick-entry line: names written in full (several words), by their start or the start of
/// one of their words, in any case; the optional wijk and deadline; what is ambiguous and what is missing.
final class QuickEntryParseTests: XCTestCase {
    let today = Day("2009-07-20")!

    func context(default wijk: String? = nil) throws -> QuickEntry.Context {
        QuickEntry.Context(reference: try shippedReference(), kern: "Delfgauw", defaultWijk: wijk)
    }

    func entry(_ line: String, _ c: QuickEntry.Context, file: StaticString = #filePath, line l: UInt = #line) -> (DraftKind, Draft)? {
        guard case .entry(let kind, let draft) = QuickEntry.parse(line, c, today: today) else {
            XCTFail("not an entry: \(QuickEntry.parse(line, c, today: today))", file: file, line: l)
            return nil
        }
        return (kind, draft)
    }

    func testNamesOfSeveralWordsInFullOrByTheirStart() throws {
        let c = try context()
        let a = entry("a Oud Delfgauw rondom wonen 1-9 Tuinen   opknappen", c)
        XCTAssertEqual(a?.0, .action)
        XCTAssertEqual(a?.1[.wijk], "Oud Delfgauw")
        XCTAssertEqual(a?.1[.owner], "Rondom Wonen")
        XCTAssertEqual(a?.1[.due], "1-9")
        XCTAssertEqual(a?.1[.title], "Tuinen   opknappen", "the text as typed")
        let b = entry("actie emer beheer Bomen snoeien", c)
        XCTAssertEqual(b?.1[.owner], "Gemeente beheer", "the start of the second word of a name")
        XCTAssertNil(b?.1[.due], "the deadline may be left out")
        XCTAssertEqual(entry("besluit delfgauw Iets voor de hele kern", c)?.1[.wijk], "Delfgauw", "the kern itself is a place")
    }

    func testAWijkOfAnotherKernIsNotAPlaceOfThisLine() throws {
        // De Venen lies in Nootdorp: on a Delfgauw screen "De Venen" is text, and without a wijk it is missing.
        XCTAssertEqual(QuickEntry.parse("b De Venen krijgen een brug", try context(), today: today), .problem(.quickNoWijk))
        XCTAssertEqual(entry("b De Venen krijgen een brug", try context(default: "Emerald"))?.1[.text], "De Venen krijgen een brug")
    }

    func testAmbiguityNamesTheSlotTheWordAndWhereItIs() throws {
        guard case .ambiguous(let a) = QuickEntry.parse("a Emerald gemeente Iets", try context(), today: today) else { return XCTFail() }
        XCTAssertEqual(a.slot, .owner)
        XCTAssertEqual(a.typed, "gemeente")
        XCTAssertEqual(a.range, 10..<18)
        XCTAssertEqual(a.options, ["Gemeente beheer", "Gemeente beleid"])
        guard case .ambiguous(let w) = QuickEntry.parse("b delf Iets", try context(), today: today) else { return XCTFail() }
        XCTAssertEqual(w.slot, .wijk)
        XCTAssertEqual(w.options, ["Delfgauw", "Oud Delfgauw"])
    }

    func testSuggestionsFollowTheSlotBeingTyped() throws {
        let c = try context(default: "Emerald")
        XCTAssertNil(QuickEntry.suggestions("a", c, today: today))
        XCTAssertEqual(QuickEntry.suggestions("s Emerald ver", c, today: today)?.slot, .theme)
        XCTAssertEqual(QuickEntry.suggestions("s Emerald ver", c, today: today)?.options, ["verkeer"])
        // With a default wijk, a word that is no place is already the owner.
        XCTAssertEqual(QuickEntry.suggestions("a pol", c, today: today)?.slot, .owner)
        XCTAssertNil(QuickEntry.suggestions("a Emerald Politie 15-01 Drem", c, today: today), "no names in the text")
    }
}
