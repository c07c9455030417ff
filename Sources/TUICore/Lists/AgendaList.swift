import KernteamDomain

/// The agenda of the meeting the screen works in: items in order, the one under discussion, outcomes.
enum AgendaList: ListUnit {
    static let title: Text = .paneAgenda
    static let empty: Text = .emptyAgenda
    static let addKind: DraftKind? = .agendaItem
    static let recordKind: RecordID.Kind? = .agendaItem

    static func rows(_ c: PaneContent) -> PaneRows {
        guard let meeting = c.currentMeeting else { return PaneRows([]) }
        let domain = c.domain
        let current = domain.currentItem(meeting.id)?.id
        return PaneRows(domain.orderedAgenda(meeting.id)
            .filter { c.matches(kern: $0.kern, wijk: $0.wijk) }
            .map { item in
                let status: (String, SpanRole)
                if item.id == current { status = ("▶ nu", .overdue) }
                else {
                    switch domain.itemOutcome[item.id] {
                    case .besproken?: status = ("✓", .done)
                    case .afgerond?: status = ("●", .done)
                    case .uitgesteld?: status = ("→", .muted)
                    case nil: status = ("", .plain)
                    }
                }
                return PaneRow(id: item.id, spans: [
                    Span(item.id.description, .id, width: 5),
                    Span(status.0, status.1, width: 4, wideWidth: 12,
                         wideText: item.id == current ? "▶ nu" : domain.itemOutcome[item.id].map { status.0 + " " + $0.rawValue } ?? ""),
                    Span(item.minutes.map { Text.minutesShort($0).text } ?? "", .muted, width: 6),
                    Span(item.title + (item.wijk.map { " (\($0))" } ?? "")),
                ])
            })
    }

    /// K and J move the selected item, + and - change its time, d takes it off the agenda.
    static let commands: [Command] = [.moveItemUp, .moveItemDown, .timeboxUp, .timeboxDown, .removeItem]

    static func run(_ command: Command, selected: RecordID?, _ model: inout AppModel, _ world: World) -> [Effect]? {
        guard let id = selected, let item = world.domain.agenda[id]?.value else { return nil }
        switch command {
        case .moveItemUp: return [.session(.record(.moveItem, Draft([.direction: "op"]), meeting: nil, target: id))]
        case .moveItemDown: return [.session(.record(.moveItem, Draft([.direction: "neer"]), meeting: nil, target: id))]
        case .timeboxUp: return [.session(.record(.timebox, Draft([.minutes: String((item.minutes ?? 0) + 5)]), meeting: nil, target: id))]
        case .timeboxDown:
            // Five minutes less, down to five; an item of five minutes or less stays as it is.
            let now = item.minutes ?? 5
            guard now > 5 else {
                model.message = StatusMessage(Text.cannotMove.text, isError: true)
                return []
            }
            return [.session(.record(.timebox, Draft([.minutes: String(max(5, now - 5))]), meeting: nil, target: id))]
        case .removeItem:
            Reducer.openForm(&model, .removeItem, world, target: id)
            return []
        default: return nil
        }
    }

    static func details(_ id: RecordID, _ d: inout DetailLines) -> Bool {
        guard id.kind == .agendaItem, let t = d.domain.agenda[id] else { return id.kind == .agendaItem }
        d.opt(.title, t.value.title); d.opt(.wijk, t.value.wijk); d.opt(.minutes, t.value.minutes.map(String.init))
        d.opt(.meeting, t.value.meeting.description)
        d.history(t)
        return true
    }

    /// The meeting, its phase and the planned time against its length ("! te vol" when over).
    static func drawCaption(_ screen: Screen, in inner: Rect, _ buffer: inout Buffer) {
        guard let meeting = screen.content.currentMeeting else { return }
        let palette = screen.palette
        let d = screen.world.domain
        let total = d.plannedMinutes(meeting.id)
        let phase = Text.phaseLabel(d.phase(of: meeting.id).rawValue).text
        let over = meeting.length.map { total > $0 } ?? false
        let planned = meeting.length.map { over ? Text.overPlanned(total, $0).text : Text.plannedOf(total, $0).text }
            ?? Text.agendaTotal(planned: total).text
        // The planned time (and "! te vol") matters most: in a narrow pane the date, then the phase, give way.
        var head = [meeting.id.description, meeting.date.dutch, phase]
        let room = inner.maxX - (inner.x + 1)
        func width() -> Int { DisplayWidth.of(head.joined(separator: " · ") + " · " + planned) }
        if width() > room { head.remove(at: 1) }
        if width() > room { head.remove(at: 1) }
        var x = inner.x + 1
        x += buffer.put(head.joined(separator: " · ") + " · ", x: x, y: inner.y, maxWidth: inner.maxX - x, style: palette.muted)
        // Over-planning stands out: a word and the colour.
        buffer.put(planned, x: x, y: inner.y, maxWidth: max(0, inner.maxX - x), style: over ? palette.overdue : palette.muted)
    }
}
