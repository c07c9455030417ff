import Foundation
import XCTest
import KernteamDomain

/// The history (everything recorded for a wijk or kern, in time order) and its filters, on a small
/// hand-built state, plus the chain of corrections of one record.
final class HistoryFilterTests: XCTestCase {
    private var reference: ReferenceData!

    override func setUpWithError() throws {
        reference = try shippedReference()
    }

    /// Two kernen, two meetings, records in several wijken and kern-wide, some corrected or withdrawn.
    /// Sequence numbers are noted per line; timestamps come from `EventFeed` (2009-03-17T19:<seq>).
    private func feed() -> EventFeed {
        var f = EventFeed()
        f.add(.referenceSet(reference), role: .systeem)                                                        // 1
        f.add(.meetingHeld(MeetingHeld(id: id("V-1"), kern: "Delfgauw", date: day(2009, 3, 10))))              // 2
        f.add(.meetingHeld(MeetingHeld(id: id("V-2"), kern: "Nootdorp", date: day(2009, 4, 14))))              // 3
        f.add(.decisionTaken(DecisionTaken(id: id("B-1"), kern: "Delfgauw", wijk: nil,
                                           text: "Wijkbudget Delfgauw wordt verdeeld over de wijken", meeting: id("V-1"))))   // 4
        f.add(.decisionTaken(DecisionTaken(id: id("B-2"), kern: "Delfgauw", wijk: "Emerald",
                                           text: "Verkeersplan Emerald met bewoners uitwerken", meeting: id("V-1"))))         // 5
        f.add(.actionCreated(ActionCreated(id: id("A-1"), kern: "Delfgauw", wijk: "Oud Delfgauw",
                                           title: "Startavond gebiedsvisie voorbereiden", owner: "Bewonersvereniging",
                                           due: day(2009, 4, 1), meeting: id("V-1"))))                                       // 6
        // Recorded after the meeting entries but dated earlier: the history follows the date, not the log.
        f.add(.signalRecorded(SignalRecorded(id: id("S-1"), kern: "Delfgauw", wijk: "Emerald", theme: .verkeer,
                                             source: .bewoner, text: "Bewoners worden niet geïnformeerd over de wegwerkzaamheden",
                                             date: day(2009, 3, 1))))                                                        // 7
        f.add(.prioritySet(PrioritySet(id: id("P-1"), kern: "Delfgauw", wijk: "Emerald", theme: .verkeer,
                                       text: "Veilig verkeer rond de scholen", meeting: id("V-1"))))                         // 8
        f.add(.signalRecorded(SignalRecorded(id: id("S-2"), kern: "Nootdorp", wijk: "'s-Gravenhout", theme: .overlast,
                                             source: .politie, text: "Hangjongeren bij de winkels van 's-Gravenhout",
                                             date: day(2009, 4, 2), meeting: id("V-2"))))                                    // 9
        f.add(.decisionTaken(DecisionTaken(id: id("B-3"), kern: "Nootdorp", wijk: nil,
                                           text: "Jongerenwerk krijgt een vaste avond in Nootdorp", meeting: id("V-2"))))     // 10
        f.add(.decisionTaken(DecisionTaken(id: id("B-4"), kern: "Nootdorp", wijk: "'s-Gravenhout",
                                           text: "Extra toezicht bij de winkels", meeting: id("V-2"))))                     // 11
        // Later changes: a status change, a correction and a withdrawal of A-1; a withdrawal of S-2.
        f.add(.actionStatusChanged(ActionStatusChanged(ref: id("A-1"), status: .bezig, reason: "datum geprikt")))        // 12
        f.add(.entryCorrected(EntryCorrected(ref: id("A-1"), fields: ["owner": "SWOP"], reason: "verkeerde eigenaar")),
              role: .voorzitter)                                                                                          // 13
        f.add(.entryWithdrawn(EntryWithdrawn(ref: id("A-1"), reason: "gaat op in de wijkanalyse")))                      // 14
        f.add(.entryWithdrawn(EntryWithdrawn(ref: id("S-2"), reason: "dubbel ingevoerd")))                                // 15
        return f
    }

    private var state: KernteamState { KernteamState(folding: feed().events) }

