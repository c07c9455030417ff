import Foundation
import KernteamDomain

/// The progress report for the stuurgroep over a period, per kern and per wijk: kind of wijk, active
/// priorities, decisions, actions done/open/overdue, initiatives per outcome with median turnaround,
/// participation levels used, budget, feedback still owed; then the plan's indicators (number of
/// citizen initiatives, Lemon scores).
///
/// Decisions, initiatives and participation levels count when they fall in the period (the meeting's
/// date, else the day they were logged). The sources are folded as of `today` (by default the end of
/// the period), so statuses (actions, priorities, feedback, budgets) are as they stood then. Actions
/// count when made in the period, or made earlier and still open.
public enum ProgressReport {
    /// `charts`: add the dashboard's charts per kern (for HTML; the Markdown report stays as it was).
    /// `averages` (from `Data/averages.json`): Haaglanden's and the Dutch averages beside the Lemon scores;
    /// with none filled in the report is as without them.
    public static func document(_ sources: [ReportSource], from: Day, to: Day, kern: String? = nil, today: Day,
                                charts: Bool = false, generated: Day? = nil, averages: LemonAverages = .none) -> Document {
        let combined = sources.count > 1
        var blocks: [Document.Block] = []
        if combined { blocks.append(.note(Text.exportCombined(sources.map(\.label)).text)) }
        if sources.contains(where: { $0.persons != nil }) { blocks.append(.note(Text.exportPersonalNote.text)) }

        var shown = Set<String>()
        var known: [String] = []
        var sections: [(source: ReportSource, kern: String)] = []
        for source in sources {
            let withData = source.state.kernenWithData()
            let reference = source.state.reference.kernen.map(\.name)
            for k in reference where !known.contains(k) { known.append(k) }
            if let kern {
                let name = source.state.reference.kern(named: kern)?.name
                    ?? withData.first { ReferenceData.matchKey($0) == ReferenceData.matchKey(kern) } ?? kern
                if withData.contains(name) { sections.append((source, name)) }
            } else {
                let ordered = reference.filter(withData.contains) + withData.subtracting(reference).sorted()
                sections += ordered.map { (source, $0) }
            }
        }
        if let kern, sections.isEmpty, let first = sources.first {
            sections.append((first, first.state.reference.kern(named: kern)?.name ?? kern))
        }
        for (source, k) in sections {
            shown.insert(k)
            let heading = Text.headerKern(k).text + (combined && source.label != k ? " (\(source.label))" : "")
            blocks += KernSection(source: source, kern: k, from: from, to: to, today: today, combined: combined, charts: charts,
                                  averages: averages)
                .blocks(heading: heading)
        }
        let missing = known.filter { !shown.contains($0) }
        if kern == nil, !missing.isEmpty { blocks.append(.paragraph(Text.exportNoDataFor(missing).text)) }

        let period = Text.exportPeriod(from.shown, to.shown).text
        let kernLine = Text.exportKernLine(kern.map { sections.first?.kern ?? $0 }).text
        return Document(
            title: Text.exportReportTitle.text,
            meta: [period, kernLine, Text.exportStateAsOf(today.shown).text],
            blocks: blocks,
            footer: Text.exportGenerated((generated ?? today).shown).text,
            runningHeader: [Text.exportReportShort.text, kernLine, period].joined(separator: " · "))
    }
}

/// One kern of one log in the report.
private struct KernSection {
    let source: ReportSource
    let kern: String
    let from: Day
    let to: Day
    let today: Day
    let combined: Bool
    let charts: Bool
    let averages: LemonAverages

    var state: KernteamState { source.state }
    var name: IDNamer { IDNamer(prefix: combined ? source.label : nil) }
    func inPeriod(_ d: Day) -> Bool { from <= d && d <= to }

