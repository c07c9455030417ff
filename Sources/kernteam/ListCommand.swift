import ArgumentParser
import Foundation
import KernteamDomain
import KernteamReports
import KernteamSession
import KernteamTUI

struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: Text.cliAbstract(.list).text
    )

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case signals, actions, decisions, meetings, agenda, participation
        case initiatives, priorities, budgets, proposals
        case feedbackOwed = "feedback-owed"
        case roles, plans
    }

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

    @OptionGroup var global: GlobalOptions
    @Argument(help: .text(.listKind)) var kind: Kind
    @Option(help: .text(.onlyWijkOrKern)) var wijk: String?
    @Option(help: .text(.tableOrJSON)) var format: Format = .table
    @Flag(help: .text(.listPersonal)) var includePersonal = false
    @Flag(help: .plan(.helpProposalsAll)) var all = false
    @OptionGroup var asOf: AsOfOption
    @OptionGroup var damage: DamageOptions

    func run() throws {
        let path = DataLocator.logPath(global.log)
        if FirstRun.noLogYet(path) {
            if let problem = FirstRun.unknownPlace(wijk) { printError(problem); throw ExitCode(1) }
            FirstRun.say(path)
            // Nothing recorded yet: an empty list, so a script reads "none" rather than an error.
            if format == .json { print(TerminalSafeJSON.format([Any]())) }
            return
        }
        let (state, today, persons, settings, note) = try read()
        var place: Place?
        if let wijk {
            guard let p = state.reference.place(named: wijk) else {
                printError(Text.unknownWijk(wijk, known: state.reference.placeNames).text)
                throw ExitCode(1)
            }
            place = p
        }
        let records = ListRecords(state: state, today: today, place: place, includePersonal: includePersonal,
                                  persons: persons, settings: settings, all: all).rows(kind)
        switch format {
        case .json:
            print(TerminalSafeJSON.format(ReadGuard.json(try JSONTree.value(records.compactMap(\.row)), note)))
        case .table:
            print(TableFormatter.format((note.map { [[$0.text]] } ?? []) + records.map(\.table)))
        }
        if note != nil { throw ExitCode(ExitStatus.damaged) }
    }
}

extension List {
    /// The lines each list needs, for the lists that can skip the rest of the log (`SelectiveRead`):
    /// their own records, plus places, meeting dates and corrections.
    static func selection(_ kind: Kind, place: String?) -> LogSelection? {
        switch kind {
        case .decisions: LogSelection(always: LogSelection.context, placed: ["decision.taken"], place: place)
        case .signals: LogSelection(always: LogSelection.context, placed: ["signal.recorded"], place: place)
        default: nil
        }
    }

    /// The state to list from: read selectively when the list allows it and the log is intact,
    /// otherwise the whole log opened read-only (which also reports damage and a torn tail).
    private func read() throws -> (KernteamState, Day, [PersonRef: PersonalData], Settings, DamageNote?) {
        let path = DataLocator.logPath(global.log)
        // Looking back folds by timestamp: the quick selective read does not.
        let cut = try asOf.parsed()
        if cut == nil, let selection = Self.selection(kind, place: wijk), let state = SelectiveRead.fold(path: path, selection: selection) {
            let persons = includePersonal ? PersonalStore.forLocation(path).loadAll() : [:]
            return (state, Today.day(), persons, try DataLocator.settings(), nil)
        }
        let session = try global.openSession(role: .cli, readOnly: true, asOf: cut)
        let note = try ReadGuard.check(session, path: path, allowDamaged: damage.allowDamaged)
        return (session.state, cut?.day ?? session.today, session.persons, session.settings, note)
    }
}

/// One listed record: its row (the JSON every command writes for its kind) and its table cells.
struct ListedRecord {
    /// Nil for a line of a table that is no record of its own (the account's lines under its heading).
    var row: RecordRow?
    var table: [String]
}

