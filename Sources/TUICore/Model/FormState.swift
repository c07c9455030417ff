import KernteamDomain

/// One field of an open form: free text with a cursor, or a choice from a list.
public struct FormField: Hashable, Sendable {
    public var field: DraftField
    public var value: String
    /// Cursor position in characters (graphemes) for text fields.
    public var cursor: Int
    /// The allowed values for a choice field; nil for free text. "" means none chosen.
    public var options: [String]?
    public var required: Bool
    public var error: String?
    /// Shown greyed in an empty text field (e.g. "leeg = vandaag").
    public var hint: String?
    /// The whole value is marked, as when the cursor arrives at a filled-in text field: a typed
    /// character or a paste replaces it, an editing key (arrows, Home, End, Backspace …) edits it.
    public var marked = false

    public init(field: DraftField, value: String = "", options: [String]? = nil, required: Bool, hint: String? = nil) {
        self.field = field
        self.value = value
        self.cursor = value.count
        self.options = options
        self.required = required
        self.hint = hint
    }

    public var isChoice: Bool { options != nil }
}

/// What a form is for: a record for the log, or one of the screens' own forms that record nothing.
public enum FormPurpose: Hashable, Sendable {
    case record(DraftKind)
    /// The filter of the history view.
    case historyFilter
    /// A document to write from the history view.
    case export
    /// A correction of a record or an entry: the form of its kind, filled in with what stands now.
    case correct(EntryRef, DraftKind)
    /// A withdrawal: the reason, then a confirmation.
    case withdraw(EntryRef)
    /// The day to look back to in the history and the dashboard.
    case lookBack

    public var title: Text {
        switch self {
        case .record(let kind): .formTitle(kind)
        case .historyFilter: .historyFilterTitle
        case .export: .exportFormTitle
        case .correct(let target, _): .formCorrectTitle(target.description)
        case .withdraw(let target): .formWithdrawTitle(target.description)
        case .lookBack: .formLookBackTitle
        }
    }
}

/// An open form: what it is for, its fields, which field has focus.
public struct FormState: Hashable, Sendable {
    public var purpose: FormPurpose
    /// The kind of record the form makes (nil for the history filter and export forms).
    public var kind: DraftKind? {
        if case .record(let kind) = purpose { return kind }
        return nil
    }
    public var fields: [FormField]
    public var focus = 0
    /// The record a status change applies to.
    public var target: RecordID?
    /// The meeting new records are linked to.
    public var meeting: RecordID?
    /// True once the user typed or chose anything.
    public var dirty = false
    /// Letters typed in a choice field, to jump to the first option that starts with them.
    public var typeahead = ""
    /// A save failure that is not about one field (disk full, lock, read-only).
    public var failure: String?
    /// Values the form carries without showing them as fields (e.g. which proposal it decides).
    public var extra: [DraftField: String] = [:]
    /// A line shown above the fields (e.g. the allowed participation range).
    public var note: String?
    /// For a correction: the values the fields started with, to save only what changed.
    public var original: [DraftField: String] = [:]
    /// For the export form: what the document is about (its file name follows it).
    public var exportSubject: ExportSubject?

    /// For a correction: the fields whose value differs from what stands now (an emptied field clears it).
    public var changes: Draft {
        var d = Draft()
        for f in fields where f.field != .correctionReason && f.value != (original[f.field] ?? "") { d.values[f.field] = f.value }
        return d
    }

    public init(kind: DraftKind, fields: [FormField], target: RecordID? = nil, meeting: RecordID? = nil) {
        self.init(purpose: .record(kind), fields: fields, target: target, meeting: meeting)
    }

    public init(purpose: FormPurpose, fields: [FormField], target: RecordID? = nil, meeting: RecordID? = nil) {
        self.purpose = purpose
        self.fields = fields
        self.target = target
        self.meeting = meeting
    }