    func blocks(heading: String) -> [Document.Block] {
        var out: [Document.Block] = [.heading(2, heading)]
        if charts { out += chartBlocks() }
        out += planBlocks()
        var wijken = state.reference.kern(named: kern)?.wijken.map(\.name) ?? []
        let inData = Set(state.actions.items.compactMap { !$0.isWithdrawn && $0.value.created.kern == kern ? $0.value.created.wijk : nil }
            + state.decisions.items.compactMap { !$0.isWithdrawn && $0.value.kern == kern ? $0.value.wijk : nil }
            + state.initiatives.items.compactMap { !$0.isWithdrawn && $0.value.recorded.kern == kern ? $0.value.recorded.wijk : nil }
            + state.priorities.items.compactMap { !$0.isWithdrawn && $0.value.kern == kern ? $0.value.wijk : nil })
        wijken += inData.subtracting(wijken).sorted()
        for w in wijken { out += wijkBlocks(w) }
        let whole = wijkBlocks(nil)
        // The whole-kern part only when something in it is about the kern as a whole.
        if whole.contains(where: { if case .heading(4, _) = $0 { return true } else { return false } }) || hasKernWide {
            out += whole
        }
        out += indicatorBlocks()
        return out
    }

    private var hasKernWide: Bool {
        state.actions.items.contains { !$0.isWithdrawn && $0.value.created.kern == kern && $0.value.created.wijk == nil }
            || state.decisions.items.contains { !$0.isWithdrawn && $0.value.kern == kern && $0.value.wijk == nil && inPeriod(state.decisionDay($0)) }
            || state.initiatives.items.contains { !$0.isWithdrawn && $0.value.recorded.kern == kern && $0.value.recorded.wijk == nil }
            || state.budgets.items.contains { !$0.isWithdrawn && $0.value.kern == kern && $0.value.wijk == nil }
    }

