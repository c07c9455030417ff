import KernteamDomain

/// Renders the whole screen into a buffer. Pure: same model and world, same cells.
public struct Screen {
    public let model: AppModel
    public let world: World
    public let palette: Palette

    /// The palette follows the model: monochrome (NO_COLOR) wins, then the projector's high contrast.
    public init(model: AppModel, world: World, palette: Palette? = nil) {
        self.model = model
        self.world = world
        self.palette = palette ?? (model.monochrome ? .monochrome : (model.projector ? .projector : .standard))
    }

    /// The screen of a model, on the world it holds.
    public init(model: AppModel, palette: Palette? = nil) {
        self.init(model: model, world: model.world, palette: palette)
    }

    var layout: Layout { Layout(model) }
    var content: PaneContent { PaneContent(world, kern: model.kern, filter: model.filter) }

    public func render() -> Buffer {
        var buffer = Buffer(width: model.cols, height: model.rows)
        if layout.isTooSmall {
            renderTooSmall(&buffer)
            return buffer
        }
        if let opening = model.opening {
            renderOpening(opening, &buffer)
            return buffer
        }
        if model.projector {
            // The beamer shows the meeting, not the bookkeeping: its own header and screen.
            renderProjectorHeader(&buffer)
            ProjectorView(screen: self).render(&buffer)
        } else {
            renderHeader(&buffer)
            for pane in PaneID.allCases { PaneView(screen: self, pane: pane).render(&buffer) }
        }
        renderMessage(&buffer)
        renderFooter(&buffer)
        if let overlay = model.overlay { OverlayView(screen: self).render(overlay, &buffer) }
        return buffer
    }

    func renderTooSmall(_ buffer: inout Buffer) {
        let lines = DisplayWidth.wrap(Text.terminalTooSmall(minCols: Layout.minCols, minRows: Layout.minRows,
                                                           cols: model.cols, rows: model.rows).text, width: max(1, model.cols))
            + DisplayWidth.wrap(Text.terminalTooSmallHint.text, width: max(1, model.cols))
        let top = max(0, (model.rows - lines.count) / 2)
        for (i, line) in lines.enumerated() where top + i < model.rows {
            let x = max(0, (model.cols - DisplayWidth.of(line)) / 2)
            buffer.put(line, x: x, y: top + i, style: i == 0 ? palette.error : palette.title)
        }
    }

    /// While the log is read: its name and how far reading it is.
    func renderOpening(_ opening: (done: Int, total: Int), _ buffer: inout Buffer) {
        buffer.fill(layout.header, style: palette.header)
        buffer.put(" \(Text.appTitle.text) ", x: 0, y: 0, style: palette.headerSaved)
        let percent = opening.total > 0 ? min(100, opening.done * 100 / opening.total) : nil
        let lines = [Text.openingLog(percent: percent).text, model.logPath]
        for (i, line) in lines.enumerated() {
            let x = max(0, (model.cols - DisplayWidth.of(line)) / 2)
            buffer.put(line, x: x, y: model.rows / 2 - 1 + i, maxWidth: model.cols, style: i == 0 ? palette.title : palette.muted)
        }
    }

