/// Records whose fields a correction entry may change. A correction names a field and the new
/// value as the user typed it; the same parsing as for a new record applies.
public protocol Correctable {
    static var correctableFields: [String] { get }
    /// Applies one corrected field; returns false when the field or value is not acceptable.
    mutating func correct(field: String, to value: String, reference: ReferenceData) -> Bool
}

private func optional(_ s: String) -> String? {
    let t = s.trimmingCharacters(in: .whitespacesAndNewlines)
    return t.isEmpty ? nil : t
}

private func setPlace(_ value: String, _ reference: ReferenceData, kern: inout String, wijk: inout String?) -> Bool {
    guard let place = reference.place(named: value) else { return false }
    kern = place.kern
    wijk = place.wijk
    return true
}

import Foundation

extension MeetingHeld: Correctable {
    public static let correctableFields = ["date"]
    public mutating func correct(field: String, to value: String, reference: ReferenceData) -> Bool {
        guard field == "date", let d = Day(value) else { return false }
        date = d
        return true
    }
}

extension AgendaItemAdded: Correctable {
    public static let correctableFields = ["title", "wijk", "minutes"]
    public mutating func correct(field: String, to value: String, reference: ReferenceData) -> Bool {
        switch field {
        case "title": guard let v = optional(value) else { return false }; title = v
        case "wijk": return setPlace(value, reference, kern: &kern, wijk: &wijk)
        case "minutes": guard let m = Int(value), m > 0 else { return false }; minutes = m
        default: return false
        }
        return true
    }
}

extension SignalRecorded: Correctable {
    public static let correctableFields = ["text", "wijk", "theme", "source", "date", "buurt"]
    public mutating func correct(field: String, to value: String, reference: ReferenceData) -> Bool {
        switch field {
        case "text": guard let v = optional(value) else { return false }; text = v
        case "wijk": return setPlace(value, reference, kern: &kern, wijk: &wijk)
        case "theme": guard let t = Theme.parse(value) else { return false }; theme = t
        case "source": guard let s = SignalSource.parse(value) else { return false }; source = s
        case "date": guard let d = Day(value) else { return false }; date = d
        case "buurt": buurt = optional(value)
        default: return false
        }
        return true
    }
}

extension ActionRecord: Correctable {
    public static let correctableFields = ["title", "wijk", "owner", "person", "due", "result", "cost", "inform"]
    public mutating func correct(field: String, to value: String, reference: ReferenceData) -> Bool {
        switch field {
        case "title": guard let v = optional(value) else { return false }; created.title = v
        case "wijk": return setPlace(value, reference, kern: &created.kern, wijk: &created.wijk)
        case "owner": guard let o = reference.organisation(named: value) else { return false }; created.owner = o.name
        case "person": created.person = optional(value)
        case "due": guard let d = Day(value) else { return false }; created.due = d
        case "result": created.result = optional(value)
        case "cost": guard let m = Money(value) else { return false }; created.cost = m
        case "inform": created.inform = optional(value)
        default: return false
        }
        return true
    }
}

extension DecisionTaken: Correctable {
    public static let correctableFields = ["text", "wijk"]
    public mutating func correct(field: String, to value: String, reference: ReferenceData) -> Bool {
        switch field {
        case "text": guard let v = optional(value) else { return false }; text = v
        case "wijk": return setPlace(value, reference, kern: &kern, wijk: &wijk)
        default: return false
        }
        return true
    }
}

extension PrioritySet: Correctable {
    public static let correctableFields = ["text", "theme", "period"]
    public mutating func correct(field: String, to value: String, reference: ReferenceData) -> Bool {
        switch field {
        case "text": guard let v = optional(value) else { return false }; text = v
        case "theme": guard let t = Theme.parse(value) else { return false }; theme = t
        case "period": period = optional(value)
        default: return false
        }
        return true
    }
}

extension InitiativeRecord: Correctable {
    public static let correctableFields = ["text", "wijk", "date"]
    public mutating func correct(field: String, to value: String, reference: ReferenceData) -> Bool {
        switch field {
        case "text": guard let v = optional(value) else { return false }; recorded.text = v
        case "wijk": return setPlace(value, reference, kern: &recorded.kern, wijk: &recorded.wijk)
        case "date": guard let d = Day(value) else { return false }; recorded.date = d
        default: return false
        }
        return true
    }
}

extension BudgetAllocated: Correctable {
    public static let correctableFields = ["amount"]
    public mutating func correct(field: String, to value: String, reference: ReferenceData) -> Bool {
        guard field == "amount", let m = Money(value), m.cents >= 0 else { return false }
        amount = m
        return true
    }
}

extension ParticipationSet: Correctable {
    public static let correctableFields = ["topic", "level"]
    public mutating func correct(field: String, to value: String, reference: ReferenceData) -> Bool {
        switch field {
        case "topic": guard let v = optional(value) else { return false }; topic = v
        case "level": guard let l = ParticipationLevel.parse(value) else { return false }; level = l
        default: return false
        }
        return true
    }
}
