import KernteamDomain

/// Actions: open work first (late before on time, earliest due first), then done and dropped.
enum ActionsList: ListUnit {
    static let title: Text = .paneActions
    static let empty: Text = .emptyActions
    static let addKind: DraftKind? = .action
    static let recordKind: RecordID.Kind? = .action

    static func rows(_ c: PaneContent) -> PaneRows {
        func rank(_ f: RecordFacts) -> Int {
            let status = ActionRecord.status(fact: f.status)
            if ActionRecord.isOverdue(status: status, due: f.day, today: c.today) { return 0 }
            return status.isOpen ? 1 : (status == .gereed ? 2 : 3)
        }
        return c.orderedRows(c.domain.actions.items,
                             keep: { !$0.isWithdrawn && c.matches(kern: $0.kern, wijk: $0.wijk) },
                             key: { PaneContent.SortKey(a: rank($0), b: $0.day?.ordinal ?? Int.max, c: $0.seq) }) { t in
            let a = t.value
            let overdue = a.isOverdue(today: c.today)
            let status = statusLabel(a.status, overdue: overdue, withdrawn: false)
            return PaneRow(id: a.created.id, spans: [
                Span(a.created.id.description, .id, width: 5),
                Span(status.text, status.role, width: 11),
                Span(a.created.due?.short ?? "", overdue ? .overdue : .muted, width: 5),
                Span(a.created.owner, .muted, width: 12, hideBelow: 56, wideWidth: 18),
                Span(a.created.title, .plain),
            ])
        }
    }

    /// A symbol and a word for every status, so nothing depends on colour alone.
    static func statusLabel(_ s: ActionStatus, overdue: Bool, withdrawn: Bool) -> (text: String, role: SpanRole) {
        if withdrawn { return ("– \(Text.withdrawnMark.text)", .withdrawn) }
        if overdue { return ("! \(Text.overdueMark.text)", .overdue) }
        switch s {
        case .open: return ("○ open", .plain)
        case .bezig: return ("◐ bezig", .busy)
        case .gereed: return ("● gereed", .done)
        case .vervallen: return ("✕ vervallen", .muted)
        }
    }

    static let commands: [Command] = [.changeStatus]

    static func run(_ command: Command, selected: RecordID?, _ model: inout AppModel, _ world: World) -> [Effect]? {
        guard command == .changeStatus, let id = selected else { return nil }
        Reducer.openForm(&model, .status, world, target: id)
        return []
    }

    static func details(_ id: RecordID, _ d: inout DetailLines) -> Bool {
        guard id.kind == .action else { return false }
        guard let t = d.domain.actions[id] else { return true }
        let a = t.value.created
        d.opt(.title, a.title); d.opt(.wijk, a.wijk ?? a.kern); d.opt(.owner, a.owner); d.opt(.person, a.person)
        let status = statusLabel(t.value.status, overdue: t.value.isOverdue(today: d.world.today), withdrawn: t.isWithdrawn)
        d.add(.detailStatus, status.text + (t.value.statusReason.map { " (\($0))" } ?? ""))
        d.opt(.due, a.due?.dutch); d.opt(.result, a.result); d.opt(.cost, a.cost.map { $0.dutch + (a.charged ? " · " + Text.plan(.chargedMark).text : "") })
        d.opt(.reason, a.charged ? a.reason.map { Text.plan(.overspendMark($0)).text } : a.reason); d.opt(.inform, a.inform)
        d.opt(.meeting, a.meeting?.description)
        d.history(t)
        return true
    }
}
