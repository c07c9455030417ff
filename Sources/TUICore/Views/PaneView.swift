import KernteamDomain

/// One bordered pane: its title, its list with the selection, and pane-specific extras.
struct PaneView {
    let screen: Screen
    let pane: PaneID

    var palette: Palette { screen.palette }
    var focused: Bool { screen.model.focus == pane && screen.model.overlay == nil }

    func render(_ buffer: inout Buffer) {
        let rect = screen.layout.pane(pane)
        let list = screen.model.list(pane)
        let rows = screen.content.rows(list)
        let listName = list == pane.lists[0] ? "" : " › \(list.title.text)"
        let more = pane.lists.count > 1 && focused ? " v" : ""
        let title = "\(pane.rawValue + 1) \(pane.title.text)\(listName) (\(rows.count))\(more)"
        buffer.box(rect, style: focused ? palette.borderFocused : palette.border, title: title,
                   titleStyle: focused ? palette.paneTitleFocused : palette.paneTitle)
        let area = screen.layout.listArea(pane)
        if pane.spec.captionLines > 0 {
            let inner = rect.inner
            pane.lists[0].unit.drawCaption(screen, in: Rect(x: inner.x, y: inner.y, width: inner.width, height: pane.spec.captionLines), &buffer)
        }
        if rows.isEmpty {
            let empty: Text = list == .agenda && screen.content.currentMeeting == nil ? .headerNoMeeting : list.empty
            buffer.put(empty.text, x: area.x + 1, y: area.y, maxWidth: area.width - 1, style: palette.muted)
        }
        let top = min(screen.model.scroll[list] ?? 0, max(0, rows.count - 1))
        let selected = Reducer.selectedIndex(screen.model, list, rows)
        let stride = screen.layout.rowStride
        let capacity = screen.layout.capacity(pane)
        for (offset, row) in rows.dropFirst(top).prefix(capacity).enumerated() {
            let y = area.y + offset * stride
            let isSelected = selected == top + offset
            renderRow(&buffer, row, y: y, x: area.x, width: area.width, selected: isSelected)
        }
        if rows.count > capacity, capacity > 0 {
            let more = "\(top + 1)–\(min(rows.count, top + capacity))/\(rows.count)"
            buffer.put(more, x: rect.maxX - 2 - DisplayWidth.of(more), y: rect.maxY - 1, style: palette.muted)
        }
        let drawing = screen.layout.drawingHeight(for: pane)
        if drawing > 0 {
            list.unit.drawBelow(screen, selected: selected.map { rows[$0].id }, in: Rect(x: area.x, y: area.maxY, width: area.width, height: drawing), &buffer)
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
            let text = span.text(forListWidth: width)
            if let w = span.columns(forListWidth: width) {
                buffer.put(DisplayWidth.pad(text, to: min(w, remaining)), x: col, y: y, style: style(span.role), clip: clip)
                col += min(w, remaining) + 1
            } else {
                buffer.put(DisplayWidth.truncate(text, to: remaining - 1), x: col, y: y, style: style(span.role), clip: clip)
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
}