    private func ids<C: Collection<HistoryEntry>>(_ entries: C) -> [String] {
        entries.map { $0.id?.description ?? "-" }
    }

    // MARK: - Place

    func testAWijkShowsOnlyItsOwnRecords() {
        let emerald = state.history(HistoryFilter(place: "Emerald"))
        XCTAssertEqual(ids(emerald), ["S-1", "B-2", "P-1"])
        XCTAssertTrue(emerald.allSatisfy { $0.wijk == "Emerald" && $0.kern == "Delfgauw" })
        XCTAssertEqual(ids(state.history(HistoryFilter(place: "  emerald "))), ["S-1", "B-2", "P-1"], "the name is typed loosely")
        XCTAssertFalse(ids(emerald).contains("B-1"), "a kern-wide record is not part of one wijk's history")
        XCTAssertEqual(ids(state.history(HistoryFilter(place: "'s-Gravenhout"))), ["S-2", "B-4"])
        XCTAssertEqual(ids(state.history(HistoryFilter(place: "De Venen"))), [], "a wijk with nothing recorded")
    }

    func testAKernIncludesItsWijkenAndKernWideRecords() {
        let delfgauw = state.history(HistoryFilter(place: "Delfgauw"))
        XCTAssertEqual(ids(delfgauw), ["S-1", "B-1", "B-2", "A-1", "P-1"])
        XCTAssertTrue(delfgauw.contains { $0.wijk == nil }, "kern-wide decision B-1")
        XCTAssertTrue(delfgauw.contains { $0.wijk == "Oud Delfgauw" })
        XCTAssertTrue(delfgauw.allSatisfy { $0.kern == "Delfgauw" })
        XCTAssertEqual(ids(state.history(HistoryFilter(place: "NOOTDORP"))), ["S-2", "B-3", "B-4"])
        XCTAssertEqual(ids(state.history(HistoryFilter(place: "Pijnacker"))), [])
    }

    func testNoPlaceShowsEverythingAndAnUnknownPlaceNothing() {
        XCTAssertEqual(ids(state.history(HistoryFilter())), ["S-1", "B-1", "B-2", "A-1", "P-1", "S-2", "B-3", "B-4"])
        XCTAssertTrue(state.history(HistoryFilter(place: "Atlantis")).isEmpty)
    }

    // MARK: - Period, theme, kind

    func testPeriodBoundsAreInclusive() {
        let meetingDay = state.history(HistoryFilter(from: day(2009, 3, 10), to: day(2009, 3, 10)))
        XCTAssertEqual(ids(meetingDay), ["B-1", "B-2", "A-1", "P-1"], "records of V-1 carry the meeting's date")
        XCTAssertTrue(meetingDay.allSatisfy { $0.date == day(2009, 3, 10) })
        XCTAssertEqual(ids(state.history(HistoryFilter(from: day(2009, 3, 1), to: day(2009, 3, 9)))), ["S-1"])
        XCTAssertEqual(ids(state.history(HistoryFilter(from: day(2009, 3, 2), to: day(2009, 3, 9)))), [])
        XCTAssertEqual(ids(state.history(HistoryFilter(from: day(2009, 4, 2)))), ["S-2", "B-3", "B-4"])
        XCTAssertEqual(ids(state.history(HistoryFilter(to: day(2009, 4, 2)))), ["S-1", "B-1", "B-2", "A-1", "P-1", "S-2"])
        XCTAssertEqual(ids(state.history(HistoryFilter(place: "Delfgauw", from: day(2009, 3, 11)))), [])
    }

    func testThemeAndKind() {
        XCTAssertEqual(ids(state.history(HistoryFilter(theme: .verkeer))), ["S-1", "P-1"])
        XCTAssertEqual(ids(state.history(HistoryFilter(theme: .overlast))), ["S-2"])
        XCTAssertEqual(ids(state.history(HistoryFilter(theme: .groen))), [])
        XCTAssertEqual(ids(state.history(HistoryFilter(kinds: [.besluit]))), ["B-1", "B-2", "B-3", "B-4"])
        XCTAssertEqual(ids(state.history(HistoryFilter(place: "Delfgauw", kinds: [.besluit]))), ["B-1", "B-2"])
        XCTAssertEqual(ids(state.history(HistoryFilter(kinds: [.actie, .signaal]))), ["S-1", "A-1", "S-2"])
        XCTAssertEqual(ids(state.history(HistoryFilter(place: "Emerald", theme: .verkeer, kinds: [.prioriteit]))), ["P-1"])
        XCTAssertTrue(state.history(HistoryFilter(kinds: [])).isEmpty)
    }