    func renderHeader(_ buffer: inout Buffer) {
        let area = layout.header
        buffer.fill(area, style: palette.header)
        let compact = model.cols < 110
        var parts: [(String, Style)] = [(" \(Text.appTitle.text) ", palette.headerSaved)]
        // The kern's plan and where its cycle is (beleidsplan 1.2), when one is recorded; placed after the
        // kern once the rest is known, and left out when it would push the log's name off a narrow screen.
        var planPart: (String, Style)?
        if let kern = model.kern {
            parts.append((compact ? kern : Text.headerKern(kern).text, palette.header))
            if let plan = world.domain.currentPlan(kern: kern, on: world.today) {
                let phase = compact ? plan.phase.rawValue : Text.plan(.phaseLabel(plan.phase)).text
                planPart = (Text.plan(.headerPlan(id: plan.created.id.description, phase: phase)).text,
                            plan.reviewOverdue(today: world.today) ? palette.headerAlert : palette.header)
            }
        }
        if let m = content.currentMeeting {
            var meeting = "\(m.id) \(m.date.dutch)"
            let d = world.domain
            if d.phase(of: m.id) != .open && !compact { meeting += " (" + Text.phaseLabel(d.phase(of: m.id).rawValue).text + ")" }
            if let opened = d.meetingOpenedAt[m.id], d.phase(of: m.id) == .open {
                meeting += " ⏱ " + Self.hoursMinutes(KernteamState.seconds(since: opened, now: world.now))
                    + (m.length.map { " / " + Self.hoursMinutes($0 * 60) } ?? "")
            }
            parts.append((compact ? meeting : Text.headerMeeting(meeting).text, palette.header))
        } else {
            parts.append((Text.headerNoMeeting.text, palette.header))
        }
        if let f = model.filter { parts.append((Text.headerFilter(f).text, palette.headerSaved)) }
        if let request = nextRequest { parts.append((request, palette.headerAlert)) }
        if let failure = model.writeFailure {
            parts.append(("✗ " + Text.notSaved.text + ": " + failure, palette.headerAlert))
        } else if let ro = model.readOnlyReason {
            parts.append(("✗ \(Text.readOnly.text): \(ro)", palette.headerAlert))
        } else {
            parts.append(("✓ " + Text.savedState(model.savedLabel ?? "#\(world.domain.lastSeq)").text, palette.headerSaved))
        }
        // The full path when it fits, else the file name.
        var used = parts.reduce(0) { $0 + DisplayWidth.of($1.0) + 3 }
        let fileName = model.logPath.split(separator: "/").last.map(String.init) ?? model.logPath
        if let planPart, used + DisplayWidth.of(planPart.0) + 3 + DisplayWidth.of(fileName) <= area.width {
            parts.insert(planPart, at: model.kern == nil ? 1 : 2)
            used += DisplayWidth.of(planPart.0) + 3
        }
        parts.append((used + DisplayWidth.of(model.logPath) <= area.width ? model.logPath : fileName, palette.header))
        var x = 0
        for (i, part) in parts.enumerated() {
            if i > 0 { x += buffer.put(" │ ", x: x, y: area.y, style: palette.header) }
            x += buffer.put(part.0, x: x, y: area.y, style: part.1)
            if x >= area.width { break }
        }
    }

    /// The projector's header: the kern, the meeting's date, its clock against its length. No file
    /// path, no save state: that is the secretary's business, not the room's.
    func renderProjectorHeader(_ buffer: inout Buffer) {
        let area = layout.header
        buffer.fill(area, style: palette.header)
        var parts: [String] = [Text.appTitle.text]
        if let kern = model.kern { parts.append(Text.headerKern(kern).text) }
        if let m = content.currentMeeting {
            parts.append(Text.headerMeetingOf(m.date.shown).text)
            let d = world.domain
            if let opened = d.meetingOpenedAt[m.id], d.phase(of: m.id) == .open {
                let used = KernteamState.seconds(since: opened, now: world.now)
                parts.append("⏱ " + Self.hoursMinutes(used) + (m.length.map { " / " + Self.hoursMinutes($0 * 60) } ?? ""))
            } else {
                parts.append(Text.phaseLabel(d.phase(of: m.id).rawValue).text)
            }
        }
        // The secretary's request shows on the item's box (ProjectorView), where the chair looks.
        buffer.put(" " + parts.joined(separator: " │ "), x: 0, y: area.y, maxWidth: area.width, style: palette.headerSaved)
    }

    /// In the chair's window: the secretary asked to move on (until the meeting moves on).
    var nextRequest: String? {
        guard world.isChair, let m = content.currentMeeting, let request = world.domain.nextRequested[m.id] else { return nil }
        return Text.nextRequested(LocalTime.clock(request.timestamp)).text
    }

    /// `1:12`: hours and minutes, for a meeting's clock against its length.
    static func hoursMinutes(_ seconds: Int) -> String {
        let m = max(0, seconds) / 60
        return "\(m / 60):\(m % 60 < 10 ? "0" : "")\(m % 60)"
    }

