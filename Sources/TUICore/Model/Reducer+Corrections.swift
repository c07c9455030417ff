import Foundation
import KernteamDomain

/// Correcting, withdrawing and undoing from the keys, and looking back in the history and dashboard.
/// A correction opens the record's own form filled in with what stands now and saves only what changed;
/// a withdrawal asks a reason and then a confirmation; `u` takes back the last entry of this window.
extension Reducer {
    /// The correction form of a record or entry, or a message saying why there is none.
    static func openCorrection(_ model: inout AppModel, _ target: EntryRef, _ world: World, returnTo: Overlay? = nil) {
        guard world.domain.stands(target), let (kind, current) = world.domain.currentDraft(of: target) else {
            model.message = StatusMessage(Text.selectToCorrect.text, isError: true)
            return
        }
        let correctable = world.domain.correctableFields(of: target)
        openForm(&model, kind, world, prefill: current.values)
        guard case .form(var form) = model.overlay else { return }
        // The record's own fields that may change, then why.
        form.fields = form.fields.filter { correctable.contains($0.field) }
        for i in form.fields.indices {
            let value = current.values[form.fields[i].field] ?? ""
            form.fields[i].value = value
            form.fields[i].cursor = value.count
            // An optional choice can be emptied; a required one keeps its options.
            if var options = form.fields[i].options, !options.contains(value) { options.append(value); form.fields[i].options = options }
        }
        form.fields.append(FormField(field: .correctionReason, required: false))
        form.original = Dictionary(uniqueKeysWithValues: form.fields.map { ($0.field, current.values[$0.field] ?? "") })
        form.arrive(at: 0)
        form.purpose = .correct(target, kind)
        form.target = nil
        form.meeting = nil
        form.note = summary(target, world)
        model.overlay = .form(form)
        model.formReturn = returnTo
    }

    /// The withdrawal form: a reason, then a confirmation.
    static func openWithdrawal(_ model: inout AppModel, _ target: EntryRef, _ world: World, returnTo: Overlay? = nil) {
        guard world.domain.stands(target) else {
            model.message = StatusMessage(Text.selectToCorrect.text, isError: true)
            return
        }
        var form = FormState(purpose: .withdraw(target), fields: [FormField(field: .reason, required: true)])
        form.note = summary(target, world)
        model.overlay = .form(form)
        model.formReturn = returnTo
        model.message = nil
    }

    /// "A-3 · Drempels plaatsen", or "#39 · → kernteam (S-4)" for an entry without an id.
    static func summary(_ target: EntryRef, _ world: World) -> String {
        switch target {
        case .record(let id):
            let title = DetailFields.summary(id, world: world)
            return "\(id)" + (title.isEmpty ? "" : " · " + title)
        case .entry(let seq):
            guard let fact = world.domain.fact(seq: seq) else { return target.description }
            return world.domain.changeText(fact) + (fact.event.factSubject.map { " (\($0))" } ?? "")
        }
    }

    /// A correction, withdrawal or look-back form was submitted: the effect, or the form again with why not.
    static func submitCorrectionForm(_ model: inout AppModel, _ form: FormState) -> [Effect] {
        var form = form
        switch form.purpose {
        case .correct(let target, _):
            let changes = form.changes
            guard !changes.values.isEmpty else {
                form.failure = Text.nothingChanged.text
                model.overlay = .form(form)
                return []
            }
            let reason = form.fields.first { $0.field == .correctionReason }?.value.trimmingCharacters(in: .whitespaces)
            return [.session(.correct(target, changes, reason: reason?.isEmpty == false ? reason : nil))]
        case .withdraw(let target):
            guard let reason = form.draft[.reason] else {
                form.show(Refusal(.reason, .reasonRequiredToWithdraw))
                model.overlay = .form(form)
                return []
            }
            let question = Text.confirmWithdraw(form.note ?? target.description).text
            model.overlay = .confirm(Confirmation(question, onYes: [.session(.withdraw(target, reason: reason))], onNo: .form(form)))
            return []
        case .lookBack:
            let text = form.draft[.date]
            guard let text else { return [.session(.lookBack(nil))] }
            guard let day = Day(text) else {
                form.show(Refusal(.date, .badDate(text)))
                model.overlay = .form(form)
                return []
            }
            return [.session(.lookBack(day))]
        default:
            return []
        }
    }

    /// `u`: asks before taking back the last entry of this window.
    static func askUndo(_ model: inout AppModel) {
        guard let undo = model.undo else {
            model.message = StatusMessage(Text.nothingToUndo.text, isError: true)
            return
        }
        model.overlay = .confirm(Confirmation(Text.confirmUndo(undo.label).text, onYes: [undo.effect], onNo: model.overlay))
    }

