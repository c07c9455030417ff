import Foundation
import KernteamDomain

/// The pure update step: a message changes the model and may ask for effects. No I/O here: every
/// effect is carried out by the program, and its result comes back here as a message.
public enum Reducer {
    public static func reduce(_ model: inout AppModel, _ msg: Msg) -> [Effect] {
        switch msg {
        case .key(.resize(let c, let r)):
            model.cols = c
            model.rows = r
            keepAllVisible(&model, model.world)
            return []
        case .key(let key):
            if model.opening != nil {
                // Nothing to work on yet; stopping is always possible.
                if key == .char("q") || key == .ctrl("c") || key == .ctrl("q") { model.quit = true; return [.quit] }
                return []
            }
            // While the session works, keys wait their turn: what is typed ahead is not lost.
            if model.busy != nil {
                model.typeAhead.append(key)
                return []
            }
            return started(&model, handleKey(&model, key, model.world))
        case .tick(let now):
            model.world.now = now
            guard model.opening == nil, model.busy == nil, !model.refreshing, !model.quit else { return [] }
            model.refreshing = true
            return [.refresh]
        case .progress(let done, let total):
            if model.opening != nil { model.opening = (done, total) }
            return []
        case .opened(.success(let view), let warning):
            model.opening = nil
            model.world.take(view, replacing: true)
            model.readOnlyReason = view.readOnlyReason
            // The kern asked for, as the reference data spells it; else the kern of the latest meeting.
            if let asked = model.kern, let kern = view.state.reference.kern(named: asked) {
                model.kern = kern.name
            } else {
                model.kern = view.state.latestMeeting(kern: nil)?.kern ?? view.state.reference.kernen.first?.name
            }
            if let warning { model.message = StatusMessage(warning, isError: true) }
            keepAllVisible(&model, model.world)
            return replayTypeAhead(&model)
        case .opened(.failure, _):
            model.quit = true
            return [.quit]
        case .replied(let reply, let view):
            model.busy = nil
            model.undo = undoStep(after: reply, before: model.world.domain, current: model.undo)
            model.world.take(view)
            model.readOnlyReason = view.readOnlyReason
            finish(&model, reply)
            // The attendance form saves its entries one after the other.
            let next = continueAttendance(&model, reply)
            if !next.isEmpty { return started(&model, next) }
            return replayTypeAhead(&model)
        case .refreshed(let view, let changed, let error):
            model.refreshing = false
            // A meeting closed in another window: its checkpoint shows here too.
            let shown = content(model, model.world).currentMeeting?.id
            let wasClosed = shown.map { model.world.domain.phase(of: $0) == .closed } ?? true
            model.world.take(view)
            if let shown, !wasClosed, let close = view.state.meetingClosed[shown] {
                model.message = StatusMessage(Text.meetingClosedCheckpoint("\(close.checkpointSeq):\(close.checkpointHash)").text)
            }
            model.readOnlyReason = view.readOnlyReason
            if changed { keepAllVisible(&model, model.world) }
            if let error { model.message = StatusMessage(error, isError: true) } else if let notice = view.notice { model.message = StatusMessage(notice) }
            return []
        case .terminate:
            model.quit = true
            return [.quit]
        }
    }

    /// Notes the command the session is now busy with, so later keys wait for its answer.
    static func started(_ model: inout AppModel, _ effects: [Effect]) -> [Effect] {
        for effect in effects {
            guard case .session(let command) = effect else { continue }
            switch command {
            case .record: model.busy = Busy(.busySaving)
            case .prepareMeeting: model.busy = Busy(.busyPreparingMeeting)
            case .closeMeeting: model.busy = Busy(.busyClosingMeeting)
            case .export: model.busy = Busy(.busyExporting)
            case .correct, .withdraw: model.busy = Busy(.busySaving)
            case .lookBack: model.busy = Busy(.busyLookingBack)
            }
        }
        return effects
    }

    /// Handles the keys typed while the session was busy, until one of them makes it busy again.
    static func replayTypeAhead(_ model: inout AppModel) -> [Effect] {
        var effects: [Effect] = []
        while model.busy == nil, !model.quit, !model.typeAhead.isEmpty {
            let key = model.typeAhead.removeFirst()
            effects += reduce(&model, .key(key))
        }
        return effects
    }

