/// The rules for signals from the wijken, their triage, recurrence proposals and feedback to residents.
/// Each function reads a draft of one kind and returns its event, or nil with the problems noted
/// (see `DraftCheck`).
extension DraftCheck {
    /// A signal: a known place, theme and source, a date (today when left out).
    mutating func signalEvent() -> Event? {
        let p = place(), theme = choice(.theme, Theme.self), source = choice(.source, SignalSource.self)
        let date = day(.date, default: today), m = meetingFor(p)
        if let p, let theme, let source, let date, let text = draft[.text] {
            return .signalRecorded(SignalRecorded(id: state.nextID(.signal), kern: p.kern, wijk: p.wijk, theme: theme,
                                                   source: source, text: text, date: date, buurt: draft[.buurt],
                                                   meeting: m))
        } else { return nil }
    }

    /// Where a signal goes; out of scope needs a reason.
    mutating func triageSignalEvent() -> Event? {
        let route = choice(.route, SignalRoute.self), t = existingTarget([.signal])
        reasonRequired(route == .buitenScope, .reasonRequiredOutOfScope)
        let date = triageDay(recorded: t.flatMap { state.signals[$0]?.value.date })
        return (t != nil && route != nil && date != nil) ? .signalTriaged(SignalTriaged(ref: t!, route: route!, reason: draft[.reason], date: date!)) : nil
    }

    /// Accepting or dismissing a recurrence proposal that stands now.
    mutating func proposalEvent() -> Event? {
        var accepted: Bool?
        if let c = draft[.choice] {
            switch c.lowercased() {
            case "accepteren", "accept", "ja": accepted = true
            case "afwijzen", "dismiss", "nee": accepted = false
            default: problems.append(FieldProblem(.choice, .unknownChoice(c, options: ["accepteren", "afwijzen"])))
            }
        }
        let theme = choice(.theme, Theme.self), p = place()
        let proposal = state.recurrenceProposals(settings: settings).first { $0.theme == theme && $0.kern == p?.kern && $0.wijk == p?.wijk }
        if proposal == nil && theme != nil && p != nil {
            problems.append(FieldProblem(.theme, .noProposal(p!.label, theme!.rawValue)))
        }
        return (proposal != nil && accepted != nil)
            ? .proposalDecided(ProposalDecided(kern: proposal!.kern, wijk: proposal!.wijk, theme: proposal!.theme, signals: proposal!.signals,
                                               accepted: accepted!, reason: draft[.reason], meeting: meetingRef()))
            : nil
    }

    /// Feedback to residents on a signal or initiative.
    mutating func feedbackEvent() -> Event? {
        let t = existingTarget([.signal, .initiative]), date = day(.date, default: today)
        return (t != nil && date != nil && draft[.how] != nil) ? .feedbackGiven(FeedbackGiven(ref: t!, how: draft[.how]!, date: date!)) : nil
    }
}