    // MARK: - Search

    func testSearchIgnoresCaseAndAccents() {
        XCTAssertEqual(ids(state.history(HistoryFilter(search: "GEINFORMEERD"))), ["S-1"])
        XCTAssertEqual(ids(state.history(HistoryFilter(search: "geïnformeerd"))), ["S-1"])
        XCTAssertEqual(ids(state.history(HistoryFilter(search: "GEÏNFORMEERD"))), ["S-1"])
        XCTAssertEqual(ids(state.history(HistoryFilter(search: "'s-gravenhout"))), ["S-2"])
        XCTAssertEqual(ids(state.history(HistoryFilter(search: "’S-GRAVENHOUT"))), ["S-2"], "a typographic apostrophe too")
        XCTAssertEqual(ids(state.history(HistoryFilter(search: "winkels"))), ["S-2", "B-4"])
    }

    func testSeveralWordsMustAllMatch() {
        XCTAssertEqual(ids(state.history(HistoryFilter(search: "winkels toezicht"))), ["B-4"])
        XCTAssertEqual(ids(state.history(HistoryFilter(search: "toezicht winkels"))), ["B-4"], "word order does not matter")
        XCTAssertEqual(ids(state.history(HistoryFilter(search: "winkels  HANGJONGEREN"))), ["S-2"], "extra spaces are no word")
        XCTAssertEqual(ids(state.history(HistoryFilter(search: "winkels fietsroute"))), [], "one word missing: no match")
        XCTAssertEqual(ids(state.history(HistoryFilter(place: "Delfgauw", search: "winkels"))), [], "search within the place")
    }

    func testSearchFindsTheRecordByItsID() {
        XCTAssertEqual(ids(state.history(HistoryFilter(search: "b-4"))), ["B-4"])
    }

    // MARK: - Order and status

    func testTimeOrderWithTiesByLogOrder() {
        let all = state.history(HistoryFilter())
        XCTAssertEqual(all.map(\.date), all.map(\.date).sorted(), "oldest first")
        XCTAssertEqual(all.first?.id, id("S-1"), "dated 1 March although recorded after the meeting's entries")
        let sameDay = all.filter { $0.date == day(2009, 3, 10) }
        XCTAssertEqual(ids(sameDay), ["B-1", "B-2", "A-1", "P-1"])
        XCTAssertEqual(sameDay.map(\.seq), [4, 5, 6, 8], "ties in log order")
        let april = all.filter { $0.date == day(2009, 4, 14) }
        XCTAssertEqual(april.map(\.seq), [10, 11])
        XCTAssertEqual(all.first { $0.id == id("B-2") }?.meeting, id("V-1"))
        XCTAssertNil(all.first { $0.id == id("S-1") }?.meeting)
    }

    func testWithdrawnRecordsAreStillShownWithTheirStatus() throws {
        let all = state.history(HistoryFilter())
        let s2 = try XCTUnwrap(all.first { $0.id == id("S-2") })
        XCTAssertEqual(s2.status, "ingetrokken")
        XCTAssertEqual(s2.text, "Hangjongeren bij de winkels van 's-Gravenhout")
        XCTAssertEqual(s2.changes, [15])
        let a1 = try XCTUnwrap(all.first { $0.id == id("A-1") })
        XCTAssertEqual(a1.status, "ingetrokken", "withdrawal outranks the action's own status")
        XCTAssertEqual(a1.changes, [12, 13, 14])
        XCTAssertTrue(a1.text.contains("SWOP"), "the corrected owner is shown: \(a1.text)")
        XCTAssertFalse(a1.text.contains("Bewonersvereniging"))
        let b2 = try XCTUnwrap(all.first { $0.id == id("B-2") })
        XCTAssertEqual(b2.status, "", "a standing decision has no status")
        XCTAssertTrue(b2.changes.isEmpty)
        // Withdrawn records are found by the filters like any other.
        XCTAssertEqual(ids(state.history(HistoryFilter(place: "'s-Gravenhout", kinds: [.signaal]))), ["S-2"])
        XCTAssertEqual(ids(state.history(HistoryFilter(place: "Oud Delfgauw"))), ["A-1"])
    }

