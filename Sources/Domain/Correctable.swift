import Foundation

/// Records whose fields a correction entry may change. A correction names a field (by its command-line
/// name) and the new value as the validator normalised it; the fold applies it here. Personal data
/// (reporter, initiator, contact) is not corrected in the log: it lives in the side store.
public protocol Correctable {
    static var correctableFields: [DraftField] { get }
    /// Applies one corrected field; returns false when the field or value is not acceptable (only in a
    /// hand-made log: corrections are validated before they are written).
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

/// A list of ids as written in a correction (`S-1 S-2`); empty clears it.
private func ids(_ value: String) -> [RecordID]?? {
    let parts = value.split(whereSeparator: { $0 == " " || $0 == "," })
    let parsed = parts.compactMap { RecordID(String($0)) }
    guard parsed.count == parts.count else { return .none }
    return .some(parsed.isEmpty ? nil : parsed)
}

/// A whole number in a range, or nil.
private func number(_ value: String, _ range: ClosedRange<Int>) -> Int? {
    guard let n = Int(value.trimmingCharacters(in: .whitespaces)), range.contains(n) else { return nil }
    return n
}

extension MeetingHeld: Correctable {
    public static let correctableFields: [DraftField] = [.date, .length]
    public mutating func correct(field: String, to value: String, reference: ReferenceData) -> Bool {
        switch DraftField(rawValue: field) {
        case .date?: guard let d = Day(value) else { return false }; date = d
        case .length?: if optional(value) == nil { length = nil } else { guard let n = number(value, 10...600) else { return false }; length = n }
        default: return false
        }
        return true
    }
}

extension AgendaItemAdded: Correctable {
    public static let correctableFields: [DraftField] = [.title, .wijk, .minutes]
    public mutating func correct(field: String, to value: String, reference: ReferenceData) -> Bool {
        switch DraftField(rawValue: field) {
        case .title?: guard let v = optional(value) else { return false }; title = v
        case .wijk?:
            // An item of the whole kern has no wijk: an empty value (or the kern's name) clears it.
            if optional(value) == nil { wijk = nil; return true }
            return setPlace(value, reference, kern: &kern, wijk: &wijk)
        case .minutes?: if optional(value) == nil { minutes = nil } else { guard let m = number(value, 1...600) else { return false }; minutes = m }
        default: return false
        }
        return true
    }
}

extension SignalRecorded: Correctable {
    public static let correctableFields: [DraftField] = [.wijk, .theme, .source, .text, .date, .buurt]
    public mutating func correct(field: String, to value: String, reference: ReferenceData) -> Bool {
        switch DraftField(rawValue: field) {
        case .text?: guard let v = optional(value) else { return false }; text = v
        case .wijk?: return setPlace(value, reference, kern: &kern, wijk: &wijk)
        case .theme?: guard let t = Theme.parse(value) else { return false }; theme = t
        case .source?: guard let s = SignalSource.parse(value) else { return false }; source = s
        case .date?: guard let d = Day(value) else { return false }; date = d
        case .buurt?: buurt = optional(value)
        default: return false
        }
        return true
    }
}

extension ActionRecord: Correctable {
    public static let correctableFields: [DraftField] = [.title, .wijk, .owner, .person, .due, .result, .cost, .wijkbudget, .reason, .inform, .serves]
    public mutating func correct(field: String, to value: String, reference: ReferenceData) -> Bool {
        switch DraftField(rawValue: field) {
        case .title?: guard let v = optional(value) else { return false }; created.title = v
        case .wijk?: return setPlace(value, reference, kern: &created.kern, wijk: &created.wijk)
        case .owner?: guard let o = reference.organisation(named: value) else { return false }; created.owner = o.name
        case .person?: created.person = optional(value)
        case .due?: if optional(value) == nil { created.due = nil } else { guard let d = Day(value) else { return false }; created.due = d }
        case .result?: created.result = optional(value)
        case .cost?: if optional(value) == nil { created.cost = nil } else { guard let m = Money(value), m.cents >= 0 else { return false }; created.cost = m }
        case .inform?: created.inform = optional(value)
        case .wijkbudget?:
            switch optional(value).map({ $0.lowercased() }) {
            case nil, "nee"?: created.wijkbudget = nil
            case "ja"?: created.wijkbudget = true
            default: return false
            }
        case .reason?: created.reason = optional(value)
        case .serves?: guard case .some(let list) = ids(value) else { return false }; created.serves = list
        default: return false
        }
        return true
    }
}

extension DecisionTaken: Correctable {
    public static let correctableFields: [DraftField] = [.wijk, .text, .body, .date]
    public mutating func correct(field: String, to value: String, reference: ReferenceData) -> Bool {
        switch DraftField(rawValue: field) {
        case .text?: guard let v = optional(value) else { return false }; text = v
        case .wijk?: return setPlace(value, reference, kern: &kern, wijk: &wijk)
        case .body?:
            guard let b = optional(value).map({ DecisionBody.parse($0) }) ?? .kernteam else { return false }
            body = b == .kernteam ? nil : b
        case .date?: if optional(value) == nil { date = nil } else { guard let d = Day(value) else { return false }; date = d }
        default: return false
        }
        return true
    }
}

extension PrioritySet: Correctable {
    public static let correctableFields: [DraftField] = [.wijk, .theme, .text, .period, .involvement, .reason]
    public mutating func correct(field: String, to value: String, reference: ReferenceData) -> Bool {
        switch DraftField(rawValue: field) {
        case .text?: guard let v = optional(value) else { return false }; text = v
        case .wijk?: return setPlace(value, reference, kern: &kern, wijk: &wijk)
        case .theme?: guard let t = Theme.parse(value) else { return false }; theme = t
        case .period?: period = optional(value)
        case .involvement?: involvement = optional(value)
        case .reason?: reason = optional(value)
        default: return false
        }
        return true
    }
}

extension InitiativeRecord: Correctable {
    public static let correctableFields: [DraftField] = [.wijk, .text, .date]
    public mutating func correct(field: String, to value: String, reference: ReferenceData) -> Bool {
        switch DraftField(rawValue: field) {
        case .text?: guard let v = optional(value) else { return false }; recorded.text = v
        case .wijk?: return setPlace(value, reference, kern: &recorded.kern, wijk: &recorded.wijk)
        case .date?: guard let d = Day(value) else { return false }; recorded.date = d
        default: return false
        }
        return true
    }
}

extension BudgetAllocated: Correctable {
    public static let correctableFields: [DraftField] = [.wijk, .year, .amount, .decision]
    public mutating func correct(field: String, to value: String, reference: ReferenceData) -> Bool {
        switch DraftField(rawValue: field) {
        case .amount?: guard let m = Money(value), m.cents >= 0 else { return false }; amount = m
        case .wijk?: return setPlace(value, reference, kern: &kern, wijk: &wijk)
        case .year?: guard let y = number(value, 2000...2100) else { return false }; year = y
        case .decision?: if optional(value) == nil { decision = nil } else { guard let id = RecordID(value), id.kind == .decision else { return false }; decision = id }
        default: return false
        }
        return true
    }
}

extension NoteAdded: Correctable {
    public static let correctableFields: [DraftField] = [.text]
    public mutating func correct(field: String, to value: String, reference: ReferenceData) -> Bool {
        guard DraftField(rawValue: field) == .text, let v = optional(value) else { return false }
        text = v
        return true
    }
}

extension ParticipationSet: Correctable {
    public static let correctableFields: [DraftField] = [.wijk, .topic, .work, .phase, .controversial, .level, .reason,
                                                         .representatives, .feedbackPlan]
    public mutating func correct(field: String, to value: String, reference: ReferenceData) -> Bool {
        switch DraftField(rawValue: field) {
        case .topic?: guard let v = optional(value) else { return false }; topic = v
        case .wijk?: return setPlace(value, reference, kern: &kern, wijk: &wijk)
        case .level?: guard let l = ParticipationLevel.parse(value) else { return false }; level = l
        case .work?: if optional(value) == nil { work = nil } else { guard let w = WorkKind.parse(value) else { return false }; work = w }
        case .phase?: if optional(value) == nil { phase = nil } else { guard let p = Phase.parse(value) else { return false }; phase = p }
        case .controversial?:
            switch optional(value)?.lowercased() {
            case nil: controversial = nil
            case "ja"?: controversial = true
            case "nee"?: controversial = false
            default: return false
            }
        case .reason?: reason = optional(value)
        case .representatives?: representatives = optional(value)
        case .feedbackPlan?: feedbackPlan = optional(value)
        default: return false
        }
        // The level's place in the allowed range follows from the corrected fields and the reason.
        if let work, let phase {
            let allowed = ParticipationRules.allowed(work: work, phase: phase, controversial: controversial ?? false)
            override = (allowed?.contains(level) ?? false) ? nil : (reason == nil ? nil : true)
        }
        return true
    }
}

extension PlanRecord: Correctable {
    public static let correctableFields: [DraftField] = [.period, .reason]
    public mutating func correct(field: String, to value: String, reference: ReferenceData) -> Bool {
        switch DraftField(rawValue: field) {
        case .period?: guard let span = YearSpan(value) else { return false }; created.startYear = span.first; created.endYear = span.last
        case .reason?: created.reason = optional(value)
        default: return false
        }
        return true
    }
}