    /// j runs what was asked about, n (or Esc) goes back.
    static func handleConfirm(_ model: inout AppModel, _ confirmation: Confirmation, _ key: Key) -> [Effect] {
        switch key {
        case .char("j"), .char("J"), .char("y"), .char("Y"):
            model.overlay = model.formReturn
            model.formReturn = nil
            if confirmation.onYes.contains(.quit) { model.quit = true }
            return confirmation.onYes
        case .char("n"), .char("N"), .escape, .char("q"):
            model.overlay = confirmation.onNo
            return []
        default:
            return []
        }
    }

    /// The look-back form (from the history or the dashboard, which it returns to).
    static func openLookBack(_ model: inout AppModel, from overlay: Overlay) {
        let field = FormField(field: .date, value: model.past?.day.description ?? "", required: false, hint: Text.lookBackHint.text)
        model.overlay = .form(FormState(purpose: .lookBack, fields: [field]))
        model.formReturn = overlay
    }

    /// What `u` will undo after this answer of the session: a new record or fact is withdrawn, a
    /// correction corrected back (with the values of `before`). A withdrawal, or an undo itself, leaves
    /// nothing to undo; a refusal keeps what there was.
    static func undoStep(after reply: SessionReply, before: KernteamState, current: UndoStep?) -> UndoStep? {
        let undone = Text.undoneReason.nl
        let logged: LoggedEvent
        switch reply {
        case .recorded(.success(let l), _): logged = l
        case .meetingPrepared(.success(let r)): logged = r.meeting
        case .recorded(.failure, _), .meetingPrepared(.failure): return current
        default: return current
        }
        if let id = logged.event.createdID {
            return UndoStep(label: id.description, effect: .session(.withdraw(.record(id), reason: undone)))
        }
        switch logged.event {
        case .entryCorrected(let c) where c.reason != undone:
            guard let previous = before.currentDraft(of: c.target)?.draft else { return nil }
            var back = Draft()
            for key in c.fields.keys { if let field = DraftField(rawValue: key) { back.values[field] = previous.values[field] ?? "" } }
            return UndoStep(label: c.target.description, effect: .session(.correct(c.target, back, reason: undone)))
        case let event where event.isFact:
            return UndoStep(label: "#\(logged.seq)", effect: .session(.withdraw(.entry(logged.seq), reason: undone)))
        default:
            return nil
        }
    }

    /// The message after a correction or withdrawal was saved.
    static func correctionMessage(_ event: Event) -> String? {
        switch event {
        case .entryCorrected(let c) where c.reason == Text.undoneReason.nl: Text.undone(c.target.description).text
        case .entryWithdrawn(let w) where w.reason == Text.undoneReason.nl: Text.undone(w.target.description).text
        case .entryCorrected(let c):
            Text.savedCorrection(c.target.description, c.fields.keys.sorted().map { KernteamState.fieldName($0) }).text
        case .entryWithdrawn(let w): Text.savedWithdrawal(w.target.description).text
        default: nil
        }
    }

    /// The record or entry a history entry stands for (a Lemon score or wijk kind has no id of its own).
    static func target(of entry: HistoryEntry) -> EntryRef? {
        if let id = entry.id { return .record(id) }
        return entry.kind == .lemon ? .entry(entry.seq) : nil
    }

    /// The answer to a look back: the history and dashboard show that day, or now again.
    static func finishLookBack(_ model: inout AppModel, _ result: Result<PastState?, RecordFailureInfo>) {
        switch result {
        case .success(let past?):
            var world = World(domain: past.state, today: past.day, persons: model.world.persons, settings: model.world.settings,
                              now: model.world.now)
            world.otherLogs = []
            model.past = PastWorld(day: past.day, world: world)
            model.message = StatusMessage(Text.standPer(past.day.shown).text)
        case .success(nil):
            model.past = nil
        case .failure(let f):
            model.message = StatusMessage(f.lines.joined(separator: "; "), isError: true)
        }
        if let back = model.formReturn {
            model.overlay = back
            model.formReturn = nil
        }
        if case .history? = model.overlay, var view = model.history {
            view.selected = 0
            view.scroll = 0
            model.history = view
        }
    }

    /// The notes of the item under discussion: one line at a time, each saved with Enter as the
    /// discussion goes on; the form stays open for the next line and shows the last ones above it.
    static func openNotes(_ model: inout AppModel, item: RecordID, _ world: World) {
        var form = FormState(kind: .note, fields: [FormField(field: .text, required: true)], target: item)
        let title = world.domain.agenda[item]?.value.title ?? ""
        let notes = world.domain.notes.items.filter { $0.value.item == item && !$0.isWithdrawn }.map(\.value.text)
        form.note = "\(item) · \(title)" + (notes.isEmpty ? "" : " — " + Text.notesSoFar(notes.count, notes.last!).text)
        model.overlay = .form(form)
    }
}
