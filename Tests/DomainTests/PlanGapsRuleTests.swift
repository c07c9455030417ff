import Foundation
import XCTest
import KernteamDomain

/// The smaller gaps between the program and the policy plan, rule by rule through the Validator and the
/// fold: the plan's own signal sources, the fields a participation level needs, the day of a triage and
/// the turnaround it gives. Each test names the section of the plan the rule comes from.
final class PlanGapsRuleTests: XCTestCase {
    private var reference: ReferenceData!
    private let today = Day(year: 2009, month: 8, day: 1)!

    override func setUpWithError() throws { reference = try shippedReference() }

    private func state(_ events: [Event]) -> KernteamState {
        var s = KernteamState()
        let all: [Event] = [.referenceSet(reference)] + events
        for (i, e) in all.enumerated() { s.apply(LoggedEvent(seq: i + 1, timestamp: "2009-08-01T10:00:00Z", role: .secretaris, event: e)) }
        return s
    }

    private func validate(_ s: KernteamState, _ kind: DraftKind, _ values: [DraftField: String], target: RecordID? = nil) -> Result<Event, Refusal> {
        Validator(state: s, today: today).validate(kind, Draft(values), meeting: nil, target: target)
    }

    private func problems(_ r: Result<Event, Refusal>) -> [DraftField] {
        if case .failure(let f) = r { return f.problems.map(\.field) } else { return [] }
    }

    /// beleidsplan 2.1 "Organisatie van de pilot" (the wijkmanager as "de oren en ogen voor de gemeente"),
    /// 1.1 and bijlage 2 (the politiemonitor and the veiligheidsmonitor beside Lemon): signals from them.
    func testThePlansSources_beleidsplan_2_1_and_1_1() {
        let s = state([])
        let table: [(source: String, accepted: Bool)] = [
            ("wijkmanager", true), ("politiemonitor", true), ("veiligheidsmonitor", true), ("bewoner", true),
            ("buurman", false), ("wijkmanagers", false),
        ]
        for row in table {
            let r = validate(s, .signal, [.wijk: "Emerald", .theme: "veiligheid", .source: row.source, .text: "Inbraken in Emerald-Noord"])
            if row.accepted {
                guard case .success(.signalRecorded(let e)) = r else { return XCTFail("\(row.source): \(r)") }
                XCTAssertEqual(e.source.rawValue, row.source)
            } else {
                XCTAssertEqual(problems(r), [.source], row.source)
            }
        }
    }

    /// beleidsplan bijlage 1 (the participation ladder per kind of work and phase): a level is judged
    /// against its work and phase, so both are required; controversial, representatives and feedback are kept.
    func testParticipationNeedsWorkAndPhase_beleidsplan_bijlage_1() {
        let s = state([])
        let base: [DraftField: String] = [.wijk: "Emerald", .topic: "Speelplek Emerald-Zuid", .work: "leefbaarheidsplan",
                                          .phase: "planvorming", .level: "coproduceren"]
        let table: [(missing: DraftField?, refused: [DraftField])] = [(nil, []), (.work, [.work]), (.phase, [.phase]), (.level, [.level])]
        for row in table {
            var values = base
            if let m = row.missing { values[m] = nil }
            XCTAssertEqual(problems(validate(s, .participation, values)), row.refused, "\(String(describing: row.missing))")
        }
        var full = base
        full[.controversial] = "ja"; full[.representatives] = "Werkgroep ouders"; full[.feedbackPlan] = "Flyer in de buurt"
        full[.level] = "consulteren"
        guard case .success(.participationSet(let p)) = validate(s, .participation, full) else { return XCTFail("accepted") }
        XCTAssertEqual(p.controversial, true)
        XCTAssertEqual(p.representatives, "Werkgroep ouders")
        XCTAssertEqual(p.feedbackPlan, "Flyer in de buurt")
    }

    /// beleidsplan 1.2 (an initiative is judged and answered; the plan measures how long that takes):
    /// the day of a triage is given or today, never before the record came in nor in the future, and the
    /// turnaround counts to it.
    func testTriageDatesAndTurnaround_beleidsplan_1_2() {
        let initiative = Event.initiativeRecorded(InitiativeRecorded(id: RecordID(.initiative, 1), kern: "Delfgauw", wijk: "Emerald",
                                                                     text: "Straatfeest", date: Day(year: 2009, month: 3, day: 1)!))
        let signal = Event.signalRecorded(SignalRecorded(id: RecordID(.signal, 1), kern: "Delfgauw", wijk: "Emerald", theme: .spelen,
                                                         source: .bewoner, text: "Klimrek kapot", date: Day(year: 2009, month: 3, day: 1)!))
        let table: [(date: String?, refused: Bool, turnaround: Int?)] = [
            (nil, false, 153), ("2009-03-15", false, 14), ("2009-03-01", false, 0),
            ("2009-02-28", true, nil), ("2009-08-02", true, nil), ("15 maart", true, nil),
        ]
        for row in table {
            var s = state([initiative, signal])
            var values: [DraftField: String] = [.outcome: "inplannen"]
            values[.date] = row.date
            let r = validate(s, .triageInitiative, values, target: RecordID(.initiative, 1))
            var signalValues: [DraftField: String] = [.route: "kernteam"]
            signalValues[.date] = row.date
            let rs = validate(s, .triageSignal, signalValues, target: RecordID(.signal, 1))
            if row.refused {
                XCTAssertEqual(problems(r), [.date], "\(String(describing: row.date))")
                XCTAssertEqual(problems(rs), [.date], "\(String(describing: row.date))")
                continue
            }
            guard case .success(let e) = r else { XCTFail("\(String(describing: row.date)): \(r)"); continue }
            s.apply(LoggedEvent(seq: s.lastSeq + 1, timestamp: "2009-08-01T10:00:00Z", role: .secretaris, event: e))
            XCTAssertEqual(s.initiatives[RecordID(.initiative, 1)]?.value.turnaround, row.turnaround, "\(String(describing: row.date))")
            guard case .success(.signalTriaged(let t)) = rs else { XCTFail("signal \(String(describing: row.date)): \(rs)"); continue }
            XCTAssertEqual(t.date.ordinal - Day(year: 2009, month: 3, day: 1)!.ordinal, row.turnaround)
        }
    }
}
