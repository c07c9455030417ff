import Foundation
import XCTest
import KernteamDomain

/// The wijkbudget for extras, rule by rule through the Validator and the fold. beleidsplan 1.2
/// ("Burgerparticipatie": budgets "voor extra dingen ... waarvoor in de reguliere budgetten niet direct geld
/// beschikbaar is"; the wijkmanager manages them and accounts for them to kernteam and stuurgroep) and 2.3
/// ("Financiering": "Vanaf 2009 stelt de gemeente 200.000 euro op jaarbasis beschikbaar").
final class WijkbudgetRuleTests: XCTestCase {
    private var reference: ReferenceData!
    private let today = Day(year: 2009, month: 8, day: 1)!
    private static let stuurgroep = RecordID(.decision, 1), kernteamDecision = RecordID(.decision, 2)
    private static let emerald2009 = RecordID(.budget, 1)

    override func setUpWithError() throws { reference = try shippedReference() }

    /// Reference data, a meeting, a stuurgroep and a kernteam decision, Emerald's budget of € 1.000 for 2009,
    /// then `events`.
    private func state(_ events: [Event] = []) -> KernteamState {
        var s = KernteamState()
        let all: [Event] = [
            .referenceSet(reference),
            .meetingHeld(MeetingHeld(id: RecordID(.meeting, 1), kern: "Delfgauw", date: Day(year: 2009, month: 3, day: 10)!)),
            .decisionTaken(DecisionTaken(id: Self.stuurgroep, kern: "Delfgauw", wijk: nil, text: "Budgetten 2009", body: .stuurgroep,
                                         date: Day(year: 2009, month: 3, day: 5)!)),
            .decisionTaken(DecisionTaken(id: Self.kernteamDecision, kern: "Delfgauw", wijk: nil, text: "Het kernteam vindt",
                                         meeting: RecordID(.meeting, 1))),
            .budgetAllocated(BudgetAllocated(id: Self.emerald2009, kern: "Delfgauw", wijk: "Emerald", year: 2009,
                                             amount: Money(cents: 100_000), decision: Self.stuurgroep)),
        ] + events
        for (i, e) in all.enumerated() { s.apply(LoggedEvent(seq: i + 1, timestamp: "2009-03-10T19:00:00Z", role: .secretaris, event: e)) }
        return s
    }

    private func validate(_ s: KernteamState, _ kind: DraftKind, _ values: [DraftField: String], settings: Settings = Settings()) -> Result<Event, Refusal> {
        Validator(state: s, today: today, settings: settings).validate(kind, Draft(values), meeting: nil, target: nil)
    }

    private func action(_ cost: String, wijkbudget: Bool, reason: String? = nil, due: String = "2009-09-30", wijk: String = "Emerald") -> [DraftField: String] {
        var v: [DraftField: String] = [.wijk: wijk, .title: "Extra speeltoestel", .owner: "Wijkmanager", .cost: cost, .due: due]
        if wijkbudget { v[.wijkbudget] = "ja" }
        v[.reason] = reason
        return v
    }

    private func spent(_ s: KernteamState) -> Int? { s.budgetStatuses().first { $0.budget.id == Self.emerald2009 }?.spent.cents }

    /// Charged and uncharged costs; overspending with and without a reason; no budget for the year.
    func testChargedUnchargedAndOverspending_beleidsplan_1_2() throws {
        let table: [(values: [DraftField: String], refused: Bool, spent: Int, overspends: Bool)] = [
            (action("800", wijkbudget: false), false, 0, false),                             // recorded, not charged
            (action("800", wijkbudget: true), false, 80_000, false),                         // within the budget
            (action("1000", wijkbudget: true), false, 100_000, false),                       // exactly what remains
            (action("1000,01", wijkbudget: true), true, 0, false),                           // a cent over: refused
            (action("1500", wijkbudget: true, reason: "Extra toestel na overleg met de wethouder"), false, 150_000, true),
            (action("5000", wijkbudget: false), false, 0, false),                            // regular maintenance: any cost
            (action("300", wijkbudget: true, due: "2010-03-01"), true, 0, false),            // no budget for 2010
            (action("300", wijkbudget: true, reason: "Voorschot op 2010", due: "2010-03-01"), false, 0, false),
        ]
        for (n, row) in table.enumerated() {
            var s = state()
            let r = validate(s, .action, row.values)
            if row.refused {
                guard case .failure(let f) = r else { XCTFail("row \(n) accepted"); continue }
                XCTAssertEqual(f.problems.map(\.field), [.reason], "row \(n)")
                continue
            }
            guard case .success(let e) = r else { XCTFail("row \(n): \(r)"); continue }
            s.apply(LoggedEvent(seq: s.lastSeq + 1, timestamp: "2009-08-01T10:00:00Z", role: .secretaris, event: e))
            XCTAssertEqual(spent(s), row.spent, "row \(n)")
            let charge = s.budgetStatuses().first { $0.budget.id == Self.emerald2009 }?.spending.first
            XCTAssertEqual(charge?.overspends ?? false, row.overspends, "row \(n)")
            if row.overspends { XCTAssertEqual(charge?.reason, "Extra toestel na overleg met de wethouder") }
        }
    }

