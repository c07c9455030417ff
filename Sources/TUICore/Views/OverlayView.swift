import KernteamDomain

/// Boxes drawn over the panes: help, details, the wijk filter, forms and confirmations.
struct OverlayView {
    let screen: Screen
    var palette: Palette { screen.palette }
    var model: AppModel { screen.model }

    func render(_ overlay: Overlay, _ buffer: inout Buffer) {
        switch overlay {
        case .help(let offset): renderHelp(offset, &buffer)
        case .detail(let id): renderDetail(id, &buffer)
        case .filter(let options, let index): renderFilter(options, index, &buffer)
        case .form(let form):
            // A form opened from the history (a correction, a withdrawal, a date to look back to) stays over it.
            if let under = model.formReturn { render(under, &buffer) }
            // The history's own forms (its filter, a document) stay over the history they act on.
            else if form.purpose == .export || form.purpose == .historyFilter { render(.history, &buffer) }
            FormView(screen: screen, form: form).render(&buffer)
        case .quickEntry(let quick): QuickLineView(screen: screen, quick: quick).render(&buffer)
        case .attendance(let sheet): AttendanceView(screen: screen, sheet: sheet).render(&buffer)
        case .minutes(let meeting, let offset): renderMinutes(meeting, offset, &buffer)
        // Looking back, the history and the dashboard show the log as it stood on that day.
        case .history: HistoryScreen(screen: shown).render(&buffer)
        case .dashboard(let place, let offset): DashboardView(screen: shown, place: place, offset: offset).render(&buffer)
        case .confirm(let confirmation):
            if let under = confirmation.onNo { render(under, &buffer) }
            renderConfirm(confirmation.question + "  " + Text.confirmYesNo.text, &buffer)
        case .confirmDiscard(let form, let quit):
            FormView(screen: screen, form: form).render(&buffer)
            renderConfirm(quit ? Text.confirmQuit.text : Text.confirmDiscardForm.text, &buffer)
        }
    }

    /// The screen over the world the history and dashboard show (the past when looking back).
    var shown: Screen { Screen(model: model, world: model.shownWorld, palette: palette) }

    /// Clears a box area and draws its border; returns the inner area.
    func panel(_ width: Int, _ height: Int, title: String, _ buffer: inout Buffer) -> Rect {
        let body = Rect(x: 0, y: 1, width: model.cols, height: model.rows - 2)
        let rect = body.centered(width: width, height: height)
        buffer.fill(rect)
        buffer.box(rect, style: palette.borderFocused, title: title, titleStyle: palette.paneTitleFocused)
        return rect.inner
    }

