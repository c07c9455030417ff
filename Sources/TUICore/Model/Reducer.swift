import KernteamDomain

/// What the reducer may read besides the model: the folded log and today's date.
public struct World: Sendable {
    public var domain: KernteamState
    public var today: Day
    /// Residents' personal data from the side store, by reference.
    public var persons: [PersonRef: PersonalData]
    public init(domain: KernteamState, today: Day, persons: [PersonRef: PersonalData] = [:]) {
        self.domain = domain
        self.today = today
        self.persons = persons
    }
}

/// The pure update step: a message changes the model and may ask for effects. No I/O here.
public enum Reducer {
    public static func reduce(_ model: inout AppModel, _ msg: Msg, _ world: World) -> [Effect] {
        switch msg {
        case .key(.resize(let c, let r)):
            model.cols = c
            model.rows = r
            for pane in PaneID.allCases { keepVisible(&model, pane, world) }
            return []
        case .key(let key):
            return handleKey(&model, key, world)
        case .recorded(let result):
            return finishRecording(&model, result, world)
        case .logChanged:
            for pane in PaneID.allCases { keepVisible(&model, pane, world) }
            return []
        }
    }

    // MARK: - Keys

    static func handleKey(_ model: inout AppModel, _ key: Key, _ world: World) -> [Effect] {
        let layout = Layout(cols: model.cols, rows: model.rows)
        if layout.isTooSmall && model.overlay == nil {
            if key == .char("q") || key == .ctrl("c") || key == .ctrl("q") { model.quit = true; return [.quit] }
            return []
        }
        if let overlay = model.overlay {
            return handleOverlay(&model, overlay, key, world)
        }
        if case .mouse(let m) = key { handleMouse(&model, m, world); return [] }
        guard let command = KeyMap.command(for: key) else { return [] }
        model.message = nil
        return run(command, &model, world)
    }

    static func run(_ command: Command, _ model: inout AppModel, _ world: World) -> [Effect] {
        let content = PaneContent(domain: world.domain, today: world.today, kern: model.kern, filter: model.filter)
        let pageSize = max(1, Layout(cols: model.cols, rows: model.rows).listArea(model.focus).height - 1)
        switch command {
        case .nextPane: model.focus = PaneID(rawValue: (model.focus.rawValue + 1) % 4)!
        case .prevPane: model.focus = PaneID(rawValue: (model.focus.rawValue + 3) % 4)!
        case .focusPane(let n): model.focus = PaneID(rawValue: n)!
        case .moveUp: move(&model, by: -1, world)
        case .moveDown: move(&model, by: 1, world)
        case .pageUp: move(&model, by: -pageSize, world)
        case .pageDown: move(&model, by: pageSize, world)
        case .home: move(&model, by: Int.min / 2, world)
        case .end: move(&model, by: Int.max / 2, world)
        case .openDetail:
            if let id = selectedID(model, model.focus, content) { model.overlay = .detail(id) }
        case .add:
            openForm(&model, model.focus.addKind, world)
        case .addDecision:
            openForm(&model, .decision, world)
        case .addMeeting:
            openForm(&model, .meeting, world)
        case .changeStatus:
            if model.focus == .actions, let id = selectedID(model, .actions, content) {
                openForm(&model, .status, world, target: id)
            } else {
                model.message = StatusMessage(Text.keyStatus.nl + ": " + Text.paneActions.nl, isError: true)
            }
        case .filter:
            let options = [Text.filterAll.nl] + world.domain.reference.placeNames
            let index = model.filter.flatMap { f in options.firstIndex(of: f) } ?? 0
            model.overlay = .filter(options: options, index: index)
        case .help:
            model.overlay = .help
        case .quit:
            model.quit = true
            return [.quit]
        }
        return []
    }

    // MARK: - Selection

    static func selectedIndex(_ model: AppModel, _ pane: PaneID, _ rows: [PaneRow]) -> Int? {
        guard !rows.isEmpty else { return nil }
        if let id = model.selected[pane], let i = rows.firstIndex(where: { $0.id == id }) { return i }
        return 0
    }

    static func selectedID(_ model: AppModel, _ pane: PaneID, _ content: PaneContent) -> RecordID? {
        let rows = content.rows(pane)
        return selectedIndex(model, pane, rows).map { rows[$0].id }
    }

