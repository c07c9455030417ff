import Foundation
import XCTest
import KernteamDomain

final class FoldTests: XCTestCase {
    private var reference: ReferenceData!

    override func setUpWithError() throws {
        reference = try shippedReference()
    }

    /// A short meeting's worth of events, including corrections, withdrawals and status changes.
    private func meetingFeed() -> EventFeed {
        var f = EventFeed()
        f.add(.referenceSet(reference), role: .systeem)                                               // 1
        f.add(.meetingHeld(MeetingHeld(id: id("V-1"), kern: "Delfgauw", date: day(2009, 3, 17))))    // 2
        f.add(.signalRecorded(SignalRecorded(id: id("S-1"), kern: "Delfgauw", wijk: "Emerald", theme: .groen,
                                             source: .bewoner, text: "Losliggende stoeptegels", date: day(2009, 3, 1),
                                             buurt: "Emerald-Zuid", person: "pd-0011223344556677",
                                             meeting: id("V-1"))))                                    // 3
        f.add(.signalRecorded(SignalRecorded(id: id("S-2"), kern: "Nootdorp", wijk: "'s-Gravenhout", theme: .overlast,
                                             source: .politie, text: "Hangjongeren bij de winkels",
                                             date: day(2009, 3, 5))))                                 // 4
        f.add(.actionCreated(ActionCreated(id: id("A-1"), kern: "Delfgauw", wijk: "Emerald", title: "Stoeptegels herstellen",
                                           owner: "Gemeente beheer", due: day(2009, 4, 1),
                                           cost: Money(cents: 125_050), meeting: id("V-1"))))         // 5
        f.add(.actionCreated(ActionCreated(id: id("A-2"), kern: "Pijnacker", wijk: nil, title: "Extra surveillance",
                                           owner: "Politie", due: day(2009, 3, 1))))                  // 6
        f.add(.actionStatusChanged(ActionStatusChanged(ref: id("A-1"), status: .bezig)))              // 7
        f.add(.actionStatusChanged(ActionStatusChanged(ref: id("A-1"), status: .gereed, reason: "hersteld"))) // 8
        f.add(.entryCorrected(EntryCorrected(ref: id("S-1"), fields: [
            "text": "Losliggende stoeptegels bij de speeltuin", "wijk": "oud delfgauw", "theme": "geen-thema",
        ], reason: "verkeerde wijk")))                                                                // 9
        f.add(.entryWithdrawn(EntryWithdrawn(ref: id("S-2"), reason: "dubbel ingevoerd")))            // 10
        f.add(.entryCorrected(EntryCorrected(ref: id("A-1"), fields: ["cost": "99,95", "owner": "swop"]))) // 11
        f.add(.decisionTaken(DecisionTaken(id: id("B-1"), kern: "Delfgauw", wijk: nil, text: "Wijkschouw in april",
                                           meeting: id("V-1"), about: [id("S-1")])))                  // 12
        f.add(.entryWithdrawn(EntryWithdrawn(ref: id("S-99"), reason: "bestaat niet")))              // 13
        f.add(.actionStatusChanged(ActionStatusChanged(ref: id("A-9"), status: .gereed)))             // 14
        f.add(.entryCorrected(EntryCorrected(ref: id("B-7"), fields: ["text": "x"])))                 // 15
        return f
    }

    func testFoldRecordsSignalsActionsAndDecisions() {
        let state = KernteamState(folding: meetingFeed().events)
        XCTAssertEqual(state.reference, reference)
        XCTAssertEqual(state.meetings.count, 1)
        XCTAssertEqual(state.signals.count, 2)
        XCTAssertEqual(state.actions.count, 2)
        XCTAssertEqual(state.decisions.count, 1)
        XCTAssertEqual(state.priorities.count, 0)
        XCTAssertEqual(state.lastSeq, 15)
        XCTAssertEqual(state.signals.items.map(\.value.id), [id("S-1"), id("S-2")], "log order")
        XCTAssertEqual(state.signals[id("S-2")]?.seq, 4)
        XCTAssertEqual(state.signals[id("S-2")]?.timestamp, "2009-03-17T19:04:00Z")
        XCTAssertEqual(state.decisions[id("B-1")]?.value.about, [id("S-1")])
        XCTAssertTrue(state.exists(id("A-2")))
        XCTAssertFalse(state.exists(id("A-3")))
        XCTAssertNil(state.signals[id("S-3")])
    }

    func testFoldAppliesStatusChangesInOrder() throws {
        let state = KernteamState(folding: meetingFeed().events)
        let a1 = try XCTUnwrap(state.actions[id("A-1")])
        XCTAssertEqual(a1.value.status, .gereed)
        XCTAssertEqual(a1.value.statusReason, "hersteld")
        XCTAssertEqual(a1.changes, [7, 8, 11])
        let a2 = try XCTUnwrap(state.actions[id("A-2")])
        XCTAssertEqual(a2.value.status, .open, "a new action starts open")
        XCTAssertTrue(a2.changes.isEmpty)

        // A status change only after the prefix up to seq 7 is folded: still in progress.
        let partial = KernteamState(folding: Array(meetingFeed().events.prefix(7)))
        XCTAssertEqual(partial.actions[id("A-1")]?.value.status, .bezig)
    }

