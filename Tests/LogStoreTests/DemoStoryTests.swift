import Foundation
import KernteamDomain
import KernteamSession
import KernteamFixtures
import XCTest

final class DemoStoryTests: XCTestCase {
    private var dir = ""

    override func setUpWithError() throws {
        dir = NSTemporaryDirectory() + "demostory-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: dir)
    }

    /// Data/reference.json, found from this file: Tests/LogStoreTests/ → repository root.
    private func reference() throws -> ReferenceData {
        let root = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let data = try Data(contentsOf: root.appendingPathComponent("Data/reference.json"))
        return try JSONDecoder().decode(ReferenceData.self, from: data)
    }

    func testDemoStoryIsDeterministicIntactAndRich() throws {
        let reference = try reference()
        let first = dir + "/one/demo.log", second = dir + "/two/demo.log"
        try DemoStory.write(to: first, reference: reference)
        try DemoStory.write(to: second, reference: reference)

        let a = try XCTUnwrap(FileManager.default.contents(atPath: first))
        let b = try XCTUnwrap(FileManager.default.contents(atPath: second))
        XCTAssertFalse(a.isEmpty)
        XCTAssertEqual(a, b, "the demo log must be byte-identical on every run")
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let shipped = try Data(contentsOf: root.appendingPathComponent("Data/demo-log.jsonl"))
        XCTAssertEqual(a, shipped, "Data/demo-log.jsonl is stale: regenerate it with `kernteam demo --write-story`")

        let report = try Verifier.verify(path: first)
        XCTAssertTrue(report.isIntact, "issues: \(report.issues)")
        XCTAssertGreaterThanOrEqual(report.entries, 100)
        XCTAssertLessThanOrEqual(report.entries, 400)

        let session = try Session.open(path: first, reference: nil, role: .voorzitter, readOnly: true,
                                       clock: { Date(timeIntervalSince1970: 0) })
        XCTAssertTrue(session.undecodable.isEmpty)
        let state = session.state
        XCTAssertTrue(state.danglingReferences.isEmpty)
        XCTAssertEqual(state.reference, reference)

        XCTAssertGreaterThanOrEqual(state.meetings.count, 5)
        XCTAssertTrue(state.meetings.items.allSatisfy { $0.value.kern == "Delfgauw" })
        XCTAssertGreaterThanOrEqual(state.signals.count, 15)
        XCTAssertGreaterThanOrEqual(state.actions.count, 10)
        XCTAssertGreaterThanOrEqual(state.decisions.count, 6)
        XCTAssertGreaterThanOrEqual(state.participation.count, 3)
        // Minutes that read like real ones: who came, every item taken up with notes, records under their item.
        for meeting in state.meetings.items.map(\.value.id) {
            XCTAssertFalse((state.attendance[meeting] ?? [:]).isEmpty, "attendance of \(meeting)")
            XCTAssertNotNil(state.residentsPresent[meeting], "residents counted at \(meeting)")
            for item in state.orderedAgenda(meeting) {
                XCTAssertNotNil(state.itemOutcome[item.id], "\(item.id) ended")
                XCTAssertTrue(state.notes.items.contains { $0.value.item == item.id }, "notes under \(item.id)")
            }
        }
        XCTAssertTrue(state.decisions.items.filter { $0.value.meeting != nil }.allSatisfy { $0.value.item != nil },
                      "every decision of a meeting belongs to an item")

        let statuses = state.actions.items.map(\.value.status)
        XCTAssertTrue(statuses.contains { $0.isOpen }, "some actions carry over")
        XCTAssertTrue(statuses.contains(.gereed))
        XCTAssertTrue(statuses.contains(.vervallen))
        let dropped = state.actions.items.filter { $0.value.status == .vervallen }
        XCTAssertTrue(dropped.allSatisfy { $0.value.statusReason != nil }, "dropping needs a reason")

        let owners = Set(reference.organisations.map(\.name))
        XCTAssertTrue(state.actions.items.allSatisfy { owners.contains($0.value.created.owner) })

        let emeraldTraffic = state.signals.items.filter {
            !$0.isWithdrawn && $0.value.wijk == "Emerald" && $0.value.theme == .verkeer
        }
        XCTAssertGreaterThanOrEqual(emeraldTraffic.count, 3)

        XCTAssertEqual(state.signals.items.filter(\.isWithdrawn).count, 1)
        XCTAssertTrue(state.signals.items.contains { !$0.changes.isEmpty && !$0.isWithdrawn }, "one corrected signal")

        try checkPolicyFeatures(state, session: session)
        try checkThePlansOrder(state)
    }

