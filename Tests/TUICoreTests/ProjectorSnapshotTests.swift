import Foundation
import XCTest
import KernteamDomain
@testable import KernteamTUI
@testable import KernteamApp

/// Projector mode with residents' personal data in the fixture: nothing of it on the beamer, unless the
/// chair reveals exactly one item (i); and no forms.
final class ProjectorSnapshotTests: XCTestCase {
    private let s1 = RecordID(.signal, 1), s2 = RecordID(.signal, 2), s3 = RecordID(.signal, 3)
    private let i1 = RecordID(.initiative, 1)
    private let d1 = RecordID(.participation, 1), d2 = RecordID(.participation, 2)

    /// Residents in the side store, by reference.
    private let persons: [PersonRef: PersonalData] = [
        "p-zoe": PersonalData(ref: "p-zoe", name: "Zoë de Vries", contact: "06-12345678 zoe.devries@example.nl",
                              recorded: Day("2009-07-01")!, record: RecordID(.signal, 1)),
        "p-jan": PersonalData(ref: "p-jan", name: "Jan Pietersen", contact: "jan.pietersen@example.nl",
                              recorded: Day("2009-07-02")!, record: RecordID(.signal, 2)),
        "p-fatima": PersonalData(ref: "p-fatima", name: "Fatima el Amrani", contact: "06-87654321",
                                 recorded: Day("2009-07-03")!, record: RecordID(.initiative, 1)),
    ]

    /// Everything in the fixture that identifies a resident, per record.
    private var personalData: [RecordID: [String]] {
        [
            s1: ["Zoë de Vries", "Zoë", "Vries", "06-12345678", "12345678", "zoe.devries@example.nl", "devries"],
            s2: ["Jan Pietersen", "Pietersen", "jan.pietersen@example.nl"],
            i1: ["Fatima el Amrani", "Fatima", "Amrani", "06-87654321", "87654321"],
            d1: ["Kees Jansen", "Jansen", "Ans Bakker", "Bakker"],
            d2: ["Mohamed Yilmaz", "Yilmaz"],
        ]
    }

    private var everyone: [String] { personalData.values.flatMap { $0 } }

    static let longDecision = "Het kernteam vraagt de gemeente om voor de winter op het hele fietspad door de Zuidpolder "
        + "ledverlichting met bewegingssensoren te plaatsen, de ouders van de fietsbus te laten weten wanneer het werk begint, "
        + "en in de vergadering van november terug te melden of het licht 's ochtends om half acht brandt."

    private static let now: Date = {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.date(from: "2009-07-20T19:47:30Z")!
    }()

