import KernteamDomain

/// The full-screen history: everything recorded for a wijk or kern, grouped by meeting, and the chain
/// of corrections of one entry.
struct HistoryScreen {
    let screen: Screen
    var palette: Palette { screen.palette }

    func render(_ buffer: inout Buffer) {
        guard let view = screen.model.history else { return }
        let model = screen.model
        let state = screen.world.domain
        let entries = screen.world.history(view.filter)
        // The message line below stays visible (e.g. "Geschreven: …" after an export).
        let area = Rect(x: 0, y: 1, width: model.cols, height: model.rows - 3)
        buffer.fill(area)
        let f = view.filter
        var description = f.place ?? Text.historyAll.text
        if let from = f.from { description += " · vanaf \(from.dutch)" }
        if let to = f.to { description += " · t/m \(to.dutch)" }
        if let theme = f.theme { description += " · \(theme.rawValue)" }
        if f.kinds.count == 1 { description += " · \(f.kinds.first!.rawValue)" }
        if let search = f.search { description += " · “\(search)”" }
        // Looking back, the title says as of when.
        if let past = model.past { description += " · " + Text.standPer(past.day.shown).text }
        buffer.box(area, style: palette.borderFocused, title: Text.historyTitle(description).text + " (\(Text.historyCount(entries.count).text))",
                   titleStyle: palette.paneTitleFocused)
        let inner = area.inner
        let rows = Reducer.historyRows(model)
        if entries.isEmpty {
            buffer.put(Text.historyEmpty.text, x: inner.x + 1, y: inner.y, maxWidth: inner.width - 2, style: palette.muted)
        }
        let lines = HistoryView.cachedLines(entries, filter: view.filter, world: screen.world)
        for (offset, line) in lines.dropFirst(view.scroll).prefix(rows).enumerated() {
            let y = inner.y + offset
            switch line {
            case .heading(let source, let meeting):
                buffer.put(HistoryView.headingText(source: source, meeting: meeting, world: screen.world), x: inner.x + 1, y: y, maxWidth: inner.width - 2, style: palette.title)
            case .entry(let i):
                let e = entries[i]
                let selected = i == view.selected
                let place = e.wijk ?? e.kern
                let id = e.id.map { screen.world.label(ofSource: e.source) + $0.description } ?? ""
                let head = "\(e.date.dutch) \(DisplayWidth.pad(e.kind.rawValue, to: 12)) \(DisplayWidth.pad(id, to: screen.world.otherLogs.isEmpty ? 5 : 16)) "
                var x = inner.x + 1
                x += buffer.put(selected ? "▶ " : "  ", x: x, y: y, style: selected ? palette.selected : .plain)
                x += buffer.put(head, x: x, y: y, style: palette.muted)
                x += buffer.put("[\(place)] ", x: x, y: y, maxWidth: max(0, inner.maxX - x), style: palette.id)
                let status = e.status.isEmpty ? "" : " (\(e.status))"
                buffer.put(e.text + status + (e.changes.isEmpty ? "" : " ✎"), x: x, y: y, maxWidth: max(0, inner.maxX - x - 1),
                           style: selected ? Style(bold: true) : .plain)
                if selected { buffer.restyle(Rect(x: inner.x, y: y, width: 2, height: 1), style: palette.selected) }
            }
        }
        buffer.put(Text.historyHint.text, x: inner.x + 1, y: inner.maxY - 1, maxWidth: inner.width - 2, style: palette.muted)
        if view.showingChain, entries.indices.contains(view.selected) {
            renderChain(entries[view.selected], &buffer)
        }
    }

    func renderChain(_ e: HistoryEntry, _ buffer: inout Buffer) {
        let steps = HistoryView.chainSteps(e, screen.world)
        let chosen = screen.model.history?.chainSelected ?? 0
        let width = min(screen.model.cols - 4, 100)
        var lines: [String] = []
        var selectedLine = 0
        for (n, s) in steps.enumerated() {
            let when: String = s.timestamp.isEmpty ? "" : String(s.timestamp.prefix(16)).replacingOccurrences(of: "T", with: " ") + " "
            let who: String = s.role.map { $0.rawValue + " " } ?? ""
            let head = (n == chosen ? "▶ " : "  ") + "#\(s.seq) " + when + who
            if n == chosen { selectedLine = lines.count }
            for (i, part) in DisplayWidth.wrap(s.text, width: max(10, width - 6 - DisplayWidth.of(head))).enumerated() {
                lines.append((i == 0 ? head : String(repeating: " ", count: DisplayWidth.of(head))) + part)
            }
        }
        let body = Rect(x: 0, y: 1, width: screen.model.cols, height: screen.model.rows - 2)
        let rect = body.centered(width: width, height: min(body.height, lines.count + 3))
        buffer.fill(rect)
        buffer.box(rect, style: palette.borderFocused, title: Text.chainTitle(e.id?.description ?? e.kind.rawValue).text,
                   titleStyle: palette.paneTitleFocused)
        let inner = rect.inner
        // Keep the chosen step in view when the chain is longer than the box.
        let room = max(0, inner.height - 1)
        let first = max(0, min(selectedLine - room + 1, lines.count - room))
        for (i, line) in lines.dropFirst(first).prefix(room).enumerated() {
            buffer.put(line, x: inner.x + 1, y: inner.y + i, maxWidth: inner.width - 2,
                       style: first + i == selectedLine ? Style(bold: true) : .plain)
        }
        buffer.put(Text.chainHint.text, x: inner.x + 1, y: inner.maxY - 1, maxWidth: inner.width - 2, style: palette.muted)
    }
}
