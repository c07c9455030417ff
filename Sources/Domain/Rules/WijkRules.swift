/// The rules for what is recorded about a wijk as a whole: its kind, its budget, its Lemon scores.
/// Each function reads a draft of one kind and returns its event, or nil with the problems noted
/// (see `DraftCheck`).
extension DraftCheck {
    /// A wijk's kind changes by a decision about that wijk or its whole kern; the same kind again is refused.
    mutating func wijkKindEvent() -> Event? {
        let p = place(), k = choice(.kind, WijkKind.self)
        if let p, p.wijk == nil { problems.append(FieldProblem(.wijk, .wijkNotKern(p.kern))) }
        var decision: RecordID?
        if let d = draft[.decision] {
            if let id = RecordID(d), id.kind == .decision, let taken = state.decisions[id], !taken.isWithdrawn {
                if taken.value.kern != p?.kern { problems.append(FieldProblem(.decision, .decisionOtherKern(d))) }
                else if let w = p?.wijk, let other = taken.value.wijk, other != w {
                    problems.append(FieldProblem(.decision, .decisionOtherWijk(id.description, other, w)))
                }
                decision = id
            } else { problems.append(FieldProblem(.decision, .unknownRecord(d))) }
        }
        if let w = p?.wijk, let k, state.kind(ofWijk: w) == k { problems.append(FieldProblem(.kind, .statusUnchanged(k.rawValue))) }
        return (p?.wijk != nil && k != nil && decision != nil) ? .wijkKindChanged(WijkKindChanged(wijk: p!.wijk!, kind: k!, decision: decision!)) : nil
    }

    /// A budget for a place and year: one per place and year, a positive amount.
    mutating func budgetEvent() -> Event? {
        let p = place()
        var year: Int?
        if let y = draft[.year] {
            year = Int(y)
            if year == nil || !(2000...2100).contains(year!) { problems.append(FieldProblem(.year, .badYear(y))); year = nil }
        }
        var amount: Money?
        if let a = draft[.amount] {
            amount = Money(a)
            if amount == nil || amount!.cents <= 0 { problems.append(FieldProblem(.amount, .badAmount(a))); amount = nil }
        }
        // Budgets are allocated by the stuurgroep (beleidsplan 1.2 and 2.1: it decides on the means; the
        // wijkmanager manages and accounts for them).
        let decision = decision(.decision, by: .stuurgroep, kern: p?.kern)
        if let p, let year, state.budgets.items.contains(where: { !$0.isWithdrawn && $0.value.kern == p.kern && $0.value.wijk == p.wijk && $0.value.year == year }) {
            problems.append(FieldProblem(.year, .budgetExists(p.label, year)))
        }
        // All budgets of a year together stay within what the municipality makes available (2.3).
        if let year, let amount {
            let allocated = state.allocated(year: year)
            if allocated.cents + amount.cents > settings.wijkbudgetCeiling.cents {
                problems.append(FieldProblem(.amount, .plan(.ceilingExceeded(year: year, allocated: allocated.dutch,
                                                                             ceiling: settings.wijkbudgetCeiling.dutch))))
            }
        }
        return (p != nil && year != nil && amount != nil)
            ? .budgetAllocated(BudgetAllocated(id: state.nextID(.budget), kern: p!.kern, wijk: p!.wijk, year: year!, amount: amount!, decision: decision))
            : nil
    }

    /// A Lemon score (1 to 10, two decimals) for a place, theme and year. A second score for the same
    /// place, theme and year corrects the first, and only with a reason.
    mutating func lemonEvent() -> Event? {
        let p = place(), theme = choice(.theme, Theme.self)
        var year: Int?
        if let y = draft[.year] {
            year = Int(y)
            if year == nil || !(1990...2100).contains(year!) { problems.append(FieldProblem(.year, .badYear(y))); year = nil }
        }
        var score: Int?
        if let s = draft[.score] {
            // Lemon scores run from 1 to 10 with up to two decimals: 7,25 or 7.25.
            if let v = LemonScored.parseScore(s) { score = v }
            else { problems.append(FieldProblem(.score, .badScore(s))) }
        }
        guard let p, let theme, let year, let score else { return nil }
        let scored = LemonScored(kern: p.kern, wijk: p.wijk, theme: theme, year: year, score: score)
        guard let earlier = state.lemonRecords.first(where: { !$0.isWithdrawn && $0.value.sameSubject(as: scored) }) else {
            return .lemonScored(scored)
        }
        if draft[.reason] == nil {
            problems.append(FieldProblem(.reason, .lemonExists(p.label, theme.rawValue, year, earlier.value.scoreText)))
        } else if earlier.value.score == score {
            problems.append(FieldProblem(.score, .statusUnchanged(scored.scoreText)))
        }
        return .entryCorrected(EntryCorrected(target: .entry(earlier.seq), fields: [DraftField.score.rawValue: scored.scoreText],
                                              reason: draft[.reason]))
    }
}