    func testOverdueOnlyWhileOpenAndPastDue() throws {
        let state = KernteamState(folding: meetingFeed().events)
        let today = day(2009, 3, 17)
        XCTAssertTrue(try XCTUnwrap(state.actions[id("A-2")]).value.isOverdue(today: today), "open, due 1 March")
        XCTAssertFalse(try XCTUnwrap(state.actions[id("A-1")]).value.isOverdue(today: day(2009, 5, 1)), "done is never overdue")
        XCTAssertFalse(try XCTUnwrap(state.actions[id("A-2")]).value.isOverdue(today: day(2009, 3, 1)), "due today is not late")
    }

    func testCorrectionsChangeValidFieldsAndKeepTheRest() throws {
        let state = KernteamState(folding: meetingFeed().events)
        let s1 = try XCTUnwrap(state.signals[id("S-1")])
        XCTAssertEqual(s1.value.text, "Losliggende stoeptegels bij de speeltuin")
        XCTAssertEqual(s1.value.kern, "Delfgauw")
        XCTAssertEqual(s1.value.wijk, "Oud Delfgauw", "the wijk is stored with its canonical spelling")
        XCTAssertEqual(s1.value.theme, .groen, "an unknown theme in a correction is not applied")
        XCTAssertEqual(s1.value.person, "pd-0011223344556677", "fields not corrected stay")
        XCTAssertEqual(s1.changes, [9])
        XCTAssertFalse(s1.isWithdrawn)

        let a1 = try XCTUnwrap(state.actions[id("A-1")])
        XCTAssertEqual(a1.value.created.cost, Money(cents: 9_995))
        XCTAssertEqual(a1.value.created.owner, "SWOP", "the organisation is stored with its canonical name")
        XCTAssertEqual(a1.value.created.title, "Stoeptegels herstellen")
    }

    func testCorrectingToAKernMeansTheWholeKern() throws {
        var f = meetingFeed()
        f.add(.entryCorrected(EntryCorrected(ref: id("S-1"), fields: ["wijk": "NOOTDORP"])))
        let s1 = try XCTUnwrap(KernteamState(folding: f.events).signals[id("S-1")])
        XCTAssertEqual(s1.value.kern, "Nootdorp")
        XCTAssertNil(s1.value.wijk)
        XCTAssertEqual(s1.changes, [9, 16])
    }

    func testWithdrawalMarksTheRecordButKeepsIt() throws {
        let state = KernteamState(folding: meetingFeed().events)
        let s2 = try XCTUnwrap(state.signals[id("S-2")])
        XCTAssertTrue(s2.isWithdrawn)
        XCTAssertEqual(s2.withdrawnReason, "dubbel ingevoerd")
        XCTAssertEqual(s2.changes, [10])
        XCTAssertEqual(s2.value.text, "Hangjongeren bij de winkels", "the withdrawn record is still readable")
    }

    func testReferencesToUnknownRecordsAreKeptAsDangling() {
        let state = KernteamState(folding: meetingFeed().events)
        XCTAssertEqual(state.danglingReferences, [13, 14, 15])
    }

    func testNextIDIsOneMoreThanEverGivenIncludingWithdrawn() {
        let state = KernteamState(folding: meetingFeed().events)
        XCTAssertEqual(state.nextID(.signal), id("S-3"), "S-2 is withdrawn but its number is never reused")
        XCTAssertEqual(state.nextID(.action), id("A-3"))
        XCTAssertEqual(state.nextID(.decision), id("B-2"))
        XCTAssertEqual(state.nextID(.meeting), id("V-2"))
        XCTAssertEqual(state.nextID(.priority), id("P-1"))
        XCTAssertEqual(state.nextID(.agendaItem), id("AP-1"))
        XCTAssertEqual(state.nextID(.participation), id("D-1"))
        XCTAssertEqual(KernteamState().nextID(.signal), id("S-1"))
    }

    func testLatestMeetingSkipsWithdrawnAndOtherKernen() {
        var f = meetingFeed()
        XCTAssertEqual(KernteamState(folding: f.events).latestMeeting(kern: "Delfgauw")?.id, id("V-1"))
        XCTAssertNil(KernteamState(folding: f.events).latestMeeting(kern: "Pijnacker"))
        f.add(.meetingHeld(MeetingHeld(id: id("V-2"), kern: "Delfgauw", date: day(2009, 4, 14))))
        f.add(.meetingHeld(MeetingHeld(id: id("V-3"), kern: "Delfgauw", date: day(2009, 2, 10))))
        XCTAssertEqual(KernteamState(folding: f.events).latestMeeting(kern: "Delfgauw")?.id, id("V-2"), "by date, not log order")
        f.add(.entryWithdrawn(EntryWithdrawn(ref: id("V-2"), reason: "verkeerde datum")))
        XCTAssertEqual(KernteamState(folding: f.events).latestMeeting(kern: "Delfgauw")?.id, id("V-1"))
        XCTAssertEqual(KernteamState(folding: f.events).latestMeeting(kern: nil)?.id, id("V-1"))
    }

    func testEventsSurviveJSONRoundTrip() throws {
        for logged in meetingFeed().events {
            let data = try JSONEncoder().encode(logged.event)
            let object = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
            XCTAssertEqual(object["type"] as? String, logged.event.typeName)
            XCTAssertEqual(try JSONDecoder().decode(Event.self, from: data), logged.event)
        }
        XCTAssertThrowsError(try JSONDecoder().decode(Event.self, from: Data(#"{"type":"signal.exploded"}"#.utf8))) { error in
            XCTAssertEqual((error as? Event.UnknownType)?.type, "signal.exploded")
        }
    }
}