    /// What an answer of the session means for the screen.
    static func finish(_ model: inout AppModel, _ reply: SessionReply) {
        let world = model.world
        switch reply {
        case .recorded(let result, let warnings):
            finishRecording(&model, result, warnings: warnings, world)
        case .meetingPrepared(.success(let r)):
            finishRecording(&model, .success(r.meeting), warnings: [], world)
            let id = r.meeting.event.createdID?.description ?? ""
            model.message = StatusMessage(Text.meetingPrepared(id, r.items).text)
        case .meetingPrepared(.failure(let f)):
            finishRecording(&model, .failure(f), warnings: [], world)
        case .meetingClosed(.success(let r)):
            finishRecording(&model, .success(r.logged), warnings: [], world)
            model.message = StatusMessage(Text.meetingClosedCheckpoint(r.checkpoint).text)
        case .meetingClosed(.failure(let f)):
            model.message = StatusMessage(f.lines.joined(separator: "; "), isError: true)
        case .exported(let result):
            finishExport(&model, result)
        case .lookedBack(let result):
            finishLookBack(&model, result)
        }
    }

    // MARK: - Keys

    static func handleKey(_ model: inout AppModel, _ key: Key, _ world: World) -> [Effect] {
        let layout = Layout(model)
        if layout.isTooSmall && model.overlay == nil {
            if key == .char("q") || key == .ctrl("c") || key == .ctrl("q") { model.quit = true; return [.quit] }
            return []
        }
        if let overlay = model.overlay {
            // Ctrl-C / Ctrl-Q quit from any view; a form with typed text asks first (handled there).
            if key == .ctrl("c") || key == .ctrl("q") {
                // Help over a form, the line or the attendance: that screen decides (it asks first).
                if case .help = overlay, let under = model.helpReturn {
                    switch under {
                    case .form, .quickEntry, .attendance:
                        closeHelp(&model)
                        return handleOverlay(&model, under, key, world)
                    default: break
                    }
                }
                switch overlay {
                case .form, .confirmDiscard, .quickEntry, .attendance: break
                default:
                    model.quit = true
                    return [.quit]
                }
            }
            return handleOverlay(&model, overlay, key, world)
        }
        if case .mouse(let m) = key { handleMouse(&model, m, world); return [] }
        guard let command = KeyMap.command(for: key) else { return [] }
        model.message = nil
        if model.projector && command.opensForm {
            model.message = StatusMessage(Text.projectorReadOnly.text, isError: true)
            return []
        }
        let focusBefore = model.focus
        let effects = run(command, &model, world)
        if model.focus != focusBefore { model.previousFocus = focusBefore }
        return effects
    }

    static func content(_ model: AppModel, _ world: World, filter: String?? = nil) -> PaneContent {
        PaneContent(world, kern: model.kern, filter: filter ?? model.filter)
    }

