import KernteamDomain

/// Renders the whole screen into a buffer. Pure: same model and world, same cells.
public struct Screen {
    public let model: AppModel
    public let world: World
    public let palette: Palette

    public init(model: AppModel, world: World, palette: Palette = .standard) {
        self.model = model
        self.world = world
        self.palette = palette
    }

    var layout: Layout { Layout(cols: model.cols, rows: model.rows) }
    var content: PaneContent { PaneContent(world, kern: model.kern, filter: model.filter) }

    public func render() -> Buffer {
        var buffer = Buffer(width: model.cols, height: model.rows)
        if layout.isTooSmall {
            renderTooSmall(&buffer)
            return buffer
        }
        renderHeader(&buffer)
        for pane in PaneID.allCases { PaneView(screen: self, pane: pane).render(&buffer) }
        renderMessage(&buffer)
        renderFooter(&buffer)
        if let overlay = model.overlay { OverlayView(screen: self).render(overlay, &buffer) }
        return buffer
    }

    func renderTooSmall(_ buffer: inout Buffer) {
        let lines = DisplayWidth.wrap(Text.terminalTooSmall(minCols: Layout.minCols, minRows: Layout.minRows,
                                                           cols: model.cols, rows: model.rows).nl, width: max(1, model.cols))
            + DisplayWidth.wrap(Text.terminalTooSmallHint.nl, width: max(1, model.cols))
        let top = max(0, (model.rows - lines.count) / 2)
        for (i, line) in lines.enumerated() where top + i < model.rows {
            let x = max(0, (model.cols - DisplayWidth.of(line)) / 2)
            buffer.put(line, x: x, y: top + i, style: i == 0 ? palette.error : palette.title)
        }
    }

    func renderHeader(_ buffer: inout Buffer) {
        let area = layout.header
        buffer.fill(area, style: palette.header)
        let compact = model.cols < 110
        var parts: [(String, Style)] = [(" \(Text.appTitle.nl) ", palette.headerSaved)]
        if let kern = model.kern { parts.append((compact ? kern : Text.headerKern(kern).nl, palette.header)) }
        if let m = content.currentMeeting {
            let meeting = "\(m.id) \(m.date.dutch)"
            parts.append((compact ? meeting : Text.headerMeeting(meeting).nl, palette.header))
        } else {
            parts.append((Text.headerNoMeeting.nl, palette.header))
        }
        if let f = model.filter { parts.append((Text.headerFilter(f).nl, palette.headerSaved)) }
        if let failure = model.writeFailure {
            parts.append(("✗ " + Text.notSaved.nl + ": " + failure, palette.headerAlert))
        } else if let ro = model.readOnlyReason {
            parts.append(("✗ \(Text.readOnly.nl): \(ro)", palette.headerAlert))
        } else {
            parts.append(("✓ " + Text.savedState(model.savedLabel ?? "#\(world.domain.lastSeq)").nl, palette.headerSaved))
        }
        // The full path when it fits, else the file name.
        let used = parts.reduce(0) { $0 + DisplayWidth.of($1.0) + 3 }
        let fileName = model.logPath.split(separator: "/").last.map(String.init) ?? model.logPath
        parts.append((used + DisplayWidth.of(model.logPath) <= area.width ? model.logPath : fileName, palette.header))
        var x = 0
        for (i, part) in parts.enumerated() {
            if i > 0 { x += buffer.put(" │ ", x: x, y: area.y, style: palette.header) }
            x += buffer.put(part.0, x: x, y: area.y, style: part.1)
            if x >= area.width { break }
        }
    }

    func renderMessage(_ buffer: inout Buffer) {
        guard let m = model.message else { return }
        let style = m.isError ? palette.error : palette.ok
        buffer.put(" " + (m.isError ? "✗ " : "✓ ") + m.text, x: 0, y: layout.message.y, style: style)
    }

    /// The keys that work right now, for the current screen state.
    func footerItems() -> [(String, Text)] {
        switch model.overlay {
        case .form(let form):
            var items: [(String, Text)] = [("Enter", .shortSave), ("Tab", .shortNextField)]
            if form.fields[form.focus].isChoice { items.append(("←→", .shortChoose)) }
            items.append(("Esc", .shortCancel))
            return items
        case .confirmDiscard:
            return [("j", .shortClose), ("n", .shortCancel)]
        case .filter:
            return [("↑↓", .shortSelect), ("Enter", .shortChoose), ("Esc", .shortClose)]
        case .help, .detail:
            return [("Esc", .shortClose)]
        case nil:
            let list = model.list(model.focus)
            var items: [(String, Text)] = [("Tab", .shortPane), ("↑↓", .shortSelect), ("Enter", .shortDetails)]
            if list.addKind != nil { items.append(("n", .shortNew)) }
            items.append(("b", .shortDecision))
            if list == .actions { items.append(("s", .shortStatus)) }
            if [.signals, .initiatives, .proposals].contains(list) { items.append(("t", .shortTriage)) }
            if [.signals, .initiatives, .feedbackOwed].contains(list) { items.append(("r", .shortFeedback)) }
            if list == .priorities { items += [("x", .shortClosePriority), ("l", .shortLadder)] }
            if model.focus.lists.count > 1 { items.append(("v", .shortView)) }
            items += [("m", .shortMeeting), ("f", .shortFilter), ("?", .shortHelp), ("q", .shortQuit)]
            return items
        }
    }

    /// Fits as many key hints as the width allows; the last two (help, quit) always stay.
    func renderFooter(_ buffer: inout Buffer) {
        let y = layout.footer.y
        let items = footerItems()
        func width(_ item: (String, Text)) -> Int { DisplayWidth.of(item.0) + 1 + DisplayWidth.of(item.1.nl) + 2 }
        // Keep the most useful hints when space runs out: help and quit, then adding and filtering.
        let priority: [Text] = [.shortHelp, .shortQuit, .shortNew, .shortSave, .shortCancel, .shortClose, .shortChoose,
                                .shortTriage, .shortView, .shortStatus, .shortDecision, .shortFeedback, .shortClosePriority,
                                .shortLadder, .shortFilter, .shortDetails, .shortNextField, .shortPane, .shortSelect, .shortMeeting]
        var budget = model.cols - 2
        var chosen = Set<Int>()
        for p in priority {
            for (i, item) in items.enumerated() where item.1 == p && !chosen.contains(i) && width(item) <= budget {
                chosen.insert(i)
                budget -= width(item)
            }
        }
        var x = 1
        for (i, (key, text)) in items.enumerated() where chosen.contains(i) {
            x += buffer.put(key, x: x, y: y, style: palette.footerKey)
            x += buffer.put(" " + text.nl, x: x, y: y, style: palette.footer)
            x += 2
        }
    }
}
