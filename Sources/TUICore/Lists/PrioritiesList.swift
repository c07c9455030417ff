import KernteamDomain

/// Priorities per wijk: active ones first.
enum PrioritiesList: ListUnit {
    static let title: Text = .listPriorities
    static let empty: Text = .emptyPriorities
    static let addKind: DraftKind? = .priority
    static let recordKind: RecordID.Kind? = .priority

    static func rows(_ c: PaneContent) -> PaneRows {
        let domain = c.domain
        return c.orderedRows(domain.priorities.items, id: \.value.id,
                             keep: { !$0.isWithdrawn && c.matches(kern: $0.value.kern, wijk: $0.value.wijk) },
                             key: { PaneContent.SortKey(a: domain.closedPriorities[$0.value.id] == nil ? 0 : 1, b: 0, c: $0.seq) }) { t in
            let p = t.value
            let closed = domain.closedPriorities[p.id] != nil
            return PaneRow(id: p.id, spans: [
                Span(p.id.description, .id, width: 5),
                Span(p.wijk ?? p.kern, closed ? .muted : .plain, width: 12, wideWidth: 22),
                Span(p.theme.rawValue, .muted, width: 8, hideBelow: 56, wideWidth: 13),
                Span((closed ? "(\(Text.priorityClosedMark.text)) " : "") + p.text, closed ? .withdrawn : .plain),
            ])
        }
    }

    /// x closes the selected priority; l sets the participation level for it.
    static let commands: [Command] = [.closePriority, .ladder]

    static func run(_ command: Command, selected: RecordID?, _ model: inout AppModel, _ world: World) -> [Effect]? {
        guard let id = selected else { return nil }
        switch command {
        case .closePriority:
            Reducer.openForm(&model, .closePriority, world, target: id)
        case .ladder:
            guard let p = world.domain.priorities[id]?.value else { return nil }
            Reducer.openForm(&model, .participation, world, target: id, prefill: [.wijk: p.wijk ?? p.kern, .topic: p.text])
        default:
            return nil
        }
        return []
    }

    static func details(_ id: RecordID, _ d: inout DetailLines) -> Bool {
        guard id.kind == .priority else { return false }
        guard let t = d.domain.priorities[id] else { return true }
        d.opt(.wijk, t.value.wijk ?? t.value.kern); d.opt(.theme, t.value.theme.rawValue); d.opt(.text, t.value.text)
        d.opt(.period, t.value.period); d.opt(.involvement, t.value.involvement)
        d.opt(.reason, t.value.deviation == true ? t.value.reason.map { Text.plan(.priorityDeviation($0)).text } : nil)
        if let c = d.domain.closedPriorities[id] { d.add(.detailStatus, Text.priorityClosedMark.text + (c.reason.map { ": \($0)" } ?? "")) }
        d.history(t)
        return true
    }
}
