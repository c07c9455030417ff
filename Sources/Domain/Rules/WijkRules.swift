/// The rules for what is recorded about a wijk as a whole: its kind, its budget, its Lemon scores.
/// Each function reads a draft of one kind and returns its event, or nil with the problems noted
/// (see `DraftCheck`).
extension DraftCheck {
    /// A wijk's kind changes by a decision of the same kern; the same kind again is refused.
    mutating func wijkKindEvent() -> Event? {
        let p = place(), k = choice(.kind, WijkKind.self)
        if let p, p.wijk == nil { problems.append(FieldProblem(.wijk, .wijkNotKern(p.kern))) }
        var decision: RecordID?
        if let d = draft[.decision] {
            if let id = RecordID(d), id.kind == .decision, let taken = state.decisions[id], !taken.isWithdrawn {
                if taken.value.kern != p?.kern { problems.append(FieldProblem(.decision, .decisionOtherKern(d))) }
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
        var decision: RecordID?
        if let d = draft[.decision] {
            if let id = RecordID(d), id.kind == .decision, state.decisions.contains(id) { decision = id }
            else { problems.append(FieldProblem(.decision, .unknownRecord(d))) }
        }
        if let p, let year, state.budgets.items.contains(where: { !$0.isWithdrawn && $0.value.kern == p.kern && $0.value.wijk == p.wijk && $0.value.year == year }) {
            problems.append(FieldProblem(.year, .budgetExists(p.label, year)))
        }
        return (p != nil && year != nil && amount != nil)
            ? .budgetAllocated(BudgetAllocated(id: state.nextID(.budget), kern: p!.kern, wijk: p!.wijk, year: year!, amount: amount!, decision: decision))
            : nil
    }

    /// A Lemon score (1 to 10, two decimals) for a place, theme and year.
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
            if let m = Money(s), m.cents >= 100, m.cents <= 1000 { score = m.cents }
            else { problems.append(FieldProblem(.score, .badScore(s))) }
        }
        return (p != nil && theme != nil && year != nil && score != nil)
            ? .lemonScored(LemonScored(kern: p!.kern, wijk: p!.wijk, theme: theme!, year: year!, score: score!)) : nil
    }
}