    private func wijkBlocks(_ wijk: String?) -> [Document.Block] {
        var out: [Document.Block] = [.heading(3, wijk ?? Text.exportWholeKern.text)]
        if let wijk { out.append(.paragraph("\(Text.fieldLabel(.kind).text): \(Text.exportWijkKind(state.kind(ofWijk: wijk)).text)")) }
        func here(_ k: String, _ w: String?) -> Bool { k == kern && w == wijk }

        // Actions: made in the period, or earlier and still open.
        let actions = state.actions.items.filter { t in
            !t.isWithdrawn && here(t.value.created.kern, t.value.created.wijk) && countsInPeriod(t)
        }.map(\.value)
        let overdue = actions.filter { $0.isOverdue(today: today) }
        let actionLine = Text.exportActionCounts(done: actions.filter { $0.status == .gereed }.count,
                                                 open: actions.filter { $0.status.isOpen }.count,
                                                 overdue: overdue.count,
                                                 dropped: actions.filter { $0.status == .vervallen }.count).text

        // Initiatives recorded in the period, per outcome, with the median days to triage.
        let initiatives = state.initiatives.items.filter { !$0.isWithdrawn && here($0.value.recorded.kern, $0.value.recorded.wijk)
            && inPeriod($0.value.recorded.date) }.map(\.value)
        let outcomes: [InitiativeOutcome?] = InitiativeOutcome.allCases.map { $0 } + [nil]
        let initiativeLine = outcomes.map { o in
            let these = initiatives.filter { $0.outcome == o }
            return Text.exportInitiativeCount(Text.outcomeLabel(o).text, these.count,
                                              median: o == nil ? nil : Fmt.median(these.compactMap(\.turnaround))).text
        }.joined(separator: " · ")

        // Budgets of the years the period touches.
        let budgets = state.budgetStatuses().filter { here($0.budget.kern, $0.budget.wijk) && (from.year...to.year).contains($0.budget.year) }
        let budgetLine = budgets.isEmpty ? Text.minutesNone.text : budgets.map {
            Text.exportBudgetLine(year: $0.budget.year, allocated: $0.budget.amount.dutch, spent: $0.spent.dutch, remaining: $0.remaining.dutch).text
        }.joined(separator: "; ")

        let owed = state.feedbackOwed().filter { here($0.kern, $0.wijk) && $0.since <= to }

        out.append(.list([
            "\(Text.exportActionsHeading.text): \(actionLine)",
            "\(Text.exportInitiativesHeading.text): \(initiativeLine)",
            "\(Text.exportBudgetHeading.text): \(budgetLine)",
            "\(Text.exportFeedbackOwedHeading.text): \(owed.count)",
        ]))

        let priorities = state.activePriorities(wijk: wijk, kern: kern).map { p in
            "\(name(p.id)) \(p.theme.rawValue): \(p.text)" + (p.period.map { " (\($0))" } ?? "")
                + (p.involvement.map { " · " + Text.plan(.involvementLine($0)).text } ?? "")
                + (p.deviation == true ? " · " + Text.plan(.priorityDeviation(p.reason ?? "")).text : "")
        }
        if wijk != nil || !priorities.isEmpty {
            out.append(.heading(4, Text.exportActivePriorities.text))
            out.append(.list(priorities.isEmpty ? [Text.minutesNone.text] : priorities))
        }

        let decisions = state.decisions.items.filter { t in
            !t.isWithdrawn && here(t.value.kern, t.value.wijk) && inPeriod(state.decisionDay(t))
        }.map { t in "\(name(t.value.id)) (\(state.decisionDay(t).shown)): \(Text.plan(.bodyMark(t.value.takenBy)).text)\(t.value.text)" }
        if wijk != nil || !decisions.isEmpty {
            out.append(.heading(4, Text.exportDecisionsInPeriod.text))
            out.append(.list(decisions.isEmpty ? [Text.minutesNone.text] : decisions))
        }

        if !overdue.isEmpty {
            out.append(.heading(4, Text.exportOverdueActions.text))
            out.append(.list(overdue.map { a in
                "\(name(a.created.id)) (\(Text.fieldLabel(.due).text.lowercased()) \(a.created.due?.shown ?? ""), \(a.created.owner)): \(a.created.title)"
            }))
        }

        let levels = state.participation.items.filter { t in
            !t.isWithdrawn && here(t.value.kern, t.value.wijk) && inPeriod(state.recordDay(meeting: t.value.meeting, timestamp: t.timestamp))
        }.map { t -> String in
            let p = t.value
            let context = [p.work?.rawValue, p.phase?.rawValue].compactMap { $0 }.joined(separator: ", ")
            return "\(name(p.id)) \(p.topic): \(p.level.rawValue)" + (context.isEmpty ? "" : " (\(context))")
                + (p.override == true ? " · " + Text.ladderOverride(p.reason ?? "").text : "")
        }
        if !levels.isEmpty {
            out.append(.heading(4, Text.exportParticipationUsed.text))
            out.append(.list(levels))
        }

        if !initiatives.isEmpty {
            out.append(.heading(4, Text.exportInitiativesHeading.text))
            out.append(.list(initiatives.map { i in
                var parts = ["\(name(i.recorded.id)) (\(i.recorded.date.shown)): \(i.recorded.text)", Text.outcomeLabel(i.outcome).text]
                if let days = i.turnaround { parts.append("\(Text.detailTurnaround.text.lowercased()) \(days) d") }
                if let line = PersonalLine.line(i.recorded.person, role: .initiator, persons: source.persons) { parts.append(line) }
                return parts.joined(separator: " · ")
            }))
        }

        if !owed.isEmpty {
            out.append(.heading(4, Text.exportFeedbackOwedHeading.text))
            out.append(.list(owed.map { f in
                var parts = ["\(name(f.id)) (\(Text.exportWaitingSince(f.since.shown, today.ordinal - f.since.ordinal).text)): \(f.text)"]
                let person = f.id.kind == .signal ? state.signals[f.id]?.value.person : state.initiatives[f.id]?.value.recorded.person
                if let line = PersonalLine.line(person, role: f.id.kind == .signal ? .reporter : .initiator, persons: source.persons) {
                    parts.append(line)
                }
                return parts.joined(separator: " · ")
            }))
        }
        return out
    }

