import KernteamDomain

/// Budgets per place and year: what was allocated, spent and is left.
enum BudgetsList: ListUnit {
    static let title: Text = .listBudgets
    static let empty: Text = .emptyBudgets
    static let addKind: DraftKind? = .budget
    static let recordKind: RecordID.Kind? = .budget

    static func rows(_ c: PaneContent) -> PaneRows {
        PaneRows(c.domain.budgetStatuses()
            .filter { c.matches(kern: $0.budget.kern, wijk: $0.budget.wijk) }
            .map { b in
                PaneRow(id: b.budget.id, spans: [
                    Span(b.budget.id.description, .id, width: 5),
                    Span(String(b.budget.year), .muted, width: 4),
                    Span(b.budget.wijk ?? b.budget.kern, .plain, width: 12, wideWidth: 22),
                    Span(b.budget.amount.dutch, .plain, width: 12, hideBelow: 56),
                    Span((b.isOver ? Text.overBudget.text + " · " : "") + Text.budgetLine(spent: b.spent.dutch, remaining: b.remaining.dutch).text,
                         b.isOver ? .overdue : .muted),
                ])
            })
    }

    static func details(_ id: RecordID, _ d: inout DetailLines) -> Bool {
        guard id.kind == .budget else { return false }
        guard let t = d.domain.budgets[id], let status = d.domain.budgetStatuses().first(where: { $0.budget.id == id }) else { return true }
        d.opt(.wijk, t.value.wijk ?? t.value.kern); d.opt(.year, String(t.value.year)); d.opt(.amount, t.value.amount.dutch)
        d.opt(.decision, t.value.decision?.description)
        d.add(.detailSpent, Text.budgetLine(spent: status.spent.dutch, remaining: status.remaining.dutch).text + (status.isOver ? " · " + Text.overBudget.text : ""))
        // The wijkmanager's account: every charge, the deliberate overspends marked with their reason.
        for s in status.spending {
            d.add("", "\(s.action) \(s.cost.dutch) \(s.title)" + (s.overspends ? " · " + Text.plan(.overspendMark(s.reason ?? "")).text : ""))
        }
        d.history(t)
        return true
    }
}
