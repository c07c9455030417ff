import Foundation
import XCTest

/// The plan's steering structure through the real binary: each rule as a table of commands, with the exit
/// status, what is printed and the rule named on stderr, and nothing appended on a refusal. Each table
/// names the section of the policy plan it comes from.
final class PlanCycleCLITests: XCTestCase {
    override func setUpWithError() throws { try Tmux.requireTools() }

    /// One command: its arguments (the log and the day are added), the exit status, what stdout is
    /// (trimmed), and words stderr must contain.
    struct Step {
        var args: [String]
        var status: Int32
        var out: String?
        var err: [String]
        init(_ args: [String], _ status: Int32, out: String? = nil, err: [String] = []) {
            self.args = args; self.status = status; self.out = out; self.err = err
        }
    }

    private func run(_ steps: [Step], log: String, today: String = "2009-08-01", file: StaticString = #filePath, line: UInt = #line) {
        for step in steps {
            let before = (try? Data(contentsOf: URL(fileURLWithPath: log))) ?? Data()
            let r = HostileCLI.run(step.args + ["--log", log, "--today", today])
            XCTAssertEqual(r.status, step.status, "\(step.args): \(r.out) \(r.err)", file: file, line: line)
            if let out = step.out { XCTAssertEqual(r.out.trimmingCharacters(in: .whitespacesAndNewlines), out, "\(step.args)", file: file, line: line) }
            for word in step.err { XCTAssertTrue(r.err.contains(word), "\(step.args): stderr lacks '\(word)': \(r.err)", file: file, line: line) }
            if step.status != 0, !before.isEmpty {
                XCTAssertEqual(try? Data(contentsOf: URL(fileURLWithPath: log)), before, "a refusal appends nothing: \(step.args)", file: file, line: line)
            }
        }
    }

