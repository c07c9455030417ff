/// The wijkbudget (beleidsplan 1.2: "(kleine) budgetten ... voor extra dingen die niet te veel geld kosten,
/// maar waarvoor in de reguliere budgetten niet direct geld beschikbaar is"; the wijkmanager manages it and
/// accounts for it to the kernteam and the stuurgroep). Only an action that says so is charged to it.

/// One action's cost charged to a budget, in the order the charges were recorded.
public struct BudgetCharge: Hashable, Sendable {
    public var action: RecordID
    public var title: String
    public var cost: Money
    /// Why the action was charged although it overspent what remained (a deliberate overspend).
    public var reason: String?
    /// This charge took the budget below zero.
    public var overspends: Bool
}

/// A budget with what was charged to it.
public struct BudgetStatus: Hashable, Sendable {
    public var budget: BudgetAllocated
    /// Actions whose cost is charged to this budget, with their cost, in the order they were recorded.
    public var spending: [BudgetCharge]
    public var spent: Money { Money.sum(spending.map(\.cost)) }
    public var remaining: Money { budget.amount.subtracting(spent) }
    public var isOver: Bool { remaining.cents < 0 }
}

extension KernteamState {
    /// The year an action's cost falls in: its due date, else the year it was recorded.
    func costYear(_ t: Tracked<ActionRecord>) -> Int {
        t.value.created.due?.year ?? Int(t.timestamp.prefix(4)) ?? 0
    }

    /// The standing budget a charge for `kern`/`wijk` in `year` goes to: the wijk's own, else the kern's.
    public func budgetFor(kern: String, wijk: String?, year: Int) -> BudgetAllocated? {
        let standing = budgets.items.lazy.filter { !$0.isWithdrawn }.map(\.value)
        return standing.first { $0.year == year && $0.kern == kern && $0.wijk != nil && $0.wijk == wijk }
            ?? standing.first { $0.year == year && $0.kern == kern && $0.wijk == nil }
    }

    /// Every standing budget with the actions charged to it. An action's cost is charged only when the
    /// action says so (`wijkbudget`), to the budget of its own wijk for the year of its due date (else of
    /// its recording), or the kern's when the wijk has none. Dropped and withdrawn actions cost nothing.
    public func budgetStatuses() -> [BudgetStatus] {
        let standing = budgets.items.filter { !$0.isWithdrawn }.map(\.value)
        var statuses = standing.map { BudgetStatus(budget: $0, spending: []) }
        for t in actions.items where !t.isWithdrawn && t.value.status != .vervallen && t.value.created.charged {
            guard let cost = t.value.created.cost, cost.cents > 0 else { continue }
            let a = t.value.created
            guard let budget = budgetFor(kern: a.kern, wijk: a.wijk, year: costYear(t)),
                  let index = statuses.firstIndex(where: { $0.budget.id == budget.id }) else { continue }
            let before = statuses[index].remaining.cents
            statuses[index].spending.append(BudgetCharge(action: a.id, title: a.title, cost: cost, reason: a.reason,
                                                         overspends: cost.cents > before))   // no arithmetic: amounts may be huge
        }
        return statuses.sorted { ($0.budget.year, $0.budget.kern, $0.budget.wijk ?? "") < ($1.budget.year, $1.budget.kern, $1.budget.wijk ?? "") }
    }

    /// What remains of the budget a new charge for `kern`/`wijk` in `year` would go to, and that budget;
    /// nil when there is none.
    public func remaining(kern: String, wijk: String?, year: Int) -> (budget: BudgetAllocated, remaining: Money)? {
        guard let budget = budgetFor(kern: kern, wijk: wijk, year: year),
              let status = budgetStatuses().first(where: { $0.budget.id == budget.id }) else { return nil }
        return (budget, status.remaining)
    }

    /// The budgets allocated for `year`, all kernen together.
    public func allocated(year: Int) -> Money {
        Money.sum(budgets.items.filter { !$0.isWithdrawn && $0.value.year == year }.map(\.value.amount))
    }
}