    // MARK: - Chain of corrections

    func testChainListsCreationCorrectionStatusChangeAndWithdrawalInOrder() throws {
        let s = state
        let tracked = try XCTUnwrap(s.actions[id("A-1")])
        let entry = try XCTUnwrap(s.history(HistoryFilter()).first { $0.id == id("A-1") })
        let steps = s.chain(of: id("A-1"), created: (entry.seq, tracked.timestamp, "Startavond gebiedsvisie voorbereiden"),
                            changes: entry.changes)
        XCTAssertEqual(steps.map(\.seq), [6, 12, 13, 14])
        XCTAssertEqual(steps.map(\.timestamp), ["2009-03-17T19:06:00Z", "2009-03-17T19:12:00Z", "2009-03-17T19:13:00Z",
                                                "2009-03-17T19:14:00Z"])
        XCTAssertEqual(steps.map(\.role), [nil, .secretaris, .voorzitter, .secretaris])
        XCTAssertEqual(steps.map(\.text), [
            "vastgelegd: Startavond gebiedsvisie voorbereiden",
            "→ bezig (datum geprikt)",
            "gecorrigeerd: Eigenaar → SWOP (verkeerde eigenaar)",
            "ingetrokken: gaat op in de wijkanalyse",
        ])
        // The order follows the log, whatever order the changes are handed in.
        let shuffled = s.chain(of: id("A-1"), created: (6, tracked.timestamp, "x"), changes: [14, 12, 13])
        XCTAssertEqual(shuffled.map(\.seq), [6, 12, 13, 14])
    }

    func testChainOfAnUnchangedRecordIsOnlyItsCreation() {
        let steps = state.chain(of: id("B-2"), created: (5, "2009-03-17T19:05:00Z", "Verkeersplan Emerald met bewoners uitwerken"),
                                changes: [])
        XCTAssertEqual(steps, [ChainStep(seq: 5, timestamp: "2009-03-17T19:05:00Z", role: nil,
                                         text: "vastgelegd: Verkeersplan Emerald met bewoners uitwerken")])
    }

    func testChainOfACorrectedSignalShowsEveryChangedField() throws {
        var f = feed()
        f.add(.entryCorrected(EntryCorrected(ref: id("S-1"), fields: ["theme": "wonen", "text": "Bewoners niet geïnformeerd"],
                                             reason: nil)))                                                             // 16
        f.add(.signalTriaged(SignalTriaged(ref: id("S-1"), route: .buitenScope, reason: "loopt via de aannemer",
                                           date: day(2009, 3, 18))))                                                   // 17
        let s = KernteamState(folding: f.events)
        let entry = try XCTUnwrap(s.history(HistoryFilter(place: "Emerald")).first { $0.id == id("S-1") })
        XCTAssertEqual(entry.theme, .wonen, "the history shows the corrected theme")
        XCTAssertEqual(entry.text, "Bewoners niet geïnformeerd")
        XCTAssertEqual(entry.status, "buiten scope")
        XCTAssertEqual(ids(s.history(HistoryFilter(theme: .verkeer))), ["P-1"], "filters see the corrected theme")
        let steps = s.chain(of: id("S-1"), created: (entry.seq, "", entry.text), changes: entry.changes)
        XCTAssertEqual(steps.map(\.seq), [7, 16, 17])
        XCTAssertEqual(steps[1].text, "gecorrigeerd: Tekst → Bewoners niet geïnformeerd, Thema → wonen")
        XCTAssertEqual(steps[2].text, "→ buiten scope (loopt via de aannemer)")
        XCTAssertEqual(steps[2].seq, 17, "a fact entry is named by its number, for a correction")
    }
}