    private func json(_ args: [String], log: String, file: StaticString = #filePath, line: UInt = #line) throws -> [[String: Any]] {
        let r = HostileCLI.run(args + ["--log", log, "--today", "2009-08-01", "--format", "json"])
        XCTAssertEqual(r.status, 0, r.err, file: file, line: line)
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: r.stdout) as? [[String: Any]], r.out, file: file, line: line)
    }

    /// beleidsplan 1.2 "Aanpak op hoofdlijnen" and "Kern/wijkplannen", 2.3 "Planning": the plan, its
    /// cycle one phase at a time, the stuurgroep's adoption, priorities within the plan, the review.
    func testThePlanAndItsCycle_beleidsplan_1_2_and_2_3() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let log = scratch.dir + "/delfgauw.jsonl"
        run([
            // A kern without a plan: priorities as before, with a note.
            Step(["add", "priority", "--wijk", "De Venen", "--theme", "groen", "--text", "Groen onderhouden", "--period", "ooit"], 0,
                 out: "P-1", err: ["geen kern/wijkenplan", "bewoners"]),
            // The plan: four years, or a reason; no overlap.
            Step(["add", "plan", "--kern", "Delfgauw", "--period", "2009-2013"], 1, err: ["elke vier jaar", "reden"]),
            Step(["add", "plan", "--kern", "Delfgauw", "--period", "ooit"], 1, err: ["geen periode van jaren"]),
            Step(["add", "plan", "--kern", "Delfgauw", "--period", "2009-2012"], 0, out: "PL-1"),
            Step(["add", "plan", "--kern", "Delfgauw", "--period", "2011-2014"], 1, err: ["PL-1"]),
            // At the schouw: no priorities yet.
            Step(["add", "priority", "--wijk", "Emerald", "--theme", "verkeer", "--text", "Verkeer"], 1, err: ["schouw", "beleidsplan 1.2"]),
            // One phase at a time.
            Step(["set", "plan-phase", "PL-1", "--phase", "aanpak"], 1, err: ["alleen naar analyse"]),
            Step(["set", "plan-phase", "PL-1", "--phase", "analyse", "--date", "2009-08-02"], 1, err: ["toekomst"]),
            Step(["set", "plan-phase", "PL-1", "--phase", "analyse", "--date", "2009-04-14"], 0),
            // Priorities within the plan's period.
            Step(["add", "priority", "--wijk", "Emerald", "--theme", "verkeer", "--text", "Verkeer", "--period", "ooit"], 1, err: ["2009-2012"]),
            Step(["add", "priority", "--wijk", "Emerald", "--theme", "verkeer", "--text", "Verkeer", "--period", "2013"], 1,
                 err: ["buiten de planperiode", "PL-1"]),
            Step(["add", "priority", "--wijk", "Emerald", "--theme", "verkeer", "--text", "Verkeer", "--period", "2009–2010",
                  "--residents-involved", "bewonersavond"], 0, out: "P-2"),
            // The adoption needs a stuurgroep decision of the kern.
            Step(["set", "plan-phase", "PL-1", "--phase", "prioriteiten"], 1, err: ["stuurgroep", "beleidsplan 2.3"]),
            Step(["add", "meeting", "--kern", "Delfgauw", "--date", "2009-07-07"], 0, out: "V-1"),
            Step(["add", "decision", "--wijk", "Delfgauw", "--text", "Het kernteam stuurt de analyse door", "--meeting", "V-1"], 0, out: "B-1"),
            Step(["set", "plan-phase", "PL-1", "--phase", "prioriteiten", "--decision", "B-1"], 1, err: ["B-1", "kernteam", "stuurgroep"]),
            Step(["add", "decision", "--wijk", "Delfgauw", "--body", "stuurgroep", "--text", "Vastgesteld", "--meeting", "V-1"], 1,
                 err: ["--meeting"]),
            Step(["add", "decision", "--wijk", "Delfgauw", "--body", "stuurgroep", "--date", "2009-07-14",
                  "--text", "De stuurgroep stelt analyse en prioriteiten vast"], 0, out: "B-2"),
            Step(["set", "plan-phase", "PL-1", "--phase", "prioriteiten", "--decision", "B-2", "--date", "2009-07-14"], 0),
            // Nootdorp still has no plan: free periods there.
            Step(["add", "priority", "--wijk", "De Venen", "--theme", "spelen", "--text", "Spelen", "--period", "ooit"], 0, out: "P-3"),
        ], log: log)

        let plans = try json(["list", "plans"], log: log)
        XCTAssertEqual(plans.count, 1)
        XCTAssertEqual(plans[0]["phase"] as? String, "prioriteiten")
        XCTAssertEqual(plans[0]["adopted_by"] as? String, "B-2")
        XCTAssertEqual(plans[0]["review_due"] as? String, "2011-07-14", "two years after the adoption")
        XCTAssertEqual((plans[0]["priorities"] as? [String: [String]])?["Emerald"], ["P-2"])
        let priorities = try json(["list", "priorities"], log: log)
        XCTAssertEqual(priorities.map { $0["period"] as? String }, ["ooit", "2009-2010", "ooit"])
        XCTAssertEqual(priorities.map { $0["plan"] as? String }, [nil, "PL-1", nil])
        XCTAssertEqual(priorities[1]["residents_involved"] as? String, "bewonersavond")

        // The stuurgroep's decision shows as such.
        let decisions = try json(["list", "decisions"], log: log)
        XCTAssertEqual(decisions.map { $0["body"] as? String }, ["kernteam", "stuurgroep"])
        XCTAssertEqual(decisions[1]["date"] as? String, "2009-07-14")
        let history = HostileCLI.run(["history", "--kern", "Delfgauw", "--log", log])
        XCTAssertTrue(history.out.contains("[stuurgroep] De stuurgroep stelt"), history.out)
        XCTAssertTrue(history.out.contains("PL-1 naar fase prioriteiten (besluit B-2)"), history.out)
    }

    /// beleidsplan 1.2 "Kern/wijkplannen": "Gestreefd wordt naar maximaal 5 prioriteiten voor intensief
    /// beheer per wijk" — a sixth with a reason, as a deliberate deviation; none for the whole kern.
    func testTheCapOfFive_beleidsplan_1_2() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let log = scratch.dir + "/cap.jsonl"
        let themes = ["verkeer", "wonen", "spelen", "groen", "overlast", "veiligheid"]
        var steps = (0..<5).map { n in
            Step(["add", "priority", "--wijk", "Emerald", "--theme", themes[n], "--text", "Prioriteit \(n + 1)"], 0, out: "P-\(n + 1)")
        }
        steps += [
            Step(["add", "priority", "--wijk", "Emerald", "--theme", "veiligheid", "--text", "Zesde"], 1,
                 err: ["Gestreefd wordt naar maximaal 5 prioriteiten voor intensief beheer per wijk", "beleidsplan 1.2", "P-5"]),
            Step(["add", "priority", "--wijk", "Emerald", "--theme", "veiligheid", "--text", "Zesde",
                  "--reason", "Groot onderhoud Vestia komt erbij"], 0, out: "P-6"),
        ]
        steps += (7...12).map { n in Step(["add", "priority", "--wijk", "Delfgauw", "--theme", "ouderen", "--text", "Kern \(n)"], 0, out: "P-\(n)") }
        run(steps, log: log)
        let rows = try json(["list", "priorities", "--wijk", "Emerald"], log: log)
        XCTAssertEqual(rows.map { $0["deviation"] as? Bool }, [false, false, false, false, false, true])
        XCTAssertEqual(rows[5]["reason"] as? String, "Groot onderhoud Vestia komt erbij")
        let table = HostileCLI.run(["list", "priorities", "--wijk", "Emerald", "--log", log])
        XCTAssertTrue(table.out.contains("bewuste afwijking van maximaal 5: Groot onderhoud Vestia komt erbij"), table.out)
    }

    /// beleidsplan 1.2, "De kenmerken van het wijkgericht werken": "Bespreken en agenderen als bepaalde
    /// problemen in een wijk of kern vaak voorkomt" — N signals across the wijken of a kern; none for an
    /// active priority; `--all` says why.
    func testRecurrenceAcrossAKern_beleidsplan_1_2() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let log = scratch.dir + "/recurrence.jsonl"
        func signal(_ wijk: String, _ date: String, _ theme: String = "overlast") -> Step {
            Step(["add", "signal", "--wijk", wijk, "--theme", theme, "--source", "politie", "--text", "Hangjongeren", "--date", date], 0)
        }
        run([signal("Oud Delfgauw", "2009-02-21"), signal("Emerald", "2009-06-10")], log: log)
        var keys = try json(["list", "proposals"], log: log).compactMap { $0["key"] as? String }
        XCTAssertEqual(keys, [], "two signals: N-1")
        run([signal("Zuidpolder/Noordpolder", "2009-08-22")], log: log)
        keys = try json(["list", "proposals"], log: log).compactMap { $0["key"] as? String }
        XCTAssertEqual(keys, [], "the third is just outside six months of the first")
        run([signal("Zuidpolder/Noordpolder", "2009-06-22")], log: log)
        let proposals = try json(["list", "proposals"], log: log)
        XCTAssertEqual(proposals.compactMap { $0["key"] as? String }, ["Delfgauw/overlast"], "three across three wijken within the window")
        XCTAssertEqual(proposals[0]["signals"] as? [String], ["S-2", "S-4", "S-3"], "the latest window that holds three")

        let all = try json(["list", "proposals", "--all"], log: log)
        let emerald = try XCTUnwrap(all.first { $0["key"] as? String == "Emerald/overlast" })
        XCTAssertEqual(emerald["reason"] as? String, "too_few")
        XCTAssertEqual(emerald["raised"] as? Bool, false)

        // An active priority of the kern for the theme: no proposal, and --all says so.
        run([Step(["add", "priority", "--wijk", "Delfgauw", "--theme", "overlast", "--text", "Hangjongeren in de hele kern"], 0, out: "P-1")], log: log)
        XCTAssertEqual(try json(["list", "proposals"], log: log).count, 0)
        let held = try XCTUnwrap(try json(["list", "proposals", "--all"], log: log).first { $0["key"] as? String == "Delfgauw/overlast" })
        XCTAssertEqual(held["reason"] as? String, "active_priority")
        XCTAssertEqual(held["priority"] as? String, "P-1")
        let table = HostileCLI.run(["list", "proposals", "--all", "--log", log])
        XCTAssertTrue(table.out.contains("al een actieve prioriteit (P-1)"), table.out)
    }

    /// The smaller gaps through the binary: the plan's sources (2.1, 1.1), a participation level with its
    /// work, phase, controversy, representatives and feedback (bijlage 1), and the day of a triage with
    /// the turnaround it gives (1.2).
    func testSourcesParticipationAndTriageDates_beleidsplan_2_1_bijlage_1() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let log = scratch.dir + "/gaps.jsonl"
        run([
            Step(["add", "signal", "--wijk", "Emerald", "--theme", "veiligheid", "--source", "wijkmanager", "--text", "Donkere fietsroute", "--date", "2009-06-01"], 0, out: "S-1"),
            Step(["add", "signal", "--wijk", "Emerald", "--theme", "veiligheid", "--source", "politiemonitor", "--text", "Meer inbraken"], 0, out: "S-2"),
            Step(["add", "signal", "--wijk", "Emerald", "--theme", "veiligheid", "--source", "buurman", "--text", "X"], 1, err: ["wijkmanager", "politiemonitor"]),
            Step(["add", "participation", "--wijk", "Emerald", "--topic", "Speelplek", "--level", "coproduceren"], 64, err: ["--work"]),
            Step(["add", "participation", "--wijk", "Emerald", "--topic", "Speelplek", "--work", "leefbaarheidsplan", "--level", "coproduceren"], 64, err: ["--phase"]),
            Step(["add", "participation", "--wijk", "Emerald", "--topic", "Speelplek", "--work", "leefbaarheidsplan", "--phase", "planvorming",
                  "--level", "consulteren", "--controversial", "--representatives", "Werkgroep ouders",
                  "--feedback-to-residents", "Flyer in de buurt"], 0, out: "D-1"),
            Step(["add", "initiative", "--wijk", "Emerald", "--text", "Straatfeest", "--date", "2009-03-01"], 0, out: "I-1"),
            Step(["triage", "initiative", "I-1", "--outcome", "inplannen", "--date", "2009-02-28"], 1, err: ["2009-02-28", "2009-03-01"]),
            Step(["triage", "initiative", "I-1", "--outcome", "inplannen", "--date", "2009-08-02"], 1, err: ["toekomst"]),
            Step(["triage", "initiative", "I-1", "--outcome", "inplannen", "--date", "2009-03-15"], 0),
            Step(["triage", "signal", "S-1", "--route", "kernteam", "--date", "2009-07-01"], 0),
        ], log: log)
        let participation = try json(["list", "participation"], log: log)
        XCTAssertEqual(participation.first?["controversial"] as? Bool, true)
        XCTAssertEqual(participation.first?["representatives"] as? String, "Werkgroep ouders")
        XCTAssertEqual(participation.first?["feedback_plan"] as? String, "Flyer in de buurt")
        let initiatives = try json(["list", "initiatives"], log: log)
        XCTAssertEqual(initiatives.first?["turnaround_days"] as? Int, 14)
        let signals = try json(["list", "signals"], log: log)
        XCTAssertEqual(Set(signals.compactMap { $0["source"] as? String }), ["wijkmanager", "politiemonitor"])
    }

    /// The wijkbudget through the binary (beleidsplan 1.2 "Burgerparticipatie", 2.3 "Financiering"): the
    /// stuurgroep allocates within the yearly ceiling, only a charged cost counts, overspending needs a reason.
    func testTheWijkbudgetForExtras_beleidsplan_1_2_and_2_3() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let log = scratch.dir + "/budget.jsonl"
        run([
            Step(["add", "budget", "--wijk", "Emerald", "--year", "2009", "--amount", "1000"], 0, out: "BU-1"),
            Step(["add", "budget", "--wijk", "Oud Delfgauw", "--year", "2009", "--amount", "999999999"], 1, err: ["200.000", "beleidsplan 2.3"]),
            Step(["add", "action", "--wijk", "Emerald", "--title", "Klimtoestel repareren", "--owner", "Gemeente beheer",
                  "--cost", "5000", "--due", "2009-09-01"], 0, out: "A-1"),
            Step(["add", "action", "--wijk", "Emerald", "--title", "Springkussen straatfeest", "--owner", "Wijkmanager",
                  "--cost", "800", "--due", "2009-09-12", "--wijkbudget"], 0, out: "A-2"),
            Step(["add", "action", "--wijk", "Emerald", "--title", "Extra bank", "--owner", "Wijkmanager",
                  "--cost", "500", "--due", "2009-10-01", "--wijkbudget"], 1, err: ["€ 200,00", "--reason"]),
            Step(["add", "action", "--wijk", "Emerald", "--title", "Extra bank", "--owner", "Wijkmanager",
                  "--cost", "500", "--due", "2009-10-01", "--wijkbudget", "--reason", "Afgesproken met de stuurgroep"], 0, out: "A-3"),
            Step(["correct", "A-1", "--wijkbudget", "ja", "--reason", "toch een extra"], 1, err: ["--reason"]),
        ], log: log)
        let decisions = try json(["list", "decisions"], log: log)
        XCTAssertEqual(decisions.first?["body"] as? String, "stuurgroep", "add budget records the stuurgroep's decision")
        let budgets = try json(["list", "budgets"], log: log)
        XCTAssertEqual(budgets.first?["amount_cents"] as? Int, 100_000)
        XCTAssertEqual(budgets.first?["spent_cents"] as? Int, 130_000, "only the charged costs: A-2 and A-3")
        XCTAssertEqual(budgets.first?["remaining_cents"] as? Int, -30_000)
        let spending = try XCTUnwrap(budgets.first?["spending"] as? [[String: Any]])
        XCTAssertEqual(spending.map { $0["action"] as? String }, ["A-2", "A-3"])
        XCTAssertEqual(spending.map { $0["overspend"] as? Bool }, [false, true])
        XCTAssertEqual(spending.last?["reason"] as? String, "Afgesproken met de stuurgroep")
        let actions = try json(["list", "actions"], log: log)
        XCTAssertEqual(actions.map { $0["wijkbudget"] as? Bool }, [false, true, true])
        let table = HostileCLI.run(["list", "budgets", "--log", log])
        XCTAssertTrue(table.out.contains("A-3 € 500,00 (bewuste overschrijding van het wijkbudget: Afgesproken met de stuurgroep)"), table.out)
    }
}