    static func run(_ command: Command, _ model: inout AppModel, _ world: World) -> [Effect] {
        let list = model.list(model.focus)
        let pageSize = max(1, Layout(model).capacity(model.focus) - 1)
        let selected = selectedID(model, list, content(model, world))
        let panes = Panes.main.count
        // Keys that act on a row of one kind of list are the list's own (`Lists/`).
        if let notHere = command.notHere {
            guard list.unit.commands.contains(command), let effects = list.unit.run(command, selected: selected, &model, world) else {
                model.message = StatusMessage(notHere, isError: true)
                return []
            }
            return effects
        }
        switch command {
        case .nextPane: model.focus = PaneID(rawValue: (model.focus.rawValue + 1) % panes)
        case .prevPane: model.focus = PaneID(rawValue: (model.focus.rawValue + panes - 1) % panes)
        case .focusPane(let n): model.focus = PaneID(rawValue: min(n, panes - 1))
        case .moveUp: move(&model, by: -1, world)
        case .moveDown: move(&model, by: 1, world)
        case .pageUp: move(&model, by: -pageSize, world)
        case .pageDown: move(&model, by: pageSize, world)
        case .home: move(&model, by: Int.min / 2, world)
        case .end: move(&model, by: Int.max / 2, world)
        case .switchList:
            let lists = model.focus.lists
            model.listIndex[model.focus] = ((model.listIndex[model.focus] ?? 0) + 1) % lists.count
            keepVisible(&model, model.list(model.focus), world)
        case .openDetail:
            if let id = list.unit.detailRecord(selected, model, world) { model.overlay = .detail(id) }
        case .add:
            if let kind = list.addKind { openForm(&model, kind, world, serves: kind == .action ? servedByNewAction(model, world) : nil) }
            else { model.message = StatusMessage(Text.noAddHere.text, isError: true) }
        case .addDecision:
            openForm(&model, .decision, world)
        case .addMeeting:
            openForm(&model, .meeting, world)
        case .changeStatus, .triage, .feedback, .closePriority, .ladder, .moveItemUp, .moveItemDown, .removeItem, .timeboxUp, .timeboxDown:
            break   // handled by the list above
        case .wijkKind:
            openForm(&model, .wijkKind, world)
        case .openMeeting, .nextItem, .previousItem:
            guard let m = content(model, world).currentMeeting else {
                model.message = StatusMessage(Text.noMeeting.text, isError: true)
                return []
            }
            // The chair runs the meeting; the secretary's window may only ask to move on.
            guard world.isChair else {
                if command == .nextItem && world.domain.phase(of: m.id) == .open {
                    model.message = StatusMessage(Text.nextRequestSent.text)
                    return [.session(.record(.requestNext, Draft(), meeting: nil, target: m.id))]
                }
                model.message = StatusMessage(Text.chairOnly.text, isError: true)
                return []
            }
            let kind: DraftKind = command == .openMeeting ? .openMeeting : (command == .nextItem ? .nextItem : .previousItem)
            let effect = Effect.session(.record(kind, Draft(), meeting: nil, target: m.id))
            // A meeting planned for a later day is most likely the wrong one: asked first.
            if command == .openMeeting, m.date > world.today {
                model.overlay = .confirm(Confirmation(Text.confirmOpenFutureMeeting(m.id.description, m.date.dutch, world.today.dutch).text,
                                                      onYes: [effect]))
                return []
            }
            return [effect]
        case .endItem:
            guard world.isChair else {
                model.message = StatusMessage(Text.chairOnly.text, isError: true)
                return []
            }
            guard let m = content(model, world).currentMeeting, let item = world.domain.currentItem(m.id) else {
                model.message = StatusMessage(Text.nowNone.text, isError: true)
                return []
            }
            openForm(&model, .endItem, world, target: item.id)
        case .attendance, .residents:
            guard let m = content(model, world).currentMeeting else {
                model.message = StatusMessage(Text.noMeeting.text, isError: true)
                return []
            }
            if command == .attendance { openAttendance(&model, meeting: m.id, world) }
            else { openForm(&model, .residents, world, target: m.id) }
        case .minutes:
            guard let m = content(model, world).currentMeeting else {
                model.message = StatusMessage(Text.noMeeting.text, isError: true)
                return []
            }
            model.overlay = .minutes(meeting: m.id, offset: 0)
        case .projector:
            model.projector.toggle()
            model.revealed = nil
            model.message = StatusMessage(model.projector ? Text.projectorOn.text : Text.projectorOff.text)
            keepAllVisible(&model, world)
        case .reveal:
            model.revealed = model.revealed == selected ? nil : selected
        case .history:
            model.history = model.history ?? HistoryView(filter: HistoryFilter(place: model.filter))
            model.overlay = .history
        case .dashboard:
            openDashboard(&model, world)
        case .filter:
            let options = [Text.filterAll.text] + world.domain.reference.placeNames
            let index = model.filter.flatMap { f in options.firstIndex(of: f) } ?? 0
            model.overlay = .filter(options: options, index: index)
        case .correct, .withdraw:
            guard let id = selected, list != .proposals, list != .feedbackOwed else {
                model.message = StatusMessage(Text.selectToCorrect.text, isError: true)
                return []
            }
            if command == .correct { openCorrection(&model, .record(id), world) } else { openWithdrawal(&model, .record(id), world) }
        case .undo:
            askUndo(&model)
        case .quickEntry:
            openQuickEntry(&model)
        case .notes:
            guard let m = content(model, world).currentMeeting, let item = world.domain.currentItem(m.id) else {
                model.message = StatusMessage(Text.nowNone.text, isError: true)
                return []
            }
            openNotes(&model, item: item.id, world)
        case .help:
            openHelp(&model, .main, returnTo: nil)
        case .quit:
            model.quit = true
            return [.quit]
        }
        return []
    }

    /// Whether a key of the main screen does something now: its footer hint shows only then.
    static func isAvailable(_ command: Command, _ model: AppModel, _ world: World) -> Bool {
        // Keys that open a form do nothing on the projector, and it has no panes to move through.
        if model.projector && (command.opensForm || !command.worksOnTheProjector) { return false }
        let list = model.list(model.focus)
        if command.notHere != nil { return list.unit.commands.contains(command) }
        let phase = content(model, world).currentMeeting.map { world.domain.phase(of: $0.id) }
        switch command {
        case .add: return list.addKind != nil
        case .switchList: return model.focus.lists.count > 1
        case .openMeeting: return phase == .prepared && world.isChair
        case .nextItem: return phase == .open
        case .minutes: return phase != nil
        case .undo: return model.undo != nil
        case .notes: return content(model, world).currentMeeting.flatMap { world.domain.currentItem($0.id) } != nil
        // Correcting and withdrawing act on a record: not on a proposal or a line of feedback owed.
        case .correct, .withdraw: return ![.proposals, .feedbackOwed].contains(list)
        default: return true
        }
    }

