/// The rules for participation levels (the ladder).
/// Each function reads a draft of one kind and returns its event, or nil with the problems noted
/// (see `DraftCheck`).
extension DraftCheck {
    /// A participation level: within the range the plan allows for the work and phase, or with a reason.
    mutating func participationEvent() -> Event? {
        let p = place(), work = choice(.work, WorkKind.self), phase = choice(.phase, Phase.self)
        let level = choice(.level, ParticipationLevel.self), m = meetingFor(p)
        var controversial = false
        if let c = draft[.controversial] {
            if let v = Validator.yes(c) { controversial = v } else { problems.append(FieldProblem(.controversial, .unknownChoice(c, options: ["ja", "nee"]))) }
        }
        var about: RecordID?
        if let target {
            if state.exists(target) { about = target } else { problems.append(FieldProblem(.id, .unknownRecord(target.description))) }
        }
        var override = false
        if let work, let phase, let level {
            let allowed = ParticipationRules.allowed(work: work, phase: phase, controversial: controversial)
            if !(allowed?.contains(level) ?? false) {
                if draft[.reason] == nil {
                    problems.append(FieldProblem(.level, .levelOutsideRange(level: level.rawValue, work: work.rawValue, phase: phase.rawValue,
                                                                             range: allowed.map { "\($0.lowerBound.rawValue) … \($0.upperBound.rawValue)" },
                                                                             zelfbeheerRule: work == .leefbaarheidsplan && phase == .uitvoering && level == .zelfbeheer),
                                                 fix: .reason))
                } else {
                    override = true
                }
            }
        }
        if let p, let level, let topic = draft[.topic] {
            return .participationSet(ParticipationSet(id: state.nextID(.participation), kern: p.kern, wijk: p.wijk, topic: topic,
                                                       work: work, phase: phase, level: level,
                                                       controversial: draft[.controversial] == nil ? nil : controversial,
                                                       reason: draft[.reason], meeting: m, about: about,
                                                       override: override ? true : nil, representatives: draft[.representatives],
                                                       feedbackPlan: draft[.feedbackPlan]))
        } else { return nil }
    }
}