    /// The story follows the plan's order (beleidsplan 1.2 "Kern/wijkplannen", 2.3 "Planning"): a
    /// kern/wijkenplan made first, the schouw and Lemon, then the analysis, priorities only after the
    /// analysis has started, each with how residents were involved, and the analysis and priorities adopted
    /// by the stuurgroep in July 2009. Recurrence is shown across the kern too.
    private func checkThePlansOrder(_ state: KernteamState) throws {
        XCTAssertEqual(state.plans.count, 1)
        let plan = try XCTUnwrap(state.plans.items.first)
        XCTAssertEqual(plan.value.created.kern, "Delfgauw")
        XCTAssertEqual(plan.value.created.period, "2009-2012")
        XCTAssertEqual(plan.value.steps.map(\.phase), [.analyse, .prioriteiten])
        let analysis = try XCTUnwrap(plan.value.steps.first)
        let adoption = try XCTUnwrap(plan.value.adoption)
        XCTAssertEqual(adoption.date.year, 2009)
        XCTAssertEqual(adoption.date.month, 7, "adopted in July 2009")
        let decision = try XCTUnwrap(adoption.decision.flatMap { state.decisions[$0]?.value })
        XCTAssertEqual(decision.takenBy, .stuurgroep)
        XCTAssertNil(decision.meeting, "the stuurgroep does not meet in a kernteam meeting")
        // Every priority belongs to the plan, was set after the analysis started and before the adoption,
        // within the plan's period, with how residents were involved.
        XCTAssertGreaterThanOrEqual(state.priorities.count, 3)
        for t in state.priorities.items {
            XCTAssertEqual(t.value.plan, plan.value.created.id)
            XCTAssertGreaterThan(t.seq, analysis.seq, "\(t.value.id) follows the analysis")
            XCTAssertLessThan(t.seq, adoption.seq, "\(t.value.id) is adopted by the stuurgroep")
            let span = try XCTUnwrap(t.value.period.flatMap(YearSpan.init))
            XCTAssertTrue(plan.value.created.years.contains(span.first) && plan.value.created.years.contains(span.last))
            XCTAssertNotNil(t.value.involvement, "\(t.value.id): residents' involvement recorded")
        }
        // The Lemon scores and the schouw come before the analysis.
        XCTAssertTrue(state.lemonRecords.allSatisfy { $0.seq < analysis.seq })
        XCTAssertTrue(state.signals.items.filter { $0.value.source == .schouw }.allSatisfy { $0.seq < analysis.seq })
        // A kern-wide proposal was dismissed, and one across the kern's wijken stands open.
        XCTAssertTrue(state.proposalDecisions.contains { $0.wijk == nil && !$0.accepted })
        let open = state.recurrenceProposals(settings: Settings())
        XCTAssertTrue(open.contains { $0.wijk == nil && Set($0.signals.compactMap { state.signals[$0]?.value.wijk }).count >= 2 },
                      "a proposal across the wijken of the kern: \(open.map(\.key))")
    }

