import Foundation
import KernteamDomain
import KernteamLog

extension Session {
    /// Erases every person record whose name matches (case-insensitive, trimmed) and notes the
    /// erasure in the log by reference only. Returns the references erased.
    public func erasePerson(named name: String) throws -> [PersonRef] {
        let wanted = ReferenceData.matchKey(name)
        // Also temp copies a crashed save left behind: they hold the same data.
        let records = Array(personal.loadAll().values) + personal.loadLeftovers()
        let refs = Set(records.filter { $0.name.map(ReferenceData.matchKey) == wanted }.map(\.ref)).sorted()
        return try erase(refs, reason: "verzoek betrokkene")
    }

    /// Erases person records recorded more than `months` months before today (the retention term).
    @discardableResult
    public func expirePersonalData(olderThanMonths months: Int) throws -> [PersonRef] {
        let t = today
        var y = t.year, m = t.month - months
        while m < 1 { m += 12; y -= 1 }
        let cutoff = Day(year: y, month: m, day: min(t.day, 28)) ?? t
        personal.removeStaleLeftovers()
        let refs = personal.loadAll().values.filter { $0.recorded < cutoff }.map(\.ref).sorted()
        return try erase(refs, reason: "bewaartermijn \(months) maanden verstreken")
    }

    private func erase(_ refs: [PersonRef], reason: String) throws -> [PersonRef] {
        guard !refs.isEmpty else { return [] }
        // Delete first: if the log entry then fails, the data is still gone, which is what was asked.
        let removed = try personal.delete(refs)
        reloadPersons()
        // On a damaged log the data is still erased (that was asked), but no note can be appended.
        if !log.isReadOnly && firstProblem == nil {
            try append(.personErased(PersonErased(refs: removed, reason: reason)))
        }
        return removed
    }
}
