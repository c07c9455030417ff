import KernteamDomain

/// Signals and initiatives whose residents are still owed feedback, with how long they have waited.
enum FeedbackOwedList: ListUnit {
    static let title: Text = .listFeedbackOwed
    static let empty: Text = .emptyFeedbackOwed

    static func rows(_ c: PaneContent) -> PaneRows {
        PaneRows(c.domain.feedbackOwed()
            .filter { c.matches(kern: $0.kern, wijk: $0.wijk) }
            .map { f in
                PaneRow(id: f.id, spans: [
                    Span(f.id.description, .id, width: 5),
                    Span(Text.ageDays(c.today.ordinal - f.since.ordinal).text, c.today.ordinal - f.since.ordinal > 28 ? .overdue : .muted, width: 6),
                    Span(f.wijk ?? f.kern, .muted, width: 12, hideBelow: 56, wideWidth: 22),
                    Span(f.text),
                ])
            })
    }

    static let commands: [Command] = [.feedback]

    static func run(_ command: Command, selected: RecordID?, _ model: inout AppModel, _ world: World) -> [Effect]? {
        guard command == .feedback, let id = selected else { return nil }
        Reducer.openForm(&model, .feedback, world, target: id)
        return []
    }
}