    // MARK: - Selection

    static func selectedIndex(_ model: AppModel, _ list: ListID, _ rows: PaneRows) -> Int? {
        guard !rows.isEmpty else { return nil }
        if let id = model.selected[list], let i = rows.position(of: id) { return i }
        return 0
    }

    static func selectedID(_ model: AppModel, _ list: ListID, _ content: PaneContent) -> RecordID? {
        let rows = content.rows(list)
        return selectedIndex(model, list, rows).map { rows[$0].id }
    }

    static func move(_ model: inout AppModel, by delta: Int, _ world: World, pane: PaneID? = nil) {
        let list = model.list(pane ?? model.focus)
        let rows = content(model, world).rows(list)
        guard let current = selectedIndex(model, list, rows) else { return }
        let next = max(0, min(rows.count - 1, current.addingReportingOverflow(delta).overflow ? (delta < 0 ? 0 : rows.count - 1) : current + delta))
        model.selected[list] = rows[next].id
        keepVisible(&model, list, world)
    }

    /// Scrolls a list so its selected row is visible.
    static func keepVisible(_ model: inout AppModel, _ list: ListID, _ world: World) {
        let rows = content(model, world).rows(list)
        let height = max(1, Layout(model).capacity(list.pane))
        var top = model.scroll[list] ?? 0
        let index = selectedIndex(model, list, rows) ?? 0
        if index < top { top = index }
        if index >= top + height { top = index - height + 1 }
        top = max(0, min(top, max(0, rows.count - height)))
        model.scroll[list] = top
    }

    static func keepAllVisible(_ model: inout AppModel, _ world: World) {
        for pane in PaneID.allCases { keepVisible(&model, model.list(pane), world) }
    }

    static func handleMouse(_ model: inout AppModel, _ m: MouseEvent, _ world: World) {
        let layout = Layout(model)
        guard let pane = layout.paneAt(x: m.x, y: m.y) else { return }
        switch m.kind {
        case .wheelUp: move(&model, by: -3, world, pane: pane)
        case .wheelDown: move(&model, by: 3, world, pane: pane)
        case .press:
            if model.focus != pane { model.previousFocus = model.focus }
            model.focus = pane
            let area = layout.listArea(pane)
            guard area.contains(x: m.x, y: m.y) else { return }
            let list = model.list(pane)
            let rows = content(model, world).rows(list)
            let index = (model.scroll[list] ?? 0) + (m.y - area.y) / layout.rowStride
            if index < rows.count { model.selected[list] = rows[index].id }
        }
    }

    // MARK: - Overlays