    func renderMessage(_ buffer: inout Buffer) {
        if let busy = model.busy {
            buffer.put(" ◐ " + busy.what.text, x: 0, y: layout.message.y, style: palette.muted)
            return
        }
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
            items.append(("F1", .shortHelp))
            return items
        case .confirmDiscard:
            return [("j", .shortClose), ("n", .shortCancel)]
        case .confirm:
            return [("j", .shortYes), ("n", .shortNo)]
        case .quickEntry(let quick):
            switch quick.stage {
            case .typing: return [("Enter", .shortReadLine), ("Tab", .shortComplete), ("Esc", .shortClose), ("F1", .shortHelp)]
            case .asking: return [("1–9", .shortChoose), ("Esc", .shortCancel)]
            case .preview: return [("Enter", .shortSave), ("Esc", .shortCancel)]
            }
        case .attendance(let sheet):
            if sheet.guestLine != nil { return [("Enter", .shortChoose), ("Esc", .shortCancel)] }
            return [("a f w", .shortAttendanceSet), ("A", .shortAllPresent), ("g", .shortGuest), ("Enter", .shortSave), ("Esc", .shortClose), ("?", .shortHelp)]
        case .filter:
            return [("↑↓", .shortSelect), ("Enter", .shortChoose), ("Esc", .shortClose)]
        case .help, .detail:
            return model.projector ? [("i", .shortReveal), ("Esc", .shortClose)] : [("Esc", .shortClose)]
        case .minutes:
            return [("↑↓", .shortSelect), ("x", .shortClosePriority), ("Esc", .shortClose), ("?", .shortHelp)]
        case .history:
            return [("↑↓", .shortSelect), ("Enter", .shortDetails), ("f", .shortFilter), ("e", .shortExport),
                    ("C", .shortCorrect), ("I", .shortWithdraw), ("t", .shortLookBack), ("Esc", .shortClose), ("?", .shortHelp)]
        case .dashboard:
            return [("←→", .shortPlace), ("↑↓", .shortSelect), ("t", .shortLookBack), ("Esc", .shortClose), ("?", .shortHelp)]
        case nil:
            // The main screen's hints come from the key table: those of the keys that do something here.
            return KeyMap.main.compactMap { b in b.hint.map { (b, $0) } }
                .filter { Reducer.isAvailable($0.0.command, model, world) }
                .sorted { $0.1.order < $1.1.order }
                .map { ($0.1.key, $0.1.text(chair: world.isChair)) }
        }
    }

    /// Fits as many key hints as the width allows; the last two (help, quit) always stay.
    func renderFooter(_ buffer: inout Buffer) {
        let y = layout.footer.y
        let items = footerItems()
        func width(_ item: (String, Text)) -> Int { DisplayWidth.of(item.0) + 1 + DisplayWidth.of(item.1.text) + 2 }
        // Keep the most useful hints when space runs out: help and quit, then adding and filtering.
        let priority: [Text] = [.shortHelp, .shortQuit, .shortYes, .shortNo, .shortUndo, .shortNotes, .shortNew, .shortQuickEntry, .shortReadLine, .shortComplete, .shortSave, .shortCancel, .shortClose, .shortChoose,
                                .shortAttendanceSet, .shortAllPresent, .shortGuest,
                                .shortTriage, .shortView, .shortStatus, .shortDecision, .shortFeedback, .shortClosePriority,
                                .shortNext, .shortRequestNext, .shortOpen, .shortMinutes, .shortHistory, .shortExport, .shortProjector, .shortReveal,
                                .shortLadder, .shortFilter, .shortDetails, .shortNextField, .shortPane, .shortSelect, .shortMeeting,
                                .shortPlace, .shortDashboard, .shortCorrect, .shortWithdraw, .shortLookBack]
        var budget = model.cols - 2
        var chosen = Set<Int>()
        for p in priority {
            for (i, item) in items.enumerated() where item.1 == p && !chosen.contains(i) && width(item) <= budget {
                chosen.insert(i)
                budget -= width(item)
            }
        }
        // A hint missing from the list above still shows where there is room, never silently dropped.
        for (i, item) in items.enumerated() where !chosen.contains(i) && width(item) <= budget {
            chosen.insert(i)
            budget -= width(item)
        }
        var x = 1
        for (i, (key, text)) in items.enumerated() where chosen.contains(i) {
            x += buffer.put(key, x: x, y: y, style: palette.footerKey)
            x += buffer.put(" " + text.text, x: x, y: y, style: palette.footer)
            x += 2
        }
    }
}
