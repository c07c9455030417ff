import XCTest
import KernteamDomain

/// Rules found in review: a closed meeting's time-boxes are frozen, a time-box change must change
/// something, and records are not linked to another kern's meeting.
final class MeetingGuardTests: XCTestCase {
    func state(closed: Bool) throws -> KernteamState {
        var feed = EventFeed()
        feed.add(.referenceSet(try shippedReference()))
        feed.add(.meetingHeld(MeetingHeld(id: RecordID(.meeting, 1), kern: "Delfgauw", date: day(2009, 3, 10), length: 60)))
        feed.add(.agendaItemAdded(AgendaItemAdded(id: RecordID(.agendaItem, 1), meeting: RecordID(.meeting, 1), title: "Verkeer",
                                                  kern: "Delfgauw", wijk: "Emerald", minutes: 15)))
        if closed {
            feed.add(.meetingClosed(MeetingClosed(ref: RecordID(.meeting, 1), checkpointSeq: 3, checkpointHash: String(repeating: "a", count: 64))))
        }
        return KernteamState(folding: feed.events)
    }

    func testTimeboxOfAClosedMeetingIsRefused() throws {
        let v = Validator(state: try state(closed: true), today: day(2009, 3, 11))
        guard case .failure(let r) = v.validate(.timebox, Draft([.minutes: "20"]), target: RecordID(.agendaItem, 1)) else {
            return XCTFail("a closed meeting's agenda must not change")
        }
        XCTAssertTrue(r.problems.contains { $0.field == .meeting }, "\(r.lines)")
    }

    func testTimeboxThatChangesNothingIsRefused() throws {
        let v = Validator(state: try state(closed: false), today: day(2009, 3, 11))
        guard case .failure = v.validate(.timebox, Draft([.minutes: "15"]), target: RecordID(.agendaItem, 1)) else {
            return XCTFail("an unchanged time-box must not write a correction")
        }
        guard case .success = v.validate(.timebox, Draft([.minutes: "10"]), target: RecordID(.agendaItem, 1)) else {
            return XCTFail("a real change is accepted")
        }
    }

    func testRecordsAreNotLinkedToAnotherKernsMeeting() throws {
        let v = Validator(state: try state(closed: false), today: day(2009, 3, 11))
        let draft = Draft([.wijk: "Tolhek", .theme: "groen", .source: "bewoner", .text: "x"])
        // Typed: refused with a message naming the meeting's kern.
        var typed = draft
        typed[.meeting] = "V-1"
        guard case .failure(let r) = v.validate(.signal, typed) else { return XCTFail("another kern's meeting must be refused") }
        XCTAssertTrue(r.lines.joined().contains("Delfgauw"), "\(r.lines)")
        // From the screen's current meeting: recorded, just not linked.
        guard case .success(.signalRecorded(let s)) = v.validate(.signal, draft, meeting: RecordID(.meeting, 1)) else {
            return XCTFail("the signal itself is fine")
        }
        XCTAssertNil(s.meeting)
        // An agenda item for a Pijnacker wijk cannot go on a Delfgauw meeting.
        guard case .failure = v.validate(.agendaItem, Draft([.title: "x", .wijk: "Tolhek"]), meeting: RecordID(.meeting, 1)) else {
            return XCTFail("agenda item of another kern must be refused")
        }
    }
}
