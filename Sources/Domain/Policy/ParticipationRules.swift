/// Which participation levels fit which kind of work, per phase (the table in section 1.2 of the plan).
public enum ParticipationRules {
    /// The allowed range, or nil when the plan gives no level for this work in this phase.
    public static func allowed(work: WorkKind, phase: Phase, controversial: Bool) -> ClosedRange<ParticipationLevel>? {
        switch (work, phase) {
        // Regular maintenance: residents not involved (exceptions need a reason: they report
        // bottlenecks themselves, or it raises involvement, e.g. a joint clean-up).
        case (.beheer, _): return .niet ... .niet
        // Yesterday's problems solved at once: residents are critical customers.
        case (.beheerDirect, _): return .niet ... .niet
        // A liveability plan: residents at least consulted, at most co-producing the plan …
        case (.leefbaarheidsplan, .planvorming): return .consulteren ... .coproduceren
        // … and anything in its execution; self-management only where there is no controversy.
        case (.leefbaarheidsplan, .uitvoering): return .niet ... (controversial ? .delegeren : .zelfbeheer)
        case (.gemeentelijkPlan, _): return .consulteren ... .zelfbeheer
        case (.grootOnderhoud, _): return .consulteren ... .coproduceren
        // A wijkvisie: in principle coproduceren, possibly delegeren, at least participeren.
        case (.wijkvisie, .planvorming): return .participeren ... .delegeren
        case (.wijkvisie, .uitvoering): return nil
        }
    }

    /// The level the plan prefers, where it names one.
    public static func preferred(work: WorkKind, phase: Phase) -> ParticipationLevel? {
        switch (work, phase) {
        case (.leefbaarheidsplan, .planvorming), (.wijkvisie, .planvorming): .coproduceren
        default: nil
        }
    }
}
