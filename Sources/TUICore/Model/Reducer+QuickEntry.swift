import KernteamDomain

/// The quick-entry line: `:` opens it at the bottom; Enter reads it, asks what is ambiguous, shows what
/// will be saved; a second Enter saves through the same session command as a form; Esc goes back a
/// step (from the question or the preview to the line, from the line to the main screen, keeping the
/// text for the next `:`).
extension Reducer {
    static func openQuickEntry(_ model: inout AppModel) {
        model.overlay = .quickEntry(QuickLine(model.quickKept ?? ""))
        model.message = nil
    }

    /// What the line needs to know: the screen's kern and the wijk of the item under discussion.
    static func quickContext(_ model: AppModel, _ world: World) -> QuickEntry.Context {
        QuickEntry.Context(reference: world.domain.reference, kern: model.kern, defaultWijk: FormDefaults(model, world).item?.wijk)
    }

    static func handleQuickEntry(_ model: inout AppModel, _ current: QuickLine, _ key: Key, _ world: World) -> [Effect] {
        var q = current
        if key == .ctrl("c") || key == .ctrl("q") {
            if q.line.value.isEmpty { model.quit = true; return [.quit] }
            model.overlay = .confirm(Confirmation(Text.confirmQuitLine.text, onYes: [.quit], onNo: .quickEntry(q)))
            return []
        }
        if case .mouse = key { return [] }
        switch q.stage {
        case .typing:
            switch key {
            case .escape:
                model.quickKept = q.line.value.isEmpty ? nil : q.line.value
                model.overlay = nil
                return []
            case .enter:
                read(&q, model, world)
            case .tab:
                complete(&q, model, world)
            default:
                if q.line.handle(key) { q.problem = [] }
            }
        case .asking(let ambiguity, let choice):
            switch key {
            case .escape: q.stage = .typing
            case .up, .char("k"): q.stage = .asking(ambiguity, choice: max(0, choice - 1))
            case .down, .char("j"): q.stage = .asking(ambiguity, choice: min(ambiguity.options.count - 1, choice + 1))
            case .enter: choose(&q, ambiguity, choice, model, world)
            case .char(let c):
                if let n = c.wholeNumberValue, n >= 1, n <= ambiguity.options.count { choose(&q, ambiguity, n - 1, model, world) }
            default: break
            }
        case .preview(let kind, let draft, let meeting):
            switch key {
            case .enter:
                model.overlay = .quickEntry(q)
                return [.session(.record(kind, draft, meeting: meeting, target: nil))]
            case .escape:
                q.stage = .typing
            default:
                // Typing again means changing the line.
                if q.line.handle(key) { q.stage = .typing; q.problem = [] }
            }
        }
        model.overlay = .quickEntry(q)
        return []
    }

    /// Enter on the line: what is missing or unknown, a question, or what will be saved.
    static func read(_ q: inout QuickLine, _ model: AppModel, _ world: World) {
        let known = FormDefaults(model, world)
        switch QuickEntry.parse(q.line.value, quickContext(model, world), today: world.today) {
        case .problem(let text):
            q.problem = [text.text]
        case .ambiguous(let a):
            q.problem = []
            q.stage = .asking(a, choice: 0)
        case .entry(let kind, var draft):
            // What the form would fill in and the line did not say (an action serves what the item is about).
            for (field, value) in known.values(for: kind, serves: nil) where draft[field] == nil { draft[field] = value }
            let meeting = known.meeting.flatMap { world.domain.phase(of: $0.id) == .closed ? nil : $0.id }
            switch Validator(state: world.domain, today: world.today, settings: world.settings).validate(kind, draft, meeting: meeting) {
            case .failure(let refusal):
                q.problem = refusal.lines
            case .success:
                q.problem = []
                q.stage = .preview(kind, draft, meeting: meeting)
            }
        }
    }

    /// The name chosen for an ambiguous start replaces it in the line, which is read again.
    static func choose(_ q: inout QuickLine, _ a: QuickEntry.Ambiguity, _ index: Int, _ model: AppModel, _ world: World) {
        var chars = Array(q.line.value)
        guard a.range.upperBound <= chars.count else { q.stage = .typing; return }
        chars.replaceSubrange(a.range, with: Array(a.options[index]))
        q.line = LineEditor(value: String(chars))
        q.stage = .typing
        read(&q, model, world)
    }

    /// Tab: the word being typed becomes the one name that fits it.
    static func complete(_ q: inout QuickLine, _ model: AppModel, _ world: World) {
        guard let (_, options) = QuickEntry.suggestions(q.line.value, quickContext(model, world), today: world.today),
              options.count == 1, !q.line.value.hasSuffix(" ") else { return }
        var text = q.line.value
        while let last = text.last, last != " " { text.removeLast() }
        q.line = LineEditor(value: text + options[0] + " ")
        q.problem = []
    }
}
