import KernteamDomain

/// Participation levels per topic, with the ladder of the selected topic below the rows.
enum ParticipationList: ListUnit {
    static let title: Text = .paneParticipation
    static let empty: Text = .emptyParticipation
    static let addKind: DraftKind? = .participation
    static let recordKind: RecordID.Kind? = .participation

    static func rows(_ c: PaneContent) -> PaneRows {
        // In log order; a row is built only when drawn.
        c.orderedRows(c.domain.participation.items,
                      keep: { !$0.isWithdrawn && c.matches(kern: $0.kern, wijk: $0.wijk) },
                      key: { PaneContent.SortKey(a: 0, b: 0, c: $0.seq) }) { t in
            let p = t.value
            return PaneRow(id: p.id, spans: [
                Span(p.id.description, .id, width: 5),
                Span(p.level.rawValue, .plain, width: 12),
                Span(p.wijk ?? p.kern, .muted, width: 12, hideBelow: 56, wideWidth: 22),
                Span(p.topic),
            ])
        }
    }

    static func details(_ id: RecordID, _ d: inout DetailLines) -> Bool {
        guard id.kind == .participation else { return false }
        guard let t = d.domain.participation[id] else { return true }
        let p = t.value
        d.opt(.wijk, p.wijk ?? p.kern); d.opt(.topic, p.topic); d.opt(.work, p.work?.rawValue); d.opt(.phase, p.phase?.rawValue)
        d.opt(.controversial, p.controversial.map { $0 ? "ja" : "nee" })
        d.opt(.level, p.level.rawValue + (p.override == true ? " (bewuste afwijking)" : "")); d.opt(.reason, p.reason)
        if let work = p.work, let phase = p.phase {
            let allowed = ParticipationRules.allowed(work: work, phase: phase, controversial: p.controversial ?? false)
            d.add(.detailAllowed, allowed.map { "\($0.lowerBound.rawValue) … \($0.upperBound.rawValue)" } ?? Text.ladderNoRange.text)
        }
        d.opt(.representatives, d.hidePersonal ? p.representatives.map { _ in Text.hiddenPerson.text } : p.representatives)
        d.opt(.feedbackPlan, p.feedbackPlan)
        d.opt(.id, p.about?.description); d.opt(.meeting, p.meeting?.description)
        d.history(t)
        return true
    }

    /// The ladder of the selected topic. On the projector representatives stay hidden unless the chair
    /// revealed this topic (i).
    static func drawBelow(_ screen: Screen, selected: RecordID?, in area: Rect, _ buffer: inout Buffer) {
        LadderView(palette: screen.palette, hidePersonal: screen.model.projector && screen.model.revealed != selected)
            .render(&buffer, participation: selected.flatMap { screen.world.domain.participation[$0]?.value }, area: area)
    }
}