    /// The keys of the screen the help was opened from, wrapped to the box (never cut), filtered by
    /// what was searched for with `/`.
    func renderHelp(_ requestedOffset: Int, _ buffer: inout Buffer) {
        if let under = model.helpReturn { render(under, &buffer) }
        let query = ReferenceData.matchKey(model.helpSearch)
        func matches(_ key: HelpKey) -> Bool {
            query.isEmpty || ReferenceData.matchKey(key.label).contains(query) || ReferenceData.matchKey(key.help.text).contains(query)
        }
        let sections = KeyMap.help(for: model.helpScreen).map { HelpSection(title: $0.title, keys: $0.keys.filter(matches)) }
            .filter { !$0.keys.isEmpty }
        let width = min(model.cols - 4, 100)
        let keyWidth = min(24, max(6, sections.flatMap(\.keys).map { DisplayWidth.of($0.label) }.max() ?? 10))
        let textWidth = max(10, width - 2 - keyWidth - 3)
        // (key column, text, is a heading)
        var lines: [(String, String, Bool)] = []
        for (i, section) in sections.enumerated() {
            if i > 0 { lines.append(("", "", false)) }
            lines.append((section.title.text, "", true))
            for key in section.keys {
                let keyParts = DisplayWidth.wrap(key.label, width: keyWidth)
                let textParts = DisplayWidth.wrap(key.help.text, width: textWidth)
                for j in 0..<max(keyParts.count, textParts.count) {
                    lines.append((j < keyParts.count ? keyParts[j] : "", j < textParts.count ? textParts[j] : "", false))
                }
            }
        }
        if sections.isEmpty { lines.append((Text.helpNoMatch(model.helpSearch).text, "", true)) }
        let footer = model.helpTyping ? Text.helpSearching(model.helpSearch).text : Text.helpCloseSearch.text
        let footerLines = DisplayWidth.wrap(footer, width: width - 3)
        let title = Text.helpTitleFor(model.helpScreen.title.text).text
        let inner = panel(width, min(model.rows - 2, lines.count + footerLines.count + 2), title: title, &buffer)
        let visible = max(0, inner.height - footerLines.count)
        let offset = max(0, min(requestedOffset, lines.count - visible))
        for (i, line) in lines.dropFirst(offset).prefix(visible).enumerated() {
            let y = inner.y + i
            if line.2 {
                buffer.put(line.0, x: inner.x + 1, y: y, maxWidth: inner.width - 2, style: palette.title)
            } else {
                buffer.put(line.0, x: inner.x + 1, y: y, maxWidth: keyWidth, style: palette.footerKey)
                buffer.put(line.1, x: inner.x + 2 + keyWidth, y: y, maxWidth: inner.width - keyWidth - 3)
            }
        }
        if offset + visible < lines.count { buffer.put("↓", x: inner.maxX - 1, y: inner.y + visible - 1, style: palette.title) }
        if offset > 0 { buffer.put("↑", x: inner.maxX - 1, y: inner.y, style: palette.title) }
        for (i, line) in footerLines.enumerated() {
            buffer.put(line, x: inner.x + 1, y: inner.y + visible + i, maxWidth: inner.width - 2, style: model.helpTyping ? palette.title : palette.muted)
        }
    }

    func renderMinutes(_ meeting: RecordID, _ requestedOffset: Int, _ buffer: inout Buffer) {
        let lines = MinutesDraft(meeting: meeting, state: screen.world.domain).lines
        let width = min(model.cols - 4, 110)
        let wrapped = lines.flatMap { line in
            DisplayWidth.wrap(line.text, width: width - 4).enumerated().map { (i, part) in (i == 0 ? part : "    " + part, line.isTitle) }
        }
        let inner = panel(width, min(model.rows - 2, wrapped.count + 3), title: Text.minutesTitle.text, &buffer)
        let visible = max(0, inner.height - 1)
        let offset = max(0, min(requestedOffset, wrapped.count - visible))
        for (i, line) in wrapped.dropFirst(offset).prefix(visible).enumerated() {
            buffer.put(line.0, x: inner.x + 1, y: inner.y + i, maxWidth: inner.width - 2, style: line.1 ? palette.title : .plain)
        }
        if offset + visible < wrapped.count { buffer.put("↓", x: inner.maxX - 1, y: inner.maxY - 2, style: palette.title) }
        buffer.put(Text.minutesCloseHint.text, x: inner.x + 1, y: inner.maxY - 1, maxWidth: inner.width - 1, style: palette.muted)
    }

    func renderDetail(_ id: RecordID, _ buffer: inout Buffer) {
        // On the projector, residents' personal data stays hidden unless the chair reveals this item.
        let hide = model.projector && model.revealed != id
        let fields = DetailFields.of(id, world: screen.world, hidePersonal: hide)
        let width = min(model.cols - 4, 90)
        let labelWidth = min(14, fields.map { DisplayWidth.of($0.0) }.max() ?? 8)
        let valueWidth = max(10, width - labelWidth - 5)
        var lines: [(String, String)] = []
        for (label, value) in fields {
            for (i, part) in DisplayWidth.wrap(value, width: valueWidth).enumerated() {
                lines.append((i == 0 ? label : "", part))
            }
        }
        let inner = panel(width, min(model.rows - 2, lines.count + 3), title: Text.detailTitle(id.description).text, &buffer)
        for (i, line) in lines.prefix(max(0, inner.height - 1)).enumerated() {
            buffer.put(DisplayWidth.pad(line.0, to: labelWidth), x: inner.x + 1, y: inner.y + i, style: palette.title)
            buffer.put(line.1, x: inner.x + 2 + labelWidth, y: inner.y + i, maxWidth: inner.width - labelWidth - 2)
        }
        buffer.put(Text.detailClose.text + (model.projector ? " · " + Text.revealHint.text : ""), x: inner.x + 1, y: inner.maxY - 1,
                   maxWidth: inner.width - 1, style: palette.muted)
    }