    static func handleOverlay(_ model: inout AppModel, _ overlay: Overlay, _ key: Key, _ world: World) -> [Effect] {
        // D opens the dashboard from every overlay that takes no typed text.
        if key == .char("D") {
            switch overlay {
            case .help where !model.helpTyping && model.helpReturn == nil: openDashboard(&model, world); return []
            case .detail, .minutes, .filter: openDashboard(&model, world); return []
            case .history where model.history?.showingChain != true: openDashboard(&model, world); return []
            default: break
            }
        }
        switch overlay {
        case .dashboard(let place, let offset):
            if key == .char("t") { openLookBack(&model, from: overlay); return [] }
            if asksHelp(key) { openHelp(&model, .dashboard, returnTo: overlay); return [] }
            handleDashboard(&model, place, offset, key, model.shownWorld)
        case .help(let offset):
            handleHelp(&model, offset, key)
        case .detail:
            if key == .escape || key == .enter || key == .char("q") { model.overlay = nil }
            if key == .char("i") {
                if case .detail(let id) = overlay { model.revealed = model.revealed == id ? nil : id }
            }
        case .history:
            return handleHistory(&model, key, model.shownWorld)
        case .minutes(let meeting, let offset):
            if asksHelp(key) { openHelp(&model, .minutes, returnTo: overlay); return [] }
            switch key {
            case .escape, .char("q"), .char("c"): model.overlay = nil
            case .down, .char("j"): model.overlay = .minutes(meeting: meeting, offset: offset + 1)
            case .up, .char("k"): model.overlay = .minutes(meeting: meeting, offset: max(0, offset - 1))
            case .pageDown, .char(" "): model.overlay = .minutes(meeting: meeting, offset: offset + 10)
            case .pageUp: model.overlay = .minutes(meeting: meeting, offset: max(0, offset - 10))
            case .char("x") where world.domain.phase(of: meeting) == .closed:
                model.message = StatusMessage(Text.meetingClosed(meeting.description).text, isError: true)
            case .char("x") where !world.isChair:
                model.message = StatusMessage(Text.chairOnly.text, isError: true)
            case .char("x"):
                // Closing seals the minutes: asked first.
                model.overlay = .confirm(Confirmation(Text.confirmCloseMeeting(meeting.description).text,
                                                      onYes: [.session(.closeMeeting(meeting))], onNo: overlay))
            default: break
            }
        case .filter(let options, var index):
            switch key {
            case .up, .char("k"): index = max(0, index - 1)
            case .down, .char("j"): index = min(options.count - 1, index + 1)
            case .home: index = 0
            case .end: index = options.count - 1
            case .escape, .char("q"): model.overlay = nil; return []
            case .enter:
                model.filter = index == 0 ? nil : options[index]
                model.overlay = nil
                model.scroll = [:]
                keepAllVisible(&model, world)
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
            if key == .function(1) { openHelp(&model, .form, returnTo: overlay); return [] }
            let before = form
            switch form.handle(key) {
            case .editing:
                if form.purpose == .export { ExportForm.follow(&form, before: before) }
                model.overlay = .form(form)
            case .cancel:
                if form.purpose == .historyFilter || form.purpose == .export {
                    model.overlay = .history
                    if form.purpose == .export { model.formReturn = nil; model.exportPending = nil }
                    return []
                }
                switch form.purpose {
                case .correct, .withdraw, .lookBack:
                    model.overlay = model.formReturn
                    model.formReturn = nil
                    return []
                default: break
                }
                model.overlay = form.dirty ? .confirmDiscard(form, quit: false) : nil
            case .submit:
                model.overlay = .form(form)
                if form.purpose == .historyFilter {
                    switch HistoryView.filter(from: form.draft) {
                    case .success(let filter):
                        model.history?.filter = filter
                        model.history?.selected = 0
                        model.history?.scroll = 0
                        model.overlay = .history
                    case .failure(let refusal):
                        form.show(refusal)
                        model.overlay = .form(form)
                    }
                    return []
                }
                switch form.purpose {
                case .correct, .withdraw, .lookBack: return submitCorrectionForm(&model, form)
                default: break
                }
                if form.kind == .meeting { return [.session(.prepareMeeting(form.draft))] }
                if form.purpose == .export, let view = model.history {
                    // The form stays until the document is written: an error keeps every choice.
                    model.formReturn = nil
                    model.exportPending = nil
                    return [.session(.export(form.draft, meeting: form.exportSubject?.meeting, filter: view.filter, replace: false))]
                }
                guard let kind = form.kind else { return [] }
                return [.session(.record(kind, form.draft, meeting: form.meeting, target: form.target))]
            }
        case .confirm(let confirmation):
            return handleConfirm(&model, confirmation, key)
        case .quickEntry(let line):
            if key == .function(1) { openHelp(&model, .quickEntry, returnTo: overlay); return [] }
            return handleQuickEntry(&model, line, key, world)
        case .attendance(let sheet):
            if sheet.guestLine == nil, asksHelp(key) { openHelp(&model, .attendance, returnTo: overlay); return [] }
            return handleAttendance(&model, sheet, key, world)
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

    static func openForm(_ model: inout AppModel, _ kind: DraftKind, _ world: World, target: RecordID? = nil,
                         extra: [DraftField: String] = [:], prefill: [DraftField: String] = [:], note: String? = nil,
                         serves: RecordID? = nil) {
        let ref = world.domain.reference
        let known = FormDefaults(model, world)
        let prefill = known.values(for: kind, serves: serves).merging(prefill) { _, given in given }
        let working = PaneContent(world, kern: model.kern, filter: nil).currentMeeting
        // New records are not linked to a closed meeting; an agenda item still names it, so the refusal
        // says the meeting is closed (not that there is none).
        let meeting = working.flatMap { kind == .agendaItem || world.domain.phase(of: $0.id) != .closed ? $0 : nil }
        let defaultPlace = model.filter ?? ""
        var fields: [FormField] = []
        func choices(_ values: [String], required: Bool) -> [String] { (required ? [""] : [""]) + values }
        for f in kind.fields {
            let required = kind.required.contains(f)
            var field: FormField
            switch f {
            case .wijk:
                let places = kind == .wijkKind ? ref.wijkNames : ref.placeNames
                field = FormField(field: f, value: defaultPlace, options: choices(places, required: required), required: required)
            case .kern: field = FormField(field: f, value: model.kern ?? ref.kernen.first?.name ?? "", options: ref.kernen.map(\.name), required: required)
            case .theme: field = FormField(field: f, options: choices(Theme.allCases.map(\.rawValue), required: required), required: required)
            case .source: field = FormField(field: f, options: choices(SignalSource.allCases.map(\.rawValue), required: required), required: required)
            case .owner: field = FormField(field: f, options: choices(ref.organisations.map(\.name), required: required), required: required)
            case .work: field = FormField(field: f, options: choices(WorkKind.allCases.map(\.rawValue), required: required), required: required)
            case .phase where kind == .planPhase:
                let next = target.flatMap { world.domain.plans[$0]?.value.phase.next }
                field = FormField(field: f, value: next?.rawValue ?? "", options: choices(PlanPhase.allCases.map(\.rawValue), required: required), required: required)
            case .phase: field = FormField(field: f, options: choices(Phase.allCases.map(\.rawValue), required: required), required: required)
            case .level: field = FormField(field: f, options: choices(ParticipationLevel.allCases.map(\.rawValue), required: required), required: required)
            case .route: field = FormField(field: f, options: choices(SignalRoute.allCases.map(\.rawValue), required: required), required: required)
            // An agenda item ends as besproken, uitgesteld or afgerond (not as an initiative outcome).
            case .outcome where kind == .endItem:
                field = FormField(field: f, value: ItemOutcome.besproken.rawValue, options: ItemOutcome.allCases.map(\.rawValue), required: required)
            case .outcome: field = FormField(field: f, options: choices(InitiativeOutcome.allCases.map(\.rawValue), required: required), required: required)
            case .kind: field = FormField(field: f, options: choices(WijkKind.allCases.map(\.rawValue), required: required), required: required)
            case .choice: field = FormField(field: f, value: "accepteren", options: ["accepteren", "afwijzen"], required: required)
            case .length: field = FormField(field: f, value: "120", required: required)
            case .org: field = FormField(field: f, options: choices(ref.organisations.map(\.name), required: required), required: required)
            case .attendance: field = FormField(field: f, value: AttendanceStatus.aanwezig.rawValue, options: AttendanceStatus.allCases.map(\.rawValue), required: required)
            case .controversial, .wijkbudget: field = FormField(field: f, value: "nee", options: ["nee", "ja"], required: required)
            // Who decided (beleidsplan 1.2): the kernteam unless another body is chosen.
            case .body: field = FormField(field: f, value: DecisionBody.kernteam.rawValue, options: DecisionBody.allCases.map(\.rawValue), required: required)
            case .status:
                let current = target.flatMap { world.domain.actions[$0]?.value.status } ?? .open
                let next: ActionStatus = current == .open ? .bezig : (current == .bezig ? .gereed : .open)
                field = FormField(field: f, value: next.rawValue, options: ActionStatus.allCases.map(\.rawValue), required: required)
            case .date where kind == .meeting:
                field = FormField(field: f, value: world.today.description, required: required)
            case .date:
                field = FormField(field: f, required: required, hint: "leeg = vandaag")
            case .due:
                field = FormField(field: f, required: required, hint: Text.hintDue.text)
            case .year:
                field = FormField(field: f, value: String(world.today.year), required: required)
            case .decision:
                field = FormField(field: f, required: required, hint: "B-n")
            case .serves:
                field = FormField(field: f, required: required, hint: "bv. S-4 I-2")
            default:
                field = FormField(field: f, required: required)
            }
            if let value = prefill[f] {
                field.value = value
                field.cursor = value.count
                // A value filled in for a choice is one of its options (the reference spells it).
                if var options = field.options, !options.contains(value) {
                    if let spelled = options.first(where: { ReferenceData.matchKey($0) == ReferenceData.matchKey(value) }) {
                        field.value = spelled
                        field.cursor = spelled.count
                    } else {
                        options.append(value)
                        field.options = options
                    }
                }
            }
            fields.append(field)
        }
        var form = FormState(kind: kind, fields: fields, target: target, meeting: kind == .meeting ? nil : meeting?.id)
        form.extra = extra
        form.note = note ?? target.map { id in
            let title = DetailFields.summary(id, world: world)
            return "\(id)" + (title.isEmpty ? "" : " · " + title)
        } ?? known.note(for: kind)
        form.arrive(at: form.firstToFill)
        model.overlay = .form(form)
        model.message = nil
    }

    static func finishRecording(_ model: inout AppModel, _ result: Result<LoggedEvent, RecordFailureInfo>, warnings: [String], _ world: World) {
        switch result {
        case .success(let logged):
            model.writeFailure = nil
            if case .form(let form) = model.overlay {
                // A correction made from the history goes back there.
                model.overlay = model.formReturn
                model.formReturn = nil
                // The notes form stays open for the next line, as the discussion goes on.
                if form.kind == .note, let item = form.target { openNotes(&model, item: item, world) }
            }
            if case .quickEntry = model.overlay {
                model.overlay = nil
                model.quickKept = nil
            }
            model.savedLabel = "#\(logged.seq)"
            if let id = logged.event.createdID {
                model.lastCreated = id
                model.previousFocus = nil
                model.message = StatusMessage(SavedMessage.text(logged, model.world.domain))
                // Show the new record in the list of its kind.
                let list = ListID.allCases.first { $0.unit.recordKind == id.kind }
                if let list {
                    model.show(list)
                    model.selected[list] = id
                    model.focus = list.pane
                    if model.filter != nil, !content(model, world).rows(list).ids.contains(id) {
                        model.filter = nil
                    }
                    keepVisible(&model, list, world)
                }
                if case .meetingHeld(let m) = logged.event { model.kern = m.kern }
            } else {
                model.message = StatusMessage(SavedMessage.text(logged, model.world.domain))
                if let said = correctionMessage(logged.event) { model.message = StatusMessage(said) }
                keepAllVisible(&model, world)
            }
            if !warnings.isEmpty {
                model.message = StatusMessage((model.message?.text ?? "") + " · " + warnings.joined(separator: "; "), isError: true)
            }
        case .failure(let failure):
            if case .quickEntry(var line) = model.overlay {
                // Back to the line, as typed, with why it was not saved.
                line.stage = .typing
                line.problem = failure.lines
                if case .ioFailure(let m) = failure { model.writeFailure = m }
                model.overlay = .quickEntry(line)
                return
            }
            guard case .form(var form) = model.overlay else {
                switch failure {
                case .message(let m): model.message = StatusMessage(m, isError: true)
                case .ioFailure(let m): model.message = StatusMessage(m, isError: true); model.writeFailure = m
                case .refused(let r): model.message = StatusMessage(r.lines.joined(separator: "; "), isError: true)
                }
                return
            }
            switch failure {
            case .refused(let refusal): form.show(refusal)
            case .message(let m): form.failure = Text.formSaveFailed(m).text
            case .ioFailure(let m):
                form.failure = Text.formSaveFailed(m).text
                model.writeFailure = m
            }
            model.overlay = .form(form)
            switch failure {
            case .message(let m), .ioFailure(let m): model.message = StatusMessage(m, isError: true)
            case .refused: break
            }
        }
    }
}

// MARK: - History

extension Reducer {
    /// Rows available for history entries on screen (for paging and scrolling).
    static func historyRows(_ model: AppModel) -> Int { max(1, model.rows - 7) }

    /// `world` is what the history shows (the past when looking back); corrections go to the log as it is now.
    @discardableResult
    static func handleHistory(_ model: inout AppModel, _ key: Key, _ world: World) -> [Effect] {
        guard var view = model.history else { model.overlay = nil; return [] }
        if asksHelp(key) { openHelp(&model, view.showingChain ? .chain : .history, returnTo: .history); return [] }
        let entries = world.history(view.filter)
        let entry = entries.indices.contains(view.selected) ? entries[view.selected] : nil
        /// C and I act on this log's own records only (another kern's log is shown read-only).
        func act(on target: EntryRef?) {
            model.history = view
            guard let target, entry?.source == 0, model.world.domain.stands(target) else {
                model.message = StatusMessage(Text.selectToCorrect.text, isError: true)
                return
            }
            if key == .char("C") { openCorrection(&model, target, model.world, returnTo: .history) }
            else { openWithdrawal(&model, target, model.world, returnTo: .history) }
        }
        if view.showingChain {
            // The chain of one record: ↑↓ choose a step; C and I correct or withdraw the record (on its
            // first step) or the entry of a step that has no id of its own (a status, a triage …).
            let steps = entry.map { HistoryView.chainSteps($0, world) } ?? []
            switch key {
            case .escape, .enter, .char("q"): view.showingChain = false
            case .down, .char("j"): view.chainSelected = min(max(0, steps.count - 1), view.chainSelected + 1)
            case .up, .char("k"): view.chainSelected = max(0, view.chainSelected - 1)
            case .char("C"), .char("I"):
                let step = steps.indices.contains(view.chainSelected) ? steps[view.chainSelected] : nil
                if view.chainSelected == 0 { act(on: entry.flatMap(target(of:))) }
                else if let step, world.domain.fact(seq: step.seq) != nil { act(on: .entry(step.seq)) }
                else { model.history = view; model.message = StatusMessage(Text.selectToCorrect.text, isError: true) }
                return []
            default: break
            }
            model.history = view
            return []
        }
        let page = historyRows(model)
        switch key {
        case .escape, .char("q"), .char("h"):
            // Looking back is for the history and the dashboard: the main screen always shows now.
            model.overlay = nil
            model.past = nil
            return []
        case .char("C"), .char("I"):
            act(on: entry.flatMap(target(of:)))
            return []
        case .char("t"):
            model.history = view
            openLookBack(&model, from: .history)
            return []
        case .down, .char("j"): view.selected += 1
        case .up, .char("k"): view.selected -= 1
        case .pageDown: view.selected += page
        case .pageUp: view.selected -= page
        case .home, .char("g"): view.selected = 0
        case .end, .char("G"): view.selected = entries.count - 1
        case .enter: if !entries.isEmpty { view.showingChain = true; view.chainSelected = 0 }
        case .char("e"):
            model.history = view
            let meeting = entries.indices.contains(view.selected) ? entries[view.selected].meeting : nil
            model.overlay = .form(ExportForm.open(meeting: meeting ?? content(model, world).currentMeeting?.id,
                                                  place: view.filter.place, folder: model.exportFolder))
            return []
        case .char("f"), .char("/"):
            model.history = view
            var form = FormState(purpose: .historyFilter, fields: view.formFields(reference: world.domain.reference))
            if key == .char("/") { form.focus = form.fields.count - 1 }
            model.overlay = .form(form)
            return []
        default: break
        }
        view.selected = max(0, min(view.selected, entries.count - 1))
        // Keep the selected entry on screen; headings take lines too.
        let lines = HistoryView.cachedLines(entries, filter: view.filter, world: world)
        let line = lines.firstIndex(of: .entry(view.selected)) ?? 0
        if line < view.scroll { view.scroll = max(0, line - 1) }
        if line >= view.scroll + page { view.scroll = line - page + 1 }
        model.history = view
        return []
    }
}

// MARK: - Dashboard

extension Reducer {
    /// The places the dashboard cycles through with ←/→: the whole kern (nil), then its wijken.
    static func dashboardPlaces(_ model: AppModel, _ world: World) -> [String?] {
        let kern = model.kern.flatMap { world.domain.reference.kern(named: $0) }
        return [nil] + (kern?.wijken.map(\.name) ?? [])
    }

    /// Opens on the wijk the panes are filtered to, else on the whole kern.
    static func openDashboard(_ model: inout AppModel, _ world: World) {
        let places = dashboardPlaces(model, world)
        let place = model.filter.flatMap { f in places.compactMap { $0 }.first { ReferenceData.matchKey($0) == ReferenceData.matchKey(f) } }
        model.message = nil
        model.overlay = .dashboard(place: place, offset: 0)
    }

    static func handleDashboard(_ model: inout AppModel, _ place: String?, _ offset: Int, _ key: Key, _ world: World) {
        let places = dashboardPlaces(model, world)
        let index = places.firstIndex(of: place) ?? 0
        switch key {
        case .escape, .char("q"), .char("D"): model.overlay = nil; model.past = nil
        case .right, .char("l"), .tab:
            model.overlay = .dashboard(place: places[(index + 1) % places.count], offset: 0)
        case .left, .char("h"), .backTab:
            model.overlay = .dashboard(place: places[(index + places.count - 1) % places.count], offset: 0)
        case .down, .char("j"): model.overlay = .dashboard(place: place, offset: offset + 1)
        case .up, .char("k"): model.overlay = .dashboard(place: place, offset: max(0, offset - 1))
        case .pageDown, .char(" "): model.overlay = .dashboard(place: place, offset: offset + 10)
        case .pageUp: model.overlay = .dashboard(place: place, offset: max(0, offset - 10))
        case .home, .char("g"): model.overlay = .dashboard(place: place, offset: 0)
        default: break
        }
    }
}
