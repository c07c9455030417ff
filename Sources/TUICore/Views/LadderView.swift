import KernteamDomain

/// The participation ladder for one topic: six steps, the chosen level, the range the plan allows,
/// and who speaks for the residents. Readable in monochrome: the range and choice are marked with
/// symbols and words, not only colour.
struct LadderView {
    let palette: Palette
    /// On the projector, names of representatives are personal data too.
    var hidePersonal = false

    /// Rows needed: separator, title, range line, six steps, two lines about representation.
    static let height = 11

    func render(_ buffer: inout Buffer, participation p: ParticipationSet?, area: Rect) {
        guard let p, area.height >= 3 else { return }
        // Long texts are cut with an ellipsis, so nobody takes a cut-off reason for the whole one.
        for x in area.x..<area.maxX { buffer.put("╌", x: x, y: area.y, style: palette.border) }
        buffer.put(DisplayWidth.truncate(Text.ladderTitle(p.topic).text, to: area.width - 2), x: area.x + 1, y: area.y + 1, maxWidth: area.width - 2, style: palette.paneTitle)
        var allowed: ClosedRange<ParticipationLevel>?
        var rangeText: String?
        if let work = p.work, let phase = p.phase {
            allowed = ParticipationRules.allowed(work: work, phase: phase, controversial: p.controversial ?? false)
            rangeText = allowed.map { Text.ladderAllowed("\($0.lowerBound.rawValue) … \($0.upperBound.rawValue)").text } ?? Text.ladderNoRange.text
            rangeText = "\(work.rawValue), \(phase.rawValue)\(p.controversial == true ? ", omstreden" : "") · " + rangeText!
        }
        var y = area.y + 2
        if let rangeText, y < area.maxY {
            buffer.put(DisplayWidth.truncate(rangeText, to: area.width - 2), x: area.x + 1, y: y, maxWidth: area.width - 2, style: palette.muted)
            y += 1
        }
        for level in ParticipationLevel.allCases.reversed() where y < area.maxY {
            let chosen = level == p.level
            let inRange = allowed?.contains(level) ?? false
            let bar = String(repeating: "█", count: level.rank + 1)
            let x0 = area.x + 1
            // ▐ marks a step inside the allowed range, so it reads without colour.
            buffer.put(inRange ? "▐" : " ", x: x0, y: y, style: palette.ladderRange)
            buffer.put(DisplayWidth.pad(bar, to: 6), x: x0 + 1, y: y, style: chosen ? palette.ladderChosen : (inRange ? palette.ladderRange : palette.ladderStep))
            buffer.put(DisplayWidth.pad("\(level.rank) \(level.rawValue)", to: 15), x: x0 + 8, y: y, style: chosen ? palette.ladderChosen : .plain)
            if chosen {
                let mark = p.override == true ? "◀ \(Text.ladderOverride(p.reason ?? "").text)" : Text.ladderChosen.text
                buffer.put(DisplayWidth.truncate(mark, to: max(0, area.maxX - x0 - 24)), x: x0 + 24, y: y, maxWidth: max(0, area.maxX - x0 - 24), style: p.override == true ? palette.overdue : palette.title)
            }
            y += 1
        }
        if let r = p.representatives, y < area.maxY {
            buffer.put(DisplayWidth.truncate(Text.ladderRepresentatives(hidePersonal ? Text.hiddenPerson.text : r).text, to: area.width - 2), x: area.x + 1, y: y, maxWidth: area.width - 2)
            y += 1
        }
        if let f = p.feedbackPlan, y < area.maxY {
            buffer.put(DisplayWidth.truncate(Text.ladderFeedback(f).text, to: area.width - 2), x: area.x + 1, y: y, maxWidth: area.width - 2)
        }
    }
}
