import KernteamDomain

/// Residents' initiatives: waiting ones first, with their age and whether the term is over.
enum InitiativesList: ListUnit {
    static let title: Text = .listInitiatives
    static let empty: Text = .emptyInitiatives
    static let addKind: DraftKind? = .initiative
    static let recordKind: RecordID.Kind? = .initiative

    static func rows(_ c: PaneContent) -> PaneRows {
        c.orderedRows(c.domain.initiatives.items,
                      keep: { !$0.isWithdrawn && c.matches(kern: $0.kern, wijk: $0.wijk) },
                      key: { PaneContent.SortKey(a: Int($0.status), b: $0.day?.ordinal ?? 0, c: $0.seq) }) { t in
            let i = t.value
            let overdue = i.isOverdue(today: c.today, termWeeks: c.settings.initiativeTermWeeks)
            let status: (String, SpanRole) = overdue ? ("! \(Text.overdueMark.text)", .overdue)
                : (i.outcome.map { ("● " + $0.rawValue, SpanRole.done) } ?? ("○ " + Text.outcomeLabel(nil).text, .busy))
            return PaneRow(id: i.recorded.id, spans: [
                Span(i.recorded.id.description, .id, width: 5),
                Span(Text.ageDays(i.age(today: c.today)).text, .muted, width: 6, hideBelow: 56),
                Span(status.0, status.1, width: 11, wideWidth: 18),
                Span(i.recorded.wijk ?? i.recorded.kern, .muted, width: 12, hideBelow: 56, wideWidth: 22),
                Span(i.recorded.text, .plain),
            ])
        }
    }

    static let commands: [Command] = [.triage, .feedback]

    static func run(_ command: Command, selected: RecordID?, _ model: inout AppModel, _ world: World) -> [Effect]? {
        guard let id = selected else { return nil }
        switch command {
        case .triage: Reducer.openForm(&model, .triageInitiative, world, target: id)
        case .feedback: Reducer.openForm(&model, .feedback, world, target: id)
        default: return nil
        }
        return []
    }

    static func details(_ id: RecordID, _ d: inout DetailLines) -> Bool {
        guard id.kind == .initiative else { return false }
        guard let t = d.domain.initiatives[id] else { return true }
        let i = t.value
        let world = d.world
        d.opt(.wijk, i.recorded.wijk ?? i.recorded.kern); d.opt(.date, i.recorded.date.dutch); d.opt(.text, i.recorded.text)
        d.person(i.recorded.person, label: .initiator)
        d.add(.detailOutcome, Text.outcomeLabel(i.outcome).text + (i.reason.map { ": \($0)" } ?? ""))
        if let days = i.turnaround {
            d.add(.detailTurnaround, Text.ageDays(days).text)
        } else {
            d.add(.detailTurnaround, Text.ageDays(i.age(today: world.today)).text
                  + (i.isOverdue(today: world.today, termWeeks: world.settings.initiativeTermWeeks) ? " · " + Text.overdueMark.text : ""))
        }
        d.feedback(id)
        d.history(t)
        return true
    }
}