    static func move(_ model: inout AppModel, by delta: Int, _ world: World, pane: PaneID? = nil) {
        let pane = pane ?? model.focus
        let rows = PaneContent(domain: world.domain, today: world.today, kern: model.kern, filter: model.filter).rows(pane)
        guard let current = selectedIndex(model, pane, rows) else { return }
        let next = max(0, min(rows.count - 1, current.addingReportingOverflow(delta).overflow ? (delta < 0 ? 0 : rows.count - 1) : current + delta))
        model.selected[pane] = rows[next].id
        keepVisible(&model, pane, world)
    }

    /// Scrolls a pane so its selected row is visible.
    static func keepVisible(_ model: inout AppModel, _ pane: PaneID, _ world: World) {
        let rows = PaneContent(domain: world.domain, today: world.today, kern: model.kern, filter: model.filter).rows(pane)
        let height = max(1, Layout(cols: model.cols, rows: model.rows).listArea(pane).height)
        var top = model.scroll[pane] ?? 0
        let index = selectedIndex(model, pane, rows) ?? 0
        if index < top { top = index }
        if index >= top + height { top = index - height + 1 }
        top = max(0, min(top, max(0, rows.count - height)))
        model.scroll[pane] = top
    }

    static func handleMouse(_ model: inout AppModel, _ m: MouseEvent, _ world: World) {
        let layout = Layout(cols: model.cols, rows: model.rows)
        guard let pane = layout.paneAt(x: m.x, y: m.y) else { return }
        switch m.kind {
        case .wheelUp: move(&model, by: -3, world, pane: pane)
        case .wheelDown: move(&model, by: 3, world, pane: pane)
        case .press:
            model.focus = pane
            let list = layout.listArea(pane)
            guard list.contains(x: m.x, y: m.y) else { return }
            let rows = PaneContent(domain: world.domain, today: world.today, kern: model.kern, filter: model.filter).rows(pane)
            let index = (model.scroll[pane] ?? 0) + (m.y - list.y)
            if index < rows.count { model.selected[pane] = rows[index].id }
        }
    }

    // MARK: - Overlays

    static func handleOverlay(_ model: inout AppModel, _ overlay: Overlay, _ key: Key, _ world: World) -> [Effect] {
        switch overlay {
        case .help:
            if key == .escape || key == .char("?") || key == .char("q") || key == .enter || key == .function(1) { model.overlay = nil }
        case .detail:
            if key == .escape || key == .enter || key == .char("q") { model.overlay = nil }
        case .filter(let options, var index):
            switch key {
            case .up, .char("k"): index = max(0, index - 1)
            case .down, .char("j"): index = min(options.count - 1, index + 1)
            case .home: index = 0
            case .end: index = options.count - 1
            case .escape: model.overlay = nil; return []
            case .enter:
                model.filter = index == 0 ? nil : options[index]
                model.overlay = nil
                for pane in PaneID.allCases { model.scroll[pane] = 0; keepVisible(&model, pane, world) }
                return []
            default: break
            }
            model.overlay = .filter(options: options, index: index)
        case .form(var form):
            if key == .ctrl("c") || key == .ctrl("q") {
                model.overlay = form.dirty ? .confirmDiscard(form, quit: true) : nil
                if !form.dirty { model.quit = true; return [.quit] }
                return []
            }
            if case .mouse = key { return [] }
            switch form.handle(key) {
            case .editing:
                model.overlay = .form(form)
            case .cancel:
                model.overlay = form.dirty ? .confirmDiscard(form, quit: false) : nil
            case .submit:
                model.overlay = .form(form)
                return [.record(form.kind, form.draft, meeting: form.meeting, target: form.target)]
            }
        case .confirmDiscard(let form, let quit):
            switch key {
            case .char("j"), .char("J"), .char("y"), .char("Y"):
                model.overlay = nil
                if quit { model.quit = true; return [.quit] }
            case .char("n"), .char("N"), .escape:
                model.overlay = .form(form)
            default: break
            }
        }
        return []
    }

    // MARK: - Forms

