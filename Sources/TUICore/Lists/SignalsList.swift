import KernteamDomain

/// Signals from the wijken, newest first, with their triage route.
enum SignalsList: ListUnit {
    static let title: Text = .paneSignals
    static let empty: Text = .emptySignals
    static let addKind: DraftKind? = .signal
    static let recordKind: RecordID.Kind? = .signal

    static func rows(_ c: PaneContent) -> PaneRows {
        let domain = c.domain
        return c.orderedRows(domain.signals.items,
                             keep: { !$0.isWithdrawn && c.matches(kern: $0.kern, wijk: $0.wijk) },
                             key: { PaneContent.SortKey(a: $0.day?.ordinal ?? 0, b: $0.seq, c: 0) }, descending: true) { t in
            let s = t.value
            return PaneRow(id: s.id, spans: [
                Span(s.id.description, .id, width: 5),
                Span(s.date.short, .muted, width: 5, hideBelow: 56),
                routeSpan(domain.signalTriage[s.id]?.route),
                Span(s.wijk ?? s.kern, .plain, width: 12, wideWidth: 22),
                Span(s.theme.rawValue, .muted, width: 8, hideBelow: 56, wideWidth: 13),
                Span(s.text, .plain),
            ])
        }
    }

    /// One symbol at narrow widths, the word on a projector, for a signal's triage route.
    static func routeSpan(_ route: SignalRoute?) -> Span {
        let symbol: String
        switch route {
        case nil: symbol = "?"
        case .opgelost: symbol = "✓"
        case .kernteam: symbol = "K"
        case .wijkaanpak: symbol = "W"
        case .buitenScope: symbol = "–"
        }
        return Span(symbol, route == nil ? .busy : .muted, width: 1, wideWidth: 13, wideText: Text.routeLabel(route).text)
    }

    static let commands: [Command] = [.triage, .feedback]

    static func run(_ command: Command, selected: RecordID?, _ model: inout AppModel, _ world: World) -> [Effect]? {
        guard let id = selected else { return nil }
        switch command {
        case .triage: Reducer.openForm(&model, .triageSignal, world, target: id)
        case .feedback: Reducer.openForm(&model, .feedback, world, target: id)
        default: return nil
        }
        return []
    }

    static func details(_ id: RecordID, _ d: inout DetailLines) -> Bool {
        guard id.kind == .signal else { return false }
        guard let t = d.domain.signals[id] else { return true }
        let s = t.value
        d.opt(.wijk, s.wijk ?? s.kern); d.opt(.buurt, s.buurt); d.opt(.theme, s.theme.rawValue); d.opt(.source, s.source.rawValue)
        d.opt(.date, s.date.dutch); d.opt(.text, s.text)
        d.person(s.person, label: .reporter)
        if let triage = d.domain.signalTriage[id] {
            d.add(.detailRoute, Text.routeLabel(triage.route).text + " (\(triage.date.dutch))" + (triage.reason.map { ": \($0)" } ?? ""))
        } else {
            d.add(.detailRoute, Text.routeLabel(nil).text)
        }
        d.feedback(id)
        d.opt(.meeting, s.meeting?.description)
        d.history(t)
        return true
    }
}
