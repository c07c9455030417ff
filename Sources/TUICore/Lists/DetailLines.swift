import KernteamDomain

/// The label/value lines of a record's detail box, with the helpers every list uses for them.
public struct DetailLines {
    public let world: World
    /// On the projector residents' personal data is hidden unless the chair revealed the record.
    public let hidePersonal: Bool
    public private(set) var lines: [(String, String)]

    init(_ id: RecordID, world: World, hidePersonal: Bool) {
        self.world = world
        self.hidePersonal = hidePersonal
        lines = [(Text.detailID.text, id.description)]
    }

    var domain: KernteamState { world.domain }

    mutating func add(_ label: String, _ value: String) { lines.append((label, value)) }
    mutating func add(_ label: Text, _ value: String) { lines.append((label.text, value)) }

    /// A field's value under its form label, when there is one.
    mutating func opt(_ f: DraftField, _ v: String?) {
        if let v, !v.isEmpty { lines.append((Text.fieldLabel(f).text, v)) }
    }

    /// A resident's name and contact (hidden on the projector, or marked erased).
    mutating func person(_ ref: PersonRef?, label field: DraftField) {
        guard let ref else { return }
        if hidePersonal {
            opt(field, Text.hiddenPerson.text)
        } else if let p = world.persons[ref] {
            opt(field, p.name); opt(.contact, p.contact)
        } else {
            opt(field, Text.personErasedMark.text)
        }
    }

    mutating func feedback(_ id: RecordID) {
        if let f = domain.feedback[id] { add(.detailFeedback, "\(f.date.dutch): \(f.how)") }
    }

    /// When it was recorded, which entries changed it, and why it was withdrawn.
    mutating func history<V>(_ t: Tracked<V>) {
        add(.detailCreated, "#\(t.seq) · \(t.timestamp)")
        if !t.changes.isEmpty { add(.detailChanges, t.changes.map { "#\($0)" }.joined(separator: ", ")) }
        if let r = t.withdrawnReason { add(.detailWithdrawn, r) }
    }
}
