/// A budget with what was spent against it.
public struct BudgetStatus: Hashable, Sendable {
    public var budget: BudgetAllocated
    /// Actions whose cost counts against this budget, with their cost.
    public var spending: [(action: RecordID, title: String, cost: Money)]
    public var spent: Money { Money.sum(spending.map(\.cost)) }
    public var remaining: Money { budget.amount.subtracting(spent) }
    public var isOver: Bool { remaining.cents < 0 }

    public static func == (a: BudgetStatus, b: BudgetStatus) -> Bool {
        a.budget == b.budget && a.spending.map(\.action) == b.spending.map(\.action) && a.spent == b.spent
    }
    public func hash(into h: inout Hasher) { h.combine(budget); h.combine(spent) }
}

extension KernteamState {
    /// The year an action's cost falls in: its due date, else the year it was recorded.
    func costYear(_ t: Tracked<ActionRecord>) -> Int {
        t.value.created.due?.year ?? Int(t.timestamp.prefix(4)) ?? 0
    }

    /// Every standing budget with the costs of the actions it pays for. An action's cost counts against
    /// the budget of its own wijk for that year; an action without a wijk budget (or for the whole kern)
    /// counts against the kern's budget. Dropped and withdrawn actions cost nothing.
    public func budgetStatuses() -> [BudgetStatus] {
        let standing = budgets.items.filter { !$0.isWithdrawn }.map(\.value)
        var statuses = standing.map { BudgetStatus(budget: $0, spending: []) }
        for t in actions.items where !t.isWithdrawn && t.value.status != .vervallen {
            guard let cost = t.value.created.cost, cost.cents > 0 else { continue }
            let a = t.value.created, year = costYear(t)
            let index = statuses.firstIndex { $0.budget.year == year && $0.budget.kern == a.kern && $0.budget.wijk != nil && $0.budget.wijk == a.wijk }
                ?? statuses.firstIndex { $0.budget.year == year && $0.budget.kern == a.kern && $0.budget.wijk == nil }
            if let index { statuses[index].spending.append((a.id, a.title, cost)) }
        }
        return statuses.sorted { ($0.budget.year, $0.budget.kern, $0.budget.wijk ?? "") < ($1.budget.year, $1.budget.kern, $1.budget.wijk ?? "") }
    }
}