    /// The refusal says how much remains; a second charge counts the first; a correction that charges an
    /// action afterwards is checked the same way (against the budget without the action itself).
    func testRemainingCountsEarlierChargesAndCorrections_beleidsplan_1_2() throws {
        var s = state()
        guard case .success(let first) = validate(s, .action, action("700", wijkbudget: true)) else { return XCTFail() }
        s.apply(LoggedEvent(seq: s.lastSeq + 1, timestamp: "2009-08-01T10:00:00Z", role: .secretaris, event: first))
        guard case .failure(let f) = validate(s, .action, action("400", wijkbudget: true)) else { return XCTFail("overspends") }
        XCTAssertTrue(f.problems[0].message.text.contains("300,00"), f.problems[0].message.text)
        XCTAssertTrue(f.problems[0].message.text.contains("Emerald 2009"), f.problems[0].message.text)
        guard case .success(let second) = validate(s, .action, action("400", wijkbudget: false)) else { return XCTFail() }
        s.apply(LoggedEvent(seq: s.lastSeq + 1, timestamp: "2009-08-01T10:05:00Z", role: .secretaris, event: second))
        let a2 = RecordID(.action, 2)
        let v = Validator(state: s, today: today)
        guard case .failure = v.validateCorrection(.record(a2), Draft([.wijkbudget: "ja"]), reason: "toch uit het wijkbudget") else {
            return XCTFail("charging A-2 afterwards overspends")
        }
        guard case .success = v.validateCorrection(.record(a2), Draft([.wijkbudget: "ja", .reason: "Afgesproken met de stuurgroep"]),
                                                   reason: "toch uit het wijkbudget") else { return XCTFail("with a reason") }
        guard case .success = v.validateCorrection(.record(a2), Draft([.wijkbudget: "ja", .cost: "300"]), reason: "lager") else {
            return XCTFail("within what remains")
        }
    }

    /// beleidsplan 2.3: the budgets of one year together stay within the ceiling (settings; € 200.000 by
    /// default); budgets are allocated by a stuurgroep decision of the kern.
    func testCeilingAndTheStuurgroepAllocates_beleidsplan_2_3() throws {
        let s = state()
        let table: [(values: [DraftField: String], settings: Settings, refused: [DraftField])] = [
            ([.wijk: "Oud Delfgauw", .year: "2009", .amount: "199000", .decision: "B-1"], Settings(), []),           // 1.000 + 199.000
            ([.wijk: "Oud Delfgauw", .year: "2009", .amount: "199000,01", .decision: "B-1"], Settings(), [.amount]),
            ([.wijk: "Oud Delfgauw", .year: "2009", .amount: "999999999", .decision: "B-1"], Settings(), [.amount]),
            ([.wijk: "Oud Delfgauw", .year: "2010", .amount: "200000", .decision: "B-1"], Settings(), []),           // another year
            ([.wijk: "Oud Delfgauw", .year: "2009", .amount: "5000", .decision: "B-1"],
             Settings(wijkbudgetCeiling: Money(cents: 500_000)), [.amount]),                                         // a lower ceiling
            ([.wijk: "Oud Delfgauw", .year: "2009", .amount: "5000", .decision: "B-2"], Settings(), [.decision]),     // kernteam's decision
            ([.wijk: "Oud Delfgauw", .year: "2009", .amount: "5000"], Settings(), []),                              // the session records it
        ]
        for (n, row) in table.enumerated() {
            let r = validate(s, .budget, row.values, settings: row.settings)
            switch r {
            case .success: XCTAssertEqual(row.refused, [], "row \(n)")
            case .failure(let f): XCTAssertEqual(f.problems.map(\.field), row.refused, "row \(n)")
            }
        }
        guard case .failure(let f) = validate(s, .budget, table[1].values) else { return XCTFail() }
        XCTAssertTrue(f.problems[0].message.text.contains("200.000"), f.problems[0].message.text)
    }

    /// The ceiling is read from settings.json in whole euros, 200000 when absent.
    func testCeilingSetting() throws {
        let absent = try JSONDecoder().decode(Settings.self, from: Data("{}".utf8))
        XCTAssertEqual(absent.wijkbudgetCeiling.cents, 20_000_000)
        let set = try JSONDecoder().decode(Settings.self, from: Data(#"{"wijkbudget_ceiling_euros": 150000}"#.utf8))
        XCTAssertEqual(set.wijkbudgetCeiling.cents, 15_000_000)
    }
}