    /// What the user typed, as a draft for the validator.
    public var draft: Draft {
        var d = Draft(extra)
        for f in fields where !f.value.isEmpty { d[f.field] = f.value }
        return d
    }

    // MARK: - Editing

    public enum Outcome { case editing, submit, cancel }

    /// Applies one key. Returns whether the form should be submitted or cancelled.
    public mutating func handle(_ key: Key) -> Outcome {
        switch key {
        case .enter, .ctrl("s"): return .submit
        case .escape: return .cancel
        case .tab, .down: arrive(at: (focus + 1) % fields.count)
        case .backTab, .up: arrive(at: (focus + fields.count - 1) % fields.count)
        default:
            if fields[focus].isChoice { editChoice(key) } else { editText(key) }
        }
        return .editing
    }

    /// Moves the cursor to a field; a filled-in text field arrives with its value marked.
    public mutating func arrive(at index: Int) {
        guard fields.indices.contains(index) else { return }
        for i in fields.indices { fields[i].marked = false }
        focus = index
        typeahead = ""
        if !fields[index].isChoice && !fields[index].value.isEmpty {
            fields[index].marked = true
            fields[index].cursor = fields[index].value.count
        }
    }

    /// Where the cursor starts: the first required field still empty (what the program could fill in,
    /// it did), else the first field.
    public var firstToFill: Int {
        fields.firstIndex { $0.required && $0.value.isEmpty } ?? 0
    }

    private mutating func editChoice(_ key: Key) {
        var f = fields[focus]
        let options = f.options ?? []
        guard !options.isEmpty else { return }
        let current = options.firstIndex(of: f.value) ?? 0
        switch key {
        case .right, .char(" "): f.value = options[(current + 1) % options.count]; typeahead = ""
        case .left: f.value = options[(current + options.count - 1) % options.count]; typeahead = ""
        case .home: f.value = options[0]
        case .end: f.value = options[options.count - 1]
        case .backspace: typeahead = String(typeahead.dropLast())
        case .char(let c):
            let wanted = (typeahead + String(c)).lowercased()
            if let match = options.first(where: { $0.lowercased().hasPrefix(wanted) }) {
                typeahead = wanted
                f.value = match
            } else if let match = options.first(where: { $0.lowercased().hasPrefix(String(c).lowercased()) }) {
                typeahead = String(c).lowercased()
                f.value = match
            } else if let match = options.first(where: { $0.lowercased().contains(wanted) }) {
                typeahead = wanted
                f.value = match
            }
        default: return
        }
        f.error = nil
        fields[focus] = f
        dirty = true
    }

    private mutating func editText(_ key: Key) {
        var f = fields[focus]
        var line = LineEditor(value: f.value, cursor: f.cursor, marked: f.marked)
        let edited = line.handle(key)
        f.marked = line.marked
        if edited {
            f.value = line.value
            f.cursor = line.cursor
            f.error = nil
            dirty = true
        }
        fields[focus] = f
    }

    /// Pasted text as one line (see `LineEditor.oneLine`).
    static func oneLine(_ text: String) -> [Character] { LineEditor.oneLine(text) }

    /// Marks the refused fields with their messages and moves the cursor to the field the first message
    /// asks to fill in (its own, or the one that resolves it), with its value marked so what is typed
    /// next replaces it.
    public mutating func show(_ refusal: Refusal) {
        for i in fields.indices { fields[i].error = nil }
        failure = nil
        var first: Int?
        for p in refusal.problems {
            if let i = fields.firstIndex(where: { $0.field == p.field }) {
                fields[i].error = fields[i].error.map { $0 + "; " + p.message.text } ?? p.message.text
                let target = p.fix.flatMap { fix in fields.firstIndex { $0.field == fix } } ?? i
                first = first.map { min($0, target) } ?? target
            } else {
                failure = (failure.map { $0 + "; " } ?? "") + "\(Text.fieldLabel(p.field).text): \(p.message.text)"
            }
        }
        if let first { arrive(at: first) }
    }
}
