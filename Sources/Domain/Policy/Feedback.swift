/// Something residents brought in and have not yet heard back about.
public struct FeedbackOwed: Hashable, Sendable {
    public var id: RecordID
    public var kern: String
    public var wijk: String?
    public var text: String
    public var since: Day
}

extension KernteamState {
    /// Residents' signals (source `bewoner`, or with a named reporter) and all citizen initiatives that
    /// have no feedback yet, oldest first. Withdrawn ones are left out.
    public func feedbackOwed() -> [FeedbackOwed] {
        var out: [FeedbackOwed] = []
        for t in signals.items where !t.isWithdrawn && feedback[t.value.id] == nil
            && (t.value.source == .bewoner || t.value.person != nil) {
            let s = t.value
            out.append(FeedbackOwed(id: s.id, kern: s.kern, wijk: s.wijk, text: s.text, since: s.date))
        }
        for t in initiatives.items where !t.isWithdrawn && feedback[t.value.recorded.id] == nil {
            let i = t.value.recorded
            out.append(FeedbackOwed(id: i.id, kern: i.kern, wijk: i.wijk, text: i.text, since: i.date))
        }
        return out.sorted { ($0.since, $0.id.description) < ($1.since, $1.id.description) }
    }
}
