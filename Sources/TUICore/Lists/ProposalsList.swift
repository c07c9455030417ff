import KernteamDomain

/// Recurrence proposals: a theme that keeps coming back in a wijk, for the chair to accept or dismiss.
/// A row stands for a proposal and is keyed by its first signal.
enum ProposalsList: ListUnit {
    static let title: Text = .listProposals
    static let empty: Text = .emptyProposals

    static func rows(_ c: PaneContent) -> PaneRows {
        PaneRows(c.domain.recurrenceProposals(settings: c.settings)
            .filter { c.matches(kern: $0.kern, wijk: $0.wijk) }
            .map { p in
                PaneRow(id: p.signals[0], spans: [
                    Span(p.place, .plain, width: 12, wideWidth: 22),
                    Span(p.theme.rawValue, .overdue, width: 9, wideWidth: 13),
                    Span(Text.signalsCount(p.signals.count).text + ": " + p.signals.map(\.description).joined(separator: " ")),
                ])
            })
    }

    /// The proposal a row stands for (rows are keyed by their first signal); else the first one listed.
    static func proposal(for id: RecordID?, _ model: AppModel, _ world: World) -> RecurrenceProposal? {
        let all = world.domain.recurrenceProposals(settings: world.settings)
        return all.first { $0.signals.first == id }
            ?? Reducer.content(model, world).rows(.proposals).first.flatMap { row in all.first { $0.signals.first == row.id } }
    }

    static let commands: [Command] = [.triage]

    static func run(_ command: Command, selected: RecordID?, _ model: inout AppModel, _ world: World) -> [Effect]? {
        guard command == .triage else { return nil }
        // An empty list: nothing to decide, and nothing to say about it.
        guard let p = proposal(for: selected, model, world) else { return [] }
        Reducer.openForm(&model, .proposal, world, extra: [.wijk: p.place, .theme: p.theme.rawValue],
                         note: "\(p.place) · \(p.theme.rawValue) · " + p.signals.map(\.description).joined(separator: " "))
        return []
    }

    /// Enter shows the first signal of the proposal.
    static func detailRecord(_ selected: RecordID?, _ model: AppModel, _ world: World) -> RecordID? {
        proposal(for: selected, model, world)?.signals[0]
    }
}
