import Foundation
import XCTest
import KernteamDomain
import KernteamSession
@testable import KernteamTUI
@testable import KernteamApp

enum Fixture {
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The folded demo log, read from Data/ (the file a newcomer sees first).
    static let demo: KernteamState = {
        let path = repoRoot.appendingPathComponent("Data/demo-log.jsonl").path
        let session = try! Session.open(path: path, reference: nil, readOnly: true)
        return session.state
    }()

    /// A fixed "today" so overdue marks do not change with the calendar.
    static let today = Day("2009-07-20")!

    static var reference: ReferenceData {
        let data = try! Data(contentsOf: repoRoot.appendingPathComponent("Data/reference.json"))
        return try! JSONDecoder().decode(ReferenceData.self, from: data)
    }

    /// A state with only the reference data and a meeting, plus the given events.
    static func state(_ events: [Event]) -> KernteamState { KernteamState(folding: entries(events)) }

    /// An open Delfgauw meeting on 20-07-2009 (V-1): AP-1 "Verkeer Emerald" (Emerald, about signal S-1)
    /// under discussion, AP-2 "Rondvraag" (about the whole kern) after it, or under discussion when
    /// `secondItem`.
    static func meetingUnderWay(secondItem: Bool = false) -> KernteamState {
        let v1 = RecordID(.meeting, 1), ap1 = RecordID(.agendaItem, 1), ap2 = RecordID(.agendaItem, 2), s1 = RecordID(.signal, 1)
        var events: [Event] = [
            .signalRecorded(SignalRecorded(id: s1, kern: "Delfgauw", wijk: "Emerald", theme: .verkeer, source: .bewoner,
                                           text: "Te hard gereden", date: Day("2009-07-01")!)),
            .meetingHeld(MeetingHeld(id: v1, kern: "Delfgauw", date: Day("2009-07-20")!, length: 120)),
            .agendaItemAdded(AgendaItemAdded(id: ap1, meeting: v1, title: "Verkeer Emerald", kern: "Delfgauw", wijk: "Emerald",
                                             minutes: 15, source: s1)),
            .agendaItemAdded(AgendaItemAdded(id: ap2, meeting: v1, title: "Rondvraag", kern: "Delfgauw", wijk: nil, minutes: 10)),
            .meetingOpened(MeetingOpened(ref: v1)),
            .agendaItemStarted(AgendaItemStarted(ref: ap1)),
        ]
        if secondItem { events.append(.agendaItemStarted(AgendaItemStarted(ref: ap2, ended: ap1, outcome: .besproken))) }
        return state(events)
    }

    /// The reference data and the given events as entries, all at the same moment.
    static func entries(_ events: [Event]) -> [LoggedEvent] {
        ([Event.referenceSet(reference)] + events).enumerated().map { i, e in
            LoggedEvent(seq: i + 1, timestamp: "2009-03-10T19:00:00Z", role: .secretaris, event: e)
        }
    }
}

/// Compares a rendered buffer with a golden text file under Tests/TUICoreTests/Golden/.
/// Set UPDATE_GOLDEN=1 to write the file instead (then review the diff before committing).
func assertGolden(_ buffer: Buffer, _ name: String, file: StaticString = #filePath, line: UInt = #line) {
    let url = Fixture.repoRoot.appendingPathComponent("Tests/TUICoreTests/Golden/\(name).txt")
    let actual = buffer.textRows.map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }
        .joined(separator: "\n") + "\n"
    if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
        try! actual.write(to: url, atomically: true, encoding: .utf8)
        return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
        XCTFail("missing golden file \(name).txt; run with UPDATE_GOLDEN=1", file: file, line: line)
        return
    }
    if expected != actual {
        XCTFail("screen differs from \(name).txt:\n--- expected\n\(expected)--- actual\n\(actual)", file: file, line: line)
    }
}

/// A clock the test moves by hand (timers on screen, ticks of the program loop).
final class TestClock: @unchecked Sendable {
    private var date: Date
    init(_ date: Date = Date(timeIntervalSince1970: 1_248_116_400)) { self.date = date }   // 2009-07-20T19:00:00Z
    var now: Date { date }
    func advance(_ seconds: TimeInterval) { date += seconds }
    func set(_ new: Date) { date = new }
}

/// The real program loop on a `TestTerminal`, with the session in memory: keys go in as a user types
/// them, effects are carried out by the program's own worker, and every answer comes back through
/// the reducer.
final class Driver {
    let terminal: TestTerminal
    let session: InMemorySession
    let clock: TestClock
    let program: Program

    /// `entries`: the entries `state` was folded from, when a test looks back in time.
    init(state: KernteamState, cols: Int = 80, rows: Int = 24, persons: [PersonRef: PersonalData] = [:],
         today: Day = Fixture.today, now: Date? = nil, entries: [LoggedEvent] = [], role: Role = .voorzitter) {
        terminal = TestTerminal(cols: cols, rows: rows)
        let clock = TestClock(now ?? Date(timeIntervalSince1970: 1_248_116_400))
        self.clock = clock
        session = InMemorySession(state: state, today: today, persons: persons, role: role, clock: { clock.now }, entries: entries)
        let options = AppOptions(logPath: "/tmp/demo.jsonl", kern: state.latestMeeting(kern: nil)?.kern ?? "Delfgauw",
                                 today: today, now: clock.now)
        program = Program(options: options, terminal: terminal, clock: { clock.now }, session: session)
        program.settle()
    }

    /// The program's model. Tests may set it up directly (the program itself only changes it in `reduce`).
    var model: AppModel {
        get { program.model }
        set { program.model = newValue }
    }

    /// The folded state of the session.
    var state: KernteamState { session.current }
    var today: Day { session.today }
    var world: World { program.model.world }

    /// Keys pressed since the start (or the last `resetCount`), not counting text typed with `type`:
    /// what the targets count ("so many keys plus the title").
    private(set) var keyCount = 0

    func resetCount() { keyCount = 0 }

    func press(_ keys: Key...) {
        keyCount += keys.count
        terminal.press(keys)
        program.settle()
    }

    /// Text typed as the content of a field (a title, a decision's text): not counted as keys.
    func type(_ text: String) {
        terminal.type(text)
        program.settle()
    }

    /// Characters typed to choose or fill in something the program could not know (a typeahead, a
    /// date): each counted as a key.
    func keys(_ text: String) {
        keyCount += text.count
        terminal.type(text)
        program.settle()
    }

    /// An entry appended by someone else (another process on the log), seen at the next tick.
    func appendByOther(_ event: Event) {
        session.appendByOther(event)
        clock.advance(Program.tickInterval)
        program.settle()
    }

    func render(palette: Palette = .standard) -> Buffer {
        Screen(model: model, palette: palette).render()
    }
}