    /// The policy rules are visible in the demo: triage, initiatives, budgets, feedback, the ladder
    /// with representatives and a deviation, and recurrence proposals decided both ways.
    private func checkPolicyFeatures(_ state: KernteamState, session: Session) throws {
        let july = try XCTUnwrap(Day(year: 2009, month: 7, day: 20))
        let standing = state.signals.items.filter { !$0.isWithdrawn }
        let routed = standing.filter { state.signalTriage[$0.value.id] != nil }
        XCTAssertGreaterThan(routed.count * 4, standing.count * 3, "most signals have a route: \(routed.count) of \(standing.count)")
        XCTAssertLessThan(routed.count, standing.count, "one is still waiting for triage")
        let routes = Set(state.signalTriage.values.map(\.route))
        XCTAssertEqual(routes, Set(SignalRoute.allCases), "every route occurs")
        let outOfScope = state.signalTriage.values.filter { $0.route == .buitenScope }
        XCTAssertEqual(outOfScope.count, 1)
        XCTAssertTrue(outOfScope.allSatisfy { !($0.reason ?? "").isEmpty }, "buiten-scope carries a reason")

        XCTAssertGreaterThanOrEqual(state.initiatives.count, 3)
        XCTAssertLessThanOrEqual(state.initiatives.count, 4)
        let outcomes = state.initiatives.items.map(\.value.outcome)
        for outcome in InitiativeOutcome.allCases { XCTAssertTrue(outcomes.contains(outcome), "outcome \(outcome.rawValue)") }
        XCTAssertTrue(state.initiatives.items.filter { $0.value.outcome == .nietUitvoerbaar }.allSatisfy { !($0.value.reason ?? "").isEmpty })
        let waiting = state.initiatives.items.filter { $0.value.outcome == nil }
        XCTAssertEqual(waiting.count, 1)
        XCTAssertTrue(waiting.allSatisfy { $0.value.isOverdue(today: july, termWeeks: Settings().initiativeTermWeeks) },
                      "the waiting initiative is overdue by the summer")
        XCTAssertTrue(state.initiatives.items.compactMap(\.value.turnaround).allSatisfy { $0 >= 0 && $0 <= 28 }, "triaged within the term")
        // Initiators are named in the side store, never in the log.
        for t in state.initiatives.items {
            let ref = try XCTUnwrap(t.value.recorded.person, "\(t.value.recorded.id) has an initiator")
            XCTAssertEqual(session.persons[ref]?.record, t.value.recorded.id)
            XCTAssertNotNil(session.persons[ref]?.name)
        }

        let budgets = state.budgetStatuses()
        XCTAssertEqual(Set(budgets.compactMap(\.budget.wijk)), ["Emerald", "Oud Delfgauw"])
        for b in budgets {
            XCTAssertEqual(b.budget.year, 2009)
            let decision = try XCTUnwrap(b.budget.decision, "allocated by a decision")
            XCTAssertNotNil(state.decisions[decision], "\(decision) exists")
        }
        let emerald = try XCTUnwrap(budgets.first { $0.budget.wijk == "Emerald" })
        // Only the extras are charged to the wijkbudget (beleidsplan 1.2); regular maintenance is not.
        XCTAssertGreaterThanOrEqual(emerald.spending.count, 2, "the extras' costs are charged to the Emerald budget")
        for charge in emerald.spending { XCTAssertEqual(state.actions[charge.action]?.value.created.charged, true) }
        XCTAssertTrue(state.actions.items.contains { $0.value.created.wijk == "Emerald" && ($0.value.created.cost?.cents ?? 0) > 0
                                                     && !$0.value.created.charged }, "a regular cost, recorded and not charged")
        XCTAssertEqual(state.decisions[try XCTUnwrap(emerald.budget.decision)]?.value.takenBy, .stuurgroep, "allocated by the stuurgroep")
        XCTAssertGreaterThan(emerald.spent.cents, 0)

        XCTAssertGreaterThanOrEqual(state.feedback.count, 4)
        XCTAssertTrue(state.feedback.keys.contains { $0.kind == .signal } && state.feedback.keys.contains { $0.kind == .initiative })
        XCTAssertGreaterThanOrEqual(state.feedbackOwed().count, 3, "some feedback is still owed")

        let levels = state.participation.items.map(\.value)
        XCTAssertTrue(levels.allSatisfy { $0.representatives != nil && $0.feedbackPlan != nil }, "who represents residents, and how the others hear back")
        let deviations = levels.filter { $0.override == true }
        XCTAssertEqual(deviations.count, 1)
        for p in levels {
            let allowed = try XCTUnwrap(ParticipationRules.allowed(work: try XCTUnwrap(p.work), phase: try XCTUnwrap(p.phase),
                                                                  controversial: p.controversial ?? false))
            XCTAssertEqual(p.override == true, !allowed.contains(p.level), "\(p.id): override exactly when outside the range")
        }

        let accepted = state.proposalDecisions.filter(\.accepted)
        XCTAssertEqual(accepted.count, 1)
        let verkeer = try XCTUnwrap(accepted.first)
        XCTAssertEqual(verkeer.wijk, "Emerald")
        XCTAssertEqual(verkeer.theme, .verkeer)
        XCTAssertGreaterThanOrEqual(verkeer.signals.count, 3)
        for id in verkeer.signals { XCTAssertEqual(state.signalTriage[id]?.route, .wijkaanpak, "\(id) routed by the accepted proposal") }
        XCTAssertTrue(state.proposalDecisions.contains { !$0.accepted && !($0.reason ?? "").isEmpty }, "one dismissed, with a reason")
        XCTAssertFalse(state.recurrenceProposals(settings: Settings()).isEmpty, "the Voorstellen list still has something to show")
        XCTAssertFalse(state.recurrenceProposals(settings: Settings()).contains { $0.wijk == "Emerald" && $0.theme == .verkeer },
                       "a decided theme is not proposed again for the same signals")
    }

    func testRefusesExistingPath() throws {
        let path = dir + "/demo.log"
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data("x".utf8)))
        XCTAssertThrowsError(try DemoStory.write(to: path, reference: try reference()))
        XCTAssertEqual(FileManager.default.contents(atPath: path), Data("x".utf8))
    }

    func testDemoHasLemonScoresForTrends() throws {
        let path = dir + "/lemon/demo.log"
        try DemoStory.write(to: path, reference: try reference())
        let state = try Session.open(path: path, reference: nil, readOnly: true).state
        XCTAssertEqual(state.lemonScores.count, 14)
        XCTAssertEqual(Set(state.lemonScores.map(\.year)), [2006, 2008])
        let emeraldTraffic = state.lemonScores.filter { $0.wijk == "Emerald" && $0.theme == .verkeer }.sorted { $0.year < $1.year }
        XCTAssertEqual(emeraldTraffic.map(\.scoreText), ["6,50", "5,80"])
    }
}
