import Foundation

/// Turns drafts into events, or refuses them with a message per field. The command line and the
/// forms both go through here, so a rule holds the same way from the keys and from scripts.
public struct Validator: Sendable {
    public let state: KernteamState
    public let today: Day
    public let settings: Settings

    public init(state: KernteamState, today: Day, settings: Settings = Settings()) {
        self.state = state
        self.today = today
        self.settings = settings
    }

    /// Yes/no as typed: `ja`, `nee`, `true`, `false`.
    static func yes(_ s: String?) -> Bool? {
        guard let s = s?.lowercased() else { return nil }
        if ["ja", "j", "yes", "true", "1"].contains(s) { return true }
        if ["nee", "n", "no", "false", "0"].contains(s) { return false }
        return nil
    }

    /// Notes that do not stop an entry but that the user should see (in the app and on stderr).
    public func warnings(_ kind: DraftKind, _ draft: Draft) -> [Text] {
        var out: [Text] = []
        if kind == .priority, let w = draft[.wijk], let place = state.reference.place(named: w), let wijk = place.wijk,
           state.kind(ofWijk: wijk) == .beheer {
            out.append(.priorityInBeheerWijk(wijk))
        }
        return out
    }

    /// Longest text accepted for one field: generous for minutes, small enough to keep lines sane.
    public static let maxTextLength = 4000

