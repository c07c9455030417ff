import Foundation

/// Dates as a secretary types them in a hurry: `15-01` or `15-1` (the year follows from today),
/// `15-01-10` (20xx), `15/1`, `15.1.2010`, besides the full forms `Day(_:)` reads. Without a year a
/// deadline or a meeting is the first such day from today on; a signal's or initiative's date is the
/// last one up to today. The rule is fixed and the form and the quick-entry line show the full date
/// before it is saved, so nothing is guessed out of sight.
extension Day {
    public enum Toward: Sendable { case future, past }

    public init?(typed text: String, today: Day, toward: Toward) {
        if let full = Day(text) { self = full; return }
        let parts = text.trimmingCharacters(in: .whitespaces)
            .split(omittingEmptySubsequences: false, whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." })
        guard parts.count == 2 || parts.count == 3,
              parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              parts[0].count <= 2, parts[1].count <= 2,
              let d = Int(parts[0]), let m = Int(parts[1]) else { return nil }
        if parts.count == 3 {
            guard let y = Int(parts[2]), parts[2].count == 2 || parts[2].count == 4 else { return nil }
            guard let day = Day(year: parts[2].count == 2 ? 2000 + y : y, month: m, day: d) else { return nil }
            self = day
            return
        }
        // No year: this year's day, or the next (or last) year's when it lies on the wrong side of today.
        // 29-02 skips to a year that has it.
        for offset in 0...8 {
            let year = toward == .future ? today.year + offset : today.year - offset
            guard let candidate = Day(year: year, month: m, day: d) else {
                if (1...12).contains(m), d == 29, m == 2 { continue }
                return nil
            }
            if toward == .future ? candidate >= today : candidate <= today { self = candidate; return }
        }
        return nil
    }
}
