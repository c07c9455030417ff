import KernteamDomain

/// One bordered pane: its title, its list with the selection, and pane-specific extras.
struct PaneView {
    let screen: Screen
    let pane: PaneID

    var palette: Palette { screen.palette }
    var focused: Bool { screen.model.focus == pane && screen.model.overlay == nil }

    func render(_ buffer: inout Buffer) {
        let rect = screen.layout.pane(pane)
        let rows = screen.content.rows(pane)
        let title = "\(pane.rawValue + 1) \(pane.title.nl) (\(rows.count))"
        buffer.box(rect, style: focused ? palette.borderFocused : palette.border, title: title,
                   titleStyle: focused ? palette.paneTitleFocused : palette.paneTitle)
        if pane == .agenda { renderAgendaCaption(&buffer, rows: rows) }
        let list = screen.layout.listArea(pane)
        if rows.isEmpty {
            buffer.put(emptyText.nl, x: list.x + 1, y: list.y, maxWidth: list.width - 1, style: palette.muted)
        }
        let top = min(screen.model.scroll[pane] ?? 0, max(0, rows.count - 1))
        let selected = Reducer.selectedIndex(screen.model, pane, rows)
        for (offset, row) in rows.dropFirst(top).prefix(list.height).enumerated() {
            let y = list.y + offset
            let isSelected = selected == top + offset
            renderRow(&buffer, row, y: y, x: list.x, width: list.width, selected: isSelected)
        }
        if rows.count > list.height, list.height > 0 {
            let more = "\(top + 1)–\(min(rows.count, top + list.height))/\(rows.count)"
            buffer.put(more, x: rect.maxX - 2 - DisplayWidth.of(more), y: rect.maxY - 1, style: palette.muted)
        }
        if pane == .participation, screen.layout.ladderHeight(for: pane) > 0 {
            let id = selected.map { rows[$0].id }
            renderLadder(&buffer, id: id, area: Rect(x: list.x, y: list.maxY, width: list.width,
                                                     height: screen.layout.ladderHeight(for: pane)))
        }
    }

    var emptyText: Text {
        switch pane {
        case .agenda: screen.content.currentMeeting == nil ? .headerNoMeeting : .emptyAgenda
        case .signals: .emptySignals
        case .actions: .emptyActions
        case .participation: .emptyParticipation
        }
    }

    func style(_ role: SpanRole) -> Style {
        switch role {
        case .id: palette.id
        case .plain: .plain
        case .muted: palette.muted
        case .overdue: palette.overdue
        case .done: palette.done
        case .busy: palette.busy
        case .withdrawn: palette.muted
        }
    }

    func renderRow(_ buffer: inout Buffer, _ row: PaneRow, y: Int, x: Int, width: Int, selected: Bool) {
        let clip = Rect(x: x, y: y, width: width, height: 1)
        var col = x + 1
        for span in row.spans where width >= span.hideBelow {
            let remaining = x + width - col
            guard remaining > 0 else { break }
            if let w = span.columns(forListWidth: width) {
                buffer.put(DisplayWidth.pad(span.text, to: min(w, remaining)), x: col, y: y, style: style(span.role), clip: clip)
                col += min(w, remaining) + 1
            } else {
                buffer.put(DisplayWidth.truncate(span.text, to: remaining - 1), x: col, y: y, style: style(span.role), clip: clip)
                col = x + width
            }
        }
        if selected {
            let rowRect = Rect(x: x, y: y, width: width, height: 1)
            for cx in rowRect.x..<rowRect.maxX {
                var cell = buffer[cx, y]
                if focused { cell.style.reverse = true } else { cell.style.underline = true; cell.style.bold = true }
                buffer[cx, y] = cell
            }
            buffer.put(focused ? "▶" : "›", x: x, y: y, style: focused ? Style(bold: true, reverse: true) : Style(bold: true))
        }
    }

    func renderAgendaCaption(_ buffer: inout Buffer, rows: [PaneRow]) {
        let inner = screen.layout.pane(pane).inner
        guard let meeting = screen.content.currentMeeting else { return }
        let total = screen.world.domain.agenda.items
            .filter { $0.value.meeting == meeting.id && !$0.isWithdrawn }
            .reduce(0) { $0 + ($1.value.minutes ?? 0) }
        let caption = "\(meeting.id) · \(meeting.date.dutch) · \(Text.agendaTotal(planned: total).nl)"
        buffer.put(caption, x: inner.x + 1, y: inner.y, maxWidth: inner.width - 1, style: palette.muted)
    }

    /// The six steps of the participation ladder for the selected topic, highest on top.
    func renderLadder(_ buffer: inout Buffer, id: RecordID?, area: Rect) {
        guard let id, let p = screen.world.domain.participation[id]?.value else { return }
        for x in area.x..<area.maxX { buffer.put("╌", x: x, y: area.y, style: palette.border) }
        buffer.put(Text.ladderTitle(p.topic).nl, x: area.x + 1, y: area.y + 1, maxWidth: area.width - 2, style: palette.paneTitle)
        for (i, level) in ParticipationLevel.allCases.reversed().enumerated() {
            let y = area.y + 2 + i
            guard y < area.maxY else { break }
            let chosen = level == p.level
            let step = String(repeating: "▁", count: level.rank) + "▇"
            let label = "\(level.rank) \(level.rawValue)"
            let x0 = area.x + 1
            buffer.put(DisplayWidth.pad(step, to: 7), x: x0, y: y, style: chosen ? palette.ladderChosen : palette.ladderStep)
            buffer.put(DisplayWidth.pad(label, to: 15), x: x0 + 8, y: y, style: chosen ? palette.ladderChosen : .plain)
            if chosen { buffer.put(Text.ladderChosen.nl, x: x0 + 24, y: y, maxWidth: area.maxX - x0 - 24, style: palette.title) }
        }
    }
}