    /// An open Delfgauw meeting, item AP-2 (about S-1) under discussion; signals and an initiative with
    /// reporters; participation with named representatives.
    private func fixtureState() -> KernteamState {
        var s = KernteamState()
        var seq = 0
        func add(_ ts: String, _ e: Event) {
            seq += 1
            s.apply(LoggedEvent(seq: seq, timestamp: ts, role: .secretaris, event: e))
        }
        let v1 = RecordID(.meeting, 1)
        add("2009-07-01T09:00:00Z", .referenceSet(Fixture.reference))
        add("2009-07-01T09:00:00Z", .signalRecorded(SignalRecorded(id: s1, kern: "Delfgauw", wijk: "Emerald", theme: .verkeer, source: .bewoner,
                                                                   text: "Verlichting fietspad kapot", date: Day("2009-07-01")!,
                                                                   buurt: "Emerald-Zuid", person: "p-zoe")))
        add("2009-07-02T09:00:00Z", .signalRecorded(SignalRecorded(id: s2, kern: "Delfgauw", wijk: "Oud Delfgauw", theme: .groen, source: .bewoner,
                                                                   text: "Heg belemmert het zicht", date: Day("2009-07-02")!, person: "p-jan")))
        add("2009-07-03T09:00:00Z", .signalRecorded(SignalRecorded(id: s3, kern: "Delfgauw", wijk: "Emerald", theme: .spelen, source: .schouw,
                                                                   text: "Zandbak vervuild", date: Day("2009-07-03")!)))
        add("2009-07-03T10:00:00Z", .initiativeRecorded(InitiativeRecorded(id: i1, kern: "Delfgauw", wijk: "Emerald", text: "Buurtmoestuin bij de school",
                                                                           date: Day("2009-07-03")!, person: "p-fatima")))
        add("2009-07-04T09:00:00Z", .participationSet(ParticipationSet(id: d1, kern: "Delfgauw", wijk: "Emerald", topic: "Herinrichting speeltuin",
                                                                       work: .leefbaarheidsplan, phase: .planvorming, level: .coproduceren,
                                                                       representatives: "Kees Jansen en Ans Bakker", feedbackPlan: "nieuwsbrief")))
        add("2009-07-04T09:10:00Z", .participationSet(ParticipationSet(id: d2, kern: "Delfgauw", wijk: "Oud Delfgauw", topic: "Wijkvisie dorpskern",
                                                                       work: .wijkvisie, phase: .planvorming, level: .participeren,
                                                                       representatives: "Mohamed Yilmaz", feedbackPlan: "bewonersavond")))
        add("2009-07-10T09:00:00Z", .meetingHeld(MeetingHeld(id: v1, kern: "Delfgauw", date: Day("2009-07-20")!, length: 90)))
        add("2009-07-10T09:01:00Z", .agendaItemAdded(AgendaItemAdded(id: RecordID(.agendaItem, 1), meeting: v1, title: "Opening",
                                                                     kern: "Delfgauw", wijk: nil, minutes: 5)))
        add("2009-07-10T09:02:00Z", .agendaItemAdded(AgendaItemAdded(id: RecordID(.agendaItem, 2), meeting: v1, title: "Signaal S-1: Verlichting fietspad kapot",
                                                                     kern: "Delfgauw", wijk: "Emerald", minutes: 10, source: s1)))
        add("2009-07-10T09:03:00Z", .agendaItemAdded(AgendaItemAdded(id: RecordID(.agendaItem, 3), meeting: v1, title: "Initiatief beoordelen I-1: Buurtmoestuin bij de school",
                                                                     kern: "Delfgauw", wijk: "Emerald", minutes: 10, source: i1)))
        add("2009-07-20T19:30:00Z", .meetingOpened(MeetingOpened(ref: v1)))
        add("2009-07-20T19:30:10Z", .attendanceRecorded(AttendanceRecorded(meeting: v1, org: "Politie", status: .aanwezig)))
        add("2009-07-20T19:30:20Z", .residentsCounted(ResidentsCounted(meeting: v1, count: 3)))
        add("2009-07-20T19:31:00Z", .agendaItemStarted(AgendaItemStarted(ref: RecordID(.agendaItem, 1))))
        add("2009-07-20T19:36:00Z", .agendaItemStarted(AgendaItemStarted(ref: RecordID(.agendaItem, 2), ended: RecordID(.agendaItem, 1), outcome: .besproken)))
        // Recorded while AP-2 is under discussion, as the session links them.
        let ap2 = RecordID(.agendaItem, 2)
        var decision = DecisionTaken(id: RecordID(.decision, 1), kern: "Delfgauw", wijk: "Emerald",
                                     text: "Gemeente herstelt de verlichting", meeting: v1)
        decision.item = ap2
        add("2009-07-20T19:40:00Z", .decisionTaken(decision))
        var action = ActionCreated(id: RecordID(.action, 1), kern: "Delfgauw", wijk: "Emerald",
                                   title: "Lantaarnpalen fietspad repareren", owner: "Gemeente beheer",
                                   due: Day("2009-08-01")!, inform: "bewoners via de wijkkrant", meeting: v1)
        action.item = ap2
        add("2009-07-20T19:41:00Z", .actionCreated(action))
        // A decision longer than any projector is wide: it wraps in full, nothing cut off.
        var long = DecisionTaken(id: RecordID(.decision, 2), kern: "Delfgauw", wijk: "Emerald",
                                 text: Self.longDecision, meeting: v1)
        long.item = ap2
        add("2009-07-20T19:43:00Z", .decisionTaken(long))
        add("2009-07-20T19:45:00Z", .feedbackGiven(FeedbackGiven(ref: s1, how: "gebeld met de melder", date: Day("2009-07-20")!)))
        return s
    }

    private func projectorDriver(cols: Int = 160, rows: Int = 45) -> Driver {
        let d = Driver(state: fixtureState(), cols: cols, rows: rows, persons: persons, now: Self.now)
        d.model.kern = "Delfgauw"
        d.model.logPath = "/tmp/beamer.jsonl"
        d.press(.char("p"))
        XCTAssertTrue(d.model.projector)
        return d
    }

