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
        case .form(let form): FormView(screen: screen, form: form).render(&buffer)
        case .minutes(let meeting, let offset): renderMinutes(meeting, offset, &buffer)
        case .history: HistoryScreen(screen: screen).render(&buffer)
        case .dashboard(let place, let offset): DashboardView(screen: screen, place: place, offset: offset).render(&buffer)
        case .confirmDiscard(let form, let quit):
            FormView(screen: screen, form: form).render(&buffer)
            renderConfirm(quit ? Text.confirmQuit.text : Text.confirmDiscardForm.text, &buffer)
        }
    }

    /// Clears a box area and draws its border; returns the inner area.
    func panel(_ width: Int, _ height: Int, title: String, _ buffer: inout Buffer) -> Rect {
        let body = Rect(x: 0, y: 1, width: model.cols, height: model.rows - 2)
        let rect = body.centered(width: width, height: height)
        buffer.fill(rect)
        buffer.box(rect, style: palette.borderFocused, title: title, titleStyle: palette.paneTitleFocused)
        return rect.inner
    }

    func renderHelp(_ requestedOffset: Int, _ buffer: inout Buffer) {
        var lines: [(String, String, Bool)] = [(Text.helpMainSection.text, "", true)]
        var seen = Set<String>()
        for b in KeyMap.main where seen.insert(b.keyLabel).inserted {
            lines.append((b.keyLabel, b.help.text, false))
        }
        lines.append(("muis", Text.keyMouse.text, false))
        lines.append(("", "", false))
        lines.append((Text.helpFormSection.text, "", true))
        for f in KeyMap.form { lines.append((f.label, f.help.text, false)) }
        let keyWidth = min(30, lines.filter { !$0.2 }.map { DisplayWidth.of($0.0) }.max() ?? 10)
        let width = min(model.cols - 4, 100)
        let inner = panel(width, min(model.rows - 2, lines.count + 3), title: Text.helpTitle.text, &buffer)
        let visible = max(0, inner.height - 1)
        let offset = max(0, min(requestedOffset, lines.count - visible))
        if offset + visible < lines.count {
            buffer.put("↓", x: inner.maxX - 1, y: inner.maxY - 2, style: palette.title)
        }
        if offset > 0 { buffer.put("↑", x: inner.maxX - 1, y: inner.y, style: palette.title) }
        for (i, line) in lines.dropFirst(offset).prefix(visible).enumerated() {
            let y = inner.y + i
            if line.2 {
                buffer.put(line.0, x: inner.x + 1, y: y, maxWidth: inner.width - 1, style: palette.title)
            } else {
                buffer.put(DisplayWidth.pad(line.0, to: keyWidth), x: inner.x + 1, y: y, style: palette.footerKey)
                buffer.put(line.1, x: inner.x + 2 + keyWidth, y: y, maxWidth: inner.width - keyWidth - 2)
            }
        }
        buffer.put(Text.helpClose.text, x: inner.x + 1, y: inner.maxY - 1, maxWidth: inner.width - 1, style: palette.muted)
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

/// Label/value pairs shown in an item's detail box.
enum DetailFields {
    static func of(_ id: RecordID, world: World, hidePersonal: Bool = false) -> [(String, String)] {
        let d = world.domain
        func label(_ f: DraftField) -> String { Text.fieldLabel(f).text }
        var out: [(String, String)] = [(Text.detailID.text, id.description)]
        func common<V>(_ t: Tracked<V>) -> [(String, String)] {
            var c: [(String, String)] = [(Text.detailCreated.text, "#\(t.seq) · \(t.timestamp)")]
            if !t.changes.isEmpty { c.append((Text.detailChanges.text, t.changes.map { "#\($0)" }.joined(separator: ", "))) }
            if let r = t.withdrawnReason { c.append((Text.detailWithdrawn.text, r)) }
            return c
        }
        func opt(_ f: DraftField, _ v: String?) { if let v, !v.isEmpty { out.append((label(f), v)) } }
        func person(_ ref: PersonRef?, label field: DraftField) {
            guard let ref else { return }
            if hidePersonal {
                opt(field, Text.hiddenPerson.text)
            } else if let p = world.persons[ref] {
                opt(field, p.name); opt(.contact, p.contact)
            } else {
                opt(field, Text.personErasedMark.text)
            }
        }
        func feedbackLine(_ id: RecordID) {
            if let f = d.feedback[id] { out.append((Text.detailFeedback.text, "\(f.date.dutch): \(f.how)")) }
        }
        switch id.kind {
        case .signal:
            guard let t = d.signals[id] else { break }
            let s = t.value
            opt(.wijk, s.wijk ?? s.kern); opt(.buurt, s.buurt); opt(.theme, s.theme.rawValue); opt(.source, s.source.rawValue)
            opt(.date, s.date.dutch); opt(.text, s.text)
            person(s.person, label: .reporter)
            if let t = d.signalTriage[id] {
                out.append((Text.detailRoute.text, Text.routeLabel(t.route).text + " (\(t.date.dutch))" + (t.reason.map { ": \($0)" } ?? "")))
            } else {
                out.append((Text.detailRoute.text, Text.routeLabel(nil).text))
            }
            feedbackLine(id)
            opt(.meeting, s.meeting?.description)
            out += common(t)
        case .action:
            guard let t = d.actions[id] else { break }
            let a = t.value.created
            opt(.title, a.title); opt(.wijk, a.wijk ?? a.kern); opt(.owner, a.owner); opt(.person, a.person)
            let status = PaneContent.statusLabel(t.value.status, overdue: t.value.isOverdue(today: world.today), withdrawn: t.isWithdrawn)
            out.append((Text.detailStatus.text, status.text + (t.value.statusReason.map { " (\($0))" } ?? "")))
            opt(.due, a.due?.dutch); opt(.result, a.result); opt(.cost, a.cost?.dutch); opt(.inform, a.inform)
            opt(.meeting, a.meeting?.description)
            out += common(t)
        case .decision:
            guard let t = d.decisions[id] else { break }
            opt(.wijk, t.value.wijk ?? t.value.kern); opt(.text, t.value.text); opt(.meeting, t.value.meeting?.description)
            out += common(t)
        case .agendaItem:
            guard let t = d.agenda[id] else { break }
            opt(.title, t.value.title); opt(.wijk, t.value.wijk); opt(.minutes, t.value.minutes.map(String.init))
            opt(.meeting, t.value.meeting.description)
            out += common(t)
        case .participation:
            guard let t = d.participation[id] else { break }
            let p = t.value
            opt(.wijk, p.wijk ?? p.kern); opt(.topic, p.topic); opt(.work, p.work?.rawValue); opt(.phase, p.phase?.rawValue)
            opt(.controversial, p.controversial.map { $0 ? "ja" : "nee" })
            opt(.level, p.level.rawValue + (p.override == true ? " (bewuste afwijking)" : "")); opt(.reason, p.reason)
            if let work = p.work, let phase = p.phase {
                let allowed = ParticipationRules.allowed(work: work, phase: phase, controversial: p.controversial ?? false)
                out.append((Text.detailAllowed.text, allowed.map { "\($0.lowerBound.rawValue) … \($0.upperBound.rawValue)" } ?? Text.ladderNoRange.text))
            }
            opt(.representatives, hidePersonal ? p.representatives.map { _ in Text.hiddenPerson.text } : p.representatives)
            opt(.feedbackPlan, p.feedbackPlan)
            opt(.id, p.about?.description); opt(.meeting, p.meeting?.description)
            out += common(t)
        case .priority:
            guard let t = d.priorities[id] else { break }
            opt(.wijk, t.value.wijk ?? t.value.kern); opt(.theme, t.value.theme.rawValue); opt(.text, t.value.text)
            opt(.period, t.value.period)
            if let c = d.closedPriorities[id] { out.append((Text.detailStatus.text, Text.priorityClosedMark.text + (c.reason.map { ": \($0)" } ?? ""))) }
            out += common(t)
        case .initiative:
            guard let t = d.initiatives[id] else { break }
            let i = t.value
            opt(.wijk, i.recorded.wijk ?? i.recorded.kern); opt(.date, i.recorded.date.dutch); opt(.text, i.recorded.text)
            person(i.recorded.person, label: .initiator)
            out.append((Text.detailOutcome.text, Text.outcomeLabel(i.outcome).text + (i.reason.map { ": \($0)" } ?? "")))
            if let days = i.turnaround { out.append((Text.detailTurnaround.text, Text.ageDays(days).text)) }
            else { out.append((Text.detailTurnaround.text, Text.ageDays(i.age(today: world.today)).text + (i.isOverdue(today: world.today, termWeeks: world.settings.initiativeTermWeeks) ? " · " + Text.overdueMark.text : ""))) }
            feedbackLine(id)
            out += common(t)
        case .budget:
            guard let t = d.budgets[id], let status = d.budgetStatuses().first(where: { $0.budget.id == id }) else { break }
            opt(.wijk, t.value.wijk ?? t.value.kern); opt(.year, String(t.value.year)); opt(.amount, t.value.amount.dutch)
            opt(.decision, t.value.decision?.description)
            out.append((Text.detailSpent.text, Text.budgetLine(spent: status.spent.dutch, remaining: status.remaining.dutch).text + (status.isOver ? " · " + Text.overBudget.text : "")))
            for s in status.spending { out.append(("", "\(s.action) \(s.cost.dutch) \(s.title)")) }
            out += common(t)
        case .meeting:
            guard let t = d.meetings[id] else { break }
            opt(.kern, t.value.kern); opt(.date, t.value.date.dutch)
            out += common(t)
        }
        return out
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
        default: return ""
        }
    }
}
