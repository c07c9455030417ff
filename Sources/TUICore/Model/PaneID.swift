import KernteamDomain

/// The four panes of the main screen, in focus order.
public enum PaneID: Int, CaseIterable, Hashable, Sendable {
    case agenda, signals, actions, participation

    public var title: Text {
        switch self {
        case .agenda: .paneAgenda
        case .signals: .paneSignals
        case .actions: .paneActions
        case .participation: .paneParticipation
        }
    }

    /// What `n` adds in this pane.
    public var addKind: DraftKind {
        switch self {
        case .agenda: .agendaItem
        case .signals: .signal
        case .actions: .action
        case .participation: .participation
        }
    }
}