    private func screen(_ d: Driver) -> Buffer {
        d.render()
    }

    /// Fails for every piece of personal data on screen except that of `allowed`.
    private func assertNoPersonalData(_ buffer: Buffer, except allowed: RecordID? = nil, _ context: String,
                                      file: StaticString = #filePath, line: UInt = #line) {
        let text = buffer.text
        let permitted = Set(allowed.flatMap { personalData[$0] } ?? [])
        for (record, needles) in personalData where record != allowed {
            for needle in needles where !permitted.contains(needle) && text.contains(needle) {
                XCTFail("\(context): '\(needle)' (personal data of \(record)) is on the beamer:\n\(text)", file: file, line: line)
            }
        }
    }

    /// Focuses the pane of `list`, switches the pane to that list and moves the selection to `id`.
    private func select(_ id: RecordID, in list: ListID, _ d: Driver, file: StaticString = #filePath, line: UInt = #line) {
        d.press(.char(Character(String(list.pane.rawValue + 1))))
        for _ in 0..<list.pane.lists.count where d.model.list(list.pane) != list { d.press(.char("v")) }
        XCTAssertEqual(d.model.list(list.pane), list, file: file, line: line)
        d.press(.home)
        for _ in 0..<20 where Reducer.selectedID(d.model, list, Reducer.content(d.model, d.world)) != id { d.press(.char("j")) }
        XCTAssertEqual(Reducer.selectedID(d.model, list, Reducer.content(d.model, d.world)), id, file: file, line: line)
    }

    private let records: [(RecordID, ListID)] = [
        (RecordID(.signal, 1), .signals), (RecordID(.signal, 2), .signals), (RecordID(.initiative, 1), .initiatives),
        (RecordID(.participation, 1), .participation), (RecordID(.participation, 2), .participation),
    ]

    // MARK: - Snapshots

    func testProjectorScreenAt160x45() {
        let d = projectorDriver()
        let buffer = screen(d)
        assertGolden(buffer, "projector-main-160x45")
        let text = buffer.text
        XCTAssertTrue(text.contains("punt 2 van 3 · Emerald"), text)
        XCTAssertTrue(text.contains("! te laat · 11:30 / 10:00"), "item time against its time-box, over in words:\n\(text)")
        XCTAssertTrue(text.contains("⏱ 0:17 / 1:30"), "meeting time in the header:\n\(text)")
        XCTAssertTrue(text.contains("Signaal S-1: Verlichting fietspad kapot"), text)
        assertProjectorShowsTheItemsRecords(buffer)
        XCTAssertFalse(text.contains("/tmp/beamer.jsonl") || text.contains("beamer.jsonl"), "no file path on the projector:\n\(text)")
        assertNoPersonalData(buffer, "main screen 160x45")
    }

    func testProjectorScreenAt100x30() {
        let d = projectorDriver(cols: 100, rows: 30)
        let buffer = screen(d)
        assertGolden(buffer, "projector-main-100x30")
        assertProjectorShowsTheItemsRecords(buffer)
        assertNoPersonalData(buffer, "main screen 100x30")
    }

    func testProjectorScreenAt80x24() {
        let d = projectorDriver(cols: 80, rows: 24)
        let buffer = screen(d)
        assertGolden(buffer, "projector-main-80x24")
        XCTAssertTrue(buffer.text.contains("punt 2 van 3"), buffer.text)
        assertNoPersonalData(buffer, "main screen 80x24")
    }