    static func openForm(_ model: inout AppModel, _ kind: DraftKind, _ world: World, target: RecordID? = nil) {
        let ref = world.domain.reference
        let meeting = PaneContent(domain: world.domain, today: world.today, kern: model.kern, filter: nil).currentMeeting
        let defaultPlace = model.filter ?? ""
        var fields: [FormField] = []
        for f in kind.fields {
            let required = kind.required.contains(f)
            let none = required ? [] : [""]
            switch f {
            case .wijk: fields.append(FormField(field: f, value: defaultPlace, options: (required ? [""] : none) + ref.placeNames, required: required))
            case .kern: fields.append(FormField(field: f, value: model.kern ?? ref.kernen.first?.name ?? "", options: ref.kernen.map(\.name), required: required))
            case .theme: fields.append(FormField(field: f, options: [""] + Theme.allCases.map(\.rawValue), required: required))
            case .source: fields.append(FormField(field: f, options: [""] + SignalSource.allCases.map(\.rawValue), required: required))
            case .owner: fields.append(FormField(field: f, options: [""] + ref.organisations.map(\.name), required: required))
            case .work: fields.append(FormField(field: f, options: none + WorkKind.allCases.map(\.rawValue), required: required))
            case .phase: fields.append(FormField(field: f, options: none + Phase.allCases.map(\.rawValue), required: required))
            case .level: fields.append(FormField(field: f, options: [""] + ParticipationLevel.allCases.map(\.rawValue), required: required))
            case .status:
                let current = target.flatMap { world.domain.actions[$0]?.value.status } ?? .open
                let next: ActionStatus = current == .open ? .bezig : (current == .bezig ? .gereed : .open)
                fields.append(FormField(field: f, value: next.rawValue, options: ActionStatus.allCases.map(\.rawValue), required: required))
            case .date where kind == .meeting:
                fields.append(FormField(field: f, value: world.today.description, required: required))
            case .date:
                fields.append(FormField(field: f, required: required, hint: "leeg = vandaag"))
            case .due:
                fields.append(FormField(field: f, required: required, hint: "JJJJ-MM-DD"))
            default:
                fields.append(FormField(field: f, required: required))
            }
        }
        model.overlay = .form(FormState(kind: kind, fields: fields, target: target, meeting: kind == .meeting ? nil : meeting?.id))
        model.message = nil
    }

    static func finishRecording(_ model: inout AppModel, _ result: Result<LoggedEvent, RecordFailureInfo>, _ world: World) -> [Effect] {
        switch result {
        case .success(let logged):
            model.writeFailure = nil
            if case .form = model.overlay { model.overlay = nil }
            model.savedLabel = "#\(logged.seq)"
            if let id = logged.event.createdID {
                model.message = StatusMessage(Text.saved(id.description).nl)
                let pane: PaneID? = switch id.kind {
                case .agendaItem: .agenda
                case .signal: .signals
                case .action: .actions
                case .participation: .participation
                default: nil
                }
                if let pane {
                    model.selected[pane] = id
                    model.focus = pane
                    if let filter = model.filter, !PaneContent(domain: world.domain, today: world.today, kern: model.kern, filter: filter).rows(pane).contains(where: { $0.id == id }) {
                        model.filter = nil
                    }
                    keepVisible(&model, pane, world)
                }
                if case .meetingHeld(let m) = logged.event { model.kern = m.kern }
            } else if case .actionStatusChanged(let c) = logged.event {
                model.message = StatusMessage(Text.savedStatus(c.ref.description, c.status.rawValue).nl)
                keepVisible(&model, .actions, world)
            }
        case .failure(let failure):
            guard case .form(var form) = model.overlay else {
                switch failure {
                case .message(let m): model.message = StatusMessage(m, isError: true)
                case .ioFailure(let m): model.message = StatusMessage(m, isError: true); model.writeFailure = m
                case .refused(let r): model.message = StatusMessage(r.lines.joined(separator: "; "), isError: true)
                }
                return []
            }
            switch failure {
            case .refused(let refusal): form.show(refusal)
            case .message(let m): form.failure = Text.formSaveFailed(m).nl
            case .ioFailure(let m):
                form.failure = Text.formSaveFailed(m).nl
                model.writeFailure = m
            }
            model.overlay = .form(form)
            switch failure {
            case .message(let m), .ioFailure(let m): model.message = StatusMessage(m, isError: true)
            case .refused: break
            }
        }
        return []
    }
}
