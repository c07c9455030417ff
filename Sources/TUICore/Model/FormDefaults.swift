import KernteamDomain

/// What a new record's form can know without being told: during an agenda item its wijk and the
/// records the item is about, and the record selected where the form was opened from. The form shows
/// these filled in (typing replaces them); the link to the meeting and the item is made by the rules
/// when the record is saved.
struct FormDefaults {
    /// The meeting new records belong to (not a closed one), and the item under discussion in it.
    let meeting: MeetingHeld?
    let item: AgendaItemAdded?

    init(_ model: AppModel, _ world: World) {
        let working = PaneContent(world, kern: model.kern, filter: nil).currentMeeting
        meeting = working
        item = working.flatMap { world.domain.currentItem($0.id) }
    }

    /// Kinds of record that take the wijk of the item under discussion.
    static let takeItemWijk: Set<DraftKind> = [.signal, .action, .decision, .participation, .initiative]

    /// Values filled in for a new record of `kind`: the item's wijk, and for an action the record it
    /// serves (`serves`: the selected signal or initiative, else what the item is about).
    func values(for kind: DraftKind, serves: RecordID?) -> [DraftField: String] {
        var out: [DraftField: String] = [:]
        if Self.takeItemWijk.contains(kind), let wijk = item?.wijk { out[.wijk] = wijk }
        if kind == .action {
            let about = item?.source.flatMap { [.signal, .initiative, .decision, .priority].contains($0.kind) ? $0 : nil }
            if let id = serves ?? about { out[.serves] = id.description }
        }
        return out
    }

    /// The line above a new record's form while an item is discussed: which item it will belong to.
    func note(for kind: DraftKind) -> String? {
        guard let item, Self.takeItemWijk.contains(kind) else { return nil }
        return Text.formDuringItem(item.id.description, item.title).text
    }
}

extension Reducer {
    /// What a new action opened with `n` is for: the signal or initiative selected in the pane the
    /// user just came from (Signals → `3` → `n`), else the decision this window just recorded; nil
    /// leaves it to what the agenda item is about. The form shows it filled in, so typing replaces it.
    static func servedByNewAction(_ model: AppModel, _ world: World) -> RecordID? {
        if let pane = model.previousFocus {
            let list = model.list(pane)
            if let id = selectedID(model, list, content(model, world)), [.signal, .initiative, .decision].contains(id.kind) { return id }
        }
        if let last = model.lastCreated, last.kind == .decision, world.domain.decisions[last] != nil { return last }
        return nil
    }
}