/// Picks and formats records for `list`. Withdrawn records are left out (the history shows them).
struct ListRecords {
    let state: KernteamState
    let today: Day
    let place: Place?
    let includePersonal: Bool
    let persons: [PersonRef: PersonalData]
    let settings: Settings
    /// `list proposals --all`: also the places and themes without a proposal, and why.
    var all = false

    var build: RowBuilder { RowBuilder(state: state, today: today, settings: settings, persons: includePersonal ? persons : nil) }

    func matches(_ kern: String, _ wijk: String?) -> Bool {
        guard let place else { return true }
        return place.wijk == nil ? kern == place.kern : wijk == place.wijk
    }

    func rows(_ kind: List.Kind) -> [ListedRecord] {
        let build = build
        switch kind {
        case .signals:
            return state.signals.items.filter { !$0.isWithdrawn && matches($0.value.kern, $0.value.wijk) }.map { t in
                let s = t.value
                return ListedRecord(row: .signal(build.signal(t)), table: [s.id.description, s.date.dutch, s.wijk ?? s.kern, s.theme.rawValue,
                                                                           s.source.rawValue, s.text])
            }
        case .actions:
            return state.actions.items.filter { !$0.isWithdrawn && matches($0.value.created.kern, $0.value.created.wijk) }.map { t in
                let a = t.value.created
                let status = PaneContent.statusLabel(t.value.status, overdue: t.value.isOverdue(today: today), withdrawn: false).text
                return ListedRecord(row: .action(build.action(t)),
                                    table: [a.id.description, status, a.due?.dutch ?? "", a.owner, a.wijk ?? a.kern, a.title])
            }
        case .decisions:
            return state.decisions.items.filter { !$0.isWithdrawn && matches($0.value.kern, $0.value.wijk) }.map { t in
                let d = t.value
                let date = d.date ?? d.meeting.flatMap { state.meetings[$0]?.value.date }
                return ListedRecord(row: .decision(build.decision(t)),
                                    table: [d.id.description, date?.dutch ?? "", d.takenBy.rawValue, d.wijk ?? d.kern, d.text])
            }
        case .meetings:
            return state.meetings.items.filter { !$0.isWithdrawn && (place == nil || $0.value.kern == place!.kern) }.map { t in
                let m = t.value
                return ListedRecord(row: .meeting(build.meeting(t)), table: [m.id.description, m.date.dutch, m.kern])
            }
        case .agenda:
            return state.agenda.items.filter { !$0.isWithdrawn && matches($0.value.kern, $0.value.wijk) }.map { t in
                let a = t.value
                return ListedRecord(row: .agendaItem(build.agendaItem(t)),
                                    table: [a.id.description, a.meeting.description, a.minutes.map { Text.minutesShort($0).text } ?? "",
                                            a.wijk ?? a.kern, a.title])
            }
        case .participation:
            return state.participation.items.filter { !$0.isWithdrawn && matches($0.value.kern, $0.value.wijk) }.map { t in
                let p = t.value
                return ListedRecord(row: .participation(build.participation(t)),
                                    table: [p.id.description, p.level.rawValue + (p.override == true ? " " + Text.listOverrideMark.text : ""),
                                            p.work?.rawValue ?? "", p.phase?.rawValue ?? "", p.wijk ?? p.kern, p.topic])
            }
        case .initiatives:
            return state.initiatives.items.filter { !$0.isWithdrawn && matches($0.value.recorded.kern, $0.value.recorded.wijk) }.map { t in
                let i = t.value
                let overdue = i.isOverdue(today: today, termWeeks: settings.initiativeTermWeeks)
                let status = overdue ? "! " + Text.overdueMark.text : Text.outcomeLabel(i.outcome).text
                return ListedRecord(row: .initiative(build.initiative(t)),
                                    table: [i.recorded.id.description, i.recorded.date.dutch, Text.ageDays(i.age(today: today)).text, status,
                                            i.recorded.wijk ?? i.recorded.kern, i.recorded.text])
            }
        case .priorities:
            return state.priorities.items.filter { !$0.isWithdrawn && matches($0.value.kern, $0.value.wijk) }.map { t in
                let p = t.value
                let closed = state.closedPriorities[p.id]
                return ListedRecord(row: .priority(build.priority(t)),
                                    table: [p.id.description, closed == nil ? Text.priorityActiveMark.text : Text.priorityClosedMark.text,
                                            p.wijk ?? p.kern, p.theme.rawValue, p.period ?? "",
                                            p.text + (p.deviation == true ? " (" + Text.plan(.priorityDeviation(p.reason ?? "")).text + ")" : "")])
            }
        case .budgets:
            let statuses = Dictionary(state.budgetStatuses().map { ($0.budget.id, $0) }, uniquingKeysWith: { a, _ in a })
            return state.budgets.items.filter { statuses[$0.value.id] != nil && matches($0.value.kern, $0.value.wijk) }.map { t in
                let b = statuses[t.value.id]!
                return ListedRecord(row: .budget(build.budget(t, status: b)),
                                    table: [b.budget.id.description, String(b.budget.year), b.budget.wijk ?? b.budget.kern, b.budget.amount.dutch,
                                            Text.dashboardSpent.text + " " + b.spent.dutch,
                                            Text.dashboardRemaining(b.remaining.dutch).text + (b.isOver ? " " + Text.overBudget.text : "")]
                                        + [b.spending.map { c in "\(c.action) \(c.cost.dutch)" + (c.overspends ? " (" + Text.plan(.overspendMark(c.reason ?? "")).text + ")" : "") }
                                            .joined(separator: ", ")])
            }
        case .feedbackOwed:
            return state.feedbackOwed().filter { matches($0.kern, $0.wijk) }.map { f in
                ListedRecord(row: .feedbackOwed(build.feedbackOwed(f)),
                             table: [f.id.description, f.since.dutch, Text.ageDays(today.ordinal - f.since.ordinal).text, f.wijk ?? f.kern, f.text])
            }
        case .plans:
            return planRows()
        case .roles:
            // Reference data: the roles of the plan's organisation, as frozen into this log.
            return (state.reference.roles ?? []).map { r in
                ListedRecord(row: .role(build.role(r)), table: [r.name, Text.plan(.bodyLabel(r.body)).text, r.task])
            }
        case .proposals where all:
            return state.recurrenceChecks(settings: settings).filter { matches($0.kern, $0.wijk) }.map { c in
                let why: String
                switch c.result {
                case .raised(let p):
                    why = Text.plan(.proposalRaised(p.signals.count)).text + ": " + p.signals.map(\.description).joined(separator: " ")
                case .held(.tooFew(let most)):
                    why = Text.plan(.holdTooFew(most: most, needed: settings.recurrenceCount, months: settings.recurrenceMonths)).text
                case .held(.decided): why = Text.plan(.holdDecided).text
                case .held(.activePriority(let id)): why = Text.plan(.holdActivePriority(id.description)).text
                case .held(.oneWijk(let w)): why = Text.plan(.holdOneWijk(w)).text
                }
                return ListedRecord(row: .proposal(build.proposal(c)), table: [c.place, c.theme.rawValue, "\(c.signalCount)", why])
            }
        case .proposals:
            return state.recurrenceProposals(settings: settings).filter { matches($0.kern, $0.wijk) }.map { p in
                ListedRecord(row: .proposal(build.proposal(p)),
                             table: [p.place, p.theme.rawValue, Text.signalsCount(p.signals.count).text, p.signals.map(\.description).joined(separator: " ")])
            }
        }
    }
}

/// Aligns columns by display width; every cell made terminal-safe; the last column is not padded.
enum TableFormatter {
    static func format(_ rows: [[String]]) -> String {
        let safe = rows.map { $0.map { TerminalSafe.sanitize($0) } }
        guard let columns = safe.map(\.count).max() else { return "" }
        var widths = [Int](repeating: 0, count: columns)
        // A row of one cell is a heading: it does not widen the columns.
        for row in safe where row.count > 1 { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], DisplayWidth.of(cell)) } }
        return safe.map { row in
            row.enumerated().map { i, cell in i == row.count - 1 ? cell : DisplayWidth.pad(cell, to: widths[i]) }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}