    /// The kern's plan as it stood at the report's date: its phase, the stuurgroep's adoption, the review
    /// that is due and the end of its period (beleidsplan 1.2, 2.3). Nothing when the kern has no plan.
    private func planBlocks() -> [Document.Block] {
        guard let plan = state.currentPlan(kern: kern, on: to) else { return [] }
        return [.heading(3, Text.plan(.reportPlanHeading).text), .list(KernteamState.planLines(plan, today: today, name: name.callAsFunction))]
    }

    /// The dashboard of the whole kern over the period: signals per theme over the whole period (by
    /// month, quarter or year as its length asks), actions of the period by status per wijk (the same
    /// actions the text counts), initiatives of the period per outcome, budgets of the period's years,
    /// Lemon scores up to its end.
    private func chartBlocks() -> [Document.Block] {
        let charts = [
            Dashboard.signals(state: state, kern: kern, wijk: nil, from: from, to: to),
            Dashboard.actions(state: state, kern: kern, wijk: nil, today: today, included: countsInPeriod),
            Dashboard.initiatives(state: state, kern: kern, wijk: nil, upTo: to, from: from),
            Dashboard.budgets(state: state, kern: kern, wijk: nil, years: from.year...to.year),
            Dashboard.lemon(state: state, kern: kern, wijk: nil, upTo: to.year, averages: averages),
        ]
        return [.heading(3, Text.dashboardChartsHeading.text)] + charts.map { .svgChart($0) }
    }

    /// An action counts in the period when made in it, or made earlier and still open.
    private func countsInPeriod(_ t: Tracked<ActionRecord>) -> Bool {
        let day = state.recordDay(meeting: t.value.created.meeting, timestamp: t.timestamp)
        return day <= to && (day >= from || t.value.status.isOpen)
    }

    private func indicatorBlocks() -> [Document.Block] {
        var out: [Document.Block] = [.heading(3, Text.exportIndicators.text)]
        let all = state.initiatives.items.filter { !$0.isWithdrawn && $0.value.recorded.kern == kern }
        let inPeriodCount = all.filter { inPeriod($0.value.recorded.date) }.count
        out.append(.list([Text.exportInitiativeIndicator(inPeriod: inPeriodCount, total: all.count).text]))
        out.append(.heading(4, Text.exportLemonHeading.text))
        let scores = state.lemonScores.filter { $0.kern == kern && $0.year <= to.year }
            .sorted { ($0.wijk ?? "", $0.theme.rawValue, $0.year) < ($1.wijk ?? "", $1.theme.rawValue, $1.year) }
        if scores.isEmpty {
            out.append(.paragraph(Text.minutesNone.text))
            return out
        }
        let withAverages = scores.contains { averages.average(theme: $0.theme, year: $0.year) != nil }
        let rows = scores.map { s -> [String] in
            let previous = scores.filter { $0.wijk == s.wijk && $0.theme == s.theme && $0.year < s.year }.max { $0.year < $1.year }
            let average = averages.average(theme: s.theme, year: s.year)
            // The averages of the same theme and year, beside the score, when the file has any.
            let beside = withAverages ? [LemonAverages.shown(average?.haaglanden), LemonAverages.shown(average?.nederland)] : []
            return [s.wijk ?? s.kern, s.theme.rawValue, String(s.year), s.scoreText] + beside
                + [Text.exportTrend(previous.map { s.score - $0.score }).text]
        }
        let averageColumns = withAverages ? [Text.plan(.averagesHaaglanden).text, Text.plan(.averagesNederland).text] : []
        out.append(.table(header: [Text.fieldLabel(.wijk).text, Text.fieldLabel(.theme).text, Text.fieldLabel(.year).text,
                                   Text.fieldLabel(.score).text] + averageColumns + [Text.exportTrendColumn.text], rows: rows))
        return out
    }
}