    /// The long decision in full (every word, over several lines), newest first above the older ones;
    /// the action with owner and date; the agenda below.
    private func assertProjectorShowsTheItemsRecords(_ buffer: Buffer, file: StaticString = #filePath, line: UInt = #line) {
        let rows = buffer.textRows
        let flowing = rows.joined(separator: " ").split(separator: " ").joined(separator: " ")
        let words = Self.longDecision.split(separator: " ").joined(separator: " ")
        XCTAssertTrue(flowing.contains(words), "the long decision in full:\n\(buffer.text)", file: file, line: line)
        let newest = rows.firstIndex { $0.contains("Het kernteam vraagt de gemeente") }
        let older = rows.firstIndex { $0.contains("Gemeente herstelt de verlichting") }
        let action = rows.firstIndex { $0.contains("Lantaarnpalen fietspad repareren — Gemeente beheer, uiterlijk 01-08-2009") }
        XCTAssertNotNil(action, buffer.text, file: file, line: line)
        XCTAssertLessThan(newest ?? .max, older ?? -1, "newest first:\n\(buffer.text)", file: file, line: line)
        let agenda = rows.firstIndex { $0.hasPrefix(" Agenda") } ?? -1
        XCTAssertGreaterThan(agenda, older ?? .max, "the agenda below what was recorded:\n\(buffer.text)", file: file, line: line)
        XCTAssertTrue(rows.contains { $0.contains("▶ Signaal S-1: Verlichting fietspad kapot (Emerald)") }, buffer.text, file: file, line: line)
    }

    // MARK: - Nothing personal on the beamer

    func testTheFixtureDataIsShownOffTheProjector() {
        // Otherwise "not on the beamer" would prove nothing.
        let d = Driver(state: fixtureState(), cols: 160, rows: 45, persons: persons, now: Self.now)
        d.model.kern = "Delfgauw"
        select(s1, in: .signals, d)
        d.press(.enter)
        var text = screen(d).text
        XCTAssertTrue(text.contains("Zoë de Vries"), text)
        XCTAssertTrue(text.contains("06-12345678 zoe.devries@example.nl"), text)
        d.press(.escape)
        select(i1, in: .initiatives, d)
        d.press(.enter)
        text = screen(d).text
        XCTAssertTrue(text.contains("Fatima el Amrani"), text)
        d.press(.escape)
        select(d1, in: .participation, d)
        text = screen(d).text
        XCTAssertTrue(text.contains("Kees Jansen en Ans Bakker"), text)
    }

    func testDetailsAndMinutesOnTheProjectorShowNoPersonalData() {
        for size in [(160, 45), (80, 24)] {
            let d = projectorDriver(cols: size.0, rows: size.1)
            for (id, list) in records {
                select(id, in: list, d)
                assertNoPersonalData(screen(d), "main screen \(size) with \(id) selected")
                d.press(.enter)
                guard case .detail(id)? = d.model.overlay else { return XCTFail("Enter opens the details of \(id)") }
                let buffer = screen(d)
                XCTAssertTrue(buffer.text.contains("Details \(id)"), buffer.text)
                XCTAssertTrue(buffer.text.contains("verborgen op de beamer"), "the details say something is hidden:\n\(buffer.text)")
                assertNoPersonalData(buffer, "details of \(id) at \(size)")
                d.press(.escape)
                XCTAssertNil(d.model.overlay)
            }
            d.press(.char("c"))
            guard case .minutes? = d.model.overlay else { return XCTFail("c opens the minutes draft") }
            let minutes = screen(d)
            XCTAssertTrue(minutes.text.contains("Concept-notulen V-1"), minutes.text)
            assertNoPersonalData(minutes, "minutes draft at \(size)")
            for _ in 0..<5 {
                d.press(.pageDown)
                assertNoPersonalData(screen(d), "minutes draft scrolled at \(size)")
            }
            d.press(.escape)
        }
    }

    // MARK: - Revealing one item