    public func validate(_ kind: DraftKind, _ draft: Draft, meeting: RecordID? = nil, target: RecordID? = nil) -> Result<Event, Refusal> {
        var problems: [FieldProblem] = []
        for field in kind.fields where kind.required.contains(field) && draft[field] == nil {
            problems.append(FieldProblem(field, .required))
        }
        for (field, value) in draft.values where value.count > Self.maxTextLength {
            problems.append(FieldProblem(field, .tooLong(Self.maxTextLength)))
        }
        let ref = state.reference

        func place() -> Place? {
            guard let text = draft[.wijk] else { return nil }
            if let p = ref.place(named: text) { return p }
            problems.append(FieldProblem(.wijk, .unknownWijk(text, known: ref.placeNames)))
            return nil
        }
        func day(_ field: DraftField, default fallback: Day?) -> Day? {
            guard let text = draft[field] else { return fallback }
            if let d = Day(text) { return d }
            problems.append(FieldProblem(field, .badDate(text)))
            return nil
        }
        func choice<E: CaseIterable & RawRepresentable>(_ field: DraftField, _ type: E.Type) -> E? where E.RawValue == String {
            guard let text = draft[field] else { return nil }
            if let v = E.parse(text) { return v }
            problems.append(FieldProblem(field, .unknownChoice(text, options: E.allCases.map(\.rawValue))))
            return nil
        }
        func meetingRef() -> RecordID? {
            guard let text = draft[.meeting] else {
                // A meeting passed in by the caller must exist just like one typed in the draft.
                guard let meeting, !state.meetings.contains(meeting) else { return meeting }
                problems.append(FieldProblem(.meeting, .unknownRecord(meeting.description)))
                return nil
            }
            if let id = RecordID(text), id.kind == .meeting, state.meetings.contains(id) { return id }
            problems.append(FieldProblem(.meeting, .unknownRecord(text)))
            return nil
        }
        /// The meeting to link a record about `place` to: one of another kern is refused when typed,
        /// and simply not linked when it only came from the screen's current meeting.
        func meetingFor(_ place: Place?) -> RecordID? {
            guard let m = meetingRef() else { return nil }
            guard let place, let kern = state.meetings[m]?.value.kern, kern != place.kern else { return m }
            if draft[.meeting] != nil { problems.append(FieldProblem(.meeting, .meetingOtherKern(m.description, kern))) }
            return nil
        }

        func existingTarget(_ kinds: [RecordID.Kind]) -> RecordID? {
            guard let target, kinds.contains(target.kind), state.exists(target) else {
                problems.append(FieldProblem(.id, .unknownRecord(target?.description ?? "")))
                return nil
            }
            return target
        }
        func reasonRequired(_ needed: Bool, _ message: Text) {
            if needed && draft[.reason] == nil { problems.append(FieldProblem(.reason, message)) }
        }
        func ids(_ field: DraftField) -> [RecordID]? {
            guard let text = draft[field] else { return nil }
            var out: [RecordID] = []
            for part in text.split(whereSeparator: { $0 == "," || $0 == " " }) where !part.isEmpty {
                if let id = RecordID(String(part)), state.exists(id) { out.append(id) }
                else { problems.append(FieldProblem(field, .unknownRecord(String(part)))) }
            }
            return out
        }

        let event: Event?
        switch kind {
        case .meeting:
            var kern: Kern?
            if let k = draft[.kern] {
                kern = ref.kern(named: k)
                if kern == nil { problems.append(FieldProblem(.kern, .unknownKern(k, known: ref.kernen.map(\.name)))) }
            }
            let date = day(.date, default: nil)
            var length: Int?
            if let l = draft[.length] {
                length = Int(l)
                if length == nil || !(10...600).contains(length!) { problems.append(FieldProblem(.length, .badMinutes(l))); length = nil }
            }
            event = kern.flatMap { k in date.map { .meetingHeld(MeetingHeld(id: state.nextID(.meeting), kern: k.name, date: $0, length: length)) } }

        case .agendaItem:
            let p = draft[.wijk] == nil ? nil : place()
            var minutes: Int?
            if let m = draft[.minutes] {
                minutes = Int(m)
                if minutes == nil || minutes! <= 0 || minutes! > 600 { problems.append(FieldProblem(.minutes, .badMinutes(m))); minutes = nil }
            }
            let m = meetingRef()
            if m == nil && draft[.meeting] == nil && meeting == nil { problems.append(FieldProblem(.meeting, .noMeeting)) }
            if let m, let p, let kern = state.meetings[m]?.value.kern, kern != p.kern {
                problems.append(FieldProblem(.wijk, .meetingOtherKern(m.description, kern)))
            }
            if let m, state.phase(of: m) == .closed { problems.append(FieldProblem(.meeting, .meetingClosed(m.description))) }
            event = m.flatMap { meetingID in
                draft[.title].map { title in
                    let kern = p?.kern ?? state.meetings[meetingID]!.value.kern
                    return .agendaItemAdded(AgendaItemAdded(id: state.nextID(.agendaItem), meeting: meetingID, title: title,
                                                            kern: kern, wijk: p?.wijk, minutes: minutes,
                                                            source: draft[.about].flatMap { RecordID($0) }))
                }
            }

        case .signal:
            let p = place(), theme = choice(.theme, Theme.self), source = choice(.source, SignalSource.self)
            let date = day(.date, default: today), m = meetingFor(p)
            if let p, let theme, let source, let date, let text = draft[.text] {
                event = .signalRecorded(SignalRecorded(id: state.nextID(.signal), kern: p.kern, wijk: p.wijk, theme: theme,
                                                       source: source, text: text, date: date, buurt: draft[.buurt],
                                                       meeting: m))
            } else { event = nil }

        case .action:
            let p = place(), due = day(.due, default: nil), m = meetingFor(p)
            var owner: Organisation?
            if let o = draft[.owner] {
                owner = ref.organisation(named: o)
                if owner == nil { problems.append(FieldProblem(.owner, .unknownOrganisation(o, known: ref.organisations.map(\.name)))) }
            }
            var cost: Money?
            if let c = draft[.cost] {
                cost = Money(c)
                if cost == nil || cost!.cents < 0 { problems.append(FieldProblem(.cost, .badAmount(c))); cost = nil }
            }
            let serves = ids(.serves)
            if let p, let owner, let title = draft[.title] {
                event = .actionCreated(ActionCreated(id: state.nextID(.action), kern: p.kern, wijk: p.wijk, title: title,
                                                     owner: owner.name, person: draft[.person], due: due,
                                                     result: draft[.result], cost: cost, inform: draft[.inform], meeting: m,
                                                     serves: serves?.isEmpty == false ? serves : nil))
            } else { event = nil }

        case .decision:
            let p = place(), m = meetingFor(p)
            if let p, let text = draft[.text] {
                event = .decisionTaken(DecisionTaken(id: state.nextID(.decision), kern: p.kern, wijk: p.wijk, text: text, meeting: m))
            } else { event = nil }

        case .participation:
            let p = place(), work = choice(.work, WorkKind.self), phase = choice(.phase, Phase.self)
            let level = choice(.level, ParticipationLevel.self), m = meetingFor(p)
            var controversial = false
            if let c = draft[.controversial] {
                if let v = Self.yes(c) { controversial = v } else { problems.append(FieldProblem(.controversial, .unknownChoice(c, options: ["ja", "nee"]))) }
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
                                                                                 zelfbeheerRule: work == .leefbaarheidsplan && phase == .uitvoering && level == .zelfbeheer)))
                    } else {
                        override = true
                    }
                }
            }
            if let p, let level, let topic = draft[.topic] {
                event = .participationSet(ParticipationSet(id: state.nextID(.participation), kern: p.kern, wijk: p.wijk, topic: topic,
                                                           work: work, phase: phase, level: level,
                                                           controversial: draft[.controversial] == nil ? nil : controversial,
                                                           reason: draft[.reason], meeting: m, about: about,
                                                           override: override ? true : nil, representatives: draft[.representatives],
                                                           feedbackPlan: draft[.feedbackPlan]))
            } else { event = nil }

        case .initiative:
            let p = place(), date = day(.date, default: today), m = meetingFor(p)
            if let p, let date, let text = draft[.text] {
                event = .initiativeRecorded(InitiativeRecorded(id: state.nextID(.initiative), kern: p.kern, wijk: p.wijk, text: text,
                                                               date: date, meeting: m))
            } else { event = nil }

        case .triageSignal:
            let route = choice(.route, SignalRoute.self), t = existingTarget([.signal])
            reasonRequired(route == .buitenScope, .reasonRequiredOutOfScope)
            event = (t != nil && route != nil) ? .signalTriaged(SignalTriaged(ref: t!, route: route!, reason: draft[.reason], date: today)) : nil

        case .triageInitiative:
            let outcome = choice(.outcome, InitiativeOutcome.self), t = existingTarget([.initiative])
            reasonRequired(outcome == .nietUitvoerbaar, .reasonRequiredNotExecutable)
            if let t, let o = state.initiatives[t]?.value.outcome, o == outcome {
                problems.append(FieldProblem(.outcome, .statusUnchanged(o.rawValue)))
            }
            event = (t != nil && outcome != nil) ? .initiativeTriaged(InitiativeTriaged(ref: t!, outcome: outcome!, reason: draft[.reason], date: today)) : nil

        case .proposal:
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
            event = (proposal != nil && accepted != nil)
                ? .proposalDecided(ProposalDecided(kern: proposal!.kern, wijk: proposal!.wijk, theme: proposal!.theme, signals: proposal!.signals,
                                                   accepted: accepted!, reason: draft[.reason], meeting: meetingRef()))
                : nil

        case .priority:
            let p = place(), theme = choice(.theme, Theme.self), m = meetingRef()
            if let p {
                let active = state.activePriorities(wijk: p.wijk, kern: p.kern)
                if active.count >= 5 {
                    problems.append(FieldProblem(.wijk, .priorityCap(p.label, active.map(\.id.description))))
                }
            }
            if let p, let theme, let text = draft[.text] {
                event = .prioritySet(PrioritySet(id: state.nextID(.priority), kern: p.kern, wijk: p.wijk, theme: theme, text: text,
                                                 period: draft[.period], meeting: m))
            } else { event = nil }

        case .closePriority:
            let t = existingTarget([.priority])
            if let t, state.closedPriorities[t] != nil { problems.append(FieldProblem(.id, .alreadyClosed(t.description))) }
            event = t.map { .priorityClosed(PriorityClosed(ref: $0, reason: draft[.reason])) }

        case .wijkKind:
            let p = place(), k = choice(.kind, WijkKind.self)
            if let p, p.wijk == nil { problems.append(FieldProblem(.wijk, .wijkNotKern(p.kern))) }
            var decision: RecordID?
            if let d = draft[.decision] {
                if let id = RecordID(d), id.kind == .decision, let taken = state.decisions[id], !taken.isWithdrawn {
                    if taken.value.kern != p?.kern { problems.append(FieldProblem(.decision, .decisionOtherKern(d))) }
                    decision = id
                } else { problems.append(FieldProblem(.decision, .unknownRecord(d))) }
            }
            if let w = p?.wijk, let k, state.kind(ofWijk: w) == k { problems.append(FieldProblem(.kind, .statusUnchanged(k.rawValue))) }
            event = (p?.wijk != nil && k != nil && decision != nil) ? .wijkKindChanged(WijkKindChanged(wijk: p!.wijk!, kind: k!, decision: decision!)) : nil

        case .budget:
            let p = place()
            var year: Int?
            if let y = draft[.year] {
                year = Int(y)
                if year == nil || !(2000...2100).contains(year!) { problems.append(FieldProblem(.year, .badYear(y))); year = nil }
            }
            var amount: Money?
            if let a = draft[.amount] {
                amount = Money(a)
                if amount == nil || amount!.cents <= 0 { problems.append(FieldProblem(.amount, .badAmount(a))); amount = nil }
            }
            var decision: RecordID?
            if let d = draft[.decision] {
                if let id = RecordID(d), id.kind == .decision, state.decisions.contains(id) { decision = id }
                else { problems.append(FieldProblem(.decision, .unknownRecord(d))) }
            }
            if let p, let year, state.budgets.items.contains(where: { !$0.isWithdrawn && $0.value.kern == p.kern && $0.value.wijk == p.wijk && $0.value.year == year }) {
                problems.append(FieldProblem(.year, .budgetExists(p.label, year)))
            }
            event = (p != nil && year != nil && amount != nil)
                ? .budgetAllocated(BudgetAllocated(id: state.nextID(.budget), kern: p!.kern, wijk: p!.wijk, year: year!, amount: amount!, decision: decision))
                : nil

        case .openMeeting:
            let t = existingTarget([.meeting])
            if let t {
                switch state.phase(of: t) {
                case .open: problems.append(FieldProblem(.meeting, .meetingAlreadyOpen(t.description)))
                case .closed: problems.append(FieldProblem(.meeting, .meetingClosed(t.description)))
                case .prepared: break
                }
            }
            event = t.map { .meetingOpened(MeetingOpened(ref: $0)) }

        case .nextItem, .previousItem:
            guard let m = existingTarget([.meeting]) else { event = nil; break }
            guard state.phase(of: m) == .open else {
                problems.append(FieldProblem(.meeting, .meetingNotOpen(m.description)))
                event = nil
                break
            }
            let items = state.orderedAgenda(m)
            let current = state.currentItem(m)
            let index = current.flatMap { c in items.firstIndex { $0.id == c.id } }
            var next: AgendaItemAdded?
            if kind == .nextItem {
                // The first item after the current one (or from the top) that has not been dealt with.
                let from = index.map { $0 + 1 } ?? 0
                next = items.dropFirst(from).first { state.itemOutcome[$0.id] == nil }
            } else {
                next = index.flatMap { $0 > 0 ? items[$0 - 1] : nil }
            }
            guard let next else {
                problems.append(FieldProblem(.meeting, kind == .nextItem ? .noNextItem : .noPreviousItem))
                event = nil
                break
            }
            let outcome = choice(.outcome, ItemOutcome.self) ?? .besproken
            event = .agendaItemStarted(AgendaItemStarted(ref: next.id, ended: current?.id, outcome: current == nil ? nil : outcome))

        case .endItem:
            let t = existingTarget([.agendaItem]), outcome = choice(.outcome, ItemOutcome.self)
            if let t, let item = state.agenda[t]?.value, state.phase(of: item.meeting) != .open {
                problems.append(FieldProblem(.meeting, .meetingNotOpen(item.meeting.description)))
            }
            event = (t != nil && outcome != nil) ? .agendaItemEnded(AgendaItemEnded(ref: t!, outcome: outcome!)) : nil

        case .reopenMeeting:
            let t = existingTarget([.meeting])
            if let t, state.phase(of: t) != .closed { problems.append(FieldProblem(.meeting, .meetingNotClosed(t.description))) }
            var decision: RecordID?
            if let d = draft[.decision] {
                if let id = RecordID(d), id.kind == .decision, state.decisions.contains(id) { decision = id }
                else { problems.append(FieldProblem(.decision, .unknownRecord(d))) }
            }
            event = (t != nil && decision != nil) ? .meetingReopened(MeetingReopened(ref: t!, decision: decision!)) : nil

        case .attendance:
            let t = existingTarget([.meeting]), status = choice(.attendance, AttendanceStatus.self)
            var org: Organisation?
            if let o = draft[.org] {
                org = ref.organisation(named: o)
                if org == nil { problems.append(FieldProblem(.org, .unknownOrganisation(o, known: ref.organisations.map(\.name)))) }
            }
            if let t, state.phase(of: t) == .closed { problems.append(FieldProblem(.meeting, .meetingClosed(t.description))) }
            event = (t != nil && org != nil && status != nil) ? .attendanceRecorded(AttendanceRecorded(meeting: t!, org: org!.name, status: status!)) : nil

        case .residents:
            let t = existingTarget([.meeting])
            var count: Int?
            if let c = draft[.count] {
                count = Int(c)
                if count == nil || count! < 0 || count! > 10_000 { problems.append(FieldProblem(.count, .badCount(c))); count = nil }
            }
            if let t, state.phase(of: t) == .closed { problems.append(FieldProblem(.meeting, .meetingClosed(t.description))) }
            event = (t != nil && count != nil) ? .residentsCounted(ResidentsCounted(meeting: t!, count: count!)) : nil

        case .moveItem:
            guard let t = existingTarget([.agendaItem]), let item = state.agenda[t]?.value else { event = nil; break }
            if state.phase(of: item.meeting) == .closed { problems.append(FieldProblem(.meeting, .meetingClosed(item.meeting.description))) }
            var order = state.orderedAgenda(item.meeting).map(\.id)
            guard let i = order.firstIndex(of: t) else { event = nil; problems.append(FieldProblem(.id, .unknownRecord(t.description))); break }
            let up = (draft[.direction] ?? "op") == "op"
            let j = up ? i - 1 : i + 1
            guard order.indices.contains(j) else { event = nil; problems.append(FieldProblem(.direction, .cannotMove)); break }
            order.swapAt(i, j)
            event = .agendaReordered(AgendaReordered(meeting: item.meeting, order: order))

        case .removeItem:
            guard let t = existingTarget([.agendaItem]), let item = state.agenda[t] else { event = nil; break }
            if item.isWithdrawn { problems.append(FieldProblem(.id, .alreadyClosed(t.description))) }
            if state.phase(of: item.value.meeting) == .closed { problems.append(FieldProblem(.meeting, .meetingClosed(item.value.meeting.description))) }
            // The default reason is written into the log: Dutch (`.nl`) whatever `--lang` says.
            event = .entryWithdrawn(EntryWithdrawn(ref: t, reason: draft[.reason] ?? Text.removedFromAgenda.nl))

        case .timebox:
            let t = existingTarget([.agendaItem])
            var minutes: Int?
            if let m = draft[.minutes] {
                minutes = Int(m)
                if minutes == nil || !(1...600).contains(minutes!) { problems.append(FieldProblem(.minutes, .badMinutes(m))); minutes = nil }
            }
            if let t, let item = state.agenda[t] {
                if state.phase(of: item.value.meeting) == .closed { problems.append(FieldProblem(.meeting, .meetingClosed(item.value.meeting.description))) }
                if item.isWithdrawn { problems.append(FieldProblem(.id, .alreadyClosed(t.description))) }
                if let minutes, item.value.minutes == minutes { problems.append(FieldProblem(.minutes, .statusUnchanged("\(minutes) min"))) }
            }
            event = (t != nil && minutes != nil) ? .entryCorrected(EntryCorrected(ref: t!, fields: ["minutes": String(minutes!)], reason: nil)) : nil

        case .historyFilter, .export:
            problems.append(FieldProblem(.id, .unknownRecord("filter")))
            event = nil

        case .lemon:
            let p = place(), theme = choice(.theme, Theme.self)
            var year: Int?
            if let y = draft[.year] {
                year = Int(y)
                if year == nil || !(1990...2100).contains(year!) { problems.append(FieldProblem(.year, .badYear(y))); year = nil }
            }
            var score: Int?
            if let s = draft[.score] {
                // Lemon scores run from 1 to 10 with up to two decimals: 7,25 or 7.25.
                if let m = Money(s), m.cents >= 100, m.cents <= 1000 { score = m.cents }
                else { problems.append(FieldProblem(.score, .badScore(s))) }
            }
            event = (p != nil && theme != nil && year != nil && score != nil)
                ? .lemonScored(LemonScored(kern: p!.kern, wijk: p!.wijk, theme: theme!, year: year!, score: score!)) : nil

        case .feedback:
            let t = existingTarget([.signal, .initiative]), date = day(.date, default: today)
            event = (t != nil && date != nil && draft[.how] != nil) ? .feedbackGiven(FeedbackGiven(ref: t!, how: draft[.how]!, date: date!)) : nil

        case .status:
            let status = choice(.status, ActionStatus.self)
            guard let target, let action = state.actions[target] else {
                problems.append(FieldProblem(.id, .unknownRecord(target?.description ?? "")))
                return .failure(Refusal(problems))
            }
            if status == .vervallen && draft[.reason] == nil {
                problems.append(FieldProblem(.reason, .reasonRequiredToDrop))
            }
            if let status, status == action.value.status {
                problems.append(FieldProblem(.status, .statusUnchanged(status.rawValue)))
            }
            event = status.map { .actionStatusChanged(ActionStatusChanged(ref: target, status: $0, reason: draft[.reason])) }
        }

        if problems.isEmpty, let event { return .success(linkedToCurrentItem(event)) }
        if problems.isEmpty { problems.append(FieldProblem(.text, .required)) }
        return .failure(Refusal(problems))
    }
}

extension Validator {
    /// What is recorded during an open meeting is linked to the agenda item under discussion.
    func linkedToCurrentItem(_ event: Event) -> Event {
        func current(_ meeting: RecordID?) -> RecordID? { meeting.flatMap { state.currentItem($0)?.id } }
        switch event {
        case .signalRecorded(var e): e.item = current(e.meeting); return .signalRecorded(e)
        case .actionCreated(var e): e.item = current(e.meeting); return .actionCreated(e)
        case .decisionTaken(var e): e.item = current(e.meeting); return .decisionTaken(e)
        case .participationSet(var e): e.item = current(e.meeting); return .participationSet(e)
        case .initiativeRecorded(var e): e.item = current(e.meeting); return .initiativeRecorded(e)
        default: return event
        }
    }
}