    func renderFilter(_ options: [String], _ index: Int, _ buffer: inout Buffer) {
        let width = min(model.cols - 4, max(30, (options.map { DisplayWidth.of($0) }.max() ?? 20) + 6))
        let height = min(model.rows - 2, options.count + 2)
        let inner = panel(width, height, title: Text.filterTitle.text, &buffer)
        let top = max(0, min(index - inner.height / 2, options.count - inner.height))
        for (i, option) in options.dropFirst(top).prefix(inner.height).enumerated() {
            let isSelected = top + i == index
            let isKern = screen.world.domain.reference.kern(named: option) != nil
            let label = (isKern ? "" : (i + top == 0 ? "" : "  ")) + option
            buffer.put(DisplayWidth.pad((isSelected ? "▶ " : "  ") + label, to: inner.width), x: inner.x, y: inner.y + i,
                       style: isSelected ? palette.selected : (isKern ? palette.title : .plain))
        }
    }

    func renderConfirm(_ text: String, _ buffer: inout Buffer) {
        let width = min(model.cols - 4, DisplayWidth.of(text) + 4)
        let lines = DisplayWidth.wrap(text, width: width - 4)
        let inner = panel(width, lines.count + 2, title: "?", &buffer)
        for (i, line) in lines.enumerated() where i < inner.height {
            buffer.put(line, x: inner.x + 1, y: inner.y + i, style: palette.error)
        }
    }
}

/// Label/value pairs shown in an item's detail box: each list gives the lines of its own records;
/// decisions and meetings, which no list of the main screen shows, are here.
enum DetailFields {
    static func of(_ id: RecordID, world: World, hidePersonal: Bool = false) -> [(String, String)] {
        var d = DetailLines(id, world: world, hidePersonal: hidePersonal)
        for list in ListID.allCases where list.unit.details(id, &d) { return d.lines }
        switch id.kind {
        case .decision:
            guard let t = world.domain.decisions[id] else { break }
            d.opt(.wijk, t.value.wijk ?? t.value.kern); d.opt(.text, t.value.text); d.opt(.meeting, t.value.meeting?.description)
            d.opt(.body, t.value.body.map { Text.plan(.bodyLabel($0)).text }); d.opt(.date, t.value.date?.dutch)
            d.history(t)
        case .meeting:
            guard let t = world.domain.meetings[id] else { break }
            d.opt(.kern, t.value.kern); d.opt(.date, t.value.date.dutch)
            d.history(t)
        case .note:
            guard let t = world.domain.notes[id] else { break }
            d.opt(.item, t.value.item.description); d.opt(.text, t.value.text)
            d.history(t)
        default:
            break
        }
        return d.lines
    }

    /// A short description of a record, for the line above a form.
    static func summary(_ id: RecordID, world: World) -> String {
        let d = world.domain
        switch id.kind {
        case .signal: return d.signals[id]?.value.text ?? ""
        case .action: return d.actions[id]?.value.created.title ?? ""
        case .initiative: return d.initiatives[id]?.value.recorded.text ?? ""
        case .priority: return d.priorities[id].map { "\($0.value.wijk ?? $0.value.kern): \($0.value.text)" } ?? ""
        case .decision: return d.decisions[id]?.value.text ?? ""
        case .note: return d.notes[id]?.value.text ?? ""
        case .agendaItem: return d.agenda[id]?.value.title ?? ""
        default: return ""
        }
    }
}