    func testRevealShowsOnlyThatItemAndHidesAgain() {
        let d = projectorDriver()
        // Reveal S-1 from its details.
        select(s1, in: .signals, d)
        d.press(.enter)
        assertNoPersonalData(screen(d), "details of S-1 before i")
        d.press(.char("i"))
        XCTAssertEqual(d.model.revealed, s1)
        var text = screen(d).text
        XCTAssertTrue(text.contains("Zoë de Vries"), text)
        XCTAssertTrue(text.contains("06-12345678 zoe.devries@example.nl"), text)
        assertNoPersonalData(screen(d), except: s1, "details of S-1 revealed")

        // Other records stay hidden while S-1 is revealed.
        d.press(.escape)
        assertNoPersonalData(screen(d), except: s1, "main screen with S-1 revealed")
        for (id, list) in records where id != s1 {
            select(id, in: list, d)
            assertNoPersonalData(screen(d), except: s1, "main screen, \(id) selected, S-1 revealed")
            d.press(.enter)
            assertNoPersonalData(screen(d), "details of \(id) while S-1 is revealed")
            d.press(.escape)
        }
        d.press(.char("c"))
        assertNoPersonalData(screen(d), except: s1, "minutes while S-1 is revealed")
        d.press(.escape)

        // i again in the details hides it.
        select(s1, in: .signals, d)
        d.press(.enter)
        XCTAssertTrue(screen(d).text.contains("Zoë de Vries"))
        d.press(.char("i"))
        XCTAssertNil(d.model.revealed)
        assertNoPersonalData(screen(d), "details of S-1 after hiding again")
        d.press(.escape)

        // Reveal from the main screen, then projector off and on: hidden again.
        select(i1, in: .initiatives, d)
        d.press(.char("i"))
        XCTAssertEqual(d.model.revealed, i1)
        d.press(.enter)
        text = screen(d).text
        XCTAssertTrue(text.contains("Fatima el Amrani"), text)
        assertNoPersonalData(screen(d), except: i1, "details of I-1 revealed")
        d.press(.escape)
        d.press(.char("p"))
        XCTAssertFalse(d.model.projector)
        d.press(.char("p"))
        XCTAssertTrue(d.model.projector)
        XCTAssertNil(d.model.revealed, "switching the projector off and on forgets the reveal")
        d.press(.enter)
        assertNoPersonalData(screen(d), "details of I-1 after projector off and on")
        d.press(.escape)
    }

    func testRevealingAParticipationTopicShowsItsRepresentativesOnly() {
        let d = projectorDriver()
        select(d1, in: .participation, d)
        assertNoPersonalData(screen(d), "projector with D-1 selected before i")
        d.press(.char("i"))
        XCTAssertEqual(d.model.revealed, d1)
        d.press(.enter)
        let text = screen(d).text
        XCTAssertTrue(text.contains("Kees Jansen en Ans Bakker"), text)
        assertNoPersonalData(screen(d), except: d1, "details of D-1 revealed")
        d.press(.escape)

        // The other topic's details show no names: the reveal was for D-1 only.
        select(d2, in: .participation, d)
        d.press(.enter)
        assertNoPersonalData(screen(d), "details of D-2 while D-1 is revealed")
        XCTAssertTrue(screen(d).text.contains("verborgen op de beamer"), screen(d).text)
        d.press(.escape)

        // Back on D-1, i hides it again.
        select(d1, in: .participation, d)
        d.press(.char("i"))
        XCTAssertNil(d.model.revealed)
        d.press(.enter)
        assertNoPersonalData(screen(d), "details of D-1 hidden again")
    }

    // MARK: - Read-only

    func testFormsDoNotOpenOnTheProjector() {
        let d = projectorDriver()
        let seq = d.state.lastSeq
        // The footer offers none of those keys on the projector.
        let footer = screen(d).textRows.last ?? ""
        for hint in ["n nieuw", "b besluit", "s status", "m vergadering"] {
            XCTAssertFalse(footer.contains(hint), "footer offers '\(hint)' on the projector: \(footer)")
        }
        XCTAssertTrue(footer.contains("> volgend punt"), footer)
        for (pane, key) in [("2", "n"), ("3", "n"), ("1", "b"), ("3", "s"), ("2", "t"), ("1", "m"), ("1", "a")] {
            d.press(.char(Character(pane)), .char(Character(key)))
            XCTAssertNil(d.model.overlay, "\(key) must not open a form on the projector")
            XCTAssertEqual(d.model.message?.isError, true)
            XCTAssertTrue(d.model.message?.text.hasPrefix("Beamermodus: alleen lezen") ?? false, d.model.message?.text ?? "no message")
            XCTAssertTrue(screen(d).text.contains("Beamermodus: alleen lezen"))
        }
        XCTAssertEqual(d.state.lastSeq, seq, "nothing recorded")
        // The chair still leads the meeting: next item works.
        d.press(.char(">"))
        XCTAssertEqual(d.state.currentItem(RecordID(.meeting, 1))?.id, RecordID(.agendaItem, 3))
        // Off the projector the same key opens its form.
        d.press(.char("p"), .char("b"))
        guard case .form(let f)? = d.model.overlay else { return XCTFail("b opens the decision form off the projector") }
        XCTAssertEqual(f.kind, .decision)
    }
}
