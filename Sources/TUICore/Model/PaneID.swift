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

    /// The lists a pane can show; `v` switches between them.
    public var lists: [ListID] {
        switch self {
        case .agenda: [.agenda]
        case .signals: [.signals, .initiatives, .proposals, .feedbackOwed]
        case .actions: [.actions, .budgets]
        case .participation: [.participation, .priorities]
        }
    }
}

/// One list shown in a pane. Selection and scroll are kept per list.
public enum ListID: String, CaseIterable, Hashable, Sendable {
    case agenda, signals, initiatives, proposals, feedbackOwed, actions, budgets, participation, priorities

    public var pane: PaneID { PaneID.allCases.first { $0.lists.contains(self) }! }

    public var title: Text {
        switch self {
        case .agenda: .paneAgenda
        case .signals: .paneSignals
        case .initiatives: .listInitiatives
        case .proposals: .listProposals
        case .feedbackOwed: .listFeedbackOwed
        case .actions: .paneActions
        case .budgets: .listBudgets
        case .participation: .paneParticipation
        case .priorities: .listPriorities
        }
    }

    /// What `n` adds in this list, if anything.
    public var addKind: DraftKind? {
        switch self {
        case .agenda: .agendaItem
        case .signals: .signal
        case .initiatives: .initiative
        case .proposals, .feedbackOwed: nil
        case .actions: .action
        case .budgets: .budget
        case .participation: .participation
        case .priorities: .priority
        }
    }

    public var empty: Text {
        switch self {
        case .agenda: .emptyAgenda
        case .signals: .emptySignals
        case .initiatives: .emptyInitiatives
        case .proposals: .emptyProposals
        case .feedbackOwed: .emptyFeedbackOwed
        case .actions: .emptyActions
        case .budgets: .emptyBudgets
        case .participation: .emptyParticipation
        case .priorities: .emptyPriorities
        }
    }
}
